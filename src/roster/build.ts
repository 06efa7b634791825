import { z } from 'zod';
import { parseOrThrow } from '../core/errors.js';
import type { PersonId } from '../core/ids.js';
import type { Label, RosterConstraint } from '../core/vocabulary.js';
import { compileProblem, type Compiled } from './compile.js';
import type { Roster, RosterProblem, RosterSeats, SeatId, Shift } from './model.js';
import { Candidates, construct, improve, type SearchCounts } from './search.js';
import { RosterState } from './state.js';
import { evaluate, rememberAssignment, type RosterScore, type RosterViolation } from './validate.js';
import { withResultSummary } from './summary.js';

/**
 * What {@link buildRoster} reports as it works: the phase, the iteration, and the current score.
 *
 * @example
 * const seen: RosterProgress[] = [];
 * buildRoster(problem, { iterations: 2000, progressEvery: 1000, onProgress: (p) => seen.push(p) });
 * seen.map((p) => [p.phase, p.iteration]); // => [['construction', 0], ['search', 1000]]
 * @category Rosters
 */
export interface RosterProgress {
  /** `construction` (once, when the first full roster is ready) or `search`. */
  readonly phase: 'construction' | 'search';
  /** Local-search iterations so far. */
  readonly iteration: number;
  /** The current `[hard, medium, soft]`. */
  readonly score: RosterScore;
  /** Milliseconds since the build began. */
  readonly elapsedMs: number;
}

/** @internal The most iterations a search may be given: a billion, hours of search on a large problem. */
export const MAX_ITERATIONS = 1_000_000_000;

/**
 * Options of {@link buildRoster}. With an iteration budget (the default) a build is deterministic
 * for its seed; a time limit stops it earlier on a slow machine, and so may not be.
 *
 * @example
 * BuildOptions.parse({ seed: 7, iterations: 200_000 });
 * @category Rosters
 */
export const BuildOptions = z
  .object({
    /** Seed of the search's random choices (default 1). */
    seed: z.number().optional(),
    /**
     * Local-search iterations (default ten per seat, at least 50,000 and at most 3 million; 0 keeps
     * the constructed roster); at most a billion (hours of search on a large problem).
     */
    iterations: z.number().int().min(0).max(MAX_ITERATIONS).optional(),
    /** Stop the search after this many milliseconds. */
    timeLimitMs: z.number().positive().optional(),
    /** Stop after this many iterations without a better roster (default max(200,000, four per seat)); at most a billion. */
    idleLimit: z.number().int().positive().max(MAX_ITERATIONS).optional(),
    /**
     * Late-acceptance history length (default 1: hill climbing that also accepts equal moves; longer
     * histories escape local optima on long runs); at most a million.
     */
    historyLength: z.number().int().positive().max(1_000_000).optional(),
    /** Iterations between progress reports (default 100,000). */
    progressEvery: z.number().int().positive().optional(),
    /** Called with progress reports. */
    onProgress: z.custom<(progress: RosterProgress) => void>((f) => typeof f === 'function', { message: 'onProgress must be a function' }).optional(),
  })
  .strict();
/**
 * Options of {@link buildRoster}.
 *
 * @interface
 * @category Rosters
 */
export type BuildOptions = z.infer<typeof BuildOptions>;

/**
 * A seat left unfilled and why: how many of the people who could take it were kept away by each
 * hard rule, in its own pool and in the whole problem.
 *
 * @example
 * const u: UnfilledSeat = buildRoster(problem).unfilled[0]!;
 * u.reason.en.startsWith(u.leader ? 'no leader: ' : 'no staff: '); // => true (then who was kept away, by which rule)
 * @category Rosters
 */
export interface UnfilledSeat {
  /** The seat. */
  readonly seat: SeatId;
  /** Whether it is a leader seat. */
  readonly leader: boolean;
  /** People of the post's pool who qualify for the seat. */
  readonly eligibleInPool: number;
  /** Of those, how many each hard rule keeps away. */
  readonly blockedInPool: Readonly<Partial<Record<RosterConstraint, number>>>;
  /** People anywhere who qualify. */
  readonly eligible: number;
  /** The explanation in words. */
  readonly reason: Label;
}

/**
 * The spread of shift counts in one group of interchangeable, fully available people (same pool,
 * same leader eligibility).
 *
 * @example
 * const f: FairnessGroup = buildRoster(problem).stats.fairness[0]!;
 * f.spread; // => f.max - f.min
 * @category Rosters
 */
