/**
 * The hand-written baselines of `ledger.bench.ts`:
 *
 * - {@link foldJournal}: a mutable fold of a campaign journal into plain `Map`s and mutable objects.
 *   It builds the same records as the library's effects (the domains' `effects.ts`): visits,
 *   screenings per `campaign|household`, letters, declarations, observations with their readings,
 *   changes, escalation and end, classification histories, service requests, sites, disinfections
 *   per site and day, volunteers, tasks with sign-ups and attendance, and every event id with its
 *   instant. It makes the same reference checks (duplicate event id, unknown recorder, household,
 *   person, campaign, observation, site, task; campaign kind, days and coverage; …) and throws on the
 *   first failure instead of collecting every problem. It does not validate shapes (like
 *   `{ trusted: true }`) and handles the campaign events only: the register events
 *   (`unitsAdded`, `peopleRegistered`, `householdsRegistered`, `commandSet`, `settingsChanged`)
 *   come with the base.
 * - {@link handProgress}: a single pass per table over a ledger computing the figures of
 *   `campaignProgress` (`src/campaigns/progress.ts`), per unit, rolled up and in total.
 *
 * Both read the library's public types and `Table` shape only; when the library's effects or
 * figures change, mirror the change here (the bench checks both agree record by record and figure by
 * figure, and fails otherwise).
 */
import { isDeepStrictEqual } from 'node:util';
import {
  OBSERVATION_EDITIONS,
  dayOf,
  ledgerTree,
  tableForEach,
  tableGet,
  type Campaign,
  type CampaignKind,
  type CampaignMetrics,
  type ClassificationHistory,
  type Day,
  type HouseholdScreening,
  type Household,
  type Ledger,
  type LedgerEvent,
  type LetterDelivery,
  type Observation,
  type OrgId,
  type OrgUnit,
  type Person,
  type ServiceRequest,
  type Site,
  type SiteDisinfections,
  type Table,
  type TravelDeclaration,
  type Visit,
  type Volunteer,
  type VolunteerTask,
} from '../src/index.js';

// ---------------------------------------------------------------------------------------------
// days

/** The day of an instant: its first ten characters when written in Beijing time, else the library's `dayOf`. */
function dayOfAt(at: string): Day {
  return (at.endsWith('+08:00') && at >= '1992' ? at.slice(0, 10) : dayOf(at)) as Day;
}

const MS_PER_DAY = 86_400_000;

/** A day's outcome when it had several visits: screened, then refused, then nobody home. */
const OUTCOME_RANK: Readonly<Record<'nobodyHome' | 'refused' | 'screened', number>> = { nobodyHome: 0, refused: 1, screened: 2 };

/** Days since 1970-01-01 (years ≥ 100). */
function epochDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

function fromEpoch(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10) as Day;
}

// ---------------------------------------------------------------------------------------------
// the fold

/** The records a journal writes, in plain mutable Maps. */
export interface FoldRecords {
  readonly campaigns: Map<string, Campaign>;
  readonly letters: Map<string, LetterDelivery>;
  readonly declarations: Map<string, TravelDeclaration>;
  readonly observations: Map<string, Observation>;
  readonly visits: Map<string, Visit>;
  readonly screenings: Map<string, HouseholdScreening>;
  readonly classifications: Map<string, ClassificationHistory>;
  readonly serviceRequests: Map<string, ServiceRequest>;
  readonly sites: Map<string, Site>;
  readonly disinfections: Map<string, SiteDisinfections>;
  readonly volunteers: Map<string, Volunteer>;
  readonly tasks: Map<string, VolunteerTask>;
  /** Event id → instant, for the events of the journal (the base's ids are in {@link FoldBase.eventIds}). */
  readonly events: Map<string, string>;
  eventCount: number;
}

/** The tables of {@link FoldRecords} that hold records (all but `events`). */
export const FOLD_TABLES = [
  'campaigns',
  'letters',
  'declarations',
  'observations',
  'visits',
  'screenings',
  'classifications',
  'serviceRequests',
  'sites',
  'disinfections',
  'volunteers',
  'tasks',
] as const;

/**
 * What the fold starts from, built once from a base ledger: lookup Maps of its register (people,
 * households, units, event ids; read only) and its records of the tables a journal writes (copied
 * at the start of every fold, so a fold never changes its base).
 */
export interface FoldBase {
  readonly units: readonly OrgUnit[];
  readonly unitIndex: ReadonlyMap<string, number>;
  readonly subtreeEnd: Int32Array;
  readonly people: ReadonlyMap<string, Person>;
  readonly households: ReadonlyMap<string, Household>;
  readonly eventIds: ReadonlySet<string>;
  readonly eventCount: number;
  readonly feverCelsius: number;
  readonly edition: string;
  readonly plannedDays: number;
  readonly records: Omit<FoldRecords, 'events' | 'eventCount'>;
}

function mapOf<T>(table: Table<T>): Map<string, T> {
  const m = new Map<string, T>();
  tableForEach(table, (v, id) => m.set(id, v));
  return m;
}

/** Builds the fold's lookup Maps from a base ledger (its register and any records it already holds). */
export function foldBase(ledger: Ledger): FoldBase {
  const eventIds = new Set<string>();
  tableForEach(ledger.events, (_at, id) => eventIds.add(id));
  return { ...foldBaseRecordsOnly(ledger), people: mapOf(ledger.people), households: mapOf(ledger.households), eventIds };
}

/** A read-only Map over a ledger table: the fold reads the very tables the library reads. */
function tableView<T>(table: Table<T>): ReadonlyMap<string, T> {
  return { get: (id: string) => tableGet(table, id), has: (id: string) => tableGet(table, id) !== undefined, size: table.size } as unknown as ReadonlyMap<string, T>;
}

