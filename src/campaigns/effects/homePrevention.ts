import type { Issue } from '../../core/errors.js';
import type { Observation } from '../records.js';
import type { OrgId } from '../../core/ids.js';
import { countFrom, observationEnd } from '../observation.js';
import { addDays, type Day } from '../../core/day.js';
import type { LetterDelivered, ObservationEnded, ObservationExtended, ObservationHandedOver, ObservationReexposed, ObservationShortened, ObservationStarted, TemperatureChecked, TravelDeclared } from '../events.js';
import { OBSERVATION_EDITIONS } from '../../store/settings.js';
import { tableEdit, tableGet, tableHas, tableSet } from '../../store/table.js';
import { checkCampaign } from './campaigns.js';
import { problem, unitsOf, type Effect } from '../../store/effect.js';
import { pairKey } from '../../store/keys.js';
import type { RegisterTables } from '../../register/tables.js';
import type { CampaignTables } from '../tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & CampaignTables;

function openObservation(state: State, id: string): { obs?: Observation; issues: Issue[] } {
  const obs = tableGet(state.observations, id);
  if (obs === undefined) return { issues: [problem('unknown_observation', `unknown observation '${id}'`, 'observationId')] };
  if (obs.ended !== undefined)
    return { obs, issues: [problem('observation_ended', `observation '${id}' ended on ${obs.ended.day} (${obs.ended.outcome})`, 'observationId')] };
  return { obs, issues: [] };
}

export const letterDelivered: Effect<State, LetterDelivered> = {
  check: (state, e, ctx) => {
    const h = tableGet(state.households, e.householdId);
    if (h === undefined) return [problem('unknown_household', `unknown household '${e.householdId}'`, 'householdId')];
    const issues = checkCampaign(state, ctx, e.campaignId, 'homePrevention', ctx.day, h.unitId, ['campaignId']);
    if (tableHas(state.letters, pairKey(e.campaignId, e.householdId)))
      issues.push(problem('already_delivered', `the letter of '${e.campaignId}' was already delivered to '${e.householdId}'`, 'householdId'));
    ctx.found = h.unitId;
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.households, e.householdId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    tableSet(state.letters, pairKey(e.campaignId, e.householdId), { campaignId: e.campaignId, householdId: e.householdId, unitId: ctx.found as OrgId, day: ctx.day, by: e.by });
  },
};

export const travelDeclared: Effect<State, TravelDeclared> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.declarations, e.declarationId)) issues.push(problem('duplicate_id', `declaration '${e.declarationId}' exists`, 'declarationId'));
    if (!tableHas(state.people, e.personId)) issues.push(problem('unknown_person', `unknown person '${e.personId}'`, 'personId'));
    if (e.arrivalDay > ctx.day) issues.push(problem('future_arrival', `arrival ${e.arrivalDay} is after the declaration (${ctx.day})`, 'arrivalDay'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.people, e.personId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    tableSet(state.declarations, e.declarationId, {
      id: e.declarationId,
      personId: e.personId,
      from: e.from,
      category: e.category,
      arrivalDay: e.arrivalDay,
      declaredOn: ctx.day,
    });
  },
};

export const observationStarted: Effect<State, ObservationStarted> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.observations, e.observationId)) issues.push(problem('duplicate_id', `observation '${e.observationId}' exists`, 'observationId'));
    const person = tableGet(state.people, e.personId);
    if (person === undefined) issues.push(problem('unknown_person', `unknown person '${e.personId}'`, 'personId'));
    const day = ctx.day;
    checkCampaign(state, ctx, e.campaignId, 'homePrevention', day, person?.unitId, ['campaignId'], issues);
    if (e.fromDay > day) issues.push(problem('future_start', `an observation counted from ${e.fromDay} cannot be recorded on ${day}`, 'fromDay'));
    if (e.contactOf !== undefined && (e.contactOf === e.personId || !tableHas(state.people, e.contactOf)))
      issues.push(problem('unknown_case', `'${e.contactOf}' is not another person of the ledger`, 'contactOf'));
    const current = person?.observation === undefined ? undefined : tableGet(state.observations, person.observation);
    if (current !== undefined && stillObserved(current, day))
      issues.push(problem('already_observed', `'${e.personId}' is under observation '${current.id}' through ${observationEnd(current, day)}: extend it instead`, 'personId'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.people, e.personId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const edition = state.settings.observationEdition;
    const person = tableGet(state.people, e.personId);
    const obs: Observation = {
      id: e.observationId,
      personId: e.personId,
      unitId: person?.unitId ?? ('' as Observation['unitId']),
      campaignId: e.campaignId,
      setting: e.setting,
      category: e.category,
      basis: e.basis,
      fromDay: e.fromDay,
      ...(e.contactOf === undefined ? {} : { contactOf: e.contactOf }),
      startedOn: ctx.day,
      plannedDays: OBSERVATION_EDITIONS[edition]?.days ?? 14,
      edition,
      changes: [],
      readings: [],
    };
    tableSet(state.observations, e.observationId, obs);
    if (person !== undefined) tableEdit(state.people, e.personId).observation = e.observationId;
  },
};

