/**
 * The ledger at full scale: `replay` of 1M events of the simulated county
 * against a hand-written mutable fold, `apply` of one event to the full-scale ledger, and
 * `campaignProgress` against a hand-written single pass, all measured in one child process
 * (`ledger-child.ts timing`) that builds the simulated fortnight once; and the peak heap of building
 * that ledger, in a second, fresh child (`ledger-child.ts heap`). The baselines are in
 * `ledger-fold.ts`.
 *
 * The timing child runs only the parts whose benchmark the run's filters select, so
 * `npm run bench -- apply` does not time the replays.
 */
import { runChild, type ChildOutput } from './child.js';
import { defineBenchmarks, fmt, median, quantile, type BenchResult } from './harness.js';
import type { ApplyReport, HeapReport, Part, ProgressReport, ReplayReport, TimingReport } from './ledger-child.js';

const FILE = 'ledger';
const MB = 1e6;
/** Heap of the children: the full ledger, the journal and a replay in progress take 3–4 GB. */
const HEAP_FLAG = '--max-old-space-size=8000';

const NAMES = {
  replay: 'replay vs hand-written fold',
  apply: 'apply one event to the full-scale ledger',
  progress: 'campaignProgress vs single-pass',
  heap: 'peak heap after a simulated fortnight',
} as const;

// ---------------------------------------------------------------------------------------------
// children

function runLedgerChild<R>(args: readonly string[], traceGc: boolean): Promise<ChildOutput<R>> {
  return runChild<R>('ledger-child.ts', args, { traceGc, nodeFlags: [HEAP_FLAG] });
}

/** The parts of the timing child that this run's filters select (the rule of `run.ts`). */
function selectedParts(): Part[] {
  const filters = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('--'))
    .map((a) => a.toLowerCase());
  const parts: Part[] = ['replay', 'apply', 'progress'];
  return parts.filter((p) => filters.length === 0 || filters.some((f) => NAMES[p].toLowerCase().includes(f) || FILE.includes(f)));
}

let timingMemo: { parts: readonly Part[]; run: Promise<ChildOutput<TimingReport>> } | undefined;

/** The timing child's report, started once for every selected part. */
function timing(part: Part): Promise<ChildOutput<TimingReport>> {
  if (timingMemo === undefined || !timingMemo.parts.includes(part)) {
    const wanted = new Set<Part>([...selectedParts(), part]);
    const parts = (['replay', 'apply', 'progress'] as const).filter((p) => wanted.has(p));
    timingMemo = { parts, run: runLedgerChild<TimingReport>(['timing', parts.join(',')], false) };
  }
  return timingMemo.run;
}

function partOf<T extends object>(value: T | { readonly error: string } | undefined, name: string): T {
  if (value === undefined) throw new Error(`the timing child did not run ${name}`);
  if ('error' in value) throw new Error(`${name} failed in the child process:\n${value.error}`);
  return value;
}

const num = (n: number): string => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// rows

