import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrontlineError, readCurtoisQu, readInrc2, writeInrc2Solution, type StaffingProblem } from '../../src/index.js';
import { curtoisQuText, inrc2Files } from './staffingFixtures.js';

const caught = (f: () => unknown): FrontlineError => {
  try {
    f();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError');
};

describe('readInrc2', () => {
  const problem = readInrc2(inrc2Files('n005w4', 0, [1, 2, 3, 3]));

  it('reads the scenario: skills, shift types with their runs, successions, contracts, nurses', () => {
    expect(problem.name).toBe('n005w4');
    expect(problem.days).toBe(28);
    expect(problem.skills.map((k) => k.id)).toEqual(['HeadNurse', 'Nurse']);
    expect(problem.shiftTypes).toEqual([
      { id: 'Early', consecutive: { min: 2, max: 5, weight: 15 } },
      { id: 'Late', consecutive: { min: 2, max: 3, weight: 15 } },
      { id: 'Night', consecutive: { min: 4, max: 5, weight: 15 } },
    ]);
    expect(problem.forbiddenSuccessions).toEqual([
      { from: 'Late', to: 'Early' },
      { from: 'Night', to: 'Early' },
      { from: 'Night', to: 'Late' },
    ]);
    expect(problem.contracts.find((c) => c.id === 'PartTime')).toEqual({
      id: 'PartTime',
      assignments: { min: 7, max: 11, weight: 20 },
      workingDays: { min: 3, max: 5, weight: 30 },
      daysOff: { min: 3, max: 5, weight: 30 },
      weekends: { max: 2, weight: 30 },
      completeWeekends: 30,
    });
    expect(problem.people.find((p) => p.id === 'Sara')).toEqual({
      id: 'Sara',
      skills: ['Nurse'],
      contract: 'PartTime',
      history: { assignments: 0, weekends: 0, lastShift: 'Late', sameShiftRun: 1, workRun: 4, offRun: 0 },
    });
    expect(problem.people.find((p) => p.id === 'Stefaan')?.history?.lastShift).toBeNull();
    expect(problem.minimumsAtEnd).toBe(false);
  });

  it("agrees with the same instance in NurseScheduler's combined format: cover, weights and requests", () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/rostering/inrc2/n005w4/n005w4_0_1-2-3-3.txt'), 'utf8');
    const sections = text.split('\nHOSPITAL_DEMAND\n').slice(1).map((s) => s.split('\nEND')[0]!.split('\n'));
    expect(sections).toHaveLength(2);
    const day = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - Date.parse('2023-09-04T00:00:00Z')) / 86_400_000;
    const cover = new Map(problem.cover.map((c) => [`${c.day}/${c.shift}/${c.skill}`, c]));
    let rows = 0;
    for (const [i, lines] of sections.entries()) {
      for (const line of lines) {
        const [date, shift, skill, demand, weight] = line.split(',');
        const c = cover.get(`${day(date!)}/${shift}/${skill}`);
        rows++;
        if (i === 0) expect(c?.min ?? 0, line).toBe(Number(demand));
        else {
          expect(c?.optimal ?? 0, line).toBe(Number(demand));
          if (c !== undefined) expect(c.underWeight).toBe(Number(weight));
        }
      }
    }
    expect(rows).toBe(2 * 28 * 3 * 2);
    const ids = problem.people.map((p) => p.id);
    const prefs = text.split('\nPREFERENCES\n')[1]!.split('\nEND')[0]!.split('\n');
    const theirs = prefs.map((l) => {
      const [date, nurse, , shift, weight] = l.split(',');
      return `${ids[Number(nurse)]} ${day(date!)} ${shift} ${weight}`;
    });
    const ours = (problem.requests ?? []).map((r) => `${r.person} ${r.day} ${r.shift ?? 'Any'} ${r.weight}`);
    expect(ours.sort()).toEqual(theirs.sort());
    expect((problem.requests ?? []).every((r) => r.want === 'off')).toBe(true);
  });

  it('reads the larger instance n030w4_1_6-2-9-1', () => {
    const p = readInrc2(inrc2Files('n030w4', 1, [6, 2, 9, 1]));
    expect(p.people).toHaveLength(30);
    expect(p.skills.map((k) => k.id)).toEqual(['HeadNurse', 'Nurse', 'Caretaker', 'Trainee']);
    expect(p.shiftTypes.map((s) => s.id)).toEqual(['Early', 'Day', 'Late', 'Night']);
    expect(p.people.filter((x) => x.history !== undefined)).toHaveLength(30);
  });

  it('refuses a bad line, naming the file and the line', () => {
    const files = inrc2Files('n005w4', 0, [1]);
    const e = caught(() => readInrc2({ ...files, scenario: files.scenario.replace('FullTime (15,22)', 'FullTime (15;22)') }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues[0]?.path[0]).toBe('scenario');
    expect(e.issues[0]?.message).toMatch(/line \d+: a contract is/);
    const w = caught(() => readInrc2({ ...files, weeks: [files.weeks[0]!.replace('Andrea Any Tue', 'Andrea Any Someday')] }));
    expect(w.issues[0]?.path[0]).toBe('weeks[0]');
  });
});