export interface FairnessGroup {
  /** The pool's id. */
  readonly poolId: string;
  /** `leader` for cadres who qualify for some leader seat, `staff` for the others. */
  readonly role: string;
  /** People in the group (available every day). */
  readonly people: number;
  /** Fewest shifts. */
  readonly min: number;
  /** Most shifts. */
  readonly max: number;
  /** `max - min`. */
  readonly spread: number;
}

/**
 * Figures of a build: seats and fill rate, times, moves, and fairness.
 *
 * @example
 * const { stats } = buildRoster(problem);
 * stats.fillRate; // => stats.filled / stats.seats
 * @category Rosters
 */
export interface RosterStats {
  /** Seats in the problem (at least one: a problem with no seat is refused). */
  readonly seats: number;
  /** Seats filled. */
  readonly filled: number;
  /** `filled / seats`. */
  readonly fillRate: number;
  /** Unfilled leader seats. */
  readonly unfilledLeaders: number;
  /** Unfilled staff seats. */
  readonly unfilledStaff: number;
  /** Milliseconds to the first full roster (construction). */
  readonly constructionMs: number;
  /** Milliseconds of local search. */
  readonly searchMs: number;
  /** Milliseconds in all, from the call to the result. */
  readonly totalMs: number;
  /** Moves evaluated by the local search. */
  readonly evaluations: number;
  /** Of those, moves that broke no hard rule. */
  readonly feasibleMoves: number;
  /** Moves kept. */
  readonly acceptedMoves: number;
  /** Moves evaluated per second. */
  readonly evaluationsPerSecond: number;
  /** Score of the constructed roster, before the search. */
  readonly constructedScore: RosterScore;
  /** Shift-count spread per group of fully available people. */
  readonly fairness: readonly FairnessGroup[];
  /** The largest spread of any group. */
  readonly worstSpread: number;
}

/**
 * The result of {@link buildRoster}: the roster, its score, its hard and medium violations, the
 * unfilled seats explained, and figures.
 *
 * @example
 * const { roster, score, unfilled, stats } = buildRoster(problem);
 * score; // => validateRoster(problem, roster).score
 * unfilled.length; // => stats.seats - stats.filled
 * @category Rosters
 */
export interface RosterResult {
  /** The roster. */
  readonly roster: Roster;
  /** `[hard, medium, soft]`: hard is always 0 unless locked or frozen seats break a rule themselves. */
  readonly score: RosterScore;
  /** Hard and medium violations (soft ones: {@link validateRoster}). */
  readonly violations: readonly RosterViolation[];
  /** Penalty per constraint. */
  readonly totals: Readonly<Record<RosterConstraint, number>>;
  /** Every unfilled seat, explained. */
  readonly unfilled: readonly UnfilledSeat[];
  /** Figures. */
  readonly stats: RosterStats;
}

/**
 * Builds a duty roster: constructs one day by day (fixed seats first, then the published roster
 * where it still holds, then leaders before staff, scarcest pools first, each seat to the cheapest
 * feasible person by locality and load), then improves it by late-acceptance hill climbing. No move
 * ever breaks a hard rule (H1–H9); a seat nobody can take is left unfilled and explained (M1); the
 * soft goals S1–S6 are optimized. Deterministic for a seed under an iteration budget. An infeasible
 * problem is not an error: check {@link checkCapacity} first, or read `unfilled`.
 *
 * @param problem - The roster problem.
 * @param options - {@link BuildOptions}: the seed, the iteration budget, limits and progress reports.
 * @returns The roster, its score, its violations, its unfilled seats explained, and figures.
 * @throws {@link FrontlineError} `invalid_input` for invalid options; `invalid_roster` listing every problem of the problem.
 * @example
 * const problem = generateRosterProblem({ size: 'S', seed: 1 });
 * const { score, stats } = buildRoster(problem, { seed: 1 });
 * score[0]; // => 0
 * stats.fillRate > 0.9; // => true
 * @category Rosters
 */
