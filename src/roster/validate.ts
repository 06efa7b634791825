import { addDays, type Day } from '../core/day.js';
import { describeValue, refusal, requireOptions } from '../core/guards.js';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import type { PersonId } from '../core/ids.js';
import { LABELS, type ConstraintLevel, type Label, type RosterConstraint } from '../core/vocabulary.js';
import { absenceFor, compileProblem, qualifies, type Compiled } from './compile.js';
import { seatsByStart } from './order.js';
import { hours, personWords, requirementWords, seatWords } from './explain.js';
import { Roster, type RosterProblem, type SeatId, type Shift } from './model.js';
import { z } from 'zod';


/**
 * A roster's score, `[hard, medium, soft]`: each the negated sum of its penalties, so `0` is
 * perfect and higher is better; compare lexicographically (hard first).
 *
 * @example
 * const score: RosterScore = [0, -3, -12840];
 * @category Rosters
 */
export type RosterScore = readonly [hard: number, medium: number, soft: number];

/**
 * One violation of a roster constraint: which constraint, at which level, the seats and person
 * involved, the amount it adds to its level's penalty, and what is wrong in Chinese and English.
 *
 * @example
 * const v: RosterViolation = validateRoster(problem, roster).violations[0]!;
 * [v.constraint, v.level]; // => ['S1', 'soft']
 * @category Rosters
 */
export interface RosterViolation {
  /** The constraint broken (H1–H9, M1, S1–S6). */
  readonly constraint: RosterConstraint;
  /** Its level. */
  readonly level: ConstraintLevel;
  /** The seats involved. */
  readonly seats: readonly SeatId[];
  /** The person involved, if any. */
  readonly personId: PersonId | null;
  /** What it adds to the penalty of its level. */
  readonly amount: number;
  /** What is wrong, in words a coordinator understands. */
  readonly message: Label;
}

/**
 * What {@link validateRoster} found: the score, every violation, and the penalty per constraint.
 *
 * @example
 * const { score, totals } = validateRoster(problem, roster);
 * totals.M1; // => -score[1] (unfilled leader seats, weighted)
 * @category Rosters
 */
export interface RosterValidation {
  /** `[hard, medium, soft]`, each ≤ 0. */
  readonly score: RosterScore;
  /** Every violation (soft ones only when asked for). */
  readonly violations: readonly RosterViolation[];
  /** The penalty of each constraint (H7 and H8 at the level the rules give them). */
  readonly totals: Readonly<Record<RosterConstraint, number>>;
}

/**
 * Options of {@link validateRoster}.
 *
 * @example
 * const options: ValidateOptions = { soft: false };
 * @category Rosters
 */
export interface ValidateOptions {
  /** List soft violations one by one too (default `true`); their totals are always given. */
  readonly soft?: boolean;
}

const LEVEL: Readonly<Record<RosterConstraint, ConstraintLevel>> = {
  H1: 'hard', H2: 'hard', H3: 'hard', H4: 'hard', H5: 'hard', H6: 'hard', H7: 'hard', H8: 'hard', H9: 'hard',
  M1: 'medium',
  S1: 'soft', S2: 'soft', S3: 'soft', S4: 'soft', S5: 'soft', S6: 'soft',
};

const ownRosters = new WeakMap<object, { readonly c: Compiled; readonly assign: Int32Array }>();

/** @internal Remembers the assignment behind a roster the library built (its seats are frozen). */
export function rememberAssignment(seats: object, c: Compiled, assign: Int32Array): void {
  ownRosters.set(seats, { c, assign });
}

/** The parts of a roster that say what it was built for (its seats, whatever they are, left aside). */
const RosterFrame = z.object({ startDay: Roster.shape.startDay, days: Roster.shape.days, shifts: Roster.shape.shifts });

/** The fields of a shift that say when its seats are worked. */
const TIMING = ['start', 'end', 'from', 'to'] as const;

