import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day, Instant } from '../core/day.js';
import { CampaignId, EventId, HouseholdId, OrgId, PersonId, RecordId } from '../core/ids.js';
import { HouseholdService, ObservationSetting, ScreeningCategory, SiteCategory, VolunteerTaskKind, ReadingSlot, ObservationBasis, ObservationEnd, VisitOutcome } from '../core/vocabulary.js';

/**
 * The *Letter to all residents* (致全县人民的一封信) delivered to a household in a home-prevention
 * campaign.
 *
 * @example
 * LetterDelivery.parse({ campaignId: 'hp', householdId: 'h1', unitId: 'wjg', day: '2020-01-26', by: 'p9' });
 * @category Home prevention
 */
export const LetterDelivery = z
  .object({
    /** The campaign. */
    campaignId: CampaignId,
    /** The household. */
    householdId: HouseholdId,
    /** The household's unit. */
    unitId: OrgId,
    /** The day it was delivered. */
    day: Day,
    /** Who delivered it. */
    by: PersonId,
  })
  .strict();
/**
 * A letter delivery.
 *
 * @interface
 * @category Home prevention
 */
export type LetterDelivery = z.infer<typeof LetterDelivery>;

/**
 * A travel-history declaration (申报): where a person came from and when they arrived. Sensitive
 * (whereabouts).
 *
 * @example
 * TravelDeclaration.parse({ id: 'd1', personId: 'p1', from: '武汉', category: 'fromWuhan', arrivalDay: '2020-01-22', declaredOn: '2020-01-24' });
 * @category Home prevention
 */
export const TravelDeclaration = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** Who declares. */
    personId: PersonId,
    /** The place they came from. */
    from: sensitive(z.string().min(1), 'travel'),
    /** The screening category it puts them in. */
    category: ScreeningCategory,
    /** The day they arrived. */
    arrivalDay: sensitive(Day.clone(), 'travel'),
    /** The day of the declaration. */
    declaredOn: Day,
  })
  .strict();
/**
 * A travel-history declaration.
 *
 * @interface
 * @category Home prevention
 */
export type TravelDeclaration = z.infer<typeof TravelDeclaration>;

/**
 * A change of an observation's length: an extension (reason optional) or a shortening (reason
 * required), with who decided it and when.
 *
 * @example
 * ObservationChange.parse({ days: 7, reason: '密接者再次暴露', on: '2020-02-01', by: 'p9', eventId: 'e1' });
 * @category Home prevention
 */
export const ObservationChange = z
  .object({
    /** Days added (positive) or removed (negative). */
    days: z.number().int(),
    /** Why; required for a shortening. */
    reason: sensitive(z.string().min(1), 'freeText').optional(),
    /** The day of the decision. */
    on: Day,
    /** Who decided. */
    by: PersonId,
    /** The event that recorded it. */
    eventId: EventId,
  })
  .strict();
/**
 * A change of an observation's length.
 *
 * @interface
 * @category Home prevention
 */
export type ObservationChange = z.infer<typeof ObservationChange>;

/**
 * One temperature reading of the twice-daily checks. Sensitive (health).
 *
 * @example
 * TemperatureReading.parse({ day: '2020-01-25', slot: 'morning', celsius: 36.6, at: '2020-01-25T08:10:00+08:00', by: 'p9' });
 * @category Home prevention
 */
export const TemperatureReading = z
  .object({
    /** The day of the check. */
    day: Day,
    /** Morning or evening check. */
    slot: ReadingSlot,
    /** The temperature in °C. */
    celsius: sensitive(z.number().min(30).max(45), 'health'),
    /** When it was taken. */
    at: Instant,
    /** Who took it. */
    by: PersonId,
  })
  .strict();
/**
 * A temperature reading.
 *
 * @interface
 * @category Home prevention
 */
export type TemperatureReading = z.infer<typeof TemperatureReading>;

/**
 * A medical observation (医学观察): home or centralized, counted from the arrival or the last
 * contact day, for the days of the rule edition in force, with its extensions and shortenings, its
 * temperature readings and, on fever, its escalation to report-and-transfer. Sensitive.
 *
 * @example
 * const obs: Observation = tableGet(ledger.observations, 'obs-7l6')!; // 14 days from the last contact, on 2020-02-02
 * observationEnd(obs); // => '2020-02-16'
 * @category Home prevention
 */
