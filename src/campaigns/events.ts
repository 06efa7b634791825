import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day, Instant } from '../core/day.js';
import { CampaignId, HouseholdId, OrgId, PersonId, RecordId } from '../core/ids.js';
import { CampaignKind, HouseholdService, ObservationSetting, ScreeningCategory, VolunteerTaskKind, ReadingSlot, ObservationBasis, ObservationEnd } from '../core/vocabulary.js';
import { CaseSource, Site, VisitOutcome } from './records.js';
import { eventBase } from '../store/event.js';

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
    ...eventBase,
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
  .object({ type: z.literal('campaignClosed'), ...eventBase, /** The campaign. */ campaignId: CampaignId, /** Its last day. */ endDay: Day })
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
  .object({ type: z.literal('letterDelivered'), ...eventBase, /** The home-prevention campaign. */ campaignId: CampaignId, /** The household. */ householdId: HouseholdId })
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
    ...eventBase,
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
    ...eventBase,
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
    /** For a close contact of a case of the ledger: that case (the contact list it was traced from). */
    contactOf: sensitive(PersonId.clone(), 'health').optional(),
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
    ...eventBase,
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
    ...eventBase,
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
 * A person under observation was exposed again (another unprotected contact with a case): the
 * count restarts from the day of that contact, 14 days (the edition's period) after it, whatever
 * extensions came before (SORMAS #1648). Recorded with the contact's date, not as a hand-typed
 * extension; the day may be before the event's, not after it, and not before the exposure the
 * count runs from.
 *
 * @example
 * ObservationReexposed.parse({ type: 'observationReexposed', id: 'e12b', at: '2020-02-03T16:00:00+08:00', by: 'p9', observationId: 'o1', exposedOn: '2020-02-02' });
 * @category Events
 */
export const ObservationReexposed = z
  .object({
    type: z.literal('observationReexposed'),
    ...eventBase,
    /** The observation. */
    observationId: RecordId,
    /** The day of the new unprotected contact (not after the event's day). */
    exposedOn: sensitive(Day.clone(), 'health'),
    /** With whom or where, when known. */
    reason: sensitive(z.string().trim().min(1), 'freeText').optional(),
  })
  .strict();
/**
 * The {@link ObservationReexposed} event.
 *
 * @interface
 * @category Events
 */
export type ObservationReexposed = z.infer<typeof ObservationReexposed>;

/**
 * A person under observation moved to another village, community or township: the observation is
 * handed over, with its whole history (readings, changes, exposures), to the unit now responsible
 * for it (SORMAS #526, #1579). The unit where the person stays may differ from the responsible one
 * (a contact staying at a centralized site of another township, say); it defaults to the
 * responsible unit.
 *
 * @example
 * ObservationHandedOver.parse({ type: 'observationHandedOver', id: 'e12c', at: '2020-02-03T16:00:00+08:00', by: 'p9', observationId: 'o1', toUnitId: 'cb' });
 * @category Events
 */
export const ObservationHandedOver = z
  .object({
    type: z.literal('observationHandedOver'),
    ...eventBase,
    /** The observation. */
    observationId: RecordId,
    /** The unit responsible for the follow-up from now on. */
    toUnitId: OrgId,
    /** The unit where the person stays, when it is not the responsible one. */
    stayUnitId: OrgId.optional(),
  })
  .strict();
/**
 * The {@link ObservationHandedOver} event.
 *
 * @interface
 * @category Events
 */
export type ObservationHandedOver = z.infer<typeof ObservationHandedOver>;

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
    ...eventBase,
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
    ...eventBase,
    /** The observation. */
    observationId: RecordId,
    /** Released (completed), transferred, converted to a case, lost to follow-up, or cancelled. */
    outcome: ObservationEnd,
    /** Why; required to cancel. */
    reason: sensitive(z.string().trim().min(1), 'freeText').optional(),
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
    ...eventBase,
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
    ...eventBase,
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
    ...eventBase,
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
  .object({ type: z.literal('serviceFulfilled'), ...eventBase, /** The request. */ requestId: RecordId })
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
export const SiteRegistered = z.object({ type: z.literal('siteRegistered'), ...eventBase, /** The site. */ site: Site }).strict();
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
  .object({ type: z.literal('siteDisinfected'), ...eventBase, /** The site. */ siteId: RecordId, /** The cleaning campaign. */ campaignId: CampaignId })
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
    ...eventBase,
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
    ...eventBase,
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
  .object({ type: z.literal('volunteerSignedUp'), ...eventBase, /** The task. */ taskId: RecordId, /** The volunteer. */ personId: PersonId })
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
    ...eventBase,
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