/**
 * @internal Problems with a roster built for another horizon or shift pattern than the problem's:
 * its start day, its number of days, and each post's shifts (id, start, end, first and last day
 * worked), with their paths. A roster answers who is on duty from its own shifts ({@link onDuty}),
 * so a roster whose shifts differ from the problem's would be checked against one pattern and read
 * by another.
 */
export function frameIssues(c: Compiled, roster: z.infer<typeof RosterFrame>): Issue[] {
  const issues: Issue[] = [];
  const problem = c.problem;
  if (roster.startDay !== problem.startDay) issues.push({ path: ['startDay'], code: 'start_day_mismatch', message: `the roster starts on ${roster.startDay}, the problem on ${problem.startDay}` });
  if (roster.days !== problem.days) issues.push({ path: ['days'], code: 'days_mismatch', message: `the roster covers ${roster.days} day(s), the problem ${problem.days}` });
  for (const post of c.posts) {
    const theirs = Object.hasOwn(roster.shifts, post.id) ? roster.shifts[post.id] : undefined;
    if (theirs === undefined) {
      issues.push({ path: ['shifts', post.id], code: 'missing_post', message: `the roster has no shift pattern for post '${post.id}' of the problem` });
      continue;
    }
    const byId = new Map<string, Shift>(theirs.map((sh) => [sh.id, sh]));
    const diffs: string[] = [];
    for (const mine of post.shifts) {
      const other = byId.get(mine.id);
      if (other === undefined) diffs.push(`shift '${mine.id}' is missing`);
      else {
        const fields = TIMING.filter((f) => mine[f] !== other[f]);
        if (fields.length > 0) diffs.push(`shift '${mine.id}' differs in ${fields.map((f) => `${f} (${other[f] ?? 'none'}, the problem ${mine[f] ?? 'none'})`).join(', ')}`);
        byId.delete(mine.id);
      }
    }
    for (const id of byId.keys()) diffs.push(`shift '${id}' is not the problem's`);
    if (diffs.length > 0) issues.push({ path: ['shifts', post.id], code: 'shifts_mismatch', message: `post '${post.id}': ${diffs.join('; ')}` });
  }
  for (const postId of Object.keys(roster.shifts)) {
    if (!c.postIndex.has(postId)) issues.push({ path: ['shifts', postId], code: 'unknown_post', message: `post '${postId}' is not a post of the problem` });
  }
  return issues;
}

/**
 * @internal Reads a roster's seats into an assignment over the problem's seats, and marks the seats
 * of the problem it leaves out (`null` when it lists every one); throws on a roster built for another
 * horizon or shift pattern, on unknown seats or people.
 */
export function readRoster(c: Compiled, input: unknown, what = 'roster'): { readonly assign: Int32Array; readonly leftOut: Uint8Array | null } {
  if (typeof input === 'object' && input !== null) {
    const seats = (input as { seats?: unknown }).seats;
    const own = typeof seats === 'object' && seats !== null ? ownRosters.get(seats) : undefined;
    if (own !== undefined && own.c === c) {
      // the seats are the library's own; what they are said to be for is still the caller's
      const frame = RosterFrame.safeParse(input);
      if (frame.success) {
        const issues = frameIssues(c, frame.data);
        if (issues.length > 0) throw new FrontlineError('invalid_roster', `${what} built for another horizon or shift pattern than the problem`, issues);
        return { assign: Int32Array.from(own.assign), leftOut: null };
      }
    }
  }
  const parsed = Roster.safeParse(input);
  if (!parsed.success) throw new FrontlineError('invalid_roster', `invalid ${what}`, issuesFromZod(parsed.error));
  const frame = frameIssues(c, parsed.data);
  if (frame.length > 0) throw new FrontlineError('invalid_roster', `${what} built for another horizon or shift pattern than the problem`, frame);
  const a = new Int32Array(c.S).fill(-1);
  const leftOut = new Uint8Array(c.S).fill(1);
  let listed = 0;
  const issues: Issue[] = [];
  for (const [id, person] of Object.entries(parsed.data.seats)) {
    const s = c.seatOf(id);
    if (s < 0) {
      issues.push({ path: ['seats', id], code: 'unknown_seat', message: `seat '${id}' is not a seat of the problem` });
      continue;
    }
    leftOut[s] = 0;
    listed++;
    if (person === null) continue;
    const p = c.personIndex.get(person);
    if (p === undefined) issues.push({ path: ['seats', id], code: 'unknown_person', message: `unknown person '${person}'` });
    else a[s] = p;
  }
  if (issues.length > 0) throw new FrontlineError('invalid_roster', `invalid ${what}`, issues);
  return { assign: a, leftOut: listed === c.S ? null : leftOut };
}

