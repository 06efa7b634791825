/**
 * Child process of `ledger.bench.ts`: the full-scale ledger needs a few GB of heap and a minute to
 * build, so its measurements run in a fresh process with a larger heap.
 *
 *   node --expose-gc --max-old-space-size=8000 --import tsx bench/ledger-child.ts timing replay,apply,progress
 *   node --expose-gc --trace-gc --max-old-space-size=8000 --import tsx bench/ledger-child.ts heap
 *
 * `timing` builds the simulated fortnight once (`simulatedFortnight()` in `fixtures.ts`) and runs the
 * parts asked for, in order:
 * - `replay`: `replay(journal, base, { trusted: true })`, `replay(journal, base)` and the
 *   hand-written fold (`ledger-fold.ts`) over the first 1,000,000 events, after checking that the
 *   fold and the library build the same records; samples interleaved, each after a full GC;
 * - `apply`: `apply` of single events to the full ledger (the whole journal replayed);
 * - `progress`: `campaignProgress` against the hand-written single pass, each campaign, last day.
 *
 * `heap` builds the full-scale ledger from nothing (county, register, simulation, replay) under
 * `--trace-gc`, stops tracing, then measures what stays alive: the final ledger, and the same records
 * kept by the hand-written fold in plain Maps.
 *
 * Progress goes to stderr as `@@progress <text>` lines; the result is one stdout line `@@result {json}`.
 * A part that throws is reported as `{ error }` and does not stop the others.
 */
import v8 from 'node:v8';
import {
  SIMULATED_CAMPAIGNS,
  apply,
  campaignProgress,
  countyEvents,
  dayOf,
  generateCounty,
  replay,
  simulateCampaigns,
  tableForEach,
  tableGet,
  tableHas,
  type CampaignId,
  type CampaignMetrics,
  type Day,
  type EventId,
  type HouseholdId,
  type Instant,
  type Ledger,
  type LedgerEvent,
  type OrgId,
  type PersonId,
  type RecordId,
} from '../src/index.js';
import { seeded, simulatedFortnight } from './fixtures.js';
import { compare, median } from './harness.js';
import { foldBase, foldBaseOnTables, foldCounts, foldDifferences, foldJournal, handProgress, ledgerCounts, progressDifferences, type JournalCounts } from './ledger-fold.js';

/** Events of the journal the replay comparison takes (1M events). */
export const REPLAY_EVENTS = 1_000_000;

export type Part = 'replay' | 'apply' | 'progress';
export const PARTS: readonly Part[] = ['replay', 'apply', 'progress'];

type Failed = { readonly error: string };

export interface ReplayReport {
  /** Events replayed, and the journal's length. */
  readonly events: number;
  readonly journalLength: number;
  /** Wall time of each sample, ms. */
  readonly trusted: readonly number[];
  readonly validated: readonly number[];
  readonly fold: readonly number[];
  /** The same fold reading people, households and event ids from the base's own tables, ms. */
  readonly foldOnTables: readonly number[];
  /** Builds of the fold's lookup Maps from the base (outside the fold's samples), ms. */
  readonly foldBase: readonly number[];
  /** What both produced (checked equal, record by record). */
  readonly counts: JournalCounts;
  readonly recordsCompared: number;
}

export interface ApplyReport {
  /** Events in the full ledger, and the time of `replay(journal, base, { trusted: true })`. */
  readonly ledgerEvents: number;
  readonly fullReplayMs: number;
  readonly day: Day;
  /** Distinct single events, by type. */
  readonly byType: Readonly<Record<string, number>>;
  readonly passes: number;
  /** Per-apply times in µs (each event once per pass). */
  readonly validated: readonly number[];
  readonly trusted: readonly number[];
  /** Median µs per type (validated). */
  readonly typeMedians: Readonly<Record<string, number>>;
}

export interface ProgressRow {
  readonly kind: CampaignMetrics['kind'];
  readonly campaignId: string;
  readonly ours: { readonly median: number; readonly q1: number; readonly q3: number; readonly samples: number; readonly batch: number };
  readonly hand: { readonly median: number; readonly q1: number; readonly q3: number; readonly samples: number; readonly batch: number };
  readonly total: CampaignMetrics;
  readonly units: number;
}

