import { instantAt, fromEpochDay, requireDay, requireInstant, toEpochDay, type Day, type Instant } from '../core/day.js';
import { FrontlineError } from '../core/errors.js';
import { describeValue, requireString } from '../core/guards.js';
import type { CampaignId, HouseholdId, OrgId } from '../core/ids.js';
import { treeOfUnits } from '../org/treeCache.js';
import { requireLedger, type CampaignLedger } from './tables.js';
import { tableForEach, tableGet, tableValues } from '../store/table.js';
import { campaignRunsOn } from './campaign.js';
import { coverageMask } from '../org/queries.js';
import type { OrgTree } from '../org/tree.js';
import type { Household } from '../people/person.js';
import type { ClassificationEntry, HouseholdScreening, ServiceRequest, Site, VolunteerTask } from './records.js';
import { followUp, type FollowUp } from './observation.js';
import { isDueRevisit } from './screening.js';
import { pairKey } from '../store/keys.js';


/** @internal A test for "within scope" (everything when no scope is given). */
function inScope(tree: OrgTree, scope: OrgId | undefined): (unitId: string) => boolean {
  if (scope === undefined) return () => true;
  const s = tree.indexOf.get(scope);
  if (s === undefined)
    throw new FrontlineError('unknown_unit', `unknown unit ${describeValue(scope)}`, [{ path: ['scope'], code: 'unknown_unit', message: `no unit ${describeValue(scope)} in the ledger's tree` }]);
  const end = tree.subtreeEnd[s] as number;
  return (unitId) => {
    const i = tree.indexOf.get(unitId);
    return i !== undefined && i >= s && i < end;
  };
}

/**
 * The day-by-day follow-up list (Go.Data's follow-up export): every observation under way on the
 * day within the scope, with the checks due and done, the misses, and the status (lost to follow-up,
 * escalated, …).
 *
 * @param ledger - The ledger.
 * @param day - The day.
 * @param scope - Only units within this one (default: the whole ledger).
 * @returns The follow-ups of observations active, lost or escalated on the day, with the person and unit, by observation id.
 * @throws {@link FrontlineError} `invalid_input` when `day` is not a real day; `unknown_unit` for a scope not in the ledger's tree.
 * @example
 * followUps(ledger, '2020-02-05' as Day).filter((f) => f.status === 'lost').map((f) => f.personId); // => ['p0017051']
 * @category Home prevention
 */
export function followUps(ledger: CampaignLedger, day: Day, scope?: OrgId): readonly (FollowUp & { readonly personId: string; readonly unitId: OrgId })[] {
  requireLedger(ledger);
  requireDay(day);
  const within = inScope(treeOfUnits(ledger.units), scope);
  const out: (FollowUp & { personId: string; unitId: OrgId })[] = [];
  tableForEach(ledger.observations, (o) => {
    if (o.startedOn > day || !within(o.unitId)) return;
    const f = followUp(o, day, ledger.settings);
    if (f.status === 'active' || f.status === 'lost' || f.status === 'escalated') out.push({ ...f, personId: o.personId, unitId: o.unitId });
  });
  return out.sort((a, b) => (a.observationId < b.observationId ? -1 : 1));
}

/**
 * The households of the register in the campaign's covered units (and the scope) that no visit of
 * the campaign has screened by the day.
 *
 * @param ledger - The ledger.
 * @param campaignId - The door-knocking campaign.
 * @param day - The day.
 * @param scope - Only units within this one (default: the whole ledger).
 * @returns The households not screened by the day, by id.
 * @throws {@link FrontlineError} `invalid_input` when `day` is not a real day or the ledger has no such campaign; `unknown_unit` for a scope not in the ledger's tree.
 * @example
 * unscreenedHouseholds(ledger, 'dk-2020' as CampaignId, '2020-01-27' as Day, 'yc.t119' as OrgId).length;
 * @category Door-knocking
 */