/**
 * The fold's base reading the ledger's own tables for people, households and event ids (no lookup
 * Maps built first): the same input the library gets.
 */
export function foldBaseOnTables(ledger: Ledger): FoldBase {
  const maps = foldBaseRecordsOnly(ledger);
  return { ...maps, people: tableView(ledger.people), households: tableView(ledger.households), eventIds: tableView(ledger.events) as unknown as ReadonlySet<string> };
}

/** {@link foldBase} without the big lookup Maps (they are filled in by the caller). */
function foldBaseRecordsOnly(ledger: Ledger): FoldBase {
  const tree = ledgerTree(ledger);
  const edition = ledger.settings.observationEdition;
  return {
    units: tree.units,
    unitIndex: tree.indexOf,
    subtreeEnd: tree.subtreeEnd,
    people: new Map(),
    households: new Map(),
    eventIds: new Set(),
    eventCount: ledger.eventCount,
    feverCelsius: ledger.settings.feverCelsius,
    edition,
    plannedDays: OBSERVATION_EDITIONS[edition]?.days ?? 14,
    records: {
      campaigns: mapOf(ledger.campaigns),
      letters: mapOf(ledger.letters),
      declarations: mapOf(ledger.declarations),
      observations: mapOf(ledger.observations),
      visits: mapOf(ledger.visits),
      screenings: mapOf(ledger.screenings),
      classifications: mapOf(ledger.classifications),
      serviceRequests: mapOf(ledger.serviceRequests),
      sites: mapOf(ledger.sites),
      disinfections: mapOf(ledger.disinfections),
      volunteers: mapOf(ledger.volunteers),
      tasks: mapOf(ledger.tasks),
    },
  };
}

/** A copy of a base table whose records may be changed in place (deep copies: the base is frozen and shared). */
function copyRecords<T>(m: ReadonlyMap<string, T>): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, v] of m) out.set(k, structuredClone(v));
  return out;
}

/** The first problem the fold met: the event's index, id, type, and the check that failed. */
export class FoldError extends Error {
  constructor(
    readonly index: number,
    readonly event: LedgerEvent,
    readonly code: string,
    message: string,
  ) {
    super(`fold: event [${index}] '${event.id}' (${event.type}): ${code}: ${message}`);
  }
}

/**
 * Folds a journal onto a base into plain Maps, with the reference checks of the effects; throws a
 * {@link FoldError} on the first bad event. Never changes `base`.
 */
