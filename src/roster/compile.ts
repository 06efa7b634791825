import { addDays, instantAt, type Day } from '../core/day.js';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import type { PersonId } from '../core/ids.js';
import type { AbsenceReason, CadreLevel } from '../core/vocabulary.js';
import { DEFAULT_ROSTER_RULES, RosterProblem, type Post, type RosterRules, type RosterWeights, type SeatId, type Shift } from './model.js';

/** @internal Cadre levels as ranks: 0 not a cadre, 1 village, 2 section, 3 county. */
export const RANK: Readonly<Record<CadreLevel, number>> = { village: 1, section: 2, county: 3 };

const MINUTES_PER_DAY = 1440;
const NIGHT_END = 5 * 60;

/** @internal A shift as minutes: start within its day, length, and whether it is a night shift. */
export interface ShiftTimes {
  readonly id: string;
  readonly start: number;
  readonly length: number;
  readonly night: boolean;
}

/** @internal Minutes after midnight of `HH:mm`. */
export function clockMinutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

/** @internal A shift's start, length and night flag. */
export function shiftTimes(s: Shift): ShiftTimes {
  const start = clockMinutes(s.start);
  const end = clockMinutes(s.end);
  const length = end > start ? end - start : end + MINUTES_PER_DAY - start;
  let night = false;
  for (let k = 0; k < 3 && !night; k++) {
    const a = k * MINUTES_PER_DAY;
    if (start < a + NIGHT_END && start + length > a) night = true;
  }
  return { id: s.id, start, length, night: s.night ?? night };
}

/**
 * @internal A roster problem indexed into flat arrays, so that every hard check is a few array reads:
 * people, posts and seats by number; availability and preferences per person and day.
 */
export interface Compiled {
  problem: RosterProblem;
  readonly rules: RosterRules;
  readonly w: RosterWeights;
  /** Days of the horizon, and each one. */
  readonly D: number;
  readonly days: readonly Day[];
  /** Epoch milliseconds of the horizon's first midnight (China Standard Time). */
  readonly startMs: number;
  // people
  readonly P: number;
  readonly personIds: readonly PersonId[];
  readonly personIndex: ReadonlyMap<string, number>;
  readonly pPool: Int32Array;
  readonly pUnit: Int32Array;
  readonly pRank: Int8Array;
  readonly pParty: Uint8Array;
  /** Per person × day: 0 free, 1 the whole day blocked, 2 some shifts blocked. */
  readonly blocked: Uint8Array;
  /** For person × day marked 2: the blocked shift ids, each with the reason of the first absence naming it. */
  readonly blockedShifts: ReadonlyMap<number, ReadonlyMap<string, AbsenceReason>>;
  /** Per person × day with a block: why (a whole-day absence's reason before a partial one's). */
  readonly blockReason: ReadonlyMap<number, AbsenceReason>;
  /** Per person whose day after the horizon is a whole-day absence: why (a night shift of the last day runs into it). */
  readonly blockedAfter: ReadonlyMap<number, AbsenceReason>;
  /** Per person × day: 1 desired, -1 undesired, 0 neither. */
  readonly pref: Int8Array;
  /** Days each person is at least partly available. */
  readonly availDays: Int32Array;
  /** S2 factors: fairness weight scaled by days / available days. */
  readonly fair: Int32Array;
  readonly nightFair: Int32Array;
  // pools and units
  readonly poolIds: readonly string[];
  readonly poolNames: readonly string[];
  readonly poolIndex: ReadonlyMap<string, number>;
  readonly unitCount: number;
  // posts
  readonly posts: readonly Post[];
  readonly postIndex: ReadonlyMap<string, number>;
  readonly postPool: Int32Array;
  readonly postUnit: Int32Array;
  readonly postLeaderRank: Int8Array;
  readonly postLeaderParty: Uint8Array;
  readonly postShifts: readonly (readonly ShiftTimes[])[];
  // seats, in order post → day → shift → slot
  readonly S: number;
  readonly seatPost: Int32Array;
  readonly seatDay: Int16Array;
  readonly seatShift: Int16Array;
  readonly seatSlot: Int16Array;
  readonly seatStart: Int32Array;
  readonly seatEnd: Int32Array;
  readonly seatNight: Uint8Array;
  /** The first seat of each seat's post-shift. */
  readonly seatGroup: Int32Array;
  /** H9: 1 when the seat is locked or before the freeze. */
  readonly fixed: Uint8Array;
  /** The person a fixed seat keeps (-1: empty). */
  readonly fixedPerson: Int32Array;
  /** S3 baseline: the published person (-1 empty), or -2 when the seat has no published value. */
  readonly published: Int32Array;
  hasPublished: boolean;
  // rule limits
  readonly K: number;
  readonly restMin: number;
  /** Days either side of a seat where another seat can overlap or crowd its rest. */
  readonly reach: number;
  readonly maxConsec: number;
  readonly consecHard: boolean;
  readonly max7: number;
  readonly max7Hard: boolean;
  /** The first seat of each post × day × shift (index `(post * D + day) * maxShifts + shift`), -1 when not worked. */
  readonly groupStart: Int32Array;
  readonly maxShifts: number;
  /** Each post's shift indexes by id. */
  readonly shiftIndex: readonly ReadonlyMap<string, number>[];
  /** Seat ids built so far, by seat. */
  readonly seatIds: (SeatId | undefined)[];
  /** The id of a seat (built on demand, cached). */
  seatId(s: number): SeatId;
  /** The seat of an id, or -1. */
  seatOf(id: string): number;
}

