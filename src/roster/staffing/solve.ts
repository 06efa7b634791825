import { z } from 'zod';
import { FrontlineError, parseOrThrow, type Issue } from '../../core/errors.js';
import { createRandom } from '../../core/random.js';
import { benchmarkCost, type StaffingCost } from './cost.js';
import { StaffingProblem, StaffingRoster, type StaffingAssignment } from './model.js';

/**
 * A report of {@link solveStaffing}'s progress: the best roster found so far.
 *
 * @example
 * const p: StaffingProgress = { elapsedMs: 120, evaluations: 250_000, bestCost: 1530, bestHard: 0 };
 * @category Rosters
 */
export interface StaffingProgress {
  /** Milliseconds since the search began. */
  readonly elapsedMs: number;
  /** Moves evaluated so far. */
  readonly evaluations: number;
  /** The soft cost of the best roster so far. */
  readonly bestCost: number;
  /** Its hard violations (0: feasible). */
  readonly bestHard: number;
}

/**
 * Options of {@link solveStaffing}. Give `iterations` for a run that depends on the seed alone, or
 * `timeLimitMs` for one that stops on the clock (the default: 2 s).
 *
 * @example
 * StaffingSolveOptions.parse({ seed: 7, timeLimitMs: 60_000 });
 * @category Rosters
 */
