import { campaignRunsOn } from '../campaigns/campaign.js';
import { coverage, mergeMetrics, type CampaignMetrics } from '../campaigns/metrics.js';
import { campaignProgress } from '../campaigns/progress.js';
import { addDays, Day, dayOf } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import type { CommunityState, Label } from '../core/vocabulary.js';
import { dutyKey } from '../ledger/effects/rosters.js';
import { ledgerTree, type Ledger } from '../ledger/ledger.js';
import { tableForEach, tableGet } from '../ledger/table.js';
import { rollup } from '../org/rollup.js';
import type { OrgUnit } from '../org/unit.js';
import { deadlineOn } from '../supervision/records.js';
import { communityStates } from './epidemic.js';
import { reportingStatus, type ReportingStatus } from './reporting.js';
import { emptySummary, SUMMARY_MONOID, type DispatchSummary, type DutyMetrics, type SupervisionMetrics } from './summary.js';

/**
 * A unit whose figures moved most from the day before: which figure, from what, to what.
 *
 * @example
 * const m: Mover = dailyDispatch(ledger, '2020-02-07').movers[0];
 * m.change; // => e.g. 12
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
 * children (the townships, for the county), and the villages whose figures moved most. When nothing
 * was recorded for the day, `hasData` is false and `note` says so: its zeros are not measurements.
 *
 * @example
 * const report = dailyDispatch(ledger, '2020-02-07');
 * coverage(report.total.doorKnocking); // => the county's screening coverage
 * @category Reports
 */
export interface DailyDispatch {
  /** The day. */
  readonly day: Day;
  /** The unit the report is for. */
  readonly scope: OrgUnit;
  /** Whether anything was recorded for the day (a campaign running, a roster, an inspection). */
  readonly hasData: boolean;
  /** What the report cannot say, when there is no data. */
  readonly note: Label | null;
  /** The scope's figures (its subtree). */
  readonly total: DispatchSummary;
  /** The scope's figures of the day before, when there were any. */
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
  /** The villages and communities of the scope with a confirmed case in 14 days, and their epidemic state. */
  readonly communities: readonly { readonly unit: OrgUnit; readonly state: CommunityState; readonly confirmed: number }[];
}

/**
 * One day of a dispatch's trend: people under observation in the scope.
 *
 * @example
 * const p: TrendPoint = dailyDispatch(ledger, '2020-02-07', undefined, { trendDays: 14 }).trend[0];
 * p.underObservation; // => e.g. 1204
 * @category Reports
 */
export interface TrendPoint {
  /** The day. */
  readonly day: Day;
  /** People under observation that day. */
  readonly underObservation: number;
}

/**
 * Options of {@link dailyDispatch}.
 *
 * @example
 * const o: DispatchOptions = { trendDays: 14 };
 * @category Reports
 */