export function buildRoster(problem: RosterProblem, options: BuildOptions = {}): RosterResult {
  const o = parseOrThrow(BuildOptions, options, 'invalid_input', 'build options');
  const started = Date.now();
  const c = compileProblem(problem);
  const st = new RosterState(c);
  const cand = new Candidates(c);
  construct(st, cand);
  const constructionMs = Date.now() - started;
  const constructedScore: RosterScore = [0, neg(st.medium), neg(st.soft)];
  o.onProgress?.({ phase: 'construction', iteration: 0, score: constructedScore, elapsedMs: constructionMs });
  const iterations = o.iterations ?? Math.min(3_000_000, Math.max(50_000, 10 * c.S));
  const searchStart = Date.now();
  const counts = improve(st, cand, {
    seed: o.seed ?? 1,
    iterations,
    deadline: o.timeLimitMs === undefined ? Infinity : started + o.timeLimitMs,
    historyLength: o.historyLength ?? 1,
    progressEvery: o.progressEvery ?? 100_000,
    idleLimit: o.idleLimit ?? Math.max(200_000, 4 * c.S),
    ...(o.onProgress === undefined
      ? {}
      : { onProgress: (p: { iteration: number; medium: number; soft: number }) => o.onProgress?.({ phase: 'search', iteration: p.iteration, score: [0, neg(p.medium), neg(p.soft)], elapsedMs: Date.now() - started }) }),
  });
  const searchMs = Date.now() - searchStart;
  const built = result(c, st, { constructionMs, searchMs, totalMs: 0, counts, constructedScore });
  return withResultSummary({ ...built, stats: { ...built.stats, totalMs: Date.now() - started } }, 'RosterResult');
}

/** @internal Shapes a state into a {@link RosterResult}. */
export function result(
  c: Compiled,
  st: RosterState,
  t: { constructionMs: number; searchMs: number; totalMs: number; counts: SearchCounts; constructedScore: RosterScore },
): RosterResult {
  const checked = evaluate(c, st.assign, false);
  const unfilled = explainUnfilled(c, st);
  let unfilledLeaders = 0;
  for (const u of unfilled) if (u.leader) unfilledLeaders++;
  const fairness = fairnessGroups(c, st);
  return {
    roster: toRoster(c, st.assign),
    score: checked.score,
    violations: checked.violations,
    totals: checked.totals,
    unfilled,
    stats: {
      seats: c.S,
      filled: c.S - unfilled.length,
      // a problem always has a seat (RosterProblem refuses one without): never a full rate of nothing
      fillRate: (c.S - unfilled.length) / c.S,
      unfilledLeaders,
      unfilledStaff: unfilled.length - unfilledLeaders,
      constructionMs: t.constructionMs,
      searchMs: t.searchMs,
      totalMs: t.totalMs,
      evaluations: t.counts.evaluations,
      feasibleMoves: t.counts.feasible,
      acceptedMoves: t.counts.accepted,
      evaluationsPerSecond: t.searchMs === 0 ? 0 : Math.round((t.counts.evaluations * 1000) / t.searchMs),
      constructedScore: t.constructedScore,
      fairness,
      worstSpread: fairness.reduce((m, g) => Math.max(m, g.spread), 0),
    },
  };
}

const neg = (x: number): number => (x === 0 ? 0 : -x);

/** @internal An assignment as a {@link Roster}. */
export function toRoster(c: Compiled, assign: Int32Array): Roster {
  const seats: Record<string, PersonId | null> = {};
  for (let s = 0; s < c.S; s++) {
    const p = assign[s] as number;
    seats[c.seatId(s)] = p < 0 ? null : (c.personIds[p] as PersonId);
  }
  const shifts: Record<string, Shift[]> = {};
  for (const post of c.posts) shifts[post.id] = post.shifts.map((s) => ({ ...s }));
  Object.freeze(seats);
  rememberAssignment(seats, c, Int32Array.from(assign));
  return { startDay: c.problem.startDay, days: c.D, shifts: shifts as Roster['shifts'], seats: seats as RosterSeats };
}

const BLOCK_WORDS: Readonly<Partial<Record<RosterConstraint, Label>>> = {
  H4: { zh: '不可排班', en: 'unavailable' },
  H5: { zh: '当日已有班次', en: 'on another shift' },
  H6: { zh: '休息时间不足', en: 'resting' },
  H7: { zh: '已达连续值班上限', en: 'at the consecutive-days limit' },
  H8: { zh: '已达7天班次上限', en: 'at the 7-day limit' },
};

