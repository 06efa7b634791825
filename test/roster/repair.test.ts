import { describe, expect, it, test } from 'vitest';
import {
  FrontlineError,
  buildRoster,
  generateRosterProblem,
  repairRoster,
  validateRoster,
  type Instant,
  type RepairResult,
  type Roster,
  type RosterChange,
  type RosterProblem,
} from '../../src/index.js';
import { TWO_SHIFTS, caught, day, issueList, problemOf, rosterOf, seat, seatStartMinute, type PersonIn } from './rosterFixtures.js';

type Seats = Record<string, string | null>;
const seatsOf = (r: Roster): Seats => r.seats as unknown as Seats;
const change = (c: Record<string, unknown>): RosterChange => c as unknown as RosterChange;
const REASONS = ['unavailable', 'brokenRule', 'closed', 'added', 'refilled', 'moved'];

/**
 * A small feasible problem: pool t1 with two posts of 12-hour day and night shifts over 7 days
 * (cp1: a leader and one staff, cp2: a leader), eight cadres and eight others, default rules.
 */
function smallProblem(extra: Partial<{ locked: { seat: string; personId: string | null }[] }> = {}): RosterProblem {
  const people: PersonIn[] = [];
  for (let i = 0; i < 8; i++) people.push({ id: `c${i}`, cadreLevel: 'village', unitId: i % 2 === 0 ? 't1.v1' : 't1.v2' });
  for (let i = 0; i < 8; i++) people.push({ id: `n${i}`, unitId: i % 2 === 0 ? 't1.v1' : 't1.v2' });
  people.push({ id: 'f0', cadreLevel: 'village', unitId: 't2.v1', poolId: 't2' });
  return problemOf({
    days: 7,
    posts: [
      { id: 'cp1', shifts: TWO_SHIFTS, staff: 1, unitId: 't1.v1' },
      { id: 'cp2', shifts: TWO_SHIFTS, staff: 0, unitId: 't1.v2' },
    ],
    people,
    ...extra,
  });
}

function built(problem: RosterProblem): Roster {
  const result = buildRoster(problem, { seed: 3 });
  expect(result.unfilled).toEqual([]);
  expect(result.score[0]).toBe(0);
  return result.roster;
}

/** What every repair must satisfy, whatever the change. */
function expectSound(problem: RosterProblem, published: Roster, r: RepairResult): void {
  const before = seatsOf(published);
  const after = seatsOf(r.roster);
  expect(r.repair.changedBeforeFreeze).toBe(0);
  expect(r.repair.changedSeats).toBe(r.diff.length);
  const freeze = (Date.parse(r.repair.freezeAt) - Date.parse(`${problem.startDay}T00:00:00+08:00`)) / 60_000;
  for (const id of Object.keys(after)) if (seatStartMinute(problem, r.roster, id) < freeze) expect(after[id], id).toBe(before[id] ?? null);
  const differ = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => (before[id] ?? null) !== (after[id] ?? null));
  expect(r.diff.map((d) => d.seat).sort()).toEqual(differ.sort());
  for (const d of r.diff) {
    expect(REASONS).toContain(d.reason);
    expect(d.old).toBe(before[d.seat] ?? null);
    expect(d.new).toBe(after[d.seat] ?? null);
    expect(d.message.zh.length).toBeGreaterThan(0);
    expect(d.message.en.length).toBeGreaterThan(0);
  }
  const check = validateRoster(structuredClone(r.problem), structuredClone(r.roster));
  expect(r.score).toEqual(check.score);
  expect(r.problem.published).toEqual(published.seats);
  expect(r.problem.freezeAt).toBe(r.repair.freezeAt);
}

const daysOf = (id: string): string => id.split('/')[1] as string;