/** @internal Reads a roster's seats into an assignment over the problem's seats (see {@link readRoster}). */
export function assignmentOf(c: Compiled, input: unknown, what = 'roster'): Int32Array {
  return readRoster(c, input, what).assign;
}

/**
 * Checks a roster against its problem and explains every violation: each hard rule broken (H1–H9),
 * each unfilled seat (M1), and the soft goals (S1–S6), with the seats, the person and the amount,
 * in Chinese and English. It is written independently of the search so that it can check it.
 *
 * List an unfilled seat as `null`. A seat of the problem the roster leaves out is no seat of the
 * published roster: nobody can be put in it later, and a shift without its leader seat has no
 * leading cadre. So a leader seat left out breaks H2 and a staff seat left out breaks H3 (hard),
 * where an unfilled one is M1.
 *
 * A roster built for another horizon or shift pattern than the problem (start day, number of days,
 * a post's shifts and their times) is refused, as is one naming seats or people the problem does
 * not have: a {@link FrontlineError} lists each problem with its path.
 *
 * @param problem - The roster problem.
 * @param roster - The roster to check.
 * @param options - {@link ValidateOptions}: whether to list soft violations one by one (default yes).
 * @returns Its score, the total of each constraint, and the violations.
 * @throws {@link FrontlineError} `invalid_roster` for a problem that is not valid, or a roster naming unknown seats or people.
 * @example
 * validateRoster(problem, roster).score[0]; // => 0 (no hard rule broken)
 * @category Rosters
 */
export function validateRoster(problem: RosterProblem, roster: Roster, options: ValidateOptions = {}): RosterValidation {
  requireOptions(options);
  if (options.soft !== undefined && typeof options.soft !== 'boolean')
    throw refusal('invalid_input', 'invalid options', ['options', 'soft'], 'invalid_type', `soft is true or false, got ${describeValue(options.soft)}`);
  const c = compileProblem(problem);
  const { assign, leftOut } = readRoster(c, roster);
  return evaluate(c, assign, options.soft ?? true, leftOut);
}

/**
 * @internal Scores an assignment and lists its violations (soft ones when `listSoft`); the seats
 * marked in `leftOut` are missing from the roster (H2, H3) rather than unfilled (M1).
 */
