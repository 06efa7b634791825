import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  DEFAULT_ROSTER_RULES,
  FrontlineError,
  buildRoster,
  repairRoster,
  validateRoster,
  type Instant,
  type Roster,
  type RosterChange,
  type RosterProblem,
  type RosterRules,
  type RosterWeights,
} from '../../src/index.js';
import {
  THREE_SHIFTS,
  TWO_SHIFTS,
  day,
  problemOf,
  rosterOf,
  seatStartMinute,
  type Level,
  type PersonIn,
  type PostIn,
  type ShiftIn,
} from './rosterFixtures.js';

// ---------------------------------------------------------------------------------------------
// Random small roster problems

const PATTERNS: readonly (readonly ShiftIn[])[] = [THREE_SHIFTS, TWO_SHIFTS];
const SHIFT_IDS = ['morning', 'evening', 'night', 'day'];
const REASONS = ['leave', 'sickness', 'observation', 'isolation', 'blocked'] as const;
const levelArb: fc.Arbitrary<Level> = fc.constantFrom<Level>('village', 'village', 'village', 'section', 'county');

interface PostSpec {
  pool: number;
  unit: number;
  pattern: number;
  keep: boolean[];
  staff: number;
  level: Level;
  party: boolean;
  window: { from: number; len: number } | null;
}
interface PersonSpec {
  pool: number;
  unit: number;
  level: Level | null;
  party: boolean;
  absences: { from: number; len: number; reason: (typeof REASONS)[number]; shifts: string[] | null }[];
  desired: number[];
  undesired: number[];
}
interface ProblemSpec {
  pools: number;
  days: number;
  posts: PostSpec[];
  people: PersonSpec[];
  rules: RosterRules | null;
}

interface Sizes {
  maxPosts: number;
  maxShifts: number;
  maxStaff: number;
  minPeople: number;
  maxPeople: number;
  maxDays: number;
  windows: boolean;
}
const SMALL: Sizes = { maxPosts: 4, maxShifts: 3, maxStaff: 2, minPeople: 2, maxPeople: 12, maxDays: 9, windows: true };
const TINY: Sizes = { maxPosts: 2, maxShifts: 2, maxStaff: 1, minPeople: 1, maxPeople: 4, maxDays: 3, windows: false };

const weightsArb: fc.Arbitrary<RosterWeights> = fc.record({
  // at least 1: with a zero weight an empty seat costs nothing and may rightly stay empty
  unfilledLeader: fc.integer({ min: 1, max: 6 }),
  unfilledStaff: fc.integer({ min: 1, max: 3 }),
  ownPool: fc.integer({ min: 0, max: 20 }),
  elsewhere: fc.integer({ min: 0, max: 60 }),
  fairness: fc.integer({ min: 0, max: 10 }),
  nightFairness: fc.integer({ min: 0, max: 6 }),
  changed: fc.integer({ min: 0, max: 2000 }),
  undesiredDay: fc.integer({ min: 0, max: 40 }),
  desiredDay: fc.integer({ min: 0, max: 20 }),
  isolatedShift: fc.integer({ min: 0, max: 10 }),
  nightToDay: fc.integer({ min: 0, max: 20 }),
  leaderPosts: fc.integer({ min: 0, max: 10 }),
  overLimit: fc.integer({ min: 0, max: 80 }),
});
const rulesArb: fc.Arbitrary<RosterRules> = fc.record({
  maxShiftsPerDay: fc.integer({ min: 1, max: 2 }),
  minRestHours: fc.constantFrom(0, 6, 8, 11.5, 12, 16),
  maxConsecutiveDays: fc.integer({ min: 1, max: 7 }),
  consecutiveDaysLevel: fc.constantFrom('hard' as const, 'soft' as const),
  maxShiftsPer7Days: fc.integer({ min: 1, max: 10 }),
  shiftsPer7DaysLevel: fc.constantFrom('hard' as const, 'soft' as const),
  weights: fc.oneof(fc.constant(DEFAULT_ROSTER_RULES.weights), weightsArb),
});

