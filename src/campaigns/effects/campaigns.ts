import type { Issue } from '../../core/errors.js';
import type { Day } from '../../core/day.js';
import type { Campaign } from '../campaign.js';
import { coverageMask } from '../../org/queries.js';
import type { CampaignKind } from '../../core/vocabulary.js';
import type { CampaignClosed, CampaignOpened } from '../events.js';
import { tableEdit, tableGet, tableHas, tableSet } from '../../store/table.js';
import { problem, unitsOf, type Effect, type EffectContext } from '../../store/effect.js';
import type { RegisterTables } from '../../register/tables.js';
import type { CampaignTables } from '../tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & CampaignTables;

/**
 * @internal Checks that a campaign exists, is of the kind, runs on the day and covers the unit;
 * adds the problems at `path` to `issues` and returns it.
 */
export function checkCampaign(
  state: State,
  ctx: EffectContext,
  campaignId: string,
  kind: CampaignKind,
  day: Day,
  unitId: string | undefined,
  path: PropertyKey[],
  issues: Issue[] = [],
): Issue[] {
  const c: Campaign | undefined = tableGet(state.campaigns, campaignId);
  if (c === undefined) {
    issues.push(problem('unknown_campaign', `unknown campaign '${campaignId}'`, ...path));
    return issues;
  }
  if (c.kind !== kind) issues.push(problem('campaign_kind', `campaign '${campaignId}' is ${c.kind}, not ${kind}`, ...path));
  if (day < c.startDay || (c.endDay !== undefined && day > c.endDay))
    issues.push(problem('outside_campaign', `${day} is outside campaign '${campaignId}' (${c.startDay} – ${c.endDay ?? 'open'})`, ...path));
  if (unitId !== undefined) {
    const i = ctx.tree.indexOf.get(unitId);
    if (i === undefined || coverageOf(ctx, c)[i] !== 1) issues.push(problem('not_covered', `unit '${unitId}' is not covered by campaign '${campaignId}'`, ...path));
  }
  return issues;
}

/** @internal The preorder mask of the units a campaign covers, built once per campaign and tree. */
function coverageOf(ctx: EffectContext, c: Campaign): Uint8Array {
  let mask = ctx.coverage.get(c.id);
  if (mask === undefined || mask.length !== ctx.tree.units.length) {
    mask = coverageMask(ctx.tree, c.covers);
    ctx.coverage.set(c.id, mask);
  }
  return mask;
}

export const campaignOpened: Effect<State, CampaignOpened> = {
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

export const campaignClosed: Effect<State, CampaignClosed> = {
  check: (state, e, ctx) => {
    const c = tableGet(state.campaigns, e.campaignId);
    if (c === undefined) return [problem('unknown_campaign', `unknown campaign '${e.campaignId}'`, 'campaignId')];
    const issues: Issue[] = [];
    if (c.status === 'closed') issues.push(problem('closed', `campaign '${e.campaignId}' is already closed`, 'campaignId'));
    if (e.endDay < c.startDay) issues.push(problem('end_before_start', `ends ${e.endDay}, before it starts ${c.startDay}`, 'endDay'));
    if (e.endDay > ctx.day) issues.push(problem('future_end', `cannot close on ${e.endDay}, after the event's day ${ctx.day}`, 'endDay'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.campaigns, e.campaignId)?.ownerUnitId), action: 'command' }),
  recipe: (state, e) => {
    const c = tableEdit(state.campaigns, e.campaignId);
    c.status = 'closed';
    c.endDay = e.endDay;
  },
};
