import { campaignRunsOn, type Campaign } from '../campaigns/campaign.js';
import { coverage, mergeMetrics, type CampaignMetrics } from '../campaigns/metrics.js';
import { progressSeries, type CampaignProgress, type ProgressShared } from '../campaigns/progress.js';
import { addDays, dayOf, requireDay, type Day } from '../core/day.js';
import { FrontlineError } from '../core/errors.js';
import { describeValue, requireOptions } from '../core/guards.js';
import type { OrgId, PersonId } from '../core/ids.js';
import { followUp } from '../campaigns/observation.js';
import { maskPhone, maskResidentId } from '../people/mask.js';
import { surnameOnly } from '../privacy/redact.js';
import type { CommunityState, Label } from '../core/vocabulary.js';
import { ledgerTree, requireLedger, type Ledger } from '../ledger/ledger.js';
import { tableForEach, tableGet } from '../store/table.js';
import { rollup } from '../org/rollup.js';
import type { OrgUnit } from '../org/unit.js';
import { deadlineOn } from '../supervision/records.js';
import { communityStates } from './epidemic.js';
import { reportingStatus, type ReportingStatus } from './reporting.js';
import { emptySummary, SUMMARY_MONOID, type AdmissionMetrics, type DispatchSummary, type DutyMetrics, type SupervisionMetrics } from './summary.js';
import { applyStep, emptyState } from '../admission/state.js';
import { pairKey } from '../store/keys.js';
import { renderSummary, thousands, withSummary, type InspectOptions } from '../internal/inspect.js';
import { isTownshipLevel } from '../org/unit.js';

/**
 * A unit whose figures moved most from the day before: which figure, from what, to what.
 *
 * @example
 * const m: Mover = dailyDispatch(ledger, '2020-02-07').movers[0]!;
 * m.change; // => m.to - m.from
 * @category Reports
 */
export interface Mover {
  /** The unit (a village or community). */
  readonly unit: OrgUnit;
  /** `underObservation` (people) or `coverage` (percentage points of households screened). */
  readonly figure: 'underObservation' | 'coverage';
  /** The day before. */
  readonly from: number;
  /** The day. */
  readonly to: number;
  /** `to - from`. */
  readonly change: number;
}

/**
 * The headquarters' daily dispatch (每日调度) for a day and a scope: the scope's figures, the day
 * before's for comparison, each unit's figures rolled up the tree, the rows of the scope's
 * children (the townships, for the county), and the villages whose figures moved most. `recorded`
 * names the parts of the report that have records for the day; the figures of the other parts are
 * 0 and are not measurements, and `note` says which parts they are. When nothing at all was
 * recorded for the day, `hasData` is false and `note` says so.
 *
 * @example
 * const report = dailyDispatch(ledger, '2020-02-07');
 * coverage(report.total.doorKnocking); // => 1 (every household screened)
 * @category Reports
 */
