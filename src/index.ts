/**
 * frontline — a county's grassroots Party organizations on the epidemic front line: the organization
 * tree and its command bodies, people and identity numbers, Party organization rules, and a
 * synthetic county at the scale of Yuechi (27 townships, 869 villages and communities, 1.2 million
 * people).
 *
 * @module frontline
 */

// core values
export { FrontlineError, formatPath, issuesFromZod, parseOrThrow, safeParseWith } from './core/errors.js';
export type { ErrorCode, Issue, Result } from './core/errors.js';
export {
  CHINA_TIME_ZONE,
  Day,
  Instant,
  addDays,
  ageOn,
  compareDays,
  dayOf,
  daysBetween,
  instantAt,
  isDayWithin,
  parseDay,
} from './core/day.js';
export { CampaignId, EventId, GroupId, HouseholdId, OrgId, PersonId, RecordId, SupervisionGroupId } from './core/ids.js';
export { createRandom } from './core/random.js';
export type { Random } from './core/random.js';
export { RULES } from './core/rules.js';
export type { Rule, RuleId, RuleStrength } from './core/rules.js';
export {
  AppraisalGrade,
  CadreGrade,
  CadreLevel,
  CampaignKind,
  EvaluationDimension,
  HouseholdService,
  LABELS,
  Leadership,
  Locale,
  ObservationSetting,
  PartyForm,
  PartyStatus,
  ScreeningCategory,
  Severity,
  Sex,
  SiteCategory,
  SupervisionLine,
  TeamGrade,
  ThreeShows,
  UnitKind,
  VolunteerTaskKind,
  PostKind,
  AbsenceReason,
  RosterConstraint,
  Attendance,
  CheckItem,
  FindingSeverity,
  FindingStatus,
  RecordKind,
  Commendation,
  CommunityState,
  Sensitivity,
  SignOffLevel,
  ReadingSlot,
  ObservationBasis,
  ObservationEnd,
  ObservationStatus,
  CampaignStatus,
  RectificationAction,
  ConstraintLevel,
  label,
} from './core/vocabulary.js';
export type { Label, Vocabulary } from './core/vocabulary.js';

// organization
export { OrgUnit, PARENT_KINDS, PartyOrganization, isOpenOn } from './org/unit.js';
export { checkOrgTree, createOrgTree, tryCreateOrgTree } from './org/tree.js';
export type { OrgTree } from './org/tree.js';
export {
  ancestors,
  children,
  commonAncestor,
  depth,
  descendants,
  findUnits,
  getUnit,
  hasUnit,
  isWithin,
  parent,
  path,
  scopeTest,
} from './org/queries.js';
export { rollup } from './org/rollup.js';
export type { Monoid } from './org/rollup.js';
export { SplitPlan, closeUnit, moveUnit, splitUnit } from './org/edit.js';
export { GroupSet, OrgGroup, checkGroupSet, groupsOf } from './org/groupSet.js';
export {
  CommandStructure,
  Headquarters,
  LeadingGroup,
  SupervisionGroup,
  checkCommand,
  covers,
  createCommand,
} from './org/command.js';
export {
  EMPTY_PARTY_COUNTS,
  PARTY_COUNTS,
  branchCommitteeRule,
  checkPartyRules,
  partyCountsByUnit,
} from './org/partyRules.js';
export type { PartyCounts, PartyRuleIssue } from './org/partyRules.js';

// people and identity
export { Household, Person, Phone, ResidentIdNumber } from './people/person.js';
export {
  isValidResidentId,
  makeResidentId,
  parseResidentId,
  residentIdCheckChar,
  tryParseResidentId,
} from './people/residentId.js';
export type { ResidentIdInfo, ResidentIdOptions } from './people/residentId.js';
export { DEFAULT_PHONE_MASK, DEFAULT_RESIDENT_ID_MASK, MaskPolicy, maskPhone, maskResidentId, maskWith } from './people/mask.js';

// privacy
export { SENSITIVE, sensitive, sensitiveFields, sensitivityOf } from './core/sensitivity.js';
export type { SensitiveField, SensitiveMeta } from './core/sensitivity.js';
export { MIN_ID_CANDIDATES, RedactionPolicy, checkRedactionPolicy, protectedPeople, redact, surnameOnly } from './privacy/redact.js';
export type { RedactionPolicyInput } from './privacy/redact.js';

