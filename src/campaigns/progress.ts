import { Day, dayOf, fromEpochDay, instantAt, toEpochDay } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { CampaignId, OrgId } from '../core/ids.js';
import type { CampaignKind } from '../core/vocabulary.js';
import { ledgerTree, type Ledger } from '../ledger/ledger.js';
import { tableForEach, tableGet } from '../ledger/table.js';
import { coverageMask } from '../org/queries.js';
import type { OrgTree } from '../org/tree.js';
import type { OrgUnit } from '../org/unit.js';
import type { Campaign } from './campaign.js';
import { emptyMetrics, type CampaignMetrics } from './metrics.js';
import { followUp } from './observation.js';
import { isDueRevisit } from './screening.js';

/**
 * A campaign's figures on a day: per unit (its own records), rolled up the tree (each unit with its
 * subtree), and in total over the units the campaign covers.
 *
 * @example
 * const p: CampaignProgress = campaignProgress(ledger, 'dk' as CampaignId, '2020-02-01' as Day);
 * coverage(p.total as DoorKnockingMetrics);
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
 * before the campaign started (there are no figures then, rather than zeros).
 *
 * @example
 * const p = campaignProgress(ledger, 'dk' as CampaignId, '2020-02-01' as Day);
 * p.rolledUp.get('yc.t03' as OrgId); // => the township's figures
 * @category Campaigns
 */
export function campaignProgress(ledger: Ledger, campaignId: CampaignId, day: Day): CampaignProgress {
  const campaign = tableGet(ledger.campaigns, campaignId);
  if (campaign === undefined)
    throw new FrontlineError('invalid_input', `unknown campaign '${campaignId}'`, [{ path: ['campaignId'], code: 'unknown_campaign', message: `no campaign '${campaignId}' in the ledger` }]);
  const valid = Day.safeParse(day);
  if (!valid.success) throw new FrontlineError('invalid_day', `invalid day '${String(day)}'`, issuesFromZod(valid.error, ['day']));
  if (day < campaign.startDay)
    throw new FrontlineError('invalid_input', `no figures for ${day}`, [
      { path: ['day'], code: 'outside_campaign', message: `campaign '${campaignId}' starts on ${campaign.startDay}: there are no figures for ${day}` },
    ]);
  const tree = ledgerTree(ledger);
  const n = tree.units.length;
  const mask = coverageMask(tree, campaign.covers);
  const cols = columnsFor(campaign.kind, n);
  const at = (unitId: string): number => {
    const i = tree.indexOf.get(unitId);
    return i !== undefined && mask[i] === 1 ? i : -1;
  };
  const add = (col: string, i: number, v = 1): void => {
    const c = cols[col] as Float64Array;
    c[i] = (c[i] as number) + v;
  };
  const countHouseholds = (): void =>
    tableForEach(ledger.households, (h) => {
      const i = at(h.unitId);
      if (i >= 0) add('households', i);
    });

  switch (campaign.kind) {
    case 'doorKnocking': {
      countHouseholds();
      const revisit = ledger.settings.revisitAfterDays;
      const today = toEpochDay(day);
      tableForEach(ledger.screenings, (s) => {
        if (s.campaignId !== campaignId) return;
        const i = at(s.unitId);
        if (i < 0) return;
        if (s.firstScreenedOn !== undefined && s.firstScreenedOn <= day) add('screened', i);
        if (s.firstScreenedOn === day) add('newlyScreened', i);
        if (isDueRevisit(s, day, revisit)) add('dueRevisit', i);
      });
      tableForEach(ledger.visits, (v) => {
        if (v.day !== day || v.campaignId !== campaignId) return;
        const i = at(v.unitId);
        if (i < 0) return;
        add('visits', i);
        if (v.outcome === 'nobodyHome') add('nobodyHome', i);
        else if (v.outcome === 'refused') add('refused', i);
      });
      const endOfDay = Date.parse(instantAt(fromEpochDay(today + 1)));
      tableForEach(ledger.serviceRequests, (r) => {
        const i = at(r.unitId);
        if (i < 0 || Date.parse(r.requestedAt) >= endOfDay) return;
        const fulfilled = r.fulfilledAt === undefined ? Infinity : Date.parse(r.fulfilledAt);
        if (fulfilled >= endOfDay) {
          add('servicesOpen', i);
          if (Date.parse(r.dueAt) < endOfDay) add('servicesOverdue', i);
        } else if (r.fulfilledAt !== undefined && dayOf(r.fulfilledAt) === day) add('servicesFulfilled', i);
      });
      break;
    }
    case 'homePrevention': {
      countHouseholds();
      tableForEach(ledger.letters, (l) => {
        if (l.campaignId !== campaignId || l.day > day) return;
        const i = at(l.unitId);
        if (i >= 0) add('lettersDelivered', i);
      });
      tableForEach(ledger.declarations, (d) => {
        if (d.declaredOn > day) return;
        const p = tableGet(ledger.people, d.personId);
        const i = p === undefined ? -1 : at(p.unitId);
        if (i >= 0) add('declarations', i);
      });
      const yesterday = fromEpochDay(toEpochDay(day) - 1);
      tableForEach(ledger.observations, (o) => {
        if (o.campaignId !== campaignId || o.startedOn > day) return;
        const i = at(o.unitId);
        if (i < 0) return;
        if (o.startedOn === day) add('newObservations', i);
        const f = followUp(o, day, ledger.settings);
        if (f.status === 'active' || f.status === 'lost' || f.status === 'escalated') {
          add('underObservation', i);
          add('checksMissed', i, f.missed);
        }
        if (f.status === 'escalated') add('escalated', i);
        if (f.status === 'lost') add('lost', i);
        // released on the day after the period ends (whether or not the release was recorded yet)
        if (f.endDay === yesterday && !(o.ended?.outcome === 'transferred' && o.ended.day <= yesterday)) add('released', i);
        if (o.ended?.outcome === 'transferred' && o.ended.day === day) add('transferred', i);
        add('checksDue', i, f.due);
        add('checksDone', i, f.done);
      });
      break;
    }
    case 'cleaning': {
      const yesterday = fromEpochDay(toEpochDay(day) - 1);
      const checkYesterday = yesterday >= campaign.startDay;
      tableForEach(ledger.sites, (s) => {
        const i = at(s.unitId);
        if (i < 0) return;
        add('sites', i);
        add('required', i, s.timesPerDay);
        const d = tableGet(ledger.disinfections, s.id);
        const count = d?.byDay[day] ?? 0;
        add('done', i, Math.min(count, s.timesPerDay));
        if (count < s.timesPerDay) add('sitesDue', i);
        if (checkYesterday && (d?.byDay[yesterday] ?? 0) < s.timesPerDay) add('sitesOverdue', i);
      });
      break;
    }
    case 'volunteerService': {
      tableForEach(ledger.volunteers, (v) => {
        const i = at(v.teamId);
        if (i >= 0) add('volunteers', i);
      });
      tableForEach(ledger.tasks, (t) => {
        if (t.day !== day || t.campaignId !== campaignId) return;
        const i = at(t.unitId);
        if (i < 0) return;
        add('tasks', i);
        add('places', i, t.places);
        add('signUps', i, t.signUps.length);
        add('attended', i, t.attended.length);
        for (const a of t.attended) add('hours', i, a.hours);
        if (t.signUps.length < t.places) add('openTasks', i);
      });
      break;
    }
  }
  return assemble(campaign, day, tree, mask, cols);
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
