/**
 * The daily dispatch at full scale: `dailyDispatch(ledger, '2020-02-07')` for the whole county
 * after a simulated fortnight, against a hand-written single pass over the ledger's tables that
 * computes the same figures (`dispatch-hand.ts`), in a child process with a large heap
 * (`dispatch-child.ts`), where the ledger is built once. A second row, for information, times the
 * campaign passes the report makes (`campaignProgressSeries`, each campaign over the day and the day
 * before) against `handProgress` (`ledger-fold.ts`) for the same campaigns and days.
 */
import { runChild } from './child.js';
import type { DispatchReport } from './dispatch-child.js';
import { defineBenchmarks, fmt, median, type BenchResult } from './harness.js';

/** Heap of the child: the ledger after the fortnight takes about 2.5 GB. */
const HEAP_FLAG = '--max-old-space-size=8000';

const num = (n: number): string => n.toLocaleString('en-US');
const spread = (xs: readonly number[]): string => xs.map((x) => fmt(x)).join(', ');

async function dispatchRows(): Promise<BenchResult[]> {
  const out = await runChild<DispatchReport>('dispatch-child.ts', [], { traceGc: false, nodeFlags: [HEAP_FLAG] });
  const r = out.report;
  const ours = median(r.samples.ours);
  const hand = median(r.samples.hand);
  const prog = median(r.samples.progress);
  const handProg = median(r.samples.handProgress);
  const st = r.setup;
  const rc = r.records;
  const t = r.total;
  const n = (key: string): string => num(rc[key] ?? 0);
  const ledger =
    `${num(st.events)} events: the county (${num(st.people)} people, ${num(st.households)} households), the simulated fortnight 2020-01-25 … ${r.day} ` +
    `(${num(st.journal)} events, the four campaigns), ${st.posts} posts with a published roster of ${num(st.seats)} seats (2020-01-26 … ${r.day}, buildRoster without local search, fill rate ${fmt(st.rosterFill)}) ` +
    `and ${num(st.supervisionEvents)} events of supervision and member development on it; no daily reports (${st.reports}). Tables read: ${n('households')} households, ${n('screenings')} screenings, ${n('visits')} visits, ` +
    `${n('letters')} letters, ${n('declarations')} declarations, ${n('observations')} observations, ${n('serviceRequests')} service requests, ${n('sites')} sites, ${n('volunteers')} volunteers, ` +
    `${n('tasks')} tasks, ${n('seats')} seats, ${n('inspections')} inspections, ${n('findings')} findings. Built in ${fmt((st.county + st.register + st.simulate + st.replay + st.roster + st.supervision) / 1000)} s (the child ran ${fmt(out.seconds)} s)`;
  const figures =
    `county ${r.day}: coverage ${t.doorKnocking.screened}/${t.doorKnocking.households}, ${t.doorKnocking.visits} visits, ${t.homePrevention.underObservation} under observation, ` +
    `${t.duty.filled}/${t.duty.seats} seats filled, ${t.supervision.inspections} inspections, ${t.supervision.open} findings open`;
  const sorted = (xs: readonly number[]): string => spread([...xs].sort((a, b) => a - b));
  return [
    {
      name: 'dailyDispatch: full county after a fortnight',
      value: ours,
      unit: 'ms',
      baseline: hand,
      baselineName: 'hand-written single pass',
      ratio: ours / hand,
      ratioOf: 'ours/hand',
      target: { of: 'ratio', op: '<=', limit: 1.5 },
      note:
        `dailyDispatch(ledger, '${r.day}'), no trend, on ${ledger}. ` +
        `Baseline: one pass over each table (Float64Array rows per unit for the day and the day before, every running campaign of a kind at once, rolled up in one sweep). ` +
        `Before timing, ${num(r.compared.numbers)} numbers compared and equal: the county's total and the day before's, the ${r.compared.rows} rows, and every unit's rolled-up figures of the day ` +
        `and of the day before (against dailyDispatch(ledger, '${r.dayBefore}')); ${figures}. The baseline computes none of the report's other parts (movers, the attention list, reporting status, the community epidemic states from ${n('classifications')} classification histories): the library's time includes them. ` +
        `Median of ${r.samples.ours.length} interleaved samples, each call after a full GC (not timed; median ${fmt(median(r.gcMs))} ms). Samples: ours ${sorted(r.samples.ours)} ms; hand ${sorted(r.samples.hand)} ms`,
    },
    {
      name: 'dailyDispatch: its campaign passes',
      value: prog,
      unit: 'ms',
      baseline: handProg,
      baselineName: 'handProgress per campaign and day',
      ratio: prog / handProg,
      ratioOf: 'ours/hand',
      target: null,
      note:
        `the campaign passes dailyDispatch makes: campaignProgressSeries of each campaign running on the day and on the day before, one pass over its tables for both days (${r.progressCalls.join(', ')}), ` +
        `${fmt((100 * prog) / ours)}% of the report's time (the rest, ${fmt(ours - prog)} ms: rosters, supervision, roll-ups and the report's other parts); against handProgress of ledger-fold.ts called for each campaign and day, which reads each big table once per call ` +
        `(${fmt(handProg / hand)}× the single pass). Same rounds; samples: ours ${sorted(r.samples.progress)} ms; hand ${sorted(r.samples.handProgress)} ms`,
    },
  ];
}

export const benchmarks = defineBenchmarks([
  {
    name: 'dailyDispatch vs single-pass',
    description: 'dailyDispatch for the full county after a simulated fortnight against a hand-written single pass over the ledger (child process)',
    run: dispatchRows,
  },
]);