// the ledger and its journal
export type { Ledger } from './ledger/ledger.js';
export type { JournalTables } from './store/journal.js';
export type { RegisterTables } from './register/tables.js';
export type { CampaignLedger, CampaignTables } from './campaigns/tables.js';
export type { RosterLedger, RosterTables } from './roster/tables.js';
export type { SupervisionLedger, SupervisionTables } from './supervision/tables.js';
export type { EvaluationLedger, EvaluationTables } from './evaluation/tables.js';
export type { ReportingTables } from './reporting/tables.js';
export type { AdmissionTables } from './admission/tables.js';
export { emptyLedger, ledgerTree } from './ledger/ledger.js';
export { DEFAULT_SETTINGS, LedgerSettings, OBSERVATION_EDITIONS } from './store/settings.js';
export { emptyTable, tableForEach, tableGet, tableHas, tableMap, tableOf, tableValues } from './store/table.js';
export type { Table } from './store/table.js';
export { Actor, ActorRole } from './store/actor.js';
export { apply, applyAs, replay, tryApply, tryApplyAs, tryReplay } from './ledger/apply.js';
export type { ApplyOptions } from './ledger/apply.js';
export { EVENT_TYPES, LedgerEvent } from './ledger/events.js';
export { CampaignClosed, CampaignOpened, HouseholdClassified, LetterDelivered, ObservationEnded, ObservationExtended, ObservationShortened, ObservationStarted, ServiceFulfilled, ServiceRequested, SiteDisinfected, SiteRegistered, TemperatureChecked, TravelDeclared, VisitRecorded, VolunteerAttended, VolunteerRegistered, VolunteerSignedUp, VolunteerTaskPosted } from './campaigns/events.js';
export { CommandSet, HouseholdsRegistered, PeopleRegistered, SettingsChanged, UnitsAdded } from './register/events.js';
export { PostOpened, PostClosed, AbsenceRecorded, RosterPublished, DutiesReassigned, DutySwapped, AttendanceRecorded } from './roster/events.js';
export { InspectionRecorded, RectificationSubmitted, FindingRechecked } from './supervision/events.js';
export { DeedRecorded, ThreeShowsRecorded } from './evaluation/events.js';
export { DailyReportSubmitted, DailyReportSignedOff } from './reporting/events.js';
export { AdmissionCaseOpened, AdmissionStepRecorded } from './admission/events.js';
export type { LedgerEventType } from './ledger/events.js';

// campaigns
export { Campaign, campaignRunsOn } from './campaigns/campaign.js';
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
} from './campaigns/records.js';
export { followUp, observationEnd } from './campaigns/observation.js';
export type { FollowUp } from './campaigns/observation.js';
export { coverage, emptyMetrics, mergeMetrics, metricsMonoid } from './campaigns/metrics.js';
export type { CampaignMetrics, CleaningMetrics, DoorKnockingMetrics, HomePreventionMetrics, VolunteerMetrics } from './campaigns/metrics.js';
export { campaignProgress, campaignProgressSeries } from './campaigns/progress.js';
export type { CampaignProgress } from './campaigns/progress.js';
export {
  classificationHistory,
  dueRevisits,
  followUps,
  openServiceRequests,
  openTasks,
  sitesDue,
  unscreenedHouseholds,
  volunteerHours,
} from './campaigns/queries.js';

// simulation
export { countyEvents } from './simulation/journal.js';
export { SIMULATED_CAMPAIGNS, SimulationOptions, simulateCampaigns } from './simulation/simulate.js';

// synthetic county
export { GenerateCountyOptions, generateCounty } from './synthetic/county.js';
export type { County } from './synthetic/county.js';
export { GenerateRosterOptions, ROSTER_SIZES, generateRosterProblem } from './synthetic/rosterProblem.js';

// duty rosters
export {
  Absence,
  ClockTime,
  DEFAULT_ROSTER_RULES,
  LeaderRequirement,
  Post,
  PostId,
  Roster,
  RosterPerson,
  RosterPool,
  RosterProblem,
  RosterRules,
  RosterSeats,
  RosterWeights,
  SeatId,
  SeatLock,
  Shift,
  ShiftId,
  parseSeatId,
  seatId,
} from './roster/model.js';
export type { SeatSlot } from './roster/model.js';
export { checkCapacity } from './roster/capacity.js';
export type { CapacityReport, CapacityShortfall } from './roster/capacity.js';
export { BuildOptions, buildRoster } from './roster/build.js';
export type { FairnessGroup, RosterProgress, RosterResult, RosterStats, UnfilledSeat } from './roster/build.js';
export { validateRoster } from './roster/validate.js';
export type { RosterScore, RosterValidation, RosterViolation, ValidateOptions } from './roster/validate.js';
export { RepairOptions, RosterChange, repairRoster } from './roster/repair.js';
export type { RepairReason, RepairResult, SeatChange } from './roster/repair.js';
export { onDuty } from './roster/onDuty.js';
export type { DutyShift, OnDuty } from './roster/onDuty.js';
export { AbsenceRecord, Duty, PublishedRoster } from './roster/records.js';
export { RosterProblemOptions, ledgerRoster, rosterProblemFromLedger } from './roster/fromLedger.js';
export { countyPosts } from './synthetic/countyPosts.js';
export { ROSTER_CONSTRAINTS } from './roster/constraints.js';
export type { RosterConstraintRule } from './roster/constraints.js';