/** Every unfilled seat with the count of qualified people each hard rule keeps away; explained once per pool, shift (id and time) and role. */
function explainUnfilled(c: Compiled, st: RosterState): UnfilledSeat[] {
  const out: UnfilledSeat[] = [];
  const cache = new Map<string, Omit<UnfilledSeat, 'seat'>>();
  const byPool: number[][] = Array.from({ length: c.poolIds.length }, () => []);
  for (let p = 0; p < c.P; p++) byPool[c.pPool[p] as number]?.push(p);
  for (let s = 0; s < c.S; s++) {
    if (st.assign[s] !== -1) continue;
    const post = c.seatPost[s] as number;
    const pool = c.postPool[post] as number;
    const leader = c.seatSlot[s] === 0;
    // people blocked for some shifts only are blocked by shift id: the id belongs in the key
    const shiftId = c.postShifts[post]?.[c.seatShift[s] as number]?.id ?? '';
    const key = `${pool}|${c.seatStart[s]}|${c.seatEnd[s]}|${shiftId}|${leader ? `L${c.postLeaderRank[post]}${c.postLeaderParty[post]}` : 'S'}|${c.fixed[s]}`;
    let found = cache.get(key);
    if (found === undefined) {
      const blocked: Partial<Record<RosterConstraint, number>> = {};
      let eligibleInPool = 0;
      let free = 0;
      for (const p of byPool[pool] ?? []) {
        const why = st.why(p, s);
        if (why === 1) continue;
        eligibleInPool++;
        if (why === 0) free++;
        else {
          const k = `H${why}` as RosterConstraint;
          blocked[k] = (blocked[k] ?? 0) + 1;
        }
      }
      let eligible = 0;
      let freeElsewhere = 0;
      for (let p = 0; p < c.P; p++) {
        if (leader && (c.pRank[p] as number) < (c.postLeaderRank[post] as number)) continue;
        const why = st.why(p, s);
        if (why === 1) continue;
        eligible++;
        if (why === 0 && c.pPool[p] !== pool) freeElsewhere++;
      }
      const poolName = c.poolNames[pool] ?? '';
      const parts = (Object.entries(blocked) as [RosterConstraint, number][]).map(([k, n]) => ({
        zh: `${n}人${BLOCK_WORDS[k]?.zh ?? k}(${k})`,
        en: `${n} ${BLOCK_WORDS[k]?.en ?? k} (${k})`,
      }));
      const role = leader ? { zh: '带班领导', en: 'leader' } : { zh: '值守人员', en: 'staff' };
      const fixed = c.fixed[s] === 1;
      const reason: Label = fixed
        ? { zh: `席位已锁定或冻结为空缺`, en: `the seat is locked or frozen empty` }
        : {
            zh: `无可用${role.zh}：${poolName}符合条件${eligibleInPool}人${parts.length > 0 ? `，其中${parts.map((x) => x.zh).join('，')}` : ''}${free > 0 ? `，${free}人可排但会违反其他规则` : ''}；其他乡镇可用${freeElsewhere}人`,
            en: `no ${role.en}: of ${eligibleInPool} eligible in ${poolName}${parts.length > 0 ? `, ${parts.map((x) => x.en).join(', ')}` : ''}${free > 0 ? `, ${free} free` : ''}; ${freeElsewhere} free elsewhere`,
          };
      found = { leader, eligibleInPool, blockedInPool: blocked, eligible, reason };
      cache.set(key, found);
    }
    out.push({ seat: c.seatId(s), ...found });
  }
  return out;
}

/** Shift-count spread per group of fully available, interchangeable people. */
function fairnessGroups(c: Compiled, st: RosterState): FairnessGroup[] {
  // the lowest leader rank any post asks for: people at or above it are in the leader role
  let minRank = 4;
  for (let i = 0; i < c.posts.length; i++) minRank = Math.min(minRank, c.postLeaderRank[i] as number);
  const groups = new Map<string, { pool: number; role: string; min: number; max: number; people: number }>();
  for (let p = 0; p < c.P; p++) {
    if (c.availDays[p] !== c.D || c.blockedShifts.size > 0 && hasPartialBlock(c, p)) continue;
    const role = (c.pRank[p] as number) >= minRank ? `leader:${c.pRank[p]}:${c.pParty[p]}` : 'staff';
    const key = `${c.pPool[p]}|${role}`;
    const load = st.load[p] as number;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { pool: c.pPool[p] as number, role, min: load, max: load, people: 1 });
    else {
      g.min = Math.min(g.min, load);
      g.max = Math.max(g.max, load);
      g.people++;
    }
  }
  return [...groups.values()]
    .filter((g) => g.people >= 2)
    .map((g) => ({ poolId: c.poolIds[g.pool] ?? '', role: g.role, people: g.people, min: g.min, max: g.max, spread: g.max - g.min }));
}

function hasPartialBlock(c: Compiled, p: number): boolean {
  for (let d = 0; d < c.D; d++) if (c.blocked[p * c.D + d] !== 0) return true;
  return false;
}