async function replayRows(): Promise<BenchResult[]> {
  const { report } = await timing('replay');
  const r = partOf<ReplayReport>(report.replay, 'replay');
  const perEvent = (ms: number): number => (ms * 1000) / r.events;
  const rate = (ms: number): string => `${num(Math.round(r.events / (ms / 1000)))} events/s`;
  const trusted = median(r.trusted);
  const validated = median(r.validated);
  const fold = median(r.fold);
  const maps = median(r.foldBase);
  const c = r.counts;
  const events = `${num(r.events)} events${r.journalLength > r.events ? ` (the first ${num(r.events)} of the ${num(r.journalLength)}-event simulated fortnight)` : ''} replayed onto the full-scale register`;
  const spread = (xs: readonly number[]): string => xs.map((x) => fmt(x / 1000)).join(', ');
  const base = { unit: 'µs/event', baselineName: 'hand-written fold', ratioOf: 'ours/fold' } as const;
  return [
    {
      name: 'replay 1M events (trusted) vs fold',
      value: perEvent(trusted),
      baseline: perEvent(fold),
      ratio: trusted / fold,
      ...base,
      target: { of: 'ratio', op: '<=', limit: 1.5 },
      note:
        `${events}; ours ${rate(trusted)} (${fmt(trusted / 1000)} s), fold ${rate(fold)} (${fmt(fold / 1000)} s); median of ${r.trusted.length} interleaved samples, each after a full GC ` +
        `(ours ${spread(r.trusted)} s; fold ${spread(r.fold)} s). The fold reads people, households, units and event ids from lookup Maps built from the base before timing, ` +
        `as ours gets its base's tables ready-made; building them takes ${fmt(maps)} ms, and with it the ratio is ${fmt(trusted / (fold + maps))}. ` +
        `Same records checked one by one (${num(r.recordsCompared)}): ${num(c.visits)} visits, ${num(c.screenings)} screenings (${num(c.screened)} screened), ${num(c.letters)} letters, ` +
        `${num(c.observations)} observations with ${num(c.readings)} readings (${c.escalated} escalated, ${c.ended} ended), ${num(c.tasks)} tasks, ${num(c.signUps)} sign-ups, ${num(c.attended)} attendances, ${num(c.hours)} hours`,
    },
    {
      name: 'replay 1M events (trusted) vs fold on the same tables',
      value: perEvent(trusted),
      ...base,
      baseline: perEvent(median(r.foldOnTables)),
      baselineName: 'hand-written fold reading the base tables',
      ratio: trusted / median(r.foldOnTables),
      target: { of: 'ratio', op: '<=', limit: 1.5 },
      note: `the same fold, reading people, households and event ids through tableGet on the base ledger's own tables instead of lookup Maps built first: the input the library gets (samples ${spread(r.foldOnTables)} s)`,
    },
    {
      name: 'replay 1M events (validated) vs fold',
      value: perEvent(validated),
      baseline: perEvent(fold),
      ratio: validated / fold,
      ...base,
      target: null,
      note: `replay(journal, base) with zod shape validation; ${rate(validated)} (${fmt(validated / 1000)} s; samples ${spread(r.validated)} s); the fold validates no shapes (information only)`,
    },
  ];
}

async function applyRows(): Promise<BenchResult[]> {
  const { report } = await timing('apply');
  const a = partOf<ApplyReport>(report.apply, 'apply');
  const types = Object.entries(a.byType);
  const distinct = types.reduce((s, [, n]) => s + n, 0);
  const byType = Object.entries(a.typeMedians)
    .sort((x, y) => y[1] - x[1])
    .map(([t, us]) => `${t} ${fmt(us)}`)
    .join(', ');
  const where = `${distinct} distinct valid single events (${types.length} types) each applied to the same ledger of ${num(a.ledgerEvents)} events (the whole simulated fortnight, last day ${a.day}), ${a.passes} passes in shuffled order`;
  return [
    {
      name: 'apply one event: median',
      value: median(a.validated),
      unit: 'µs',
      baseline: null,
      ratio: null,
      target: { of: 'value', op: '<=', limit: 100 },
      note: `${where}; apply(ledger, [event]) with shape validation; median µs by type: ${byType}`,
    },
    {
      name: 'apply one event: p90',
      value: quantile(a.validated, 0.9),
      unit: 'µs',
      baseline: null,
      ratio: null,
      target: null,
      note: `p99 ${fmt(quantile(a.validated, 0.99))} µs, max ${fmt(Math.max(...a.validated))} µs (GC pauses included)`,
    },
    {
      name: 'apply one event (trusted): median',
      value: median(a.trusted),
      unit: 'µs',
      baseline: null,
      ratio: null,
      target: null,
      note: `{ trusted: true }, interleaved with the validated calls; p90 ${fmt(quantile(a.trusted, 0.9))} µs; building the ledger (replay of the whole journal, trusted) took ${fmt(a.fullReplayMs / 1000)} s`,
    },
  ];
}

