import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day, Instant } from '../core/day.js';
import { CampaignId, EventId, HouseholdId, OrgId, PersonId, RecordId, SupervisionGroupId } from '../core/ids.js';
import { Attendance, CampaignKind, HouseholdService, ObservationSetting, ScreeningCategory, VolunteerTaskKind, ReadingSlot, ObservationBasis, ObservationEnd, SignOffLevel } from '../core/vocabulary.js';
import { Post, PostId, Roster, SeatId } from '../roster/model.js';
import { AbsenceRecord } from '../roster/records.js';
import { CheckAnswer, RaisedFinding } from '../supervision/records.js';
import { DeedInput, ThreeShowsEntry } from '../evaluation/records.js';
import { CommandStructure } from '../org/command.js';
import { OrgUnit } from '../org/unit.js';
import { Household, Person } from '../people/person.js';
import { CaseSource, Site, VisitOutcome } from '../campaigns/records.js';
import { LedgerSettings } from '../store/settings.js';
import { AdmissionStep } from '../admission/model.js';

const base = {
  /** Unique id of the event; a ledger refuses an id it has seen. */
  id: EventId,
  /** When it happened (ISO 8601 with offset); its day in China Standard Time is the event's day. */
  at: Instant,
  /** The person who recorded it. */
  by: PersonId,
};

/**
 * Adds organization units to the ledger's tree (the whole tree on a new ledger). The resulting tree
 * must pass `checkOrgTree`.
 *
 * @example
 * UnitsAdded.parse({ type: 'unitsAdded', id: 'e1', at: '2020-01-24T08:00:00+08:00', by: 'p1', units: county.units });
 * @category Events
 */
export const UnitsAdded = z.object({ type: z.literal('unitsAdded'), ...base, /** The new units. */ units: z.array(OrgUnit).min(1) }).strict();
/**
 * The {@link UnitsAdded} event.
 *
 * @interface
 * @category Events
 */
export type UnitsAdded = z.infer<typeof UnitsAdded>;

/**
 * Registers people (residents, cadres, staff) in the ledger. Their units must exist and their ids
 * be new.
 *
 * @example
 * PeopleRegistered.parse({ type: 'peopleRegistered', id: 'e2', at: '2020-01-24T08:00:00+08:00', by: 'p1', people: [{ id: 'p1', name: '张伟', sex: 'male', birthDate: '1980-05-01', unitId: 'wjg', partyStatus: 'fullMember' }] });
 * @category Events
 */
export const PeopleRegistered = z.object({ type: z.literal('peopleRegistered'), ...base, /** The people. */ people: z.array(Person).min(1) }).strict();
/**
 * The {@link PeopleRegistered} event.
 *
 * @interface
 * @category Events
 */
export type PeopleRegistered = z.infer<typeof PeopleRegistered>;

/**
 * Registers households in the household register (户籍台账). Their units and members must exist.
 *
 * @example
 * HouseholdsRegistered.parse({ type: 'householdsRegistered', id: 'e3', at: '2020-01-24T08:00:00+08:00', by: 'p1', households: [{ id: 'h1', unitId: 'wjg', address: '吴家沟村3组12号', members: ['p1'] }] });
 * @category Events
 */
export const HouseholdsRegistered = z
  .object({ type: z.literal('householdsRegistered'), ...base, /** The households. */ households: z.array(Household).min(1) })
  .strict();
/**
 * The {@link HouseholdsRegistered} event.
 *
 * @interface
 * @category Events
 */
export type HouseholdsRegistered = z.infer<typeof HouseholdsRegistered>;

/**
 * Sets the command structure ("1+1+10"), checked against the tree and the people.
 *
 * @example
 * CommandSet.parse({ type: 'commandSet', id: 'e4', at: '2020-01-24T08:00:00+08:00', by: 'p1', command: county.command });
 * @category Events
 */
export const CommandSet = z.object({ type: z.literal('commandSet'), ...base, /** The command structure. */ command: CommandStructure }).strict();
/**
 * The {@link CommandSet} event.
 *
 * @interface
 * @category Events
 */
export type CommandSet = z.infer<typeof CommandSet>;

/**
 * Changes local settings (observation rule edition, misses before lost-to-follow-up, fever line,
 * revisit interval). Only the fields given change.
 *
 * @example
 * SettingsChanged.parse({ type: 'settingsChanged', id: 'e5', at: '2020-01-24T08:00:00+08:00', by: 'p1', settings: { lostAfterMisses: 3 } });
 * @category Events
 */
export const SettingsChanged = z
  .object({ type: z.literal('settingsChanged'), ...base, /** The settings that change. */ settings: LedgerSettings.partial() })
  .strict();
/**
 * The {@link SettingsChanged} event.
 *
 * @interface
 * @category Events
 */
export type SettingsChanged = z.infer<typeof SettingsChanged>;