describe('a person falls ill for three days', () => {
  it('on the benchmark instance S: the frozen past stays, the sick person is relieved, few seats change', () => {
    const problem = generateRosterProblem({ size: 'S', seed: 1 });
    const published = buildRoster(problem, { seed: 1, iterations: 20_000 }).roster;
    const before = seatsOf(published);
    const sickDays = [day(4), day(5), day(6)];
    // a cadre who holds seats on those days
    const held = (p: string): string[] => Object.keys(before).filter((id) => before[id] === p && sickDays.includes(daysOf(id) as never));
    const sick = problem.people.map((p) => p.id as string).find((p) => held(p).length >= 2) as string;
    expect(sick).toBeDefined();
    const r = repairRoster(problem, published, change({ kind: 'unavailable', personId: sick, from: day(4), to: day(6), reason: 'sickness' }));
    expectSound(problem, published, r);
    expect(r.repair.freezeAt).toBe('2020-02-05T00:00:00+08:00');
    expect(r.repair.freedSeats).toBeGreaterThanOrEqual(held(sick).length);
    expect(r.repair.changedSeats).toBeLessThanOrEqual(3 * r.repair.freedSeats);
    const after = seatsOf(r.roster);
    expect(Object.keys(after).filter((id) => after[id] === sick && sickDays.includes(daysOf(id) as never))).toEqual([]);
    for (const id of held(sick)) {
      const d = r.diff.find((x) => x.seat === id);
      expect(d).toMatchObject({ old: sick, reason: 'unavailable' });
      expect(d?.message.en).toContain('sickness');
      expect(d?.message.zh).toContain('病假');
    }
    // the sick person's other seats are untouched
    for (const id of Object.keys(before)) if (before[id] === sick && !sickDays.includes(daysOf(id) as never)) expect(after[id]).toBe(sick);
    expect(r.problem.people.find((p) => p.id === sick)?.absences?.at(-1)).toEqual({ from: day(4), to: day(6), reason: 'sickness' });
  });

  it('on a small feasible problem every freed seat is refilled and nothing else moves', () => {
    const problem = smallProblem();
    const published = built(problem);
    const before = seatsOf(published);
    const sick = before[seat('cp1', 3, 'day')] as string;
    const held = Object.keys(before).filter((id) => before[id] === sick && [day(3), day(4)].includes(daysOf(id) as never));
    const r = repairRoster(problem, published, change({ kind: 'unavailable', personId: sick, from: day(3), to: day(4), reason: 'observation' }));
    expectSound(problem, published, r);
    expect(r.unfilled).toEqual([]);
    expect(r.score[0]).toBe(0);
    expect(r.repair.freedSeats).toBe(held.length);
    expect(r.repair.changedSeats).toBeLessThanOrEqual(3 * held.length);
    for (const id of held) {
      expect(seatsOf(r.roster)[id]).not.toBe(sick);
      expect(seatsOf(r.roster)[id]).not.toBeNull();
    }
    expect(r.diff.filter((d) => d.reason === 'unavailable').map((d) => d.seat).sort()).toEqual(held.sort());
    expect(r.diff.every((d) => ['unavailable', 'moved'].includes(d.reason))).toBe(true);
  });

  it('a change that frees no seat changes nothing', () => {
    const problem = smallProblem();
    const published = built(problem);
    const before = seatsOf(published);
    // someone who holds no seat on days 3 and 4, nor the night shift running into day 3
    const busy = (id: string): boolean => [day(2), day(3)].includes(daysOf(id) as never) || (daysOf(id) === day(1) && id.includes('/night/'));
    const idle = problem.people.map((p) => p.id as string).find((p) => !Object.keys(before).some((id) => before[id] === p && busy(id)));
    expect(idle).toBeDefined();
    const r = repairRoster(problem, published, change({ kind: 'unavailable', personId: idle, from: day(2), to: day(3), reason: 'leave' }));
    expect(r.diff).toEqual([]);
    expect(r.repair.freedSeats).toBe(0);
    expect(r.roster.seats).toEqual(published.seats);
  });
});