export interface ProgressReport {
  readonly day: Day;
  readonly rows: readonly ProgressRow[];
}

export interface TimingReport {
  readonly mode: 'timing';
  readonly setup: { readonly county: number; readonly register: number; readonly simulate: number; readonly people: number; readonly households: number; readonly journal: number };
  readonly replay?: ReplayReport | Failed;
  readonly apply?: ApplyReport | Failed;
  readonly progress?: ProgressReport | Failed;
}

export interface HeapReport {
  readonly mode: 'heap';
  /** Wall time of the build (county, register, simulation, replay), ms. */
  readonly buildMs: number;
  readonly journal: number;
  readonly ledgerEvents: number;
  /** Bytes: heap in use after a full GC before the build (the loaded program). */
  readonly heapBefore: number;
  /** Right after the build, before any forced GC. */
  readonly heapAfter: number;
  /** After a full GC with ledger, journal and base alive. */
  readonly heapAll: number;
  /** After a full GC with the ledger (and its base, which shares the register) alive. */
  readonly heapLedger: number;
  /** After a full GC with only the base (the register) alive. */
  readonly heapBase: number;
  /** After a full GC with only the hand-written fold's lookup Maps and records alive (same journal). */
  readonly heapFold: number;
  /** Peak resident set size at the end of the build. */
  readonly maxRss: number;
}

function progress(msg: string): void {
  process.stderr.write(`@@progress ${msg}\n`);
}

function gc(): void {
  const g = globalThis.gc;
  if (g === undefined) throw new Error('ledger-child: run with --expose-gc');
  g();
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function attempt<T>(name: string, fn: () => T): T | Failed {
  try {
    return fn();
  } catch (e) {
    progress(`${name} FAILED: ${errorText(e).split('\n')[0] ?? ''}`);
    return { error: errorText(e) };
  }
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// replay

function replayPart(base: Ledger, journal: readonly LedgerEvent[], rounds: number): ReplayReport {
  const events = journal.length > REPLAY_EVENTS ? journal.slice(0, REPLAY_EVENTS) : journal;
  const fb0 = performance.now();
  const fb = foldBase(base);
  const foldBaseTimes = [performance.now() - fb0];

  // agreement first (also the warm-up): the same records, record by record
  gc();
  let t = performance.now();
  let ours: Ledger | undefined = replay(events, base, { trusted: true });
  progress(`replay: first trusted replay of ${events.length.toLocaleString('en-US')} events ${s(performance.now() - t)}`);
  t = performance.now();
  let fold: ReturnType<typeof foldJournal> | undefined = foldJournal(fb, events);
  progress(`replay: first fold ${s(performance.now() - t)}`);
  const diffs = foldDifferences(ours, fb, fold);
  if (diffs.length > 0) throw new Error(`the library's replay and the hand-written fold disagree:\n  ${diffs.join('\n  ')}`);
  const counts = ledgerCounts(ours);
  const fc = foldCounts(fold);
  if (JSON.stringify(counts) !== JSON.stringify(fc)) throw new Error(`counts differ: ledger ${JSON.stringify(counts)}, fold ${JSON.stringify(fc)}`);
  let recordsCompared = 0;
  for (const m of [fold.campaigns, fold.letters, fold.declarations, fold.observations, fold.visits, fold.screenings, fold.classifications, fold.serviceRequests, fold.sites, fold.disinfections, fold.volunteers, fold.tasks]) recordsCompared += m.size;
  ours = undefined;
  fold = undefined;

  const expected = counts.events;
  const contenders: { label: string; fn: () => number; times: number[] }[] = [
    { label: 'trusted', fn: () => replay(events, base, { trusted: true }).eventCount, times: [] },
    { label: 'validated', fn: () => replay(events, base).eventCount, times: [] },
    { label: 'fold', fn: () => foldJournal(fb, events).eventCount, times: [] },
    { label: 'fold on tables', fn: () => foldJournal(foldBaseOnTables(base), events).eventCount, times: [] },
  ];
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + round) % contenders.length] as (typeof contenders)[number];
      gc();
      const t0 = performance.now();
      const n = c.fn();
      const dt = performance.now() - t0;
      if (n !== expected) throw new Error(`replay (${c.label}) gave ${n} events, expected ${expected}`);
      c.times.push(dt);
      progress(`replay: round ${round + 1}/${rounds} ${c.label} ${s(dt)}`);
    }
  }
  // the fold's lookup Maps once more, timed on their own (not inside the fold's samples)
  const b0 = performance.now();
  const again = foldBase(base);
  foldBaseTimes.push(performance.now() - b0);
  if (again.people.size !== fb.people.size) throw new Error('foldBase is not deterministic');
  const [trusted, validated, foldTimes, foldOnTables] = contenders.map((c) => c.times) as [number[], number[], number[], number[]];
  return { events: events.length, journalLength: journal.length, trusted, validated, fold: foldTimes, foldOnTables, foldBase: foldBaseTimes, counts, recordsCompared };
}

