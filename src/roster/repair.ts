import { z } from 'zod';
import { addDays, Day, dayOf, instantAt, Instant } from '../core/day.js';
import { FrontlineError, parseOrThrow, type Issue } from '../core/errors.js';
import { PersonId } from '../core/ids.js';
import { AbsenceReason, LABELS, type Label } from '../core/vocabulary.js';
import { MAX_ITERATIONS, result, type RosterResult } from './build.js';
import { absenceFor, compileProblem, indexProblem, rememberCompiled, type Compiled } from './compile.js';
import { personWords, seatWords } from './explain.js';
import { parseSeatId, Post, PostId, SeatId, seatExists, Shift, ShiftId, type Roster, type RosterProblem } from './model.js';
import { seatsByStart } from './order.js';
import { Candidates, improve, pickFor } from './search.js';
import { RosterState } from './state.js';
import { assignmentOf } from './validate.js';
import { withProblemSummary, withResultSummary } from './summary.js';

/**
 * A change to a published roster's world: someone cannot serve for some days (falls ill, goes on
 * leave, is put under observation), a post closes, a shift is added to a post, a new post opens, or
 * one seat's person is freed from it.
 *
 * @example
 * RosterChange.parse({ kind: 'unavailable', personId: 'p000123', from: '2020-02-10', to: '2020-02-12', reason: 'sickness' });
 * @category Rosters
 */
export const RosterChange = z.discriminatedUnion('kind', [
  z
    .object({
      /** Someone cannot serve. */
      kind: z.literal('unavailable'),
      /** Who. */
      personId: PersonId,
      /** First day. */
      from: Day,
      /** Last day. */
      to: Day,
      /** Why. */
      reason: AbsenceReason,
      /** Only these shifts; all when absent. */
      shifts: z.array(ShiftId).min(1).optional(),
    })
    .strict(),
  z
    .object({
      /** A post closes. */
      kind: z.literal('postClosed'),
      /** Which. */
      postId: PostId,
      /** Its first closed day. */
      from: Day,
    })
    .strict(),
  z
    .object({
      /** A shift is added to a post's pattern. */
      kind: z.literal('shiftAdded'),
      /** Which post. */
      postId: PostId,
      /** The new shift (its id new to the post). */
      shift: Shift,
      /** First day it is worked. */
      from: Day,
    })
    .strict(),
  z
    .object({
      /** A new post opens. */
      kind: z.literal('postOpened'),
      /** The post (its `from` is its first day). */
      post: Post,
    })
    .strict(),
  z
    .object({
      /** One seat's person cannot take it. */
      kind: z.literal('seatFreed'),
      /** The seat. */
      seat: SeatId,
      /** Why. */
      reason: AbsenceReason,
    })
    .strict(),
]);
/**
 * A change to repair a roster for.
 *
 * @category Rosters
 */
export type RosterChange = z.infer<typeof RosterChange>;

/**
 * Options of {@link repairRoster}.
 *
 * @example
 * RepairOptions.parse({ freezeAt: '2020-02-10T14:00:00+08:00' });
 * @category Rosters
 */
export const RepairOptions = z
  .object({
    /** Seats starting before this never change (default: the earliest day the changes touch, at 00:00; for someone unavailable from a day, the start of the day before's shifts that run into it). */
    freezeAt: Instant.optional(),
    /** Seed of the search (default 1). */
    seed: z.number().optional(),
    /** Local-search iterations over the neighbourhood of the change (default twenty per seat in it, at most 50,000); at most a billion. */
    iterations: z.number().int().min(0).max(MAX_ITERATIONS).optional(),
  })
  .strict();
/**
 * Options of {@link repairRoster}.
 *
 * @interface
 * @category Rosters
 */
export type RepairOptions = z.infer<typeof RepairOptions>;

/**
 * Why a seat changed in a repair: its person became `unavailable` or breaks another rule now
 * (`brokenRule`), its post or shift `closed`, it is a new seat (`added`), it was `refilled` after its
 * person left, or someone `moved` to make room or to improve the roster.
 *
 * @example
 * const r: RepairReason = 'refilled';
 * @category Rosters
 */
