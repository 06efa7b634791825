/**
 * `generateCounty` at full scale, each run in a fresh child process (`county-child.ts`): wall time,
 * peak heap in use and peak RSS, against a baseline that allocates the same number of plain
 * person-shaped objects in a trivial loop (also in a fresh process, interleaved with the real runs).
 */
import { runChild } from './child.js';
import type { ChildReport } from './county-child.js';
import { defineBenchmarks, fmt, median, type BenchResult } from './harness.js';

const RUNS = 3;
const MB = 1e6;
/** 1.5 GB, in decimal megabytes (the stricter reading of "GB"). */
const MEMORY_TARGET_MB = 1500;

interface ChildRun extends ChildReport {
  /** Highest heap in use seen: before each GC (from `--trace-gc`) or right after the call. */
  readonly peakHeap: number;
  /** Number of GCs traced. */
  readonly gcs: number;
}

async function runCounty(args: readonly string[]): Promise<ChildRun> {
  const out = await runChild<ChildReport>('county-child.ts', args);
  return { ...out.report, peakHeap: Math.max(out.peakBeforeGc, out.report.heapAfter), gcs: out.gcs };
}

async function countyRows(): Promise<BenchResult[]> {
  const county: ChildRun[] = [];
  const plain: ChildRun[] = [];
  // Interleaved: county, plain, county, plain, … (the plain baseline needs the county's people count).
  for (let r = 0; r < RUNS; r++) {
    const c = await runCounty(['county']);
    county.push(c);
    plain.push(await runCounty(['plain', String(c.count)]));
  }
  const first = county[0] as ChildRun;
  if (county.some((c) => c.count !== first.count || c.units !== first.units)) throw new Error('generateCounty is not deterministic across runs');

  const sec = (xs: readonly ChildRun[]): number => median(xs.map((x) => x.ms)) / 1000;
  const worst = (xs: readonly ChildRun[], f: (x: ChildRun) => number): number => Math.max(...xs.map(f)) / MB;
  const time = sec(county);
  const timeBase = sec(plain);
  const heap = worst(county, (x) => x.peakHeap);
  const heapBase = worst(plain, (x) => x.peakHeap);
  const rss = worst(county, (x) => x.maxRss);
  const rssBase = worst(plain, (x) => x.maxRss);
  const kept = worst(county, (x) => x.heapRetained - x.heapBefore);
  const keptBase = worst(plain, (x) => x.heapRetained - x.heapBefore);
  const size = `${first.count.toLocaleString('en-US')} people, ${first.units.toLocaleString('en-US')} units`;
  const base = { baselineName: 'plain objects', ratioOf: 'ours/plain' } as const;
  return [
    {
      name: 'generateCounty: time',
      value: time,
      unit: 's',
      baseline: timeBase,
      ...base,
      ratio: time / timeBase,
      target: { of: 'value', op: '<=', limit: 10 },
      note: `${size}; median of ${RUNS} fresh processes (${county.map((c) => fmt(c.ms / 1000)).join(', ')} s); baseline: as many plain person-shaped objects from a trivial loop`,
    },
    {
      name: 'generateCounty: peak heap',
      value: heap,
      unit: 'MB',
      baseline: heapBase,
      ...base,
      ratio: heap / heapBase,
      target: { of: 'value', op: '<=', limit: MEMORY_TARGET_MB },
      note: `heapUsed at its highest (before each of ${first.gcs} GCs, or at the end); worst of ${RUNS} runs; 1 MB = 10^6 bytes`,
    },
    {
      name: 'generateCounty: peak RSS',
      value: rss,
      unit: 'MB',
      baseline: rssBase,
      ...base,
      ratio: rss / rssBase,
      target: { of: 'value', op: '<=', limit: MEMORY_TARGET_MB },
      note: `whole process (Node, tsx loader, heap, code); worst of ${RUNS} runs`,
    },
    {
      name: 'generateCounty: retained heap',
      value: kept,
      unit: 'MB',
      baseline: keptBase,
      ...base,
      ratio: kept / keptBase,
      target: null,
      note: 'heap still in use after a full GC with the result alive, minus the heap before the call',
    },
  ];
}

export const benchmarks = defineBenchmarks([
  {
    name: 'generateCounty full scale',
    description: 'generateCounty() in fresh child processes: wall time, peak heap, peak RSS',
    run: countyRows,
  },
]);
