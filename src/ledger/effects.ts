import type { Effect } from '../store/effect.js';
import type { Writable } from '../store/table.js';
import type { LedgerEvent, LedgerEventType } from './events.js';
import type { Ledger } from './ledger.js';
import { campaignClosed, campaignOpened } from '../campaigns/effects/campaigns.js';
import { siteDisinfected, siteRegistered, volunteerAttended, volunteerRegistered, volunteerSignedUp, volunteerTaskPosted } from '../campaigns/effects/cleaningAndVolunteers.js';
import { householdClassified, serviceFulfilled, serviceRequested, visitRecorded } from '../campaigns/effects/doorKnocking.js';
import { letterDelivered, observationEnded, observationExtended, observationHandedOver, observationReexposed, observationShortened, observationStarted, temperatureChecked, travelDeclared } from '../campaigns/effects/homePrevention.js';
import { commandSet, householdsRegistered, peopleRegistered, settingsChanged, unitsAdded } from '../register/effects.js';
import { absenceRecorded, attendanceRecorded, dutiesReassigned, dutySwapped, postClosed, postOpened, rosterPublished } from '../roster/effects.js';
import { deedRecorded, findingRechecked, inspectionRecorded, rectificationSubmitted, threeShowsRecorded } from '../supervision/effects.js';
import { dailyReportSignedOff, dailyReportSubmitted } from '../reporting/effects.js';
import { admissionCaseOpened, admissionStepRecorded } from '../admission/effects.js';

/** @internal The ledger as a recipe sees it: top-level fields writable, tables changed through table functions. */
export type LedgerState = Writable<Ledger>;

/** @internal Every event type's effect, over the whole ledger. */
export type EffectTable = { readonly [T in LedgerEventType]: Effect<Ledger, Extract<LedgerEvent, { type: T }>> };

/** @internal Every event type's effect, written once in its domain. */
export const EFFECTS: EffectTable = {
  unitsAdded,
  peopleRegistered,
  householdsRegistered,
  commandSet,
  settingsChanged,
  campaignOpened,
  campaignClosed,
  letterDelivered,
  travelDeclared,
  observationStarted,
  observationExtended,
  observationShortened,
  observationReexposed,
  observationHandedOver,
  temperatureChecked,
  observationEnded,
  visitRecorded,
  householdClassified,
  serviceRequested,
  serviceFulfilled,
  siteRegistered,
  siteDisinfected,
  volunteerRegistered,
  volunteerTaskPosted,
  volunteerSignedUp,
  volunteerAttended,
  postOpened,
  postClosed,
  absenceRecorded,
  rosterPublished,
  dutiesReassigned,
  dutySwapped,
  attendanceRecorded,
  inspectionRecorded,
  rectificationSubmitted,
  findingRechecked,
  deedRecorded,
  threeShowsRecorded,
  dailyReportSubmitted,
  dailyReportSignedOff,
  admissionCaseOpened,
  admissionStepRecorded,
};
