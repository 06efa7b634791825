import { dayOf, fromEpochDay, instantAt, requireDay, toEpochDay, type Day } from '../core/day.js';
import { FrontlineError } from '../core/errors.js';
import { requireList, requireString } from '../core/guards.js';
import type { CampaignId, CampaignIdOf, OrgId } from '../core/ids.js';
import type { CampaignKind } from '../core/vocabulary.js';
import { treeOfUnits } from '../org/treeCache.js';
import { requireLedger, type CampaignLedger } from './tables.js';
import { tableForEach, tableGet } from '../store/table.js';
import { coverageMask } from '../org/queries.js';
import type { OrgTree } from '../org/tree.js';
import type { OrgUnit } from '../org/unit.js';
import { campaignRunsOn, type Campaign } from './campaign.js';
import { emptyMetrics, type CampaignMetrics, type MetricsOf } from './metrics.js';
import { followUp } from './observation.js';
import { dueRevisitBy } from './screening.js';


/**
 * A campaign's figures on a day: per unit (its own records), rolled up the tree (each unit with its
 * subtree), and in total over the units the campaign covers.
 *
 * @example
 * const p: CampaignProgress<DoorKnockingMetrics> = campaignProgress(ledger, SIMULATED_CAMPAIGNS.doorKnocking, '2020-02-01' as Day);
 * coverage(p.total); // => 1
 * @category Campaigns
 */
export interface CampaignProgress<M extends CampaignMetrics = CampaignMetrics> {
  /** The campaign. */
  readonly campaign: Campaign;
  /** The day. */
  readonly day: Day;
  /** Each covered unit's own figures. */
  readonly byUnit: ReadonlyMap<OrgId, M>;
  /** Each unit's figures with its subtree (covered units only contribute). */
  readonly rolledUp: ReadonlyMap<OrgId, M>;
  /** The campaign's total. */
  readonly total: M;
}

type Columns = Record<string, Float64Array>;

function columnsFor(kind: CampaignKind, n: number): Columns {
  const cols: Columns = {};
  for (const key of Object.keys(emptyMetrics(kind))) if (key !== 'kind') cols[key] = new Float64Array(n);
  return cols;
}

/**
 * The figures of a campaign on a day, per unit and rolled up the tree, computed in one pass over
 * the records the campaign's kind reads. The figures are mergeable ({@link mergeMetrics}):
 * - door-knocking: households, screened (coverage = screened / households), newly screened, visits
 *   and their outcomes, households due a revisit, service requests open, overdue and fulfilled;
 * - home prevention: letters delivered, declarations, people under observation, new, released,
 *   escalated, checks due, done and missed, lost to follow-up;
 * - cleaning: sites, disinfections required and done, sites due and overdue;
 * - volunteer service: volunteers, tasks, places, sign-ups, attendance, hours, open tasks.
 *
 * Throws a {@link FrontlineError} for an unknown campaign, a day that is not a real date, or a day
 * before the campaign started (there are no figures then, rather than zeros). For several days,
 * {@link campaignProgressSeries} reads the tables once for all of them.
 *
 * @param ledger - The ledger.
 * @param campaignId - The campaign.
 * @param day - The day.
 * @returns The campaign's figures on the day: by unit, rolled up and in total.
 * @throws {@link FrontlineError} `invalid_input` for an unknown campaign or a day before it started; `invalid_day` for a day that is not a real date.
 * @example
 * const p = campaignProgress(ledger, 'dk-2020' as CampaignId, '2020-02-01' as Day);
 * p.rolledUp.get('yc' as OrgId); // => p.total (the county's figures)
 * @category Campaigns
 */
export function campaignProgress<K extends CampaignKind = CampaignKind>(ledger: CampaignLedger, campaignId: CampaignIdOf<K>, day: Day): CampaignProgress<MetricsOf<K>> {
  requireLedger(ledger);
  requireString(campaignId, ['campaignId'], 'a campaign id');
  return progressSeries(ledger, campaignId, [day], {}, true)[0] as CampaignProgress<MetricsOf<K>>;
}