const compiledCache = new WeakMap<object, Compiled>();

/** @internal Remembers the compiled form of a problem object built by the library. */
export function rememberCompiled(problem: object, c: Compiled): void {
  compiledCache.set(problem, c);
}

/**
 * @internal Parses and indexes a roster problem, throwing a {@link FrontlineError} that lists every
 * problem (structure, unknown pools, people and seats). Cached per problem object.
 */
export function compileProblem(input: unknown): Compiled {
  if (typeof input === 'object' && input !== null) {
    const hit = compiledCache.get(input);
    if (hit !== undefined) return hit;
  }
  const parsed = RosterProblem.safeParse(input);
  if (!parsed.success) throw new FrontlineError('invalid_roster', 'invalid roster problem', issuesFromZod(parsed.error));
  const c = indexProblem(parsed.data);
  if (typeof input === 'object' && input !== null) compiledCache.set(input, c);
  return c;
}

/** @internal Indexes a problem already validated (see {@link compileProblem}). */
export function indexProblem(problem: RosterProblem): Compiled {
  const rules = problem.rules ?? DEFAULT_ROSTER_RULES;
  const w = rules.weights;
  const D = problem.days;
  const days: Day[] = [];
  for (let d = 0; d < D; d++) days.push(addDays(problem.startDay, d));
  const dayIndex = new Map<string, number>(days.map((d, i) => [d, i]));
  const startMs = Date.parse(instantAt(problem.startDay, '00:00'));

  const poolIds = problem.pools.map((p) => p.id as string);
  const poolIndex = new Map(poolIds.map((id, i) => [id, i]));
  const unitIndex = new Map<string, number>();
  const unitOf = (id: string): number => {
    let u = unitIndex.get(id);
    if (u === undefined) unitIndex.set(id, (u = unitIndex.size));
    return u;
  };

  // people
  const P = problem.people.length;
  const personIds = problem.people.map((p) => p.id);
  const personIndex = new Map<string, number>(personIds.map((id, i) => [id, i]));
  const pPool = new Int32Array(P);
  const pUnit = new Int32Array(P);
  const pRank = new Int8Array(P);
  const pParty = new Uint8Array(P);
  const blocked = new Uint8Array(P * D);
  const blockedShifts = new Map<number, Map<string, AbsenceReason>>();
  const blockReason = new Map<number, AbsenceReason>();
  const blockedAfter = new Map<number, AbsenceReason>();
  const dayAfter = addDays(problem.startDay, D);
  const pref = new Int8Array(P * D);
  const availDays = new Int32Array(P);
  const fair = new Int32Array(P);
  const nightFair = new Int32Array(P);
  problem.people.forEach((person, p) => {
    pPool[p] = poolIndex.get(person.poolId) ?? 0;
    pUnit[p] = unitOf(person.unitId);
    pRank[p] = person.cadreLevel === undefined ? 0 : RANK[person.cadreLevel];
    pParty[p] = person.partyMember ? 1 : 0;
    for (const a of person.absences ?? []) {
      if (a.shifts === undefined && a.from <= dayAfter && a.to >= dayAfter && !blockedAfter.has(p)) blockedAfter.set(p, a.reason);
      for (let day = a.from < problem.startDay ? problem.startDay : a.from; day <= a.to; day = addDays(day, 1)) {
        const d = dayIndex.get(day);
        if (d === undefined) break;
        const k = p * D + d;
        if (a.shifts === undefined) {
          // a whole-day absence gives the day's reason, whatever partial ones came before
          if (blocked[k] !== 1) blockReason.set(k, a.reason);
          blocked[k] = 1;
          blockedShifts.delete(k);
        } else if (blocked[k] !== 1) {
          if (!blockReason.has(k)) blockReason.set(k, a.reason);
          blocked[k] = 2;
          let set = blockedShifts.get(k);
          if (set === undefined) blockedShifts.set(k, (set = new Map()));
          for (const s of a.shifts) if (!set.has(s)) set.set(s, a.reason);
        }
      }
    }
    for (const day of person.desiredDays ?? []) {
      const d = dayIndex.get(day);
      if (d !== undefined) pref[p * D + d] = 1;
    }
    for (const day of person.undesiredDays ?? []) {
      const d = dayIndex.get(day);
      if (d !== undefined) pref[p * D + d] = -1;
    }
    let avail = 0;
    for (let d = 0; d < D; d++) if (blocked[p * D + d] !== 1) avail++;
    availDays[p] = avail;
    fair[p] = avail === 0 ? 0 : Math.round((w.fairness * D) / avail);
    nightFair[p] = avail === 0 ? 0 : Math.round((w.nightFairness * D) / avail);
  });

  // posts and seats
  const posts = problem.posts;
  const postIndex = new Map<string, number>(posts.map((p, i) => [p.id as string, i]));
  const postPool = new Int32Array(posts.length);
  const postUnit = new Int32Array(posts.length);
  const postLeaderRank = new Int8Array(posts.length);
  const postLeaderParty = new Uint8Array(posts.length);
  const postShifts = posts.map((p) => p.shifts.map(shiftTimes));
  const isOpen = (post: Post, shift: Shift, day: Day): boolean =>
    (post.from === undefined || day >= post.from) &&
    (post.to === undefined || day <= post.to) &&
    (shift.from === undefined || day >= shift.from) &&
    (shift.to === undefined || day <= shift.to);
  let S = 0;
  let maxLength = 0;
  let maxShifts = 1;
  posts.forEach((post, i) => {
    postPool[i] = poolIndex.get(post.poolId) ?? 0;
    postUnit[i] = unitOf(post.unitId);
    postLeaderRank[i] = RANK[post.leader.cadreLevel];
    postLeaderParty[i] = post.leader.partyMember === true ? 1 : 0;
    maxShifts = Math.max(maxShifts, post.shifts.length);
    for (const day of days) for (const shift of post.shifts) if (isOpen(post, shift, day)) S += 1 + post.staff;
    for (const t of postShifts[i] ?? []) maxLength = Math.max(maxLength, t.length);
  });
  const seatPost = new Int32Array(S);
  const seatDay = new Int16Array(S);
  const seatShift = new Int16Array(S);
  const seatSlot = new Int16Array(S);
  const seatStart = new Int32Array(S);
  const seatEnd = new Int32Array(S);
  const seatNight = new Uint8Array(S);
  const seatGroup = new Int32Array(S);
  /** The first seat of each post × day × shift, -1 when the shift is not worked that day. */
  const groupStart = new Int32Array(posts.length * D * maxShifts).fill(-1);
  let s = 0;
  posts.forEach((post, i) => {
    const shifts = postShifts[i] ?? [];
    for (let d = 0; d < D; d++) {
      const day = days[d] as Day;
      for (let k = 0; k < shifts.length; k++) {
        if (!isOpen(post, post.shifts[k] as Shift, day)) continue;
        const t = shifts[k] as ShiftTimes;
        const group = s;
        groupStart[(i * D + d) * maxShifts + k] = group;
        for (let slot = 0; slot <= post.staff; slot++, s++) {
          seatPost[s] = i;
          seatDay[s] = d;
          seatShift[s] = k;
          seatSlot[s] = slot;
          seatStart[s] = d * MINUTES_PER_DAY + t.start;
          seatEnd[s] = d * MINUTES_PER_DAY + t.start + t.length;
          seatNight[s] = t.night ? 1 : 0;
          seatGroup[s] = group;
        }
      }
    }
  });

  const ids: (SeatId | undefined)[] = new Array(S);
  const seatId = (x: number): SeatId => {
    let id = ids[x];
    if (id === undefined) {
      const post = posts[seatPost[x] as number] as Post;
      const shift = post.shifts[seatShift[x] as number] as Shift;
      const slot = seatSlot[x] as number;
      id = ids[x] = `${post.id}/${days[seatDay[x] as number]}/${shift.id}/${slot === 0 ? 'L' : slot}` as SeatId;
    }
    return id;
  };
  const shiftIndex = posts.map((p) => new Map<string, number>(p.shifts.map((sh, k) => [sh.id as string, k])));
  const seatOf = (id: string): number => {
    const parts = id.split('/');
    if (parts.length !== 4) return -1;
    const i = postIndex.get(parts[0] as string);
    const d = dayIndex.get(parts[1] as string);
    if (i === undefined || d === undefined) return -1;
    const k = shiftIndex[i]?.get(parts[2] as string);
    if (k === undefined) return -1;
    const slotText = parts[3] as string;
    const slot = slotText === 'L' ? 0 : /^[1-9]\d*$/.test(slotText) ? Number(slotText) : -1;
    if (slot < 0 || slot > (posts[i] as Post).staff) return -1;
    const g = groupStart[(i * D + d) * maxShifts + k] as number;
    return g < 0 ? -1 : g + slot;
  };

  // locks, freeze, published
  const issues: Issue[] = [];
  const fixed = new Uint8Array(S);
  const fixedPerson = new Int32Array(S).fill(-1);
  const published = new Int32Array(S).fill(-2);
  const hasPublished = problem.published !== undefined;
  if (problem.published !== undefined) {
    for (const [id, person] of Object.entries(problem.published)) {
      const x = seatOf(id);
      if (x < 0) continue; // a seat of an older pattern: no baseline to keep
      published[x] = person === null ? -1 : (personIndex.get(person) ?? -1);
    }
    if (problem.freezeAt !== undefined) {
      const freeze = (Date.parse(problem.freezeAt) - startMs) / 60_000;
      for (let x = 0; x < S; x++) {
        if ((seatStart[x] as number) < freeze) {
          fixed[x] = 1;
          fixedPerson[x] = Math.max(-1, published[x] as number);
        }
      }
    }
  }
  (problem.locked ?? []).forEach((l, i) => {
    const x = seatOf(l.seat);
    if (x < 0) {
      issues.push({ path: ['locked', i, 'seat'], code: 'unknown_seat', message: `unknown seat '${l.seat}'` });
      return;
    }
    fixed[x] = 1;
    fixedPerson[x] = l.personId === null ? -1 : (personIndex.get(l.personId) ?? -1);
  });
  if (issues.length > 0) throw new FrontlineError('invalid_roster', 'invalid roster problem', issues);

  const restMin = Math.round(rules.minRestHours * 60);
  return {
    problem,
    rules,
    w,
    D,
    days,
    startMs,
    P,
    personIds,
    personIndex,
    pPool,
    pUnit,
    pRank,
    pParty,
    blocked,
    blockedShifts,
    blockReason,
    blockedAfter,
    pref,
    availDays,
    fair,
    nightFair,
    poolIds,
    poolNames: problem.pools.map((p) => p.name),
    poolIndex,
    unitCount: unitIndex.size,
    posts,
    postIndex,
    postPool,
    postUnit,
    postLeaderRank,
    postLeaderParty,
    postShifts,
    S,
    seatPost,
    seatDay,
    seatShift,
    seatSlot,
    seatStart,
    seatEnd,
    seatNight,
    seatGroup,
    fixed,
    fixedPerson,
    published,
    hasPublished,
    K: rules.maxShiftsPerDay,
    restMin,
    reach: Math.max(1, Math.ceil((maxLength + restMin) / MINUTES_PER_DAY)),
    maxConsec: rules.maxConsecutiveDays,
    consecHard: rules.consecutiveDaysLevel === 'hard',
    max7: rules.maxShiftsPer7Days,
    max7Hard: rules.shiftsPer7DaysLevel === 'hard',
    groupStart,
    maxShifts,
    seatIds: ids,
    shiftIndex,
    seatId,
    seatOf,
  };
}

