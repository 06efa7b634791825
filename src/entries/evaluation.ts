/**
 * `frontline/evaluation`: Evidence from the ledger, grades of cadres and teams, member appraisal, commendation.
 *
 * @module evaluation
 */

export type { EvaluationLedger, EvaluationTables } from '../evaluation/tables.js';
export { DeedRecorded, ThreeShowsRecorded } from '../evaluation/events.js';
export { Deed, DeedInput, ThreeShowsEntry } from '../evaluation/records.js';
export { Period, RECORD_POINTS, deriveRecords } from '../evaluation/derive.js';
export type { PerformanceRecord, RecordSource } from '../evaluation/derive.js';
export { EVALUATION_RULES } from '../evaluation/rules.js';
export type { EvaluationRuleId } from '../evaluation/rules.js';
export { DEFAULT_RUBRIC, QuotaRule, Rubric, appraiseMembers, evaluateCadres, evaluateTeams } from '../evaluation/evaluate.js';
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
} from '../evaluation/evaluate.js';
export { COMMENDATION_CRITERIA, nominate, suggestAdmissions } from '../evaluation/commend.js';
export type { AdmissionSuggestion, CommendationCriteria, Nomination, NominationInput } from '../evaluation/commend.js';
