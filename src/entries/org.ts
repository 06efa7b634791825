/**
 * `frontline/org`: Organization units and the tree, roll-ups, group sets, the Party organization rules, the command structure, edits of the tree.
 *
 * @module org
 */

export { OrgUnit, PARENT_KINDS, PartyOrganization, TOWNSHIP_LEVEL, isOpenOn, isTownshipLevel } from '../org/unit.js';
export { checkOrgTree, createOrgTree, tryCreateOrgTree } from '../org/tree.js';
export type { OrgTree } from '../org/tree.js';
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
} from '../org/queries.js';
export { rollup } from '../org/rollup.js';
export type { Monoid } from '../org/rollup.js';
export { SplitPlan, closeUnit, moveUnit, splitUnit } from '../org/edit.js';
export { GroupSet, OrgGroup, checkGroupSet, groupsOf } from '../org/groupSet.js';
export {
  CommandStructure,
  Headquarters,
  LeadingGroup,
  SupervisionGroup,
  checkCommand,
  covers,
  createCommand,
} from '../org/command.js';
export {
  EMPTY_PARTY_COUNTS,
  PARTY_COUNTS,
  branchCommitteeRule,
  checkPartyRules,
  partyCountsByUnit,
} from '../org/partyRules.js';
export type { PartyCounts, PartyRuleIssue } from '../org/partyRules.js';