function specArb(z: Sizes): fc.Arbitrary<ProblemSpec> {
  const postArb: fc.Arbitrary<PostSpec> = fc.record({
    pool: fc.nat(2),
    unit: fc.nat(2),
    pattern: fc.nat(PATTERNS.length - 1),
    keep: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    staff: fc.integer({ min: 0, max: z.maxStaff }),
    level: levelArb,
    party: fc.boolean(),
    window: z.windows ? fc.option(fc.record({ from: fc.nat(8), len: fc.integer({ min: 1, max: 9 }) }), { freq: 4 }) : fc.constant(null),
  });
  const personArb: fc.Arbitrary<PersonSpec> = fc.record({
    pool: fc.nat(2),
    unit: fc.nat(2),
    level: fc.option(levelArb, { freq: 2 }),
    party: fc.boolean(),
    absences: fc.array(
      fc.record({
        from: fc.nat(z.maxDays - 1),
        len: fc.integer({ min: 1, max: 3 }),
        reason: fc.constantFrom(...REASONS),
        shifts: fc.option(fc.subarray(SHIFT_IDS, { minLength: 1 }), { freq: 2 }),
      }),
      { maxLength: 2 },
    ),
    desired: fc.uniqueArray(fc.nat(z.maxDays - 1), { maxLength: 2 }),
    undesired: fc.uniqueArray(fc.nat(z.maxDays - 1), { maxLength: 2 }),
  });
  return fc.record({
    pools: fc.integer({ min: 1, max: 3 }),
    days: fc.integer({ min: 1, max: z.maxDays }),
    posts: fc.array(postArb, { minLength: 1, maxLength: z.maxPosts }),
    people: fc.array(personArb, { minLength: z.minPeople, maxLength: z.maxPeople }),
    rules: fc.option(rulesArb, { freq: 4 }),
  });
}

/** The shifts a post spec keeps (at least one, at most `max`). */
function shiftsOf(p: PostSpec, max: number): ShiftIn[] {
  const pattern = PATTERNS[p.pattern] as readonly ShiftIn[];
  const kept = pattern.filter((_, i) => p.keep[i] === true).slice(0, max);
  return kept.length > 0 ? kept : [pattern[0] as ShiftIn];
}

function toProblem(spec: ProblemSpec, z: Sizes): RosterProblem {
  const poolOf = (i: number): string => `t${(i % spec.pools) + 1}`;
  const posts: PostIn[] = spec.posts.map((p, i) => {
    const pool = poolOf(p.pool);
    const post: PostIn = {
      id: `cp${i + 1}`,
      unitId: `${pool}.v${p.unit}`,
      poolId: pool,
      shifts: shiftsOf(p, z.maxShifts),
      leader: p.party ? { cadreLevel: p.level, partyMember: true } : { cadreLevel: p.level },
      staff: p.staff,
    };
    // the first post is open the whole horizon: a problem without a seat is refused
    if (p.window !== null && i > 0) {
      post.from = day(p.window.from);
      post.to = day(p.window.from + p.window.len - 1);
    }
    return post;
  });
  const shiftIds = new Set(posts.flatMap((p) => (p.shifts ?? []).map((sh) => sh.id)));
  const people: PersonIn[] = spec.people.map((q, i) => {
    const pool = poolOf(q.pool);
    const person: PersonIn = { id: `p${i}`, unitId: `${pool}.v${q.unit}`, poolId: pool, partyMember: q.party };
    if (q.level !== null) person.cadreLevel = q.level;
    // an absence for some shifts names only shifts some post has (others are refused)
    const absences = q.absences.flatMap((a) => {
      const shifts = a.shifts?.filter((id) => shiftIds.has(id)) ?? null;
      if (shifts !== null && shifts.length === 0) return [];
      return [{ from: day(a.from), to: day(a.from + a.len - 1), reason: a.reason, ...(shifts === null ? {} : { shifts }) }];
    });
    if (absences.length > 0) person.absences = absences;
    if (q.desired.length > 0) person.desiredDays = q.desired.map(day);
    if (q.undesired.length > 0) person.undesiredDays = q.undesired.map(day);
    return person;
  });
  return problemOf({
    days: spec.days,
    pools: [1, 2, 3].slice(0, spec.pools).map((k) => ({ id: `t${k}`, name: `第${k}乡镇` })),
    posts,
    people,
    ...(spec.rules === null ? {} : { rules: spec.rules }),
  });
}

