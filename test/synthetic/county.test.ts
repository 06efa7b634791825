import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  Household,
  Person,
  checkCommand,
  checkOrgTree,
  checkPartyRules,
  createOrgTree,
  generateCounty,
  getUnit,
  isTownshipLevel,
  yuechiAddressCode,
  isValidResidentId,
  parseResidentId,
  addDays,
  type County,
  type OrgUnit,
} from '../../src/index.js';
import { eighteenOn } from '../../src/admission/state.js';

const county = generateCounty({ seed: 2020, scale: 0.03 });
const tree = createOrgTree(county.units);

const NAMED_TOWNSHIPS = ['九龙街道', '乔家镇', '普安镇', '罗渡镇', '新场镇'];
const NAMED_PLACES: [string, string][] = [
  ['吴家沟村', '普安镇'],
  ['城北社区', '九龙街道'],
  ['兴盛社区', '罗渡镇'],
  ['永胜社区', '新场镇'],
];

function namedPlaceProblems(c: County): string[] {
  const problems: string[] = [];
  const byId = new Map(c.units.map((u) => [u.id as string, u]));
  for (const name of NAMED_TOWNSHIPS)
    if (!c.units.some((u) => u.name === name && isTownshipLevel(u.kind))) problems.push(`missing township ${name}`);
  for (const [place, township] of NAMED_PLACES) {
    const units = c.units.filter((u) => u.name === place);
    if (units.length !== 1) problems.push(`${place}: ${units.length} units`);
    for (const u of units) {
      const kind = place.endsWith('村') ? 'village' : 'community';
      if (u.kind !== kind) problems.push(`${place} is a ${u.kind}`);
      const parentName = u.parentId === null ? undefined : byId.get(u.parentId)?.name;
      if (parentName !== township) problems.push(`${place} under ${parentName}`);
    }
  }
  return problems;
}