export type RepairReason = 'unavailable' | 'brokenRule' | 'closed' | 'added' | 'refilled' | 'moved';

/**
 * One seat that a repair changed: who held it, who holds it now, and why.
 *
 * @example
 * const sick = { kind: 'unavailable', personId: 'p000071', from: '2020-02-03', to: '2020-02-05', reason: 'sickness' } as const;
 * const change: SeatChange = repairRoster(problem, roster, sick).diff[0]!;
 * [change.old, change.reason]; // => ['p000071', 'unavailable']
 * @category Rosters
 */
export interface SeatChange {
  /** The seat. */
  readonly seat: SeatId;
  /** Who held it in the published roster (`null`: nobody or a new seat). */
  readonly old: PersonId | null;
  /** Who holds it now (`null`: nobody, or the seat is gone). */
  readonly new: PersonId | null;
  /** Why it changed. */
  readonly reason: RepairReason;
  /** The change in words. */
  readonly message: Label;
}

/**
 * The result of {@link repairRoster}: the changed problem (with the published roster and the freeze
 * it was repaired under), the new roster with its score and explanations, and the diff.
 *
 * @example
 * const sick = { kind: 'unavailable', personId: 'p000071', from: '2020-02-03', to: '2020-02-05', reason: 'sickness' } as const;
 * const { diff, repair } = repairRoster(problem, roster, sick);
 * repair.changedSeats; // => diff.length
 * @category Rosters
 */
export interface RepairResult extends RosterResult {
  /** The problem after the change, with `published` and `freezeAt` set: repair again from it. */
  readonly problem: RosterProblem;
  /** Every seat that changed. */
  readonly diff: readonly SeatChange[];
  /** Figures of the repair. */
  readonly repair: {
    /** Seats whose person can no longer hold them, plus seats that are new. */
    readonly freedSeats: number;
    /** Seats that changed (the diff's length). */
    readonly changedSeats: number;
    /** Changes to seats starting before the freeze time: always 0. */
    readonly changedBeforeFreeze: number;
    /** The freeze time used. */
    readonly freezeAt: Instant;
    /** Milliseconds taken, from the call to the result. */
    readonly ms: number;
  };
}

/**
 * Repairs a published roster after a change, changing as little as it can: locked seats and every
 * seat starting before the freeze time keep their person (H9); seats whose person can no longer
 * hold them are freed and refilled, first directly (own unit and pool, then anywhere), then by
 * moving someone who is on another shift that day and refilling theirs (someone of the post's own
 * unit or pool first, then of any pool); then a short search over the neighbourhood (the pools
 * touched, two days either side; every pool on those days while seats stay empty) may improve it,
 * every seat changed from the published roster costing the heavy S3 weight. Seats the published
 * roster left empty stay empty; seats it does not name are filled as new ones. Returns the new
 * roster, its diff (seat, old, new, reason) and the changed problem. Bad input (an unknown person,
 * post or seat, or a shift no post has) throws a {@link FrontlineError} listing each problem.
 *
 * @param problem - The roster problem.
 * @param roster - The published roster.
 * @param change - One {@link RosterChange} or several: someone unavailable, a post closed or opened, a shift added, a seat freed.
 * @param options - {@link RepairOptions}: the freeze time, the seed and the search iterations.
 * @returns The new roster, its diff and the changed problem.
 * @throws {@link FrontlineError} `invalid_input` for invalid options; `invalid_roster` for a malformed change, an unknown person, post, seat or shift, or a roster or problem that is not valid.
 * @example
 * const sick = { kind: 'unavailable', personId: problem.people[0]!.id, from: '2020-02-05', to: '2020-02-07', reason: 'sickness' } as const;
 * const { diff, repair } = repairRoster(problem, roster, sick);
 * repair.changedBeforeFreeze; // => 0
 * @category Rosters
 */