/**
 * The figures of a campaign on each of several days, as {@link campaignProgress} gives them for one
 * day, in the order of `days`, with each of the campaign's tables read once for all the days: the
 * cheap way to a trend, or to a day and the day before. Throws as {@link campaignProgress} does,
 * naming the first bad day by its index.
 *
 * @param ledger - The ledger.
 * @param campaignId - The campaign.
 * @param days - The days, in any order.
 * @returns The figures of each day, in the order of `days`.
 * @throws {@link FrontlineError} `invalid_input` for an unknown campaign or a day before it started; `invalid_day` for a day that is not a real date (naming its index).
 * @example
 * const [today, yesterday] = campaignProgressSeries(ledger, 'hp-2020' as CampaignId, ['2020-02-07', '2020-02-06'] as Day[]);
 * today?.total; // => campaignProgress(ledger, 'hp-2020' as CampaignId, '2020-02-07' as Day).total
 * @category Campaigns
 */
export function campaignProgressSeries<K extends CampaignKind = CampaignKind>(ledger: CampaignLedger, campaignId: CampaignIdOf<K>, days: readonly Day[]): CampaignProgress<MetricsOf<K>>[] {
  requireLedger(ledger);
  requireString(campaignId, ['campaignId'], 'a campaign id');
  requireList(days, ['days'], 'the days');
  return progressSeries(ledger, campaignId, days, {}) as CampaignProgress<MetricsOf<K>>[];
}

