import type { Issue } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import type { RuleId } from '../core/rules.js';
import type { PartyStatus, Severity } from '../core/vocabulary.js';
import { requirePeopleRows, type Person } from '../people/person.js';
import type { Monoid } from './rollup.js';
import { requireTree, type OrgTree } from './tree.js';
import type { OrgUnit } from './unit.js';

const bump = (a: Int32Array, i: number): void => {
  a[i] = (a[i] as number) + 1;
};

/**
 * A finding of {@link checkPartyRules}: the unit, how serious it is and the rule it cites.
 *
 * @example
 * const finding: PartyRuleIssue = checkPartyRules(tree, people)[0]!;
 * finding.rule; // => 'party.jointBranchSize' (吴家沟村 has one full member and no organization)
 * @category Party rules
 */
export interface PartyRuleIssue extends Issue {
  /** The unit whose Party organization the finding is about. */
  readonly unitId: OrgId;
  /** `error` breaks the rule; `warning` departs from what it calls normal. */
  readonly severity: Severity;
  /** The rule cited. */
  readonly rule: RuleId;
}

/**
 * Head-counts by Party status: a mergeable summary (add field by field).
 *
 * @example
 * const c: PartyCounts = { ...EMPTY_PARTY_COUNTS, fullMember: 7 };
 * @category Party rules
 */
export type PartyCounts = Readonly<Record<PartyStatus, number>>;

/**
 * The counts of nobody.
 *
 * @example
 * EMPTY_PARTY_COUNTS.fullMember; // => 0
 * @category Party rules
 */
export const EMPTY_PARTY_COUNTS: PartyCounts = Object.freeze({
  fullMember: 0,
  probationaryMember: 0,
  developmentTarget: 0,
  activist: 0,
  applicant: 0,
  nonMember: 0,
});

/**
 * The {@link Monoid} of {@link PartyCounts}, for {@link rollup}.
 *
 * @example
 * const totals = rollup(tree, partyCountsByUnit(tree, people), PARTY_COUNTS);
 * totals.get(tree.root)?.fullMember; // => 15
 * @category Party rules
 */
export const PARTY_COUNTS: Monoid<PartyCounts> = {
  empty: EMPTY_PARTY_COUNTS,
  combine: (a, b) => ({
    fullMember: a.fullMember + b.fullMember,
    probationaryMember: a.probationaryMember + b.probationaryMember,
    developmentTarget: a.developmentTarget + b.developmentTarget,
    activist: a.activist + b.activist,
    applicant: a.applicant + b.applicant,
    nonMember: a.nonMember + b.nonMember,
  }),
};

/**
 * The people of each unit by Party status, counted where their relations sit (`unitId`). People of
 * units not in the tree are left out.
 *
 * @param tree - The organization tree.
 * @param people - The people; each counts in their own unit (`unitId`).
 * @returns Each unit's own head-counts (not rolled up), for every unit of the tree.
 * @example
 * partyCountsByUnit(tree, people).get('wjg' as OrgId)?.fullMember; // => 1
 * @category Party rules
 */
export function partyCountsByUnit(tree: OrgTree, people: readonly Person[]): ReadonlyMap<OrgId, PartyCounts> {
  requireTree(tree);
  requirePeopleRows(people);
  const n = tree.units.length;
  const statuses = ['fullMember', 'probationaryMember', 'developmentTarget', 'activist', 'applicant', 'nonMember'] as const;
  const counts = statuses.map(() => new Int32Array(n));
  const column = new Map<string, Int32Array>(statuses.map((s, k) => [s, counts[k] as Int32Array]));
  for (const p of people) {
    const i = tree.indexOf.get(p.unitId);
    if (i !== undefined) {
      const col = column.get(p.partyStatus) as Int32Array;
      col[i] = (col[i] as number) + 1;
    }
  }
  const out = new Map<OrgId, PartyCounts>();
  for (let i = 0; i < n; i++) {
    const row = {} as Record<PartyStatus, number>;
    statuses.forEach((s, k) => (row[s] = (counts[k] as Int32Array)[i] as number));
    out.set((tree.units[i] as OrgUnit).id, row);
  }
  return out;
}