export function repairRoster(problem: RosterProblem, roster: Roster, change: RosterChange | readonly RosterChange[], options: RepairOptions = {}): RepairResult {
  const started = Date.now();
  const o = parseOrThrow(RepairOptions, options, 'invalid_input', 'repair options');
  const changes = parseOrThrow(z.array(RosterChange), Array.isArray(change) ? change : [change], 'invalid_roster', 'roster change');
  const oldC = compileProblem(problem);
  const oldA = assignmentOf(oldC, roster);

  // the freeze: as asked, or the first day the changes touch; never before the problem's own
  let freezeAt = o.freezeAt ?? earliestInstant(oldC, changes);
  const ownFreeze = oldC.problem.freezeAt;
  if (ownFreeze !== undefined && Date.parse(ownFreeze) > Date.parse(freezeAt)) freezeAt = ownFreeze;
  // the changed problem
  const next = applyChanges(oldC, oldA, changes, freezeAt);
  const c = indexProblem({ ...next, published: undefined, freezeAt: undefined } as RosterProblem);
  if (c.S === 0) {
    // a roster of no seat would be reported as fully staffed
    const closing = changes.flatMap((ch, n) => (ch.kind === 'postClosed' ? [n] : []));
    throw new FrontlineError('invalid_roster', 'invalid roster change', [
      { path: closing.length > 0 ? [closing[closing.length - 1] as number] : [], code: 'no_seat_left', message: 'the changes leave no post with a seat in the horizon: there is nothing left to roster (withdraw the roster instead)' },
    ]);
  }
  const newProblem: RosterProblem = { ...next, published: roster.seats, freezeAt };
  c.problem = newProblem;
  c.hasPublished = true;
  rememberCompiled(newProblem, c);
  // the published roster, seat by seat, over the new seats; seats gone are diffed as closed
  const diff: SeatChange[] = [];
  const oldToNew = mapSeats(oldC, c);
  const named = roster.seats as Readonly<Record<string, unknown>>;
  for (let s = 0; s < oldC.S; s++) {
    const x = oldToNew[s] as number;
    const p = oldA[s] as number;
    if (x >= 0) {
      // a seat the published roster does not name has no published value (as a new seat)
      c.published[x] = p >= 0 || Object.hasOwn(named, oldC.seatId(s)) ? p : -2;
      const id = oldC.seatIds[s];
      if (id !== undefined) c.seatIds[x] = id;
    } else if (p >= 0) {
      const words = seatWords(oldC, s);
      const who = personWords(oldC, p);
      diff.push({
        seat: oldC.seatId(s),
        old: oldC.personIds[p] as PersonId,
        new: null,
        reason: 'closed',
        message: { zh: `${words.zh}：${who.zh} → 无（岗点或班次已撤销）`, en: `${words.en}: ${who.en} → nobody (post or shift closed)` },
      });
    }
  }
  const freezeMin = (Date.parse(freezeAt) - c.startMs) / 60_000;
  for (let s = 0; s < c.S; s++) {
    if ((c.seatStart[s] as number) < freezeMin && c.fixed[s] === 0) {
      c.fixed[s] = 1;
      c.fixedPerson[s] = Math.max(-1, c.published[s] as number);
    }
  }

  // keep what still holds, free the rest
  const st = new RosterState(c);
  for (let s = 0; s < c.S; s++) if (c.fixed[s] === 1 && (c.fixedPerson[s] as number) >= 0) st.add(c.fixedPerson[s] as number, s);
  // seats published empty stay so: a vacancy left open is the coordinator's to fill
  const freedWhy = new Map<number, number>();
  const toFill: number[] = [];
  for (const s of seatsByStart(c)) {
    if (c.fixed[s] === 1) continue;
    const p = c.published[s] as number;
    if (p >= 0) {
      const why = st.why(p, s);
      if (why === 0) st.add(p, s);
      else {
        freedWhy.set(s, why);
        toFill.push(s);
      }
    } else if (p === -2) toFill.push(s);
  }
  const freedSeats = toFill.length;

  // refill: directly, then by moving someone busy that day
  const cand = new Candidates(c);
  const movedBy = new Set<number>();
  for (const s of toFill) {
    let p = pickFor(st, s, cand.tiersOf(s, false));
    if (p < 0 && c.seatSlot[s] !== 0) p = pickFor(st, s, cand.tiersOf(s, true));
    if (p >= 0) st.add(p, s);
    else ejectInto(st, cand, s, movedBy, 2);
  }
  // wider: someone of any pool who is on another shift that day moves over, and theirs is refilled
  for (const s of toFill) if (st.assign[s] === -1) ejectInto(st, cand, s, movedBy, 3);

  // improve the neighbourhood: the pools touched (the seats to fill and those whose person moved),
  // two days either side; while seats stay empty, once more over every pool on those days
  const touchedPools = new Set<number>();
  let dMin = c.D;
  let dMax = -1;
  for (const s of [...toFill, ...movedBy]) {
    touchedPools.add(c.postPool[c.seatPost[s] as number] as number);
    dMin = Math.min(dMin, c.seatDay[s] as number);
    dMax = Math.max(dMax, c.seatDay[s] as number);
  }
  const search = (allPools: boolean): void => {
    const hood: number[] = [];
    for (let s = 0; s < c.S; s++) {
      if (c.fixed[s] === 1 || c.published[s] === -1 || (!allPools && !touchedPools.has(c.postPool[c.seatPost[s] as number] as number))) continue;
      const d = c.seatDay[s] as number;
      if (d >= dMin - 2 && d <= dMax + 2) hood.push(s);
    }
    const iterations = o.iterations ?? Math.min(50_000, 20 * hood.length);
    if (hood.length > 0 && iterations > 0) {
      improve(st, cand, { seed: o.seed ?? 1, iterations, deadline: Infinity, historyLength: 1, progressEvery: Number.MAX_SAFE_INTEGER, idleLimit: Math.max(2000, 4 * hood.length), seats: Int32Array.from(hood) });
    }
  };
  search(false);
  if (touchedPools.size < c.poolIds.length && toFill.some((s) => st.assign[s] === -1)) search(true);

  // the diff
  let changedBeforeFreeze = 0;
  for (let s = 0; s < c.S; s++) {
    const old = c.published[s] as number;
    const now = st.assign[s] as number;
    if (old === now || (old === -2 && now === -1)) continue;
    if ((c.seatStart[s] as number) < freezeMin) changedBeforeFreeze++;
    const why = freedWhy.get(s);
    const reason: RepairReason = old === -2 ? 'added' : why === 4 ? 'unavailable' : why !== undefined ? 'brokenRule' : toFill.includes(s) ? 'refilled' : 'moved';
    diff.push(seatChange(c, s, old, now, reason, why));
  }
  const base = result(c, st, { constructionMs: 0, searchMs: 0, totalMs: 0, counts: { evaluations: 0, feasible: 0, accepted: 0, improvements: 0 }, constructedScore: [0, 0, 0] });
  const ms = Date.now() - started;
  return withResultSummary(
    { ...base, stats: { ...base.stats, totalMs: ms }, problem: withProblemSummary(newProblem), diff, repair: { freedSeats, changedSeats: diff.length, changedBeforeFreeze, freezeAt, ms } },
    'RepairResult',
  );
}