/** @internal {@link campaignProgressSeries} sharing counts with the other campaigns of one report. */
export function progressSeries(ledger: CampaignLedger, campaignId: CampaignId, days: readonly Day[], shared: ProgressShared, single = false): CampaignProgress[] {
  const campaign = tableGet(ledger.campaigns, campaignId);
  if (campaign === undefined)
    throw new FrontlineError('invalid_input', `unknown campaign '${campaignId}'`, [{ path: ['campaignId'], code: 'unknown_campaign', message: `no campaign '${campaignId}' in the ledger` }]);
  days.forEach((day, k) => {
    const path = single ? ['day'] : ['days', k];
    requireDay(day, path);
    if (day < campaign.startDay)
      throw new FrontlineError('invalid_input', `no figures for ${day}`, [
        { path, code: 'outside_campaign', message: `campaign '${campaignId}' starts on ${campaign.startDay}: there are no figures for ${day}` },
      ]);
  });
  const tree = treeOfUnits(ledger.units);
  const n = tree.units.length;
  const D = days.length;
  const mask = coverageMask(tree, campaign.covers);
  const cols = days.map(() => columnsFor(campaign.kind, n));
  const col = (name: string): Float64Array[] => cols.map((c) => c[name] as Float64Array);
  const pick = <N extends readonly string[]>(...names: N): { [K in keyof N]: Float64Array[] } => names.map(col) as { [K in keyof N]: Float64Array[] };
  const at = (unitId: string): number => {
    const i = tree.indexOf.get(unitId);
    return i !== undefined && mask[i] === 1 ? i : -1;
  };
  const countHouseholds = (): void => {
    const perUnit = householdsPerUnit(ledger, tree, shared);
    const households = col('households');
    for (const c of households) for (let i = 0; i < n; i++) if (mask[i] === 1) c[i] = perUnit[i] as number;
  };
  const yesterdays = days.map((day) => fromEpochDay(toEpochDay(day) - 1));

  switch (campaign.kind) {
    case 'doorKnocking': {
      countHouseholds();
      const revisit = ledger.settings.revisitAfterDays;
      // the last screening day that makes a household due, for each day (worked out once, not per household)
      const limits = days.map((day) => fromEpochDay(toEpochDay(day) - revisit));
      const [screened, newlyScreened, dueRevisit, visits, nobodyHome, refused] = pick('screened', 'newlyScreened', 'dueRevisit', 'visits', 'nobodyHome', 'refused');
      tableForEach(ledger.screenings, (s) => {
        if (s.campaignId !== campaignId) return;
        const i = at(s.unitId);
        if (i < 0) return;
        for (let d = 0; d < D; d++) {
          const day = days[d] as Day;
          if (s.firstScreenedOn !== undefined && s.firstScreenedOn <= day) inc(screened, d, i);
          if (s.firstScreenedOn === day) inc(newlyScreened, d, i);
          if (dueRevisitBy(s, day, limits[d] as Day)) inc(dueRevisit, d, i);
        }
      });
      const dayIndex = indexOfDays(days);
      tableForEach(ledger.visits, (v) => {
        if (v.campaignId !== campaignId) return;
        const ds = dayIndex.get(v.day);
        if (ds === undefined) return;
        const i = at(v.unitId);
        if (i < 0) return;
        for (const d of ds) {
          inc(visits, d, i);
          if (v.outcome === 'nobodyHome') inc(nobodyHome, d, i);
          else if (v.outcome === 'refused') inc(refused, d, i);
        }
      });
      const [open, overdue, fulfilledOn] = pick('servicesOpen', 'servicesOverdue', 'servicesFulfilled');
      const endOfDay = days.map((day) => Date.parse(instantAt(fromEpochDay(toEpochDay(day) + 1))));
      tableForEach(ledger.serviceRequests, (r) => {
        const i = at(r.unitId);
        if (i < 0) return;
        const requested = Date.parse(r.requestedAt);
        const fulfilled = r.fulfilledAt === undefined ? Infinity : Date.parse(r.fulfilledAt);
        const due = Date.parse(r.dueAt);
        const fulfilledDay = r.fulfilledAt === undefined ? undefined : dayOf(r.fulfilledAt);
        for (let d = 0; d < D; d++) {
          const end = endOfDay[d] as number;
          if (requested >= end) continue;
          if (fulfilled >= end) {
            inc(open, d, i);
            if (due < end) inc(overdue, d, i);
          } else if (fulfilledDay === days[d]) inc(fulfilledOn, d, i);
        }
      });
      break;
    }
    case 'homePrevention': {
      countHouseholds();
      const [letters, declarations] = pick('lettersDelivered', 'declarations');
      tableForEach(ledger.letters, (l) => {
        if (l.campaignId !== campaignId) return;
        const i = at(l.unitId);
        if (i < 0) return;
        for (let d = 0; d < D; d++) if (l.day <= (days[d] as Day)) inc(letters, d, i);
      });
      tableForEach(ledger.declarations, (dec) => {
        const p = tableGet(ledger.people, dec.personId);
        const i = p === undefined ? -1 : at(p.unitId);
        if (i < 0) return;
        for (let d = 0; d < D; d++) if (dec.declaredOn <= (days[d] as Day)) inc(declarations, d, i);
      });
      const [newObs, under, missed, escalated, lost, released, transferred, checksDue, checksDone] = pick('newObservations',
        'underObservation',
        'checksMissed',
        'escalated',
        'lost',
        'released',
        'transferred',
        'checksDue',
        'checksDone');
      tableForEach(ledger.observations, (o) => {
        if (o.campaignId !== campaignId) return;
        let i = -2;
        for (let d = 0; d < D; d++) {
          const day = days[d] as Day;
          if (o.startedOn > day) continue;
          if (i === -2) i = at(o.unitId);
          if (i < 0) return;
          if (o.startedOn === day) inc(newObs, d, i);
          const f = followUp(o, day, ledger.settings);
          if (f.status === 'active' || f.status === 'lost' || f.status === 'escalated') {
            inc(under, d, i);
            inc(missed, d, i, f.missed);
          }
          if (f.status === 'escalated') inc(escalated, d, i);
          if (f.status === 'lost') inc(lost, d, i);
          // released on the day after the period ends (whether or not the release was recorded yet),
          // unless a fever sent the person to transfer instead
          if (f.endDay === yesterdays[d] && (f.status === 'completed' || f.status === 'released')) inc(released, d, i);
          if (o.ended?.outcome === 'transferred' && o.ended.day === day) inc(transferred, d, i);
          inc(checksDue, d, i, f.due);
          inc(checksDone, d, i, f.done);
        }
      });
      break;
    }
    case 'cleaning': {
      const [sites, required, done, sitesDue, sitesOverdue] = pick('sites', 'required', 'done', 'sitesDue', 'sitesOverdue');
      // a site is due only while the campaign runs, and overdue only for a day it ran
      const runsOn = days.map((x) => campaignRunsOn(campaign, x));
      const checkYesterday = yesterdays.map((y) => campaignRunsOn(campaign, y));
      tableForEach(ledger.sites, (s) => {
        const i = at(s.unitId);
        if (i < 0) return;
        const byDay = tableGet(ledger.disinfections, s.id)?.byDay;
        for (let d = 0; d < D; d++) {
          inc(sites, d, i);
          const count = byDay?.[days[d] as Day] ?? 0;
          inc(done, d, i, Math.min(count, s.timesPerDay));
          if (runsOn[d] === true) {
            inc(required, d, i, s.timesPerDay);
            if (count < s.timesPerDay) inc(sitesDue, d, i);
          }
          if (checkYesterday[d] === true && (byDay?.[yesterdays[d] as Day] ?? 0) < s.timesPerDay) inc(sitesOverdue, d, i);
        }
      });
      break;
    }
    case 'volunteerService': {
      const volunteers = col('volunteers');
      tableForEach(ledger.volunteers, (v) => {
        const i = at(v.teamId);
        if (i >= 0) for (let d = 0; d < D; d++) inc(volunteers, d, i);
      });
      const [tasks, places, signUps, attended, hours, openTasks] = pick('tasks', 'places', 'signUps', 'attended', 'hours', 'openTasks');
      const dayIndex = indexOfDays(days);
      tableForEach(ledger.tasks, (t) => {
        if (t.campaignId !== campaignId) return;
        const ds = dayIndex.get(t.day);
        if (ds === undefined) return;
        const i = at(t.unitId);
        if (i < 0) return;
        let h = 0;
        for (const a of t.attended) h += a.hours;
        for (const d of ds) {
          inc(tasks, d, i);
          inc(places, d, i, t.places);
          inc(signUps, d, i, t.signUps.length);
          inc(attended, d, i, t.attended.length);
          inc(hours, d, i, h);
          if (t.signUps.length < t.places) inc(openTasks, d, i);
        }
      });
      break;
    }
  }
  return days.map((day, d) => assemble(campaign, day, tree, mask, cols[d] as Columns));
}

