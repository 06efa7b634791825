/**
 * `frontline/core`: Days and instants in China time, ids, the error class, random numbers, rules with their sources, labels and vocabularies, sensitivity tags.
 *
 * @module core
 */

export { FrontlineError, formatPath, issuesFromZod, parseOrThrow, safeParseWith } from '../core/errors.js';
export type { ErrorCode, Issue, Result } from '../core/errors.js';
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
} from '../core/day.js';
export { CampaignId, EventId, GroupId, HouseholdId, OrgId, PersonId, RecordId, SupervisionGroupId } from '../core/ids.js';
export type { CampaignIdOf } from '../core/ids.js';
export type { OnProgress, Progress } from '../core/progress.js';
export { createRandom } from '../core/random.js';
export type { Random } from '../core/random.js';
export { RULES } from '../core/rules.js';
export type { Rule, RuleId, RuleStrength } from '../core/rules.js';
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
  EpidemicFigure,
  TracingIndicator,
  CampaignStatus,
  RectificationAction,
  ConstraintLevel,
  EventType,
  label,
} from '../core/vocabulary.js';
export { PHRASES, localize } from '../core/localize.js';
export type { Label, Vocabulary } from '../core/vocabulary.js';
export { SENSITIVE, sensitive, sensitiveFields, sensitivityOf } from '../core/sensitivity.js';
export type { SensitiveField, SensitiveMeta } from '../core/sensitivity.js';
