/**
 * frontline — a county's grassroots Party organizations on the epidemic front line: the organization
 * tree and its command bodies, people and identity numbers, Party organization rules, and a
 * synthetic county at the scale of Yuechi (27 townships, 869 villages and communities, 1.2 million
 * people).
 *
 * @packageDocumentation
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
export { GroupId, HouseholdId, OrgId, PersonId, SupervisionGroupId } from './core/ids.js';
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
export type { ResidentIdInfo } from './people/residentId.js';
export { DEFAULT_PHONE_MASK, DEFAULT_RESIDENT_ID_MASK, MaskPolicy, maskPhone, maskResidentId, maskWith } from './people/mask.js';

// synthetic county
export { GenerateCountyOptions, generateCounty } from './synthetic/county.js';
export type { County } from './synthetic/county.js';
