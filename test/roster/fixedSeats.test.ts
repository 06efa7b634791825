import { describe, expect, it } from 'vitest';
import { buildRoster, repairRoster, validateRoster, type RosterChange } from '../../src/index.js';
import { day, problemOf, quietRules, rosterOf, seat, type ShiftIn } from './rosterFixtures.js';

const AM_PM: ShiftIn[] = [
  { id: 'am', start: '08:00', end: '12:00' },
  { id: 'pm', start: '13:00', end: '17:00' },
];

/** The hard violations of a roster, as `constraint person seats`. */
const hardOf = (violations: readonly { level: string; constraint: string; personId: string | null; seats: readonly string[] }[]): string[] =>
  violations.filter((v) => v.level === 'hard').map((v) => `${v.constraint} ${v.personId} ${[...v.seats].sort().join(',')}`).sort();

describe('fixed seats beyond the shifts a person may hold in a day', () => {
  it('a person locked into two seats of one day (at most one a day) is reported, and the build ends', () => {
    const problem = problemOf({
      posts: [{ id: 'cp1', shifts: AM_PM }, { id: 'cp2', shifts: AM_PM }],
      people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }],
      locked: [{ seat: seat('cp1', 0, 'am'), personId: 'a' }, { seat: seat('cp2', 0, 'pm'), personId: 'a' }],
    });
    const r = buildRoster(problem, { iterations: 0 });
    expect(r.roster.seats[seat('cp1', 0, 'am') as keyof typeof r.roster.seats]).toBe('a');
    expect(r.roster.seats[seat('cp2', 0, 'pm') as keyof typeof r.roster.seats]).toBe('a');
    // only the locks' own breaches: two shifts that day (H5) and one hour of rest between them (H6)
    expect(hardOf(r.violations)).toEqual([`H5 a ${seat('cp1', 0, 'am')},${seat('cp2', 0, 'pm')}`, `H6 a ${seat('cp1', 0, 'am')},${seat('cp2', 0, 'pm')}`]);
    expect(r.score[0]).toBe(-2);
    const searched = buildRoster(problem, { seed: 2, iterations: 5000 });
    expect(hardOf(searched.violations)).toEqual(hardOf(r.violations));
  });

  it('three locked seats of one day with two allowed a day keep all three and add nothing on the days around', () => {
    const shifts: ShiftIn[] = [
      { id: 's1', start: '06:00', end: '08:00' },
      { id: 's2', start: '10:00', end: '12:00' },
      { id: 's3', start: '14:00', end: '16:00' },
    ];
    const problem = problemOf({
      days: 3,
      posts: [{ id: 'cp1', shifts }, { id: 'cp2', shifts }],
      people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }, { id: 'c', cadreLevel: 'village' }],
      rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 1 }, { unfilledLeader: 100, unfilledStaff: 10 }),
      locked: [
        { seat: seat('cp1', 1, 's1'), personId: 'a' },
        { seat: seat('cp1', 1, 's2'), personId: 'a' },
        { seat: seat('cp1', 1, 's3'), personId: 'a' },
      ],
    });
    for (const seed of [1, 2, 3]) {
      const r = buildRoster(problem, { seed, iterations: 3000 });
      expect(hardOf(r.violations)).toEqual([`H5 a ${seat('cp1', 1, 's1')},${seat('cp1', 1, 's2')},${seat('cp1', 1, 's3')}`]);
      const held = Object.entries(r.roster.seats).filter(([id, p]) => p === 'a' && id.includes(`/${day(1)}/`));
      expect(held).toHaveLength(3);
    }
  });

  it('the builder puts nobody in breach of a rule next to fixed seats that break one themselves', () => {
    // a is locked into 08–12 and 13–17 on day 0; day 1's 03:00–05:00 seat is 10 h after, short of 12 h
    const problem = problemOf({
      days: 3,
      posts: [
        { id: 'cp1', shifts: AM_PM, to: day(0) },
        { id: 'cp2', shifts: [{ id: 'early', start: '03:00', end: '05:00' }], from: day(1), to: day(1) },
      ],
      people: [{ id: 'a', cadreLevel: 'village' }, { id: 'z', cadreLevel: 'village', absences: [{ from: day(0), to: day(2), reason: 'leave' }] }],
      locked: [{ seat: seat('cp1', 0, 'am'), personId: 'a' }, { seat: seat('cp1', 0, 'pm'), personId: 'a' }],
    });
    for (const iterations of [0, 2000]) {
      const r = buildRoster(problem, { iterations });
      expect(r.roster.seats[seat('cp2', 1, 'early') as keyof typeof r.roster.seats]).toBeNull();
      expect(hardOf(r.violations).map((v) => v.slice(0, 2))).toEqual(['H5', 'H6']);
    }
  });

  it('a repair keeps frozen seats that break a rule themselves, and ends', () => {
    const problem = problemOf({
      days: 2,
      posts: [{ id: 'cp1', shifts: AM_PM }],
      people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }],
    });
    const published = rosterOf(problem, {
      [seat('cp1', 0, 'am')]: 'a',
      [seat('cp1', 0, 'pm')]: 'a',
      [seat('cp1', 1, 'am')]: 'b',
      [seat('cp1', 1, 'pm')]: null,
    });
    const sick = { kind: 'unavailable', personId: 'b', from: day(1), to: day(1), reason: 'sickness' } as unknown as RosterChange;
    const r = repairRoster(problem, published, sick);
    expect(r.repair.changedBeforeFreeze).toBe(0);
    expect(hardOf(r.violations)).toEqual([`H5 a ${seat('cp1', 0, 'am')},${seat('cp1', 0, 'pm')}`, `H6 a ${seat('cp1', 0, 'am')},${seat('cp1', 0, 'pm')}`]);
    expect(hardOf(validateRoster(r.problem, r.roster).violations)).toEqual(hardOf(r.violations));
  });
});