/**
 * Fills an empty seat by moving someone who holds another (movable) seat the same day, and filling
 * theirs if anyone can; keeps the move when it leaves the lighter seat empty. Looks for that person
 * in the first `tierCount` candidate tiers (own unit, own pool, anywhere). True when it helped.
 */
function ejectInto(st: RosterState, cand: Candidates, s: number, moved: Set<number>, tierCount: number): boolean {
  const c = st.c;
  if (c.K !== 1) return false;
  const d = c.seatDay[s] as number;
  const tiers = cand.tiersOf(s, true);
  let tried = 0;
  for (let ti = 0; ti < tierCount; ti++) {
    const items = tiers[ti]?.items ?? new Int32Array(0);
    for (let i = 0; i < items.length && tried < 200; i++) {
      const q = items[i] as number;
      if (st.why(q, s) !== 5) continue;
      const x = st.pd[q * c.D + d] as number;
      if (x < 0 || c.fixed[x] === 1 || moved.has(x)) continue;
      tried++;
      st.remove(x);
      if (st.why(q, s) !== 0) {
        st.add(q, x);
        continue;
      }
      st.add(q, s);
      let r = pickFor(st, x, cand.tiersOf(x, false));
      if (r < 0 && c.seatSlot[x] !== 0) r = pickFor(st, x, cand.tiersOf(x, true));
      if (r >= 0) st.add(r, x);
      else if (st.unfilledWeight(s) <= st.unfilledWeight(x)) {
        st.remove(s);
        st.add(q, x);
        continue;
      }
      moved.add(x);
      moved.add(s);
      return true;
    }
  }
  return false;
}