export function evaluate(c: Compiled, a: Int32Array, listSoft: boolean, leftOut: Uint8Array | null = null): RosterValidation {
  const w = c.w;
  const D = c.D;
  const totals: Record<RosterConstraint, number> = { H1: 0, H2: 0, H3: 0, H4: 0, H5: 0, H6: 0, H7: 0, H8: 0, H9: 0, M1: 0, S1: 0, S2: 0, S3: 0, S4: 0, S5: 0, S6: 0 };
  const violations: RosterViolation[] = [];
  const sums = { hard: 0, medium: 0, soft: 0 };
  // messages of soft violations are built only when listed
  /** A soft penalty, counted without building its violation when soft ones are not listed. */
  const soft = (constraint: RosterConstraint, amount: number): boolean => {
    if (listSoft || amount === 0) return false;
    totals[constraint] += amount;
    sums.soft += amount;
    return true;
  };
  const add = (constraint: RosterConstraint, seats: readonly number[] | (() => readonly number[]), p: number, amount: number, message: Label | (() => Label), level = LEVEL[constraint]): void => {
    if (amount === 0) return;
    totals[constraint] += amount;
    sums[level] += amount;
    if (level === 'soft' && !listSoft) return;
    const list = typeof seats === 'function' ? seats() : seats;
    violations.push({ constraint, level, seats: list.map((s) => c.seatId(s)), personId: p < 0 ? null : (c.personIds[p] as PersonId), amount, message: typeof message === 'function' ? message() : message });
  };

  // each person's seats in time order
  const order = seatsByStart(c);
  const offs = new Int32Array(c.P + 1);
  for (let s = 0; s < c.S; s++) {
    const p = a[s] as number;
    if (p >= 0) offs[p + 1] = (offs[p + 1] as number) + 1;
  }
  for (let p = 0; p < c.P; p++) offs[p + 1] = (offs[p + 1] as number) + (offs[p] as number);
  const held = new Int32Array(offs[c.P] as number);
  const fillAt = offs.slice(0, c.P);
  for (let i = 0; i < c.S; i++) {
    const s = order[i] as number;
    const p = a[s] as number;
    if (p >= 0) {
      held[fillAt[p] as number] = s;
      fillAt[p] = (fillAt[p] as number) + 1;
    }
  }

  // seat by seat: H1, H4, H9, M1, S1, S3
  for (let s = 0; s < c.S; s++) {
    const p = a[s] as number;
    const post = c.seatPost[s] as number;
    if (c.fixed[s] === 1 && c.fixedPerson[s] !== p) {
      const kept = c.fixedPerson[s] as number;
      const was = kept < 0 ? { zh: '空缺', en: 'nobody' } : personWords(c, kept);
      const now = p < 0 ? { zh: '空缺', en: 'nobody' } : personWords(c, p);
      const sw = seatWords(c, s);
      add('H9', [s], p, 1, { zh: `${sw.zh}已锁定或冻结为${was.zh}，现为${now.zh}`, en: `${sw.en} is locked or frozen to ${was.en} but holds ${now.en}` });
    }
    if (p < 0) {
      const sw = once(() => seatWords(c, s));
      if (leftOut !== null && leftOut[s] === 1) {
        if (c.seatSlot[s] === 0) add('H2', [s], -1, 1, () => ({ zh: `排班表未列出${sw().zh}席位：该班没有带班领导（空缺席位应列为 null）`, en: `the roster leaves out ${sw().en}: the shift has no leader seat (list an unfilled seat as null)` }));
        else add('H3', [s], -1, 1, () => ({ zh: `排班表未列出${sw().zh}席位：该班少一个值守席位（空缺席位应列为 null）`, en: `the roster leaves out ${sw().en}: the shift lacks a staff seat (list an unfilled seat as null)` }));
      } else add('M1', [s], -1, c.seatSlot[s] === 0 ? w.unfilledLeader : w.unfilledStaff, () => ({ zh: `${sw().zh}空缺`, en: `${sw().en} is unfilled` }));
      if ((c.published[s] as number) >= 0 && !soft('S3', w.changed)) add('S3', [s], -1, w.changed, () => ({ zh: `${sw().zh}与已发布排班不同`, en: `${sw().en} differs from the published roster` }));
      continue;
    }
    if (c.seatSlot[s] === 0 && !qualifies(c, p, s)) {
      const pw = personWords(c, p);
      const sw = seatWords(c, s);
      const req = requirementWords(c, post);
      add('H1', [s], p, 1, { zh: `${pw.zh}不能担任${sw.zh}：需${req.zh}`, en: `${pw.en} cannot take ${sw.en}: it needs ${req.en}` });
    }
    const d0 = c.seatDay[s] as number;
    const absent = c.blocked[p * D + d0] !== 0 || (c.seatEnd[s] as number) > (d0 + 1) * 1440 ? absenceFor(c, p, s) : undefined;
    if (absent !== undefined) {
      const pw = personWords(c, p);
      const sw = seatWords(c, s);
      const reason = LABELS.absenceReason[absent];
      const d = c.seatDay[s] as number;
      const k = p * D + d;
      const sameDay = c.blocked[k] === 1 || (c.blocked[k] === 2 && c.blockedShifts.get(k)?.has(c.postShifts[post]?.[c.seatShift[s] as number]?.id ?? '') === true);
      if (sameDay) add('H4', [s], p, 1, { zh: `${pw.zh}当日不可排班(${reason.zh})，却排在${sw.zh}`, en: `${pw.en} is unavailable that day (${reason.en}) but holds ${sw.en}` });
      else {
        const next = addDays(c.days[d] as Day, 1);
        add('H4', [s], p, 1, { zh: `${pw.zh}${next}不可排班(${reason.zh})，却排在跨入当日的${sw.zh}`, en: `${pw.en} is unavailable on ${next} (${reason.en}) but holds ${sw.en}, which runs into that day` });
      }
    }
    const local = c.pUnit[p] === c.postUnit[post] ? 0 : c.pPool[p] === c.postPool[post] ? w.ownPool : w.elsewhere;
    if (local > 0 && !soft('S1', local)) {
      add('S1', [s], p, local, () => {
        const pw = personWords(c, p);
        const sw = seatWords(c, s);
        const where = local === w.ownPool ? { zh: '本乡镇其他单位', en: 'another unit of the same pool' } : { zh: '其他乡镇', en: 'another pool' };
        return { zh: `${sw.zh}由${where.zh}的${pw.zh}值守`, en: `${sw.en} is held by ${pw.en} from ${where.en}` };
      });
    }
    const pub = c.published[s] as number;
    if (pub !== -2 && pub !== p && !soft('S3', w.changed)) {
      add('S3', [s], p, w.changed, () => {
        const sw = seatWords(c, s);
        return { zh: `${sw.zh}与已发布排班不同`, en: `${sw.en} differs from the published roster` };
      });
    }
  }

  // person by person: H5, H6, H7, H8, S2, S4, S5, S6
  const worked = new Uint8Array(D);
  const nightOn = new Uint8Array(D);
  const dayOn = new Uint8Array(D);
  const perDay = new Int32Array(D);
  for (let p = 0; p < c.P; p++) {
    const seats = Array.from(held.subarray(offs[p] as number, offs[p + 1] as number));
    worked.fill(0);
    nightOn.fill(0);
    dayOn.fill(0);
    perDay.fill(0);
    let nights = 0;
    const ledPosts: number[] = [];
    for (const s of seats) {
      const d = c.seatDay[s] as number;
      worked[d] = 1;
      perDay[d] = (perDay[d] as number) + 1;
      if (c.seatNight[s] === 1) {
        nightOn[d] = 1;
        nights++;
      } else dayOn[d] = 1;
      if (c.seatSlot[s] === 0 && !ledPosts.includes(c.seatPost[s] as number)) ledPosts.push(c.seatPost[s] as number);
    }
    const pwOnce = once(() => personWords(c, p));
    const pw = { get zh(): string { return pwOnce().zh; }, get en(): string { return pwOnce().en; } };
    for (let d = 0; d < D; d++) {
      if ((perDay[d] as number) > c.K) {
        const on = seats.filter((s) => c.seatDay[s] === d);
        add('H5', on, p, (perDay[d] as number) - c.K, { zh: `${pw.zh}在${c.days[d]}有${perDay[d]}个班次，上限${c.K}`, en: `${pw.en} holds ${perDay[d]} shifts on ${c.days[d]}, at most ${c.K}` });
      }
    }
    for (let i = 0; i < seats.length; i++) {
      const x = seats[i] as number;
      const xe = c.seatEnd[x] as number;
      for (let j = i + 1; j < seats.length; j++) {
        const y = seats[j] as number;
        const ys = c.seatStart[y] as number;
        if (ys >= xe + c.restMin) break;
        const a1 = seatWords(c, x);
        const b1 = seatWords(c, y);
        if (ys < xe) add('H5', [x, y], p, 1, { zh: `${pw.zh}的两个班次重叠：${a1.zh}与${b1.zh}`, en: `${pw.en} holds two overlapping shifts: ${a1.en} and ${b1.en}` });
        else
          add('H6', [x, y], p, 1, {
            zh: `${pw.zh}在${a1.zh}与${b1.zh}之间仅休息${hours(ys - xe)}小时，应不少于${hours(c.restMin)}小时`,
            en: `${pw.en} rests only ${hours(ys - xe)} h between ${a1.en} and ${b1.en}; at least ${hours(c.restMin)} h are needed`,
          });
      }
    }
    // H7: runs of working days
    for (let d = 0; d < D; ) {
      if (worked[d] === 0) {
        d++;
        continue;
      }
      let e = d;
      while (e + 1 < D && worked[e + 1] === 1) e++;
      const run = e - d + 1;
      if (run > c.maxConsec) {
        const on = seats.filter((s) => (c.seatDay[s] as number) >= d && (c.seatDay[s] as number) <= e);
        const msg = { zh: `${pw.zh}自${c.days[d]}至${c.days[e]}连续值班${run}天，上限${c.maxConsec}天`, en: `${pw.en} works ${run} consecutive days from ${c.days[d]} to ${c.days[e]}, at most ${c.maxConsec}` };
        if (c.consecHard) add('H7', on, p, run - c.maxConsec, msg);
        else add('H7', on, p, (run - c.maxConsec) * w.overLimit, msg, 'soft');
      }
      d = e + 1;
    }
    // H8: every window of 7 days (the whole horizon when shorter)
    const windows = D > 7 ? D - 6 : 1;
    for (let ws = 0; ws < windows; ws++) {
      const end = Math.min(D, ws + 7);
      let sum = 0;
      for (let d = ws; d < end; d++) sum += perDay[d] as number;
      if (sum > c.max7) {
        const on = seats.filter((s) => (c.seatDay[s] as number) >= ws && (c.seatDay[s] as number) < end);
        const msg = { zh: `${pw.zh}自${c.days[ws]}起7天内值班${sum}次，上限${c.max7}次`, en: `${pw.en} works ${sum} shifts in the 7 days from ${c.days[ws]}, at most ${c.max7}` };
        if (c.max7Hard) add('H8', on, p, sum - c.max7, msg);
        else add('H8', on, p, (sum - c.max7) * w.overLimit, msg, 'soft');
      }
    }
    // S2: squared loads, scaled by availability
    const s2 = (c.fair[p] as number) * seats.length * seats.length + (c.nightFair[p] as number) * nights * nights;
    totals.S2 += s2;
    sums.soft += s2;
    // S4: desired and undesired days
    for (let d = 0; d < D; d++) {
      const pr = c.pref[p * D + d];
      if (pr === 1 && worked[d] === 0) {
        if (!soft('S4', w.desiredDay)) add('S4', [], p, w.desiredDay, () => ({ zh: `${pw.zh}希望在${c.days[d]}值班，未安排`, en: `${pw.en} wished to work on ${c.days[d]} and has no shift` }));
      } else if (pr === -1 && worked[d] === 1 && !soft('S4', w.undesiredDay)) {
        add('S4', () => seats.filter((s) => c.seatDay[s] === d), p, w.undesiredDay, () => ({ zh: `${pw.zh}不希望在${c.days[d]}值班，却有班次`, en: `${pw.en} wished not to work on ${c.days[d]} but has a shift` }));
      }
    }
    // S5: isolated working days, night-to-day turnarounds
    for (let d = 1; d < D - 1; d++) {
      if (worked[d] === 1 && worked[d - 1] === 0 && worked[d + 1] === 0 && !soft('S5', w.isolatedShift)) {
        add('S5', () => seats.filter((s) => c.seatDay[s] === d), p, w.isolatedShift, () => ({ zh: `${pw.zh}在${c.days[d]}的班次前后两天均休息`, en: `${pw.en} works ${c.days[d]} alone, between two days off` }));
      }
    }
    for (let d = 1; d < D; d++) {
      if (nightOn[d - 1] === 1 && dayOn[d] === 1 && !soft('S5', w.nightToDay)) {
        add('S5', () => seats.filter((s) => c.seatDay[s] === d - 1 || c.seatDay[s] === d), p, w.nightToDay, () => ({ zh: `${pw.zh}在${c.days[d - 1]}夜班后次日上日班`, en: `${pw.en} works a day shift on ${c.days[d]} after a night shift` }));
      }
    }
    // S6: a cadre leading at several posts
    if (ledPosts.length >= 2 && !soft('S6', (ledPosts.length - 1) * w.leaderPosts)) {
      add('S6', () => seats.filter((s) => c.seatSlot[s] === 0), p, (ledPosts.length - 1) * w.leaderPosts, () => ({
        zh: `${pw.zh}在${ledPosts.length}个岗点担任带班领导`,
        en: `${pw.en} leads at ${ledPosts.length} different posts`,
      }));
    }
  }
  if (listSoft) fairnessViolations(c, a, violations);

  return { score: [neg(sums.hard), neg(sums.medium), neg(sums.soft)], violations, totals };
}

