import { describe, expect, it } from 'vitest';
import { FrontlineError, RULES, checkOrgTree, createOrgTree, tryCreateOrgTree, type Issue } from '../../src/index.js';
import { deepFreeze, fixtureUnits, snapshot, type UnitInput } from '../fixtures.js';

const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code).sort();
const find = (issues: readonly Issue[], code: string): Issue => {
  const hit = issues.find((i) => i.code === code);
  if (hit === undefined) throw new Error(`no issue '${code}' in ${JSON.stringify(issues)}`);
  return hit;
};

function caught(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError');
}

describe('checkOrgTree', () => {
  it('finds nothing wrong with the fixture county', () => {
    expect(checkOrgTree(fixtureUnits())).toEqual([]);
  });

  it('reports five different problems at once, each with its path and code', () => {
    const units: UnitInput[] = [
      { id: 'yc', name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621' },
      { id: 'pa', name: '普安镇', kind: 'township', parentId: 'yc', divisionCode: '511621103000', closed: '2020-02-01' },
      { id: 'pa', name: '普安镇(重复)', kind: 'township', parentId: 'yc' }, // duplicate id
      { id: 'x1', name: '孤村', kind: 'village', parentId: 'nowhere' }, // unknown parent
      { id: 'v1', name: '吴家沟村', kind: 'village', parentId: 'yc' }, // a village directly under the county
      { id: 'v2', name: '石马村', kind: 'village', parentId: 'pa' }, // open under a closed parent
      { id: 'jl', name: '九龙街道', kind: 'subdistrict', parentId: 'yc', divisionCode: '511622001000' }, // wrong prefix
    ];
    const issues = checkOrgTree(units);
    expect(codes(issues)).toEqual(['closed_parent', 'division_code', 'duplicate_id', 'parent_kind', 'unknown_parent']);
    expect(find(issues, 'duplicate_id').path).toEqual([2, 'id']);
    expect(find(issues, 'unknown_parent').path).toEqual([3, 'parentId']);
    expect(find(issues, 'parent_kind').path).toEqual([4, 'parentId']);
    expect(find(issues, 'closed_parent').path).toEqual([5, 'closed']);
    expect(find(issues, 'division_code').path).toEqual([6, 'divisionCode']);
    // every issue with a rule cites a known rule
    for (const i of issues) if (i.rule !== undefined) expect(Object.keys(RULES)).toContain(i.rule);
    expect(find(issues, 'parent_kind').rule).toBe('org.parentKind');
    expect(find(issues, 'unknown_parent').rule).toBe('org.unknownParent');
    expect(find(issues, 'closed_parent').rule).toBe('org.openParent');
    expect(find(issues, 'division_code').rule).toBe('org.divisionCode');
  });

  it('reports a duplicate id at the second occurrence', () => {
    const units = [...fixtureUnits(), { id: 'wjg', name: '吴家沟村', kind: 'village', parentId: 'pa' }];
    const issues = checkOrgTree(units);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'duplicate_id', path: [7, 'id'] });
  });

  it('reports many copies of a late id in time linear in the list', () => {
    // each copy used to search the list from its start for the first position of its id
    const n = 100_000;
    const villages = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, name: `村${i}`, kind: 'village', parentId: 'pa' }));
    const copies = Array.from({ length: n }, () => ({ id: `v${n - 1}`, name: '重复', kind: 'village', parentId: 'pa' }));
    const units = [...fixtureUnits(), ...villages, ...copies];
    const started = Date.now();
    const issues = checkOrgTree(units);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(issues).toHaveLength(n);
    const first = fixtureUnits().length + n - 1;
    expect(issues.at(-1)).toMatchObject({ code: 'duplicate_id', path: [units.length - 1, 'id'], message: `duplicate id 'v${n - 1}' (first at [${first}])` });
  });

  it('reports an unknown parent', () => {
    const units = fixtureUnits().map((u) => (u.id === 'cb' ? { ...u, parentId: 'jl2' } : u));
    expect(checkOrgTree(units)).toEqual([
      expect.objectContaining({ code: 'unknown_parent', path: [4, 'parentId'], rule: 'org.unknownParent' }),
    ]);
  });

  it('reports a cycle once, at its first unit in input order', () => {
    const units: UnitInput[] = [
      { id: 'yc', name: '岳池县', kind: 'county', parentId: null },
      { id: 'tail', name: '尾', kind: 'institution', parentId: 'c' },
      { id: 'a', name: '甲', kind: 'institution', parentId: 'b' },
      { id: 'b', name: '乙', kind: 'institution', parentId: 'c' },
      { id: 'c', name: '丙', kind: 'institution', parentId: 'a' },
    ];
    const issues = checkOrgTree(units);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'cycle', path: [2, 'parentId'], rule: 'org.acyclic' });
    expect(issues[0]?.message).toContain("'a'");
  });

  it('reports two separate cycles once each', () => {
    const units: UnitInput[] = [
      { id: 'yc', name: '岳池县', kind: 'county', parentId: null },
      { id: 'a', name: '甲', kind: 'institution', parentId: 'b' },
      { id: 'b', name: '乙', kind: 'institution', parentId: 'a' },
      { id: 'c', name: '丙', kind: 'institution', parentId: 'c' },
    ];
    const issues = checkOrgTree(units);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['cycle', [3, 'parentId']],
      ['cycle', [1, 'parentId']],
    ]);
  });

  it('reports several roots', () => {
    const units = [...fixtureUnits(), { id: 'gz', name: '广安区', kind: 'county', parentId: null }];
    const issues = checkOrgTree(units);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'several_roots', path: [7, 'parentId'], rule: 'org.singleRoot' });
  });

  it('reports no root when every unit has a parent (and the cycle that causes it)', () => {
    const units: UnitInput[] = [
      { id: 'a', name: '甲', kind: 'institution', parentId: 'b' },
      { id: 'b', name: '乙', kind: 'institution', parentId: 'a' },
    ];
    expect(codes(checkOrgTree(units))).toEqual(['cycle', 'no_root']);
    expect(find(checkOrgTree(units), 'no_root')).toMatchObject({ path: [], rule: 'org.singleRoot' });
  });

  it('reports no root for an empty list, as createOrgTree refuses it', () => {
    expect(codes(checkOrgTree([]))).toEqual(['no_root']);
    expect(() => createOrgTree([])).toThrow(FrontlineError);
  });

  it('reports a village directly under the county (parent_kind)', () => {
    const units = fixtureUnits().map((u) => (u.id === 'wjg' ? { ...u, parentId: 'yc', divisionCode: undefined } : u));
    const clean = units.map((u) => Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined)));
    const issues = checkOrgTree(clean);
    expect(issues).toEqual([expect.objectContaining({ code: 'parent_kind', path: [2, 'parentId'], rule: 'org.parentKind' })]);
  });

  it('reports a county that is given a parent (parent_kind)', () => {
    const units = [...fixtureUnits(), { id: 'yc2', name: '另一县', kind: 'county', parentId: 'yc' }];
    expect(checkOrgTree(units)).toEqual([expect.objectContaining({ code: 'parent_kind', path: [7, 'parentId'] })]);
  });

  it('reports an open unit under a closed parent, and accepts it closed on or before the parent', () => {
    const closedTownship = (child: Partial<UnitInput>): unknown[] =>
      fixtureUnits().map((u) => (u.id === 'pa' ? { ...u, closed: '2020-02-01' } : u.id === 'wjg' ? { ...u, ...child } : u));
    expect(checkOrgTree(closedTownship({}))).toEqual([
      expect.objectContaining({ code: 'closed_parent', path: [2, 'closed'], rule: 'org.openParent' }),
    ]);
    expect(codes(checkOrgTree(closedTownship({ closed: '2020-03-01' })))).toEqual(['closed_parent']);
    expect(checkOrgTree(closedTownship({ closed: '2020-02-01' }))).toEqual([]);
    expect(checkOrgTree(closedTownship({ closed: '2020-01-15' }))).toEqual([]);
  });

  it('accepts a unit that opened before its parent (moved or split units keep their opening day)', () => {
    const units = fixtureUnits().map((u) =>
      u.id === 'pa' ? { ...u, opened: '2019-01-01' } : u.id === 'wjg' ? { ...u, opened: '2018-06-01' } : u,
    );
    expect(checkOrgTree(units)).toEqual([]);
  });

  it('reports a root that is not a county', () => {
    const units = [{ id: 'v', name: '吴家沟村', kind: 'village', parentId: null }];
    expect(checkOrgTree(units)).toEqual([expect.objectContaining({ code: 'root_kind', path: [0, 'kind'], rule: 'org.singleRoot' })]);
  });

  it('rebuilds a tree from the units of a built tree without checking them again, and checks changed copies in full', () => {
    const tree = createOrgTree(fixtureUnits());
    expect(Object.isFrozen(tree.units)).toBe(true);
    const again = createOrgTree(tree.units);
    expect(again.units).toBe(tree.units);
    expect([...again.indexOf]).toEqual([...tree.indexOf]);
    expect([...again.parentIndex]).toEqual([...tree.parentIndex]);
    expect([...again.subtreeEnd]).toEqual([...tree.subtreeEnd]);
    expect([...again.depthOf]).toEqual([...tree.depthOf]);
    expect(checkOrgTree(tree.units)).toEqual([]);
    // a copy is not the checked list: every rule runs again
    const broken = tree.units.map((u) => (u.id === 'wjg' ? { ...u, parentId: 'yc' } : u));
    expect(checkOrgTree(broken).map((i) => i.code)).toEqual(['parent_kind']);
    expect(() => createOrgTree(broken)).toThrow(FrontlineError);
  });

  it('reports a unit that closes before it opens', () => {
    const units = fixtureUnits().map((u) => (u.id === 'tb' ? { ...u, closed: '2020-01-01' } : u));
    expect(checkOrgTree(units)).toEqual([expect.objectContaining({ code: 'closed_before_opened', path: [6, 'closed'] })]);
  });

  it("reports a division code not prefixed by the parent's", () => {
    const village = fixtureUnits().map((u) => (u.id === 'wjg' ? { ...u, divisionCode: '511621104201' } : u));
    expect(checkOrgTree(village)).toEqual([
      expect.objectContaining({ code: 'division_code', path: [2, 'divisionCode'], rule: 'org.divisionCode' }),
    ]);
    const township = fixtureUnits().map((u) => (u.id === 'jl' ? { ...u, divisionCode: '511600001000' } : u));
    // the subdistrict's own code is wrong, and so 城北社区's no longer starts with it
    expect(checkOrgTree(township).map((i) => [i.code, i.path])).toEqual([
      ['division_code', [3, 'divisionCode']],
      ['division_code', [4, 'divisionCode']],
    ]);
    const short = fixtureUnits().map((u) => (u.id === 'pa' ? { ...u, divisionCode: '511621' } : u));
    expect(codes(checkOrgTree(short))).toContain('division_code');
  });

  it('checks a unit\'s own division code even where the parent has none: the county 6 digits, no 000 parts', () => {
    const withoutCode = ({ divisionCode: _, ...rest }: UnitInput): UnitInput => rest;
    const noCounty = (id: string, code: string): UnitInput[] =>
      fixtureUnits().map((u) => (u.id === 'yc' ? withoutCode(u) : u.id === id ? { ...u, divisionCode: code } : u));
    const at = (units: UnitInput[]): [string, unknown][] => checkOrgTree(units).map((i) => [i.code, i.path]);
    expect(at(noCounty('pa', '511621'))).toEqual([['division_code', [1, 'divisionCode']]]);
    expect(at(fixtureUnits().map((u) => (u.id === 'yc' ? { ...u, divisionCode: '511621103000' } : u)))).toContainEqual(['division_code', [0, 'divisionCode']]);
    // a village whose own three digits are 000 has its township's code
    expect(at(fixtureUnits().map((u) => (u.id === 'wjg' ? { ...u, divisionCode: '511621103000' } : u)))).toEqual([['division_code', [2, 'divisionCode']]]);
    expect(at(fixtureUnits().map((u) => (u.id === 'pa' ? { ...u, divisionCode: '511621000000' } : u)))).toContainEqual(['division_code', [1, 'divisionCode']]);
  });

  it('reports a cycle of 200,000 units as one problem, with a short message', () => {
    const n = 200_000;
    const ring: UnitInput[] = [
      { id: 'yc', name: '县', kind: 'county', parentId: null },
      ...Array.from({ length: n }, (_, k): UnitInput => ({ id: `i${k}`, name: `单位${k}`, kind: 'institution', parentId: `i${(k + 1) % n}` })),
    ];
    const issues = checkOrgTree(ring);
    expect(issues).toEqual([expect.objectContaining({ code: 'cycle', path: [1, 'parentId'] })]);
    expect(issues[0]?.message.length).toBeLessThan(400);
    expect(issues[0]?.message).toContain('200000 units');
  });

  it('reports unknown task bodies and joint units', () => {
    const units = fixtureUnits().map((u) =>
      u.id === 'tb'
        ? { ...u, taskBodyId: 'ghost' }
        : u.id === 'wjg'
          ? { ...u, party: { form: 'jointBranch', leadership: 'elected', jointUnits: ['cb', 'ghost2'] } }
          : u,
    );
    expect(checkOrgTree(units).map((i) => [i.code, i.path])).toEqual([
      ['unknown_unit', [2, 'party', 'jointUnits', 1]],
      ['unknown_unit', [6, 'taskBodyId']],
    ]);
  });

  it('reports shape errors with their paths before looking at the structure', () => {
    const units = fixtureUnits() as unknown[];
    units[2] = { ...(units[2] as object), kind: 'hamlet' };
    units[4] = { ...(units[4] as object), divisionCode: '5116' };
    const issues = checkOrgTree(units);
    expect(issues.map((i) => i.path)).toEqual([
      [2, 'kind'],
      [4, 'divisionCode'],
    ]);
    expect(checkOrgTree('not a list')).toHaveLength(1);
    expect(checkOrgTree([{ ...fixtureUnits()[0], extra: 1 }])[0]?.code).toBe('unrecognized_keys');
  });

  it('never mutates its input', () => {
    const units = deepFreeze(fixtureUnits().map((u) => (u.id === 'wjg' ? { ...u, parentId: 'yc' } : u)));
    const before = snapshot(units);
    expect(checkOrgTree(units).map((i) => i.code)).toEqual(['parent_kind']);
    expect(units).toEqual(before);
  });
});