/** @internal Whether a person may take a seat's slot as far as H1 goes. */
export function qualifies(c: Compiled, p: number, s: number): boolean {
  if (c.seatSlot[s] !== 0) return true;
  const post = c.seatPost[s] as number;
  return (c.pRank[p] as number) >= (c.postLeaderRank[post] as number) && (c.postLeaderParty[post] === 0 || c.pParty[p] === 1);
}

/**
 * @internal Why person `p` cannot take seat `s` for an absence (H4), or `undefined` when none keeps
 * them: a whole-day absence on the seat's day, one naming the seat's shift that day, or a whole-day
 * absence on the next day when the shift runs past midnight into it.
 */
export function absenceFor(c: Compiled, p: number, s: number): AbsenceReason | undefined {
  const d = c.seatDay[s] as number;
  const k = p * c.D + d;
  const b = c.blocked[k];
  if (b === 1) return c.blockReason.get(k) ?? 'blocked';
  if (b === 2) {
    const id = c.postShifts[c.seatPost[s] as number]?.[c.seatShift[s] as number]?.id ?? '';
    const r = c.blockedShifts.get(k)?.get(id);
    if (r !== undefined) return r;
  }
  if ((c.seatEnd[s] as number) > (d + 1) * MINUTES_PER_DAY) {
    if (d + 1 < c.D) {
      if (c.blocked[k + 1] === 1) return c.blockReason.get(k + 1) ?? 'blocked';
    } else return c.blockedAfter.get(p);
  }
  return undefined;
}

/** @internal Whether a seat's shift runs past midnight into the next day. */
export function runsIntoNextDay(c: Compiled, s: number): boolean {
  return (c.seatEnd[s] as number) > ((c.seatDay[s] as number) + 1) * MINUTES_PER_DAY;
}