export const StaffingSolveOptions = z
  .object({
    /** The seed of the search's random draws (1 when absent). */
    seed: z.number().optional(),
    /** Stop after this many milliseconds. */
    timeLimitMs: z.number().positive().optional(),
    /** Stop after this many move evaluations (deterministic for a seed). */
    iterations: z.number().int().positive().optional(),
    /** Stop as soon as a feasible roster costs this much or less. */
    target: z.number().optional(),
    /** Repair: start from this roster and change it as little as possible. */
    keep: z
      .object({
        /** The roster to start from (the published one, with the change already in the problem). */
        roster: StaffingRoster,
        /** The cost, inside the search, of each person-day changed from it (the heaviest soft weight when absent). */
        weight: z.number().min(0).optional(),
        /** Days before this index are never changed (the freeze); 0 when absent. */
        freezeBefore: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    /** Cooling cycles in the run: each heats up and cools down again (3 when absent). */
    cycles: z.number().int().min(1).optional(),
    /** A fixed weight of one unit of hard violation inside the search; when absent it moves between twice and a hundred times the heaviest soft weight, up while the roster is infeasible, down while it is feasible. */
    hardWeight: z.number().int().positive().optional(),
    /** Called with the best roster's cost when it improves (at most every `progressMs`) and at the end. */
    onProgress: z.custom<(p: StaffingProgress) => void>((f) => typeof f === 'function', { message: 'onProgress must be a function' }).optional(),
    /** The least time between two progress reports, in milliseconds (100 when absent). */
    progressMs: z.number().min(0).optional(),
  })
  .strict();
/**
 * Solve options.
 *
 * @interface
 * @category Rosters
 */
export type StaffingSolveOptions = z.infer<typeof StaffingSolveOptions>;

/**
 * The result of {@link solveStaffing}: the best roster found, its cost by {@link benchmarkCost}
 * (computed apart from the search) and how the search went.
 *
 * @example
 * const { cost, stats } = solveStaffing(readCurtoisQu(instance1), { iterations: 50_000 });
 * stats.evaluations; // => 50000
 * cost.feasible; // => true
 * @category Rosters
 */
export interface StaffingResult {
  /** The best roster found. */
  readonly roster: StaffingRoster;
  /** Its cost. */
  readonly cost: StaffingCost;
  /** Figures of the search. */
  readonly stats: {
    /** Moves evaluated. */
    readonly evaluations: number;
    /** Moves evaluated per second. */
    readonly evaluationsPerSecond: number;
    /** Milliseconds until the first roster with no hard violation, or `null` when none was found. */
    readonly firstFeasibleMs: number | null;
    /** Milliseconds until the best roster was found. */
    readonly bestFoundMs: number;
    /** Milliseconds in all. */
    readonly elapsedMs: number;
    /** Times the search went back to the best roster and heated up again. */
    readonly restarts: number;
  };
}

const INF = Number.POSITIVE_INFINITY;
/** The weight that marks a hard limit in the compiled arrays. */
const HARD = -1;
/** What {@link personCost} found besides its total: the hard units (scratch, read right after the call). */
const acc = { soft: 0, hard: 0 };
/** Adds `amount` units at `weight` (or as hard units) to {@link acc}. */
function pen(amount: number, weight: number): void {
  if (weight === HARD) acc.hard += amount;
  else acc.soft += amount * weight;
}

/** The problem in flat arrays: people × days of cell codes (-1 off, else shift × K + skill). */
interface Compiled {
  readonly P: number;
  readonly D: number;
  readonly S: number;
  readonly K: number;
  readonly hardW: number;
  readonly shiftIds: readonly string[];
  readonly skillIds: readonly string[];
  readonly personIds: readonly string[];
  /** Each person's allowed codes. */
  readonly options: readonly Int32Array[];
  /** Cover per day × shift × skill. */
  readonly cMin: Int32Array;
  readonly cOpt: Int32Array;
  readonly cUnder: Int32Array;
  readonly cOver: Int32Array;
  readonly forbidden: Uint8Array;
  readonly minutes: Int32Array;
  readonly sMin: Float64Array;
  readonly sMax: Float64Array;
  readonly sW: Float64Array;
  readonly people: readonly PersonRules[];
  /** Weekend day pairs, flat: saturday (or -1), sunday (or -1), … */
  readonly weekends: Int32Array;
  readonly atEnd: boolean;
  readonly atStart: boolean;
  /** The shortest positive shift length (1 when none), the unit of hard limits on minutes. */
  readonly unitMinutes: number;
  /** Per day, the codes (shift × K + skill) whose optimal cover is above 0. */
  readonly demanded: readonly Int32Array[];
  /** Whether person p may work code x: `allowed[p * S * K + x]`. */
  readonly allowed: Uint8Array;
}

interface PersonRules {
  readonly history: boolean;
  readonly unavailable: Uint8Array;
  readonly lastShift: number;
  readonly sameRun: number;
  readonly workRun: number;
  readonly offRun: number;
  readonly histAssignments: number;
  readonly histWeekends: number;
  readonly aMin: number;
  readonly aMax: number;
  readonly aW: number;
  readonly mMin: number;
  readonly mMax: number;
  readonly mW: number;
  readonly wMin: number;
  readonly wMax: number;
  readonly wW: number;
  readonly oMin: number;
  readonly oMax: number;
  readonly oW: number;
  readonly weMax: number;
  readonly weW: number;
  readonly completeW: number;
  readonly perMax: Float64Array;
  readonly perW: Float64Array;
  readonly w7Max: number;
  readonly w7W: number;
  /** Requests flattened: day, shift (-1 any), on (1) or off (0), weight. */
  readonly req: Int32Array;
}

function compile(problem: StaffingProblem, hardW: number): Compiled {
  const D = problem.days;
  const shiftIds = problem.shiftTypes.map((s) => s.id);
  const skillIds = problem.skills.map((k) => k.id);
  const S = shiftIds.length;
  const K = skillIds.length;
  const sIdx = new Map(shiftIds.map((s, i) => [s, i]));
  const kIdx = new Map(skillIds.map((k, i) => [k, i]));
  const w = (weight: number | undefined): number => weight ?? HARD; // hard limits are marked, and counted apart
  const cMin = new Int32Array(D * S * K);
  const cOpt = new Int32Array(D * S * K);
  const cUnder = new Int32Array(D * S * K);
  const cOver = new Int32Array(D * S * K);
  for (const c of problem.cover) {
    const i = (c.day * S + sIdx.get(c.shift)!) * K + kIdx.get(c.skill)!;
    cMin[i] = c.min;
    cOpt[i] = c.optimal;
    cUnder[i] = c.underWeight ?? 0;
    cOver[i] = c.overWeight ?? 0;
  }
  const forbidden = new Uint8Array(S * S);
  const names = problem.shiftTypes.map((s) => (s.group === undefined ? [s.id] : [s.id, s.group]));
  const pairs = new Set((problem.forbiddenSuccessions ?? []).map((f) => `${f.from}\u0000${f.to}`));
  for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) if (names[a]!.some((x) => names[b]!.some((y) => pairs.has(`${x}\u0000${y}`)))) forbidden[a * S + b] = 1;
  const minutes = Int32Array.from(problem.shiftTypes.map((s) => s.minutes ?? 0));
  const sMin = Float64Array.from(problem.shiftTypes.map((s) => s.consecutive?.min ?? 0));
  const sMax = Float64Array.from(problem.shiftTypes.map((s) => s.consecutive?.max ?? INF));
  const sW = Float64Array.from(problem.shiftTypes.map((s) => (s.consecutive === undefined ? 0 : w(s.consecutive.weight))));
  const contracts = new Map(problem.contracts.map((c) => [c.id, c]));
  const reqs = new Map<string, number[]>();
  for (const r of problem.requests ?? []) {
    const list = reqs.get(r.person) ?? [];
    list.push(r.day, r.shift === undefined ? -1 : sIdx.get(r.shift)!, r.want === 'on' ? 1 : 0, r.weight);
    reqs.set(r.person, list);
  }
  const first = (problem.firstWeekday ?? 1) - 1;
  const weekends: [number, number][] = [];
  for (let d = 0; d < D; d++) {
    const wd = (first + d) % 7;
    if (wd === 5) weekends.push([d, d + 1 < D ? d + 1 : -1]);
    else if (wd === 6 && d === 0) weekends.push([-1, 0]);
  }
  const unitMinutes = Math.min(INF, ...problem.shiftTypes.map((x) => (x.minutes !== undefined && x.minutes > 0 ? x.minutes : INF)));
  const options: Int32Array[] = [];
  const allowed = new Uint8Array(problem.people.length * S * K);
  const people = problem.people.map((p) => {
    const c = contracts.get(p.contract)!;
    const codes: number[] = [];
    for (let s = 0; s < S; s++) {
      const cap = c.perShiftType?.[shiftIds[s]!];
      if (cap?.max === 0 && cap.weight === undefined) continue; // never allowed: not worth trying
      for (const k of p.skills) codes.push(s * K + kIdx.get(k)!);
    }
    options.push(Int32Array.from(codes));
    for (const x of codes) allowed[(options.length - 1) * S * K + x] = 1;
    const unavailable = new Uint8Array(D);
    for (const d of p.unavailable ?? []) unavailable[d] = 1;
    const perMax = new Float64Array(S).fill(INF);
    const perW = new Float64Array(S);
    for (const [s, l] of Object.entries(c.perShiftType ?? {})) {
      perMax[sIdx.get(s)!] = l.max ?? INF;
      perW[sIdx.get(s)!] = w(l.weight);
    }
    const h = p.history;
    const last = h?.lastShift ?? null;
    return {
      history: h !== undefined,
      unavailable,
      lastShift: last === null ? -1 : sIdx.get(last)!,
      sameRun: last === null ? 0 : (h?.sameShiftRun ?? 0),
      workRun: h?.workRun ?? 0,
      offRun: h?.offRun ?? 0,
      histAssignments: h?.assignments ?? 0,
      histWeekends: h?.weekends ?? 0,
      aMin: c.assignments?.min ?? 0,
      aMax: c.assignments?.max ?? INF,
      aW: w(c.assignments?.weight),
      mMin: c.minutes?.min ?? 0,
      mMax: c.minutes?.max ?? INF,
      mW: w(c.minutes?.weight),
      wMin: c.workingDays?.min ?? 0,
      wMax: c.workingDays?.max ?? INF,
      wW: w(c.workingDays?.weight),
      oMin: c.daysOff?.min ?? 0,
      oMax: c.daysOff?.max ?? INF,
      oW: w(c.daysOff?.weight),
      weMax: c.weekends?.max ?? INF,
      weW: w(c.weekends?.weight),
      completeW: c.completeWeekends ?? 0,
      perMax,
      perW,
      w7Max: c.workIn7Days?.max ?? INF,
      w7W: w(c.workIn7Days?.weight),
      req: Int32Array.from(reqs.get(p.id) ?? []),
    };
  });
  return {
    P: problem.people.length,
    D,
    S,
    K,
    hardW,
    shiftIds,
    skillIds,
    personIds: problem.people.map((p) => p.id),
    options,
    cMin,
    cOpt,
    cUnder,
    cOver,
    forbidden,
    minutes,
    sMin,
    sMax,
    sW,
    people,
    weekends: Int32Array.from(weekends.flat()),
    atEnd: problem.minimumsAtEnd ?? false,
    atStart: problem.minimumsAtStart ?? true,
    unitMinutes: unitMinutes === INF ? 1 : unitMinutes,
    demanded: Array.from({ length: D }, (_, d) => {
      const codes: number[] = [];
      for (let x = 0; x < S * K; x++) if (cOpt[d * S * K + x]! > 0) codes.push(x);
      return Int32Array.from(codes);
    }),
    allowed,
  };
}

/** The cost of a run of `len` days, `carried` of them from before the horizon. */
function runCost(len: number, carried: number, min: number, max: number, weight: number, ended: boolean): void {
  if (len > max) {
    const over = len - max - (carried > max ? carried - max : 0);
    if (over > 0) pen(over, weight);
  }
  if (len < min && ended) pen(min - len, weight);
}


/** The cost of one person's row (search weights: hard units × hardW); `counts` is scratch of size S. */
function personCost(c: Compiled, p: number, row: Int32Array, base: number, counts: Float64Array): number {
  const r = c.people[p]!;
  const { D, K, S, hardW, atEnd } = c;
  acc.soft = 0;
  acc.hard = 0;
  let prev = r.lastShift;
  let workLen = r.workRun;
  let workCarried = workLen;
  let offLen = r.offRun;
  let offCarried = offLen;
  let sameLen = prev >= 0 ? r.sameRun : 0;
  let sameCarried = sameLen;
  // a first run begun on the first day with nothing carried in is never short when the start is free
  let workFree = !c.atStart && !r.history;
  let offFree = workFree;
  let sameFree = workFree;
  let worked = 0;
  let minutes = 0;
  counts.fill(0);
  for (let d = 0; d < D; d++) {
    const code = row[base + d]!;
    const s = code < 0 ? -1 : (code / K) | 0;
    if (s >= 0) {
      if (r.unavailable[d] === 1) acc.hard++;
      if (prev >= 0 && c.forbidden[prev * S + s] === 1) acc.hard++;
      if (offLen > 0) {
        runCost(offLen, offCarried, r.oMin, r.oMax, r.oW, !offFree);
        offLen = 0;
        offCarried = 0;
      }
      offFree = false;
      workLen++;
      if (s === prev) sameLen++;
      else {
        if (prev >= 0 && sameLen > 0) runCost(sameLen, sameCarried, c.sMin[prev]!, c.sMax[prev]!, c.sW[prev]!, !sameFree);
        if (d > 0) sameFree = false;
        sameLen = 1;
        sameCarried = 0;
      }
      worked++;
      minutes += c.minutes[s]!;
      counts[s]!++;
    } else {
      if (workLen > 0) {
        runCost(workLen, workCarried, r.wMin, r.wMax, r.wW, !workFree);
        workLen = 0;
        workCarried = 0;
      }
      workFree = false;
      if (prev >= 0 && sameLen > 0) runCost(sameLen, sameCarried, c.sMin[prev]!, c.sMax[prev]!, c.sW[prev]!, !sameFree);
      sameFree = false;
      sameLen = 0;
      sameCarried = 0;
      offLen++;
    }
    prev = s;
  }
  if (workLen > 0) runCost(workLen, workCarried, r.wMin, r.wMax, r.wW, atEnd && !workFree);
  if (offLen > 0) runCost(offLen, offCarried, r.oMin, r.oMax, r.oW, atEnd && !offFree);
  if (prev >= 0 && sameLen > 0) runCost(sameLen, sameCarried, c.sMin[prev]!, c.sMax[prev]!, c.sW[prev]!, atEnd && !sameFree);
  const total = worked + r.histAssignments;
  if (total < r.aMin) pen(r.aMin - total, r.aW);
  else if (total > r.aMax) pen(total - r.aMax, r.aW);
  // hard minutes count in shifts of the shortest length, so that one shift short weighs as one unit
  if (minutes < r.mMin) pen(r.mW === HARD ? (r.mMin - minutes) / c.unitMinutes : r.mMin - minutes, r.mW);
  else if (minutes > r.mMax) pen(r.mW === HARD ? (minutes - r.mMax) / c.unitMinutes : minutes - r.mMax, r.mW);
  for (let s = 0; s < S; s++) if (counts[s]! > r.perMax[s]!) pen(counts[s]! - r.perMax[s]!, r.perW[s]!);
  let weekends = r.histWeekends;
  const we = c.weekends;
  for (let i = 0; i < we.length; i += 2) {
    const sat = we[i]!;
    const sun = we[i + 1]!;
    const a = sat >= 0 && row[base + sat]! >= 0;
    const b = sun >= 0 && row[base + sun]! >= 0;
    if (a || b) weekends++;
    if (sat >= 0 && sun >= 0 && a !== b) acc.soft += r.completeW;
  }
  if (weekends > r.weMax) pen(weekends - r.weMax, r.weW);
  if (r.w7Max < INF) {
    let n = 0;
    for (let d = 0; d < D; d++) {
      if (row[base + d]! >= 0) n++;
      if (d >= 7 && row[base + d - 7]! >= 0) n--;
      if (d >= 6 && n > r.w7Max) pen(n - r.w7Max, r.w7W);
    }
  }
  const q = r.req;
  for (let i = 0; i < q.length; i += 4) {
    const code = row[base + q[i]!]!;
    const shift = q[i + 1]!;
    const works = shift < 0 ? code >= 0 : code >= 0 && ((code / K) | 0) === shift;
    if ((q[i + 2] === 1) !== works) acc.soft += q[i + 3]!;
  }
  return acc.soft + acc.hard * hardW;
}

function coverHard(c: Compiled, i: number, n: number): number {
  return n < c.cMin[i]! ? c.cMin[i]! - n : 0;
}

function coverCost(c: Compiled, i: number, n: number): number {
  const min = c.cMin[i]!;
  const opt = c.cOpt[i]!;
  let cost = 0;
  if (n < min) cost += (min - n) * c.hardW;
  if (n < opt) cost += (opt - n) * c.cUnder[i]!;
  else if (n > opt) cost += (n - opt) * c.cOver[i]!;
  return cost;
}

/**
 * Solves a {@link StaffingProblem} by simulated annealing over the whole roster, from an empty one:
 * moves change one person's day (a shift and skill, or a day off), give one person a run of the
 * same shift over several days, and swap blocks of days between two people; each move is scored
 * incrementally (the two people's rows and the cover counts it touches), a unit of hard violation
 * weighing more while the roster is infeasible and less while it is feasible (strategic
 * oscillation); the best roster is the one with the fewest hard units, then the lowest cost. When a cooling cycle ends without improving, the search goes back to the best
 * roster and heats up again (a restart). The best roster's cost is recomputed at the end by
 * {@link benchmarkCost}, written apart from the search.
 *
 * To repair a published roster after a change (someone falls ill: mark the days `unavailable` in
 * the problem), pass it as `keep.roster`: the search starts from it, never touches the days before
 * `keep.freezeBefore`, and weighs each person-day changed from it by `keep.weight`, so that it
 * changes little beyond the seats the change frees.
 *
 * @param problem - The problem.
 * @param options - {@link StaffingSolveOptions}.
 * @returns The best roster, its cost and the search's figures.
 * @throws {@link FrontlineError} `invalid_input` for a problem or options that do not parse.
 * @example
 * const problem = StaffingProblem.parse({
 *   days: 7, skills: [{ id: 's' }], shiftTypes: [{ id: 'D' }],
 *   contracts: [{ id: 'c', workingDays: { max: 5 } }],
 *   people: [{ id: 'a', skills: ['s'], contract: 'c' }, { id: 'b', skills: ['s'], contract: 'c' }],
 *   cover: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, shift: 'D', skill: 's', min: 1, optimal: 1, underWeight: 10 })),
 * });
 * const { cost } = solveStaffing(problem, { iterations: 20_000, seed: 1 });
 * cost.feasible; // => true
 * cost.total; // => 0
 * @category Rosters
 */
export function solveStaffing(problem: StaffingProblem, options: StaffingSolveOptions = {}): StaffingResult {
  const pr = parseOrThrow(StaffingProblem, problem, 'invalid_input', 'staffing problem');
  const o = parseOrThrow(StaffingSolveOptions, options, 'invalid_input', 'solve options');
  const started = Date.now();
  const deadline = o.iterations === undefined ? started + (o.timeLimitMs ?? 2000) : o.timeLimitMs === undefined ? INF : started + o.timeLimitMs;
  const maxIt = o.iterations ?? INF;
  // hard units are kept apart from the soft cost, so that their weight may change as the search goes
  const c = compile(pr, 1);
  const rng = createRandom(o.seed ?? 1);
  const { P, D, S, K } = c;
  const SK = S * K;
  const heaviest = Math.max(2, heaviestWeight(pr));
  // strategic oscillation: the weight of a hard unit rises while the roster is infeasible and falls
  // while it is feasible, between twice the heaviest soft weight and a hundred times it; a fixed
  // hardWeight turns this off
  // (when repairing, a hard unit always outweighs a few changes, so that the seats freed are refilled)
  const keepW = o.keep === undefined ? 0 : (o.keep.weight ?? heaviest);
  const hwMin = o.hardWeight ?? Math.max(heaviest * 2, keepW * 4);
  const hwMax = o.hardWeight ?? Math.max(heaviest * 100, keepW * 40);
  let hardW = hwMin;
  const row = new Int32Array(P * D).fill(-1);
  // repair: the roster kept (its codes), the weight of a change from it, the first day that may change
  const kept = o.keep === undefined ? undefined : codesOf(c, o.keep.roster);
  if (kept !== undefined) {
    row.set(kept);
    // the seats of people who can no longer work them are freed from the start (after the freeze)
    for (let p = 0; p < P; p++) for (let d = Math.min(D, o.keep?.freezeBefore ?? 0); d < D; d++) if (c.people[p]!.unavailable[d] === 1) row[p * D + d] = -1;
  }
  const freeze = Math.min(D, o.keep?.freezeBefore ?? 0);
  const open = D - freeze;
  let curChange = 0;
  const cnt = new Int32Array(D * S * K);
  const counts = new Float64Array(S);
  const pSoft = new Float64Array(P);
  const pHard = new Float64Array(P);
  let curSoft = 0;
  let curHard = 0;
  const cellIdx = (d: number, code: number): number => (d * S + ((code / K) | 0)) * K + (code % K);
  const rescore = (): void => {
    cnt.fill(0);
    curSoft = 0;
    curHard = 0;
    for (let p = 0; p < P; p++) {
      personCost(c, p, row, p * D, counts);
      pSoft[p] = acc.soft;
      pHard[p] = acc.hard;
      curSoft += acc.soft;
      curHard += acc.hard;
      for (let d = 0; d < D; d++) if (row[p * D + d]! >= 0) cnt[cellIdx(d, row[p * D + d]!)]!++;
    }
    for (let i = 0; i < cnt.length; i++) {
      const h = coverHard(c, i, cnt[i]!);
      curSoft += coverCost(c, i, cnt[i]!) - h;
      curHard += h;
    }
  };
  rescore();

  const best = new Int32Array(row);
  if (kept !== undefined) for (let x = 0; x < row.length; x++) if (row[x] !== kept[x]) curChange++;
  let bestChange = curChange;
  let bestSoft = curSoft;
  let bestHard = curHard;
  let bestAt = 0;
  let firstFeasibleMs: number | null = curHard === 0 ? 0 : null;
  let evaluations = 0;
  let restarts = 0;
  let lastReport = -INF;
  const progressMs = o.progressMs ?? 100;
  const report = (force: boolean): void => {
    if (o.onProgress === undefined) return;
    const now = Date.now();
    if (!force && now - lastReport < progressMs) return;
    lastReport = now;
    o.onProgress({ elapsedMs: now - started, evaluations, bestCost: bestSoft, bestHard });
  };

  // temperature: from about the heaviest soft weight down to a fraction of one unit, cycle by cycle
  const tHigh = heaviest * 0.6;
  const tLow = 0.3;
  // a cooling cycle lasts a number of moves under an iteration budget (so that a run depends on the
  // seed alone), or a share of the time limit otherwise (so that a slow machine still cools fully)
  const cycles = o.cycles ?? 3;
  const cycleMoves = o.iterations !== undefined ? Math.max(1, Math.floor(o.iterations / cycles)) : INF;
  const cycleMs = o.iterations !== undefined ? INF : (deadline - started) / cycles;
  let cycleStart = started;
  let cycleIt = 0;
  let improvedInCycle = false;
  let temp = tHigh;
  let it = 0;
  const scratchA = new Int32Array(D);
  const scratchB = new Int32Array(D);
  while (it < maxIt) {
    if ((it & 255) === 0) {
      const now = Date.now();
      if (now > deadline) break;
      const phase = o.iterations !== undefined ? cycleIt / cycleMoves : (now - cycleStart) / cycleMs;
      if (phase >= 1) {
        // a cycle ended: heat up again, from the best roster when this cycle did not improve on it
        if (!improvedInCycle) {
          row.set(best);
          rescore();
          curChange = bestChange;
          restarts++;
        }
        improvedInCycle = false;
        cycleStart = now;
        cycleIt = 0;
      }
      temp = tHigh * Math.pow(tLow / tHigh, Math.min(1, o.iterations !== undefined ? cycleIt / cycleMoves : (now - cycleStart) / cycleMs));
      hardW = curHard > 0 ? Math.min(hwMax, hardW * 1.002) : Math.max(hwMin, hardW / 1.0005);
    }
    cycleIt++;
    it++;
    evaluations++;
    const kind = rng.next();
    let dSoft: number;
    let dHard: number;
    let dChange = 0;
    if (open <= 0) break;
    if (kind < 0.5) {
      // change one day, or a run of days, to one code (a shift with a skill, or off)
      const p = rng.int(P);
      const opts = c.options[p]!;
      const len = kind < 0.3 ? 1 : 1 + rng.int(Math.min(5, open));
      const d0 = freeze + rng.int(open - len + 1);
      let code = -1;
      if (opts.length > 0 && rng.next() >= 0.25) {
        // mostly a shift and skill that day's cover asks for, which this person may work
        const wanted = c.demanded[d0]!;
        code = opts[rng.int(opts.length)]!;
        if (wanted.length > 0 && rng.next() < 0.9) {
          for (let tries = 0; tries < 4; tries++) {
            const x = wanted[rng.int(wanted.length)]!;
            if (c.allowed[p * SK + x] === 1) {
              code = x;
              break;
            }
          }
        }
      }
      const base = p * D;
      let same = true;
      for (let d = d0; d < d0 + len; d++) if (row[base + d] !== code) same = false;
      if (same) continue;
      scratchA.set(row.subarray(base, base + D));
      let coverSoft = 0;
      let coverHardD = 0;
      for (let d = d0; d < d0 + len; d++) {
        const old = row[base + d]!;
        if (old === code) continue;
        if (kept !== undefined) dChange += (code !== kept[base + d] ? 1 : 0) - (old !== kept[base + d] ? 1 : 0);
        if (old >= 0) {
          const i = cellIdx(d, old);
          const h = coverHard(c, i, cnt[i]! - 1) - coverHard(c, i, cnt[i]!);
          coverSoft += coverCost(c, i, cnt[i]! - 1) - coverCost(c, i, cnt[i]!) - h;
          coverHardD += h;
          cnt[i]!--;
        }
        if (code >= 0) {
          const i = cellIdx(d, code);
          const h = coverHard(c, i, cnt[i]! + 1) - coverHard(c, i, cnt[i]!);
          coverSoft += coverCost(c, i, cnt[i]! + 1) - coverCost(c, i, cnt[i]!) - h;
          coverHardD += h;
          cnt[i]!++;
        }
        row[base + d] = code;
      }
      personCost(c, p, row, base, counts);
      dSoft = acc.soft - pSoft[p]! + coverSoft;
      dHard = acc.hard - pHard[p]! + coverHardD;
      const delta = dSoft + hardW * dHard + keepW * dChange;
      if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
        pSoft[p] = acc.soft;
        pHard[p] = acc.hard;
      } else {
        for (let d = d0; d < d0 + len; d++) {
          const now = row[base + d]!;
          const old = scratchA[d]!;
          if (now === old) continue;
          if (now >= 0) cnt[cellIdx(d, now)]!--;
          if (old >= 0) cnt[cellIdx(d, old)]!++;
          row[base + d] = old;
        }
        continue;
      }
    } else {
      // swap a block of days between two people (each must be able to work the other's codes)
      if (P < 2) continue;
      const p = rng.int(P);
      let q = rng.int(P - 1);
      if (q >= p) q++;
      const len = 1 + rng.int(Math.min(kind < 0.8 ? 3 : 7, open));
      const d0 = freeze + rng.int(open - len + 1);
      const bp = p * D;
      const bq = q * D;
      let differs = false;
      let allowed = true;
      for (let d = d0; d < d0 + len && allowed; d++) {
        const a = row[bp + d]!;
        const b = row[bq + d]!;
        if (a !== b) differs = true;
        if (a >= 0 && c.allowed[q * SK + a] === 0) allowed = false;
        if (b >= 0 && c.allowed[p * SK + b] === 0) allowed = false;
      }
      if (!differs || !allowed) continue;
      scratchA.set(row.subarray(bp, bp + D));
      scratchB.set(row.subarray(bq, bq + D));
      for (let d = d0; d < d0 + len; d++) {
        row[bp + d] = scratchB[d]!;
        row[bq + d] = scratchA[d]!;
        if (kept !== undefined) {
          dChange += (scratchB[d] !== kept[bp + d] ? 1 : 0) - (scratchA[d] !== kept[bp + d] ? 1 : 0);
          dChange += (scratchA[d] !== kept[bq + d] ? 1 : 0) - (scratchB[d] !== kept[bq + d] ? 1 : 0);
        }
      }
      personCost(c, p, row, bp, counts);
      const ps = acc.soft;
      const ph = acc.hard;
      personCost(c, q, row, bq, counts);
      const qs = acc.soft;
      const qh = acc.hard;
      dSoft = ps + qs - pSoft[p]! - pSoft[q]!;
      dHard = ph + qh - pHard[p]! - pHard[q]!;
      const delta = dSoft + hardW * dHard + keepW * dChange;
      if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
        pSoft[p] = ps;
        pSoft[q] = qs;
        pHard[p] = ph;
        pHard[q] = qh;
      } else {
        row.set(scratchA, bp);
        row.set(scratchB, bq);
        continue;
      }
    }
    curSoft += dSoft;
    curHard += dHard;
    curChange += dChange;
    if (curHard < 1e-9) curHard = 0;
    // better: fewer hard units, then a lower soft cost (with the changes, when repairing)
    if (curHard < bestHard - 1e-9 || (Math.abs(curHard - bestHard) <= 1e-9 && curSoft + keepW * curChange < bestSoft + keepW * bestChange - 1e-9)) {
      bestSoft = curSoft;
      bestChange = curChange;
      bestHard = curHard;
      best.set(row);
      bestAt = Date.now() - started;
      improvedInCycle = true;
      if (firstFeasibleMs === null && bestHard === 0) firstFeasibleMs = bestAt;
      report(false);
      if (o.target !== undefined && bestHard === 0 && bestSoft <= o.target) break;
    }
  }
  const roster = toRoster(c, best);
  const cost = benchmarkCost(pr, roster);
  // the incremental bookkeeping must agree with the independent count: a disagreement is a bug here
  if ((bestHard === 0) !== cost.feasible || Math.abs(bestSoft - cost.total) > 1e-6) {
    throw new Error(`solveStaffing: the search scored its best roster ${bestSoft} (hard ${bestHard}), benchmarkCost ${cost.total} (hard ${cost.hard})`);
  }
  bestHard = cost.hard;
  report(true);
  const elapsedMs = Date.now() - started;
  return {
    roster,
    cost,
    stats: { evaluations, evaluationsPerSecond: elapsedMs > 0 ? Math.round((evaluations * 1000) / elapsedMs) : evaluations, firstFeasibleMs, bestFoundMs: bestAt, elapsedMs, restarts },
  };
}

