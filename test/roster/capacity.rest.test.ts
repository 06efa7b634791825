// The capacity check and the rest between shifts (H6) together with the shifts a day (H5): the
// bound per person and day, and per seven days, is the most shifts one person can chain.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildRoster, checkCapacity, type RosterProblem } from '../../src/index.js';
import { THREE_SHIFTS, day, problemOf, quietRules, type PersonIn, type PostIn, type ShiftIn } from './rosterFixtures.js';

const cadres = (n: number): PersonIn[] => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, cadreLevel: 'village' as const }));

describe('checkCapacity sees what the rest rule forbids', () => {
  // one post, three back-to-back 8-hour shifts (morning 08–16, evening 16–24, night 00–08), a leader
  // seat only; two shifts a day allowed, but 12 hours of rest between shifts allow one
  const issue = (people: number, days = 1): RosterProblem =>
    problemOf({ days, posts: [{ id: 'cp1', shifts: THREE_SHIFTS }], people: cadres(people), rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 12 }, { unfilledLeader: 3 }) });

  it('three back-to-back 8-hour shifts with maxShiftsPerDay 2: two people are short, as buildRoster finds', () => {
    const report = checkCapacity(issue(2));
    expect(report.feasible).toBe(false);
    const day0 = report.shortfalls.filter((s) => s.poolId === null && s.span === 'day' && s.role === 'all');
    expect(day0.map((s) => [s.day, s.seats, s.capacity, s.short])).toEqual([[day(0), 3, 2, 1]]);
    expect(day0[0]?.message.en).toContain('2 eligible people with room for 2');
    expect(day0[0]?.message.en).toContain('12 h of rest');
    expect(day0[0]?.message.zh).toContain('休息不少于12小时');
    const built = buildRoster(issue(2), { iterations: 2000 });
    expect(built.unfilled).toHaveLength(1);
    expect(built.unfilled[0]?.reason.en).toContain('resting (H6)');
  });

  it('is feasible exactly when buildRoster fills every seat, over one and three days', () => {
    for (const days of [1, 3]) {
      for (let n = 1; n <= 4; n++) {
        const feasible = checkCapacity(issue(n, days)).feasible;
        const filled = buildRoster(issue(n, days), { iterations: 5000 }).unfilled.length === 0;
        expect([days, n, feasible]).toEqual([days, n, filled]);
        expect(feasible).toBe(n >= 3);
      }
    }
  });

  it('without rest, two shifts a day: two people are enough for the three shifts', () => {
    const p = problemOf({ days: 1, posts: [{ id: 'cp1', shifts: THREE_SHIFTS }], people: cadres(2), rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 0 }, { unfilledLeader: 3 }) });
    expect(checkCapacity(p).feasible).toBe(true);
    expect(buildRoster(p, { iterations: 2000 }).unfilled).toEqual([]);
  });

  it('across midnight: a shift ending at midnight and one starting then cannot follow each other', () => {
    // 00:00–04:00 and 12:00–24:00, two a day, 8 hours of rest: both fit in a day (8 hours apart),
    // but the evening shift ends when the next day's early shift starts, so one person works 3, not 4,
    // shifts in two days
    const shifts: ShiftIn[] = [
      { id: 'early', start: '00:00', end: '04:00' },
      { id: 'long', start: '12:00', end: '00:00' },
    ];
    const p = problemOf({ days: 2, posts: [{ id: 'cp1', shifts }], people: cadres(1), rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 8 }, { unfilledLeader: 3 }) });
    const report = checkCapacity(p);
    expect(report.shortfalls.filter((s) => s.span === 'day')).toEqual([]);
    expect(report.shortfalls.filter((s) => s.poolId === null && s.span === 'week' && s.role === 'all').map((s) => [s.seats, s.capacity])).toEqual([[4, 3]]);
    expect(report.feasible).toBe(false);
    expect(buildRoster(p, { iterations: 2000 }).unfilled).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Tiny random problems: an independent count of what the rest rule allows

const MENU: readonly ShiftIn[] = [
  { id: 'night', start: '00:00', end: '08:00' },
  { id: 'morning', start: '08:00', end: '16:00' },
  { id: 'evening', start: '16:00', end: '00:00' },
  { id: 'early', start: '06:00', end: '10:00' },
  { id: 'late', start: '20:00', end: '04:00' },
  { id: 'noon', start: '11:00', end: '14:00' },
];