export function foldJournal(base: FoldBase, events: readonly LedgerEvent[]): FoldRecords {
  const r = base.records;
  const st: FoldRecords = {
    campaigns: copyRecords(r.campaigns),
    letters: copyRecords(r.letters),
    declarations: copyRecords(r.declarations),
    observations: copyRecords(r.observations),
    visits: copyRecords(r.visits),
    screenings: copyRecords(r.screenings),
    classifications: copyRecords(r.classifications),
    serviceRequests: copyRecords(r.serviceRequests),
    sites: copyRecords(r.sites),
    disinfections: copyRecords(r.disinfections),
    volunteers: copyRecords(r.volunteers),
    tasks: copyRecords(r.tasks),
    events: new Map(),
    eventCount: base.eventCount,
  };
  const { people, households, unitIndex, subtreeEnd, units } = base;
  /** Per campaign: 1 for each unit index its `covers` reach (built when first needed). */
  const coverage = new Map<string, Uint8Array>();
  /** Each person's latest observation (the register's `observation`, kept here instead). */
  const latestObservation = new Map<string, string>();

  let i = 0;
  let e: LedgerEvent;
  const fail = (code: string, message: string): never => {
    throw new FoldError(i, e, code, message);
  };
  const covered = (c: Campaign, unitId: string): boolean => {
    let mask = coverage.get(c.id);
    if (mask === undefined) {
      mask = new Uint8Array(units.length);
      for (const s of c.covers) {
        const k = unitIndex.get(s);
        if (k !== undefined) mask.fill(1, k, subtreeEnd[k] as number);
      }
      coverage.set(c.id, mask);
    }
    const k = unitIndex.get(unitId);
    return k !== undefined && mask[k] === 1;
  };
  /** checkCampaign: exists, kind, runs on the day, covers the unit. */
  const campaign = (campaignId: string, kind: CampaignKind, day: string, unitId: string | undefined): Campaign => {
    const c = st.campaigns.get(campaignId);
    if (c === undefined) return fail('unknown_campaign', `unknown campaign '${campaignId}'`);
    if (c.kind !== kind) fail('campaign_kind', `campaign '${campaignId}' is ${c.kind}, not ${kind}`);
    if (day < c.startDay || (c.endDay !== undefined && day > c.endDay)) fail('outside_campaign', `${day} is outside campaign '${campaignId}'`);
    if (unitId !== undefined && !covered(c, unitId)) fail('not_covered', `unit '${unitId}' is not covered by campaign '${campaignId}'`);
    return c;
  };
  const open = (id: string): Observation => {
    const o = st.observations.get(id);
    if (o === undefined) return fail('unknown_observation', `unknown observation '${id}'`);
    if (o.ended !== undefined) fail('observation_ended', `observation '${id}' ended on ${o.ended.day}`);
    return o;
  };
  const endOf = (o: Observation, extraDays: number): number => {
    // the latest re-exposure restarts the count, and the changes decided before it no longer count
    const latest = (o.exposures ?? []).reduce<{ day: string; on: string } | undefined>((a, x) => (a === undefined || x.day >= a.day ? x : a), undefined);
    let days = o.plannedDays + extraDays;
    for (const c of o.changes) if (latest === undefined || c.on >= latest.on) days += c.days;
    if (latest !== undefined) return epochDay(latest.day) + days;
    return epochDay(o.fromDay) + days - (o.basis === 'lastContact' ? 0 : 1);
  };
  const task = (id: string): VolunteerTask => st.tasks.get(id) ?? fail('unknown_task', `unknown task '${id}'`);

  for (; i < events.length; i++) {
    e = events[i] as LedgerEvent;
    if (base.eventIds.has(e.id) || st.events.has(e.id)) fail('duplicate_event', `the ledger already has an event '${e.id}'`);
    if (!people.has(e.by)) fail('unknown_person', `unknown recorder '${e.by}'`);
    switch (e.type) {
      case 'campaignOpened': {
        if (st.campaigns.has(e.campaignId)) fail('duplicate_id', `campaign '${e.campaignId}' exists`);
        if (!unitIndex.has(e.ownerUnitId)) fail('unknown_unit', `unknown unit '${e.ownerUnitId}'`);
        for (const u of e.covers) if (!unitIndex.has(u)) fail('unknown_unit', `unknown unit '${u}'`);
        if (e.endDay !== undefined && e.endDay < e.startDay) fail('end_before_start', `ends ${e.endDay}, before it starts ${e.startDay}`);
        const c: Campaign = { id: e.campaignId, kind: e.kind, name: e.name, ownerUnitId: e.ownerUnitId, covers: e.covers, startDay: e.startDay, status: 'active' };
        if (e.endDay !== undefined) c.endDay = e.endDay;
        st.campaigns.set(e.campaignId, c);
        break;
      }
      case 'campaignClosed': {
        const c = st.campaigns.get(e.campaignId) ?? fail('unknown_campaign', `unknown campaign '${e.campaignId}'`);
        if (c.status === 'closed') fail('closed', `campaign '${e.campaignId}' is already closed`);
        if (e.endDay < c.startDay) fail('end_before_start', `ends ${e.endDay}, before it starts ${c.startDay}`);
        if (e.endDay > dayOfAt(e.at)) fail('future_end', `cannot close on ${e.endDay}, after the event's day`);
        c.status = 'closed';
        c.endDay = e.endDay;
        break;
      }
      case 'letterDelivered': {
        const h = households.get(e.householdId) ?? fail('unknown_household', `unknown household '${e.householdId}'`);
        const day = dayOfAt(e.at);
        campaign(e.campaignId, 'homePrevention', day, h.unitId);
        const key = `${e.campaignId}|${e.householdId}`;
        if (st.letters.has(key)) fail('already_delivered', `the letter of '${e.campaignId}' was already delivered to '${e.householdId}'`);
        st.letters.set(key, { campaignId: e.campaignId, householdId: e.householdId, unitId: h.unitId, day, by: e.by });
        break;
      }
      case 'travelDeclared': {
        if (st.declarations.has(e.declarationId)) fail('duplicate_id', `declaration '${e.declarationId}' exists`);
        if (!people.has(e.personId)) fail('unknown_person', `unknown person '${e.personId}'`);
        const day = dayOfAt(e.at);
        if (e.arrivalDay > day) fail('future_arrival', `arrival ${e.arrivalDay} is after the declaration (${day})`);
        st.declarations.set(e.declarationId, { id: e.declarationId, personId: e.personId, from: e.from, category: e.category, arrivalDay: e.arrivalDay, declaredOn: day });
        break;
      }
      case 'observationStarted': {
        if (st.observations.has(e.observationId)) fail('duplicate_id', `observation '${e.observationId}' exists`);
        const person = people.get(e.personId);
        if (person === undefined) fail('unknown_person', `unknown person '${e.personId}'`);
        const day = dayOfAt(e.at);
        campaign(e.campaignId, 'homePrevention', day, person?.unitId);
        if (e.fromDay > day) fail('future_start', `an observation counted from ${e.fromDay} cannot be recorded on ${day}`);
        const currentId = latestObservation.get(e.personId) ?? person?.observation;
        const current = currentId === undefined ? undefined : st.observations.get(currentId);
        if (current !== undefined && !(current.ended !== undefined && current.ended.day <= day)) {
          let days = current.plannedDays;
          for (const c of current.changes) if (c.on <= day) days += c.days;
          if (current.escalation !== undefined || epochDay(current.fromDay) + days - (current.basis === 'lastContact' ? 0 : 1) >= epochDay(day)) fail('already_observed', `'${e.personId}' is under observation '${current.id}'`);
        }
        latestObservation.set(e.personId, e.observationId);
        st.observations.set(e.observationId, {
          id: e.observationId,
          personId: e.personId,
          unitId: (person?.unitId ?? '') as OrgId,
          campaignId: e.campaignId,
          setting: e.setting,
          category: e.category,
          basis: e.basis,
          fromDay: e.fromDay,
          startedOn: day,
          plannedDays: base.plannedDays,
          edition: base.edition,
          changes: [],
          readings: [],
        });
        break;
      }
      case 'observationExtended': {
        const o = open(e.observationId);
        const change = { days: e.days, on: dayOfAt(e.at), by: e.by, eventId: e.id };
        o.changes.push(e.reason === undefined ? change : { ...change, reason: e.reason });
        break;
      }
      case 'observationShortened': {
        const o = open(e.observationId);
        if (endOf(o, -e.days) < epochDay(o.fromDay)) fail('end_before_start', `shortening by ${e.days} days would end the observation before it starts`);
        o.changes.push({ days: -e.days, reason: e.reason, on: dayOfAt(e.at), by: e.by, eventId: e.id });
        break;
      }
      case 'observationHandedOver': {
        const o = open(e.observationId);
        o.handovers = [...(o.handovers ?? []), { day: dayOfAt(e.at), fromUnitId: o.unitId, toUnitId: e.toUnitId, by: e.by, eventId: e.id }];
        o.unitId = e.toUnitId;
        if (e.stayUnitId === undefined || e.stayUnitId === e.toUnitId) delete o.stayUnitId;
        else o.stayUnitId = e.stayUnitId;
        break;
      }
      case 'observationReexposed': {
        const o = open(e.observationId);
        o.exposures = [...(o.exposures ?? []), { day: e.exposedOn, on: dayOfAt(e.at), by: e.by, eventId: e.id }];
        break;
      }
      case 'temperatureChecked': {
        const o = open(e.observationId);
        const day = dayOfAt(e.at);
        if (day < o.fromDay) fail('before_observation', `a check on ${day} is before the observation starts (${o.fromDay})`);
        const readings = o.readings;
        for (let k = 0; k < readings.length; k++) {
          const r = readings[k] as Observation['readings'][number];
          if (r.day === day && r.slot === e.slot) fail('duplicate_check', `the ${e.slot} check of ${day} is already recorded`);
        }
        readings.push({ day, slot: e.slot, celsius: e.celsius, at: e.at, by: e.by });
        if (e.celsius >= base.feverCelsius && o.escalation === undefined) o.escalation = { at: e.at, celsius: e.celsius, action: 'reportAndTransfer' };
        break;
      }
      case 'observationEnded': {
        const o = open(e.observationId);
        const day = dayOfAt(e.at);
        if (e.outcome === 'released') {
          if (epochDay(day) <= endOf(o, 0)) fail('release_early', `'${e.observationId}' runs through ${fromEpoch(endOf(o, 0))}`);
          if (o.escalation !== undefined) fail('escalated', `'${e.observationId}' was escalated: it ends by transfer`);
        }
        o.ended = { day, outcome: e.outcome };
        break;
      }
      case 'visitRecorded': {
        if (st.visits.has(e.visitId)) fail('duplicate_id', `visit '${e.visitId}' exists`);
        const h = households.get(e.householdId);
        if (h === undefined) fail('unknown_household', `unknown household '${e.householdId}'`);
        const day = dayOfAt(e.at);
        campaign(e.campaignId, 'doorKnocking', day, h?.unitId);
        for (const v of e.visitors) if (!people.has(v)) fail('unknown_person', `unknown visitor '${v}'`);
        const unitId = (h as Household).unitId;
        st.visits.set(e.visitId, { id: e.visitId, campaignId: e.campaignId, householdId: e.householdId, unitId, day, at: e.at, outcome: e.outcome, visitors: e.visitors });
        const key = `${e.campaignId}|${e.householdId}`;
        const screened = e.outcome === 'screened';
        const s = st.screenings.get(key);
        if (s === undefined) {
          const created: HouseholdScreening = { campaignId: e.campaignId, householdId: e.householdId, unitId, lastVisitOn: day, lastOutcome: e.outcome, visits: 1, log: [{ day, outcome: e.outcome }] };
          if (screened) {
            created.firstScreenedOn = day;
            created.lastScreenedOn = day;
          }
          st.screenings.set(key, created);
        } else {
          s.visits += 1;
          s.log.push({ day, outcome: e.outcome });
          if (day > s.lastVisitOn) {
            s.lastVisitOn = day;
            s.lastOutcome = e.outcome;
          } else if (day === s.lastVisitOn && OUTCOME_RANK[e.outcome] > OUTCOME_RANK[s.lastOutcome]) s.lastOutcome = e.outcome;
          if (screened) {
            if (s.firstScreenedOn === undefined || day < s.firstScreenedOn) s.firstScreenedOn = day;
            if (s.lastScreenedOn === undefined || day > s.lastScreenedOn) s.lastScreenedOn = day;
          }
        }
        break;
      }
      case 'householdClassified': {
        const h = households.get(e.householdId) ?? fail('unknown_household', `unknown household '${e.householdId}'`);
        if (e.personId !== undefined && !h.members.includes(e.personId)) fail('not_a_member', `'${e.personId}' is not a member of household '${e.householdId}'`);
        const entry: ClassificationHistory['entries'][number] = { day: dayOfAt(e.at), category: e.category, by: e.by, eventId: e.id };
        if (e.personId !== undefined) entry.personId = e.personId;
        const c = st.classifications.get(e.householdId);
        if (c === undefined) st.classifications.set(e.householdId, { householdId: e.householdId, unitId: h.unitId, entries: [entry] });
        else {
          // oldest first
          let at = c.entries.length;
          while (at > 0 && (c.entries[at - 1] as typeof entry).day > entry.day) at--;
          c.entries.splice(at, 0, entry);
        }
        break;
      }
      case 'serviceRequested': {
        if (st.serviceRequests.has(e.requestId)) fail('duplicate_id', `request '${e.requestId}' exists`);
        const h = households.get(e.householdId) ?? fail('unknown_household', `unknown household '${e.householdId}'`);
        if (Date.parse(e.dueAt) < Date.parse(e.at)) fail('due_before_request', `due ${e.dueAt}, before it was asked for (${e.at})`);
        st.serviceRequests.set(e.requestId, { id: e.requestId, householdId: e.householdId, unitId: h.unitId, kind: e.kind, requestedAt: e.at, dueAt: e.dueAt });
        break;
      }
      case 'serviceFulfilled': {
        const r = st.serviceRequests.get(e.requestId) ?? fail('unknown_request', `unknown service request '${e.requestId}'`);
        if (r.fulfilledAt !== undefined) fail('already_fulfilled', `request '${e.requestId}' was fulfilled at ${r.fulfilledAt}`);
        if (Date.parse(e.at) < Date.parse(r.requestedAt)) fail('before_request', `fulfilled at ${e.at}, before it was asked for`);
        r.fulfilledAt = e.at;
        r.fulfilledBy = e.by;
        break;
      }
      case 'siteRegistered': {
        if (st.sites.has(e.site.id)) fail('duplicate_id', `site '${e.site.id}' exists`);
        if (!unitIndex.has(e.site.unitId)) fail('unknown_unit', `unknown unit '${e.site.unitId}'`);
        const k = unitIndex.get(e.site.responsibleUnitId);
        const responsible = k === undefined ? undefined : units[k];
        if (responsible === undefined) fail('unknown_unit', `unknown unit '${e.site.responsibleUnitId}'`);
        else if (responsible.kind !== 'disinfectionTeam' && responsible.kind !== 'institution') fail('responsible_kind', `a site is not the charge of a ${responsible.kind}`);
        st.sites.set(e.site.id, e.site);
        break;
      }
      case 'siteDisinfected': {
        const site = st.sites.get(e.siteId) ?? fail('unknown_site', `unknown site '${e.siteId}'`);
        const day = dayOfAt(e.at);
        campaign(e.campaignId, 'cleaning', day, site.unitId);
        const d = st.disinfections.get(e.siteId);
        if (d === undefined) st.disinfections.set(e.siteId, { siteId: e.siteId, byDay: { [day]: 1 }, lastAt: e.at });
        else {
          d.byDay[day] = (d.byDay[day] ?? 0) + 1;
          if (Date.parse(e.at) > Date.parse(d.lastAt)) d.lastAt = e.at;
        }
        break;
      }
      case 'volunteerRegistered': {
        if (!people.has(e.personId)) fail('unknown_person', `unknown person '${e.personId}'`);
        if (st.volunteers.has(e.personId)) fail('duplicate_id', `'${e.personId}' is already a registered volunteer`);
        const k = unitIndex.get(e.teamId);
        if (k === undefined) fail('unknown_unit', `unknown team '${e.teamId}'`);
        else if (units[k]?.kind !== 'volunteerTeam') fail('unit_kind', `'${e.teamId}' is not a volunteer team`);
        st.volunteers.set(e.personId, { personId: e.personId, teamId: e.teamId, skills: e.skills });
        break;
      }
      case 'volunteerTaskPosted': {
        if (st.tasks.has(e.taskId)) fail('duplicate_id', `task '${e.taskId}' exists`);
        if (!unitIndex.has(e.unitId)) fail('unknown_unit', `unknown unit '${e.unitId}'`);
        campaign(e.campaignId, 'volunteerService', e.day, e.unitId);
        if (e.day < dayOfAt(e.at)) fail('past_task', `a task for ${e.day} cannot be posted on ${dayOfAt(e.at)}`);
        st.tasks.set(e.taskId, { id: e.taskId, campaignId: e.campaignId, kind: e.kind, unitId: e.unitId, day: e.day, places: e.places, hours: e.hours, postedAt: e.at, signUps: [], attended: [] });
        break;
      }
      case 'volunteerSignedUp': {
        const t = task(e.taskId);
        if (!st.volunteers.has(e.personId)) fail('not_a_volunteer', `'${e.personId}' is not a registered volunteer`);
        if (t.signUps.includes(e.personId)) fail('already_signed_up', `'${e.personId}' already signed up for '${e.taskId}'`);
        else if (t.signUps.length >= t.places) fail('task_full', `task '${e.taskId}' has no places left (${t.places})`);
        if (dayOfAt(e.at) > t.day) fail('past_task', `task '${e.taskId}' was on ${t.day}`);
        if (Date.parse(e.at) < Date.parse(t.postedAt)) fail('before_posted', `signed up at ${e.at}, before task '${e.taskId}' was posted (${t.postedAt})`);
        t.signUps.push(e.personId);
        break;
      }
      case 'volunteerAttended': {
        const t = task(e.taskId);
        if (!t.signUps.includes(e.personId)) fail('not_signed_up', `'${e.personId}' did not sign up for '${e.taskId}'`);
        for (const a of t.attended) if (a.personId === e.personId) fail('already_attended', `attendance of '${e.personId}' at '${e.taskId}' is recorded`);
        if (dayOfAt(e.at) < t.day) fail('before_task', `task '${e.taskId}' is on ${t.day}`);
        t.attended.push({ personId: e.personId, hours: e.hours });
        break;
      }
      case 'unitsAdded':
      case 'peopleRegistered':
      case 'householdsRegistered':
      case 'commandSet':
      case 'settingsChanged':
      case 'postOpened':
      case 'postClosed':
      case 'absenceRecorded':
      case 'rosterPublished':
      case 'dutiesReassigned':
      case 'dutySwapped':
      case 'attendanceRecorded':
      case 'inspectionRecorded':
      case 'rectificationSubmitted':
      case 'findingRechecked':
      case 'deedRecorded':
      case 'threeShowsRecorded':
      case 'dailyReportSubmitted':
      case 'dailyReportSignedOff':
      case 'admissionCaseOpened':
      case 'admissionStepRecorded':
        fail('unsupported', `the fold takes campaign journals; ${e.type} is not one of them`);
        break;
      default: {
        const never: never = e;
        fail('unknown_event_type', `unknown event type ${JSON.stringify((never as { type?: unknown }).type)}`);
      }
    }
    st.events.set(e.id, e.at);
    st.eventCount += 1;
  }
  return st;
}

