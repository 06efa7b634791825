import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { benchmarkCost, buildRoster, generateRosterProblem, solveStaffing, staffingFromRoster, staffingRosterOf, validateRoster, type Roster, type RosterProblem } from '../../src/index.js';
import { TWO_SHIFTS, problemOf, quietRules } from './rosterFixtures.js';

/** Three posts (one asking for a Party member of section level), two 12-hour shifts, 7 days, 14 people. */
const small: RosterProblem = problemOf({
  days: 7,
  posts: [
    { id: 'cp1', shifts: TWO_SHIFTS, staff: 1 },
    { id: 'cp2', shifts: TWO_SHIFTS, staff: 1 },
    { id: 'room', shifts: [{ id: 'day', start: '08:00', end: '20:00' }], leader: { cadreLevel: 'section', partyMember: true }, staff: 0 },
  ],
  people: [
    ...Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, cadreLevel: 'village' as const, partyMember: i % 2 === 0 })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, cadreLevel: 'section' as const, partyMember: i !== 1 })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, absences: i === 0 ? [{ from: '2020-02-03', to: '2020-02-04', reason: 'sickness' as const }] : [] })),
  ],
  rules: quietRules({ maxConsecutiveDays: 4, maxShiftsPer7Days: 5 }, { unfilledLeader: 3, unfilledStaff: 1 }),
});

describe('the checkpoint problem as a preset of the general model', () => {
  const preset = staffingFromRoster(small);

  it('has a shift type per post shift, leader skills by level and Party membership, and the rest rule as successions', () => {
    expect(preset.shiftTypes.map((s) => s.id)).toEqual(['cp1/day', 'cp1/night', 'cp2/day', 'cp2/night', 'room/day']);
    expect(preset.skills.map((k) => k.id)).toEqual(['lead:section:party', 'lead:village', 'staff']);
    expect(preset.people.find((p) => p.id === 's0')?.skills).toEqual(['lead:village', 'lead:section:party', 'staff']);
    expect(preset.people.find((p) => p.id === 's1')?.skills).toEqual(['lead:village', 'staff']);
    expect(preset.people.find((p) => p.id === 'p0')).toMatchObject({ skills: ['staff'], unavailable: [2, 3] });
    // a night shift ends at 08:00, so a day shift (08:00) the next day leaves no rest; nights follow nights
    expect(preset.forbiddenSuccessions).toEqual([{ from: '20:00-08:00', to: '08:00-20:00' }]);
    expect(preset.contracts[0]).toEqual({ id: 'checkpoint', workingDays: { max: 4 }, workIn7Days: { max: 5 } });
    expect(preset.cover).toHaveLength(7 * (2 * 2 * 2 + 1));
  });

  it('a roster built by the checkpoint engine is feasible in the preset, every seat filled', () => {
    const { roster, stats } = buildRoster(small, { seed: 1, iterations: 2000 });
    expect(stats.unfilledLeaders + stats.unfilledStaff).toBe(0);
    const c = benchmarkCost(preset, staffingRosterOf(small, roster));
    expect(c.feasible).toBe(true);
    expect(c.parts.optimalCover).toBe(0);
  });

  const seatsOf = (problem: RosterProblem): string[] => Object.keys(buildRoster(problem, { iterations: 0 }).roster.seats);
  const seats = seatsOf(small);
  const ids = [null, ...small.people.map((p) => p.id)];
  const base = buildRoster(small, { iterations: 0 }).roster;
  test.prop([fc.array(fc.tuple(fc.nat(seats.length - 1), fc.nat(ids.length - 1)), { minLength: 1, maxLength: 6 })], { numRuns: 150 })(
    'any roster breaks a hard rule of the checkpoint exactly when it breaks one of the preset',
    (edits) => {
      const changed: Record<string, string | null> = { ...base.seats };
      for (const [s, p] of edits) changed[seats[s]!] = ids[p]!;
      const roster: Roster = { ...base, seats: changed as Roster['seats'] };
      const checkpoint = validateRoster(small, roster, { soft: false }).score[0] === 0;
      const general = benchmarkCost(preset, staffingRosterOf(small, roster)).feasible;
      expect(general).toBe(checkpoint);
    },
  );

  it('the general solver staffs the preset of a small checkpoint problem', () => {
    const r = solveStaffing(preset, { iterations: 400_000, seed: 2 });
    expect(r.cost.feasible).toBe(true);
    expect(r.cost.parts.optimalCover).toBe(0);
  });

  it('carries the synthetic instance S (150 shift types, 600 people) over', () => {
    const s = staffingFromRoster(generateRosterProblem({ size: 'S', seed: 1 }));
    expect(s.people).toHaveLength(600);
    expect(s.cover.length).toBe(50 * 3 * 14 * 2);
  });
});
