import { campaignClosed, campaignOpened } from './campaigns.js';
import { siteDisinfected, siteRegistered, volunteerAttended, volunteerRegistered, volunteerSignedUp, volunteerTaskPosted } from './cleaningAndVolunteers.js';
import { householdClassified, serviceFulfilled, serviceRequested, visitRecorded } from './doorKnocking.js';
import { letterDelivered, observationEnded, observationExtended, observationShortened, observationStarted, temperatureChecked, travelDeclared } from './homePrevention.js';
import { commandSet, householdsRegistered, peopleRegistered, settingsChanged, unitsAdded } from './register.js';
import { absenceRecorded, attendanceRecorded, dutiesReassigned, dutySwapped, postClosed, postOpened, rosterPublished } from './rosters.js';
import { deedRecorded, findingRechecked, inspectionRecorded, rectificationSubmitted, threeShowsRecorded } from './supervision.js';
import { dailyReportSignedOff, dailyReportSubmitted } from './reporting.js';
import { admissionCaseOpened, admissionStepRecorded } from './admission.js';
import type { EffectTable } from './types.js';

/** @internal Every event type's effect, written once. */
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