/** Whether a person is registered as a confirmed case on or before a day (in their household's classification). */
function confirmedOn(state: State, personId: string, day: Day): boolean {
  const householdId = tableGet(state.people, personId)?.householdId;
  const h = householdId === undefined ? undefined : tableGet(state.classifications, householdId);
  return h?.entries.some((x) => x.category === 'confirmed' && x.personId === personId && x.day <= day) ?? false;
}

/** Whether an observation still holds a person on a day: not ended, and within its period or escalated. */
function stillObserved(obs: Observation, day: Day): boolean {
  if (obs.ended !== undefined && obs.ended.day <= day) return false;
  return obs.escalation !== undefined || observationEnd(obs, day) >= day;
}

export const observationExtended: Effect<State, ObservationExtended> = {
  check: (state, e) => openObservation(state, e.observationId).issues,
  scope: (state, e) => ({ units: unitsOf(tableGet(state.observations, e.observationId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const o = tableEdit(state.observations, e.observationId);
    const change = { days: e.days, on: ctx.day, by: e.by, eventId: e.id };
    o.changes = [...o.changes, e.reason === undefined ? change : { ...change, reason: e.reason }];
  },
};

export const observationShortened: Effect<State, ObservationShortened> = {
  check: (state, e, ctx) => {
    const { obs, issues } = openObservation(state, e.observationId);
    if (obs !== undefined && issues.length === 0) {
      const end = observationEnd({ ...obs, changes: [...obs.changes, { days: -e.days, on: ctx.day }] });
      const yesterday = addDays(ctx.day, -1);
      if (end < obs.fromDay)
        issues.push(problem('end_before_start', `shortening by ${e.days} days would end the observation (${end}) before it starts (${obs.fromDay})`, 'days'));
      else if (end < yesterday)
        issues.push(problem('end_before_decision', `shortening by ${e.days} days would end the observation on ${end}, before the decision of ${ctx.day}: it can end ${yesterday} at the earliest (released today)`, 'days'));
    }
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.observations, e.observationId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const o = tableEdit(state.observations, e.observationId);
    o.changes = [...o.changes, { days: -e.days, reason: e.reason, on: ctx.day, by: e.by, eventId: e.id }];
  },
};

export const observationReexposed: Effect<State, ObservationReexposed> = {
  check: (state, e, ctx) => {
    const { obs, issues } = openObservation(state, e.observationId);
    if (obs === undefined || issues.length > 0) return issues;
    if (e.exposedOn > ctx.day) issues.push(problem('future_exposure', `an exposure on ${e.exposedOn} cannot be recorded on ${ctx.day}`, 'exposedOn'));
    const from = countFrom(obs);
    if (e.exposedOn < from) issues.push(problem('not_latest', `the count of '${e.observationId}' already runs from ${from}: an exposure on ${e.exposedOn} does not restart it`, 'exposedOn'));
    if (obs.escalation !== undefined) issues.push(problem('escalated', `'${e.observationId}' was escalated to report-and-transfer on fever`, 'observationId'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.observations, e.observationId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const o = tableEdit(state.observations, e.observationId);
    o.exposures = [...(o.exposures ?? []), { day: e.exposedOn, on: ctx.day, by: e.by, eventId: e.id }];
  },
};

export const observationHandedOver: Effect<State, ObservationHandedOver> = {
  check: (state, e, ctx) => {
    const { obs, issues } = openObservation(state, e.observationId);
    for (const [field, unit] of [['toUnitId', e.toUnitId], ['stayUnitId', e.stayUnitId]] as const) {
      if (unit === undefined) continue;
      const u = ctx.tree.units[ctx.tree.indexOf.get(unit) ?? -1];
      if (u === undefined) issues.push(problem('unknown_unit', `unknown unit '${unit}'`, field));
      else if (!['village', 'community', 'township', 'subdistrict', 'institution'].includes(u.kind))
        issues.push(problem('unit_kind', `an observation is followed by a village, community, township or institution, not a ${u.kind}`, field));
    }
    if (obs !== undefined && issues.length === 0 && obs.unitId === e.toUnitId && (obs.stayUnitId ?? obs.unitId) === (e.stayUnitId ?? e.toUnitId))
      issues.push(problem('same_unit', `'${e.observationId}' is already followed by '${e.toUnitId}'`, 'toUnitId'));
    return issues;
  },
  // both the unit handing over and the unit taking over may record it
  scope: (state, e) => ({ units: unitsOf(tableGet(state.observations, e.observationId)?.unitId, e.toUnitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const o = tableEdit(state.observations, e.observationId);
    o.handovers = [...(o.handovers ?? []), { day: ctx.day, fromUnitId: o.unitId, toUnitId: e.toUnitId, by: e.by, eventId: e.id }];
    o.unitId = e.toUnitId;
    if (e.stayUnitId === undefined || e.stayUnitId === e.toUnitId) delete o.stayUnitId;
    else o.stayUnitId = e.stayUnitId;
  },
};

export const temperatureChecked: Effect<State, TemperatureChecked> = {
  check: (state, e, ctx) => {
    const { obs, issues } = openObservation(state, e.observationId);
    if (obs === undefined || issues.length > 0) return issues;
    const day = ctx.day;
    if (day < obs.fromDay) issues.push(problem('before_observation', `a check on ${day} is before the observation starts (${obs.fromDay})`, 'at'));
    if (obs.readings.some((r) => r.day === day && r.slot === e.slot))
      issues.push(problem('duplicate_check', `the ${e.slot} check of ${day} is already recorded for '${e.observationId}'`, 'slot'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.observations, e.observationId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const o = tableEdit(state.observations, e.observationId);
    o.readings = [...o.readings, { day: ctx.day, slot: e.slot, celsius: e.celsius, at: e.at, by: e.by }];
    if (e.celsius >= state.settings.feverCelsius && o.escalation === undefined)
      o.escalation = { at: e.at, celsius: e.celsius, action: 'reportAndTransfer' };
  },
};

export const observationEnded: Effect<State, ObservationEnded> = {
  check: (state, e, ctx) => {
    const { obs, issues } = openObservation(state, e.observationId);
    if (obs !== undefined && issues.length === 0 && e.outcome === 'released') {
      const day = ctx.day;
      const end = observationEnd(obs, day);
      if (day <= end)
        issues.push(problem('release_early', `'${e.observationId}' runs through ${end}: release from ${end.slice(0, 10)} + 1 day, or shorten it with a reason first`, 'outcome'));
      if (obs.escalation !== undefined)
        issues.push(problem('escalated', `'${e.observationId}' was escalated to report-and-transfer on fever: it ends by transfer`, 'outcome'));
    }
    if (obs !== undefined && issues.length === 0 && e.outcome === 'convertedToCase' && !confirmedOn(state, obs.personId, ctx.day))
      issues.push(problem('not_confirmed', `'${obs.personId}' is not registered as a confirmed case by ${ctx.day}: register the case (householdClassified) first`, 'outcome'));
    if (e.outcome === 'cancelled' && e.reason === undefined) issues.push(problem('reason_required', 'a cancelled follow-up needs a reason', 'reason'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.observations, e.observationId)?.unitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const o = tableEdit(state.observations, e.observationId);
    o.ended = e.reason === undefined ? { day: ctx.day, outcome: e.outcome } : { day: ctx.day, outcome: e.outcome, reason: e.reason };
  },
};
