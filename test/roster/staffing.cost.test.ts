import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StaffingProblem, benchmarkCost, readCurtoisQu, readInrc2, solveStaffing, type StaffingAssignment, type StaffingRoster } from '../../src/index.js';
import { searchScore } from '../../src/roster/staffing/solve.js';
import { curtoisQuText, inrc2Files } from './staffingFixtures.js';

/** One nurse, one skill, shift types E and N, a week from Monday, INRC-II-like weights. */
const week = (extra: Partial<StaffingProblem> = {}, history?: StaffingProblem['people'][number]['history']): StaffingProblem =>
  StaffingProblem.parse({
    days: 7,
    skills: [{ id: 'n' }],
    shiftTypes: [
      { id: 'E', consecutive: { min: 2, max: 3, weight: 15 } },
      { id: 'N', consecutive: { min: 2, max: 3, weight: 15 } },
    ],
    forbiddenSuccessions: [{ from: 'N', to: 'E' }],
    contracts: [{ id: 'c', assignments: { min: 3, max: 5, weight: 20 }, workingDays: { min: 2, max: 4, weight: 30 }, daysOff: { min: 2, max: 3, weight: 30 }, weekends: { max: 0, weight: 30 }, completeWeekends: 30 }],
    people: [{ id: 'a', skills: ['n'], contract: 'c', ...(history === undefined ? {} : { history }) }],
    cover: [],
    ...extra,
  });
const shifts = (pattern: string): StaffingRoster => ({
  assignments: [...pattern].flatMap((ch, day): StaffingAssignment[] => (ch === '-' ? [] : [{ person: 'a', day, shift: ch, skill: 'n' }])),
});
const parts = (problem: StaffingProblem, pattern: string): Record<string, number> =>
  Object.fromEntries(Object.entries(benchmarkCost(problem, shifts(pattern)).parts).filter(([, v]) => v > 0));