function seatChange(c: Compiled, s: number, old: number, now: number, reason: RepairReason, why: number | undefined): SeatChange {
  const words = seatWords(c, s);
  const nobody = { zh: '无', en: 'nobody' };
  const a = old >= 0 ? personWords(c, old) : nobody;
  const b = now >= 0 ? personWords(c, now) : nobody;
  let because: Label;
  if (reason === 'unavailable' && old >= 0) {
    const r = LABELS.absenceReason[absenceFor(c, old, s) ?? 'blocked'];
    because = { zh: `原值守人员${r.zh}`, en: `${r.en} of the person on duty` };
  } else if (reason === 'brokenRule') because = { zh: `原安排违反H${why}`, en: `the published seat now breaks H${why}` };
  else if (reason === 'added') because = { zh: '新增席位', en: 'a new seat' };
  else if (reason === 'refilled') because = { zh: '补位', en: 'refilled' };
  else because = { zh: '为补位调整', en: 'moved to make room' };
  return {
    seat: c.seatId(s),
    old: old >= 0 ? (c.personIds[old] as PersonId) : null,
    new: now >= 0 ? (c.personIds[now] as PersonId) : null,
    reason,
    message: { zh: `${words.zh}：${a.zh} → ${b.zh}（${because.zh}）`, en: `${words.en}: ${a.en} → ${b.en} (${because.en})` },
  };
}

/** Each old seat's index in the new problem, or -1 when its post, day or shift is gone. */
function mapSeats(oldC: Compiled, c: Compiled): Int32Array {
  const out = new Int32Array(oldC.S).fill(-1);
  const dayShift = oldC.problem.startDay === c.problem.startDay ? 0 : Number.NaN;
  const postMap = oldC.posts.map((p) => c.postIndex.get(p.id) ?? -1);
  const shiftMap = oldC.posts.map((p, i) => p.shifts.map((sh) => (postMap[i] === -1 ? -1 : (c.shiftIndex[postMap[i] as number]?.get(sh.id) ?? -1))));
  for (let s = 0; s < oldC.S; s++) {
    const post = oldC.seatPost[s] as number;
    const i = postMap[post] as number;
    if (i < 0) continue;
    const k = shiftMap[post]?.[oldC.seatShift[s] as number] ?? -1;
    const d = (oldC.seatDay[s] as number) + dayShift;
    if (k < 0 || !(d >= 0 && d < c.D)) continue;
    const slot = oldC.seatSlot[s] as number;
    if (slot > (c.posts[i] as Post).staff) continue;
    const g = c.groupStart[(i * c.D + d) * c.maxShifts + k] as number;
    if (g >= 0) out[s] = g + slot;
  }
  return out;
}

/**
 * The default freeze: 00:00 of the earliest day a list of changes touches, or earlier on the day
 * before when someone becomes unavailable for whole days and a shift of that day runs past midnight
 * into the first of them (its start, so that such a seat can be freed); never before the horizon.
 */