/** The heaviest weight of a soft constraint of the problem (0 when it has none). */
function heaviestWeight(p: StaffingProblem): number {
  const ws: (number | undefined)[] = [];
  for (const c of p.cover) ws.push(c.underWeight, c.overWeight);
  for (const s of p.shiftTypes) ws.push(s.consecutive?.weight);
  for (const c of p.contracts) {
    ws.push(c.assignments?.weight, c.minutes?.weight, c.workingDays?.weight, c.daysOff?.weight, c.weekends?.weight, c.completeWeekends, c.workIn7Days?.weight);
    for (const l of Object.values(c.perShiftType ?? {})) ws.push(l.weight);
  }
  for (const r of p.requests ?? []) ws.push(r.weight);
  let max = 0;
  for (const w of ws) if (w !== undefined && w > max) max = w;
  return max;
}

/** The grid of codes of a roster; refuses assignments the problem does not allow. */
function codesOf(c: Compiled, roster: StaffingRoster): Int32Array {
  const row = new Int32Array(c.P * c.D).fill(-1);
  const pIdx = new Map(c.personIds.map((id, i) => [id, i]));
  const sIdx = new Map(c.shiftIds.map((id, i) => [id, i]));
  const kIdx = new Map(c.skillIds.map((id, i) => [id, i]));
  const issues: Issue[] = [];
  roster.assignments.forEach((a, i) => {
    const p = pIdx.get(a.person);
    const s = sIdx.get(a.shift);
    const k = kIdx.get(a.skill);
    const code = s === undefined || k === undefined ? -1 : s * c.K + k;
    if (p === undefined || code < 0 || a.day >= c.D || c.allowed[p * c.S * c.K + code] === 0) {
      issues.push({ path: ['keep', 'roster', 'assignments', i], code: 'not_allowed', message: `${a.person} on day ${a.day}: '${a.shift}' with '${a.skill}' is not an assignment this problem allows` });
    } else if (row[p * c.D + a.day] !== -1) {
      issues.push({ path: ['keep', 'roster', 'assignments', i], code: 'one_shift_a_day', message: `${a.person} has two assignments on day ${a.day}` });
    } else row[p * c.D + a.day] = code;
  });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid roster to keep', issues);
  return row;
}