interface Spec {
  days: number;
  posts: { shifts: number[]; staff: number }[];
  people: { level: boolean; off: number[] }[];
  maxShiftsPerDay: number;
  minRestHours: number;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  days: fc.integer({ min: 1, max: 3 }),
  posts: fc.array(fc.record({ shifts: fc.uniqueArray(fc.nat(MENU.length - 1), { minLength: 1, maxLength: 3 }), staff: fc.nat(1) }), { minLength: 1, maxLength: 2 }),
  people: fc.array(fc.record({ level: fc.boolean(), off: fc.uniqueArray(fc.nat(2), { maxLength: 2 }) }), { minLength: 1, maxLength: 4 }),
  maxShiftsPerDay: fc.integer({ min: 1, max: 3 }),
  minRestHours: fc.constantFrom(0, 2, 4, 8, 12, 16),
});

function problemOfSpec(s: Spec): RosterProblem {
  const posts: PostIn[] = s.posts.map((p, i) => ({ id: `cp${i}`, shifts: p.shifts.map((k) => MENU[k] as ShiftIn), staff: p.staff }));
  const people: PersonIn[] = s.people.map((p, i) => ({
    id: `p${i}`,
    ...(p.level ? { cadreLevel: 'village' as const } : {}),
    absences: p.off.filter((d) => d < s.days).map((d) => ({ from: day(d), to: day(d), reason: 'leave' as const })),
  }));
  // the consecutive-days and 7-day limits never bind on three days
  return problemOf({ days: s.days, posts, people, rules: quietRules({ maxShiftsPerDay: s.maxShiftsPerDay, minRestHours: s.minRestHours, maxConsecutiveDays: 7, maxShiftsPer7Days: 28 }, { unfilledLeader: 3, unfilledStaff: 1 }) });
}

const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * The most seats one person can hold, by brute force: every set of the problem's shift instances
 * (a day and a shift time with some seat) open to them, no two overlapping or closer than the rest,
 * at most maxShiftsPerDay starting on a day. Open: not on a day of absence, nor running past
 * midnight into one.
 */
function mostFor(s: Spec, person: Spec['people'][number]): number {
  const K = s.maxShiftsPerDay;
  const rest = s.minRestHours * 60;
  const off = new Set(person.off.filter((d) => d < s.days));
  const seen = new Set<string>();
  const inst: { day: number; start: number; end: number }[] = [];
  for (let d = 0; d < s.days; d++) {
    for (const post of s.posts) {
      for (const k of post.shifts) {
        const sh = MENU[k] as ShiftIn;
        const a = minutes(sh.start);
        const b = minutes(sh.end);
        const len = b > a ? b - a : b + 1440 - a;
        if (off.has(d) || (a + len > 1440 && off.has(d + 1))) continue;
        const key = `${d}/${a}/${len}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inst.push({ day: d, start: d * 1440 + a, end: d * 1440 + a + len });
      }
    }
  }
  let best = 0;
  const chosen: typeof inst = [];
  const go = (i: number): void => {
    best = Math.max(best, chosen.length);
    for (let j = i; j < inst.length; j++) {
      const x = inst[j] as (typeof inst)[number];
      const fits = chosen.every((y) => x.start >= y.end + rest || y.start >= x.end + rest) && chosen.filter((y) => y.day === x.day).length < K;
      if (!fits) continue;
      chosen.push(x);
      go(j + 1);
      chosen.pop();
    }
  };
  go(0);
  return best;
}

describe('checkCapacity against an independent count on tiny problems', () => {
  test.prop([specArb], { numRuns: 300 })('never feasible when the people cannot hold as many shifts as there are seats under H4–H6', (s) => {
    const problem = problemOfSpec(s);
    const report = checkCapacity(problem);
    const most = s.people.reduce((n, p) => n + mostFor(s, p), 0);
    if (most < report.seats) expect(report.feasible).toBe(false);
    // on three days or fewer the seven-day bound of all seats is that count exactly
    const week = report.shortfalls.filter((x) => x.poolId === null && x.span === 'week' && x.role === 'all');
    expect(week.map((x) => x.capacity)).toEqual(most < report.seats ? [most] : []);
  });

  test.prop([specArb], { numRuns: 120 })('never names a shortfall of the whole problem when buildRoster fills every seat', (s) => {
    const problem = problemOfSpec(s);
    const built = buildRoster(problem, { iterations: 3000 });
    if (built.unfilled.length === 0 && built.score[0] === 0) expect(checkCapacity(problem).shortfalls.filter((x) => x.poolId === null)).toEqual([]);
  });
});