/** Seats a spec has (every post open the whole horizon, as in tiny specs). */
const seatCount = (spec: ProblemSpec, z: Sizes): number => spec.posts.reduce((n, p) => n + spec.days * shiftsOf(p, z.maxShifts).length * (1 + p.staff), 0);

const smallProblem = specArb(SMALL).map((s) => toProblem(s, SMALL));
const tinyProblem = specArb(TINY)
  .filter((s) => seatCount(s, TINY) <= 8)
  .map((s) => toProblem(s, TINY));
const seedArb = fc.integer({ min: 0, max: 1_000_000 });

/** A fresh copy, so that the library recompiles it instead of reusing what it remembers. */
const fresh = <T>(x: T): T => structuredClone(x);

type Seats = Record<string, string | null>;
const seatsOf = (r: Roster): Seats => r.seats as unknown as Seats;

// ---------------------------------------------------------------------------------------------
// buildRoster

describe('buildRoster on random small problems', () => {
  test.prop([smallProblem, seedArb], { numRuns: 300 })(
    'never breaks a hard rule, its score is validateRoster\'s, and unfilled lists exactly the empty seats with reasons',
    (problem, seed) => {
      const result = buildRoster(problem, { seed });
      const check = validateRoster(fresh(problem), fresh(result.roster));
      // (a) no hard rule broken
      expect(check.violations.filter((v) => v.level === 'hard')).toEqual([]);
      expect(check.score[0]).toBe(0);
      expect(Object.is(result.score[0], 0)).toBe(true);
      // (b) the same score as an independent check, and the same totals
      expect(result.score).toEqual(check.score);
      expect(result.totals).toEqual(check.totals);
      expect(result.violations).toEqual(check.violations.filter((v) => v.level !== 'soft'));
      // (e) unfilled = the seats holding null, each explained
      const seats = seatsOf(result.roster);
      const empty = Object.keys(seats).filter((id) => seats[id] === null);
      expect(result.unfilled.map((u) => u.seat).sort()).toEqual(empty.sort());
      for (const u of result.unfilled) {
        expect(u.leader).toBe(u.seat.endsWith('/L'));
        expect(u.reason.zh.length).toBeGreaterThan(0);
        expect(u.reason.en.length).toBeGreaterThan(0);
        // the counts behind the reason: qualified people of the post's pool, of whom some are kept away by each rule
        const postId = u.seat.split('/')[0];
        const poolId = problem.posts.find((p) => p.id === postId)?.poolId;
        expect(u.eligibleInPool).toBeLessThanOrEqual(problem.people.filter((p) => p.poolId === poolId).length);
        expect(u.eligibleInPool).toBeLessThanOrEqual(u.eligible);
        expect(u.eligible).toBeLessThanOrEqual(problem.people.length);
        expect(Object.values(u.blockedInPool).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(u.eligibleInPool);
      }
      // every seat of the problem is in the roster; the figures agree
      expect(Object.keys(seats)).toHaveLength(result.stats.seats);
      expect(result.stats.filled).toBe(result.stats.seats - empty.length);
      expect(result.stats.unfilledLeaders + result.stats.unfilledStaff).toBe(empty.length);
      const w = (problem.rules ?? DEFAULT_ROSTER_RULES).weights;
      expect(check.totals.M1).toBe(result.unfilled.reduce((s, u) => s + (u.leader ? w.unfilledLeader : w.unfilledStaff), 0));
    },
  );

  test.prop([smallProblem, seedArb], { numRuns: 60 })('the same seed gives the same roster', (problem, seed) => {
    const a = buildRoster(problem, { seed });
    const b = buildRoster(fresh(problem), { seed });
    expect(b.roster).toEqual(a.roster);
    expect(b.score).toEqual(a.score);
  });

  test.prop([smallProblem, seedArb], { numRuns: 40 })('the search never makes the constructed roster worse', (problem, seed) => {
    const constructed = buildRoster(problem, { seed, iterations: 0 });
    const searched = buildRoster(problem, { seed });
    expect(constructed.score).toEqual(constructed.stats.constructedScore);
    const [, m0, s0] = constructed.score;
    const [, m1, s1] = searched.score;
    expect(m1 > m0 || (m1 === m0 && s1 >= s0)).toBe(true);
  });

  test.prop([smallProblem, seedArb, fc.array(fc.nat(), { minLength: 1, maxLength: 6 })], { numRuns: 80 })(
    'locked seats taken from a valid roster are kept, and the result stays hard-valid',
    (problem, seed, picks) => {
      const first = buildRoster(problem, { seed });
      const ids = Object.keys(seatsOf(first.roster));
      fc.pre(ids.length > 0);
      const locked = [...new Set(picks.map((k) => ids[k % ids.length] as string))].map((id) => ({ seat: id, personId: seatsOf(first.roster)[id] ?? null }));
      const withLocks = { ...fresh(problem), locked } as RosterProblem;
      const again = buildRoster(withLocks, { seed: seed + 1 });
      for (const l of locked) expect(seatsOf(again.roster)[l.seat]).toBe(l.personId);
      expect(again.score[0]).toBe(0);
      expect(validateRoster(fresh(withLocks), fresh(again.roster)).score).toEqual(again.score);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Exhaustive search on tiny problems

/**
 * A roster with every seat filled that breaks no hard rule, or null when there is none: a
 * depth-first search over every assignment of a person to each seat, checked by validateRoster's
 * hard score. Without locks and freeze, adding a person to a seat never mends a broken hard rule
 * (each only counts shifts, overlaps, runs and windows that grow), so a branch whose partial roster
 * is already broken holds no valid full roster and is cut.
 */
function fullRoster(problem: RosterProblem): Seats | null {
  const empty = buildRoster(problem, { iterations: 0 });
  const ids = Object.keys(seatsOf(empty.roster));
  const people = problem.people.map((p) => p.id as string);
  const hardOk = (seats: Seats): boolean => validateRoster(problem, rosterOf(problem, seats), { soft: false }).score[0] === 0;
  // who can take each seat alone; most constrained seats first
  const alone = ids.map((id) => people.filter((p) => hardOk({ [id]: p })));
  if (alone.some((list) => list.length === 0)) return null;
  const order = ids.map((_, i) => i).sort((a, b) => (alone[a] as string[]).length - (alone[b] as string[]).length);
  const seats: Seats = {};
  const go = (k: number): boolean => {
    if (k === order.length) return true;
    const i = order[k] as number;
    const id = ids[i] as string;
    for (const p of alone[i] as string[]) {
      seats[id] = p;
      if (hardOk(seats) && go(k + 1)) return true;
    }
    delete seats[id];
    return false;
  };
  return go(0) ? { ...seats } : null;
}

describe('buildRoster against an exhaustive search on tiny problems', () => {
  test.prop([tinyProblem, seedArb], { numRuns: 150 })(
    'when some roster fills every seat without breaking a hard rule, buildRoster fills every seat too',
    (problem, seed) => {
      const full = fullRoster(problem);
      const built = buildRoster(problem, { seed, iterations: 20_000 });
      expect(built.score[0]).toBe(0);
      if (full !== null) {
        // the exhaustive search's own answer is valid (so this is no artefact of the search)
        const check = validateRoster(fresh(problem), rosterOf(problem, full));
        expect(check.score[0]).toBe(0);
        expect(check.totals.M1).toBe(0);
        expect(built.unfilled.map((u) => u.seat)).toEqual([]);
      } else {
        // and when none exists, some seat is left unfilled
        expect(built.unfilled.length).toBeGreaterThan(0);
      }
    },
  );

  // Cases found by the property above: a roster filling every seat exists, and only a move that
  // takes someone off a seat that keeps them away (and refills it) reaches it.
  test('a seat reachable only by moving someone off another day: one morning shift on 2 days, one day in a row at most; p0 wishes to work day 1, p1 is on leave on day 2', () => {
    const problem = problemOf({
      days: 2,
      posts: [{ id: 'cp1', shifts: [{ id: 'morning', start: '08:00', end: '16:00' }] }],
      people: [
        { id: 'p0', cadreLevel: 'village', desiredDays: [day(0)] },
        { id: 'p1', cadreLevel: 'village', absences: [{ from: day(1), to: day(1), reason: 'leave' }] },
      ],
      rules: { ...DEFAULT_ROSTER_RULES, maxConsecutiveDays: 1 },
    });
    const full = fullRoster(problem);
    expect(full).toEqual({ [`cp1/${day(0)}/morning/L`]: 'p1', [`cp1/${day(1)}/morning/L`]: 'p0' });
    for (let seed = 0; seed < 10; seed++) expect(buildRoster(problem, { seed, iterations: 50_000 }).unfilled, `seed ${seed}`).toEqual([]);
  });

  test('a seat reachable only through another pool: default rules, one day, a morning post and a night post in two pools, each fillable only by the other pool\'s cadre', () => {
    const problem = problemOf({
      days: 1,
      pools: [
        { id: 't1', name: '第1乡镇' },
        { id: 't2', name: '第2乡镇' },
      ],
      posts: [
        { id: 'cp1', unitId: 't2.v0', poolId: 't2', shifts: [{ id: 'morning', start: '08:00', end: '16:00' }] },
        { id: 'cp2', unitId: 't1.v0', poolId: 't1', shifts: [{ id: 'night', start: '20:00', end: '08:00' }] },
      ],
      people: [
        { id: 'p0', cadreLevel: 'village', unitId: 't1.v0', poolId: 't1', absences: [{ from: day(0), to: day(0), reason: 'leave', shifts: ['night'] }] },
        { id: 'p1', cadreLevel: 'village', unitId: 't2.v0', poolId: 't2' },
      ],
    });
    // p1 cannot take both (4 h of rest); p0 is on leave for the night: p0 the morning, p1 the night
    expect(fullRoster(problem)).toEqual({ [`cp1/${day(0)}/morning/L`]: 'p0', [`cp2/${day(0)}/night/L`]: 'p1' });
    for (let seed = 0; seed < 10; seed++) expect(buildRoster(problem, { seed, iterations: 50_000 }).unfilled, `seed ${seed}`).toEqual([]);
  });

  test('a seat reachable only after two people trade two days: an evening post and a morning post in two pools', () => {
    const problem = problemOf({
      days: 2,
      pools: [
        { id: 't1', name: '第1乡镇' },
        { id: 't2', name: '第2乡镇' },
      ],
      posts: [
        { id: 'cp1', unitId: 't1.v0', poolId: 't1', shifts: [{ id: 'evening', start: '16:00', end: '00:00' }] },
        { id: 'cp2', unitId: 't2.v0', poolId: 't2', shifts: [{ id: 'morning', start: '08:00', end: '16:00' }] },
      ],
      people: [
        { id: 'p0', cadreLevel: 'village', unitId: 't1.v0', poolId: 't1', absences: [{ from: day(0), to: day(0), reason: 'leave', shifts: ['evening'] }] },
        { id: 'p1', cadreLevel: 'village', unitId: 't2.v0', poolId: 't2' },
        { id: 'p2', unitId: 't1.v0', poolId: 't1' },
      ],
    });
    // p1 must take the first evening, and then cannot take the second morning (8 h of rest):
    // p0 the two mornings, p1 the two evenings
    expect(fullRoster(problem)).not.toBeNull();
    for (let seed = 0; seed < 10; seed++) expect(buildRoster(problem, { seed, iterations: 50_000 }).unfilled, `seed ${seed}`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// repairRoster

interface ChangeSpec {
  kind: RosterChange['kind'];
  a: number;
  b: number;
  len: number;
  reason: (typeof REASONS)[number];
  shifts: string[] | null;
  pattern: number;
}
const changeArb: fc.Arbitrary<ChangeSpec> = fc.record({
  kind: fc.constantFrom<RosterChange['kind']>('unavailable', 'unavailable', 'postClosed', 'shiftAdded', 'postOpened', 'seatFreed', 'seatFreed'),
  a: fc.nat(),
  b: fc.nat(8),
  len: fc.integer({ min: 1, max: 4 }),
  reason: fc.constantFrom(...REASONS),
  shifts: fc.option(fc.subarray(SHIFT_IDS, { minLength: 1 }), { freq: 2 }),
  pattern: fc.nat(3),
});
const ADDED: readonly ShiftIn[] = [
  { id: 'x', start: '10:00', end: '14:00' },
  { id: 'x', start: '22:00', end: '06:00' },
  { id: 'x', start: '06:00', end: '18:00' },
  { id: 'x', start: '12:00', end: '12:00' },
];

/** A concrete change for a problem and its roster. */
function toChange(c: ChangeSpec, n: number, problem: RosterProblem, roster: Roster): RosterChange | null {
  const d = day(c.b % problem.days);
  const people = problem.people;
  const posts = problem.posts;
  switch (c.kind) {
    case 'unavailable': {
      const p = people[c.a % people.length];
      if (p === undefined) return null;
      // only shifts the posts have (others are refused); none of them left: the whole day
      const known = new Set(posts.flatMap((x) => x.shifts.map((sh) => sh.id as string)));
      const shifts = c.shifts?.filter((id) => known.has(id)) ?? [];
      return { kind: 'unavailable', personId: p.id, from: d, to: day((c.b % problem.days) + c.len - 1), reason: c.reason, ...(shifts.length === 0 ? {} : { shifts }) } as RosterChange;
    }
    case 'postClosed':
      return { kind: 'postClosed', postId: (posts[c.a % posts.length] as (typeof posts)[number]).id, from: d } as RosterChange;
    case 'shiftAdded':
      return { kind: 'shiftAdded', postId: (posts[c.a % posts.length] as (typeof posts)[number]).id, shift: { ...ADDED[c.pattern % ADDED.length], id: `x${n}` }, from: d } as RosterChange;
    case 'postOpened': {
      const pool = problem.pools[c.a % problem.pools.length] as RosterProblem['pools'][number];
      return {
        kind: 'postOpened',
        post: { id: `new${n}`, name: `新岗点${n}`, kind: 'checkpoint', unitId: `${pool.id}.v${c.len % 3}`, poolId: pool.id, shifts: c.pattern % 2 === 0 ? THREE_SHIFTS : TWO_SHIFTS, leader: { cadreLevel: 'village' }, staff: c.len % 3, from: d },
      } as RosterChange;
    }
    case 'seatFreed': {
      const ids = Object.keys(seatsOf(roster));
      if (ids.length === 0) return null;
      return { kind: 'seatFreed', seat: ids[c.a % ids.length], reason: c.reason } as RosterChange;
    }
  }
}

/** Minutes from the horizon's first midnight (China Standard Time) to an instant. */
const minuteOf = (problem: RosterProblem, at: string): number => (Date.parse(at) - Date.parse(`${problem.startDay}T00:00:00+08:00`)) / 60_000;

describe('repairRoster on random small problems and changes', () => {
  test.prop(
    [
      smallProblem,
      seedArb,
      fc.array(changeArb, { minLength: 1, maxLength: 2 }),
      fc.array(fc.nat(), { maxLength: 4 }),
      fc.option(fc.record({ day: fc.nat(9), hour: fc.nat(23) }), { freq: 3 }),
    ],
    { numRuns: 250 },
  )(
    'keeps locked and frozen seats, diffs exactly the changed seats, scores like validateRoster, and stays hard-valid',
    (problem0, seed, changeSpecs, lockPicks, freeze) => {
      const built = buildRoster(problem0, { seed });
      const published = built.roster;
      const pubSeats = seatsOf(published);
      const changes = changeSpecs.map((c, n) => toChange(c, n, problem0, published)).filter((c): c is RosterChange => c !== null);
      fc.pre(changes.length > 0);
      // Known bug, tested on its own in repair.test.ts: closing a post from its first open day (or
      // earlier) gives a repaired problem whose post closes before it opens, which is invalid.
      fc.pre(!changes.some((c) => c.kind === 'postClosed' && problem0.posts.some((p) => p.id === c.postId && p.from !== undefined && c.from <= p.from)));
      // locks taken from the published roster, except on posts a change closes
      const closing = new Set(changes.flatMap((c) => (c.kind === 'postClosed' ? [c.postId as string] : [])));
      const ids = Object.keys(pubSeats).filter((id) => !closing.has(id.split('/')[0] as string));
      const locked = ids.length === 0 ? [] : [...new Set(lockPicks.map((k) => ids[k % ids.length] as string))].map((id) => ({ seat: id, personId: pubSeats[id] ?? null }));
      const problem = (locked.length > 0 ? { ...problem0, locked } : problem0) as RosterProblem;
      const publishedValid = validateRoster(fresh(problem), fresh(published)).score[0] === 0;
      const freezeAt = freeze === null ? undefined : (`${day(freeze.day)}T${String(freeze.hour).padStart(2, '0')}:00:00+08:00` as Instant);

      let result: ReturnType<typeof repairRoster>;
      try {
        result = repairRoster(problem, published, changes, { seed, ...(freezeAt === undefined ? {} : { freezeAt }) });
      } catch (e) {
        // changes that leave no seat at all are refused (a roster of nothing is no roster): they close every post with a seat
        if (e instanceof FrontlineError && e.issues.some((i) => i.code === 'no_seat_left')) {
          expect(Object.keys(pubSeats).every((id) => closing.has(id.split('/')[0] as string))).toBe(true);
          return;
        }
        throw e;
      }
      const after = seatsOf(result.roster);
      const freezeMinute = minuteOf(problem, result.repair.freezeAt);
      if (freezeAt !== undefined) expect(result.repair.freezeAt).toBe(freezeAt);
      expect(result.problem.freezeAt).toBe(result.repair.freezeAt);
      expect(result.problem.published).toEqual(published.seats);

      // locked seats keep their person
      for (const l of locked) if (l.seat in after) expect(after[l.seat], l.seat).toBe(l.personId);
      // every seat starting before the freeze keeps its published person (null for a new seat)
      for (const id of Object.keys(after)) {
        if (seatStartMinute(problem, result.roster, id) < freezeMinute) expect(after[id], id).toBe(pubSeats[id] ?? null);
      }
      expect(result.repair.changedBeforeFreeze).toBe(0);

      // the diff lists exactly the seats that differ, with their old and new person
      const union = [...new Set([...Object.keys(pubSeats), ...Object.keys(after)])];
      const differ = union.filter((id) => (pubSeats[id] ?? null) !== (after[id] ?? null));
      expect(result.diff.map((x) => x.seat).sort()).toEqual(differ.sort());
      expect(result.repair.changedSeats).toBe(result.diff.length);
      for (const x of result.diff) {
        expect(x.old).toBe(pubSeats[x.seat] ?? null);
        expect(x.new).toBe(after[x.seat] ?? null);
        if (!(x.seat in after)) expect(x.reason).toBe('closed');
        if (!(x.seat in pubSeats)) expect(x.reason).toBe('added');
        if (x.reason === 'closed') expect(x.seat in after).toBe(false);
        if (x.reason === 'added') expect(x.seat in pubSeats).toBe(false);
        expect(x.message.zh.length).toBeGreaterThan(0);
        expect(x.message.en.length).toBeGreaterThan(0);
      }

      // the score is what validateRoster says of the repaired problem and roster
      const check = validateRoster(fresh(result.problem), fresh(result.roster));
      expect(result.score).toEqual(check.score);
      expect(result.totals).toEqual(check.totals);

      // hard-valid when the seats it may not touch are hard-valid by themselves
      const fixedOnly: Seats = {};
      for (const id of Object.keys(after)) if (seatStartMinute(problem, result.roster, id) < freezeMinute) fixedOnly[id] = pubSeats[id] ?? null;
      for (const l of locked) if (l.seat in after) fixedOnly[l.seat] = l.personId;
      const fixedValid = validateRoster(fresh(result.problem), rosterOf(result.problem, fixedOnly)).score[0] === 0;
      if (fixedValid) expect(check.score[0]).toBe(0);
      // in particular, without locks and with the default freeze, a hard-valid published roster repairs to a hard-valid one
      if (publishedValid && locked.length === 0 && freezeAt === undefined) expect(check.score[0]).toBe(0);
      expect(check.violations.filter((v) => v.level === 'hard').every((v) => v.seats.some((s) => s in fixedOnly))).toBe(true);
    },
  );
});