/**
 * What the branch rules say for a number of full members: a committee of 3–5 (at most 7) from 7 full
 * members, otherwise a secretary and perhaps a deputy (中国共产党支部工作条例(试行) 2018 Art.8).
 *
 * @param fullMembers - The branch's full members.
 * @returns Whether a committee is elected, and its least, usual largest and largest size (zeros without one).
 * @example
 * branchCommitteeRule(7); // => { committee: true, min: 3, usualMax: 5, max: 7 }
 * branchCommitteeRule(6); // => { committee: false, min: 0, usualMax: 0, max: 0 }
 * @category Party rules
 */
export function branchCommitteeRule(fullMembers: number): { committee: boolean; min: number; usualMax: number; max: number } {
  return fullMembers >= 7 ? { committee: true, min: 3, usualMax: 5, max: 7 } : { committee: false, min: 0, usualMax: 0, max: 0 };
}

/**
 * Checks every Party organization of the tree against the organization rules, and returns
 * each finding with its unit, severity and rule:
 * - at least 3 **full** members (probationary members do not count), else a joint branch, of at most
 *   5 units as a rule;
 * - a branch generally has at most 50 members; a committee from 7 full members (3–5, at most 7),
 *   none below 7;
 * - a general branch 50–100 members and a grassroots committee 100 or more, fewer only with higher
 *   approval; a village committee only with the county's approval;
 * - a temporary branch is approved by a higher organization, its leaders appointed, it dissolves
 *   with its task body, and it admits members only with higher approval.
 *
 * A branch or joint branch counts its own unit's members (and its joined units'); a general branch
 * or committee counts its whole subtree; a temporary branch counts the people assigned to it.
 *
 * @param tree - The organization tree.
 * @param people - The people of the tree.
 * @returns Every finding; empty when every organization follows the rules.
 * @example
 * checkPartyRules(tree, people).filter((i) => i.severity === 'error'); // => []
 * @category Party rules
 */