async function progressRows(): Promise<BenchResult[]> {
  const { report } = await timing('progress');
  const p = partOf<ProgressReport>(report.progress, 'progress');
  const base = { unit: 'ms', baselineName: 'hand-written pass', ratioOf: 'ours/hand' } as const;
  const rows: BenchResult[] = p.rows.map((r) => ({
    name: `campaignProgress ${r.kind} (${r.campaignId})`,
    value: r.ours.median,
    baseline: r.hand.median,
    ratio: r.ours.median / r.hand.median,
    ...base,
    target: { of: 'ratio', op: '<=', limit: 1.5 },
    note:
      `${p.day}, ${r.units} covered units; totals, own and rolled-up figures of every unit equal; total ${JSON.stringify(r.total)}; ` +
      `median of ${r.ours.samples} samples; IQR ours ${fmt(r.ours.q1)}–${fmt(r.ours.q3)} ms, hand ${fmt(r.hand.q1)}–${fmt(r.hand.q3)} ms`,
  }));
  const ours = p.rows.reduce((s, r) => s + r.ours.median, 0);
  const hand = p.rows.reduce((s, r) => s + r.hand.median, 0);
  rows.push({
    name: 'campaignProgress: all four campaigns',
    value: ours,
    baseline: hand,
    ratio: ours / hand,
    ...base,
    target: { of: 'ratio', op: '<=', limit: 1.5 },
    note: 'sum of the four medians above (the whole county, every campaign)',
  });
  return rows;
}

async function heapRows(): Promise<BenchResult[]> {
  const out = await runLedgerChild<HeapReport>(['heap'], true);
  const h = out.report;
  const peak = Math.max(out.peakBeforeGc, h.heapAfter);
  const ledger = h.heapLedger - h.heapBefore;
  const maps = h.heapFold - h.heapBefore;
  const build = `county, register, simulateCampaigns (${num(h.journal)} events) and replay: ${num(h.ledgerEvents)} events, built in ${fmt(h.buildMs / 1000)} s`;
  return [
    {
      name: 'fortnight ledger: peak heap',
      value: peak / MB,
      unit: 'MB',
      baseline: null,
      ratio: null,
      target: null,
      note: `${build}; heapUsed at its highest (before each of ${out.gcs} GCs, or at the end), garbage included; peak live heap (after a full GC: the traced mark-compacts, or the forced one at the end with ledger, journal and base alive) ${fmt(Math.max(out.peakLive, h.heapAll) / MB)} MB; one fresh process with ${HEAP_FLAG}; 1 MB = 10^6 bytes`,
    },
    {
      name: 'fortnight ledger: peak RSS',
      value: h.maxRss / MB,
      unit: 'MB',
      baseline: null,
      ratio: null,
      target: null,
      note: 'whole process (Node, tsx loader, heap, code) at the end of the build',
    },
    {
      name: 'fortnight ledger: retained heap',
      value: ledger / MB,
      unit: 'MB',
      baseline: maps / MB,
      baselineName: 'same records in Maps',
      ratio: ledger / maps,
      ratioOf: 'ours/maps',
      target: null,
      note:
        `heap in use after a full GC with only the final ledger alive (and its base, which shares the register), minus the loaded program; of it the register (base alone) ${fmt((h.heapBase - h.heapBefore) / MB)} MB; ` +
        `with the journal also alive ${fmt((h.heapAll - h.heapBefore) / MB)} MB. Baseline: the hand-written fold of the same journal (people and households in lookup Maps, records in Maps), alone after a full GC`,
    },
  ];
}

export const benchmarks = defineBenchmarks([
  {
    name: NAMES.replay,
    description: 'replay of 1M simulated events onto the full-scale register, trusted and validated, against a hand-written mutable fold (child process)',
    run: replayRows,
  },
  {
    name: NAMES.apply,
    description: 'apply of single events to the ledger after the simulated fortnight: median and p90 (child process)',
    run: applyRows,
  },
  {
    name: NAMES.progress,
    description: 'campaignProgress of the four simulated campaigns on the last day against a hand-written single pass (child process)',
    run: progressRows,
  },
  {
    name: NAMES.heap,
    description: 'peak heap, peak RSS and retained heap of building the full-scale ledger after a simulated fortnight (fresh child process)',
    run: heapRows,
  },
]);
