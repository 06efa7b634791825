/**
 * `frontline/campaigns`: The four campaigns: their records, progress figures and daily queries.
 *
 * @module campaigns
 */

export type { CampaignLedger, CampaignTables } from '../campaigns/tables.js';
export { CampaignClosed, CampaignOpened, HouseholdClassified, LetterDelivered, ObservationEnded, ObservationExtended, ObservationHandedOver, ObservationReexposed, ObservationShortened, ObservationStarted, ServiceFulfilled, ServiceRequested, SiteDisinfected, SiteRegistered, TemperatureChecked, TravelDeclared, VisitRecorded, VolunteerAttended, VolunteerRegistered, VolunteerSignedUp, VolunteerTaskPosted } from '../campaigns/events.js';
export { Campaign, campaignRunsOn } from '../campaigns/campaign.js';
export {
  CaseSource,
  ClassificationEntry,
  ClassificationHistory,
  HouseholdScreening,
  LetterDelivery,
  Observation,
  ObservationChange,
  ServiceRequest,
  Site,
  SiteDisinfections,
  TemperatureReading,
  TravelDeclaration,
  Visit,
  VisitOutcome,
  Volunteer,
  VolunteerTask,
} from '../campaigns/records.js';
export { followUp, observationEnd } from '../campaigns/observation.js';
export type { FollowUp } from '../campaigns/observation.js';
export { coverage, emptyMetrics, mergeMetrics, metricsMonoid } from '../campaigns/metrics.js';
export type { CampaignMetrics, MetricsOf, CleaningMetrics, DoorKnockingMetrics, HomePreventionMetrics, VolunteerMetrics } from '../campaigns/metrics.js';
export { campaignProgress, campaignProgressSeries } from '../campaigns/progress.js';
export type { CampaignProgress } from '../campaigns/progress.js';
export {
  classificationHistory,
  dueRevisits,
  followUps,
  openServiceRequests,
  openTasks,
  sitesDue,
  unscreenedHouseholds,
  volunteerHours,
} from '../campaigns/queries.js';
