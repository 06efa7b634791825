/**
 * The benchmark harness: the shape of a benchmark and of its results, timing helpers that compare
 * contenders in the same run (interleaved, warmed up, median of many samples), and the table.
 *
 * A benchmark file is `bench/<topic>.bench.ts` exporting `benchmarks: readonly Benchmark[]`;
 * `bench/run.ts` finds every such file, so adding a file is all it takes.
 *
 * Conventions: targets are compared on ratios measured in the same
 * run; a missed target is reported, never turned into a failing exit code.
 */

/** What a target is about and which way is better. */
export interface Target {
  /** The figure the target applies to: the measured value itself, or the ratio to the baseline. */
  readonly of: 'value' | 'ratio';
  /** `<=`: lower is better; `>=`: higher is better. */
  readonly op: '<=' | '>=';
  /** The limit, in the row's unit (`of: 'value'`) or as a plain number (`of: 'ratio'`). */
  readonly limit: number;
}

/** One row of results: what `bench-results.json` holds, one entry per row. */
export interface BenchResult {
  /** Stable name: results are compared over time by name. */
  readonly name: string;
  /** The measured figure (the library's). */
  readonly value: number;
  /** Unit of `value` and `baseline`: `ms`, `ns/check`, `s`, `MB`, … */
  readonly unit: string;
  /** The same figure for the baseline, measured in the same run; `null` when there is none. */
  readonly baseline: number | null;
  /** What the baseline is. */
  readonly baselineName?: string;
  /** `value / baseline` or `baseline / value`, as `ratioOf` says; `null` without a baseline. */
  readonly ratio: number | null;
  /** How the ratio is formed, e.g. `ours/d3` or `walk/ours`. */
  readonly ratioOf?: string;
  /** The target, or `null` for a row given for information. */
  readonly target: Target | null;
  /** Free text shown under the table: sizes, checksums, spread. */
  readonly note?: string;
}

/** A benchmark: a name to filter on and a function that measures and returns rows. */
export interface Benchmark {
  /** Name shown in the table's section header and matched by `npm run bench -- <filter>`. */
  readonly name: string;
  /** One line on what is measured. */
  readonly description?: string;
  /** Measures; may be async (child processes). Throws when the contenders disagree. */
  run(): Promise<readonly BenchResult[]> | readonly BenchResult[];
}

/** Identity helper that type-checks a file's list of benchmarks. */
export function defineBenchmarks(list: readonly Benchmark[]): readonly Benchmark[] {
  return list;
}

// ---------------------------------------------------------------------------------------------
// keeping results alive

let sink = 0;

/** Folds a number into a process-wide checksum so V8 cannot drop the work that produced it. */
export function consume(x: number): void {
  sink = (sink + x) % 1_000_000_007;
}

/** The checksum of everything consumed so far (printed by the runner). */
export function checksum(): number {
  return sink;
}

// ---------------------------------------------------------------------------------------------
// statistics

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Linear-interpolated quantile of a non-empty list. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new RangeError('bench: quantile of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

// ---------------------------------------------------------------------------------------------
// timing

/** A function under test: does the work once and returns a number derived from its result. */
export interface Contender {
  readonly label: string;
  readonly fn: () => number;
}

/** Timing of one contender. */
export interface Timing {
  readonly label: string;
  /** Median time per call, in milliseconds. */
  readonly median: number;
  /** First and third quartiles per call, in milliseconds. */
  readonly q1: number;
  readonly q3: number;
  /** Calls per sample (batched so a sample lasts at least `minSampleMs`). */
  readonly batch: number;
  /** Number of samples. */
  readonly samples: number;
  /** The last value the function returned (for agreement checks). */
  readonly last: number;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  /** Samples per contender. */
  readonly samples: number;
  /** Warm-up time per contender before measuring (also used to size batches). */
  readonly warmupMs: number;
  /** Minimum duration of one sample; calls are batched to reach it. */
  readonly minSampleMs: number;
  /** Minimum number of warm-up calls, whatever the time. */
  readonly minWarmupCalls?: number;
}

/**
 * Times several contenders in the same run: each is warmed up (which also sizes its batch), then
 * samples are taken round-robin with the order rotated each round, so drift of a shared machine
 * (frequency, neighbours, GC of earlier work) falls on all contenders alike. Returns per-call times.
 */
export function compare(contenders: readonly Contender[], options: CompareOptions): Timing[] {
  const batches = contenders.map((c) => warmUp(c, options));
  const times: number[][] = contenders.map(() => []);
  const last: number[] = contenders.map(() => 0);
  for (let round = 0; round < options.samples; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const j = (k + round) % contenders.length;
      const c = contenders[j] as Contender;
      const batch = batches[j] as number;
      let acc = 0;
      const t0 = performance.now();
      for (let b = 0; b < batch; b++) acc += c.fn();
      const dt = performance.now() - t0;
      consume(acc);
      last[j] = acc / batch;
      (times[j] as number[]).push(dt / batch);
    }
  }
  return contenders.map((c, j) => {
    const ts = times[j] as number[];
    return {
      label: c.label,
      median: median(ts),
      q1: quantile(ts, 0.25),
      q3: quantile(ts, 0.75),
      batch: batches[j] as number,
      samples: ts.length,
      last: last[j] as number,
    };
  });
}