describe('benchmarkCost, by hand', () => {
  it('runs, totals and weekends of a plain week', () => {
    // E E E E N - -: E-run 4 > 3 (15); N-run of 1 ended (min 2: 15); work run 5 > 4 (30);
    // off run of 2 reaches the end: not held to a minimum; 5 assignments: fine; weekend off: fine
    expect(parts(week(), 'EEEEN--')).toEqual({ sameShiftRun: 30, workingDays: 30 });
    // - E E - - - N: off run of 1 at the start (no history: a fresh run, min 2: 30); E-run 2 fine;
    // work run 2 fine; off run 3 fine; N on Sunday: N-run 1 reaching the end: free; work run 1 reaching
    // the end: free; 3 assignments fine; weekend worked (max 0: 30) and incomplete (30)
    expect(parts(week(), '-EE---N')).toEqual({ daysOff: 30, weekends: 30, completeWeekends: 30 });
    // nothing worked: 3 assignments short (60); a run of 7 days off, 4 above 3 (120)
    expect(parts(week(), '-------')).toEqual({ assignments: 60, daysOff: 120 });
  });

  it('carries history in: runs continue, a run ended by the first day is held to its minimum', () => {
    const h = { assignments: 0, weekends: 0, lastShift: 'E', sameShiftRun: 3, workRun: 3, offRun: 0 };
    // E on Monday continues the E-run to 4 (15) and the work run to 4 (fine), then off
    expect(parts(week({}, h), 'E--EE--')).toEqual({ sameShiftRun: 15 });
    // history of 1 day of E ended on Monday: E-run 1 < 2 (15), work run 1 < 2 (30)
    const h1 = { assignments: 0, weekends: 0, lastShift: 'E', sameShiftRun: 1, workRun: 1, offRun: 0 };
    expect(parts(week({}, h1), '--EEE--')).toEqual({ sameShiftRun: 15, workingDays: 30 });
    // a run already over its maximum before the horizon is charged only for the days added
    const h5 = { assignments: 2, weekends: 1, lastShift: 'E', sameShiftRun: 5, workRun: 5, offRun: 0 };
    // (and a Saturday worked: 1 + 1 weekends over a maximum of 0, and an incomplete weekend)
    expect(parts(week({}, h5), 'E---EE-')).toEqual({ sameShiftRun: 15, workingDays: 30, weekends: 60, completeWeekends: 30 });
  });

  it('holds runs at the end to their minimums when asked', () => {
    // a run of N of one day on Sunday: short by one when held at the end
    expect(parts(week({ minimumsAtEnd: true }), 'EE--EEN')).toEqual({ sameShiftRun: 15, weekends: 30 });
    expect(parts(week({ minimumsAtEnd: false }), 'EE--EEN')).toEqual({ weekends: 30 });
    // a day off on Sunday after a week of work: its run of one is short by one (30) when held
    expect(parts(week({ minimumsAtEnd: true }), 'EE-EEE-')).toEqual({ daysOff: 60, completeWeekends: 30, weekends: 30 });
  });

  it('lets a fresh first run be short when the start is free', () => {
    expect(parts(week({ minimumsAtStart: false }), 'E--EE--')).toEqual({});
    expect(parts(week(), 'E--EE--')).toEqual({ sameShiftRun: 15, workingDays: 30 });
  });

  it('hard rules: successions (with the history), cover minimums, skills, days off, one shift a day', () => {
    const p = week({ cover: [{ day: 1, shift: 'E', skill: 'n', min: 1, optimal: 2, underWeight: 30, overWeight: 5 }] }, { assignments: 0, weekends: 0, lastShift: 'N', sameShiftRun: 2, workRun: 2, offRun: 0 });
    const c = benchmarkCost(p, shifts('ENN----'));
    expect(c.feasible).toBe(false);
    expect(c.violations.filter((v) => v.hard).map((v) => [v.part, v.day])).toEqual([
      ['minCover', 1],
      ['succession', 0],
    ]);
    expect(c.parts.optimalCover).toBe(60);
    const over = benchmarkCost(p, shifts('-EE----'));
    expect(over.feasible).toBe(true);
    expect(over.parts.optimalCover).toBe(30);
    const q = week({ skills: [{ id: 'n' }, { id: 'm' }], people: [{ id: 'a', skills: ['n'], contract: 'c', unavailable: [3] }] });
    const bad = benchmarkCost(q, {
      assignments: [
        { person: 'a', day: 0, shift: 'E', skill: 'm' },
        { person: 'a', day: 1, shift: 'E', skill: 'n' },
        { person: 'a', day: 1, shift: 'N', skill: 'n' },
        { person: 'a', day: 3, shift: 'E', skill: 'n' },
        { person: 'b', day: 2, shift: 'E', skill: 'n' },
      ],
    });
    expect(bad.violations.filter((v) => v.hard).map((v) => v.part)).toEqual(['skill', 'oneShiftPerDay', 'unknown', 'unavailable']);
    expect(bad.hard).toBe(4);
  });

  it('requests: off for a shift or any, on for a shift', () => {
    const p = week({
      requests: [
        { person: 'a', day: 0, want: 'off', weight: 10 },
        { person: 'a', day: 1, shift: 'N', want: 'off', weight: 7 },
        { person: 'a', day: 2, shift: 'E', want: 'on', weight: 3 },
      ],
    });
    // E on Monday breaks the first; E on Tuesday grants the second; N on Wednesday misses the third
    expect(benchmarkCost(p, shifts('EEN----')).parts.requests).toBe(13);
    expect(benchmarkCost(p, shifts('-NN----')).parts.requests).toBe(10);
  });

  it('Curtois–Qu limits: minutes, shifts per type, weekends, all hard; cover under and over', () => {
    const p = readCurtoisQu(curtoisQuText(1));
    const everyday: StaffingRoster = { assignments: p.people.flatMap((x) => Array.from({ length: 14 }, (_, day) => ({ person: x.id, day, shift: 'D', skill: 'staff' }))) };
    const c = benchmarkCost(p, everyday);
    // 8 people every day: over the cover of 71 by 112 − 71 = 41 at weight 1
    expect(c.parts.overCover).toBe(41);
    expect(c.parts.optimalCover).toBe(0);
    const kinds = new Set(c.violations.filter((v) => v.hard).map((v) => v.part));
    expect([...kinds].sort()).toEqual(['minutes', 'unavailable', 'weekends', 'workingDays']);
    // each person: 14 × 480 = 6720 minutes, 2400 over 4320
    expect(c.violations.filter((v) => v.part === 'minutes').map((v) => v.amount)).toEqual(Array(8).fill(2400));
    // shift-on requests are all granted, shift-off requests (5: weights 1+1+3+3+3) are not
    expect(c.parts.requests).toBe(11);
  });
});

/** A random roster of a problem: each person works a random allowed shift and skill on a random share of days. */
const rosterArb = (problem: StaffingProblem): fc.Arbitrary<StaffingRoster> =>
  fc
    .array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: problem.people.length, maxLength: problem.people.length })
    .map((draws) => ({
      assignments: problem.people.flatMap((person, i) => {
        const [a, b, c, share] = draws[i]!;
        return Array.from({ length: problem.days }, (_, day): StaffingAssignment[] =>
          ((a + day * 7919 + b * day) % 1000) / 1000 < share
            ? [{ person: person.id, day, shift: problem.shiftTypes[(c + day * (b % 3)) % problem.shiftTypes.length]!.id, skill: person.skills[(a + day) % person.skills.length]! }]
            : [],
        ).flat();
      }),
    }));