describe('createOrgTree', () => {
  it('builds the tree: units in preorder, root, depths', () => {
    const tree = createOrgTree(fixtureUnits());
    expect(tree.root).toBe('yc');
    expect(tree.units.map((u) => u.id)).toEqual(['yc', 'pa', 'wjg', 'jl', 'cb', 'hosp', 'tb']);
    expect([...tree.depthOf]).toEqual([0, 1, 2, 1, 2, 1, 2]);
    expect([...tree.parentIndex]).toEqual([-1, 0, 1, 0, 3, 0, 5]);
    expect([...tree.subtreeEnd]).toEqual([7, 3, 3, 5, 5, 7, 7]);
    expect(tree.indexOf.get('cb')).toBe(4);
  });

  it('puts parents before children whatever the input order', () => {
    const tree = createOrgTree([...fixtureUnits()].reverse());
    expect(tree.units.map((u) => u.id)).toEqual(['yc', 'hosp', 'tb', 'jl', 'cb', 'pa', 'wjg']);
  });

  it('throws invalid_tree listing every problem of checkOrgTree', () => {
    const units: UnitInput[] = [
      { id: 'yc', name: '岳池县', kind: 'county', parentId: null },
      { id: 'v1', name: '吴家沟村', kind: 'village', parentId: 'yc' },
      { id: 'v1', name: '吴家沟村', kind: 'village', parentId: 'nowhere' },
    ];
    const error = caught(() => createOrgTree(units));
    expect(error.code).toBe('invalid_tree');
    expect(error.issues).toEqual(checkOrgTree(units));
    expect(codes(error.issues)).toEqual(['duplicate_id', 'parent_kind', 'unknown_parent']);
    expect(error.message).toContain('3 problems');
    expect(error.message).toContain('[1].parentId');
  });

  it('throws invalid_tree for shape errors', () => {
    const error = caught(() => createOrgTree([{ id: 'yc', name: '', kind: 'county', parentId: null }]));
    expect(error.code).toBe('invalid_tree');
    expect(error.issues[0]?.path).toEqual([0, 'name']);
  });

  it('never mutates its input, valid or not', () => {
    const good = deepFreeze(fixtureUnits());
    const before = snapshot(good);
    const tree = createOrgTree(good);
    expect(good).toEqual(before);
    expect(tree.units).not.toBe(good);
    expect(Object.isFrozen(tree.units)).toBe(true);
    expect(Object.isFrozen(tree)).toBe(true);
    const bad = deepFreeze([...fixtureUnits(), { id: 'x', name: 'x', kind: 'village', parentId: 'nowhere' }]);
    const badBefore = snapshot(bad);
    expect(() => createOrgTree(bad)).toThrow(FrontlineError);
    expect(bad).toEqual(badBefore);
  });
});