// ---------------------------------------------------------------------------------------------
// agreement

/** Figures that both sides must agree on (and that the bench prints). */
export interface JournalCounts {
  readonly events: number;
  readonly visits: number;
  readonly screenings: number;
  readonly screened: number;
  readonly letters: number;
  readonly observations: number;
  readonly readings: number;
  readonly escalated: number;
  readonly ended: number;
  readonly tasks: number;
  readonly signUps: number;
  readonly attended: number;
  readonly hours: number;
}

function countsOf(
  eventCount: number,
  sizes: { visits: number; screenings: number; letters: number },
  screenings: (fn: (s: HouseholdScreening) => void) => void,
  observations: (fn: (o: Observation) => void) => void,
  tasks: (fn: (t: VolunteerTask) => void) => void,
): JournalCounts {
  let screened = 0;
  screenings((s) => {
    if (s.firstScreenedOn !== undefined) screened++;
  });
  let n = 0;
  let readings = 0;
  let escalated = 0;
  let ended = 0;
  observations((o) => {
    n++;
    readings += o.readings.length;
    if (o.escalation !== undefined) escalated++;
    if (o.ended !== undefined) ended++;
  });
  let t = 0;
  let signUps = 0;
  let attended = 0;
  let hours = 0;
  tasks((task) => {
    t++;
    signUps += task.signUps.length;
    attended += task.attended.length;
    for (const a of task.attended) hours += a.hours;
  });
  return { events: eventCount, ...sizes, screened, observations: n, readings, escalated, ended, tasks: t, signUps, attended, hours };
}