describe("the search's own scoring agrees with benchmarkCost", () => {
  const inrc2 = readInrc2(inrc2Files('n005w4', 0, [1, 2, 3, 3]));
  const cq = readCurtoisQu(curtoisQuText(3));
  const cqStrict = { ...cq, minimumsAtStart: true, minimumsAtEnd: true };
  for (const [name, problem] of [
    ['INRC-II n005w4', inrc2],
    ['Curtois–Qu Instance3', cq],
    ['Curtois–Qu Instance3, minimums at both ends', cqStrict],
  ] as const) {
    test.prop([rosterArb(problem)], { numRuns: 60 })(`${name}: same soft cost, and feasible exactly when it is`, (roster) => {
      const ours = searchScore(problem, roster);
      const theirs = benchmarkCost(problem, roster);
      expect(ours.soft).toBe(theirs.total);
      expect(ours.hard === 0).toBe(theirs.hard === 0);
    });
  }

  it('a short solve of Curtois–Qu Instance1 is feasible and reports its best cost as it goes', () => {
    const problem = readCurtoisQu(curtoisQuText(1));
    const seen: number[] = [];
    const r = solveStaffing(problem, { iterations: 300_000, seed: 3, onProgress: (p) => (p.bestHard === 0 ? seen.push(p.bestCost) : undefined), progressMs: 0 });
    expect(r.cost.feasible).toBe(true);
    // the optimum is 607: a few seconds' search is not far above it, and never below
    expect(r.cost.total).toBeGreaterThanOrEqual(607);
    expect(r.cost.total).toBeLessThan(1000);
    expect(seen.at(-1)).toBe(r.cost.total);
    expect(seen.every((x, i) => i === 0 || x <= seen[i - 1]!)).toBe(true);
    expect(r.stats.firstFeasibleMs).not.toBeNull();
    // deterministic for a seed under an iteration budget
    expect(solveStaffing(problem, { iterations: 300_000, seed: 3 }).roster).toEqual(r.roster);
  });
});

describe('repair on a benchmark instance', () => {
  it('a nurse sick for 3 days in week 2: feasible, nothing changed before the freeze, at most 3× the freed seats changed', () => {
    const problem = readInrc2(inrc2Files('n005w4', 0, [1, 2, 3, 3]));
    const published = solveStaffing(problem, { iterations: 400_000, seed: 1 }).roster;
    expect(benchmarkCost(problem, published).feasible).toBe(true);
    // the 3-day window of week 2 in which Patrick works most
    const works = (d: number): boolean => published.assignments.some((a) => a.person === 'Patrick' && a.day === d);
    const from = [7, 8, 9, 10, 11].reduce((b, d) => ([0, 1, 2].filter((i) => works(d + i)).length > [0, 1, 2].filter((i) => works(b + i)).length ? d : b), 7);
    const sick = [from, from + 1, from + 2];
    const freed = sick.filter(works).length;
    expect(freed).toBeGreaterThan(0);
    const changed = { ...problem, people: problem.people.map((p) => (p.id === 'Patrick' ? { ...p, unavailable: sick } : p)) };
    const r = solveStaffing(changed, { iterations: 200_000, seed: 1, keep: { roster: published, freezeBefore: from } });
    expect(r.cost.feasible).toBe(true);
    const cell = (roster: StaffingRoster): Map<string, string> => new Map(roster.assignments.map((a) => [`${a.person}/${a.day}`, `${a.shift}/${a.skill}`]));
    const before = cell(published);
    const after = cell(r.roster);
    const keys = new Set([...before.keys(), ...after.keys()]);
    const diff = [...keys].filter((k) => before.get(k) !== after.get(k));
    expect(diff.filter((k) => Number(k.split('/')[1]) < from)).toEqual([]);
    expect(diff.length).toBeGreaterThanOrEqual(freed);
    expect(diff.length).toBeLessThanOrEqual(3 * freed);
  });

  it('refuses a roster to keep that the problem does not allow', () => {
    const problem = readInrc2(inrc2Files('n005w4', 0, [1, 2, 3, 3]));
    expect(() => solveStaffing(problem, { iterations: 10, keep: { roster: { assignments: [{ person: 'Sara', day: 0, shift: 'Early', skill: 'HeadNurse' }] } } })).toThrow(/not an assignment this problem allows/);
  });
});