/**
 * Opens a campaign of one of the four kinds.
 *
 * @example
 * CampaignOpened.parse({ type: 'campaignOpened', id: 'e6', at: '2020-01-26T08:00:00+08:00', by: 'p1', campaignId: 'dk', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-26' });
 * @category Events
 */
export const CampaignOpened = z
  .object({
    type: z.literal('campaignOpened'),
    ...base,
    /** The new campaign's id. */
    campaignId: CampaignId,
    /** Which of the four actions. */
    kind: CampaignKind,
    /** Its name. */
    name: z.string().min(1),
    /** The unit that runs it. */
    ownerUnitId: OrgId,
    /** The units it covers (with their subtrees). */
    covers: z.array(OrgId).min(1),
    /** Its first day. */
    startDay: Day,
    /** Its last day, if known. */
    endDay: Day.optional(),
  })
  .strict();
/**
 * The {@link CampaignOpened} event.
 *
 * @interface
 * @category Events
 */
export type CampaignOpened = z.infer<typeof CampaignOpened>;

/**
 * Closes a campaign on a day (its last day).
 *
 * @example
 * CampaignClosed.parse({ type: 'campaignClosed', id: 'e7', at: '2020-02-09T20:00:00+08:00', by: 'p1', campaignId: 'dk', endDay: '2020-02-09' });
 * @category Events
 */
export const CampaignClosed = z
  .object({ type: z.literal('campaignClosed'), ...base, /** The campaign. */ campaignId: CampaignId, /** Its last day. */ endDay: Day })
  .strict();
/**
 * The {@link CampaignClosed} event.
 *
 * @interface
 * @category Events
 */
export type CampaignClosed = z.infer<typeof CampaignClosed>;

/**
 * The *Letter to all residents* was delivered to a household.
 *
 * @example
 * LetterDelivered.parse({ type: 'letterDelivered', id: 'e8', at: '2020-01-26T09:00:00+08:00', by: 'p9', campaignId: 'hp', householdId: 'h1' });
 * @category Events
 */
export const LetterDelivered = z
  .object({ type: z.literal('letterDelivered'), ...base, /** The home-prevention campaign. */ campaignId: CampaignId, /** The household. */ householdId: HouseholdId })
  .strict();
/**
 * The {@link LetterDelivered} event.
 *
 * @interface
 * @category Events
 */
export type LetterDelivered = z.infer<typeof LetterDelivered>;

/**
 * A person declared their travel history (sensitive).
 *
 * @example
 * TravelDeclared.parse({ type: 'travelDeclared', id: 'e9', at: '2020-01-24T10:00:00+08:00', by: 'p9', declarationId: 'd1', personId: 'p1', from: '武汉', category: 'fromWuhan', arrivalDay: '2020-01-22' });
 * @category Events
 */
export const TravelDeclared = z
  .object({
    type: z.literal('travelDeclared'),
    ...base,
    /** The new declaration's id. */
    declarationId: RecordId,
    /** Who declares. */
    personId: PersonId,
    /** Where they came from. */
    from: sensitive(z.string().min(1), 'travel'),
    /** The category it puts them in. */
    category: ScreeningCategory,
    /** When they arrived (not after the declaration). */
    arrivalDay: sensitive(Day.clone(), 'travel'),
  })
  .strict();
/**
 * The {@link TravelDeclared} event.
 *
 * @interface
 * @category Events
 */
export type TravelDeclared = z.infer<typeof TravelDeclared>;

/**
 * A medical observation starts, counted from the arrival or the last contact day, for the length of
 * the rule edition in force.
 *
 * @example
 * ObservationStarted.parse({ type: 'observationStarted', id: 'e10', at: '2020-01-24T11:00:00+08:00', by: 'p9', observationId: 'o1', campaignId: 'hp', personId: 'p1', setting: 'home', category: 'fromWuhan', basis: 'arrival', fromDay: '2020-01-24' });
 * @category Events
 */
export const ObservationStarted = z
  .object({
    type: z.literal('observationStarted'),
    ...base,
    /** The new observation's id. */
    observationId: RecordId,
    /** The home-prevention campaign. */
    campaignId: CampaignId,
    /** Who is observed. */
    personId: PersonId,
    /** Home or centralized. */
    setting: sensitive(ObservationSetting.clone(), 'observation'),
    /** Why. */
    category: sensitive(ScreeningCategory.clone(), 'health'),
    /** Counted from arrival or last contact. */
    basis: ObservationBasis,
    /** The arrival or last-contact day (not after the event's day). */
    fromDay: Day,
  })
  .strict();
/**
 * The {@link ObservationStarted} event.
 *
 * @interface
 * @category Events
 */
export type ObservationStarted = z.infer<typeof ObservationStarted>;

/**
 * An observation is extended by some days; a reason may be given.
 *
 * @example
 * ObservationExtended.parse({ type: 'observationExtended', id: 'e11', at: '2020-02-05T09:00:00+08:00', by: 'p9', observationId: 'o1', days: 7 });
 * @category Events
 */
