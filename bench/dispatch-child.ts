/**
 * Child process of `dispatch.bench.ts`: the full-county ledger after a simulated fortnight needs a
 * few GB of heap and half a minute to build, so the measurement runs in a fresh process with a
 * larger heap.
 *
 *   node --expose-gc --max-old-space-size=8000 --import tsx bench/dispatch-child.ts
 *
 * It builds the ledger (`simulatedFortnight()` of `fixtures.ts` replayed, then the county's posts,
 * a duty roster of 2020-01-26 … 2020-02-07 published and a fortnight of supervision on it), checks
 * that `dailyDispatch(ledger, day)` and the hand-written pass of `dispatch-hand.ts` agree on every
 * number (the county's total and the day before's, every township's row, every unit's rolled-up
 * figures of the day, and of the day before against `dailyDispatch(ledger, dayBefore)`), then times,
 * interleaved and each call after a full GC:
 * - `dailyDispatch(ledger, day)` (no trend);
 * - `handDispatch(ledger, day)`;
 * - the campaign passes `dailyDispatch` makes (`campaignProgressSeries` of each campaign over the day
 *   and the day before), and `handProgress` of `ledger-fold.ts` for the same campaigns and days:
 *   where the report's time goes.
 *
 * Progress goes to stderr as `@@progress <text>` lines; the result is one stdout line `@@result {json}`.
 */
import {
  buildRoster,
  campaignProgressSeries,
  countyPosts,
  dailyDispatch,
  ledgerTree,
  replay,
  rosterProblemFromLedger,
  simulateAdmissions,
  simulateSupervision,
  tableForEach,
  type CampaignId,
  type Day,
  type DispatchSummary,
  type EventId,
  type Instant,
  type Ledger,
  type LedgerEvent,
  type OrgUnit,
  type RecordId,
} from '../src/index.js';
import { FIGURES, handDispatch, summaryAt, summaryDifferences } from './dispatch-hand.js';
import { simulatedFortnight } from './fixtures.js';
import { handProgress } from './ledger-fold.js';

/** The report's day and the day before. */
export const DISPATCH_DAY = '2020-02-07' as Day;
export const DAY_BEFORE = '2020-02-06' as Day;
/** The roster's (and the supervision's) first day and length: 2020-01-26 … 2020-02-07. */
const ROSTER_START = '2020-01-26' as Day;
const ROSTER_DAYS = 13;

export interface DispatchReport {
  readonly day: Day;
  readonly dayBefore: Day;
  /** How the ledger was built: wall times (ms) and sizes. */
  readonly setup: {
    readonly county: number;
    readonly register: number;
    readonly simulate: number;
    readonly replay: number;
    readonly roster: number;
    readonly supervision: number;
    readonly people: number;
    readonly households: number;
    readonly journal: number;
    readonly events: number;
    readonly posts: number;
    readonly seats: number;
    readonly rosterFill: number;
    readonly supervisionEvents: number;
    readonly reports: number;
  };
  /** Records in the tables the report reads. */
  readonly records: Readonly<Record<string, number>>;
  /** What the agreement check compared. */
  readonly compared: { readonly summaries: number; readonly numbers: number; readonly rows: number; readonly units: number };
  readonly hasData: boolean;
  readonly total: DispatchSummary;
  /** `(campaign, day)` pairs the report reads, in one campaignProgressSeries per campaign. */
  readonly progressCalls: readonly string[];
  /** Wall time of each sample, ms. */
  readonly samples: { readonly ours: readonly number[]; readonly hand: readonly number[]; readonly progress: readonly number[]; readonly handProgress: readonly number[] };
  /** Full GCs before the samples, ms. */
  readonly gcMs: readonly number[];
}

function progress(msg: string): void {
  process.stderr.write(`@@progress ${msg}\n`);
}