const neg = (x: number): number => (x === 0 ? 0 : -x);

/** S2 in words: each group of interchangeable people (pool and leader eligibility) whose availability-adjusted shift counts spread by more than one. */
function fairnessViolations(c: Compiled, a: Int32Array, out: RosterViolation[]): void {
  const load = new Int32Array(c.P);
  for (let s = 0; s < c.S; s++) { const p = a[s] as number; if (p >= 0) load[p] = (load[p] as number) + 1; }
  const groups = new Map<string, number[]>();
  for (let p = 0; p < c.P; p++) {
    if (c.availDays[p] === 0) continue;
    const key = `${c.pPool[p]}|${c.pRank[p]}|${c.pParty[p]}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(p);
  }
  for (const people of groups.values()) {
    if (people.length < 2) continue;
    let min = Infinity;
    let max = -Infinity;
    let penalty = 0;
    for (const p of people) {
      const adjusted = ((load[p] as number) * c.D) / (c.availDays[p] as number);
      min = Math.min(min, adjusted);
      max = Math.max(max, adjusted);
      penalty += (c.fair[p] as number) * (load[p] as number) ** 2;
    }
    if (max - min <= 1 + 1e-9) continue;
    const first = people[0] as number;
    const pool = c.poolNames[c.pPool[first] as number] ?? '';
    const rank = c.pRank[first] as number;
    const kind = rank === 0 ? { zh: '非干部', en: 'non-cadres' } : { zh: `${['', '村(社区)干部', '乡科级干部', '县级干部'][rank]}`, en: `${['', 'village cadres', 'section-level cadres', 'county-level cadres'][rank]}` };
    const r = (x: number): string => String(Math.round(x * 10) / 10);
    out.push({
      constraint: 'S2',
      level: 'soft',
      seats: [],
      personId: null,
      amount: penalty,
      message: {
        zh: `${pool}${kind.zh}（${people.length}人）按可用天数折算的班次数为${r(min)}至${r(max)}，相差${r(max - min)}`,
        en: `${pool} ${kind.en} (${people.length}): availability-adjusted shift counts from ${r(min)} to ${r(max)}, a spread of ${r(max - min)}`,
      },
    });
  }
}

/** A value computed on first use. */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}