export const ObservationExtended = z
  .object({
    type: z.literal('observationExtended'),
    ...base,
    /** The observation. */
    observationId: RecordId,
    /** Days added. */
    days: z.number().int().min(1).max(60),
    /** Why (optional). */
    reason: sensitive(z.string().min(1), 'freeText').optional(),
  })
  .strict();
/**
 * The {@link ObservationExtended} event.
 *
 * @interface
 * @category Events
 */
export type ObservationExtended = z.infer<typeof ObservationExtended>;

/**
 * An observation is shortened by some days; the reason is required.
 *
 * @example
 * ObservationShortened.parse({ type: 'observationShortened', id: 'e12', at: '2020-02-01T09:00:00+08:00', by: 'p9', observationId: 'o1', days: 2, reason: '核酸检测阴性，经专家组评估' });
 * @category Events
 */
export const ObservationShortened = z
  .object({
    type: z.literal('observationShortened'),
    ...base,
    /** The observation. */
    observationId: RecordId,
    /** Days removed. */
    days: z.number().int().min(1).max(60),
    /** Why (required: shortening needs a reason). */
    reason: sensitive(z.string({ error: 'a shortening needs a reason' }).trim().min(1, 'a shortening needs a reason'), 'freeText'),
  })
  .strict();
/**
 * The {@link ObservationShortened} event.
 *
 * @interface
 * @category Events
 */
export type ObservationShortened = z.infer<typeof ObservationShortened>;

/**
 * One of the twice-daily temperature checks of an observed person. A reading at or above the fever
 * line (37.3 °C by default) escalates the observation to report-and-transfer.
 *
 * @example
 * TemperatureChecked.parse({ type: 'temperatureChecked', id: 'e13', at: '2020-01-25T08:00:00+08:00', by: 'p9', observationId: 'o1', slot: 'morning', celsius: 36.5 });
 * @category Events
 */
export const TemperatureChecked = z
  .object({
    type: z.literal('temperatureChecked'),
    ...base,
    /** The observation. */
    observationId: RecordId,
    /** Morning or evening. */
    slot: ReadingSlot,
    /** °C. */
    celsius: sensitive(z.number().min(30).max(45), 'health'),
  })
  .strict();
/**
 * The {@link TemperatureChecked} event.
 *
 * @interface
 * @category Events
 */
export type TemperatureChecked = z.infer<typeof TemperatureChecked>;

/**
 * An observation ends formally: released (not before its last day, unless shortened) or
 * transferred to a designated hospital.
 *
 * @example
 * ObservationEnded.parse({ type: 'observationEnded', id: 'e14', at: '2020-02-07T09:00:00+08:00', by: 'p9', observationId: 'o1', outcome: 'released' });
 * @category Events
 */
export const ObservationEnded = z
  .object({
    type: z.literal('observationEnded'),
    ...base,
    /** The observation. */
    observationId: RecordId,
    /** Released or transferred. */
    outcome: ObservationEnd,
  })
  .strict();
/**
 * The {@link ObservationEnded} event.
 *
 * @interface
 * @category Events
 */
export type ObservationEnded = z.infer<typeof ObservationEnded>;

/**
 * A door-knocking visit to a household, with its outcome and visitors, on a day of its campaign.
 *
 * @example
 * VisitRecorded.parse({ type: 'visitRecorded', id: 'e15', at: '2020-01-27T10:00:00+08:00', by: 'p9', visitId: 'v1', campaignId: 'dk', householdId: 'h1', outcome: 'screened', visitors: ['p9'] });
 * @category Events
 */
export const VisitRecorded = z
  .object({
    type: z.literal('visitRecorded'),
    ...base,
    /** The new visit's id. */
    visitId: RecordId,
    /** The door-knocking campaign. */
    campaignId: CampaignId,
    /** The household. */
    householdId: HouseholdId,
    /** What came of it. */
    outcome: VisitOutcome,
    /** Who visited. */
    visitors: z.array(PersonId).min(1),
  })
  .strict();
/**
 * The {@link VisitRecorded} event.
 *
 * @interface
 * @category Events
 */
export type VisitRecorded = z.infer<typeof VisitRecorded>;

/**
 * A classified registration (分类登记) of a household or one of its members. A confirmed case may
 * name its source ({@link CaseSource}): another confirmed case of the ledger (registered as
 * confirmed by that day, and not the case itself), an imported case, or an unclear source; only a
 * `confirmed` registration has a source.
 *
 * @example
 * HouseholdClassified.parse({ type: 'householdClassified', id: 'e16', at: '2020-01-27T10:05:00+08:00', by: 'p9', householdId: 'h1', personId: 'p1', category: 'fromWuhan' });
 * HouseholdClassified.parse({ type: 'householdClassified', id: 'e17', at: '2020-02-02T10:05:00+08:00', by: 'p9', householdId: 'h1', personId: 'p2', category: 'confirmed', source: { kind: 'case', personId: 'p1' } });
 * @category Events
 */