describe('readCurtoisQu', () => {
  it('reads Instance1: one skill, hard contracts, days off, requests, cover with weights', () => {
    const p = readCurtoisQu(curtoisQuText(1));
    expect(p.days).toBe(14);
    expect(p.people).toHaveLength(8);
    expect(p.shiftTypes).toEqual([{ id: 'D', minutes: 480 }]);
    expect(p.contracts[0]).toEqual({ id: 'A', minutes: { min: 3360, max: 4320 }, workingDays: { min: 2, max: 5 }, daysOff: { min: 2 }, weekends: { max: 1 }, perShiftType: { D: { max: 14 } } });
    expect(p.people[0]).toEqual({ id: 'A', skills: ['staff'], contract: 'A', unavailable: [0] });
    expect(p.requests).toHaveLength(26);
    expect(p.requests?.filter((r) => r.want === 'on')).toHaveLength(21);
    expect(p.cover).toHaveLength(14);
    expect(p.cover[1]).toEqual({ day: 1, shift: 'D', skill: 'staff', min: 0, optimal: 7, underWeight: 100, overWeight: 1 });
    expect([p.minimumsAtStart, p.minimumsAtEnd]).toEqual([false, false]);
  });

  it('reads Instance3: three shift types, successions and per-type limits', () => {
    const p = readCurtoisQu(curtoisQuText(3));
    expect(p.shiftTypes.map((s) => s.id)).toEqual(['E', 'D', 'L']);
    expect(p.forbiddenSuccessions).toEqual([
      { from: 'D', to: 'E' },
      { from: 'L', to: 'E' },
      { from: 'L', to: 'D' },
    ]);
    expect(p.contracts.find((c) => c.id === 'A')?.perShiftType).toEqual({ E: { max: 14 }, D: { max: 14 }, L: { max: 0 } });
    expect(p.people).toHaveLength(20);
  });

  it('refuses a bad row with its line number', () => {
    const e = caught(() => readCurtoisQu(curtoisQuText(1).replace('A,D=14,4320', 'A,D=x,4320')));
    expect(e.code).toBe('invalid_input');
    expect(e.issues[0]?.message).toMatch(/^line \d+: a staff row/);
  });
});

describe('writeInrc2Solution', () => {
  const problem: StaffingProblem = readInrc2(inrc2Files('n005w4', 0, [1, 2, 3, 3]));
  it('writes one file a week, each assignment once, with day names', () => {
    const assignments = [
      { person: 'Patrick', day: 0, shift: 'Night', skill: 'HeadNurse' },
      { person: 'Sara', day: 6, shift: 'Late', skill: 'Nurse' },
      { person: 'Sara', day: 7, shift: 'Late', skill: 'Nurse' },
      { person: 'Nguyen', day: 27, shift: 'Early', skill: 'Nurse' },
    ];
    const files = writeInrc2Solution(problem, { assignments });
    expect(files).toHaveLength(4);
    expect(files[0]).toBe('SOLUTION\n0 n005w4\n\nASSIGNMENTS = 2\nPatrick Mon Night HeadNurse\nSara Sun Late Nurse\n');
    expect(files[1]).toContain('ASSIGNMENTS = 1\nSara Mon Late Nurse');
    expect(files[2]).toContain('ASSIGNMENTS = 0');
    expect(files[3]).toContain('Nguyen Sun Early Nurse');
  });
});