/** @internal What several progress computations of one report share: the households per unit, counted once. */
export interface ProgressShared {
  /** Households per unit (by preorder index). */
  households?: Float64Array;
}

function householdsPerUnit(ledger: CampaignLedger, tree: OrgTree, shared: ProgressShared): Float64Array {
  if (shared.households !== undefined) return shared.households;
  const perUnit = new Float64Array(tree.units.length);
  tableForEach(ledger.households, (h) => {
    const i = tree.indexOf.get(h.unitId);
    if (i !== undefined) perUnit[i] = (perUnit[i] as number) + 1;
  });
  shared.households = perUnit;
  return perUnit;
}

/** Adds `v` to unit `i`'s figure of day `d`. */
function inc(col: readonly Float64Array[], d: number, i: number, v = 1): void {
  const c = col[d] as Float64Array;
  c[i] = (c[i] as number) + v;
}

/** The indexes of each day in `days` (a day may be asked for twice). */
function indexOfDays(days: readonly Day[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  days.forEach((day, d) => {
    const list = out.get(day);
    if (list === undefined) out.set(day, [d]);
    else list.push(d);
  });
  return out;
}

/** @internal Builds per-unit figures from columns and rolls them up the tree in one reverse sweep. */
function assemble(campaign: Campaign, day: Day, tree: OrgTree, mask: Uint8Array, cols: Columns): CampaignProgress {
  const n = tree.units.length;
  const keys = Object.keys(cols);
  const own = keys.map((k) => (cols[k] as Float64Array).slice());
  const sums = keys.map((k) => cols[k] as Float64Array);
  for (let i = n - 1; i > 0; i--) {
    const p = tree.parentIndex[i] as number;
    for (const col of sums) col[p] = (col[p] as number) + (col[i] as number);
  }
  const make = (source: Float64Array[], i: number): CampaignMetrics => {
    const m: Record<string, unknown> = { kind: campaign.kind };
    keys.forEach((k, c) => (m[k] = (source[c] as Float64Array)[i]));
    return m as unknown as CampaignMetrics;
  };
  const byUnit = new Map<OrgId, CampaignMetrics>();
  const rolledUp = new Map<OrgId, CampaignMetrics>();
  const total: Record<string, unknown> = { kind: campaign.kind };
  for (const k of keys) total[k] = 0;
  for (let i = 0; i < n; i++) {
    const id = (tree.units[i] as OrgUnit).id;
    rolledUp.set(id, make(sums, i));
    if (mask[i] === 1) {
      byUnit.set(id, make(own, i));
      keys.forEach((k, c) => (total[k] = (total[k] as number) + ((own[c] as Float64Array)[i] as number)));
    }
  }
  return { campaign, day, byUnit, rolledUp, total: total as unknown as CampaignMetrics };
}