export function unscreenedHouseholds(ledger: CampaignLedger, campaignId: CampaignId, day: Day, scope?: OrgId): readonly Household[] {
  requireLedger(ledger);
  requireDay(day);
  requireString(campaignId, ['campaignId'], 'a campaign id');
  const tree = treeOfUnits(ledger.units);
  const campaign = tableGet(ledger.campaigns, campaignId);
  if (campaign === undefined) throw unknownCampaign(campaignId);
  const within = inScope(tree, scope);
  const covered = coverageMask(tree, campaign.covers);
  const out: Household[] = [];
  tableForEach(ledger.households, (h) => {
    if (!within(h.unitId) || covered[tree.indexOf.get(h.unitId) ?? -1] !== 1) return;
    const s = tableGet(ledger.screenings, pairKey(campaignId, h.id));
    if (s?.firstScreenedOn === undefined || s.firstScreenedOn > day) out.push(h);
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The households due a revisit on the day: the last visit found nobody home or was refused, or the
 * last screening is older than the ledger's revisit interval (dynamic updating).
 *
 * @param ledger - The ledger.
 * @param campaignId - The door-knocking campaign.
 * @param day - The day.
 * @param scope - Only units within this one (default: the whole ledger).
 * @returns The screening states of the households due, by household id.
 * @throws {@link FrontlineError} `invalid_input` when `day` is not a real day or the ledger has no such campaign; `unknown_unit` for a scope not in the ledger's tree.
 * @example
 * dueRevisits(ledger, 'dk-2020' as CampaignId, '2020-02-03' as Day).map((s) => s.householdId);
 * @category Door-knocking
 */
export function dueRevisits(ledger: CampaignLedger, campaignId: CampaignId, day: Day, scope?: OrgId): readonly HouseholdScreening[] {
  requireLedger(ledger);
  requireDay(day);
  requireString(campaignId, ['campaignId'], 'a campaign id');
  if (tableGet(ledger.campaigns, campaignId) === undefined) throw unknownCampaign(campaignId);
  const within = inScope(treeOfUnits(ledger.units), scope);
  const out: HouseholdScreening[] = [];
  tableForEach(ledger.screenings, (s) => {
    if (s.campaignId === campaignId && within(s.unitId) && isDueRevisit(s, day, ledger.settings.revisitAfterDays)) out.push(s);
  });
  return out.sort((a, b) => (a.householdId < b.householdId ? -1 : 1));
}

/**
 * The classified registration history of a household, oldest first (empty when none was made; a
 * screened household without entries counts as `general`).
 *
 * @param ledger - The ledger.
 * @param householdId - The household.
 * @returns Its entries, oldest first.
 * @example
 * classificationHistory(ledger, 'h0007009' as HouseholdId).map((e) => e.category); // => ['fromWuhan', 'fromHubei']
 * @category Door-knocking
 */
export function classificationHistory(ledger: CampaignLedger, householdId: HouseholdId): readonly ClassificationEntry[] {
  requireLedger(ledger);
  requireString(householdId, ['householdId'], 'a household id');
  return tableGet(ledger.classifications, householdId)?.entries ?? [];
}

/**
 * Service requests open at an instant (asked for, not yet fulfilled), each marked overdue when its
 * due time has passed.
 *
 * @param ledger - The ledger.
 * @param at - The instant.
 * @param scope - Only units within this one (default: the whole ledger).
 * @returns The open requests, soonest due first, each marked `overdue` or not.
 * @throws {@link FrontlineError} `invalid_input` when `at` is not a real instant with its offset; `unknown_unit` for a scope not in the ledger's tree.
 * @example
 * openServiceRequests(ledger, '2020-02-01T20:00:00+08:00' as Instant).filter((r) => r.overdue).length;
 * @category Door-knocking
 */
export function openServiceRequests(ledger: CampaignLedger, at: Instant, scope?: OrgId): readonly (ServiceRequest & { readonly overdue: boolean })[] {
  requireLedger(ledger);
  requireInstant(at);
  const within = inScope(treeOfUnits(ledger.units), scope);
  const now = Date.parse(at);
  const out: (ServiceRequest & { overdue: boolean })[] = [];
  tableForEach(ledger.serviceRequests, (r) => {
    if (!within(r.unitId) || Date.parse(r.requestedAt) > now) return;
    if (r.fulfilledAt !== undefined && Date.parse(r.fulfilledAt) <= now) return;
    out.push({ ...r, overdue: Date.parse(r.dueAt) < now });
  });
  return out.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Sites and their disinfections on a day: required, done, still due, and whether the day before
 * fell short while a cleaning campaign covering the site was running (overdue).
 *
 * @param ledger - The ledger.
 * @param day - The day.
 * @param scope - Only units within this one (default: the whole ledger).
 * @returns Each site with its disinfections done and still due on the day, and whether the day before fell short; by site id.
 * @throws {@link FrontlineError} `invalid_input` when `day` is not a real day; `unknown_unit` for a scope not in the ledger's tree.
 * @example
 * sitesDue(ledger, '2020-02-01' as Day).filter((s) => s.due > 0).map((s) => s.site.name);
 * @category Cleaning
 */
export function sitesDue(ledger: CampaignLedger, day: Day, scope?: OrgId): readonly { readonly site: Site; readonly done: number; readonly due: number; readonly overdue: boolean }[] {
  requireLedger(ledger);
  requireDay(day);
  const tree = treeOfUnits(ledger.units);
  const within = inScope(tree, scope);
  const yesterday = fromEpochDay(toEpochDay(day) - 1);
  // a site is overdue only if a cleaning campaign covering it ran the day before
  const running = tableValues(ledger.campaigns).filter((c) => c.kind === 'cleaning' && campaignRunsOn(c, yesterday));
  const ran = coverageMask(tree, running.flatMap((c) => c.covers));
  const ranYesterday = (unitId: string): boolean => ran[tree.indexOf.get(unitId) ?? -1] === 1;
  const out: { site: Site; done: number; due: number; overdue: boolean }[] = [];
  tableForEach(ledger.sites, (site) => {
    if (!within(site.unitId)) return;
    const d = tableGet(ledger.disinfections, site.id);
    const done = d?.byDay[day] ?? 0;
    out.push({ site, done, due: Math.max(0, site.timesPerDay - done), overdue: (d?.byDay[yesterday] ?? 0) < site.timesPerDay && ranYesterday(site.unitId) });
  });
  return out.sort((a, b) => (a.site.id < b.site.id ? -1 : 1));
}

/**
 * Volunteer tasks of a day that still have places, in the scope.
 *
 * @param ledger - The ledger.
 * @param day - The day.
 * @param scope - Only units within this one (default: the whole ledger).
 * @returns The tasks of the day with places left, by id.
 * @throws {@link FrontlineError} `invalid_input` when `day` is not a real day; `unknown_unit` for a scope not in the ledger's tree.
 * @example
 * openTasks(ledger, '2020-02-01' as Day).map((t) => [t.unitId, t.places - t.signUps.length]);
 * @category Volunteer service
 */
export function openTasks(ledger: CampaignLedger, day: Day, scope?: OrgId): readonly VolunteerTask[] {
  requireLedger(ledger);
  requireDay(day);
  const within = inScope(treeOfUnits(ledger.units), scope);
  const out: VolunteerTask[] = [];
  tableForEach(ledger.tasks, (t) => {
    if (t.day === day && t.signUps.length < t.places && within(t.unitId)) out.push(t);
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Hours served by each volunteer (attendance recorded), optionally up to a day.
 *
 * @param ledger - The ledger.
 * @param until - Count only tasks on or before this day (default: all).
 * @returns Hours by person id.
 * @example
 * volunteerHours(ledger).get('p0002690' as PersonId); // => 7
 * @category Volunteer service
 */
export function volunteerHours(ledger: CampaignLedger, until?: Day): ReadonlyMap<string, number> {
  requireLedger(ledger);
  if (until !== undefined) requireDay(until, 'until');
  const out = new Map<string, number>();
  tableForEach(ledger.tasks, (t) => {
    if (until !== undefined && t.day > until) return;
    for (const a of t.attended) out.set(a.personId, (out.get(a.personId) ?? 0) + a.hours);
  });
  return out;
}

function unknownCampaign(campaignId: string): FrontlineError {
  return new FrontlineError('invalid_input', `unknown campaign '${campaignId}'`, [{ path: ['campaignId'], code: 'unknown_campaign', message: `no campaign '${campaignId}' in the ledger` }]);
}

/** @internal The end of a day as an instant (for overdue checks at day's end). */
export function endOfDay(day: Day): Instant {
  return instantAt(fromEpochDay(toEpochDay(day) + 1));
}
