import { describe, expect, it } from 'vitest';
import { RosterProblem, buildRoster, repairRoster, validateRoster, type Instant, type Roster, type RosterChange } from '../../src/index.js';
import { day, problemOf, rosterOf, seat, sparseRosterOf } from './rosterFixtures.js';

type Seats = Record<string, string | null>;
const seatsOf = (r: Roster): Seats => r.seats as unknown as Seats;
const change = (c: Record<string, unknown>): RosterChange => c as unknown as RosterChange;

describe('repairRoster widens its neighbourhood while seats stay empty', () => {
  it('fills a leader seat by moving a qualified leader from another pool\'s post and refilling theirs', () => {
    // cp1 (pool t1) needs a section-level leader; cp2 (pool t2) a village-level one.
    // a (t1, section) leads cp1 and falls ill; c (t2, section) leads cp2; d (t2, village) is free.
    const problem = problemOf({
      posts: [
        { id: 'cp1', leader: { cadreLevel: 'section' } },
        { id: 'cp2', unitId: 't2.v1', poolId: 't2' },
      ],
      people: [
        { id: 'a', cadreLevel: 'section' },
        { id: 'c', cadreLevel: 'section', unitId: 't2.v1', poolId: 't2' },
        { id: 'd', cadreLevel: 'village', unitId: 't2.v1', poolId: 't2' },
      ],
    });
    const published = rosterOf(problem, { [seat('cp1', 0, 'day')]: 'a', [seat('cp2', 0, 'day')]: 'c' });
    const r = repairRoster(problem, published, change({ kind: 'unavailable', personId: 'a', from: day(0), to: day(0), reason: 'sickness' }));
    expect(r.unfilled).toEqual([]);
    expect(r.score.slice(0, 2)).toEqual([0, 0]);
    expect(seatsOf(r.roster)).toEqual({ [seat('cp1', 0, 'day')]: 'c', [seat('cp2', 0, 'day')]: 'd' });
    expect(r.diff.map((d) => `${d.seat} ${d.old}→${d.new} ${d.reason}`).sort()).toEqual(
      [`${seat('cp1', 0, 'day')} a→c unavailable`, `${seat('cp2', 0, 'day')} c→d moved`].sort(),
    );
  });
});

describe('repairRoster changes only what the change calls for', () => {
  it('leaves a seat the published roster left open, elsewhere in the horizon, as it is', () => {
    const problem = problemOf({
      days: 6,
      posts: [{ id: 'cp1' }, { id: 'cp2', unitId: 't2.v1', poolId: 't2' }],
      people: [
        { id: 'a', cadreLevel: 'village' },
        { id: 'b', cadreLevel: 'village' },
        { id: 'c', cadreLevel: 'village', unitId: 't2.v1', poolId: 't2' },
        { id: 'd', cadreLevel: 'village', unitId: 't2.v1', poolId: 't2' },
      ],
    });
    const b = buildRoster(problem, { seed: 1 });
    expect(b.unfilled).toEqual([]);
    // cp2's last-day seat left open on purpose, and cp1's first day refilled after a falls ill
    const open = seat('cp2', 5, 'day');
    const published = rosterOf(problem, { ...seatsOf(b.roster), [open]: null });
    const a0 = seatsOf(published)[seat('cp1', 0, 'day')];
    const sick = a0 as string;
    const r = repairRoster(problem, published, change({ kind: 'unavailable', personId: sick, from: day(0), to: day(0), reason: 'sickness' }));
    expect(seatsOf(r.roster)[open]).toBeNull();
    expect(r.diff.map((d) => d.seat)).toEqual([seat('cp1', 0, 'day')]);
    expect(r.diff[0]?.reason).toBe('unavailable');
    expect(r.repair.freedSeats).toBe(1);
  });

  it('seats a partial published roster does not name have no published value: filled as new seats, scored as a fresh check scores them', () => {
    const problem = problemOf({
      days: 3,
      posts: [{ id: 'cp1', staff: 1 }],
      people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }, { id: 'c' }, { id: 'd' }],
    });
    const b = buildRoster(problem, { seed: 1 });
    const partial = sparseRosterOf(problem, Object.fromEntries(Object.entries(seatsOf(b.roster)).filter(([id]) => !id.endsWith('/1'))));
    const sick = b.roster.seats[seat('cp1', 1, 'day') as keyof typeof b.roster.seats] as string;
    const r = repairRoster(problem, partial, change({ kind: 'unavailable', personId: sick, from: day(1), to: day(1), reason: 'sickness' }));
    for (const d of r.diff) if (d.seat.endsWith('/1')) expect(d.reason).toBe('added');
    expect(r.diff.filter((d) => d.seat.endsWith('/1') && d.new !== null).length).toBeGreaterThan(0);
    expect(validateRoster(structuredClone(r.problem), r.roster).score).toEqual(r.score);
  });

  it('a post opened for days already frozen is left out, so the returned problem is valid and can be repaired again', () => {
    const problem = problemOf({ days: 3, posts: [{ id: 'cp1' }], people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }] });
    const b = buildRoster(problem, { seed: 1 });
    // a one-day post for day 1 (08:00–20:00), announced at 10:00 that day
    const opened = change({ kind: 'postOpened', post: { id: 'cp9', name: '岗点cp9', kind: 'checkpoint', unitId: 't1.v1', poolId: 't1', shifts: [{ id: 'day', start: '08:00', end: '20:00' }], leader: { cadreLevel: 'village' }, staff: 0, from: day(1), to: day(1) } });
    const r = repairRoster(problem, b.roster, opened, { freezeAt: `${day(1)}T10:00:00+08:00` as Instant });
    expect(RosterProblem.safeParse(r.problem).success).toBe(true);
    expect(r.problem.posts.map((p) => p.id)).toEqual(['cp1']);
    expect(() => repairRoster(structuredClone(r.problem), r.roster, [])).not.toThrow();
  });

  it('a shift added for days already frozen is left out', () => {
    const problem = problemOf({ days: 3, posts: [{ id: 'cp1' }], people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }] });
    const b = buildRoster(problem, { seed: 1 });
    const added = change({ kind: 'shiftAdded', postId: 'cp1', shift: { id: 'eve', start: '09:00', end: '11:00', to: day(1) }, from: day(1) });
    const r = repairRoster(problem, b.roster, added, { freezeAt: `${day(1)}T10:00:00+08:00` as Instant });
    expect(r.problem.posts[0]?.shifts.map((s) => s.id)).toEqual(['day']);
    expect(RosterProblem.safeParse(r.problem).success).toBe(true);
  });
});