/** The agreement figures of a ledger. */
export function ledgerCounts(l: Ledger): JournalCounts {
  return countsOf(
    l.eventCount,
    { visits: l.visits.size, screenings: l.screenings.size, letters: l.letters.size },
    (fn) => tableForEach(l.screenings, fn),
    (fn) => tableForEach(l.observations, fn),
    (fn) => tableForEach(l.tasks, fn),
  );
}

/** The agreement figures of a fold. */
export function foldCounts(st: FoldRecords): JournalCounts {
  return countsOf(
    st.eventCount,
    { visits: st.visits.size, screenings: st.screenings.size, letters: st.letters.size },
    (fn) => st.screenings.forEach(fn),
    (fn) => st.observations.forEach(fn),
    (fn) => st.tasks.forEach(fn),
  );
}

/**
 * Where a ledger and a fold over the same journal and base differ: table sizes, every record
 * (deep equality), event ids and count. Empty when they agree. At most `limit` differences.
 */
export function foldDifferences(ledger: Ledger, base: FoldBase, st: FoldRecords, limit = 20): string[] {
  const out: string[] = [];
  const note = (s: string): boolean => out.push(s) >= limit;
  for (const name of FOLD_TABLES) {
    const table = ledger[name] as Table<unknown>;
    const map = st[name] as Map<string, unknown>;
    if (table.size !== map.size && note(`${name}: ledger has ${table.size} records, fold ${map.size}`)) return out;
    let stop = false;
    tableForEach(table, (v, id) => {
      if (stop) return;
      const w = map.get(id);
      if (w === undefined) stop = note(`${name}: '${id}' is in the ledger, not in the fold`);
      else if (!isDeepStrictEqual(v, w)) stop = note(`${name}: '${id}' differs:\n    ledger ${JSON.stringify(v)}\n    fold   ${JSON.stringify(w)}`);
    });
    if (stop) return out;
  }
  if (ledger.events.size !== base.eventIds.size + st.events.size && note(`events: ledger has ${ledger.events.size} ids, fold ${base.eventIds.size} + ${st.events.size}`)) return out;
  for (const [id, at] of st.events) if (tableGet(ledger.events, id) !== at && note(`events: '${id}' is not in the ledger with instant ${at}`)) return out;
  if (ledger.eventCount !== st.eventCount) note(`eventCount: ledger ${ledger.eventCount}, fold ${st.eventCount}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// campaign progress, single pass

/** The figure names of each kind, in the order of `emptyMetrics`. */
const FIELDS = {
  doorKnocking: ['households', 'screened', 'newlyScreened', 'visits', 'nobodyHome', 'refused', 'dueRevisit', 'servicesOpen', 'servicesOverdue', 'servicesFulfilled'],
  homePrevention: ['households', 'lettersDelivered', 'declarations', 'underObservation', 'newObservations', 'released', 'escalated', 'checksDue', 'checksDone', 'checksMissed', 'lost', 'transferred'],
  cleaning: ['sites', 'required', 'done', 'sitesDue', 'sitesOverdue'],
  volunteerService: ['volunteers', 'tasks', 'places', 'signUps', 'attended', 'hours', 'openTasks'],
} as const satisfies { [K in CampaignKind]: readonly string[] };

/** What {@link handProgress} returns: the shape of `CampaignProgress` minus the campaign and day. */
export interface HandProgress {
  readonly byUnit: ReadonlyMap<OrgId, CampaignMetrics>;
  readonly rolledUp: ReadonlyMap<OrgId, CampaignMetrics>;
  readonly total: CampaignMetrics;
}

type Bucket = readonly unknown[] | null;
type Slots = readonly (readonly (readonly Bucket[] | null)[] | null)[];

/**
 * The figures of `campaignProgress(ledger, campaignId, day)`, computed by hand: one loop per table
 * the kind reads, written out over the table's buckets, into one flat Float64Array of unit × figure,
 * rolled up in one reverse sweep.
 */
export function handProgress(ledger: Ledger, campaignId: string, day: Day): HandProgress {
  const campaign = tableGet(ledger.campaigns, campaignId);
  if (campaign === undefined) throw new Error(`handProgress: unknown campaign '${campaignId}'`);
  const tree = ledgerTree(ledger);
  const n = tree.units.length;
  const indexOf = tree.indexOf;
  const mask = new Uint8Array(n);
  for (const c of campaign.covers) {
    const s = indexOf.get(c);
    if (s !== undefined) mask.fill(1, s, tree.subtreeEnd[s] as number);
  }
  const kind = campaign.kind;
  const fields: readonly string[] = FIELDS[kind];
  const K = fields.length;
  const own = new Float64Array(n * K);
  /** The row offset of a covered unit, or -1. */
  const rowOf = (unitId: string): number => {
    const i = indexOf.get(unitId);
    return i !== undefined && mask[i] === 1 ? i * K : -1;
  };
  const today = epochDay(day);
  const yesterday = fromEpoch(today - 1);

  const countHouseholds = (): void => {
    for (const l2 of ledger.households.slots as Slots) {
      if (l2 === null) continue;
      for (const l3 of l2) {
        if (l3 === null) continue;
        for (const b of l3) {
          if (b === null) continue;
          for (let k = 1; k < b.length; k += 2) {
            const row = rowOf((b[k] as Household).unitId);
            if (row >= 0) own[row] = (own[row] as number) + 1; // households is figure 0 of both kinds
          }
        }
      }
    }
  };

  switch (kind) {
    case 'doorKnocking': {
      countHouseholds();
      const limit = fromEpoch(today - ledger.settings.revisitAfterDays);
      for (const l2 of ledger.screenings.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const s = b[k] as HouseholdScreening;
              if (s.campaignId !== campaignId) continue;
              const row = rowOf(s.unitId);
              if (row < 0) continue;
              const first = s.firstScreenedOn;
              if (first !== undefined && first <= day) {
                own[row + 1] = (own[row + 1] as number) + 1;
                if (first === day) own[row + 2] = (own[row + 2] as number) + 1;
              }
              if (s.lastVisitOn <= day) {
                const due = s.lastOutcome !== 'screened' ? s.lastVisitOn < day : s.lastScreenedOn !== undefined && s.lastScreenedOn <= limit;
                if (due) own[row + 6] = (own[row + 6] as number) + 1;
              }
            }
          }
        }
      }
      for (const l2 of ledger.visits.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const v = b[k] as Visit;
              if (v.day !== day || v.campaignId !== campaignId) continue;
              const row = rowOf(v.unitId);
              if (row < 0) continue;
              own[row + 3] = (own[row + 3] as number) + 1;
              if (v.outcome === 'nobodyHome') own[row + 4] = (own[row + 4] as number) + 1;
              else if (v.outcome === 'refused') own[row + 5] = (own[row + 5] as number) + 1;
            }
          }
        }
      }
      const endOfDay = Date.parse(`${fromEpoch(today + 1)}T00:00:00+08:00`);
      for (const l2 of ledger.serviceRequests.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const r = b[k] as ServiceRequest;
              const row = rowOf(r.unitId);
              if (row < 0 || Date.parse(r.requestedAt) >= endOfDay) continue;
              const fulfilled = r.fulfilledAt === undefined ? Infinity : Date.parse(r.fulfilledAt);
              if (fulfilled >= endOfDay) {
                own[row + 7] = (own[row + 7] as number) + 1;
                if (Date.parse(r.dueAt) < endOfDay) own[row + 8] = (own[row + 8] as number) + 1;
              } else if (r.fulfilledAt !== undefined && dayOfAt(r.fulfilledAt) === day) own[row + 9] = (own[row + 9] as number) + 1;
            }
          }
        }
      }
      break;
    }
    case 'homePrevention': {
      countHouseholds();
      for (const l2 of ledger.letters.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const l = b[k] as LetterDelivery;
              if (l.campaignId !== campaignId || l.day > day) continue;
              const row = rowOf(l.unitId);
              if (row >= 0) own[row + 1] = (own[row + 1] as number) + 1;
            }
          }
        }
      }
      for (const l2 of ledger.declarations.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const d = b[k] as TravelDeclaration;
              if (d.declaredOn > day) continue;
              const p = tableGet(ledger.people, d.personId);
              const row = p === undefined ? -1 : rowOf(p.unitId);
              if (row >= 0) own[row + 2] = (own[row + 2] as number) + 1;
            }
          }
        }
      }
      const lostAfter = ledger.settings.lostAfterMisses;
      let done = new Uint8Array(64);
      for (const l2 of ledger.observations.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const o = b[k] as Observation;
              if (o.campaignId !== campaignId || o.startedOn > day) continue;
              const row = rowOf(o.unitId);
              if (row < 0) continue;
              if (o.startedOn === day) own[row + 4] = (own[row + 4] as number) + 1;
              // the follow-up of the day, inline (see followUp in src/campaigns/observation.ts)
              const fromDay = epochDay(o.fromDay);
              // the end as it stood on the day: changes decided later do not count yet
              let days = o.plannedDays;
              for (const c of o.changes) if (c.on <= day) days += c.days;
              const end = fromDay + days - (o.basis === 'lastContact' ? 0 : 1);
              const from = o.fromDay > o.startedOn ? fromDay : epochDay(o.startedOn);
              const lastPast = Math.min(end, today - 1);
              const span = Math.max(0, (lastPast - from) * 2 + 2);
              if (done.length < span) done = new Uint8Array(span * 2);
              done.fill(0, 0, span);
              let doneToday = 0;
              for (const r of o.readings) {
                if (r.day > day) continue;
                const slot = (epochDay(r.day) - from) * 2 + (r.slot === 'evening' ? 1 : 0);
                if (slot >= 0 && slot < span) done[slot] = 1;
                if (r.day === day) doneToday++;
              }
              const fever = o.escalation !== undefined && dayOfAt(o.escalation.at) <= day;
              let missed = 0;
              for (let s = 0; s < span; s++) if (done[s] === 0) missed++;
              let inRow = 0;
              for (let s = span - 1; s >= 0 && done[s] === 0; s--) inRow++;
              const ended = o.ended !== undefined && o.ended.day <= day ? o.ended : undefined;
              const inPeriod = today >= fromDay && today <= end;
              // 0 active, 1 lost, 2 escalated, 3 other (completed, released, transferred)
              const status = ended !== undefined ? 3 : fever ? 2 : !inPeriod && today > end ? 3 : inRow >= lostAfter ? 1 : 0;
              if (status < 3) {
                own[row + 3] = (own[row + 3] as number) + 1;
                own[row + 9] = (own[row + 9] as number) + missed;
              }
              if (status === 2) own[row + 6] = (own[row + 6] as number) + 1;
              if (status === 1) own[row + 10] = (own[row + 10] as number) + 1;
              // released the day after the period ends, unless a fever sent the person to transfer; transferred on its day
              if (end === today - 1 && status === 3 && ended?.outcome !== 'transferred') own[row + 5] = (own[row + 5] as number) + 1;
              if (o.ended?.outcome === 'transferred' && o.ended.day === day) own[row + 11] = (own[row + 11] as number) + 1;
              // an observation that ends during the day (a transfer) still had that day's checks due
              if ((o.ended === undefined || o.ended.day >= day) && today >= from && today <= end) own[row + 7] = (own[row + 7] as number) + 2;
              own[row + 8] = (own[row + 8] as number) + doneToday;
            }
          }
        }
      }
      break;
    }
    case 'cleaning': {
      const runsOn = (x: string): boolean => x >= campaign.startDay && (campaign.endDay === undefined || x <= campaign.endDay);
      const runsToday = runsOn(day);
      const checkYesterday = runsOn(yesterday);
      for (const l2 of ledger.sites.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const s = b[k] as Site;
              const row = rowOf(s.unitId);
              if (row < 0) continue;
              const times = s.timesPerDay;
              const d = tableGet(ledger.disinfections, s.id);
              const count = d?.byDay[day] ?? 0;
              own[row] = (own[row] as number) + 1;
              if (runsToday) own[row + 1] = (own[row + 1] as number) + times;
              own[row + 2] = (own[row + 2] as number) + Math.min(count, times);
              if (runsToday && count < times) own[row + 3] = (own[row + 3] as number) + 1;
              if (checkYesterday && (d?.byDay[yesterday] ?? 0) < times) own[row + 4] = (own[row + 4] as number) + 1;
            }
          }
        }
      }
      break;
    }
    case 'volunteerService': {
      for (const l2 of ledger.volunteers.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const row = rowOf((b[k] as Volunteer).teamId);
              if (row >= 0) own[row] = (own[row] as number) + 1;
            }
          }
        }
      }
      for (const l2 of ledger.tasks.slots as Slots) {
        if (l2 === null) continue;
        for (const l3 of l2) {
          if (l3 === null) continue;
          for (const b of l3) {
            if (b === null) continue;
            for (let k = 1; k < b.length; k += 2) {
              const t = b[k] as VolunteerTask;
              if (t.day !== day || t.campaignId !== campaignId) continue;
              const row = rowOf(t.unitId);
              if (row < 0) continue;
              own[row + 1] = (own[row + 1] as number) + 1;
              own[row + 2] = (own[row + 2] as number) + t.places;
              own[row + 3] = (own[row + 3] as number) + t.signUps.length;
              own[row + 4] = (own[row + 4] as number) + t.attended.length;
              for (const a of t.attended) own[row + 5] = (own[row + 5] as number) + a.hours;
              if (t.signUps.length < t.places) own[row + 6] = (own[row + 6] as number) + 1;
            }
          }
        }
      }
      break;
    }
  }

  // roll up (units are in preorder: every parent before its children) and assemble
  const sums = own.slice();
  const parentIndex = tree.parentIndex;
  for (let i = n - 1; i > 0; i--) {
    const p = (parentIndex[i] as number) * K;
    const c = i * K;
    for (let f = 0; f < K; f++) sums[p + f] = (sums[p + f] as number) + (sums[c + f] as number);
  }
  const make = (source: Float64Array, row: number): CampaignMetrics => {
    const m: Record<string, unknown> = { kind };
    for (let f = 0; f < K; f++) m[fields[f] as string] = source[row + f];
    return m as unknown as CampaignMetrics;
  };
  const byUnit = new Map<OrgId, CampaignMetrics>();
  const rolledUp = new Map<OrgId, CampaignMetrics>();
  const totals = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const id = (tree.units[i] as OrgUnit).id;
    rolledUp.set(id, make(sums, i * K));
    if (mask[i] === 1) {
      byUnit.set(id, make(own, i * K));
      for (let f = 0; f < K; f++) totals[f] = (totals[f] as number) + (own[i * K + f] as number);
    }
  }
  return { byUnit, rolledUp, total: make(totals, 0) };
}

/** Where two progress results differ (totals, then each unit's own and rolled-up figures); empty when equal. */
export function progressDifferences(ours: HandProgress, hand: HandProgress, limit = 10): string[] {
  const out: string[] = [];
  if (!isDeepStrictEqual(ours.total, hand.total)) out.push(`total: ours ${JSON.stringify(ours.total)}, hand-written ${JSON.stringify(hand.total)}`);
  for (const [label, a, b] of [['byUnit', ours.byUnit, hand.byUnit], ['rolledUp', ours.rolledUp, hand.rolledUp]] as const) {
    if (a.size !== b.size) out.push(`${label}: ours has ${a.size} units, hand-written ${b.size}`);
    for (const [id, m] of a) {
      if (out.length >= limit) return out;
      if (!isDeepStrictEqual(m, b.get(id))) out.push(`${label} '${id}': ours ${JSON.stringify(m)}, hand-written ${JSON.stringify(b.get(id))}`);
    }
  }
  return out;
}