// ---------------------------------------------------------------------------------------------
// apply one event

function nextDay(day: Day): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) as Day;
}

/**
 * A few hundred distinct single events, each valid on its own against the full ledger: temperature
 * checks and extensions of active observations, transfers, visits, letters (if any household lacks
 * one), classifications, declarations, new observations, service requests and fulfilments,
 * disinfections, volunteer sign-ups, attendance and tasks.
 */
function singleEvents(ledger: Ledger, day: Day, perType: number): LedgerEvent[] {
  const rnd = seeded(20200207);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a.slice(0, n);
  };
  const next = nextDay(day);
  const at = (d: Day, time: string): Instant => `${d}T${time}:00+08:00` as Instant;
  const C = SIMULATED_CAMPAIGNS;
  let seq = 0;
  const id = (): EventId => `bench-apply-${String(++seq).padStart(4, '0')}` as EventId;
  const rid = (prefix: string): RecordId => `bench-${prefix}-${seq}` as RecordId;
  const out: LedgerEvent[] = [];

  // who works where: the visitors of a sample of the day's visits
  const visits: { householdId: HouseholdId; visitors: PersonId[] }[] = [];
  let k = 0;
  tableForEach(ledger.visits, (v) => {
    if (v.day === day && k++ % 50 === 0) visits.push({ householdId: v.householdId, visitors: [...v.visitors] });
  });
  const active: string[] = [];
  tableForEach(ledger.observations, (o) => {
    if (o.ended === undefined && o.escalation === undefined) active.push(o.id);
  });
  const openRequests: string[] = [];
  tableForEach(ledger.serviceRequests, (r) => {
    if (r.fulfilledAt === undefined) openRequests.push(r.id);
  });
  const sites: string[] = [];
  tableForEach(ledger.sites, (site) => sites.push(site.id));
  const volunteers: PersonId[] = [];
  tableForEach(ledger.volunteers, (v) => volunteers.push(v.personId));
  const openTasks: { id: string; signUps: readonly string[] }[] = [];
  const absent: { taskId: string; personId: PersonId }[] = [];
  const taskUnits: OrgId[] = [];
  tableForEach(ledger.tasks, (t) => {
    if (t.day !== day) return;
    taskUnits.push(t.unitId);
    if (t.signUps.length < t.places) openTasks.push({ id: t.id, signUps: t.signUps });
    for (const p of t.signUps) if (!t.attended.some((a) => a.personId === p)) absent.push({ taskId: t.id, personId: p });
  });
  const noLetter: HouseholdId[] = [];
  tableForEach(ledger.households, (h) => {
    if (noLetter.length < perType && !tableHas(ledger.letters, `${C.homePrevention}|${h.id}`)) noLetter.push(h.id);
  });

  for (const o of sample(active, perType)) {
    const v = pick(visits);
    out.push({ type: 'temperatureChecked', id: id(), at: at(next, '08:10'), by: v.visitors[0] as PersonId, observationId: o as RecordId, slot: 'morning', celsius: rnd() < 0.2 ? 38.1 : 36.6 });
  }
  for (const o of sample(active, perType))
    out.push({ type: 'observationExtended', id: id(), at: at(day, '16:30'), by: pick(visits).visitors[0] as PersonId, observationId: o as RecordId, days: 7, reason: '密切接触者再次暴露' });
  for (const o of sample(active, perType))
    out.push({ type: 'observationEnded', id: id(), at: at(day, '17:00'), by: pick(visits).visitors[0] as PersonId, observationId: o as RecordId, outcome: 'transferred' });
  for (const v of sample(visits, perType)) {
    const r = rnd();
    out.push({
      type: 'visitRecorded',
      id: id(),
      at: at(day, '19:30'),
      by: v.visitors[0] as PersonId,
      visitId: rid('visit'),
      campaignId: C.doorKnocking,
      householdId: v.householdId,
      outcome: r < 0.8 ? 'screened' : r < 0.95 ? 'nobodyHome' : 'refused',
      visitors: v.visitors,
    });
  }
  for (const h of noLetter) {
    const v = pick(visits);
    out.push({ type: 'letterDelivered', id: id(), at: at(day, '19:00'), by: v.visitors[0] as PersonId, campaignId: C.homePrevention, householdId: h });
  }
  for (const v of sample(visits, perType)) {
    const h = tableGet(ledger.households, v.householdId);
    const member = h?.members[0];
    out.push({ type: 'householdClassified', id: id(), at: at(day, '19:40'), by: v.visitors[0] as PersonId, householdId: v.householdId, category: 'general', ...(member === undefined ? {} : { personId: member }) });
  }
  for (const v of sample(visits, perType)) {
    const member = tableGet(ledger.households, v.householdId)?.members[0];
    if (member === undefined) continue;
    out.push({ type: 'travelDeclared', id: id(), at: at(day, '19:50'), by: v.visitors[0] as PersonId, declarationId: rid('decl'), personId: member, from: '湖北省武汉市', category: 'fromWuhan', arrivalDay: day });
  }
  for (const v of sample(visits, perType)) {
    const member = tableGet(ledger.households, v.householdId)?.members[0];
    if (member === undefined) continue;
    out.push({
      type: 'observationStarted',
      id: id(),
      at: at(day, '20:00'),
      by: v.visitors[0] as PersonId,
      observationId: rid('obs'),
      campaignId: C.homePrevention,
      personId: member,
      setting: 'home',
      category: 'fromWuhan',
      basis: 'arrival',
      fromDay: day,
    });
  }
  for (const v of sample(visits, perType))
    out.push({ type: 'serviceRequested', id: id(), at: at(day, '19:00'), by: v.visitors[0] as PersonId, requestId: rid('req'), householdId: v.householdId, kind: 'medicine', dueAt: at(day, '21:00') });
  for (const r of sample(openRequests, perType)) out.push({ type: 'serviceFulfilled', id: id(), at: at(day, '20:30'), by: pick(visits).visitors[0] as PersonId, requestId: r as RecordId });
  for (const site of sample(sites, perType))
    out.push({ type: 'siteDisinfected', id: id(), at: at(day, '21:00'), by: pick(visits).visitors[0] as PersonId, siteId: site as RecordId, campaignId: C.cleaning });
  for (const t of sample(openTasks, perType)) {
    let p = pick(volunteers);
    for (let tries = 0; t.signUps.includes(p) && tries < 20; tries++) p = pick(volunteers);
    if (t.signUps.includes(p)) continue;
    out.push({ type: 'volunteerSignedUp', id: id(), at: at(day, '07:45'), by: p, taskId: t.id as RecordId, personId: p });
  }
  for (const a of sample(absent, perType))
    out.push({ type: 'volunteerAttended', id: id(), at: at(day, '17:45'), by: pick(visits).visitors[0] as PersonId, taskId: a.taskId as RecordId, personId: a.personId, hours: 3 });
  for (const u of sample(taskUnits, perType))
    out.push({ type: 'volunteerTaskPosted', id: id(), at: at(day, '20:10'), by: pick(visits).visitors[0] as PersonId, taskId: rid('task'), campaignId: C.volunteerService, kind: 'publicity', unitId: u, day: next, places: 3, hours: 3 });
  return out;
}