/** The roster of a grid of codes. */
function toRoster(c: Compiled, row: Int32Array): StaffingRoster {
  const assignments: StaffingAssignment[] = [];
  for (let p = 0; p < c.P; p++) {
    for (let d = 0; d < c.D; d++) {
      const code = row[p * c.D + d]!;
      if (code < 0) continue;
      assignments.push({ person: c.personIds[p]!, day: d, shift: c.shiftIds[(code / c.K) | 0]!, skill: c.skillIds[code % c.K]! });
    }
  }
  return { assignments };
}

/** @internal The search's own score of a roster: its soft cost, and its hard violations in the search's units (0 exactly when feasible), for tests that compare it with {@link benchmarkCost}. */
export function searchScore(problem: StaffingProblem, roster: StaffingRoster): { soft: number; hard: number } {
  const c = compile(problem, 1);
  const row = new Int32Array(c.P * c.D).fill(-1);
  const cnt = new Int32Array(c.D * c.S * c.K);
  const pIdx = new Map(c.personIds.map((id, i) => [id, i]));
  const sIdx = new Map(c.shiftIds.map((id, i) => [id, i]));
  const kIdx = new Map(c.skillIds.map((id, i) => [id, i]));
  for (const a of roster.assignments) {
    const code = sIdx.get(a.shift)! * c.K + kIdx.get(a.skill)!;
    row[pIdx.get(a.person)! * c.D + a.day] = code;
    cnt[(a.day * c.S + sIdx.get(a.shift)!) * c.K + kIdx.get(a.skill)!]!++;
  }
  let soft = 0;
  let hard = 0;
  const counts = new Float64Array(c.S);
  for (let p = 0; p < c.P; p++) {
    personCost(c, p, row, p * c.D, counts);
    soft += acc.soft;
    hard += acc.hard;
  }
  for (let i = 0; i < cnt.length; i++) {
    const h = coverHard(c, i, cnt[i]!);
    soft += coverCost(c, i, cnt[i]!) - h;
    hard += h;
  }
  return { soft, hard };
}