export const Observation = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** Who is observed. */
    personId: PersonId,
    /** The unit responsible for the follow-up: the person's unit at the start, then the unit it was handed over to. */
    unitId: OrgId,
    /** The unit where the person stays, when it differs from the responsible one. */
    stayUnitId: OrgId.optional(),
    /** Handovers to other units, in order (the history stays with the observation). Absent when there was none. */
    handovers: z
      .array(
        z
          .object({
            /** The day of the handover. */
            day: Day,
            /** The unit responsible before. */
            fromUnitId: OrgId,
            /** The unit responsible after. */
            toUnitId: OrgId,
            /** Who recorded it. */
            by: PersonId,
            /** The event that recorded it. */
            eventId: EventId,
          })
          .strict(),
      )
      .optional(),
    /** The home-prevention campaign it belongs to. */
    campaignId: CampaignId,
    /** Home or centralized. */
    setting: sensitive(ObservationSetting.clone(), 'observation'),
    /** Why: arrived from Wuhan, close contact, … */
    category: sensitive(ScreeningCategory.clone(), 'health'),
    /** Counted from the arrival day or from the last unprotected contact. */
    basis: ObservationBasis,
    /** The first day of the period (arrival or last contact). */
    fromDay: Day,
    /** For a close contact of a case of the ledger: that case (the contact list it was traced from). */
    contactOf: sensitive(PersonId.clone(), 'health').optional(),
    /** The day it was recorded: checks are due from this day (or `fromDay`, if later). */
    startedOn: Day,
    /** The period's length under the rule edition in force when it started. */
    plannedDays: z.number().int().positive(),
    /** The rule edition that gave `plannedDays`. */
    edition: z.string().min(1),
    /** Extensions and shortenings, in order. */
    changes: z.array(ObservationChange),
    /**
     * Re-exposures, in order of recording: each restarts the count from its contact's day (see
     * {@link observationEnd}). Absent when there was none.
     */
    exposures: z
      .array(
        z
          .object({
            /** The day of the contact. */
            day: sensitive(Day.clone(), 'health'),
            /** The day it was recorded. */
            on: Day,
            /** Who recorded it. */
            by: PersonId,
            /** The event that recorded it. */
            eventId: EventId,
          })
          .strict(),
      )
      .optional(),
    /** The twice-daily temperature readings, in order of recording. */
    readings: z.array(TemperatureReading),
    /** Set on fever: the reading that triggered report-and-transfer. */
    escalation: z
      .object({
        /** When the fever was recorded. */
        at: Instant,
        /** The temperature that triggered it. */
        celsius: sensitive(z.number(), 'health'),
        /** What follows (四早: report, and transfer to a designated hospital). */
        action: z.literal('reportAndTransfer'),
      })
      .strict()
      .optional(),
    /** Set when it was ended early or formally: released, or transferred to hospital. */
    ended: z
      .object({
        /** The day it ended. */
        day: Day,
        /** How. */
        outcome: ObservationEnd,
        /** Why, when given (always for a cancellation). */
        reason: sensitive(z.string().min(1), 'freeText').optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/**
 * A medical observation.
 *
 * @interface
 * @category Home prevention
 */
export type Observation = z.infer<typeof Observation>;

export { VisitOutcome } from '../core/vocabulary.js';

/**
 * A door-knocking visit to a household: who visited, when, and what came of it.
 *
 * @example
 * Visit.parse({ id: 'v1', campaignId: 'dk', householdId: 'h1', unitId: 'wjg', day: '2020-01-27', at: '2020-01-27T10:00:00+08:00', outcome: 'screened', visitors: ['p9'] });
 * @category Door-knocking
 */
export const Visit = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** The door-knocking campaign. */
    campaignId: CampaignId,
    /** The household visited. */
    householdId: HouseholdId,
    /** The household's unit. */
    unitId: OrgId,
    /** The day of the visit. */
    day: Day,
    /** When. */
    at: Instant,
    /** Screened, nobody home, or refused. */
    outcome: VisitOutcome,
    /** The visitors (Party members, cadres, volunteers). */
    visitors: z.array(PersonId).min(1),
  })
  .strict();
/**
 * A visit.
 *
 * @interface
 * @category Door-knocking
 */
export type Visit = z.infer<typeof Visit>;

/**
 * Where a household stands in one door-knocking campaign: kept up to date by its visits.
 *
 * @example
 * const s: HouseholdScreening = tableGet(ledger.screenings, 'dk-2020|h0008134')!; // by `campaignId|householdId`
 * s.log.map((v) => v.outcome); // => ['screened', 'refused', 'screened']
 * @category Door-knocking
 */