function gc(): number {
  const g = globalThis.gc;
  if (g === undefined) throw new Error('dispatch-child: run with --expose-gc');
  const t0 = performance.now();
  g();
  return performance.now() - t0;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const num = (n: number): string => n.toLocaleString('en-US');

/** The full county after a simulated fortnight, with a published duty roster and supervision. */
function build(): { ledger: Ledger; setup: DispatchReport['setup'] } {
  const f = simulatedFortnight();
  progress(`setup: county ${s(f.ms.county)}, register ${s(f.ms.register)}, simulation ${s(f.ms.simulate)} (${num(f.journal.length)} events)`);
  let t = performance.now();
  const campaigns = replay(f.journal, f.base, { trusted: true });
  const replayMs = performance.now() - t;
  progress(`setup: replay ${s(replayMs)}`);

  t = performance.now();
  const command = campaigns.command;
  if (command === null) throw new Error('the simulated county has no command structure');
  const by = command.headquarters.commander;
  const posts = countyPosts(campaigns.units);
  const opened = replay(
    posts.map((post, i): LedgerEvent => ({ type: 'postOpened', id: `bench-post-${i}` as EventId, at: '2020-01-25T09:00:00+08:00' as Instant, by, post })),
    campaigns,
    { trusted: true },
  );
  const problem = rosterProblemFromLedger(opened, { startDay: ROSTER_START, days: ROSTER_DAYS });
  const built = buildRoster(problem, { iterations: 0 });
  const published = replay(
    [{ type: 'rosterPublished', id: 'bench-roster-1' as EventId, at: '2020-01-25T18:00:00+08:00' as Instant, by, rosterId: 'r1' as RecordId, roster: built.roster }],
    opened,
    { trusted: true },
  );
  const rosterMs = performance.now() - t;
  progress(`setup: ${posts.length} posts, roster of ${num(built.stats.seats)} seats (fill rate ${built.stats.fillRate.toFixed(3)}) ${s(rosterMs)}`);

  t = performance.now();
  const supervision = [
    ...simulateSupervision(published, { rosterId: 'r1', startDay: ROSTER_START, days: ROSTER_DAYS }),
    ...simulateAdmissions(published, { startDay: ROSTER_START, days: ROSTER_DAYS }),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const ledger = replay(supervision, published, { trusted: true });
  const supervisionMs = performance.now() - t;
  progress(`setup: supervision and member development, ${num(supervision.length)} events (${num(ledger.admissions.size)} admission cases) ${s(supervisionMs)}`);
  return {
    ledger,
    setup: {
      ...f.ms,
      replay: replayMs,
      roster: rosterMs,
      supervision: supervisionMs,
      people: f.people,
      households: f.households,
      journal: f.journal.length,
      events: ledger.eventCount,
      posts: posts.length,
      seats: built.stats.seats,
      rosterFill: built.stats.fillRate,
      supervisionEvents: supervision.length,
      reports: ledger.reports.size,
    },
  };
}

/** Every number of the report's total, previous, rows and units against the baseline; throws on the first differences. */
function check(ledger: Ledger): { compared: DispatchReport['compared']; hasData: boolean; total: DispatchSummary } {
  const tree = ledgerTree(ledger);
  const ours = dailyDispatch(ledger, DISPATCH_DAY);
  const hand = handDispatch(ledger, DISPATCH_DAY);
  const diffs: string[] = [];
  let summaries = 0;
  const compare = (label: string, a: DispatchSummary, b: DispatchSummary): void => {
    summaries++;
    if (diffs.length < 20) diffs.push(...summaryDifferences(label, a, b));
  };
  if (ours.hasData !== hand.hasData) diffs.push(`hasData: ours ${ours.hasData}, hand-written ${hand.hasData}`);
  compare('total', ours.total, hand.total);
  if ((ours.previous === null) !== (hand.previous === null)) diffs.push(`previous: ours ${ours.previous === null ? 'none' : 'some'}, hand-written ${hand.previous === null ? 'none' : 'some'}`);
  else if (ours.previous !== null && hand.previous !== null) compare('previous', ours.previous, hand.previous);
  if (ours.rows.length !== hand.rows.length) diffs.push(`rows: ours ${ours.rows.length}, hand-written ${hand.rows.length}`);
  ours.rows.forEach((row, k) => {
    const h = hand.rows[k];
    if (h === undefined || h.unitId !== row.unit.id) diffs.push(`row ${k}: ours ${row.unit.id}, hand-written ${h?.unitId ?? 'none'}`);
    else compare(`row ${row.unit.id}`, row.summary, h.summary);
  });
  // every unit, the day (the report's byUnit) and the day before (the report of that day)
  const before = dailyDispatch(ledger, DAY_BEFORE);
  if (ours.previous !== null) compare('previous vs the report of the day before', ours.previous, before.total);
  if (ours.byUnit.size !== tree.units.length) diffs.push(`byUnit: ${ours.byUnit.size} units, the tree has ${tree.units.length}`);
  tree.units.forEach((u: OrgUnit, i) => {
    const a = ours.byUnit.get(u.id);
    const b = before.byUnit.get(u.id);
    if (a === undefined || b === undefined) diffs.push(`unit ${u.id}: missing from a report`);
    else {
      compare(`unit ${u.id} (${DISPATCH_DAY})`, a, summaryAt(hand.day, i));
      compare(`unit ${u.id} (${DAY_BEFORE})`, b, summaryAt(hand.before, i));
    }
  });
  if (diffs.length > 0) throw new Error(`dailyDispatch(ledger, '${DISPATCH_DAY}') and the hand-written pass disagree:\n  ${diffs.slice(0, 20).join('\n  ')}`);
  return { compared: { summaries, numbers: summaries * FIGURES, rows: ours.rows.length, units: tree.units.length }, hasData: ours.hasData, total: ours.total };
}

function records(ledger: Ledger): Record<string, number> {
  let seats = 0;
  tableForEach(ledger.rosters, (r) => (seats += r.seats.length));
  return {
    households: ledger.households.size,
    screenings: ledger.screenings.size,
    visits: ledger.visits.size,
    letters: ledger.letters.size,
    declarations: ledger.declarations.size,
    observations: ledger.observations.size,
    serviceRequests: ledger.serviceRequests.size,
    sites: ledger.sites.size,
    volunteers: ledger.volunteers.size,
    tasks: ledger.tasks.size,
    seats,
    inspections: ledger.inspections.size,
    findings: ledger.findings.size,
    classifications: ledger.classifications.size,
  };
}

function main(): void {
  const rounds = Number(process.env['DISPATCH_BENCH_ROUNDS'] ?? '7');
  const { ledger, setup } = build();
  const agreed = check(ledger);
  progress(`check: ${num(agreed.compared.numbers)} numbers equal (${agreed.compared.summaries} summaries: total, day before, ${agreed.compared.rows} rows, ${agreed.compared.units} units × 2 days)`);

  // the campaign passes dailyDispatch makes: every campaign running on the day and on the day before, in one series each
  const calls: { id: CampaignId; day: Day }[] = [];
  for (const d of [DISPATCH_DAY, DAY_BEFORE])
    tableForEach(ledger.campaigns, (c) => {
      if (d >= c.startDay && (c.endDay === undefined || d <= c.endDay)) calls.push({ id: c.id, day: d });
    });

  const expected = agreed.total.doorKnocking.screened + agreed.total.homePrevention.underObservation;
  const contenders: { label: string; fn: () => number; times: number[] }[] = [
    {
      label: 'dailyDispatch',
      fn: () => {
        const r = dailyDispatch(ledger, DISPATCH_DAY);
        return r.total.doorKnocking.screened + r.total.homePrevention.underObservation;
      },
      times: [],
    },
    {
      label: 'hand-written',
      fn: () => {
        const r = handDispatch(ledger, DISPATCH_DAY);
        return r.total.doorKnocking.screened + r.total.homePrevention.underObservation;
      },
      times: [],
    },
    {
      label: 'campaignProgressSeries calls',
      fn: () => {
        let units = 0;
        const byCampaign = new Map<CampaignId, Day[]>();
        for (const c of calls) byCampaign.set(c.id, [...(byCampaign.get(c.id) ?? []), c.day]);
        for (const [id, days] of byCampaign) for (const p of campaignProgressSeries(ledger, id, days)) units += p.byUnit.size;
        return units;
      },
      times: [],
    },
    {
      label: 'handProgress calls',
      fn: () => {
        let units = 0;
        for (const c of calls) units += handProgress(ledger, c.id, c.day).byUnit.size;
        return units;
      },
      times: [],
    },
  ];
  // warm-up: one call each (the agreement check was a first one for the report and the baseline)
  const answers = contenders.map((c) => c.fn());
  if (answers[0] !== expected || answers[1] !== expected || answers[2] !== answers[3]) throw new Error(`contenders disagree in the warm-up: ${answers.join(', ')} (expected ${expected})`);
  progress(`warm-up done; ${rounds} rounds of ${contenders.length} contenders, each call after a full GC`);
  const gcMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const line: string[] = [];
    for (let k = 0; k < contenders.length; k++) {
      const j = (k + round) % contenders.length;
      const c = contenders[j] as (typeof contenders)[number];
      gcMs.push(gc());
      const t0 = performance.now();
      const answer = c.fn();
      const dt = performance.now() - t0;
      if (answer !== answers[j]) throw new Error(`${c.label} answered ${answer}, then ${answers[j]}`);
      c.times.push(dt);
      line.push(`${c.label} ${dt.toFixed(0)} ms`);
    }
    progress(`round ${round + 1}/${rounds}: ${line.join(', ')}`);
  }
  const [ours, hand, prog, handProg] = contenders.map((c) => c.times) as [number[], number[], number[], number[]];
  const report: DispatchReport = {
    day: DISPATCH_DAY,
    dayBefore: DAY_BEFORE,
    setup,
    records: records(ledger),
    compared: agreed.compared,
    hasData: agreed.hasData,
    total: agreed.total,
    progressCalls: calls.map((c) => `${c.id} ${c.day}`),
    samples: { ours, hand, progress: prog, handProgress: handProg },
    gcMs,
  };
  process.stdout.write(`@@result ${JSON.stringify(report)}\n`);
}

main();