describe('other changes', () => {
  it('postClosed removes the post\'s seats from that day (reason closed) and keeps the earlier ones', () => {
    const problem = smallProblem();
    const published = built(problem);
    const before = seatsOf(published);
    const r = repairRoster(problem, published, change({ kind: 'postClosed', postId: 'cp2', from: day(3) }));
    expectSound(problem, published, r);
    const after = seatsOf(r.roster);
    const cp2 = Object.keys(before).filter((id) => id.startsWith('cp2/'));
    for (const id of cp2) {
      if (daysOf(id) >= day(3)) expect(id in after, id).toBe(false);
      else expect(after[id]).toBe(before[id]);
    }
    const closed = r.diff.filter((d) => d.reason === 'closed');
    expect(closed.map((d) => d.seat).sort()).toEqual(cp2.filter((id) => daysOf(id) >= day(3)).sort());
    for (const d of closed) expect(d).toMatchObject({ old: before[d.seat], new: null });
    expect(r.diff.length).toBe(closed.length);
    expect(r.problem.posts.find((p) => p.id === 'cp2')?.to).toBe(day(2));
    expect(r.repair.freezeAt).toBe('2020-02-04T00:00:00+08:00');
    expect(r.repair.freedSeats).toBe(0);
  });

  it('shiftAdded adds seats from its first day (reason added)', () => {
    const problem = smallProblem();
    const published = built(problem);
    const r = repairRoster(problem, published, change({ kind: 'shiftAdded', postId: 'cp1', shift: { id: 'mid', start: '10:00', end: '14:00' }, from: day(4) }));
    expectSound(problem, published, r);
    const after = seatsOf(r.roster);
    const mid = Object.keys(after).filter((id) => id.split('/')[2] === 'mid');
    expect(mid.sort()).toEqual([4, 5, 6].flatMap((d) => [seat('cp1', d, 'mid'), seat('cp1', d, 'mid', 1)]).sort());
    const added = r.diff.filter((d) => d.reason === 'added');
    expect(added.map((d) => d.seat).sort()).toEqual(mid.filter((id) => after[id] !== null).sort());
    expect(added.length).toBeGreaterThan(0);
    for (const d of added) expect(d.old).toBeNull();
    expect(r.repair.freedSeats).toBe(6);
    expect(r.problem.posts[0]?.shifts.at(-1)).toEqual({ id: 'mid', start: '10:00', end: '14:00', from: day(4) });
    expect((r.roster.shifts as Record<string, unknown[]>)['cp1']?.at(-1)).toEqual({ id: 'mid', start: '10:00', end: '14:00', from: day(4) });
    expect(r.score[0]).toBe(0);
  });

  it('postOpened adds the new post\'s seats from its first day', () => {
    const problem = smallProblem();
    const published = built(problem);
    const post = { id: 'cp3', name: '新卡点', kind: 'checkpoint', unitId: 't1.v1', poolId: 't1', shifts: [{ id: 'day', start: '08:00', end: '20:00' }], leader: { cadreLevel: 'village' }, staff: 1, from: day(5) };
    const r = repairRoster(problem, published, change({ kind: 'postOpened', post }));
    expectSound(problem, published, r);
    const after = seatsOf(r.roster);
    const cp3 = Object.keys(after).filter((id) => id.startsWith('cp3/'));
    expect(cp3.sort()).toEqual([5, 6].flatMap((d) => [seat('cp3', d, 'day'), seat('cp3', d, 'day', 1)]).sort());
    expect(r.diff.filter((d) => d.seat.startsWith('cp3/')).every((d) => d.reason === 'added' && d.old === null)).toBe(true);
    expect(r.repair.freezeAt).toBe('2020-02-06T00:00:00+08:00');
    expect(r.problem.posts.map((p) => p.id)).toEqual(['cp1', 'cp2', 'cp3']);
    expect(r.unfilled).toEqual([]);
  });

  it('seatFreed relieves one seat\'s person of that shift only', () => {
    const problem = smallProblem();
    const published = built(problem);
    const id = seat('cp1', 3, 'day', 1);
    const holder = seatsOf(published)[id] as string;
    const r = repairRoster(problem, published, change({ kind: 'seatFreed', seat: id, reason: 'leave' }));
    expectSound(problem, published, r);
    expect(seatsOf(r.roster)[id]).not.toBe(holder);
    expect(seatsOf(r.roster)[id]).not.toBeNull();
    expect(r.diff.find((d) => d.seat === id)).toMatchObject({ old: holder, reason: 'unavailable' });
    expect(r.problem.people.find((p) => p.id === holder)?.absences).toEqual([{ from: day(3), to: day(3), reason: 'leave', shifts: ['day'] }]);
    // the holder keeps every other seat
    for (const [k, v] of Object.entries(seatsOf(published))) if (v === holder && k !== id) expect(seatsOf(r.roster)[k]).toBe(holder);
  });

  it('several changes at once: the freeze is the earliest day they touch', () => {
    const problem = smallProblem();
    const published = built(problem);
    const r = repairRoster(problem, published, [
      change({ kind: 'postClosed', postId: 'cp2', from: day(5) }),
      change({ kind: 'seatFreed', seat: seat('cp1', 2, 'night'), reason: 'blocked' }),
    ]);
    expectSound(problem, published, r);
    expect(r.repair.freezeAt).toBe('2020-02-03T00:00:00+08:00');
  });
});