function applyPart(ledger: Ledger, fullReplayMs: number, day: Day, passes: number): ApplyReport {
  const events = singleEvents(ledger, day, 30);
  const byType: Record<string, number> = {};
  for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
  // each must be valid on its own (this is also the warm-up)
  const refused: string[] = [];
  for (const e of events) {
    try {
      const next = apply(ledger, [e]);
      if (next.eventCount !== ledger.eventCount + 1) refused.push(`${e.id} (${e.type}): eventCount ${next.eventCount}`);
      apply(ledger, [e], { trusted: true });
    } catch (err) {
      refused.push(`${e.id} (${e.type}): ${err instanceof Error ? err.message : String(err)}${typeof err === 'object' && err !== null && 'issues' in err ? ` ${JSON.stringify((err as { issues: unknown }).issues)}` : ''}`);
    }
  }
  if (refused.length > 0) throw new Error(`apply refused ${refused.length} of ${events.length} single events built to be valid:\n  ${refused.slice(0, 10).join('\n  ')}`);
  progress(`apply: ${events.length} single events valid; timing ${passes} passes`);

  const rnd = seeded(7);
  const validated: number[] = [];
  const trusted: number[] = [];
  const perType = new Map<string, number[]>();
  for (let pass = 0; pass < passes; pass++) {
    const order = events.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const e = events[i] as LedgerEvent;
      const timeOne = (trustedMode: boolean): number => {
        const t0 = performance.now();
        const next = trustedMode ? apply(ledger, [e], { trusted: true }) : apply(ledger, [e]);
        const dt = (performance.now() - t0) * 1000;
        if (next.eventCount !== ledger.eventCount + 1) throw new Error('apply lost the event');
        return dt;
      };
      let v: number;
      if ((pass + i) % 2 === 0) {
        v = timeOne(false);
        trusted.push(timeOne(true));
      } else {
        trusted.push(timeOne(true));
        v = timeOne(false);
      }
      validated.push(v);
      const list = perType.get(e.type);
      if (list === undefined) perType.set(e.type, [v]);
      else list.push(v);
    }
  }
  const typeMedians: Record<string, number> = {};
  for (const [type, xs] of perType) typeMedians[type] = median(xs);
  return { ledgerEvents: ledger.eventCount, fullReplayMs, day, byType, passes, validated, trusted, typeMedians };
}