// supervision
export { CheckAnswer, Finding, FindingAction, Inspection, RaisedFinding, deadlineOn } from './supervision/records.js';
export { findingsOn, uninspectedUnits } from './supervision/queries.js';
export type { FindingView, FindingsOptions, UninspectedUnit } from './supervision/queries.js';

// evaluation and commendation
export { Deed, DeedInput, ThreeShowsEntry } from './evaluation/records.js';
export { Period, RECORD_POINTS, deriveRecords } from './evaluation/derive.js';
export type { PerformanceRecord, RecordSource } from './evaluation/derive.js';
export { EVALUATION_RULES } from './evaluation/rules.js';
export type { EvaluationRuleId } from './evaluation/rules.js';
export { DEFAULT_RUBRIC, QuotaRule, Rubric, appraiseMembers, evaluateCadres, evaluateTeams } from './evaluation/evaluate.js';
export type {
  AppraisalOptions,
  AppraisalVotes,
  CadreEvaluation,
  CadreEvaluations,
  EvaluateOptions,
  GradeEvidence,
  MemberAppraisal,
  TeamEvaluation,
  TeamOptions,
} from './evaluation/evaluate.js';
export { COMMENDATION_CRITERIA, nominate, suggestAdmissions } from './evaluation/commend.js';
export type { AdmissionSuggestion, CommendationCriteria, Nomination, NominationInput } from './evaluation/commend.js';
export { SupervisionSimulationOptions, simulateSupervision } from './simulation/supervision.js';

// admission of activists
export { ADMISSION_RULES } from './admission/rules.js';
export type { AdmissionRuleId } from './admission/rules.js';
export {
  ADMISSION_LABELS,
  ActivistStep,
  AdmissionApprovalStep,
  AdmissionCase,
  AdmissionMeetingStep,
  AdmissionStatus,
  AdmissionStep,
  AdmissionStepKind,
  ApplicationStep,
  ApplicationTalkStep,
  AssessmentStep,
  BranchVote,
  CancellationMeetingStep,
  ConversionMeetingStep,
  DecisionBody,
  DevelopmentTargetStep,
  ExtensionMeetingStep,
  FastTrackStep,
  HigherTalkStep,
  IntroducersStep,
  PoliticalReviewStep,
  ProbationApprovalStep,
  Recommendation,
  Sponsor,
  TemporaryBranchApprovalStep,
  TrainingStep,
} from './admission/model.js';
export type { AdmissionCaseInput, AdmissionStepInput } from './admission/model.js';
export { admissionStatus, admissionTimeline, advance, checkAdmissionCase, nextSteps, openAdmissionCase, tryAdvance } from './admission/pipeline.js';
export type { AdmissionTimeline, NextStep } from './admission/pipeline.js';

// the daily dispatch
export { SUMMARY_MONOID, emptySummary, mergeSummaries } from './report/summary.js';
export type { AdmissionMetrics, DispatchSummary, DutyMetrics, SupervisionMetrics } from './report/summary.js';
export { DISPATCH_PARTS, dailyDispatch } from './report/dispatch.js';
export type { AttentionPerson, DailyDispatch, DispatchPart, Mover } from './report/dispatch.js';
export { renderDispatch } from './report/render.js';
export type { RenderOptions } from './report/render.js';
export type { DispatchOptions, TrendPoint } from './report/dispatch.js';
export { DailyReport, ReportSignOff } from './reporting/records.js';
export { reportingStatus } from './report/reporting.js';
export type { LevelReporting, ReportingStatus } from './report/reporting.js';
export { ReportingSimulationOptions, simulateReporting } from './simulation/reporting.js';
export { AdmissionSimulationOptions, simulateAdmissions } from './simulation/admission.js';
export { COMMUNITY_STATE_RULES, communityStates } from './report/epidemic.js';
