import { describe, expect, it } from 'vitest';
import {
  EMPTY_PARTY_COUNTS,
  PARTY_COUNTS,
  RULES,
  branchCommitteeRule,
  checkPartyRules,
  createOrgTree,
  generateCounty,
  partyCountsByUnit,
  rollup,
  type PartyRuleIssue,
  type Person,
} from '../../src/index.js';
import { deepFreeze, fixturePeople, fixtureTree, oid, people, snapshot, type UnitInput } from '../fixtures.js';

/** County, a township and an institution without Party organizations, plus the units of a case. */
function check(units: UnitInput[], persons: readonly Person[]): readonly PartyRuleIssue[] {
  const base: UnitInput[] = [
    { id: 'yc', name: '岳池县', kind: 'county', parentId: null },
    { id: 'pa', name: '普安镇', kind: 'township', parentId: 'yc' },
    { id: 'hosp', name: '岳池县人民医院', kind: 'institution', parentId: 'yc' },
  ];
  return checkPartyRules(createOrgTree([...base, ...units]), persons);
}
const on = (issues: readonly PartyRuleIssue[], unitId: string): PartyRuleIssue[] => issues.filter((i) => i.unitId === unitId);
const brief = (issues: readonly PartyRuleIssue[]): [string, string][] => issues.map((i) => [i.severity, i.rule]);

const temporaryBranch = (party: Record<string, unknown>): UnitInput => ({
  id: 'tb',
  name: '临时党支部',
  kind: 'temporaryBranch',
  parentId: 'hosp',
  taskBodyId: 'hosp',
  party: { form: 'branch', leadership: 'appointed', committeeSize: 3, approvedBy: 'hosp', ...party },
});
const village = (id: string, party?: Record<string, unknown>): UnitInput => ({
  id,
  name: `${id}村`,
  kind: 'village',
  parentId: 'pa',
  ...(party === undefined ? {} : { party }),
});
const institution = (id: string, party: Record<string, unknown>): UnitInput => ({ id, name: `${id}局`, kind: 'institution', parentId: 'yc', party });
const assigned = (prefix: string, n: number, status: 'fullMember' | 'probationaryMember'): Person[] =>
  people(prefix, n, 'hosp', status, { assignments: ['tb'] });

describe('branchCommitteeRule (中国共产党支部工作条例(试行) 2018 Art.8)', () => {
  it('gives a committee of 3–5 (at most 7) from 7 full members, none below', () => {
    expect(branchCommitteeRule(7)).toEqual({ committee: true, min: 3, usualMax: 5, max: 7 });
    expect(branchCommitteeRule(6)).toEqual({ committee: false, min: 0, usualMax: 0, max: 0 });
    expect(branchCommitteeRule(50).committee).toBe(true);
    expect(branchCommitteeRule(0).committee).toBe(false);
  });
});