describe('generateCounty', () => {
  it('is deterministic: the same seed gives the same county, another seed another', () => {
    const a = JSON.stringify(generateCounty({ seed: 7, scale: 0.02 }));
    const b = JSON.stringify(generateCounty({ seed: 7, scale: 0.02 }));
    const c = JSON.stringify(generateCounty({ seed: 8, scale: 0.02 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(JSON.parse(a)).toEqual(JSON.parse(b));
  });

  test.prop([fc.integer({ min: -1_000_000, max: 1_000_000 })], { numRuns: 3 })('is deterministic for any seed', (seed) => {
    const a = generateCounty({ seed, scale: 0.01 });
    const b = generateCounty({ seed, scale: 0.01 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.seed).toBe(seed);
  });

  it('records its options and refuses bad ones', () => {
    expect(county.seed).toBe(2020);
    expect(county.scale).toBe(0.03);
    expect(county.asOf).toBe('2020-01-24');
    expect(county.divisionCode).toBe('511621');
    expect(() => generateCounty({ scale: -1 })).toThrow(FrontlineError);
    expect(() => generateCounty({ scale: 0.01, extra: 1 } as never)).toThrow(FrontlineError);
    try {
      generateCounty({ seed: 1.5 });
    } catch (e) {
      expect((e as FrontlineError).code).toBe('invalid_input');
      expect((e as FrontlineError).issues[0]?.path).toEqual(['options', 'seed']);
    }
    expect(() => generateCounty({ scale: 0.01, asOf: '1960-01-01' as never })).toThrow(/1990-01-01 or later/);
  });

  it('lets members join from their 18th birthday, and full members only after a year of probation', () => {
    const asOf = county.asOf;
    const yearBefore = addDays(asOf, -366);
    const wrong = county.people.filter((p) => {
      if (p.partyStatus !== 'fullMember' && p.partyStatus !== 'probationaryMember') return p.partyJoinedOn !== undefined;
      if (p.partyJoinedOn === undefined || p.partyJoinedOn < eighteenOn(p.birthDate) || p.partyJoinedOn > asOf) return true;
      return p.partyStatus === 'fullMember' && p.partyJoinedOn > yearBefore;
    });
    expect(wrong.map((p) => `${p.id} ${p.partyStatus} born ${p.birthDate} joined ${p.partyJoinedOn}`)).toEqual([]);
  });

  it("gives the posts of an institution's Party group (党组) to full members", () => {
    const posts = county.people.filter((p) => p.post === '党组书记' || p.post?.startsWith('党组成员') === true);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.filter((p) => p.partyStatus !== 'fullMember').map((p) => `${p.id} ${p.post} ${p.partyStatus}`)).toEqual([]);
  });

  it('gives every household its own address', () => {
    const addresses = new Set(county.households.map((h) => h.address));
    expect(addresses.size).toBe(county.households.length);
  });

  it('has 27 township-level units, the five named ones among them', () => {
    const townships = county.units.filter((u) => isTownshipLevel(u.kind));
    expect(townships).toHaveLength(27);
    expect(new Set(townships.map((t) => t.name)).size).toBe(27);
    for (const t of townships) expect(t.parentId).toBe('yc');
    expect(county.units[0]).toMatchObject({ id: 'yc', name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621' });
  });

  it('puts the four named villages and communities under the right township', () => {
    expect(namedPlaceProblems(county)).toEqual([]);
  });

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0.005, 0.01, 0.02, 0.05)], { numRuns: 4 })(
    'keeps the named places and a valid tree at every small scale',
    (seed, scale) => {
      const c = generateCounty({ seed, scale });
      expect(namedPlaceProblems(c)).toEqual([]);
      expect(checkOrgTree(c.units)).toEqual([]);
      expect(c.units.filter((u) => isTownshipLevel(u.kind))).toHaveLength(27);
    },
  );

  it('passes checkOrgTree', () => {
    expect(checkOrgTree(county.units)).toEqual([]);
  });

  it('has no error in checkPartyRules', () => {
    expect(checkPartyRules(tree, county.people).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('passes checkCommand, with exactly 10 supervision groups covering all three lines', () => {
    expect(checkCommand(county.command, tree, county.people)).toEqual([]);
    const groups = county.command.supervisionGroups;
    expect(groups).toHaveLength(10);
    expect(new Set(groups.map((g) => g.line))).toEqual(new Set(['warZone', 'township', 'department']));
    expect(new Set(groups.map((g) => g.leader)).size).toBe(10);
    // the township line covers every township and subdistrict between its groups
    const covered = new Set(groups.filter((g) => g.line === 'township').flatMap((g) => g.covers));
    expect(covered.size).toBe(27);
    const [a, b] = county.command.leadingGroup.coLeaders;
    expect(county.people.find((p) => p.id === a)?.post).toBe('县委书记');
    expect(county.people.find((p) => p.id === b)?.post).toBe('县委副书记、县长');
  });

  it('every person passes the Person schema and every household the Household schema', () => {
    const badPeople = county.people.filter((p) => !Person.safeParse(p).success);
    expect(badPeople).toEqual([]);
    const badHouseholds = county.households.filter((h) => !Household.safeParse(h).success);
    expect(badHouseholds).toEqual([]);
    expect(new Set(county.people.map((p) => p.id)).size).toBe(county.people.length);
    expect(new Set(county.households.map((h) => h.id)).size).toBe(county.households.length);
  });

  it('gives unique, valid resident ids that agree with birth date and sex', () => {
    const ids = county.people.map((p) => p.residentId);
    expect(ids.every((id) => id !== undefined && isValidResidentId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of county.people.slice(0, 2000)) {
      const info = parseResidentId(p.residentId as string);
      expect(info.birthDate).toBe(p.birthDate);
      expect(info.sex).toBe(p.sex);
      expect(info.addressCode).toBe(yuechiAddressCode(p.birthDate));
    }
  });

  it('keeps households and people consistent: members exist and point back', () => {
    const byId = new Map(county.people.map((p) => [p.id as string, p]));
    const unitIds = new Set(county.units.map((u) => u.id as string));
    const members = new Set<string>();
    for (const h of county.households) {
      expect(h.members.length).toBeGreaterThan(0);
      expect(unitIds.has(h.unitId)).toBe(true);
      for (const m of h.members) {
        const p = byId.get(m);
        expect(p?.householdId).toBe(h.id);
        expect(p?.unitId).toBe(h.unitId);
        expect(members.has(m)).toBe(false);
        members.add(m);
      }
    }
    // and everyone with a household is listed in it
    expect(county.people.filter((p) => p.householdId !== undefined && !members.has(p.id))).toEqual([]);
    // every person belongs to a unit of the tree
    expect(county.people.filter((p) => !unitIds.has(p.unitId))).toEqual([]);
  });

  it('gives the hospital temporary branch exactly 7 assigned full members', () => {
    const tb = county.units.filter((u) => u.kind === 'temporaryBranch');
    expect(tb).toHaveLength(1);
    const branch = tb[0] as OrgUnit;
    expect(getUnit(tree, branch.parentId as never).name).toBe('岳池县人民医院');
    expect(branch.party).toMatchObject({ form: 'branch', leadership: 'appointed' });
    const assigned = county.people.filter((p) => p.assignments?.includes(branch.id));
    expect(assigned).toHaveLength(7);
    expect(assigned.every((p) => p.partyStatus === 'fullMember')).toBe(true);
    expect(checkPartyRules(tree, county.people).filter((i) => i.unitId === branch.id)).toEqual([]);
  });

  it('draws the places too on request: a valid tree, the named places, NBS code ranges by kind', () => {
    const drawn = generateCounty({ seed: 3, scale: 0.05, divisions: 'synthetic' });
    expect(drawn.divisions).toBe('synthetic');
    expect(county.divisions).toBe('yuechi');
    expect(checkOrgTree(drawn.units)).toEqual([]);
    expect(namedPlaceProblems(drawn)).toEqual([]);
    const townships = drawn.units.filter((u) => isTownshipLevel(u.kind));
    expect(townships).toHaveLength(27);
    for (const t of townships) {
      const n = Number(t.divisionCode?.slice(6, 9));
      expect([t.name, t.kind]).toEqual([t.name, n < 100 ? 'subdistrict' : n < 200 ? 'town' : 'township']);
    }
    expect(townships.filter((t) => t.name.endsWith('镇')).every((t) => t.kind === 'town')).toBe(true);
    expect(JSON.stringify(drawn.units)).not.toBe(JSON.stringify(county.units));
  });

  it('writes the address code of the year a resident id was issued: 512923 to 1992, 513621 to 1997, 511621 after', () => {
    // issued with the first card, at 16 or in 1985 for those already older
    expect(yuechiAddressCode('1930-01-01' as never)).toBe('512923');
    expect(yuechiAddressCode('1976-12-31' as never)).toBe('512923');
    expect(yuechiAddressCode('1977-01-01' as never)).toBe('513621');
    expect(yuechiAddressCode('1981-12-31' as never)).toBe('513621');
    expect(yuechiAddressCode('1982-01-01' as never)).toBe('511621');
    const codes = new Set(county.people.map((p) => p.residentId?.slice(0, 6)));
    expect(codes).toEqual(new Set(['512923', '513621', '511621']));
  });
});