export interface DispatchOptions {
  /** Days of trend to include, ending on the report's day (default 0: none). */
  readonly trendDays?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Each unit's own figures of a day, before rolling up. */
function ownFigures(ledger: Ledger, day: Day): { own: Map<OrgId, DispatchSummary>; hasData: boolean } {
  const tree = ledgerTree(ledger);
  const parts = new Map<OrgId, { campaigns: CampaignMetrics[]; duty: Mutable<DutyMetrics>; supervision: Mutable<SupervisionMetrics> }>();
  const part = (unit: OrgId) => {
    let p = parts.get(unit);
    if (p === undefined) {
      p = { campaigns: [], duty: { seats: 0, filled: 0, leaderSeats: 0, leadersFilled: 0, checked: 0, absent: 0 }, supervision: { inspections: 0, raised: 0, open: 0, overdue: 0 } };
      parts.set(unit, p);
    }
    return p;
  };
  let hasData = false;
  tableForEach(ledger.campaigns, (campaign) => {
    if (!campaignRunsOn(campaign, day)) return;
    hasData = true;
    const progress = campaignProgress(ledger, campaign.id, day);
    for (const [unit, m] of progress.byUnit) part(unit).campaigns.push(m);
  });
  tableForEach(ledger.rosters, (roster) => {
    const marker = `/${day}/`;
    for (const seat of roster.seats) {
      if (!seat.includes(marker)) continue;
      hasData = true;
      const post = tableGet(ledger.posts, seat.slice(0, seat.indexOf('/')));
      if (post === undefined) continue;
      const d = part(post.unitId).duty;
      const duty = tableGet(ledger.duties, dutyKey(roster.id, seat));
      const filled = duty !== undefined && duty.personId !== null;
      d.seats++;
      if (filled) d.filled++;
      if (seat.endsWith('/L')) {
        d.leaderSeats++;
        if (filled) d.leadersFilled++;
      }
      if (duty?.attendance !== undefined) {
        d.checked++;
        if (duty.attendance.status === 'absent') d.absent++;
      }
    }
  });
  tableForEach(ledger.inspections, (i) => {
    if (dayOf(i.at) !== day) return;
    hasData = true;
    part(i.unitId).supervision.inspections++;
  });
  tableForEach(ledger.findings, (f) => {
    if (f.raisedOn > day) return;
    const s = part(f.unitId).supervision;
    if (f.raisedOn === day) s.raised++;
    if (f.closedOn === undefined || f.closedOn > day) {
      s.open++;
      if (deadlineOn(f, day) < day) s.overdue++;
    }
  });
  const own = new Map<OrgId, DispatchSummary>();
  for (const [unit, p] of parts) {
    if (!tree.indexOf.has(unit)) continue;
    const base = emptySummary();
    const s: Mutable<DispatchSummary> = { ...base, duty: p.duty, supervision: p.supervision };
    for (const m of p.campaigns) {
      if (m.kind === 'doorKnocking') s.doorKnocking = mergeMetrics(s.doorKnocking, m);
      else if (m.kind === 'homePrevention') s.homePrevention = mergeMetrics(s.homePrevention, m);
      else if (m.kind === 'cleaning') s.cleaning = mergeMetrics(s.cleaning, m);
      else s.volunteerService = mergeMetrics(s.volunteerService, m);
    }
    own.set(unit, s);
  }
  return { own, hasData };
}

/**
 * The headquarters' daily dispatch for a day, for the county or any unit of it (`scope`): every
 * figure of the ledger that day — screening coverage and its change, people under observation
 * (new, released, escalated, checks missed, lost to follow-up), service requests open and overdue,
 * sites disinfected and overdue, volunteer hours and open tasks, roster fill rate and leading cadres
 * on duty, inspections and open and overdue findings — per unit, rolled up the tree by
 * {@link mergeSummaries}, with the day before for comparison and the villages whose figures moved
 * most, and, when asked for, the trend of people under observation over the days before. An invalid day or an unknown scope is an
 * error; a day with no data says so.
 *
 * @example
 * const report = dailyDispatch(ledger, '2020-02-07');
 * report.rows.map((r) => [r.unit.name, coverage(r.summary.doorKnocking)]);
 * @category Reports
 */
export function dailyDispatch(ledger: Ledger, day: Day | string, scope?: OrgId | string, options: DispatchOptions = {}): DailyDispatch {
  const valid = Day.safeParse(day);
  if (!valid.success) throw new FrontlineError('invalid_day', `invalid day '${String(day)}'`, issuesFromZod(valid.error, ['day']));
  const tree = ledgerTree(ledger);
  const scopeId = (scope ?? tree.root) as OrgId;
  const at = tree.indexOf.get(scopeId);
  if (at === undefined || tree.units.length === 0)
    throw new FrontlineError('unknown_unit', 'unknown scope', [{ path: ['scope'], code: 'unknown_unit', message: tree.units.length === 0 ? 'the ledger has no units' : `unknown unit '${scopeId}'` }]);
  const today = ownFigures(ledger, valid.data);
  const byUnit = rollup(tree, today.own, SUMMARY_MONOID);
  const yesterday = ownFigures(ledger, addDays(valid.data, -1));
  const before = yesterday.hasData ? rollup(tree, yesterday.own, SUMMARY_MONOID) : null;
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
      if (o1 !== o0) obs.push({ unit: u, figure: 'underObservation', from: o0, to: o1, change: o1 - o0 });
      const c0 = Math.round(1000 * coverage(a.doorKnocking)) / 10;
      const c1 = Math.round(1000 * coverage(b.doorKnocking)) / 10;
      if (c1 !== c0) cov.push({ unit: u, figure: 'coverage', from: c0, to: c1, change: Math.round((c1 - c0) * 10) / 10 });
    }
    const biggest = (x: Mover, y: Mover): number => Math.abs(y.change) - Math.abs(x.change) || (x.unit.id < y.unit.id ? -1 : 1);
    movers.push(...obs.sort(biggest).slice(0, 5), ...cov.sort(biggest).slice(0, 5));
  }
  const trendDays = options.trendDays ?? 0;
  if (!Number.isInteger(trendDays) || trendDays < 0 || trendDays > 92)
    throw new FrontlineError('invalid_input', 'invalid trend', [{ path: ['options', 'trendDays'], code: 'invalid_trend', message: 'trendDays is a whole number from 0 to 92' }]);
  const trend: TrendPoint[] = [];
  for (let k = trendDays - 1; k >= 0; k--) {
    const d = addDays(valid.data, -k);
    // the report's own day and the day before are known already
    if (k === 0) {
      trend.push({ day: d, underObservation: (scoped.get(scopeId) ?? emptySummary()).homePrevention.underObservation });
      continue;
    }
    if (k === 1 && before !== null) {
      trend.push({ day: d, underObservation: (before.get(scopeId) ?? emptySummary()).homePrevention.underObservation });
      continue;
    }
    let observed = 0;
    tableForEach(ledger.campaigns, (campaign) => {
      if (!campaignRunsOn(campaign, d) || campaign.kind !== 'homePrevention') return;
      const m = campaignProgress(ledger, campaign.id, d).rolledUp.get(scopeId);
      if (m?.kind === 'homePrevention') observed += m.underObservation;
    });
    trend.push({ day: d, underObservation: observed });
  }
  return {
    day: valid.data,
    scope: tree.units[at] as OrgUnit,
    trend,
    reporting: reportingStatus(ledger, valid.data, scopeId),
    communities: [...communityStates(ledger, valid.data)]
      .map(([id, s]) => ({ unit: tree.units[tree.indexOf.get(id) as number] as OrgUnit, state: s.state, confirmed: s.confirmed }))
      .filter((c) => scoped.has(c.unit.id) && c.state !== 'none')
      .sort((a, b) => b.confirmed - a.confirmed || (a.unit.id < b.unit.id ? -1 : 1)),
    hasData: today.hasData,
    note: today.hasData ? null : { zh: `${valid.data}无任何记录：以下数字不是测量结果`, en: `nothing was recorded for ${valid.data}: the figures below are not measurements` },
    total: scoped.get(scopeId) ?? emptySummary(),
    previous: before === null ? null : (before.get(scopeId) ?? emptySummary()),
    rows,
    byUnit: scoped,
    movers,
  };
}