describe('checkPartyRules, each rule with its source case', () => {
  it('the hospital’s 7-full-member temporary branch (appointed, approved, committee of 3) has no finding', () => {
    const issues = check([temporaryBranch({})], assigned('d', 7, 'fullMember'));
    expect(on(issues, 'tb')).toEqual([]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('6 full + 1 probationary member: no committee (party.branchCommittee)', () => {
    const members = [...people('f', 6, 'v', 'fullMember'), ...people('q', 1, 'v', 'probationaryMember')];
    const withCommittee = on(check([village('v', { form: 'branch', leadership: 'elected', committeeSize: 3 })], members), 'v');
    expect(brief(withCommittee)).toEqual([['error', 'party.branchCommittee']]);
    expect(withCommittee[0]).toMatchObject({ code: 'committee_too_few', path: ['units', 'v', 'party', 'committeeSize'] });
    expect(on(check([village('v', { form: 'branch', leadership: 'elected' })], members), 'v')).toEqual([]);
    // the same in a temporary branch: 6 assigned full members and 1 probationary have no committee
    const tb = on(check([temporaryBranch({})], [...assigned('f', 6, 'fullMember'), ...assigned('q', 1, 'probationaryMember')]), 'tb');
    expect(brief(tb)).toEqual([['error', 'party.branchCommittee']]);
    expect(on(check([temporaryBranch({ committeeSize: 0 })], [...assigned('f', 6, 'fullMember')]), 'tb')).toEqual([]);
  });

  it('a branch of 7 full members without a committee is warned, with an oversized one is an error', () => {
    const seven = people('f', 7, 'v', 'fullMember');
    expect(brief(on(check([village('v', { form: 'branch', leadership: 'elected' })], seven), 'v'))).toEqual([
      ['warning', 'party.branchCommittee'],
    ]);
    expect(brief(on(check([village('v', { form: 'branch', leadership: 'elected', committeeSize: 9 })], seven), 'v'))).toEqual([
      ['error', 'party.branchCommittee'],
    ]);
    expect(brief(on(check([village('v', { form: 'branch', leadership: 'elected', committeeSize: 6 })], seven), 'v'))).toEqual([
      ['warning', 'party.branchCommittee'],
    ]);
  });

  it('2 full + 5 probationary members: too few full members (party.minFullMembers; probationary do not count)', () => {
    const members = [...people('f', 2, 'v', 'fullMember'), ...people('q', 5, 'v', 'probationaryMember')];
    const issues = on(check([village('v', { form: 'branch', leadership: 'elected' })], members), 'v');
    expect(brief(issues)).toEqual([['error', 'party.minFullMembers']]);
    expect(issues[0]).toMatchObject({ code: 'too_few_full_members', path: ['units', 'v', 'party', 'form'] });
    expect(issues[0]?.message).toContain('v村');
    const three = people('f', 3, 'v', 'fullMember');
    expect(on(check([village('v', { form: 'branch', leadership: 'elected' })], three), 'v')).toEqual([]);
  });

  it('a unit with 3 full members and no organization should form one', () => {
    const issues = on(check([village('v')], people('f', 3, 'v', 'fullMember')), 'v');
    expect(brief(issues)).toEqual([['warning', 'party.minFullMembers']]);
    expect(on(check([village('v')], people('f', 2, 'v', 'fullMember')), 'v').map((i) => i.rule)).toEqual(['party.jointBranchSize']);
    expect(on(check([village('v')], []), 'v')).toEqual([]);
  });

  it('a branch of 51 members is warned (party.branchSize), of 50 not', () => {
    const branch = village('v', { form: 'branch', leadership: 'elected', committeeSize: 5 });
    expect(brief(on(check([branch], people('f', 51, 'v', 'fullMember')), 'v'))).toEqual([['warning', 'party.branchSize']]);
    expect(on(check([branch], people('f', 50, 'v', 'fullMember')), 'v')).toEqual([]);
    // probationary members count towards the size
    const mixed = [...people('f', 45, 'v', 'fullMember'), ...people('q', 6, 'v', 'probationaryMember')];
    expect(brief(on(check([branch], mixed), 'v'))).toEqual([['warning', 'party.branchSize']]);
  });

  it('a general branch of 40 members needs approval (party.generalBranchSize)', () => {
    const forty = people('f', 40, 'bureau', 'fullMember');
    const without = on(check([institution('bureau', { form: 'generalBranch', leadership: 'elected', committeeSize: 5 })], forty), 'bureau');
    expect(brief(without)).toEqual([['error', 'party.generalBranchSize']]);
    expect(without[0]?.path).toEqual(['units', 'bureau', 'party', 'approvedBy']);
    const approved = institution('bureau', { form: 'generalBranch', leadership: 'elected', committeeSize: 5, approvedBy: 'yc' });
    expect(on(check([approved], forty), 'bureau')).toEqual([]);
    const big = institution('bureau', { form: 'generalBranch', leadership: 'elected', committeeSize: 5 });
    expect(brief(on(check([big], people('f', 101, 'bureau', 'fullMember')), 'bureau'))).toEqual([['warning', 'party.generalBranchSize']]);
  });

  it('a committee of 80 members needs approval (party.committeeSize)', () => {
    const eighty = people('f', 80, 'bureau', 'fullMember');
    expect(brief(on(check([institution('bureau', { form: 'committee', leadership: 'elected', committeeSize: 7 })], eighty), 'bureau'))).toEqual([
      ['error', 'party.committeeSize'],
    ]);
    const approved = institution('bureau', { form: 'committee', leadership: 'elected', committeeSize: 7, approvedBy: 'yc' });
    expect(on(check([approved], eighty), 'bureau')).toEqual([]);
    const hundred = people('f', 100, 'bureau', 'fullMember');
    expect(on(check([institution('bureau', { form: 'committee', leadership: 'elected', committeeSize: 7 })], hundred), 'bureau')).toEqual([]);
  });

  it('a committee counts the members of its whole subtree', () => {
    const township: UnitInput = { id: 'qj', name: '乔家镇', kind: 'township', parentId: 'yc', party: { form: 'committee', leadership: 'elected' } };
    const villages: UnitInput[] = [
      { id: 'qj1', name: '甲村', kind: 'village', parentId: 'qj', party: { form: 'branch', leadership: 'elected', committeeSize: 3 } },
      { id: 'qj2', name: '乙村', kind: 'village', parentId: 'qj', party: { form: 'branch', leadership: 'elected', committeeSize: 3 } },
    ];
    const members = [...people('a', 50, 'qj1', 'fullMember'), ...people('b', 50, 'qj2', 'fullMember')];
    expect(check([township, ...villages], members).filter((i) => i.severity === 'error')).toEqual([]);
    expect(brief(on(check([township, ...villages], members.slice(1)), 'qj'))).toEqual([['error', 'party.committeeSize']]);
  });

  it('a village committee needs the county committee’s approval (party.villageCommitteeApproval)', () => {
    const members = people('f', 120, 'v', 'fullMember');
    const committee = (approvedBy?: string): UnitInput =>
      village('v', { form: 'committee', leadership: 'elected', committeeSize: 7, ...(approvedBy === undefined ? {} : { approvedBy }) });
    expect(brief(on(check([committee()], members), 'v'))).toEqual([['error', 'party.villageCommitteeApproval']]);
    expect(brief(on(check([committee('pa')], members), 'v'))).toEqual([['error', 'party.villageCommitteeApproval']]);
    expect(on(check([committee('yc')], members), 'v')).toEqual([]);
  });

  it('a temporary branch: appointed leaders, higher approval, admission only with approval (party.temporaryBranch / party.temporaryAdmission)', () => {
    const seven = assigned('d', 7, 'fullMember');
    const elected = on(check([temporaryBranch({ leadership: 'elected' })], seven), 'tb');
    expect(elected.map((i) => [i.severity, i.rule, i.code])).toEqual([['error', 'party.temporaryBranch', 'temporary_leadership']]);
    const unapproved = on(check([temporaryBranch({ approvedBy: undefined })].map(stripUndefined), seven), 'tb');
    expect(unapproved.map((i) => [i.severity, i.rule, i.code])).toEqual([['error', 'party.temporaryBranch', 'temporary_approval']]);
    const admits = on(check([temporaryBranch({ admitsMembers: true })], seven), 'tb');
    expect(admits.map((i) => [i.severity, i.rule, i.code])).toEqual([['error', 'party.temporaryAdmission', 'temporary_admission']]);
    expect(on(check([temporaryBranch({ admitsMembers: true, admissionApprovedBy: 'hosp' })], seven), 'tb')).toEqual([]);
    expect(on(check([temporaryBranch({ admitsMembers: false })], seven), 'tb')).toEqual([]);
  });

  it('a temporary branch dissolves with its task body', () => {
    const units: UnitInput[] = [
      { id: 'team', name: '医疗队', kind: 'institution', parentId: 'yc', closed: '2020-04-01' },
      { ...temporaryBranch({}), parentId: 'hosp', taskBodyId: 'team' },
    ];
    expect(on(check(units, assigned('d', 7, 'fullMember')), 'tb').map((i) => i.code)).toEqual(['temporary_dissolve']);
  });

  it('appointed leaders and admitsMembers outside a temporary branch are warned', () => {
    const seven = people('f', 7, 'v', 'fullMember');
    const appointed = on(check([village('v', { form: 'branch', leadership: 'appointed', committeeSize: 3 })], seven), 'v');
    expect(brief(appointed)).toEqual([['warning', 'party.temporaryBranch']]);
    const admits = on(check([village('v', { form: 'branch', leadership: 'elected', committeeSize: 3, admitsMembers: true })], seven), 'v');
    expect(brief(admits)).toEqual([['warning', 'party.temporaryAdmission']]);
  });

  it('a joint branch of 6 units is warned (party.jointBranchSize), of 5 not', () => {
    const joint = (n: number): UnitInput[] => {
      const others = Array.from({ length: n - 1 }, (_, k) => `j${k + 2}`);
      return [village('j1', { form: 'jointBranch', leadership: 'elected', jointUnits: others }), ...others.map((id) => village(id))];
    };
    const members = (n: number): Person[] => Array.from({ length: n }, (_, k) => people(`m${k + 1}-`, 1, `j${k + 1}`, 'fullMember')).flat();
    const six = check(joint(6), members(6));
    expect(six.map((i) => [i.unitId, i.severity, i.rule, i.code])).toEqual([['j1', 'warning', 'party.jointBranchSize', 'joint_branch_size']]);
    expect(check(joint(5), members(5))).toEqual([]);
    // the joined units' members count: two units of 1 full member each are too few together
    expect(brief(check(joint(2), members(2)))).toEqual([['error', 'party.minFullMembers']]);
  });

  it('only a joint branch gathers other units', () => {
    const units = [village('v', { form: 'branch', leadership: 'elected', jointUnits: ['w'] }), village('w')];
    const issues = on(check(units, people('f', 3, 'v', 'fullMember')), 'v');
    expect(issues.map((i) => [i.severity, i.rule, i.code])).toEqual([['error', 'party.jointBranchSize', 'joint_units']]);
  });

  it('a closed joint branch gathers nobody: its units are told to organize again', () => {
    const closedJoint = { ...village('v3', { form: 'jointBranch', leadership: 'elected', jointUnits: ['v1', 'v2'] }), closed: '2020-01-01' };
    const persons = [...people('a', 1, 'v1', 'fullMember'), ...people('b', 1, 'v2', 'fullMember')];
    const issues = check([village('v1'), village('v2'), closedJoint], persons);
    expect(issues.map((i) => [i.unitId, i.code])).toEqual([
      ['v1', 'no_organization'],
      ['v2', 'no_organization'],
    ]);
  });

  it('a joint branch does not count a unit that has its own organization, nor one gathered twice', () => {
    const own = village('v1', { form: 'branch', leadership: 'elected' });
    const joint = village('v2', { form: 'jointBranch', leadership: 'elected', jointUnits: ['v1'] });
    const issues = on(check([own, joint], people('f', 3, 'v1', 'fullMember')), 'v2');
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['error', 'joint_unit_organized'],
      ['error', 'too_few_full_members'],
    ]);
    expect(issues[0]?.path).toEqual(['units', 'v2', 'party', 'jointUnits', 0]);

    const a = village('ja', { form: 'jointBranch', leadership: 'elected', jointUnits: ['w'] });
    const b = village('jb', { form: 'jointBranch', leadership: 'elected', jointUnits: ['w'] });
    const persons = [...people('a', 3, 'ja', 'fullMember'), ...people('b', 3, 'jb', 'fullMember')];
    expect(check([a, b, village('w')], persons).map((i) => [i.unitId, i.code])).toEqual([['jb', 'joint_unit_twice']]);
  });

  it('a unit of 3 full members gathered by a joint branch is told it can organize itself', () => {
    const joint = village('j', { form: 'jointBranch', leadership: 'elected', jointUnits: ['w'] });
    const issues = check([joint, village('w')], people('f', 3, 'w', 'fullMember'));
    expect(issues.map((i) => [i.unitId, i.severity, i.code])).toEqual([['j', 'warning', 'joint_unit_size']]);
  });

  it('a temporary branch counts a member filed in it and also assigned to it once', () => {
    const twice = people('d', 2, 'tb', 'fullMember', { assignments: ['tb'] });
    const issues = on(check([temporaryBranch({})], twice), 'tb');
    expect(brief(issues)).toContainEqual(['error', 'party.minFullMembers']);
    expect(issues.find((i) => i.rule === 'party.minFullMembers')?.message).toContain('2 full members');
  });

  it('higher approval comes from above: not from the unit itself or one below it, and never from an unknown unit', () => {
    const forty = people('f', 40, 'bureau', 'fullMember');
    const below = { id: 'office', name: '办公室', kind: 'institution' as const, parentId: 'bureau' };
    const self = institution('bureau', { form: 'generalBranch', leadership: 'elected', committeeSize: 5, approvedBy: 'bureau' });
    const fromBelow = institution('bureau', { form: 'generalBranch', leadership: 'elected', committeeSize: 5, approvedBy: 'office' });
    for (const u of [self, fromBelow]) {
      const issues = on(check([u, below], forty), 'bureau');
      expect(issues.map((i) => [i.severity, i.rule, i.code])).toEqual([['error', 'party.generalBranchSize', 'approval_not_higher']]);
      expect(issues[0]?.path).toEqual(['units', 'bureau', 'party', 'approvedBy']);
    }
    const tb = temporaryBranch({ approvedBy: 'tb', admitsMembers: true, admissionApprovedBy: 'hosp' });
    expect(on(check([tb], assigned('d', 7, 'fullMember')), 'tb').map((i) => [i.rule, i.code])).toEqual([['party.temporaryBranch', 'approval_not_higher']]);
    const ghost = institution('bureau', { form: 'generalBranch', leadership: 'elected', approvedBy: 'ghost' });
    expect(() => check([ghost], forty)).toThrow(/unknown approving unit 'ghost'/);
  });

  it('a temporary branch with no task body is warned (it dissolves with one)', () => {
    const { taskBodyId: _, ...loose } = temporaryBranch({});
    const issues = on(check([loose], assigned('d', 7, 'fullMember')), 'tb');
    expect(issues.map((i) => [i.severity, i.rule, i.code])).toEqual([['warning', 'party.temporaryBranch', 'temporary_task_body']]);
  });

  it('skips closed units', () => {
    const closed = { ...village('v', { form: 'branch', leadership: 'elected' }), closed: '2020-01-01' };
    expect(check([closed], people('f', 1, 'v', 'fullMember'))).toEqual([]);
  });

  it('cites known rules, paths under units, and never mutates its input', () => {
    const tree = fixtureTree();
    const persons = deepFreeze(fixturePeople());
    const before = snapshot(persons);
    const issues = checkPartyRules(tree, persons);
    expect(persons).toEqual(before);
    for (const i of issues) {
      expect(RULES[i.rule].source.length).toBeGreaterThan(0);
      expect(i.path.slice(0, 2)).toEqual(['units', i.unitId]);
    }
    // the fixture: only 吴家沟村, with one full member and no organization, is advised to join a joint branch
    expect(issues.map((i) => [i.unitId, i.severity, i.rule])).toEqual([['wjg', 'warning', 'party.jointBranchSize']]);
  });
});

function stripUndefined(u: UnitInput): UnitInput {
  return JSON.parse(JSON.stringify(u)) as UnitInput;
}

describe('partyCountsByUnit and PARTY_COUNTS', () => {
  it('counts people by status where their relations sit', () => {
    const counts = partyCountsByUnit(fixtureTree(), fixturePeople());
    expect(counts.get(oid('hosp'))).toEqual({ ...EMPTY_PARTY_COUNTS, fullMember: 8, probationaryMember: 1 });
    expect(counts.get(oid('tb'))).toEqual(EMPTY_PARTY_COUNTS); // assignments do not move relations
    expect(counts.get(oid('wjg'))).toEqual({ ...EMPTY_PARTY_COUNTS, fullMember: 1, nonMember: 1, activist: 1 });
    expect(counts.size).toBe(7);
  });

  it('rolled up with PARTY_COUNTS, sums to the people count at the root', () => {
    const tree = fixtureTree();
    const persons = fixturePeople();
    const totals = rollup(tree, partyCountsByUnit(tree, persons), PARTY_COUNTS);
    const root = totals.get(tree.root) ?? EMPTY_PARTY_COUNTS;
    expect(Object.values(root).reduce((a, b) => a + b, 0)).toBe(persons.length);
    expect(root.fullMember).toBe(persons.filter((p) => p.partyStatus === 'fullMember').length);
    expect(totals.get(oid('jl'))).toEqual({ ...EMPTY_PARTY_COUNTS, nonMember: 1, applicant: 1 });
  });

  it('sums to the people count of a generated county, status by status', () => {
    const county = generateCounty({ seed: 11, scale: 0.02 });
    const tree = createOrgTree(county.units);
    const root = rollup(tree, partyCountsByUnit(tree, county.people), PARTY_COUNTS).get(tree.root) ?? EMPTY_PARTY_COUNTS;
    expect(Object.values(root).reduce((a, b) => a + b, 0)).toBe(county.people.length);
    for (const status of Object.keys(EMPTY_PARTY_COUNTS) as (keyof typeof EMPTY_PARTY_COUNTS)[])
      expect(root[status]).toBe(county.people.filter((p) => p.partyStatus === status).length);
  });

  it('leaves out people of units not in the tree; PARTY_COUNTS.empty is neutral', () => {
    const counts = partyCountsByUnit(fixtureTree(), [...fixturePeople(), ...people('x', 3, 'elsewhere', 'fullMember')]);
    const total = [...counts.values()].reduce((a, c) => a + Object.values(c).reduce((x, y) => x + y, 0), 0);
    expect(total).toBe(fixturePeople().length);
    const c = { ...EMPTY_PARTY_COUNTS, fullMember: 7, activist: 2 };
    expect(PARTY_COUNTS.combine(PARTY_COUNTS.empty, c)).toEqual(c);
    expect(PARTY_COUNTS.combine(c, PARTY_COUNTS.empty)).toEqual(c);
    expect(EMPTY_PARTY_COUNTS.fullMember).toBe(0);
  });
});
