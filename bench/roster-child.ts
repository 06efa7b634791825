/**
 * Child process of `roster.bench.ts`: one roster generated and solved in a fresh process, so that
 * its peak heap and RSS are its own.
 *
 *   node --expose-gc --trace-gc --import tsx bench/roster-child.ts build <S|M|L>
 *   node --expose-gc --trace-gc --import tsx bench/roster-child.ts firstfit <S|M|L>
 *
 * `build` runs `generateRosterProblem({ size })` and `buildRoster(problem)` with default options;
 * `firstfit` is the baseline: the same problem compiled and filled by the plain first-fit greedy of
 * `roster-firstfit.ts`. Prints one line `@@result {json}`. The parent reads the peak heap from the
 * `--trace-gc` lines (heap in use just before each GC) and the samples printed here; the peak RSS
 * comes from `process.resourceUsage().maxRSS`.
 */
import { buildRoster, generateRosterProblem } from '../src/index.js';
import { evaluate } from '../src/roster/validate.js';
import { firstFit } from './roster-firstfit.js';

/** What the child reports (bytes and milliseconds). */
export interface RosterChildReport {
  readonly mode: 'build' | 'firstfit';
  readonly size: 'S' | 'M' | 'L';
  readonly seats: number;
  readonly people: number;
  /** Wall time of `generateRosterProblem`. */
  readonly generateMs: number;
  /** Wall time of the solve (`buildRoster` or compile + first-fit). */
  readonly solveMs: number;
  /** `stats.constructionMs` and `stats.searchMs` of the build (0 for first-fit). */
  readonly constructionMs: number;
  readonly searchMs: number;
  readonly fillRate: number;
  /** Hard score of the result, checked by `evaluate`: must be 0. */
  readonly hard: number;
  /** heapUsed after a full GC before generating (the loaded program). */
  readonly heapBefore: number;
  /** heapUsed right after the solve, before any forced GC. */
  readonly heapAfter: number;
  /** heapUsed after a full GC with the problem and the result still referenced. */
  readonly heapRetained: number;
  /** Memory of ArrayBuffers (typed arrays' contents live outside the heap) right after the solve. */
  readonly arrayBuffers: number;
  /** Peak resident set size of the whole process. */
  readonly maxRss: number;
}

function main(): void {
  const mode = process.argv[2];
  const size = process.argv[3];
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('roster-child: run with --expose-gc');
  if (mode !== 'build' && mode !== 'firstfit') throw new Error(`roster-child: unknown mode '${String(mode)}' (build | firstfit)`);
  if (size !== 'S' && size !== 'M' && size !== 'L') throw new Error(`roster-child: unknown size '${String(size)}' (S | M | L)`);

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const problem = generateRosterProblem({ size });
  const generateMs = performance.now() - t0;
  const t1 = performance.now();
  let out: { seats: number; fillRate: number; hard: number; constructionMs: number; searchMs: number; keep: unknown };
  if (mode === 'build') {
    const r = buildRoster(problem);
    out = { seats: r.stats.seats, fillRate: r.stats.fillRate, hard: r.score[0], constructionMs: r.stats.constructionMs, searchMs: r.stats.searchMs, keep: r };
  } else {
    const f = firstFit(problem);
    out = { seats: f.c.S, fillRate: f.filled / f.c.S, hard: Number.NaN, constructionMs: 0, searchMs: 0, keep: f };
  }
  const solveMs = performance.now() - t1;
  const { heapUsed: heapAfter, arrayBuffers } = process.memoryUsage();
  gc();
  const heapRetained = process.memoryUsage().heapUsed;
  // checked after the measurement, on the result kept alive through the GC
  let hard = out.hard;
  if (mode === 'firstfit') {
    const f = out.keep as ReturnType<typeof firstFit>;
    hard = evaluate(f.c, f.assign, false).score[0];
  }
  const report: RosterChildReport = {
    mode,
    size,
    seats: out.seats,
    people: problem.people.length,
    generateMs,
    solveMs,
    constructionMs: out.constructionMs,
    searchMs: out.searchMs,
    fillRate: out.fillRate,
    hard,
    heapBefore,
    heapAfter,
    heapRetained,
    arrayBuffers,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`@@result ${JSON.stringify(report)}\n`);
}

main();