export interface DailyDispatch {
  /** The day. */
  readonly day: Day;
  /** The unit the report is for. */
  readonly scope: OrgUnit;
  /** Whether anything was recorded for the day: `recorded` is not empty. */
  readonly hasData: boolean;
  /**
   * The parts of the report with records for the day, in the order of {@link DISPATCH_PARTS}.
   * Figures of the other parts are 0 and are not measurements; the rendered report leaves them out.
   */
  readonly recorded: readonly DispatchPart[];
  /** The parts with records for the day before: changes are given only for parts recorded on both days. */
  readonly recordedBefore: readonly DispatchPart[];
  /** What the report cannot say: the parts with no records for the day (null when every part has records). */
  readonly note: Label | null;
  /** The scope's figures (its subtree). */
  readonly total: DispatchSummary;
  /** The scope's figures of the day before, or null when nothing at all was recorded that day (its `hasData` would be false). */
  readonly previous: DispatchSummary | null;
  /** The scope's children and their figures (rolled up), in tree order. */
  readonly rows: readonly { readonly unit: OrgUnit; readonly summary: DispatchSummary }[];
  /** Every unit of the scope's subtree with its figures rolled up. */
  readonly byUnit: ReadonlyMap<OrgId, DispatchSummary>;
  /** The villages and communities whose figures moved most (five by observation, five by coverage). */
  readonly movers: readonly Mover[];
  /** People under observation in the scope over the days before, when asked for ({@link DispatchOptions}). */
  readonly trend: readonly TrendPoint[];
  /** The day's reports: completeness, timeliness, sign-off, and who is late or missing. */
  readonly reporting: ReportingStatus;
  /**
   * The people of the scope to act on today: under observation with a fever (escalated to
   * report-and-transfer) or lost to follow-up, by unit. Their resident ids and phones are always
   * masked; their names are written as surname + 某 unless the report was asked for with a
   * purpose ({@link DispatchOptions}).
   */
  readonly attention: readonly AttentionPerson[];
  /** The purpose names were disclosed for, or null when they were not. */
  readonly disclosedFor: string | null;
  /** The villages and communities of the scope with a confirmed case in 14 days, and their epidemic state. */
  readonly communities: readonly { readonly unit: OrgUnit; readonly state: CommunityState; readonly confirmed: number }[];
}

/**
 * A part of the daily dispatch with records of its own: one campaign kind (`doorKnocking`,
 * `homePrevention`, `cleaning`, `volunteerService`: a campaign of that kind runs that day), `duty`
 * (roster seats of the day), `supervision` (an inspection that day, or a finding raised or open),
 * `admission` (a member-development case with a stage or a step by the end of the day),
 * `reporting` (a daily report for the day, or any campaign running, when reports are due) and
 * `epidemic` (a classified registration in the 14 days up to the day, or door-knocking running).
 * Whether a part has records is decided over the whole ledger, not the scope.
 *
 * @example
 * const report = dailyDispatch(ledger, '2019-12-01');
 * report.recorded; // => ['admission'] (only member-development cases go back that far)
 * @category Reports
 */
export type DispatchPart = (typeof DISPATCH_PARTS)[number];

/**
 * Every {@link DispatchPart}, in the order of the report.
 *
 * @example
 * DISPATCH_PARTS.length; // => 9
 * @category Reports
 */
export const DISPATCH_PARTS = ['doorKnocking', 'homePrevention', 'cleaning', 'volunteerService', 'duty', 'supervision', 'admission', 'reporting', 'epidemic'] as const;

const PART_LABELS: Readonly<Record<DispatchPart, Label>> = {
  doorKnocking: { zh: '入户摸排', en: 'door-knocking' },
  homePrevention: { zh: '居家观察', en: 'home observation' },
  cleaning: { zh: '消杀', en: 'disinfection' },
  volunteerService: { zh: '志愿服务', en: 'volunteer service' },
  duty: { zh: '值班', en: 'duty' },
  supervision: { zh: '督导', en: 'supervision' },
  admission: { zh: '发展党员', en: 'member development' },
  reporting: { zh: '报告', en: 'reports' },
  epidemic: { zh: '社区疫情', en: 'community epidemic state' },
};

/**
 * One day of a dispatch's trend: people under observation in the scope, or `null` on a day with
 * no data (no home-prevention campaign running): such a day is a gap, not a zero — the text says
 * "no data" and the chart leaves it out.
 *
 * @example
 * const p: TrendPoint = dailyDispatch(ledger, '2020-02-07', undefined, { trendDays: 14 }).trend[0]!;
 * p.day; // => '2020-01-25' (14 days ending on 2020-02-07)
 * @category Reports
 */
export interface TrendPoint {
  /** The day. */
  readonly day: Day;
  /** People under observation that day, or null when nothing was measured that day. */
  readonly underObservation: number | null;
}