export const HouseholdScreening = z
  .object({
    /** The campaign. */
    campaignId: CampaignId,
    /** The household. */
    householdId: HouseholdId,
    /** Its unit. */
    unitId: OrgId,
    /** The day of the first visit that screened it. */
    firstScreenedOn: Day.optional(),
    /** The day of the last visit that screened it. */
    lastScreenedOn: Day.optional(),
    /** The day of the last visit, whatever its outcome. */
    lastVisitOn: Day,
    /** The outcome of the last visit. */
    lastOutcome: VisitOutcome,
    /** Visits made. */
    visits: z.number().int().nonnegative(),
    /** Every visit's day and outcome, in the order recorded (whole-process tracking, 全程跟踪). */
    log: z.array(z.object({ /** The day of the visit. */ day: Day, /** What came of it. */ outcome: VisitOutcome }).strict()),
  })
  .strict();
/**
 * A household's screening state in a campaign.
 *
 * @interface
 * @category Door-knocking
 */
export type HouseholdScreening = z.infer<typeof HouseholdScreening>;

/**
 * Where a confirmed case got the infection, as far as it is known: from another confirmed case of
 * the ledger (`{ kind: 'case', personId }`), imported (`{ kind: 'imported' }`: infected outside the
 * county, such as a traveller from Wuhan), or of unclear source (`{ kind: 'unclear' }`, 感染来源不明).
 * Two or more cases of unclear source in different households within 14 days are community
 * transmission ({@link communityStates}); a case that names its source is not one of them. A case
 * recorded without a source counts as of unclear source, as before the field existed.
 *
 * @example
 * CaseSource.parse({ kind: 'case', personId: 'p1' });
 * CaseSource.parse({ kind: 'unclear' }).kind; // => 'unclear'
 * @category Door-knocking
 */
export const CaseSource = z.discriminatedUnion('kind', [
  z.object({ /** Infected by another confirmed case of the ledger. */ kind: z.literal('case'), /** The source case: a person already registered as confirmed. */ personId: PersonId }).strict(),
  z.object({ /** Infected outside the county (an imported case, 输入病例). */ kind: z.literal('imported') }).strict(),
  z.object({ /** No source found (感染来源不明). */ kind: z.literal('unclear') }).strict(),
]);
/**
 * The source of a confirmed case.
 *
 * @category Door-knocking
 */
export type CaseSource = z.infer<typeof CaseSource>;

/**
 * One entry of the classified registration (分类登记) of a household: the category given on a day,
 * to the household or one member, and for a confirmed case, its source when known. The full
 * history is kept.
 *
 * @example
 * ClassificationEntry.parse({ day: '2020-01-27', category: 'fromWuhan', personId: 'p1', by: 'p9', eventId: 'e5' });
 * @category Door-knocking
 */
export const ClassificationEntry = z
  .object({
    /** The day it was registered. */
    day: Day,
    /** The category. */
    category: sensitive(ScreeningCategory.clone(), 'health'),
    /** The member concerned, when not the whole household. */
    personId: PersonId.optional(),
    /** For a confirmed case: where it got the infection, when stated. */
    source: sensitive(CaseSource.clone(), 'health').optional(),
    /** Who registered it. */
    by: PersonId,
    /** The event that recorded it. */
    eventId: EventId,
  })
  .strict();
/**
 * A classification entry.
 *
 * @interface
 * @category Door-knocking
 */
export type ClassificationEntry = z.infer<typeof ClassificationEntry>;

/**
 * The classification history of a household, oldest first.
 *
 * @example
 * tableGet(ledger.classifications, 'h0007009')?.entries.at(-1)?.category; // => 'fromHubei' (the current category)
 * @category Door-knocking
 */
export const ClassificationHistory = z
  .object({
    /** The household. */
    householdId: HouseholdId,
    /** Its unit. */
    unitId: OrgId,
    /** Every entry, oldest first. */
    entries: z.array(ClassificationEntry),
  })
  .strict();
/**
 * A household's classification history.
 *
 * @interface
 * @category Door-knocking
 */
export type ClassificationHistory = z.infer<typeof ClassificationHistory>;

/**
 * A service request of a key home-isolated household: goods, medicine, necessities or
 * counselling, due by a time, and its fulfilment.
 *
 * @example
 * ServiceRequest.parse({ id: 's1', householdId: 'h1', unitId: 'wjg', kind: 'medicine', requestedAt: '2020-01-28T09:00:00+08:00', dueAt: '2020-01-28T18:00:00+08:00' });
 * @category Door-knocking
 */