export const HouseholdClassified = z
  .object({
    type: z.literal('householdClassified'),
    ...base,
    /** The household. */
    householdId: HouseholdId,
    /** The member, when not the whole household. */
    personId: PersonId.optional(),
    /** The category. */
    category: sensitive(ScreeningCategory.clone(), 'health'),
    /** For a confirmed case: where it got the infection, when known. */
    source: sensitive(CaseSource.clone(), 'health').optional(),
  })
  .strict();
/**
 * The {@link HouseholdClassified} event.
 *
 * @interface
 * @category Events
 */
export type HouseholdClassified = z.infer<typeof HouseholdClassified>;

/**
 * A key household asks for a service (goods, medicine, necessities, counselling), due by a time.
 *
 * @example
 * ServiceRequested.parse({ type: 'serviceRequested', id: 'e17', at: '2020-01-28T09:00:00+08:00', by: 'p9', requestId: 'r1', householdId: 'h1', kind: 'medicine', dueAt: '2020-01-28T18:00:00+08:00' });
 * @category Events
 */
export const ServiceRequested = z
  .object({
    type: z.literal('serviceRequested'),
    ...base,
    /** The new request's id. */
    requestId: RecordId,
    /** The household. */
    householdId: HouseholdId,
    /** What is needed. */
    kind: HouseholdService,
    /** When it is due (not before the request). */
    dueAt: Instant,
  })
  .strict();
/**
 * The {@link ServiceRequested} event.
 *
 * @interface
 * @category Events
 */
export type ServiceRequested = z.infer<typeof ServiceRequested>;

/**
 * A service request was fulfilled (delivered at the event's time by its recorder).
 *
 * @example
 * ServiceFulfilled.parse({ type: 'serviceFulfilled', id: 'e18', at: '2020-01-28T15:00:00+08:00', by: 'p9', requestId: 'r1' });
 * @category Events
 */
export const ServiceFulfilled = z
  .object({ type: z.literal('serviceFulfilled'), ...base, /** The request. */ requestId: RecordId })
  .strict();
/**
 * The {@link ServiceFulfilled} event.
 *
 * @interface
 * @category Events
 */
export type ServiceFulfilled = z.infer<typeof ServiceFulfilled>;

/**
 * Registers a site to disinfect with its responsible unit and required frequency.
 *
 * @example
 * SiteRegistered.parse({ type: 'siteRegistered', id: 'e19', at: '2020-01-26T08:00:00+08:00', by: 'p1', site: { id: 's1', name: '九龙农贸市场', category: 'farmersMarket', unitId: 'jl', responsibleUnitId: 'jl-dis', timesPerDay: 2 } });
 * @category Events
 */
export const SiteRegistered = z.object({ type: z.literal('siteRegistered'), ...base, /** The site. */ site: Site }).strict();
/**
 * The {@link SiteRegistered} event.
 *
 * @interface
 * @category Events
 */
export type SiteRegistered = z.infer<typeof SiteRegistered>;

/**
 * A site was disinfected (at the event's time) in a cleaning campaign.
 *
 * @example
 * SiteDisinfected.parse({ type: 'siteDisinfected', id: 'e20', at: '2020-01-27T07:00:00+08:00', by: 'p7', siteId: 's1', campaignId: 'cl' });
 * @category Events
 */
export const SiteDisinfected = z
  .object({ type: z.literal('siteDisinfected'), ...base, /** The site. */ siteId: RecordId, /** The cleaning campaign. */ campaignId: CampaignId })
  .strict();
/**
 * The {@link SiteDisinfected} event.
 *
 * @interface
 * @category Events
 */
export type SiteDisinfected = z.infer<typeof SiteDisinfected>;

/**
 * A person registers as a volunteer in a team, with skills.
 *
 * @example
 * VolunteerRegistered.parse({ type: 'volunteerRegistered', id: 'e21', at: '2020-01-26T08:00:00+08:00', by: 'p1', personId: 'p3', teamId: 'pa-vol', skills: ['publicity'] });
 * @category Events
 */
export const VolunteerRegistered = z
  .object({
    type: z.literal('volunteerRegistered'),
    ...base,
    /** The person. */
    personId: PersonId,
    /** The volunteer team. */
    teamId: OrgId,
    /** Skills. */
    skills: z.array(VolunteerTaskKind).min(1),
  })
  .strict();
/**
 * The {@link VolunteerRegistered} event.
 *
 * @interface
 * @category Events
 */
export type VolunteerRegistered = z.infer<typeof VolunteerRegistered>;

/**
 * A volunteer task is posted: kind, unit, day, places, hours.
 *
 * @example
 * VolunteerTaskPosted.parse({ type: 'volunteerTaskPosted', id: 'e22', at: '2020-01-27T08:00:00+08:00', by: 'p1', taskId: 't1', campaignId: 'vs', kind: 'publicity', unitId: 'wjg', day: '2020-01-28', places: 4, hours: 3 });
 * @category Events
 */