function earliestInstant(c: Compiled, changes: readonly RosterChange[]): Instant {
  const start = c.problem.startDay;
  let crossStart = Infinity;
  for (const shifts of c.postShifts) for (const t of shifts) if (t.start + t.length > 1440) crossStart = Math.min(crossStart, t.start);
  let first = instantAt(addDays(start, c.problem.days), '00:00');
  let firstMs = Date.parse(first);
  const consider = (at: Instant): void => {
    const ms = Date.parse(at);
    if (ms < firstMs) {
      first = at;
      firstMs = ms;
    }
  };
  for (const ch of changes) {
    const d =
      ch.kind === 'unavailable' || ch.kind === 'postClosed' || ch.kind === 'shiftAdded'
        ? ch.from
        : ch.kind === 'postOpened'
          ? (ch.post.from ?? start)
          : (parseSeatId(ch.seat)?.day ?? addDays(start, c.problem.days));
    if (d <= start) consider(instantAt(start, '00:00'));
    else if (ch.kind === 'unavailable' && ch.shifts === undefined && crossStart < 1440) {
      const t = `${String(Math.floor(crossStart / 60)).padStart(2, '0')}:${String(crossStart % 60).padStart(2, '0')}`;
      consider(instantAt(addDays(d, -1), t));
    } else consider(instantAt(d, '00:00'));
  }
  return first;
}

/**
 * The problem after the changes, checked against it. A post closes, a shift starts and a post
 * opens no earlier than the first day none of their seats started before the freeze (a shift or
 * post whose last day is before that is not added at all); locks on seats that are gone are dropped.
 */