// ---------------------------------------------------------------------------------------------
// campaign progress

function progressPart(ledger: Ledger, day: Day): ProgressReport {
  const rows: ProgressRow[] = [];
  for (const [kind, id] of Object.entries(SIMULATED_CAMPAIGNS) as [CampaignMetrics['kind'], CampaignId][]) {
    const ours = campaignProgress(ledger, id, day);
    const hand = handProgress(ledger, id, day);
    const diffs = progressDifferences(ours, hand);
    if (diffs.length > 0) throw new Error(`campaignProgress(${id}, ${day}) and the hand-written pass disagree:\n  ${diffs.join('\n  ')}`);
    const [o, h] = compare(
      [
        { label: 'campaignProgress', fn: () => campaignProgress(ledger, id, day).byUnit.size },
        { label: 'hand-written', fn: () => handProgress(ledger, id, day).byUnit.size },
      ],
      // a door-knocking call reads ~1.5M records (about a second): few warm-up calls, odd sample count
      { samples: 7, warmupMs: 300, minSampleMs: 60, minWarmupCalls: 1 },
    );
    if (o === undefined || h === undefined) throw new Error('unreachable');
    const timing = (x: typeof o) => ({ median: x.median, q1: x.q1, q3: x.q3, samples: x.samples, batch: x.batch });
    rows.push({ kind, campaignId: id, ours: timing(o), hand: timing(h), total: ours.total, units: ours.byUnit.size });
    progress(`progress: ${id} ${o.median.toFixed(1)} ms vs ${h.median.toFixed(1)} ms`);
  }
  return { day, rows };
}

// ---------------------------------------------------------------------------------------------
// modes