export const VolunteerTaskPosted = z
  .object({
    type: z.literal('volunteerTaskPosted'),
    ...base,
    /** The new task's id. */
    taskId: RecordId,
    /** The volunteer-service campaign. */
    campaignId: CampaignId,
    /** What is to be done. */
    kind: VolunteerTaskKind,
    /** Where. */
    unitId: OrgId,
    /** When. */
    day: Day,
    /** Volunteers needed. */
    places: z.number().int().min(1).max(500),
    /** Planned hours. */
    hours: z.number().positive().max(24),
  })
  .strict();
/**
 * The {@link VolunteerTaskPosted} event.
 *
 * @interface
 * @category Events
 */
export type VolunteerTaskPosted = z.infer<typeof VolunteerTaskPosted>;

/**
 * A registered volunteer signs up for a task with places left, once it is posted and by its day.
 *
 * @example
 * VolunteerSignedUp.parse({ type: 'volunteerSignedUp', id: 'e23', at: '2020-01-27T12:00:00+08:00', by: 'p3', taskId: 't1', personId: 'p3' });
 * @category Events
 */
export const VolunteerSignedUp = z
  .object({ type: z.literal('volunteerSignedUp'), ...base, /** The task. */ taskId: RecordId, /** The volunteer. */ personId: PersonId })
  .strict();
/**
 * The {@link VolunteerSignedUp} event.
 *
 * @interface
 * @category Events
 */
export type VolunteerSignedUp = z.infer<typeof VolunteerSignedUp>;

/**
 * A signed-up volunteer served a task for some hours.
 *
 * @example
 * VolunteerAttended.parse({ type: 'volunteerAttended', id: 'e24', at: '2020-01-28T12:00:00+08:00', by: 'p1', taskId: 't1', personId: 'p3', hours: 3 });
 * @category Events
 */
export const VolunteerAttended = z
  .object({
    type: z.literal('volunteerAttended'),
    ...base,
    /** The task. */
    taskId: RecordId,
    /** The volunteer. */
    personId: PersonId,
    /** Hours served. */
    hours: z.number().positive().max(24),
  })
  .strict();
/**
 * The {@link VolunteerAttended} event.
 *
 * @interface
 * @category Events
 */
export type VolunteerAttended = z.infer<typeof VolunteerAttended>;

/**
 * Opens a staffed post (checkpoint, duty room, hotline) at a unit, in a pool that contains the unit.
 *
 * @example
 * PostOpened.parse({ type: 'postOpened', id: 'e25', at: '2020-01-25T08:00:00+08:00', by: 'p1', post: { id: 'cp1', name: '吴家沟村村口卡点', kind: 'checkpoint', unitId: 'yc.t05.v001', poolId: 'yc.t05', shifts: [{ id: 'day', start: '08:00', end: '20:00' }], leader: { cadreLevel: 'village' }, staff: 2 } });
 * @category Events
 */
export const PostOpened = z.object({ type: z.literal('postOpened'), ...base, /** The post. */ post: Post }).strict();
/**
 * The {@link PostOpened} event.
 *
 * @interface
 * @category Events
 */
export type PostOpened = z.infer<typeof PostOpened>;

/**
 * Closes a post after a day (its last day open).
 *
 * @example
 * PostClosed.parse({ type: 'postClosed', id: 'e26', at: '2020-02-20T08:00:00+08:00', by: 'p1', postId: 'cp1', lastDay: '2020-02-20' });
 * @category Events
 */
export const PostClosed = z
  .object({ type: z.literal('postClosed'), ...base, /** The post. */ postId: PostId, /** Its last day open. */ lastDay: Day })
  .strict();
/**
 * The {@link PostClosed} event.
 *
 * @interface
 * @category Events
 */
export type PostClosed = z.infer<typeof PostClosed>;

/**
 * Records that someone cannot serve for some days (leave, sickness, a blocked day).
 *
 * @example
 * AbsenceRecorded.parse({ type: 'absenceRecorded', id: 'e27', at: '2020-02-02T08:00:00+08:00', by: 'p1', absence: { id: 'a1', personId: 'p2', from: '2020-02-03', to: '2020-02-05', reason: 'sickness' } });
 * @category Events
 */
export const AbsenceRecorded = z
  .object({ type: z.literal('absenceRecorded'), ...base, /** The absence. */ absence: AbsenceRecord })
  .strict();
/**
 * The {@link AbsenceRecorded} event.
 *
 * @interface
 * @category Events
 */
export type AbsenceRecorded = z.infer<typeof AbsenceRecorded>;

/**
 * Publishes a duty roster: its posts must be open in the ledger and its people registered.
 *
 * @example
 * RosterPublished.parse({ type: 'rosterPublished', id: 'e28', at: '2020-01-25T18:00:00+08:00', by: 'p1', rosterId: 'r1', roster });
 * @category Events
 */