describe('locks and the freeze time', () => {
  it('a locked seat keeps its person even when the change makes them unavailable; the broken rule is reported', () => {
    const base = smallProblem();
    const roster0 = built(base);
    const id = seat('cp1', 4, 'day');
    const person = seatsOf(roster0)[id] as string;
    const problem = { ...base, locked: [{ seat: id, personId: person }] } as RosterProblem;
    const r = repairRoster(problem, roster0, change({ kind: 'unavailable', personId: person, from: day(4), to: day(4), reason: 'sickness' }));
    expectSound(problem, roster0, r);
    expect(seatsOf(r.roster)[id]).toBe(person);
    expect(r.violations.filter((v) => v.level === 'hard').map((v) => [v.constraint, v.seats, v.personId])).toEqual([['H4', [id], person]]);
    expect(r.score[0]).toBe(-1);
  });

  it('an explicit freeze time later than the change keeps the seats before it, broken or not', () => {
    const problem = smallProblem();
    const published = built(problem);
    const before = seatsOf(published);
    const sick = before[seat('cp1', 2, 'day')] as string;
    const r = repairRoster(problem, published, change({ kind: 'unavailable', personId: sick, from: day(2), to: day(4), reason: 'sickness' }), { freezeAt: '2020-02-04T08:00:00+08:00' as Instant });
    expectSound(problem, published, r);
    expect(r.repair.freezeAt).toBe('2020-02-04T08:00:00+08:00');
    const freeze = 3 * 1440 + 8 * 60;
    // the sick person's seats starting before the freeze (those of the first sick day) are kept,
    // and each is reported as breaking H4
    expect(seatsOf(r.roster)[seat('cp1', 2, 'day')]).toBe(sick);
    const kept = Object.keys(before).filter((id) => before[id] === sick && daysOf(id) === day(2));
    const h4 = r.violations.filter((v) => v.constraint === 'H4');
    expect(h4.map((v) => v.seats[0]).sort()).toEqual(kept.sort());
    for (const id of kept) expect(seatStartMinute(problem, r.roster, id)).toBeLessThan(freeze);
    // on the later sick days the sick person holds nothing
    const after = seatsOf(r.roster);
    expect(Object.keys(after).filter((id) => after[id] === sick && [day(3), day(4)].includes(daysOf(id) as never))).toEqual([]);
  });

  it('a repaired problem can be repaired again', () => {
    const problem = smallProblem();
    const published = built(problem);
    const first = repairRoster(problem, published, change({ kind: 'seatFreed', seat: seat('cp1', 3, 'day'), reason: 'leave' }));
    const second = repairRoster(first.problem, first.roster, change({ kind: 'seatFreed', seat: seat('cp1', 5, 'night'), reason: 'leave' }));
    expectSound(first.problem, first.roster, second);
    expect(second.problem.published).toEqual(first.roster.seats);
    expect(second.problem.people.filter((p) => p.absences !== undefined).length).toBeGreaterThanOrEqual(1);
  });

  // The default freeze is the earliest day the changes touch, but never before the freeze of the
  // problem being repaired (every repaired problem has one).
  test('repairing a repaired problem never changes a seat before that problem\'s own freeze time', () => {
    const problem = smallProblem();
    const published = built(problem);
    const first = repairRoster(problem, published, change({ kind: 'seatFreed', seat: seat('cp1', 4, 'day'), reason: 'leave' }));
    expect(first.repair.freezeAt).toBe('2020-02-05T00:00:00+08:00');
    const who = seatsOf(first.roster)[seat('cp1', 2, 'day')] as string;
    const second = repairRoster(first.problem, first.roster, change({ kind: 'unavailable', personId: who, from: day(2), to: day(2), reason: 'sickness' }));
    // every seat before the first freeze keeps its person: the past does not change
    const freeze = 4 * 1440;
    for (const [id, p] of Object.entries(seatsOf(first.roster))) if (seatStartMinute(problem, first.roster, id) < freeze) expect(seatsOf(second.roster)[id], id).toBe(p);
    expect(validateRoster(first.problem, second.roster).totals.H9).toBe(0);
  });

  // Closing a post from (or before) the day it opens removes it.
  test('closing a post from its first open day gives a valid repaired problem', () => {
    const problem = problemOf({
      days: 3,
      posts: [{ id: 'cp1' }, { id: 'cp2', from: day(1) }],
      people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }],
    });
    const published = buildRoster(problem).roster;
    const r = repairRoster(problem, published, change({ kind: 'postClosed', postId: 'cp2', from: day(1) }));
    expect(Object.keys(seatsOf(r.roster)).some((id) => id.startsWith('cp2/'))).toBe(false);
    // the repaired problem as stored and loaded again
    const stored = JSON.parse(JSON.stringify(r.problem)) as RosterProblem;
    expect(validateRoster(stored, r.roster).score[0]).toBe(0);
  });

  // Closing a post drops the locks on its seats that are gone.
  test('closing a post with a locked seat on a closed day is not reported as an invalid problem', () => {
    const base = smallProblem();
    const roster0 = built(base);
    const id = seat('cp2', 5, 'day');
    const problem = { ...base, locked: [{ seat: id, personId: seatsOf(roster0)[id] ?? null }] } as RosterProblem;
    let issues: string[] = [];
    try {
      const r = repairRoster(problem, roster0, change({ kind: 'postClosed', postId: 'cp2', from: day(3) }));
      expect(id in seatsOf(r.roster)).toBe(false);
    } catch (e) {
      if (!(e instanceof FrontlineError)) throw e;
      issues = issueList(e);
    }
    expect(issues).toEqual([]);
  });
});