function timing(parts: readonly Part[]): TimingReport {
  const rounds = Number(process.env['LEDGER_BENCH_ROUNDS'] ?? '3');
  const passes = Number(process.env['LEDGER_BENCH_PASSES'] ?? '5');
  const f = simulatedFortnight();
  progress(`setup: county ${s(f.ms.county)}, register ${s(f.ms.register)}, simulation ${s(f.ms.simulate)} (${f.journal.length.toLocaleString('en-US')} events)`);
  const setup = { ...f.ms, people: f.people, households: f.households, journal: f.journal.length };
  const report: { -readonly [K in keyof TimingReport]: TimingReport[K] } = { mode: 'timing', setup };
  if (parts.includes('replay')) report.replay = attempt('replay', () => replayPart(f.base, f.journal, rounds));
  if (parts.includes('apply') || parts.includes('progress')) {
    gc();
    const t0 = performance.now();
    let full: Ledger | undefined;
    let day: Day | undefined;
    const built = attempt('full replay', () => {
      full = replay(f.journal, f.base, { trusted: true });
      day = dayOf((f.journal[f.journal.length - 1] as LedgerEvent).at);
      return full;
    });
    const fullMs = performance.now() - t0;
    progress(`full ledger: replay of ${f.journal.length.toLocaleString('en-US')} events ${s(fullMs)}`);
    if ('error' in built || full === undefined || day === undefined) {
      const failed = 'error' in built ? built : { error: 'no ledger' };
      if (parts.includes('apply')) report.apply = failed;
      if (parts.includes('progress')) report.progress = failed;
    } else {
      const ledger: Ledger = full;
      const lastDay: Day = day;
      if (parts.includes('apply')) report.apply = attempt('apply', () => applyPart(ledger, fullMs, lastDay, passes));
      if (parts.includes('progress')) report.progress = attempt('progress', () => progressPart(ledger, lastDay));
    }
  }
  return report;
}

function heap(): HeapReport {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let county: ReturnType<typeof generateCounty> | undefined = generateCounty();
  let base: Ledger | undefined = replay(countyEvents(county), undefined, { trusted: true });
  county = undefined;
  let journal: LedgerEvent[] | undefined = simulateCampaigns(base);
  let ledger: Ledger | undefined = replay(journal, base, { trusted: true });
  const buildMs = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  v8.setFlagsFromString('--no-trace-gc'); // the peak is the build's; what follows is not traced
  progress(`heap: built in ${s(buildMs)}`);
  const journalLength = journal.length;
  const ledgerEvents = ledger.eventCount;
  const counts = ledgerCounts(ledger);
  gc();
  const heapAll = process.memoryUsage().heapUsed;
  journal = undefined;
  gc();
  const heapLedger = process.memoryUsage().heapUsed;
  ledger = undefined;
  gc();
  const heapBase = process.memoryUsage().heapUsed;
  // the same records in plain Maps: the fold over the same journal (simulated again: deterministic)
  journal = simulateCampaigns(base);
  let fb: ReturnType<typeof foldBase> | undefined = foldBase(base);
  let fold: ReturnType<typeof foldJournal> | undefined = foldJournal(fb, journal);
  const fc = foldCounts(fold);
  if (JSON.stringify(fc) !== JSON.stringify(counts)) throw new Error(`heap: the fold's counts differ from the ledger's: ${JSON.stringify(fc)} vs ${JSON.stringify(counts)}`);
  journal = undefined;
  base = undefined;
  gc();
  const heapFold = process.memoryUsage().heapUsed;
  if (fold.eventCount !== ledgerEvents || fb.people.size === 0) throw new Error('heap: fold lost its records');
  fold = undefined;
  fb = undefined;
  return { mode: 'heap', buildMs, journal: journalLength, ledgerEvents, heapBefore, heapAfter, heapAll, heapLedger, heapBase, heapFold, maxRss };
}

function main(): void {
  const mode = process.argv[2];
  let report: TimingReport | HeapReport;
  if (mode === 'timing') {
    const parts = (process.argv[3] ?? PARTS.join(',')).split(',').filter((p) => p !== '') as Part[];
    const unknown = parts.filter((p) => !PARTS.includes(p));
    if (unknown.length > 0) throw new Error(`ledger-child: unknown parts ${unknown.join(', ')} (${PARTS.join(', ')})`);
    report = timing(parts);
  } else if (mode === 'heap') report = heap();
  else throw new Error(`ledger-child: unknown mode '${String(mode)}' (timing <parts> | heap)`);
  process.stdout.write(`@@result ${JSON.stringify(report)}\n`);
}

main();