export const RosterPublished = z
  .object({ type: z.literal('rosterPublished'), ...base, /** The new roster's id. */ rosterId: RecordId, /** The roster. */ roster: Roster })
  .strict();
/**
 * The {@link RosterPublished} event.
 *
 * @interface
 * @category Events
 */
export type RosterPublished = z.infer<typeof RosterPublished>;

/**
 * Reassigns seats of a published roster that have not started yet, such as the diff of
 * `repairRoster`, with the reason.
 *
 * @example
 * DutiesReassigned.parse({ type: 'dutiesReassigned', id: 'e29', at: '2020-02-02T09:00:00+08:00', by: 'p1', rosterId: 'r1', changes: [{ seat: 'cp1/2020-02-03/day/L', personId: 'p7' }], reason: '张伟病假' });
 * @category Events
 */
export const DutiesReassigned = z
  .object({
    type: z.literal('dutiesReassigned'),
    ...base,
    /** The roster. */
    rosterId: RecordId,
    /** The seats and their new people (`null`: left unfilled). */
    changes: z.array(z.object({ /** The seat. */ seat: SeatId, /** Its new person. */ personId: PersonId.nullable() }).strict()).min(1),
    /** Why. */
    reason: sensitive(z.string().min(1), 'freeText'),
  })
  .strict();
/**
 * The {@link DutiesReassigned} event.
 *
 * @interface
 * @category Events
 */
export type DutiesReassigned = z.infer<typeof DutiesReassigned>;

/**
 * Two people of a published roster swap seats (neither seat started yet).
 *
 * @example
 * DutySwapped.parse({ type: 'dutySwapped', id: 'e30', at: '2020-02-02T09:00:00+08:00', by: 'p1', rosterId: 'r1', seats: ['cp1/2020-02-03/day/1', 'cp1/2020-02-04/day/1'] });
 * @category Events
 */
export const DutySwapped = z
  .object({ type: z.literal('dutySwapped'), ...base, /** The roster. */ rosterId: RecordId, /** The two seats. */ seats: z.tuple([SeatId, SeatId]) })
  .strict();
/**
 * The {@link DutySwapped} event.
 *
 * @interface
 * @category Events
 */
export type DutySwapped = z.infer<typeof DutySwapped>;

/**
 * Records what a check of a duty seat found (present, late, absent), once its shift has started.
 *
 * @example
 * AttendanceRecorded.parse({ type: 'attendanceRecorded', id: 'e31', at: '2020-02-03T10:00:00+08:00', by: 'p5', rosterId: 'r1', seat: 'cp1/2020-02-03/day/L', status: 'present' });
 * @category Events
 */
export const AttendanceRecorded = z
  .object({ type: z.literal('attendanceRecorded'), ...base, /** The roster. */ rosterId: RecordId, /** The seat. */ seat: SeatId, /** What was found. */ status: Attendance })
  .strict();
/**
 * The {@link AttendanceRecorded} event.
 *
 * @interface
 * @category Events
 */
export type AttendanceRecorded = z.infer<typeof AttendanceRecorded>;

/**
 * A supervision group inspected a unit (and one of its posts): the checklist answers and the
 * findings raised. When `postId` and `rosterId` are given, the staffing and leader answers are
 * checked against the roster at the event's instant and each mismatch is raised as a finding by
 * itself, due `rosterFindingDays` days later (default 1).
 *
 * @example
 * InspectionRecorded.parse({ type: 'inspectionRecorded', id: 'e32', at: '2020-01-31T23:30:00+08:00', by: 'p3', inspectionId: 'i1', groupId: 'sg-01', unitId: 'yc.t03.v201', postId: 'cp.yc.t03.v201', rosterId: 'r1', answers: [{ item: 'staffOnDuty', count: 3 }, { item: 'leaderOnDuty', personId: 'p000042' }], findings: [] });
 * @category Events
 */
export const InspectionRecorded = z
  .object({
    type: z.literal('inspectionRecorded'),
    ...base,
    /** The new inspection's id. */
    inspectionId: RecordId,
    /** The supervision group. */
    groupId: SupervisionGroupId,
    /** The unit inspected (within the group's scope). */
    unitId: OrgId,
    /** The post inspected, if any (in the unit's subtree). */
    postId: PostId.optional(),
    /** The roster to check the post's staffing against. */
    rosterId: RecordId.optional(),
    /** The checklist answers. */
    answers: z.array(CheckAnswer),
    /** Findings raised by the inspectors. */
    findings: z.array(RaisedFinding),
    /** Days to rectify a mismatch with the roster (default 1). */
    rosterFindingDays: z.number().int().min(0).max(30).optional(),
  })
  .strict();
/**
 * The {@link InspectionRecorded} event.
 *
 * @interface
 * @category Events
 */
export type InspectionRecorded = z.infer<typeof InspectionRecorded>;

