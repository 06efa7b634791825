import { strongerOutcome } from '../screening.js';
import type { Issue } from '../../core/errors.js';
import type { HouseholdClassified, ServiceFulfilled, ServiceRequested, VisitRecorded } from '../events.js';
import { tableEdit, tableEditIfAny, tableGet, tableHas, tableSet } from '../../store/table.js';
import type { OrgId } from '../../core/ids.js';
import { checkCampaign } from './campaigns.js';
import { problem, unitsOf, type Effect } from '../../store/effect.js';
import { pairKey } from '../../store/keys.js';
import type { RegisterTables } from '../../register/tables.js';
import type { CampaignTables } from '../tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & CampaignTables;

export const visitRecorded: Effect<State, VisitRecorded> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.visits, e.visitId)) issues.push(problem('duplicate_id', `visit '${e.visitId}' exists`, 'visitId'));
    const h = tableGet(state.households, e.householdId);
    if (h === undefined) issues.push(problem('unknown_household', `unknown household '${e.householdId}'`, 'householdId'));
    checkCampaign(state, ctx, e.campaignId, 'doorKnocking', ctx.day, h?.unitId, ['campaignId'], issues);
    for (let i = 0; i < e.visitors.length; i++) {
      const v = e.visitors[i] as string;
      if (!tableHas(state.people, v)) issues.push(problem('unknown_person', `unknown visitor '${v}'`, 'visitors', i));
    }
    ctx.found = h?.unitId;
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.households, e.householdId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const unitId = ctx.found as OrgId;
    const day = ctx.day;
    tableSet(state.visits, e.visitId, { id: e.visitId, campaignId: e.campaignId, householdId: e.householdId, unitId, day, at: e.at, outcome: e.outcome, visitors: e.visitors });
    const key = pairKey(e.campaignId, e.householdId);
    const screened = e.outcome === 'screened';
    const s = tableEditIfAny(state.screenings, key);
    if (s === undefined) {
      tableSet(
        state.screenings,
        key,
        screened
          ? { campaignId: e.campaignId, householdId: e.householdId, unitId, firstScreenedOn: day, lastScreenedOn: day, lastVisitOn: day, lastOutcome: e.outcome, visits: 1, log: [{ day, outcome: e.outcome }] }
          : { campaignId: e.campaignId, householdId: e.householdId, unitId, lastVisitOn: day, lastOutcome: e.outcome, visits: 1, log: [{ day, outcome: e.outcome }] },
      );
      return;
    }
    s.visits += 1;
    s.log = [...s.log, { day, outcome: e.outcome }];
    // a late-recorded earlier visit does not move the last visit back; two visits of one day give the
    // stronger outcome, whatever order they are recorded in
    if (day > s.lastVisitOn) {
      s.lastVisitOn = day;
      s.lastOutcome = e.outcome;
    } else if (day === s.lastVisitOn) s.lastOutcome = strongerOutcome(s.lastOutcome, e.outcome);
    if (screened) {
      if (s.firstScreenedOn === undefined || day < s.firstScreenedOn) s.firstScreenedOn = day;
      if (s.lastScreenedOn === undefined || day > s.lastScreenedOn) s.lastScreenedOn = day;
    }
  },
};

/** Whether a person of the ledger is registered as a confirmed case on or before a day. */
function confirmedBy(state: State, personId: string, day: string): boolean {
  const householdId = tableGet(state.people, personId)?.householdId;
  const history = householdId === undefined ? undefined : tableGet(state.classifications, householdId);
  return history?.entries.some((x) => x.personId === personId && x.category === 'confirmed' && x.day <= day) ?? false;
}

export const householdClassified: Effect<State, HouseholdClassified> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    const h = tableGet(state.households, e.householdId);
    if (h === undefined) issues.push(problem('unknown_household', `unknown household '${e.householdId}'`, 'householdId'));
    else if (e.personId !== undefined && !h.members.includes(e.personId))
      issues.push(problem('not_a_member', `'${e.personId}' is not a member of household '${e.householdId}'`, 'personId'));
    const source = e.source;
    if (source === undefined) return issues;
    if (e.category !== 'confirmed') issues.push(problem('source_not_confirmed', `only a confirmed case names its source, not a '${e.category}' registration`, 'source'));
    else if (source.kind === 'case') {
      if (source.personId === e.personId) issues.push(problem('own_source', `'${source.personId}' cannot be their own source`, 'source', 'personId'));
      else if (!tableHas(state.people, source.personId)) issues.push(problem('unknown_person', `unknown person '${source.personId}'`, 'source', 'personId'));
      else if (!confirmedBy(state, source.personId, ctx.day))
        issues.push(problem('unknown_source_case', `'${source.personId}' is not registered as a confirmed case by ${ctx.day}: a source case is registered first`, 'source', 'personId'));
    }
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.households, e.householdId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const h = tableGet(state.households, e.householdId);
    if (h === undefined) return;
    const entry = {
      day: ctx.day,
      category: e.category,
      ...(e.personId === undefined ? {} : { personId: e.personId }),
      ...(e.source === undefined ? {} : { source: e.source }),
      by: e.by,
      eventId: e.id,
    };
    if (!tableHas(state.classifications, e.householdId)) {
      tableSet(state.classifications, e.householdId, { householdId: e.householdId, unitId: h.unitId, entries: [entry] });
      return;
    }
    const c = tableEdit(state.classifications, e.householdId);
    // oldest first: a late-recorded earlier classification goes before the later ones
    let at = c.entries.length;
    while (at > 0 && (c.entries[at - 1] as (typeof c.entries)[number]).day > entry.day) at--;
    c.entries = at === c.entries.length ? [...c.entries, entry] : [...c.entries.slice(0, at), entry, ...c.entries.slice(at)];
  },
};

export const serviceRequested: Effect<State, ServiceRequested> = {
  check: (state, e) => {
    const issues: Issue[] = [];
    if (tableHas(state.serviceRequests, e.requestId)) issues.push(problem('duplicate_id', `request '${e.requestId}' exists`, 'requestId'));
    if (!tableHas(state.households, e.householdId)) issues.push(problem('unknown_household', `unknown household '${e.householdId}'`, 'householdId'));
    if (Date.parse(e.dueAt) < Date.parse(e.at)) issues.push(problem('due_before_request', `due ${e.dueAt}, before it was asked for (${e.at})`, 'dueAt'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.households, e.householdId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    const h = tableGet(state.households, e.householdId);
    if (h === undefined) return;
    tableSet(state.serviceRequests, e.requestId, { id: e.requestId, householdId: e.householdId, unitId: h.unitId, kind: e.kind, requestedAt: e.at, dueAt: e.dueAt });
  },
};

export const serviceFulfilled: Effect<State, ServiceFulfilled> = {
  check: (state, e) => {
    const r = tableGet(state.serviceRequests, e.requestId);
    if (r === undefined) return [problem('unknown_request', `unknown service request '${e.requestId}'`, 'requestId')];
    if (r.fulfilledAt !== undefined) return [problem('already_fulfilled', `request '${e.requestId}' was fulfilled at ${r.fulfilledAt}`, 'requestId')];
    if (Date.parse(e.at) < Date.parse(r.requestedAt)) return [problem('before_request', `fulfilled at ${e.at}, before it was asked for`, 'at')];
    return [];
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.serviceRequests, e.requestId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    const r = tableEdit(state.serviceRequests, e.requestId);
    r.fulfilledAt = e.at;
    r.fulfilledBy = e.by;
  },
};