/**
 * A person under observation the dispatch asks the headquarters to act on: escalated on fever, or
 * lost to follow-up. Shown masked: the resident id and phone by the default masks, the name as
 * surname + 某 unless disclosed for a purpose.
 *
 * @example
 * const a: AttentionPerson = dailyDispatch(ledger, '2020-02-05').attention[0]!;
 * [a.name, a.status]; // => ['韦某', 'lost'] (the surname only)
 * a.phone; // => '158****6961' (masked)
 * @category Reports
 */
export interface AttentionPerson {
  /** The unit of the observation. */
  readonly unit: OrgUnit;
  /**
   * The township or subdistrict the unit lies in (the unit itself when it is one), or null for a
   * unit under none (a county bureau): the staff who act need to know whom to call.
   */
  readonly township: OrgUnit | null;
  /** The person's id in the ledger (not personal data by itself). */
  readonly personId: PersonId;
  /** Surname + 某, or the full name when disclosed for a purpose. */
  readonly name: string;
  /** The masked phone, or null when none is registered. */
  readonly phone: string | null;
  /** The masked resident id, or null when none is registered. */
  readonly residentId: string | null;
  /** `escalated` (fever: report and transfer) or `lost` (checks missed in a row). */
  readonly status: 'escalated' | 'lost';
  /** Checks missed so far. */
  readonly missed: number;
  /** The day the observation was recorded. */
  readonly since: Day;
}

/**
 * Options of {@link dailyDispatch}.
 *
 * @example
 * const o: DispatchOptions = { trendDays: 14 };
 * const named: DispatchOptions = { disclose: { purpose: '转运协调' } };
 * @category Reports
 */
