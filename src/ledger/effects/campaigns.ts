import type { Issue } from '../../core/errors.js';
import type { Day } from '../../core/day.js';
import { dayOf } from '../../core/day.js';
import type { Campaign } from '../../campaigns/campaign.js';
import type { CampaignKind } from '../../core/vocabulary.js';
import type { OrgTree } from '../../org/tree.js';
import type { CampaignClosed, CampaignOpened } from '../events.js';
import type { Ledger } from '../ledger.js';
import { tableEdit, tableGet, tableHas, tableSet } from '../table.js';
import { problem, unitsOf, type Effect } from './types.js';

/**
 * @internal Checks that a campaign exists, is of the kind, runs on the day and covers the unit;
 * returns the problems at `path`.
 */
export function checkCampaign(
  state: Ledger,
  tree: OrgTree,
  campaignId: string,
  kind: CampaignKind,
  day: Day,
  unitId: string | undefined,
  path: PropertyKey[],
): Issue[] {
  const c: Campaign | undefined = tableGet(state.campaigns, campaignId);
  if (c === undefined) return [problem('unknown_campaign', `unknown campaign '${campaignId}'`, ...path)];
  const issues: Issue[] = [];
  if (c.kind !== kind) issues.push(problem('campaign_kind', `campaign '${campaignId}' is ${c.kind}, not ${kind}`, ...path));
  if (day < c.startDay || (c.endDay !== undefined && day > c.endDay))
    issues.push(problem('outside_campaign', `${day} is outside campaign '${campaignId}' (${c.startDay} – ${c.endDay ?? 'open'})`, ...path));
  if (unitId !== undefined) {
    const i = tree.indexOf.get(unitId);
    const covered = i !== undefined && c.covers.some((s) => {
      const k = tree.indexOf.get(s);
      return k !== undefined && i >= k && i < (tree.subtreeEnd[k] as number);
    });
    if (!covered) issues.push(problem('not_covered', `unit '${unitId}' is not covered by campaign '${campaignId}'`, ...path));
  }
  return issues;
}

export const campaignOpened: Effect<CampaignOpened> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.campaigns, e.campaignId)) issues.push(problem('duplicate_id', `campaign '${e.campaignId}' exists`, 'campaignId'));
    if (!ctx.tree.indexOf.has(e.ownerUnitId)) issues.push(problem('unknown_unit', `unknown unit '${e.ownerUnitId}'`, 'ownerUnitId'));
    e.covers.forEach((u, i) => {
      if (!ctx.tree.indexOf.has(u)) issues.push(problem('unknown_unit', `unknown unit '${u}'`, 'covers', i));
    });
    if (e.endDay !== undefined && e.endDay < e.startDay) issues.push(problem('end_before_start', `ends ${e.endDay}, before it starts ${e.startDay}`, 'endDay'));
    return issues;
  },
  scope: (_s, e) => ({ units: [e.ownerUnitId, ...e.covers], action: 'command' }),
  recipe: (state, e) => {
    const c: Campaign = { id: e.campaignId, kind: e.kind, name: e.name, ownerUnitId: e.ownerUnitId, covers: e.covers, startDay: e.startDay, status: 'active' };
    tableSet(state.campaigns, e.campaignId, e.endDay === undefined ? c : { ...c, endDay: e.endDay });
  },
};

export const campaignClosed: Effect<CampaignClosed> = {
  check: (state, e) => {
    const c = tableGet(state.campaigns, e.campaignId);
    if (c === undefined) return [problem('unknown_campaign', `unknown campaign '${e.campaignId}'`, 'campaignId')];
    const issues: Issue[] = [];
    if (c.status === 'closed') issues.push(problem('closed', `campaign '${e.campaignId}' is already closed`, 'campaignId'));
    if (e.endDay < c.startDay) issues.push(problem('end_before_start', `ends ${e.endDay}, before it starts ${c.startDay}`, 'endDay'));
    if (e.endDay > dayOf(e.at)) issues.push(problem('future_end', `cannot close on ${e.endDay}, after the event's day ${dayOf(e.at)}`, 'endDay'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.campaigns, e.campaignId)?.ownerUnitId), action: 'command' }),
  recipe: (state, e) => {
    const c = tableEdit(state.campaigns, e.campaignId);
    c.status = 'closed';
    c.endDay = e.endDay;
  },
};
