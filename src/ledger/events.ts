import { z } from 'zod';
import { CommandSet, HouseholdsRegistered, PeopleRegistered, SettingsChanged, UnitsAdded } from '../register/events.js';
import { CampaignClosed, CampaignOpened, HouseholdClassified, LetterDelivered, ObservationEnded, ObservationExtended, ObservationHandedOver, ObservationReexposed, ObservationShortened, ObservationStarted, ServiceFulfilled, ServiceRequested, SiteDisinfected, SiteRegistered, TemperatureChecked, TravelDeclared, VisitRecorded, VolunteerAttended, VolunteerRegistered, VolunteerSignedUp, VolunteerTaskPosted } from '../campaigns/events.js';
import { AbsenceRecorded, AttendanceRecorded, DutiesReassigned, DutySwapped, PostClosed, PostOpened, RosterPublished } from '../roster/events.js';
import { FindingRechecked, InspectionRecorded, RectificationSubmitted } from '../supervision/events.js';
import { DeedRecorded, ThreeShowsRecorded } from '../evaluation/events.js';
import { DailyReportSignedOff, DailyReportSubmitted } from '../reporting/events.js';
import { AdmissionCaseOpened, AdmissionStepRecorded } from '../admission/events.js';

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
  ObservationReexposed,
  ObservationHandedOver,
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
