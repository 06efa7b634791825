/**
 * The baselines of `roster.bench.ts`, written over the library's own compiled problem and O(1) hard
 * checks, so that they differ from `buildRoster` only in how they choose:
 *
 * - {@link firstFit}: a plain first-fit greedy. Seats in time order; each goes to the first person in
 *   problem order for whom `RosterState.why(p, s) === 0` (no hard rule broken), or stays empty.
 * - {@link naiveMoves}: local search the naive way: each move is scored by re-scoring the whole
 *   roster with `evaluate(c, assign, false)`.
 */
import type { RosterProblem } from '../src/index.js';
import { compileProblem, type Compiled } from '../src/roster/compile.js';
import { seatsByStart } from '../src/roster/order.js';
import { RosterState } from '../src/roster/state.js';
import { evaluate } from '../src/roster/validate.js';

/** What {@link firstFit} produced. */
export interface FirstFit {
  readonly c: Compiled;
  /** Person of each seat, -1 when empty. */
  readonly assign: Int32Array;
  readonly filled: number;
  /** Calls of `why`. */
  readonly checks: number;
}

/**
 * Compiles the problem (pass a fresh object: compiled problems are cached per object) and fills it
 * first-fit: no pools, no locality, no lookahead for the leader seats.
 */
export function firstFit(problem: RosterProblem): FirstFit {
  const c = compileProblem(problem);
  const st = new RosterState(c);
  const order = seatsByStart(c);
  const P = c.P;
  let filled = 0;
  let checks = 0;
  for (let i = 0; i < c.S; i++) {
    const s = order[i] as number;
    for (let p = 0; p < P; p++) {
      checks++;
      if (st.why(p, s) === 0) {
        st.add(p, s);
        filled++;
        break;
      }
    }
  }
  return { c, assign: st.assign, filled, checks };
}

/** What {@link naiveMoves} did. */
export interface NaiveRun {
  readonly moves: number;
  readonly accepted: number;
  readonly ms: number;
}

/**
 * `moves` change moves on `assign` (modified in place; kept only when no worse): a random seat to a
 * random person of the post's pool, the whole roster re-scored after each to learn its hard, medium
 * and soft score.
 */
export function naiveMoves(c: Compiled, assign: Int32Array, moves: number, random: () => number): NaiveRun {
  const byPool: number[][] = Array.from({ length: c.poolIds.length }, () => []);
  for (let p = 0; p < c.P; p++) byPool[c.pPool[p] as number]?.push(p);
  let score = evaluate(c, assign, false).score;
  let accepted = 0;
  const t0 = performance.now();
  for (let m = 0; m < moves; ) {
    const s = Math.floor(random() * c.S);
    if (c.fixed[s] === 1) continue;
    m++;
    const pool = byPool[c.postPool[c.seatPost[s] as number] as number] as number[];
    const q = pool[Math.floor(random() * pool.length)] as number;
    const old = assign[s] as number;
    assign[s] = q;
    const next = evaluate(c, assign, false).score;
    if (better(next, score)) {
      score = next;
      accepted++;
    } else assign[s] = old;
  }
  return { moves, accepted, ms: performance.now() - t0 };
}

/** `a` no worse than `b` (lexicographic, higher is better). */
function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) > (b[i] as number);
  return true;
}