describe('a built tree cannot be changed', () => {
  it('freezes each unit with its Party organization and joint units', () => {
    const units = fixtureUnits().map((u) => (u.id === 'wjg' ? { ...u, party: { form: 'jointBranch' as const, leadership: 'elected' as const, jointUnits: ['cb'] } } : u));
    const tree = createOrgTree(units);
    for (const u of tree.units) {
      expect(Object.isFrozen(u)).toBe(true);
      if (u.party !== undefined) expect(Object.isFrozen(u.party)).toBe(true);
      if (u.party?.jointUnits !== undefined) expect(Object.isFrozen(u.party.jointUnits)).toBe(true);
    }
  });
});

describe('tryCreateOrgTree', () => {
  it('returns the tree when valid', () => {
    const r = tryCreateOrgTree(fixtureUnits());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.units).toHaveLength(7);
  });

  it('returns { ok: false } with the error instead of throwing', () => {
    const units = [...fixtureUnits(), { id: 'gz', name: '广安区', kind: 'county', parentId: null }];
    const r = tryCreateOrgTree(deepFreeze(units));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(FrontlineError);
      expect(r.error.code).toBe('invalid_tree');
      expect(codes(r.error.issues)).toEqual(['several_roots']);
    }
    expect(tryCreateOrgTree([]).ok).toBe(false);
  });
});