export interface DispatchOptions {
  /** Days of trend to include, ending on the report's day (default 0: none). */
  readonly trendDays?: number;
  /**
   * Disclose the full names of the people on the attention list, for a stated purpose (such as
   * 流调 or 转运): the purpose is printed with the report. Ids and phones stay masked.
   */
  readonly disclose?: { readonly purpose: string };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The people under observation of the subtree at `at` escalated or lost on the day, masked. */
function attentionList(ledger: Ledger, day: Day, at: number, disclose: boolean): AttentionPerson[] {
  const tree = ledgerTree(ledger);
  const end = tree.subtreeEnd[at] as number;
  const out: AttentionPerson[] = [];
  tableForEach(ledger.observations, (o) => {
    if (o.startedOn > day) return;
    const i = tree.indexOf.get(o.unitId);
    if (i === undefined || i < at || i >= end) return;
    const campaign = tableGet(ledger.campaigns, o.campaignId);
    if (campaign === undefined || !campaignRunsOn(campaign, day)) return;
    const f = followUp(o, day, ledger.settings);
    if (f.status !== 'escalated' && f.status !== 'lost') return;
    const person = tableGet(ledger.people, o.personId);
    let t = i;
    while (t >= 0 && !isTownshipLevel((tree.units[t] as OrgUnit).kind)) t = tree.parentIndex[t] as number;
    out.push({
      unit: tree.units[i] as OrgUnit,
      township: t >= 0 ? (tree.units[t] as OrgUnit) : null,
      personId: o.personId,
      name: person === undefined ? '—' : disclose ? person.name : surnameOnly(person.name),
      phone: person?.phone === undefined ? null : maskPhone(person.phone),
      residentId: person?.residentId === undefined ? null : maskResidentId(person.residentId),
      status: f.status,
      missed: f.missed,
      since: o.startedOn,
    });
  });
  const rank = (a: AttentionPerson): number => (a.status === 'escalated' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || (tree.indexOf.get(a.unit.id) as number) - (tree.indexOf.get(b.unit.id) as number) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/** Calls `fn(d, progress)` for each chosen campaign on each of `days` it runs on, reading each campaign's tables once for all its days. */
function eachCampaignOn(ledger: Ledger, days: readonly Day[], shared: ProgressShared, choose: (c: Campaign) => boolean, fn: (d: number, progress: CampaignProgress) => void): void {
  if (days.length === 0) return;
  tableForEach(ledger.campaigns, (campaign) => {
    if (!choose(campaign)) return;
    const running = days.map((day, d) => (campaignRunsOn(campaign, day) ? d : -1)).filter((d) => d >= 0);
    if (running.length === 0) return;
    const series = progressSeries(
      ledger,
      campaign.id,
      running.map((d) => days[d] as Day),
      shared,
    );
    running.forEach((d, k) => fn(d, series[k] as CampaignProgress));
  });
}

type Parts = Map<OrgId, { campaigns: CampaignMetrics[]; duty: Mutable<DutyMetrics>; supervision: Mutable<SupervisionMetrics>; admission: Mutable<AdmissionMetrics> }>;

/** Each unit's own figures of each day, before rolling up, and the parts with records, with each table read once for all the days. */
function ownFigures(ledger: Ledger, days: readonly Day[], shared: ProgressShared): { own: Map<OrgId, DispatchSummary>; recorded: DispatchPart[] }[] {
  const tree = ledgerTree(ledger);
  const D = days.length;
  const parts: Parts[] = days.map(() => new Map());
  const has = days.map(() => new Set<DispatchPart>());
  const mark = (d: number, p: DispatchPart): void => void (has[d] as Set<DispatchPart>).add(p);
  const part = (d: number, unit: OrgId) => {
    const map = parts[d] as Parts;
    let p = map.get(unit);
    if (p === undefined) {
      p = {
        campaigns: [],
        duty: { seats: 0, filled: 0, leaderSeats: 0, leadersFilled: 0, checked: 0, absent: 0 },
        supervision: { inspections: 0, raised: 0, open: 0, overdue: 0 },
        admission: { nonMember: 0, applicant: 0, activist: 0, developmentTarget: 0, probationaryMember: 0, fullMember: 0, cancelled: 0, steps: 0 },
      };
      map.set(unit, p);
    }
    return p;
  };
  eachCampaignOn(ledger, days, shared, () => true, (d, progress) => {
    mark(d, progress.campaign.kind);
    mark(d, 'reporting');
    if (progress.campaign.kind === 'doorKnocking') mark(d, 'epidemic');
    for (const [unit, m] of progress.byUnit) part(d, unit).campaigns.push(m);
  });
  const markers = days.map((day) => `/${day}/`);
  tableForEach(ledger.rosters, (roster) => {
    // a shift whose leader seat the roster leaves out still needs a leader: counted, unfilled
    const led = new Set<string>();
    const staffedOnly = new Map<string, Mutable<DutyMetrics>>();
    for (const seat of roster.seats) {
      const d = markers.findIndex((marker) => seat.includes(marker));
      if (d < 0) continue;
      mark(d, 'duty');
      const post = tableGet(ledger.posts, seat.slice(0, seat.indexOf('/')));
      if (post === undefined) continue;
      const m = part(d, post.unitId).duty;
      const duty = tableGet(ledger.duties, pairKey(roster.id, seat));
      const filled = duty !== undefined && duty.personId !== null;
      m.seats++;
      if (filled) m.filled++;
      if (seat.endsWith('/L')) {
        m.leaderSeats++;
        if (filled) m.leadersFilled++;
        led.add(seat.slice(0, -2));
      } else staffedOnly.set(seat.slice(0, seat.lastIndexOf('/')), m);
      if (duty?.attendance !== undefined) {
        m.checked++;
        if (duty.attendance.status === 'absent') m.absent++;
      }
    }
    for (const [shift, m] of staffedOnly) if (!led.has(shift)) m.leaderSeats++;
  });
  tableForEach(ledger.inspections, (i) => {
    const d = days.indexOf(dayOf(i.at));
    if (d < 0) return;
    mark(d, 'supervision');
    part(d, i.unitId).supervision.inspections++;
  });
  tableForEach(ledger.findings, (f) => {
    for (let d = 0; d < D; d++) {
      const day = days[d] as Day;
      if (f.raisedOn > day) continue;
      const s = part(d, f.unitId).supervision;
      if (f.raisedOn === day) {
        s.raised++;
        mark(d, 'supervision');
      }
      if (f.closedOn === undefined || f.closedOn > day) {
        mark(d, 'supervision');
        s.open++;
        if (deadlineOn(f, day) < day) s.overdue++;
      }
    }
  });
  tableForEach(ledger.admissions, (c) => {
    for (let d = 0; d < D; d++) {
      const day = days[d] as Day;
      const state = emptyState();
      let any = false;
      for (const step of c.steps) {
        if (step.day > day) continue;
        applyStep(state, step);
        any = true;
        if (step.day === day) part(d, c.branch).admission.steps++;
      }
      // a case counts from its first step, or from the day it was opened when that is earlier
      if (!any && !(c.openedOn !== undefined && c.openedOn <= day)) continue;
      mark(d, 'admission');
      part(d, c.branch).admission[state.status]++;
    }
  });
  // a daily report for the day; a classified registration in the 14 days up to it (read only when
  // the campaigns have not already marked the part)
  if (has.some((h) => !h.has('reporting')))
    tableForEach(ledger.reports, (r) => {
      const d = days.indexOf(r.day);
      if (d >= 0) mark(d, 'reporting');
    });
  if (has.some((h) => !h.has('epidemic'))) {
    const windows = days.map((day) => [addDays(day, -13), day] as const);
    tableForEach(ledger.classifications, (h) => {
      for (const e of h.entries)
        windows.forEach(([from, to], d) => {
          if (e.day >= from && e.day <= to) mark(d, 'epidemic');
        });
    });
  }
  return parts.map((map, d) => {
    const own = new Map<OrgId, DispatchSummary>();
    for (const [unit, p] of map) {
      if (!tree.indexOf.has(unit)) continue;
      const base = emptySummary();
      const s: Mutable<DispatchSummary> = { ...base, duty: p.duty, supervision: p.supervision, admission: p.admission };
      for (const m of p.campaigns) {
        if (m.kind === 'doorKnocking') s.doorKnocking = mergeMetrics(s.doorKnocking, m);
        else if (m.kind === 'homePrevention') s.homePrevention = mergeMetrics(s.homePrevention, m);
        else if (m.kind === 'cleaning') s.cleaning = mergeMetrics(s.cleaning, m);
        else s.volunteerService = mergeMetrics(s.volunteerService, m);
      }
      own.set(unit, s);
    }
    return { own, recorded: DISPATCH_PARTS.filter((p) => has[d]?.has(p)) };
  });
}

/** What the report cannot say of a day: nothing at all, or the parts with no records. */
function noteOn(day: Day, recorded: readonly DispatchPart[]): Label | null {
  if (recorded.length === 0)
    return { zh: `${day}无任何记录：没有可报的数字（报告中的零不是测量结果）`, en: `nothing was recorded for ${day}: there are no figures to report (the report's zeros are not measurements)` };
  const missing = DISPATCH_PARTS.filter((p) => !recorded.includes(p));
  if (missing.length === 0) return null;
  return {
    zh: `${day}无${missing.map((p) => PART_LABELS[p].zh).join('、')}记录：这些数字未列出（零不是测量结果）`,
    en: `nothing was recorded for ${day} of ${missing.map((p) => PART_LABELS[p].en).join(', ')}: those figures are not shown (zeros would not be measurements)`,
  };
}

/**
 * The headquarters' daily dispatch for a day, for the county or any unit of it (`scope`): every
 * figure of the ledger that day — screening coverage and its change, people under observation
 * (new, released, escalated, checks missed, lost to follow-up), service requests open and overdue,
 * sites disinfected and overdue, volunteer hours and open tasks, roster fill rate and leading cadres
 * on duty, inspections and open and overdue findings — per unit, rolled up the tree by
 * {@link mergeSummaries}, with the day before for comparison and the villages whose figures moved
 * most, and, when asked for, the trend of people under observation over the days before; member
 * development cases by stage; the reporting discipline; the community epidemic states; and the
 * people to act on (fever, lost to follow-up), masked unless disclosed for a purpose. An invalid
 * day, an unknown scope or bad options are an error, checked before any work; a day with no data
 * says so.
 *
 * @param ledger - The ledger.
 * @param day - The day reported on.
 * @param scope - The unit the report is for (default: the county).
 * @param options - {@link DispatchOptions}: the days of trend, and any disclosure of names with its purpose.
 * @returns The dispatch.
 * @throws {@link FrontlineError} `invalid_day` for a day that is not a real date; `unknown_unit` for a scope not in the ledger (or a ledger with no units); `invalid_input` for bad options (a trend outside 0–92 days, a disclosure without a purpose).
 * @example
 * const report = dailyDispatch(ledger, '2020-02-07');
 * report.rows.map((r) => [r.unit.name, coverage(r.summary.doorKnocking)]);
 * @category Reports
 */
export function dailyDispatch(ledger: Ledger, day: Day | string, scope?: OrgId | string, options: DispatchOptions = {}): DailyDispatch {
  requireLedger(ledger);
  const valid = { data: requireDay(day, 'day') };
  requireOptions(options);
  const tree = ledgerTree(ledger);
  const scopeId = (scope ?? tree.root) as OrgId;
  const at = tree.indexOf.get(scopeId);
  if (at === undefined || tree.units.length === 0)
    throw new FrontlineError('unknown_unit', 'unknown scope', [{ path: ['scope'], code: 'unknown_unit', message: tree.units.length === 0 ? 'the ledger has no units' : `unknown unit ${describeValue(scopeId)}` }]);
  const trendDays = options.trendDays ?? 0;
  if (!Number.isInteger(trendDays) || trendDays < 0 || trendDays > 92)
    throw new FrontlineError('invalid_input', 'invalid trend', [{ path: ['options', 'trendDays'], code: 'invalid_trend', message: 'trendDays is a whole number from 0 to 92' }]);
  const purpose = options.disclose?.purpose;
  if (options.disclose !== undefined && (typeof purpose !== 'string' || purpose.trim().length < 2))
    throw new FrontlineError('invalid_input', 'invalid disclosure', [{ path: ['options', 'disclose', 'purpose'], code: 'purpose_required', message: 'disclosing names needs a stated purpose (at least 2 characters)' }]);
  const shared: ProgressShared = {};
  const [today, yesterday] = ownFigures(ledger, [valid.data, addDays(valid.data, -1)], shared) as [ReturnType<typeof ownFigures>[number], ReturnType<typeof ownFigures>[number]];
  const byUnit = rollup(tree, today.own, SUMMARY_MONOID);
  const before = yesterday.recorded.length > 0 ? rollup(tree, yesterday.own, SUMMARY_MONOID) : null;
  // a figure moves, or changes from the day before, only when its part has records on both days
  const onBoth = (p: DispatchPart): boolean => today.recorded.includes(p) && yesterday.recorded.includes(p);
  const end = tree.subtreeEnd[at] as number;
  const scoped = new Map<OrgId, DispatchSummary>();
  for (let i = at; i < end; i++) {
    const u = tree.units[i] as OrgUnit;
    scoped.set(u.id, byUnit.get(u.id) ?? emptySummary());
  }
  const rows: { unit: OrgUnit; summary: DispatchSummary }[] = [];
  for (let c = at + 1; c < end; c = tree.subtreeEnd[c] as number) {
    const u = tree.units[c] as OrgUnit;
    rows.push({ unit: u, summary: scoped.get(u.id) ?? emptySummary() });
  }
  const movers: Mover[] = [];
  if (before !== null) {
    const obs: Mover[] = [];
    const cov: Mover[] = [];
    for (let i = at; i < end; i++) {
      const u = tree.units[i] as OrgUnit;
      if (u.kind !== 'village' && u.kind !== 'community') continue;
      const a = before.get(u.id) ?? emptySummary();
      const b = scoped.get(u.id) ?? emptySummary();
      const o0 = a.homePrevention.underObservation;
      const o1 = b.homePrevention.underObservation;
      if (o1 !== o0 && onBoth('homePrevention')) obs.push({ unit: u, figure: 'underObservation', from: o0, to: o1, change: o1 - o0 });
      const c0 = Math.round(1000 * coverage(a.doorKnocking)) / 10;
      const c1 = Math.round(1000 * coverage(b.doorKnocking)) / 10;
      if (c1 !== c0 && onBoth('doorKnocking')) cov.push({ unit: u, figure: 'coverage', from: c0, to: c1, change: Math.round((c1 - c0) * 10) / 10 });
    }
    const biggest = (x: Mover, y: Mover): number => Math.abs(y.change) - Math.abs(x.change) || (x.unit.id < y.unit.id ? -1 : 1);
    movers.push(...obs.sort(biggest).slice(0, 5), ...cov.sort(biggest).slice(0, 5));
  }
  const trend: TrendPoint[] = [];
  // the report's own day and the day before are known already; the other days are read in one pass per campaign
  const earlier: Day[] = [];
  for (let k = trendDays - 1; k >= (before === null ? 1 : 2); k--) earlier.push(addDays(valid.data, -k));
  // a day with no home-prevention campaign running has no figure: null, not 0
  const observed: (number | null)[] = earlier.map(() => null);
  eachCampaignOn(ledger, earlier, shared, (c) => c.kind === 'homePrevention', (k, progress) => {
    const m = progress.rolledUp.get(scopeId);
    observed[k] = (observed[k] ?? 0) + (m?.kind === 'homePrevention' ? m.underObservation : 0);
  });
  earlier.forEach((day, k) => trend.push({ day, underObservation: observed[k] ?? null }));
  const observedOn = (figures: ReadonlyMap<OrgId, DispatchSummary>, recorded: readonly DispatchPart[]): number | null =>
    recorded.includes('homePrevention') ? (figures.get(scopeId) ?? emptySummary()).homePrevention.underObservation : null;
  if (trendDays >= 2 && before !== null) trend.push({ day: addDays(valid.data, -1), underObservation: observedOn(before, yesterday.recorded) });
  if (trendDays >= 1) trend.push({ day: valid.data, underObservation: observedOn(scoped, today.recorded) });
  return withSummary<DailyDispatch>({
    day: valid.data,
    scope: tree.units[at] as OrgUnit,
    trend,
    attention: attentionList(ledger, valid.data, at, purpose !== undefined),
    disclosedFor: purpose === undefined ? null : purpose.trim(),
    reporting: reportingStatus(ledger, valid.data, scopeId),
    communities: [...communityStates(ledger, valid.data)]
      .map(([id, s]) => ({ unit: tree.units[tree.indexOf.get(id) as number] as OrgUnit, state: s.state, confirmed: s.confirmed }))
      .filter((c) => scoped.has(c.unit.id) && c.state !== 'none')
      .sort((a, b) => b.confirmed - a.confirmed || (a.unit.id < b.unit.id ? -1 : 1)),
    hasData: today.recorded.length > 0,
    recorded: today.recorded,
    recordedBefore: yesterday.recorded,
    note: noteOn(valid.data, today.recorded),
    total: scoped.get(scopeId) ?? emptySummary(),
    previous: before === null ? null : (before.get(scopeId) ?? emptySummary()),
    rows,
    byUnit: scoped,
    movers,
  }, showDispatch);
}

/** A dispatch's summary where Node prints it: its day, scope and size, not every unit's figures. */
function showDispatch(d: DailyDispatch, depth: number, options: InspectOptions): string {
  if (depth < 0) return `[DailyDispatch: ${d.scope.name} ${d.day}]`;
  return renderSummary(
    'DailyDispatch',
    [
      ['day', d.day],
      ['scope', d.scope.name],
      ['recorded', d.recorded.length === 0 ? 'nothing' : d.recorded.join(', ')],
      ['rows', thousands(d.rows.length)],
      ['attention', thousands(d.attention.length)],
    ],
    options,
  );
}