/**
 * The responsible unit submitted the rectification of an open finding.
 *
 * @example
 * RectificationSubmitted.parse({ type: 'rectificationSubmitted', id: 'e33', at: '2020-02-01T10:00:00+08:00', by: 'p9', findingId: 'f1', note: '已补充口罩储备' });
 * @category Events
 */
export const RectificationSubmitted = z
  .object({ type: z.literal('rectificationSubmitted'), ...base, /** The finding. */ findingId: RecordId, /** What was done. */ note: sensitive(z.string().min(1), 'freeText') })
  .strict();
/**
 * The {@link RectificationSubmitted} event.
 *
 * @interface
 * @category Events
 */
export type RectificationSubmitted = z.infer<typeof RectificationSubmitted>;

/**
 * The supervision group re-checked a submitted rectification: passed, or reopened (with a new
 * deadline, if given).
 *
 * @example
 * FindingRechecked.parse({ type: 'findingRechecked', id: 'e34', at: '2020-02-02T10:00:00+08:00', by: 'p3', findingId: 'f1', passed: true });
 * @category Events
 */
export const FindingRechecked = z
  .object({
    type: z.literal('findingRechecked'),
    ...base,
    /** The finding. */
    findingId: RecordId,
    /** Whether it passed. */
    passed: z.boolean(),
    /** What was found. */
    note: sensitive(z.string(), 'freeText').optional(),
    /** When reopened: the new deadline. */
    deadline: Day.optional(),
  })
  .strict();
/**
 * The {@link FindingRechecked} event.
 *
 * @interface
 * @category Events
 */
export type FindingRechecked = z.infer<typeof FindingRechecked>;

/**
 * Records a concrete deed of a person or a unit, the evidence of evaluation (`recordedBy` is the
 * event's `by`).
 *
 * @example
 * DeedRecorded.parse({ type: 'deedRecorded', id: 'e35', at: '2020-01-30T18:00:00+08:00', by: 'p3', deed: { id: 'd1', personId: 'p000042', dimension: 'achievement', evidence: '连续五天带队完成全村入户摸排', points: 2, day: '2020-01-30' } });
 * @category Events
 */
export const DeedRecorded = z
  .object({ type: z.literal('deedRecorded'), ...base, /** The deed (its recorder is `by`). */ deed: DeedInput })
  .strict();
/**
 * The {@link DeedRecorded} event.
 *
 * @interface
 * @category Events
 */
export type DeedRecorded = z.infer<typeof DeedRecorded>;

/**
 * Records a three-shows entry (三亮) of a Party member.
 *
 * @example
 * ThreeShowsRecorded.parse({ type: 'threeShowsRecorded', id: 'e36', at: '2020-01-26T09:00:00+08:00', by: 'p9', entry: { id: 's1', personId: 'p000042', show: 'commitment', text: '我是党员，我先上', day: '2020-01-26' } });
 * @category Events
 */
export const ThreeShowsRecorded = z
  .object({ type: z.literal('threeShowsRecorded'), ...base, /** The entry. */ entry: ThreeShowsEntry })
  .strict();
/**
 * The {@link ThreeShowsRecorded} event.
 *
 * @interface
 * @category Events
 */
export type ThreeShowsRecorded = z.infer<typeof ThreeShowsRecorded>;

/**
 * A unit (village, community, township or subdistrict) submits its daily report for a day. It is on
 * time when submitted by the settings' report deadline of that day. A unit with nothing to report
 * that day says so with `nothingToReport: true` (a zero report, 零报告): it has reported, unlike a
 * unit that sent nothing.
 *
 * @example
 * DailyReportSubmitted.parse({ type: 'dailyReportSubmitted', id: 'e37', at: '2020-02-07T18:30:00+08:00', by: 'p9', unitId: 'yc.t03.v201', day: '2020-02-07' });
 * DailyReportSubmitted.parse({ type: 'dailyReportSubmitted', id: 'e39', at: '2020-02-07T18:40:00+08:00', by: 'p9', unitId: 'yc.t03.v202', day: '2020-02-07', nothingToReport: true });
 * @category Events
 */
export const DailyReportSubmitted = z
  .object({
    type: z.literal('dailyReportSubmitted'),
    ...base,
    /** The unit reporting. */
    unitId: OrgId,
    /** The day reported on. */
    day: Day,
    /** A remark. */
    note: sensitive(z.string(), 'freeText').optional(),
    /** True for a zero report: the unit had nothing to report that day. */
    nothingToReport: z.boolean().optional(),
  })
  .strict();
/**
 * The {@link DailyReportSubmitted} event.
 *
 * @interface
 * @category Events
 */
export type DailyReportSubmitted = z.infer<typeof DailyReportSubmitted>;

/**
 * The level above signs off a unit's daily report: the township first for a village's or
 * community's report, then the headquarters (the headquarters alone for a township's).
 *
 * @example
 * DailyReportSignedOff.parse({ type: 'dailyReportSignedOff', id: 'e38', at: '2020-02-07T21:00:00+08:00', by: 'p5', unitId: 'yc.t03.v201', day: '2020-02-07', level: 'township' });
 * @category Events
 */