export const ServiceRequest = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** The household served. */
    householdId: HouseholdId,
    /** Its unit. */
    unitId: OrgId,
    /** What is needed. */
    kind: HouseholdService,
    /** When it was asked for. */
    requestedAt: Instant,
    /** When it is due. */
    dueAt: Instant,
    /** When it was delivered. */
    fulfilledAt: Instant.optional(),
    /** Who delivered it. */
    fulfilledBy: PersonId.optional(),
  })
  .strict();
/**
 * A service request.
 *
 * @interface
 * @category Door-knocking
 */
export type ServiceRequest = z.infer<typeof ServiceRequest>;

/**
 * A site to disinfect: a public place (street, square, farmers' market) covered by a professional
 * disinfection team, or a key place (internet café, station, public toilet) covered by its sector's
 * lead department; with the times a day it must be disinfected.
 *
 * @example
 * Site.parse({ id: 's1', name: '九龙农贸市场', category: 'farmersMarket', unitId: 'jl', responsibleUnitId: 'jl-dis', timesPerDay: 2 });
 * @category Cleaning
 */
export const Site = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** Its name. */
    name: z.string().min(1),
    /** Public or key category. */
    category: SiteCategory,
    /** The unit where it is. */
    unitId: OrgId,
    /** The disinfection team or lead department responsible. */
    responsibleUnitId: OrgId,
    /** Disinfections required per day. */
    timesPerDay: z.number().int().min(1).max(12),
  })
  .strict();
/**
 * A site.
 *
 * @interface
 * @category Cleaning
 */
export type Site = z.infer<typeof Site>;

/**
 * A site's disinfections, counted per day (a mergeable record; the individual events stay in the
 * journal).
 *
 * @example
 * tableGet(ledger.disinfections, 'site-18')?.byDay['2020-01-27']; // => 2
 * @category Cleaning
 */
export const SiteDisinfections = z
  .object({
    /** The site. */
    siteId: RecordId,
    /** Disinfections per day. */
    byDay: z.record(z.string(), z.number().int().nonnegative()),
    /** The last one. */
    lastAt: Instant,
  })
  .strict();
/**
 * A site's disinfections.
 *
 * @interface
 * @category Cleaning
 */
export type SiteDisinfections = z.infer<typeof SiteDisinfections>;

/**
 * A registered volunteer: the person, the team, the skills.
 *
 * @example
 * Volunteer.parse({ personId: 'p1', teamId: 'pa-vol', skills: ['screening'] });
 * @category Volunteer service
 */
export const Volunteer = z
  .object({
    /** The person. */
    personId: PersonId,
    /** The volunteer team. */
    teamId: OrgId,
    /** What they can do. */
    skills: z.array(VolunteerTaskKind),
  })
  .strict();
/**
 * A volunteer.
 *
 * @interface
 * @category Volunteer service
 */
export type Volunteer = z.infer<typeof Volunteer>;

/**
 * A volunteer task: its kind, unit, day and places, when it was posted, with sign-ups and attendance.
 *
 * @example
 * VolunteerTask.parse({ id: 't1', campaignId: 'vs', kind: 'publicity', unitId: 'wjg', day: '2020-01-28', places: 4, hours: 3, postedAt: '2020-01-27T09:00:00+08:00', signUps: [], attended: [] });
 * @category Volunteer service
 */
export const VolunteerTask = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** The volunteer-service campaign. */
    campaignId: CampaignId,
    /** What is to be done. */
    kind: VolunteerTaskKind,
    /** Where. */
    unitId: OrgId,
    /** When. */
    day: Day,
    /** How many volunteers are needed. */
    places: z.number().int().min(1),
    /** Planned hours. */
    hours: z.number().positive().max(24),
    /** When it was posted: nobody signs up before. */
    postedAt: Instant,
    /** Who signed up. */
    signUps: z.array(PersonId),
    /** Who came, and the hours each served. */
    attended: z.array(z.object({ /** The volunteer. */ personId: PersonId, /** Hours served. */ hours: z.number().positive().max(24) }).strict()),
  })
  .strict();
/**
 * A volunteer task.
 *
 * @interface
 * @category Volunteer service
 */
export type VolunteerTask = z.infer<typeof VolunteerTask>;