function warmUp(c: Contender, options: CompareOptions): number {
  const minCalls = options.minWarmupCalls ?? 3;
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (calls < minCalls || elapsed < options.warmupMs) {
    consume(c.fn());
    calls++;
    elapsed = performance.now() - t0;
  }
  const perCall = elapsed / calls;
  return Math.max(1, Math.ceil(options.minSampleMs / Math.max(perCall, 1e-6)));
}

// ---------------------------------------------------------------------------------------------
// presentation

/** Whether a row meets its target; `undefined` when it has none (or no ratio to judge). */
export function meets(r: BenchResult): boolean | undefined {
  if (r.target === null) return undefined;
  const x = r.target.of === 'ratio' ? r.ratio : r.value;
  if (x === null) return undefined;
  return r.target.op === '<=' ? x <= r.target.limit : x >= r.target.limit;
}

/** A number with about three significant digits, without exponent for common magnitudes. */
export function fmt(x: number | null): string {
  if (x === null) return '–';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (Number.isInteger(x)) return a >= 1000 ? x.toLocaleString('en-US') : String(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a >= 0.01) return x.toFixed(3);
  return x.toPrecision(2);
}

/** The target as text: `ratio ≤ 1`, `value ≤ 10 s`. */
export function targetText(r: BenchResult): string {
  if (r.target === null) return '–';
  const op = r.target.op === '<=' ? '≤' : '≥';
  return r.target.of === 'ratio' ? `${r.ratioOf ?? 'ratio'} ${op} ${fmt(r.target.limit)}` : `${op} ${fmt(r.target.limit)} ${r.unit}`;
}

/** A plain-text table of rows, with their notes listed below it unless `notes` is false. */
export function table(rows: readonly BenchResult[], notes = true): string {
  const head = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'met (info)'];
  const body = rows.map((r) => {
    const m = meets(r);
    return [
      r.name,
      fmt(r.value),
      r.unit,
      r.baseline === null ? '–' : `${fmt(r.baseline)}${r.baselineName === undefined ? '' : ` (${r.baselineName})`}`,
      r.ratio === null ? '–' : `${fmt(r.ratio)}${r.ratioOf === undefined ? '' : ` ${r.ratioOf}`}`,
      targetText(r),
      m === undefined ? '–' : m ? 'yes' : 'MISSED',
    ];
  });
  const widths = head.map((h, c) => Math.max(width(h), ...body.map((row) => width(row[c] as string))));
  const right = new Set([1, 3, 4]);
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (right.has(c) ? pad(cell, widths[c] as number, 'left') : pad(cell, widths[c] as number, 'right'))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const noteLines = notes ? rows.filter((r) => r.note !== undefined).map((r) => `  · ${r.name}: ${r.note}`) : [];
  if (noteLines.length > 0) out.push('', ...noteLines);
  return out.join('\n');
}

/** Display width: CJK and full-width characters count double. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    w += cp >= 0x1100 && /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  }
  return w;
}

function pad(s: string, w: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return side === 'left' ? fill + s : s + fill;
}
