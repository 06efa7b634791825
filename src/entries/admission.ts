/**
 * `frontline/admission`: The admission of activists, step by step, under the rules of member development.
 *
 * @module admission
 */

export type { AdmissionTables } from '../admission/tables.js';
export { AdmissionCaseOpened, AdmissionStepRecorded } from '../admission/events.js';
export { ADMISSION_RULES } from '../admission/rules.js';
export type { AdmissionRuleId } from '../admission/rules.js';
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
} from '../admission/model.js';
export type { AdmissionCaseInput, AdmissionStepInput } from '../admission/model.js';
export { admissionStatus, admissionTimeline, advance, checkAdmissionCase, nextSteps, openAdmissionCase, tryAdvance } from '../admission/pipeline.js';
export type { AdmissionTimeline, NextStep } from '../admission/pipeline.js';