describe('bad changes', () => {
  it('a change naming an unknown seat, person or post throws a FrontlineError naming each', () => {
    const problem = smallProblem();
    const published = built(problem);
    const post = { id: 'cp9', name: 'x', kind: 'checkpoint', unitId: 'u', poolId: 'nowhere', shifts: TWO_SHIFTS, leader: { cadreLevel: 'village' }, staff: 0 };
    const e = caught(() =>
      repairRoster(problem, published, [
        change({ kind: 'unavailable', personId: 'ghost', from: day(1), to: day(2), reason: 'leave' }),
        change({ kind: 'postClosed', postId: 'cp9', from: day(1) }),
        change({ kind: 'seatFreed', seat: seat('cp9', 1, 'day'), reason: 'leave' }),
        change({ kind: 'shiftAdded', postId: 'cp8', shift: { id: 'x', start: '10:00', end: '12:00' }, from: day(1) }),
        change({ kind: 'postOpened', post }),
        change({ kind: 'postOpened', post: { ...post, id: 'cp1', poolId: 't1' } }),
        change({ kind: 'shiftAdded', postId: 'cp1', shift: { id: 'night', start: '10:00', end: '12:00' }, from: day(1) }),
        change({ kind: 'unavailable', personId: 'c1', from: day(3), to: day(2), reason: 'leave' }),
        change({ kind: 'seatFreed', seat: seat('cp1', 1, 'day', 2), reason: 'leave' }),
      ]),
    );
    expect(e.code).toBe('invalid_roster');
    expect(issueList(e)).toEqual(
      [
        '0.personId → unknown_person',
        '1.postId → unknown_post',
        '2.seat → unknown_seat',
        '3.postId → unknown_post',
        '4.post.poolId → unknown_pool',
        '5.post.id → duplicate_id',
        '6.shift.id → duplicate_id',
        '7.to → invalid_range',
        '8.seat → unknown_seat',
      ].sort(),
    );
    expect(e.issues.find((i) => i.code === 'unknown_person')?.message).toContain('ghost');
  });

  it('a change that is not one, bad options, and a roster naming unknown people', () => {
    const problem = smallProblem();
    const published = built(problem);
    const bad = caught(() => repairRoster(problem, published, [change({ kind: 'seatFreed', seat: 'cp1/day/L', reason: 'leave' }), change({ kind: 'explode' })]));
    expect(bad.code).toBe('invalid_roster');
    expect(bad.issues.map((i) => i.path[0])).toEqual([0, 1]);
    expect(bad.issues[0]?.path).toEqual([0, 'seat']);
    const options = caught(() => repairRoster(problem, published, change({ kind: 'postClosed', postId: 'cp1', from: day(1) }), { freezeAt: 'tomorrow' as Instant }));
    expect(options.code).toBe('invalid_input');
    expect(options.issues.map((i) => i.path)).toEqual([['freezeAt']]);
    const roster = rosterOf(problem, { ...seatsOf(published), [seat('cp1', 0, 'day')]: 'ghost' });
    const unknown = caught(() => repairRoster(problem, roster, change({ kind: 'postClosed', postId: 'cp1', from: day(1) })));
    expect(issueList(unknown)).toEqual([`seats.${seat('cp1', 0, 'day')} → unknown_person`]);
  });
});
