import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  Post,
  RosterChange,
  RosterProblem,
  SeatId,
  Shift,
  addDays,
  buildRoster,
  checkCapacity,
  parseSeatId,
  repairRoster,
  seatId,
  validateRoster,
  type Day,
  type PostId,
  type ShiftId,
} from '../../src/index.js';
import {
  THREE_SHIFTS,
  TWO_SHIFTS,
  caught,
  day,
  deepFreeze,
  issueList,
  problemOf,
  rosterOf,
  seat,
  type ProblemIn,
} from './rosterFixtures.js';

/** A valid small problem to spoil: two posts in two pools, four people. */
const base = (): ProblemIn => ({
  days: 3,
  posts: [
    { id: 'cp1', shifts: TWO_SHIFTS, staff: 1 },
    { id: 'cp2', unitId: 't2.v1', poolId: 't2', shifts: THREE_SHIFTS },
  ],
  people: [
    { id: 'a', cadreLevel: 'village', partyMember: true },
    { id: 'b' },
    { id: 'c', unitId: 't2.v1', poolId: 't2', cadreLevel: 'section' },
    { id: 'd', unitId: 't2.v1', poolId: 't2' },
  ],
});

/** The issues (`path → code`) that checking a spoiled problem reports; every entry point reports the same. */
function issuesOf(spoil: (p: Record<string, unknown> & { posts: Record<string, unknown>[]; people: Record<string, unknown>[] }) => void): string[] {
  const problem = JSON.parse(JSON.stringify(problemOf(base()))) as Parameters<typeof spoil>[0];
  spoil(problem);
  const e = caught(() => checkCapacity(problem as unknown as RosterProblem));
  expect(e.code).toBe('invalid_roster');
  expect(e.message).toContain('invalid roster problem');
  // the same problem given to the other entry points fails the same way
  const again = JSON.parse(JSON.stringify(problem)) as RosterProblem;
  expect(issueList(caught(() => buildRoster(again, { iterations: 0 })))).toEqual(issueList(e));
  expect(issueList(caught(() => validateRoster(JSON.parse(JSON.stringify(problem)) as RosterProblem, rosterOf(again, {}))))).toEqual(issueList(e));
  return issueList(e);
}