export function checkPartyRules(tree: OrgTree, people: readonly Person[]): readonly PartyRuleIssue[] {
  requireTree(tree);
  requirePeopleRows(people);
  const n = tree.units.length;
  const full = new Int32Array(n);
  const prob = new Int32Array(n);
  const assignedFull = new Int32Array(n);
  const assignedProb = new Int32Array(n);
  for (const p of people) {
    const isFull = p.partyStatus === 'fullMember';
    if (!isFull && p.partyStatus !== 'probationaryMember') continue;
    const i = tree.indexOf.get(p.unitId);
    if (i !== undefined) bump(isFull ? full : prob, i);
    for (const a of p.assignments ?? []) {
      if (a === p.unitId) continue; // counted once, as a member of the unit
      const j = tree.indexOf.get(a);
      if (j !== undefined) bump(isFull ? assignedFull : assignedProb, j);
    }
  }
  const subFull = full.slice();
  const subProb = prob.slice();
  for (let i = n - 1; i > 0; i--) {
    const p = tree.parentIndex[i] as number;
    (subFull[p] as number) += subFull[i] as number;
    (subProb[p] as number) += subProb[i] as number;
  }
  // the units gathered by an open joint branch, each with the branch that gathers it
  const inJoint = new Map<string, OrgUnit>();
  const jointTwice: [OrgUnit, string, number][] = [];
  for (const u of tree.units) {
    if (u.closed !== undefined || u.party?.form !== 'jointBranch') continue;
    (u.party.jointUnits ?? []).forEach((j, k) => {
      if (inJoint.has(j) || j === u.id) jointTwice.push([u, j, k]);
      else inJoint.set(j, u);
    });
  }

  const issues: PartyRuleIssue[] = [];
  const add = (u: OrgUnit, severity: Severity, rule: RuleId, code: string, message: string, ...at: PropertyKey[]): void => {
    issues.push({ path: ['units', u.id, ...at], unitId: u.id, severity, rule, code, message: `${u.name} (${u.id}): ${message}` });
  };
  /** Higher approval comes from a unit above this one in the tree. */
  const approvalFromAbove = (u: OrgUnit, i: number, field: 'approvedBy' | 'admissionApprovedBy', rule: RuleId): void => {
    const by = u.party?.[field];
    const a = by === undefined ? undefined : tree.indexOf.get(by);
    if (a !== undefined && !(a !== i && i >= a && i < (tree.subtreeEnd[a] as number)))
      add(u, 'error', rule, 'approval_not_higher', `'${by}' is not above this unit in the tree: the approval must come from a higher organization`, 'party', field);
  };
  for (const [u, j, k] of jointTwice)
    add(u, 'error', 'party.jointBranchSize', 'joint_unit_twice', `'${j}' is ${j === u.id ? 'the branch itself' : 'already gathered by another joint branch'}: a unit belongs to one Party organization`, 'party', 'jointUnits', k);
  for (let i = 0; i < n; i++) {
    const u = tree.units[i] as OrgUnit;
    if (u.closed !== undefined) continue;
    const org = u.party;
    const gatheredBy = inJoint.get(u.id);
    if (gatheredBy !== undefined) {
      const k = gatheredBy.party?.jointUnits?.indexOf(u.id) ?? -1;
      if (org !== undefined)
        add(gatheredBy, 'error', 'party.jointBranchSize', 'joint_unit_organized', `'${u.id}' has a Party organization of its own: a joint branch gathers units without one`, 'party', 'jointUnits', k);
      else if ((full[i] as number) >= 3)
        add(gatheredBy, 'warning', 'party.minFullMembers', 'joint_unit_size', `'${u.id}' has ${full[i]} full members: it can form its own organization instead of joining`, 'party', 'jointUnits', k);
    }
    if (org === undefined) {
      if ((u.kind === 'village' || u.kind === 'community' || u.kind === 'institution') && !inJoint.has(u.id)) {
        const f = full[i] as number;
        if (f >= 3) add(u, 'warning', 'party.minFullMembers', 'no_organization', `${f} full members and no Party organization: it should form one`);
        else if (f + (prob[i] as number) > 0)
          add(u, 'warning', 'party.jointBranchSize', 'no_organization', `${f} full and ${prob[i]} probationary members and no organization: join a joint branch`);
      }
      continue;
    }
    let f: number;
    let pr: number;
    if (u.kind === 'temporaryBranch') {
      f = (assignedFull[i] as number) + (full[i] as number);
      pr = (assignedProb[i] as number) + (prob[i] as number);
    } else if (org.form === 'committee' || org.form === 'generalBranch') {
      f = subFull[i] as number;
      pr = subProb[i] as number;
    } else {
      f = full[i] as number;
      pr = prob[i] as number;
      for (const j of org.jointUnits ?? []) {
        const k = tree.indexOf.get(j);
        // a unit with its own organization, or already gathered by another joint branch, is reported above and not counted twice
        if (k !== undefined && inJoint.get(j) === u && tree.units[k]?.party === undefined) {
          f += full[k] as number;
          pr += prob[k] as number;
        }
      }
    }
    const total = f + pr;
    const counted = `${f} full${pr > 0 ? ` + ${pr} probationary` : ''} members`;
    if (f < 3)
      add(u, 'error', 'party.minFullMembers', 'too_few_full_members', `${counted}: an organization needs at least 3 full members (probationary members do not count)`, 'party', 'form');
    if (org.form === 'jointBranch') {
      const unitsJoined = 1 + (org.jointUnits?.length ?? 0);
      if (unitsJoined > 5) add(u, 'warning', 'party.jointBranchSize', 'joint_branch_size', `a joint branch of ${unitsJoined} units; generally at most 5`, 'party', 'jointUnits');
    } else if (org.jointUnits !== undefined && org.jointUnits.length > 0) {
      add(u, 'error', 'party.jointBranchSize', 'joint_units', `only a joint branch gathers other units (form is ${org.form})`, 'party', 'jointUnits');
    }
    if (org.form === 'branch' || org.form === 'jointBranch') {
      if (total > 50) add(u, 'warning', 'party.branchSize', 'branch_size', `a branch of ${counted}; generally at most 50 (consider a general branch)`, 'party', 'form');
      const rule = branchCommitteeRule(f);
      const size = org.committeeSize ?? 0;
      if (!rule.committee && size > 0)
        add(u, 'error', 'party.branchCommittee', 'committee_too_few', `a committee of ${size} with ${counted}: below 7 full members a branch has a secretary (and perhaps a deputy), no committee`, 'party', 'committeeSize');
      if (rule.committee && size > 0 && (size < rule.min || size > rule.max))
        add(u, 'error', 'party.branchCommittee', 'committee_size', `a committee of ${size}: it has 3–5 members, at most 7`, 'party', 'committeeSize');
      else if (rule.committee && size > rule.usualMax)
        add(u, 'warning', 'party.branchCommittee', 'committee_size', `a committee of ${size}: usually 3–5 members`, 'party', 'committeeSize');
      if (rule.committee && size === 0 && u.kind !== 'temporaryBranch')
        add(u, 'warning', 'party.branchCommittee', 'committee_missing', `${counted} and no committee: from 7 full members a branch elects a committee of 3–5`, 'party', 'committeeSize');
    }
    if (org.form === 'generalBranch') {
      approvalFromAbove(u, i, 'approvedBy', 'party.generalBranchSize');
      if (total < 50 && org.approvedBy === undefined)
        add(u, 'error', 'party.generalBranchSize', 'general_branch_size', `a general branch of ${counted}: fewer than 50 only with higher approval (none recorded)`, 'party', 'approvedBy');
      if (total > 100) add(u, 'warning', 'party.generalBranchSize', 'general_branch_size', `a general branch of ${counted}: from 100 members a grassroots committee is formed`, 'party', 'form');
    }
    if (org.form === 'committee') {
      approvalFromAbove(u, i, 'approvedBy', 'party.committeeSize');
      if (total < 100 && org.approvedBy === undefined)
        add(u, 'error', 'party.committeeSize', 'committee_form_size', `a grassroots committee of ${counted}: fewer than 100 only with higher approval (none recorded)`, 'party', 'approvedBy');
      if (u.kind === 'village' || u.kind === 'community') {
        const approver = org.approvedBy === undefined ? undefined : tree.units[tree.indexOf.get(org.approvedBy) ?? -1];
        if (approver?.kind !== 'county')
          add(u, 'error', 'party.villageCommitteeApproval', 'village_committee_approval', `a ${u.kind} Party committee needs the county committee's approval${org.approvedBy === undefined ? ' (none recorded)' : ` ('${org.approvedBy}' is not the county)`}`, 'party', 'approvedBy');
      }
    }
    if (u.kind === 'temporaryBranch') {
      approvalFromAbove(u, i, 'approvedBy', 'party.temporaryBranch');
      approvalFromAbove(u, i, 'admissionApprovedBy', 'party.temporaryAdmission');
      if (org.approvedBy === undefined)
        add(u, 'error', 'party.temporaryBranch', 'temporary_approval', 'a temporary branch is formed with higher approval (none recorded)', 'party', 'approvedBy');
      if (org.leadership !== 'appointed')
        add(u, 'error', 'party.temporaryBranch', 'temporary_leadership', 'the leaders of a temporary branch are appointed by the higher organization, not elected', 'party', 'leadership');
      if (org.admitsMembers === true && org.admissionApprovedBy === undefined)
        add(u, 'error', 'party.temporaryAdmission', 'temporary_admission', 'a temporary branch admits members only with higher approval (none recorded)', 'party', 'admissionApprovedBy');
      if (u.taskBodyId === undefined)
        add(u, 'warning', 'party.temporaryBranch', 'temporary_task_body', 'no task body recorded: a temporary branch serves one and dissolves with it', 'taskBodyId');
      const body = u.taskBodyId === undefined ? undefined : tree.units[tree.indexOf.get(u.taskBodyId) ?? -1];
      if (body?.closed !== undefined)
        add(u, 'error', 'party.temporaryBranch', 'temporary_dissolve', `its task body '${body.id}' closed on ${body.closed}: a temporary branch dissolves with it`, 'closed');
    } else if (org.leadership === 'appointed' && org.form !== 'group') {
      add(u, 'warning', 'party.temporaryBranch', 'appointed_leadership', 'leaders are appointed: only temporary branches have appointed leaders as a rule', 'party', 'leadership');
    }
    if (org.admitsMembers !== undefined && u.kind !== 'temporaryBranch')
      add(u, 'warning', 'party.temporaryAdmission', 'admits_members', 'admitsMembers applies to temporary branches only', 'party', 'admitsMembers');
  }
  return issues;
}
