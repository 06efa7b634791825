import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  apply,
  buildRoster,
  ledgerRoster,
  onDuty,
  replay,
  rosterProblemFromLedger,
  tableGet,
  validateRoster,
  type Ledger,
  type LedgerEvent,
  type Roster,
} from '../../src/index.js';
import { DAY0, P, U, at, baseLedger, ev, nextId } from '../ledgerFixtures.js';
import { thrownIssues } from '../fixtures.js';

const post = (id: string, unitId: string, poolId: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id} 卡点`,
  kind: 'checkpoint',
  unitId,
  poolId,
  shifts: [
    { id: 'day', start: '08:00', end: '20:00' },
    { id: 'night', start: '20:00', end: '08:00' },
  ],
  leader: { cadreLevel: 'village' },
  staff: 1,
  ...extra,
});

const opened = (p: Record<string, unknown>, o: { at?: string; by?: string } = {}): LedgerEvent =>
  ({ type: 'postOpened', id: nextId(), at: o.at ?? at(DAY0, '09:00'), by: o.by ?? P.mayor, post: p }) as unknown as LedgerEvent;

/** The base ledger with two checkpoints in 普安镇 (at 吴家沟村 and 李山村). */
function withPosts(): Ledger {
  return replay([opened(post('cp-wjg', U.wjg, U.pa)), opened(post('cp-lsc', U.lsc, U.pa))], baseLedger());
}

const START = '2020-01-26';

function publishedLedger(): { ledger: Ledger; roster: Roster } {
  const ledger = withPosts();
  const problem = rosterProblemFromLedger(ledger, { startDay: START as never, days: 3 });
  const { roster } = buildRoster(problem, { seed: 1, iterations: 2000 });
  const published = apply(ledger, [{ type: 'rosterPublished', id: nextId(), at: at('2020-01-25', '18:00'), by: P.mayor, rosterId: 'r1', roster }]);
  return { ledger: published, roster };
}

function issuesOf(run: () => unknown): { path: readonly PropertyKey[]; code: string }[] {
  return thrownIssues(run, true).map((i) => ({ path: i.path, code: i.code }));
}

describe('posts in the ledger', () => {
  it('opens a post within its pool and closes it after a day', () => {
    const l = withPosts();
    expect(l.posts.size).toBe(2);
    const closed = apply(l, [{ type: 'postClosed', id: nextId(), at: at('2020-02-01'), by: P.mayor, postId: 'cp-wjg', lastDay: '2020-02-01' }]);
    expect(tableGet(closed.posts, 'cp-wjg')?.to).toBe('2020-02-01');
    expect(tableGet(l.posts, 'cp-wjg')?.to).toBeUndefined();
  });

  it('a closed post closes earlier, never later: a later last day would reopen it and is refused', () => {
    const l = withPosts();
    const close = (lastDay: string): LedgerEvent => ({ type: 'postClosed', id: nextId(), at: at('2020-02-01'), by: P.mayor, postId: 'cp-wjg', lastDay }) as unknown as LedgerEvent;
    const closed = apply(l, [close('2020-02-05')]);
    const e = issuesOf(() => apply(closed, [close('2020-02-20')]));
    expect(e).toEqual([{ path: [0, 'lastDay'], code: 'already_closed' }]);
    expect(tableGet(apply(closed, [close('2020-02-03')]).posts, 'cp-wjg')?.to).toBe('2020-02-03');
    expect(tableGet(apply(closed, [close('2020-02-05')]).posts, 'cp-wjg')?.to).toBe('2020-02-05');
  });

  it('refuses an unknown unit, a pool that does not contain the unit, and a duplicate id, naming each', () => {
    const l = withPosts();
    const issues = issuesOf(() =>
      apply(l, [opened(post('cp-x', 'nowhere', U.pa)), opened(post('cp-y', U.cb, U.pa)), opened(post('cp-wjg', U.wjg, U.pa))]),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: [0, 'post', 'unitId'], code: 'unknown_unit' },
        { path: [1, 'post', 'poolId'], code: 'pool_mismatch' },
        { path: [2, 'post', 'id'], code: 'duplicate_id' },
      ]),
    );
  });
});

describe('rosters in the ledger', () => {
  it('publishes a roster whose seats read back unchanged', () => {
    const { ledger, roster } = publishedLedger();
    expect(ledgerRoster(ledger, 'r1')).toEqual(roster);
    expect(tableGet(ledger.rosters, 'r1')?.seats).toHaveLength(Object.keys(roster.seats).length);
  });

  it('refuses a roster naming an unknown post, seat or person, and changes nothing', () => {
    const l = withPosts();
    const roster = {
      startDay: START,
      days: 1,
      shifts: { 'cp-wjg': [{ id: 'day', start: '08:00', end: '20:00' }], 'cp-gone': [{ id: 'day', start: '08:00', end: '20:00' }] },
      seats: { 'cp-wjg/2020-01-26/day/L': 'nobody', 'cp-wjg/2020-01-26/late/L': P.wjgSec, 'cp-wjg/2020-03-01/day/L': null },
    };
    const issues = issuesOf(() => apply(l, [{ type: 'rosterPublished', id: nextId(), at: at('2020-01-25'), by: P.mayor, rosterId: 'r1', roster }]));
    expect(issues.map((i) => i.code).sort()).toEqual(['outside_horizon', 'unknown_person', 'unknown_post', 'unknown_seat']);
    expect(l.rosters.size).toBe(0);
  });

  it('refuses seats a post does not have: a staff slot beyond its staff, a day it is not open, a day its shift is not worked', () => {
    const l = replay([opened(post('cp-new', U.wjg, U.pa, { from: '2020-01-27', to: '2020-01-28' }))], withPosts());
    const roster = {
      startDay: START,
      days: 3,
      shifts: { 'cp-wjg': [{ id: 'day', start: '08:00', end: '20:00', from: '2020-01-27' }], 'cp-new': [{ id: 'day', start: '08:00', end: '20:00' }] },
      seats: {
        'cp-wjg/2020-01-27/day/L': null,
        'cp-wjg/2020-01-27/day/1': null,
        'cp-wjg/2020-01-27/day/2': null,
        'cp-wjg/2020-01-26/day/L': null,
        'cp-new/2020-01-26/day/L': null,
        'cp-new/2020-01-28/day/L': null,
      },
    };
    let thrown: FrontlineError | undefined;
    try {
      apply(l, [{ type: 'rosterPublished', id: nextId(), at: at('2020-01-25'), by: P.mayor, rosterId: 'r1', roster } as unknown as LedgerEvent]);
    } catch (e) {
      if (e instanceof FrontlineError) thrown = e;
    }
    expect(thrown?.issues.map((i) => `${i.path.join('.')} ${i.code}`).sort()).toEqual([
      '0.roster.seats.cp-new/2020-01-26/day/L post_not_open',
      '0.roster.seats.cp-wjg/2020-01-26/day/L shift_not_worked',
      '0.roster.seats.cp-wjg/2020-01-27/day/2 unknown_seat',
    ]);
    expect(thrown?.issues.find((i) => i.code === 'unknown_seat')?.message).toContain('1 staff');
    expect(l.rosters.size).toBe(0);
  });

  it('reassigns and swaps only seats that have not started, and counts the revisions', () => {
    const { ledger } = publishedLedger();
    const later = 'cp-wjg/2020-01-28/day/1';
    const started = 'cp-wjg/2020-01-26/day/1';
    const before = tableGet(ledger.duties, `r1|${later}`)?.personId;
    const next = apply(ledger, [
      { type: 'dutiesReassigned', id: nextId(), at: at('2020-01-27', '09:00'), by: P.mayor, rosterId: 'r1', changes: [{ seat: later, personId: P.wjg3 }], reason: '调整' },
    ]);
    expect(tableGet(next.duties, `r1|${later}`)?.personId).toBe(P.wjg3);
    expect(tableGet(next.rosters, 'r1')?.revisions).toBe(1);
    expect(tableGet(ledger.duties, `r1|${later}`)?.personId).toBe(before);
    const issues = issuesOf(() =>
      apply(ledger, [
        { type: 'dutiesReassigned', id: nextId(), at: at('2020-01-27', '09:00'), by: P.mayor, rosterId: 'r1', changes: [{ seat: started, personId: P.wjg3 }, { seat: 'cp-wjg/2020-01-28/day/9', personId: null }], reason: '调整' },
      ]),
    );
    expect(issues).toEqual([
      { path: [0, 'changes', 0, 'seat'], code: 'seat_started' },
      { path: [0, 'changes', 1, 'seat'], code: 'unknown_seat' },
    ]);
  });

  it('swaps two people, and onDuty sees the swap', () => {
    const { ledger } = publishedLedger();
    const a = 'cp-wjg/2020-01-28/day/L';
    const b = 'cp-lsc/2020-01-28/day/L';
    const pa = tableGet(ledger.duties, `r1|${a}`)?.personId;
    const pb = tableGet(ledger.duties, `r1|${b}`)?.personId;
    expect(pa).not.toBeNull();
    expect(pb).not.toBeNull();
    const next = apply(ledger, [{ type: 'dutySwapped', id: nextId(), at: at('2020-01-27'), by: P.mayor, rosterId: 'r1', seats: [a, b] }]);
    const duty = onDuty(ledgerRoster(next, 'r1'), 'cp-wjg', '2020-01-28T12:00:00+08:00');
    expect(duty.shifts[0]?.leader).toBe(pb);
  });

  it('records attendance once, and only after the shift started', () => {
    const { ledger, roster } = publishedLedger();
    const seat = Object.keys(roster.seats).find((s) => s.includes('/2020-01-27/night/') && roster.seats[s as keyof typeof roster.seats] !== null) as string;
    expect(seat).toBeDefined();
    const early = issuesOf(() => apply(ledger, [{ type: 'attendanceRecorded', id: nextId(), at: at('2020-01-27', '19:00'), by: P.sup, rosterId: 'r1', seat, status: 'present' }]));
    expect(early).toEqual([{ path: [0, 'at'], code: 'before_shift' }]);
    const checked = apply(ledger, [{ type: 'attendanceRecorded', id: nextId(), at: at('2020-01-27', '23:00'), by: P.sup, rosterId: 'r1', seat, status: 'late' }]);
    expect(tableGet(checked.duties, `r1|${seat}`)?.attendance).toEqual({ status: 'late', at: at('2020-01-27', '23:00'), by: P.sup });
    const twice = issuesOf(() => apply(checked, [{ type: 'attendanceRecorded', id: nextId(), at: at('2020-01-27', '23:30'), by: P.sup, rosterId: 'r1', seat, status: 'present' }]));
    expect(twice).toEqual([{ path: [0, 'seat'], code: 'already_recorded' }]);
  });

  it('replay gives the same ledger as apply for a roster journal', () => {
    const { ledger } = publishedLedger();
    const seat = 'cp-wjg/2020-01-28/night/L';
    const journal: LedgerEvent[] = [
      { type: 'absenceRecorded', id: nextId(), at: at('2020-01-26'), by: P.mayor, absence: { id: 'a1', personId: P.wjgSec, from: '2020-01-27', to: '2020-01-28', reason: 'leave' } } as LedgerEvent,
      { type: 'dutiesReassigned', id: nextId(), at: at('2020-01-26'), by: P.mayor, rosterId: 'r1', changes: [{ seat, personId: null }], reason: '请假' } as LedgerEvent,
      { type: 'postClosed', id: nextId(), at: at('2020-01-26'), by: P.mayor, postId: 'cp-lsc', lastDay: '2020-01-27' } as LedgerEvent,
    ];
    const a = apply(ledger, journal);
    const b = replay(journal, ledger);
    expect(ledgerRoster(b, 'r1')).toEqual(ledgerRoster(a, 'r1'));
    expect(tableGet(b.posts, 'cp-lsc')).toEqual(tableGet(a.posts, 'cp-lsc'));
    expect(tableGet(b.absences, 'a1')).toEqual(tableGet(a.absences, 'a1'));
    expect(b.eventCount).toBe(a.eventCount);
  });
});

describe('rosterProblemFromLedger', () => {
  it('takes the posts, the pool of each person, and their absences and observations', () => {
    const base = withPosts();
    const ledger = replay(
      [
        { type: 'absenceRecorded', id: nextId(), at: at('2020-01-25'), by: P.mayor, absence: { id: 'a1', personId: P.wjgSec, from: '2020-01-27', to: '2020-01-27', reason: 'sickness' } } as LedgerEvent,
        ev.travel({ personId: P.wjg3, arrivalDay: '2020-01-24' }),
        ev.observe({ personId: P.wjg3, fromDay: '2020-01-24', day: '2020-01-24' }),
      ],
      base,
    );
    const problem = rosterProblemFromLedger(ledger, { startDay: START as never, days: 3 });
    expect(problem.posts.map((p) => p.id)).toEqual(['cp-lsc', 'cp-wjg']);
    expect(problem.pools).toEqual([{ id: U.pa, name: '普安镇' }]);
    const ids = problem.people.map((p) => p.id);
    // members, cadres and activists of 普安镇; not non-members, not people of other townships
    expect(ids).toEqual(expect.arrayContaining([P.paSec, P.wjgSec, P.lscSec, P.wjg3, 'vol-1', 'vol-3']));
    expect(ids).not.toContain(P.wjg1);
    expect(ids).not.toContain(P.cbSec);
    const sec = problem.people.find((p) => p.id === P.wjgSec);
    expect(sec?.absences).toEqual([{ from: '2020-01-27', to: '2020-01-27', reason: 'sickness' }]);
    const observed = problem.people.find((p) => p.id === P.wjg3);
    expect(observed?.absences).toEqual([{ from: '2020-01-24', to: '2020-02-06', reason: 'observation' }]);
    const { roster } = buildRoster(problem, { seed: 2, iterations: 2000 });
    expect(validateRoster(problem, roster).score[0]).toBe(0);
    expect(Object.entries(roster.seats).filter(([, p]) => p === P.wjg3)).toEqual([]);
  });

  it('refuses a horizon with no post open, or an empty list of posts: nothing to roster', () => {
    expect(issuesOf(() => rosterProblemFromLedger(baseLedger(), { startDay: START as never }))).toEqual([{ path: ['startDay'], code: 'no_posts' }]);
    const closed = apply(withPosts(), [
      { type: 'postClosed', id: nextId(), at: at('2020-01-20'), by: P.mayor, postId: 'cp-wjg', lastDay: '2020-01-21' },
      { type: 'postClosed', id: nextId(), at: at('2020-01-20'), by: P.mayor, postId: 'cp-lsc', lastDay: '2020-01-21' },
    ] as unknown as LedgerEvent[]);
    expect(issuesOf(() => rosterProblemFromLedger(closed, { startDay: START as never }))).toEqual([{ path: ['startDay'], code: 'no_posts' }]);
    expect(issuesOf(() => rosterProblemFromLedger(withPosts(), { startDay: START as never, posts: [] }))).toEqual([{ path: ['posts'], code: 'no_posts' }]);
  });

  it('names an unknown post among the ones asked for', () => {
    const issues = issuesOf(() => rosterProblemFromLedger(withPosts(), { startDay: START as never, posts: ['cp-wjg', 'cp-none'] as never }));
    expect(issues).toEqual([{ path: ['posts', 1], code: 'unknown_post' }]);
  });
});