describe('a bad roster problem is a FrontlineError naming each problem with its path', () => {
  it('the unspoiled base problem is accepted', () => {
    expect(checkCapacity(problemOf(base())).seats).toBe(3 * (2 * 2 + 3));
  });

  it('unknown pools of a post and of a person', () => {
    expect(
      issuesOf((p) => {
        (p.posts[1] as Record<string, unknown>)['poolId'] = 'nowhere';
        (p.people[2] as Record<string, unknown>)['poolId'] = 'elsewhere';
      }),
    ).toEqual(['people.2.poolId → custom', 'posts.1.poolId → custom']);
  });

  it('duplicate post, person and shift ids, each at the later one', () => {
    expect(
      issuesOf((p) => {
        (p.posts[1] as Record<string, unknown>)['id'] = 'cp1';
        (p.people[3] as Record<string, unknown>)['id'] = 'b';
        ((p.posts[0] as Record<string, unknown>)['shifts'] as Record<string, unknown>[])[1]!['id'] = 'day';
      }),
    ).toEqual(['people.3.id → custom', 'posts.0.shifts.1.id → custom', 'posts.1.id → custom']);
  });

  it('no post, or no post with a shift worked in the horizon: no seat to fill, never a 100% fill rate', () => {
    expect(issuesOf((p) => (p.posts = []))).toEqual(['posts → too_small']);
    const none = caught(() => checkCapacity({ ...problemOf(base()), posts: [] }));
    expect(none.issues[0]?.message).toContain('no seat to fill');
    // every post closed before the horizon, or its only shift worked after it
    expect(
      issuesOf((p) => {
        (p.posts[0] as Record<string, unknown>)['to'] = '2020-01-20';
        ((p.posts[1] as Record<string, unknown>)['shifts'] as Record<string, unknown>[]).forEach((sh) => (sh['from'] = '2020-03-01'));
      }),
    ).toEqual(['posts → custom']);
    const closed = problemOf({ days: 3, posts: [{ id: 'cp1', from: day(5) }], people: [{ id: 'a', cadreLevel: 'village' }] });
    const e = caught(() => buildRoster(closed, { iterations: 0 }));
    expect(issueList(e)).toEqual(['posts → custom']);
    expect(e.issues[0]?.message).toContain(`no post has a shift worked from ${day(0)} to ${day(2)}`);
    // one seat on one day is enough
    expect(buildRoster(problemOf({ days: 3, posts: [{ id: 'cp1', from: day(2) }], people: [{ id: 'a', cadreLevel: 'village' }] }), { iterations: 0 }).stats).toMatchObject({ seats: 1, filled: 1, fillRate: 1 });
  });

  it('a repair whose changes leave no seat is refused rather than reported fully staffed', () => {
    const problem = problemOf({ days: 2, posts: [{ id: 'cp1' }], people: [{ id: 'a', cadreLevel: 'village' }] });
    const built = buildRoster(problem, { iterations: 0 });
    const e = caught(() => repairRoster(problem, built.roster, [{ kind: 'postClosed', postId: 'cp1', from: day(0) } as RosterChange]));
    expect(issueList(e)).toEqual(['0 → no_seat_left']);
    expect(e.issues[0]?.message).toContain('nothing left to roster');
  });

  it('a duplicate pool id', () => {
    expect(issuesOf((p) => (p['pools'] = [{ id: 't1', name: 'x' }, { id: 't2', name: 'y' }, { id: 't1', name: 'z' }]))).toEqual(['pools.2.id → custom']);
  });

  it('a post without a leader requirement: every post has a leader seat', () => {
    expect(issuesOf((p) => delete p.posts[0]!['leader'])).toEqual(['posts.0.leader → invalid_type']);
  });

  it("shift times that do not parse: '25:00' and '8:00'", () => {
    const issues = issuesOf((p) => {
      const shifts = p.posts[1]!['shifts'] as Record<string, unknown>[];
      shifts[0]!['start'] = '25:00';
      shifts[2]!['end'] = '8:00';
    });
    expect(issues).toEqual(['posts.1.shifts.0.start → invalid_format', 'posts.1.shifts.2.end → invalid_format']);
  });

  it('a post id containing "/" (it separates the parts of a seat id), and a shift id too', () => {
    expect(
      issuesOf((p) => {
        p.posts[0]!['id'] = 'cp/1';
        (p.posts[1]!['shifts'] as Record<string, unknown>[])[0]!['id'] = 'a/b';
      }),
    ).toEqual(['posts.0.id → custom', 'posts.1.shifts.0.id → custom']);
  });

  it('a locked seat naming an unknown seat', () => {
    expect(
      issuesOf((p) => {
        p['locked'] = [
          { seat: seat('cp1', 0, 'day'), personId: 'a' },
          { seat: seat('cp9', 0, 'day'), personId: 'a' }, // no such post
          { seat: seat('cp1', 3, 'day'), personId: 'a' }, // after the horizon
          { seat: seat('cp1', 0, 'day', 2), personId: null }, // cp1 has one staff seat
        ];
      }),
    ).toEqual(['locked.1.seat → custom', 'locked.2.seat → custom', 'locked.3.seat → custom']);
  });

  it('a locked seat naming an unknown person', () => {
    expect(issuesOf((p) => (p['locked'] = [{ seat: seat('cp1', 0, 'day'), personId: 'zz' }]))).toEqual(['locked.0.personId → custom']);
  });

  it('a locked seat naming an unknown seat and another naming an unknown person: both are listed', () => {
    expect(
      issuesOf((p) => {
        p['locked'] = [
          { seat: seat('cp9', 0, 'day'), personId: 'a' },
          { seat: seat('cp1', 0, 'day'), personId: 'zz' },
        ];
      }),
    ).toEqual(['locked.0.seat → custom', 'locked.1.personId → custom']);
  });

  it('a published roster naming an unknown person; a freeze time without a published roster', () => {
    expect(
      issuesOf((p) => {
        p['published'] = { [seat('cp1', 0, 'day')]: 'a', [seat('cp1', 1, 'day')]: 'ghost' };
      }),
    ).toEqual([`published.${seat('cp1', 1, 'day')} → custom`]);
    expect(issuesOf((p) => (p['freezeAt'] = '2020-02-02T00:00:00+08:00'))).toEqual(['freezeAt → custom']);
  });

  it('an absence ending before it starts, a post closing before it opens, a bad day', () => {
    expect(
      issuesOf((p) => {
        p.people[0]!['absences'] = [{ from: day(2), to: day(1), reason: 'leave' }];
        p.posts[0]!['from'] = day(2);
        p.posts[0]!['to'] = day(1);
        p['startDay'] = '2020-02-30';
      }),
    ).toEqual(['people.0.absences.0.to → custom', 'posts.0.to → custom', 'startDay → custom']);
  });

  it('several problems at once are all listed', () => {
    const issues = issuesOf((p) => {
      (p.posts[1] as Record<string, unknown>)['poolId'] = 'nowhere';
      (p.people[3] as Record<string, unknown>)['id'] = 'a';
      (p.posts[0]!['shifts'] as Record<string, unknown>[])[0]!['end'] = '24:00';
      p['published'] = { [seat('cp1', 0, 'day')]: 'ghost' };
    });
    expect(issues).toEqual(['people.3.id → custom', 'posts.0.shifts.0.end → invalid_format', 'posts.1.poolId → custom', `published.${seat('cp1', 0, 'day')} → custom`]);
  });

  it('bad build options are invalid_input, not invalid_roster', () => {
    const e = caught(() => buildRoster(problemOf(base()), { iterations: -1 }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues.map((i) => i.path)).toEqual([['iterations']]);
  });
});

describe('schemas', () => {
  it('Post and Shift reject what the problem rejects', () => {
    expect(Post.safeParse({ id: 'cp1', name: 'x', kind: 'checkpoint', unitId: 'u', poolId: 't1', shifts: TWO_SHIFTS, leader: { cadreLevel: 'village' }, staff: 1 }).success).toBe(true);
    expect(Post.safeParse({ id: 'cp1', name: 'x', kind: 'checkpoint', unitId: 'u', poolId: 't1', shifts: TWO_SHIFTS, staff: 1 }).success).toBe(false);
    expect(Post.safeParse({ id: 'cp1', name: 'x', kind: 'checkpoint', unitId: 'u', poolId: 't1', shifts: [], leader: { cadreLevel: 'village' }, staff: 1 }).success).toBe(false);
    for (const t of ['00:00', '23:59', '08:00']) expect(Shift.safeParse({ id: 's', start: t, end: t }).success).toBe(true);
    for (const t of ['24:00', '25:00', '8:00', '08:60', '0800', '08:00:00']) expect(Shift.safeParse({ id: 's', start: t, end: '08:00' }).success, t).toBe(false);
  });

  it('RosterChange accepts each kind and rejects an unknown one', () => {
    expect(RosterChange.safeParse({ kind: 'postClosed', postId: 'cp1', from: day(1) }).success).toBe(true);
    expect(RosterChange.safeParse({ kind: 'seatFreed', seat: seat('cp1', 0, 'day'), reason: 'leave' }).success).toBe(true);
    expect(RosterChange.safeParse({ kind: 'seatFreed', seat: 'cp1/day/L', reason: 'leave' }).success).toBe(false);
    expect(RosterChange.safeParse({ kind: 'fire', postId: 'cp1' }).success).toBe(false);
  });
});

describe('seatId and parseSeatId', () => {
  const part = fc.string({ unit: fc.constantFrom(...'abcXYZ019._-带班夜'), minLength: 1, maxLength: 8 });
  const dayArb = fc.integer({ min: -3000, max: 3000 }).map((n) => addDays('2020-02-01' as Day, n));
  const slot = fc.oneof(fc.constant<'L'>('L'), fc.integer({ min: 1, max: 60 }));

  test.prop([part, dayArb, part, slot])('round trip: parseSeatId(seatId(parts)) gives the parts back, and the id is a SeatId', (p, d, s, k) => {
    const id = seatId(p as PostId, d, s as ShiftId, k);
    expect(parseSeatId(id)).toEqual({ postId: p, day: d, shiftId: s, slot: k });
    expect(SeatId.safeParse(id).success).toBe(true);
    expect(id.split('/')).toHaveLength(4);
  });

  it('examples', () => {
    expect(seatId('cp1' as PostId, '2020-02-01' as Day, 'night' as ShiftId, 'L')).toBe('cp1/2020-02-01/night/L');
    expect(parseSeatId('cp1/2020-02-01/night/2')).toEqual({ postId: 'cp1', day: '2020-02-01', shiftId: 'night', slot: 2 });
  });

  it('returns undefined for what is not a seat id', () => {
    for (const bad of [
      '',
      'cp1/2020-02-01/night',
      'cp1/2020-02-01/night/L/x',
      '/2020-02-01/night/L',
      'cp1/2020-02-01//L',
      'cp1/2020-02-30/night/L',
      'cp1/2020-2-01/night/L',
      'cp1/2020-02-01/night/0',
      'cp1/2020-02-01/night/01',
      'cp1/2020-02-01/night/l',
      'cp1/2020-02-01/night/-1',
    ]) {
      expect(parseSeatId(bad), bad).toBeUndefined();
    }
  });
});

describe("the caller's inputs are never changed", () => {
  const fixture = (): { problem: RosterProblem } => ({
    problem: problemOf({
      days: 4,
      posts: [
        { id: 'cp1', shifts: TWO_SHIFTS, staff: 1 },
        { id: 'cp2', shifts: THREE_SHIFTS, staff: 0, unitId: 't1.v2' },
      ],
      people: [
        { id: 'a', cadreLevel: 'village', desiredDays: [day(1)] },
        { id: 'b', cadreLevel: 'section', partyMember: true, absences: [{ from: day(2), to: day(2), reason: 'leave', shifts: ['night'] }] },
        { id: 'c', cadreLevel: 'village', unitId: 't1.v2', undesiredDays: [day(0)] },
        { id: 'd' },
        { id: 'e', unitId: 't1.v2' },
        { id: 'f', poolId: 't2', unitId: 't2.v1', cadreLevel: 'county' },
        { id: 'g', poolId: 't2', unitId: 't2.v1' },
      ],
      locked: [{ seat: seat('cp1', 0, 'day'), personId: 'a' }],
    }),
  });

  it('buildRoster, validateRoster, checkCapacity and repairRoster work on deep-frozen inputs and leave copies equal', () => {
    const { problem } = fixture();
    const copy = structuredClone(problem);
    deepFreeze(problem);
    const built = buildRoster(problem, { iterations: 500 });
    validateRoster(problem, built.roster);
    checkCapacity(problem);
    const roster = deepFreeze(structuredClone(built.roster));
    const rosterCopy = structuredClone(roster);
    const changes = deepFreeze([
      { kind: 'unavailable', personId: 'a', from: day(1), to: day(2), reason: 'sickness' },
      { kind: 'postClosed', postId: 'cp2', from: day(3) },
      { kind: 'shiftAdded', postId: 'cp1', shift: { id: 'extra', start: '10:00', end: '14:00' }, from: day(2) },
      { kind: 'postOpened', post: { id: 'cp3', name: '新卡点', kind: 'checkpoint', unitId: 't2.v1', poolId: 't2', shifts: TWO_SHIFTS, leader: { cadreLevel: 'village' }, staff: 0, from: day(2) } },
      { kind: 'seatFreed', seat: seat('cp1', 1, 'day', 1), reason: 'leave' },
    ] as unknown as RosterChange[]);
    const changesCopy = structuredClone(changes);
    const repaired = repairRoster(problem, roster, changes, { iterations: 500 });
    expect(problem).toEqual(copy);
    expect(roster).toEqual(rosterCopy);
    expect(changes).toEqual(changesCopy);
    // and the repaired problem is a new object carrying the changes
    expect(repaired.problem).not.toBe(problem);
    expect(repaired.problem.people.find((p) => p.id === 'a')?.absences).toEqual([{ from: day(1), to: day(2), reason: 'sickness' }]);
    expect(problem.people.find((p) => p.id === 'a')?.absences).toBeUndefined();
    expect(repaired.problem.posts.map((p) => p.id)).toEqual(['cp1', 'cp2', 'cp3']);
    expect(problem.posts.map((p) => p.id)).toEqual(['cp1', 'cp2']);
  });

  it('a FrontlineError is thrown (not a TypeError) for a frozen bad problem', () => {
    const { problem } = fixture();
    const bad = deepFreeze({ ...structuredClone(problem), posts: [{ ...structuredClone(problem.posts[0]!), poolId: 'zz' }] }) as RosterProblem;
    expect(caught(() => buildRoster(bad)).code).toBe('invalid_roster');
  });

  it('the roster buildRoster returns cannot be edited in place, and its shifts are copies of the problem\'s', () => {
    const { problem } = fixture();
    const { roster } = buildRoster(problem, { iterations: 0 });
    expect(Object.isFrozen(roster.seats)).toBe(true);
    expect(() => {
      (roster.seats as Record<string, string | null>)[seat('cp1', 0, 'day')] = null;
    }).toThrow(TypeError);
    const shifts = roster.shifts as Record<string, Shift[]>;
    expect(shifts['cp1']).toEqual(problem.posts[0]!.shifts);
    expect(shifts['cp1']).not.toBe(problem.posts[0]!.shifts);
  });
});

// a FrontlineError is what the schemas' failures become
it('FrontlineError lists each issue with its path in its message', () => {
  const e = caught(() => checkCapacity({ ...problemOf(base()), days: 0 }));
  expect(e).toBeInstanceOf(FrontlineError);
  expect(e.message).toContain('days');
});