function applyChanges(c: Compiled, assign: Int32Array, changes: readonly RosterChange[], freezeAt: Instant): RosterProblem {
  const problem = c.problem;
  let people = problem.people;
  let posts = problem.posts;
  const issues: Issue[] = [];
  const freezeMs = Date.parse(freezeAt);
  const freezeDay = dayOf(freezeAt);
  /** The first day from `from` on whose shifts all start at or after the freeze. */
  const unfrozen = (from: Day, shifts: readonly Shift[]): Day => {
    let d = from < freezeDay ? freezeDay : from;
    if (d === freezeDay && shifts.some((sh) => Date.parse(instantAt(d, sh.start)) < freezeMs)) d = addDays(d, 1);
    return d;
  };
  const personAt = new Map<string, number>(people.map((p, i) => [p.id, i]));
  /** Posts a change of the list closed from their first day, so removed. */
  const removed = new Set<string>();
  const addAbsence = (i: number, absence: NonNullable<RosterProblem['people'][number]['absences']>[number]): void => {
    if (people === problem.people) people = [...people];
    const person = people[i] as RosterProblem['people'][number];
    people[i] = { ...person, absences: [...(person.absences ?? []), absence] };
  };
  /** Shift ids of the problem's posts and of those the changes add. */
  const shiftIds = new Set<string>(posts.flatMap((p) => p.shifts.map((sh) => sh.id)));
  for (const ch of changes) {
    if (ch.kind === 'shiftAdded') shiftIds.add(ch.shift.id);
    else if (ch.kind === 'postOpened') for (const sh of ch.post.shifts) shiftIds.add(sh.id);
  }
  changes.forEach((ch, n) => {
    if (ch.kind === 'unavailable') {
      const i = personAt.get(ch.personId);
      const unknown = (ch.shifts ?? []).flatMap((id, m) => (shiftIds.has(id) ? [] : [m]));
      if (i === undefined) issues.push({ path: [n, 'personId'], code: 'unknown_person', message: `unknown person '${ch.personId}'` });
      else if (ch.to < ch.from) issues.push({ path: [n, 'to'], code: 'invalid_range', message: `ends (${ch.to}) before it starts (${ch.from})` });
      else if (unknown.length > 0) for (const m of unknown) issues.push({ path: [n, 'shifts', m], code: 'unknown_shift', message: `unknown shift '${ch.shifts?.[m]}': no post has a shift with this id` });
      else addAbsence(i, { from: ch.from, to: ch.to, reason: ch.reason, ...(ch.shifts === undefined ? {} : { shifts: ch.shifts }) });
    } else if (ch.kind === 'postClosed') {
      const i = posts.findIndex((p) => p.id === ch.postId);
      const post = posts[i];
      if (post === undefined) {
        if (!removed.has(ch.postId)) issues.push({ path: [n, 'postId'], code: 'unknown_post', message: `unknown post '${ch.postId}'` });
      } else {
        const from = unfrozen(ch.from, post.shifts);
        if (from <= (post.from ?? problem.startDay)) {
          posts = posts.filter((_, k) => k !== i);
          removed.add(ch.postId);
        } else {
          const to = addDays(from, -1);
          posts = posts.map((p, k) => (k === i ? { ...p, to: p.to !== undefined && p.to < to ? p.to : to } : p));
        }
      }
    } else if (ch.kind === 'shiftAdded') {
      const i = posts.findIndex((p) => p.id === ch.postId);
      if (i < 0) {
        // a post closed by an earlier change of the list has no days left for the shift
        if (!removed.has(ch.postId)) issues.push({ path: [n, 'postId'], code: 'unknown_post', message: `unknown post '${ch.postId}'` });
      } else if (posts[i]?.shifts.some((s) => s.id === ch.shift.id)) issues.push({ path: [n, 'shift', 'id'], code: 'duplicate_id', message: `post '${ch.postId}' already has a shift '${ch.shift.id}'` });
      else {
        const from = unfrozen(ch.shift.from !== undefined && ch.shift.from > ch.from ? ch.shift.from : ch.from, [ch.shift]);
        // a shift whose every day is already frozen is not worked at all
        if (ch.shift.to === undefined || from <= ch.shift.to) posts = posts.map((p, k) => (k === i ? { ...p, shifts: [...p.shifts, { ...ch.shift, from }] } : p));
      }
    } else if (ch.kind === 'postOpened') {
      if (posts.some((p) => p.id === ch.post.id)) issues.push({ path: [n, 'post', 'id'], code: 'duplicate_id', message: `post '${ch.post.id}' exists` });
      else if (!c.poolIndex.has(ch.post.poolId)) issues.push({ path: [n, 'post', 'poolId'], code: 'unknown_pool', message: `unknown pool '${ch.post.poolId}'` });
      else {
        const from = unfrozen(ch.post.from ?? problem.startDay, ch.post.shifts);
        // a post whose every day is already frozen never opens
        if (ch.post.to === undefined || from <= ch.post.to) posts = [...posts, from > (ch.post.from ?? problem.startDay) ? { ...ch.post, from } : ch.post];
      }
    } else {
      const s = c.seatOf(ch.seat);
      if (s < 0) issues.push({ path: [n, 'seat'], code: 'unknown_seat', message: `unknown seat '${ch.seat}'` });
      else {
        const p = assign[s] as number;
        const day = c.days[c.seatDay[s] as number] as Day;
        const shift = c.posts[c.seatPost[s] as number]?.shifts[c.seatShift[s] as number];
        if (p >= 0 && shift !== undefined) addAbsence(p, { from: day, to: day, reason: ch.reason, shifts: [shift.id] });
      }
    }
  });
  if (issues.length > 0) throw new FrontlineError('invalid_roster', 'invalid roster change', issues);
  if (removed.size > 0) {
    // absences for shifts only posts now removed had block nothing any more: those shifts are dropped
    const left = new Set<string>(posts.flatMap((p) => p.shifts.map((sh) => sh.id)));
    const trimmed = people.map((person) => {
      if (!(person.absences ?? []).some((a) => a.shifts?.some((id) => !left.has(id)) === true)) return person;
      const absences = (person.absences ?? []).flatMap((a) => {
        if (a.shifts === undefined) return [a];
        const shifts = a.shifts.filter((id) => left.has(id));
        return shifts.length === 0 ? [] : [{ ...a, shifts }];
      });
      return { ...person, absences };
    });
    if (trimmed.some((x, i) => x !== people[i])) people = trimmed;
  }
  const next: { -readonly [K in keyof RosterProblem]: RosterProblem[K] } = { ...problem, people, posts };
  if (problem.locked !== undefined) {
    const byId = new Map<string, Post>(posts.map((p) => [p.id, p]));
    next.locked = problem.locked.filter((l) => seatExists(problem, byId, l.seat));
  }
  return next;
}
