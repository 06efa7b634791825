import { describe, expect, it } from 'vitest';
import { RosterProblem, Shift, buildRoster } from '../../src/index.js';
import { caught, day, problemOf, seat } from './rosterFixtures.js';

describe('RosterProblem refuses contradictions', () => {
  it('a shift last worked before it is first worked', () => {
    expect(Shift.safeParse({ id: 'd', start: '08:00', end: '16:00', from: day(4), to: day(0) }).success).toBe(false);
    expect(Shift.safeParse({ id: 'd', start: '08:00', end: '16:00', from: day(0), to: day(0) }).success).toBe(true);
    const p = problemOf({ posts: [{ id: 'cp1', shifts: [{ id: 'd', start: '08:00', end: '16:00', from: day(4), to: day(0) }] }], people: [] });
    const e = caught(() => buildRoster(p));
    expect(e.code).toBe('invalid_roster');
    expect(e.issues.map((i) => i.path)).toEqual([['posts', 0, 'shifts', 0, 'to']]);
  });

  it('one seat locked to two different people (the same lock twice is fine)', () => {
    const people = [{ id: 'a', cadreLevel: 'village' as const }, { id: 'b', cadreLevel: 'village' as const }];
    const twice = problemOf({ posts: [{ id: 'cp1' }], people, locked: [{ seat: seat('cp1', 0, 'day'), personId: 'a' }, { seat: seat('cp1', 0, 'day'), personId: 'b' }] });
    const e = caught(() => buildRoster(twice));
    expect(e.issues.map((i) => i.path)).toEqual([['locked', 1, 'personId']]);
    expect(e.issues[0]?.message).toContain("'a'");
    expect(e.issues[0]?.message).toContain("'b'");
    const empty = problemOf({ posts: [{ id: 'cp1' }], people, locked: [{ seat: seat('cp1', 0, 'day'), personId: null }, { seat: seat('cp1', 0, 'day'), personId: 'b' }] });
    expect(RosterProblem.safeParse(empty).success).toBe(false);
    const same = problemOf({ posts: [{ id: 'cp1' }], people, locked: [{ seat: seat('cp1', 0, 'day'), personId: 'a' }, { seat: seat('cp1', 0, 'day'), personId: 'a' }] });
    expect(RosterProblem.safeParse(same).success).toBe(true);
  });
});