export const DailyReportSignedOff = z
  .object({
    type: z.literal('dailyReportSignedOff'),
    ...base,
    /** The unit whose report it is. */
    unitId: OrgId,
    /** The day reported on. */
    day: Day,
    /** Who signs: the township or the headquarters. */
    level: SignOffLevel,
  })
  .strict();
/**
 * The {@link DailyReportSignedOff} event.
 *
 * @interface
 * @category Events
 */
export type DailyReportSignedOff = z.infer<typeof DailyReportSignedOff>;

/**
 * A branch opens a member-development case (发展党员) for a person of the ledger: the case takes
 * the person's birth date from the register, and whether the branch is a temporary branch from the
 * tree. Steps already taken may come with it (their days no later than the event's); they are
 * checked against every admission rule, as each later step is.
 *
 * @example
 * AdmissionCaseOpened.parse({ type: 'admissionCaseOpened', id: 'e40', at: '2020-02-03T10:00:00+08:00', by: 'p5', caseId: 'adm-1', personId: 'p42', branch: 'yc.t03.v201' });
 * @category Events
 */
export const AdmissionCaseOpened = z
  .object({
    type: z.literal('admissionCaseOpened'),
    ...base,
    /** The case's id. */
    caseId: RecordId,
    /** The candidate. */
    personId: PersonId,
    /** The branch (its unit) that develops the candidate. */
    branch: OrgId,
    /** Steps taken before the case was entered in the ledger, in order. */
    steps: z.array(AdmissionStep).optional(),
  })
  .strict();
/**
 * The {@link AdmissionCaseOpened} event.
 *
 * @interface
 * @category Events
 */
export type AdmissionCaseOpened = z.infer<typeof AdmissionCaseOpened>;

/**
 * A step of a member-development case is recorded (its day no later than the event's). A step
 * that breaks an admission rule is refused, naming the rule, exactly as `advance` refuses it; the
 * person's Party status in the register follows the case.
 *
 * @example
 * AdmissionStepRecorded.parse({ type: 'admissionStepRecorded', id: 'e41', at: '2020-02-04T10:00:00+08:00', by: 'p5', caseId: 'adm-1', step: { step: 'application', day: '2020-02-04' } });
 * @category Events
 */
export const AdmissionStepRecorded = z
  .object({ type: z.literal('admissionStepRecorded'), ...base, /** The case. */ caseId: RecordId, /** The step. */ step: AdmissionStep })
  .strict();
/**
 * The {@link AdmissionStepRecorded} event.
 *
 * @interface
 * @category Events
 */
export type AdmissionStepRecorded = z.infer<typeof AdmissionStepRecorded>;

/**
 * Everything that can happen to a ledger: a zod discriminated union on `type`. Each event has an
 * `id`, an `at` instant and the person `by` who recorded it.
 *
 * @example
 * LedgerEvent.parse({ type: 'letterDelivered', id: 'e8', at: '2020-01-26T09:00:00+08:00', by: 'p9', campaignId: 'hp', householdId: 'h1' });
 * @category Events
 */
export const LedgerEvent = z.discriminatedUnion('type', [
  UnitsAdded,
  PeopleRegistered,
  HouseholdsRegistered,
  CommandSet,
  SettingsChanged,
  CampaignOpened,
  CampaignClosed,
  LetterDelivered,
  TravelDeclared,
  ObservationStarted,
  ObservationExtended,
  ObservationShortened,
  TemperatureChecked,
  ObservationEnded,
  VisitRecorded,
  HouseholdClassified,
  ServiceRequested,
  ServiceFulfilled,
  SiteRegistered,
  SiteDisinfected,
  VolunteerRegistered,
  VolunteerTaskPosted,
  VolunteerSignedUp,
  VolunteerAttended,
  PostOpened,
  PostClosed,
  AbsenceRecorded,
  RosterPublished,
  DutiesReassigned,
  DutySwapped,
  AttendanceRecorded,
  InspectionRecorded,
  RectificationSubmitted,
  FindingRechecked,
  DeedRecorded,
  ThreeShowsRecorded,
  DailyReportSubmitted,
  DailyReportSignedOff,
  AdmissionCaseOpened,
  AdmissionStepRecorded,
]);
/**
 * A ledger event.
 *
 * @category Events
 */
export type LedgerEvent = z.infer<typeof LedgerEvent>;

/**
 * The `type` of a ledger event.
 *
 * @example
 * const type: LedgerEventType = 'visitRecorded';
 * @category Events
 */
export type LedgerEventType = LedgerEvent['type'];

/**
 * Every event type, in the order of {@link LedgerEvent}'s options.
 *
 * @example
 * EVENT_TYPES.includes('visitRecorded'); // => true
 * @category Events
 */
export const EVENT_TYPES: readonly LedgerEventType[] = LedgerEvent.options.map((o) => o.shape.type.value);
