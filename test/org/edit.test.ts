import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  SplitPlan,
  checkOrgTree,
  checkPartyRules,
  children,
  closeUnit,
  createOrgTree,
  getUnit,
  moveUnit,
  parent,
  splitUnit,
  type Day,
  type OrgTree,
} from '../../src/index.js';
import { deepFreeze, fixturePeople, fixtureTree, fixtureUnits, oid, snapshot, type UnitInput } from '../fixtures.js';

const day = (s: string): Day => s as Day;

function caught(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError');
}

/** The fixture with 普安镇 holding three villages, one of them closed. */
function puanTree(): OrgTree {
  const extra: UnitInput[] = [
    { id: 'shm', name: '石马村', kind: 'village', parentId: 'pa', divisionCode: '511621103202' },
    { id: 'lf', name: '龙凤村', kind: 'village', parentId: 'pa', divisionCode: '511621103203', closed: '2019-12-01' },
  ];
  return createOrgTree(deepFreeze([...fixtureUnits(), ...extra]));
}

const twoParts = (north: string[], south: string[]): unknown => ({
  on: '2020-03-01',
  parts: [
    { unit: { id: 'pa-n', name: '普安北', kind: 'township' }, children: north },
    { unit: { id: 'pa-s', name: '普安南', kind: 'township' }, children: south },
  ],
});

describe('moveUnit', () => {
  it('moves a unit with its subtree and returns a new tree, leaving the old one as it was', () => {
    const tree = createOrgTree(deepFreeze(fixtureUnits()));
    const before = snapshot(tree.units);
    const moved = moveUnit(tree, oid('tb'), oid('wjg'));
    expect(parent(moved, oid('tb'))?.id).toBe('wjg');
    expect(children(moved, oid('hosp'))).toEqual([]);
    expect(checkOrgTree(moved.units)).toEqual([]);
    expect(snapshot(tree.units)).toEqual(before);
    expect(parent(tree, oid('tb'))?.id).toBe('hosp');
  });

  it('moves a village between a township and a subdistrict when the codes allow it', () => {
    const units = fixtureUnits().map((u) => (u.id === 'wjg' ? { ...u, divisionCode: '511621001002' } : u));
    // the village's code already points at 九龙街道: under 普安镇 it is wrong, under 九龙街道 right
    expect(checkOrgTree(units).map((i) => i.code)).toEqual(['division_code']);
    const noCode = fixtureUnits().map(({ divisionCode: _, ...u }) => u);
    const moved = moveUnit(createOrgTree(noCode), oid('wjg'), oid('jl'));
    expect(children(moved, oid('jl')).map((u) => u.id).sort()).toEqual(['cb', 'wjg']);
    expect(children(moved, oid('pa'))).toEqual([]);
  });

  it('refuses a forged tree whose county code is null with its path, not a TypeError', () => {
    const tree = createOrgTree(fixtureUnits());
    const forged = { ...tree, units: tree.units.map((u) => (u.parentId === null ? { ...u, divisionCode: null } : u)) } as unknown as typeof tree;
    const error = caught(() => moveUnit(forged, oid('wjg'), oid('jl')));
    expect(error.code).toBe('invalid_edit');
    expect(error.issues.some((i) => i.path.includes('divisionCode'))).toBe(true);
  });

  it('refuses a parent of the wrong kind', () => {
    const tree = fixtureTree();
    const error = caught(() => moveUnit(tree, oid('wjg'), oid('hosp')));
    expect(error.code).toBe('invalid_edit');
    expect(error.issues.map((i) => i.code)).toEqual(['parent_kind']);
    expect(error.issues[0]?.rule).toBe('org.parentKind');
    expect(caught(() => moveUnit(tree, oid('pa'), oid('jl'))).issues.map((i) => i.code)).toContain('parent_kind');
  });

  it('refuses a move that breaks the division codes', () => {
    const error = caught(() => moveUnit(fixtureTree(), oid('wjg'), oid('jl')));
    expect(error.code).toBe('invalid_edit');
    expect(error.issues.map((i) => i.code)).toEqual(['division_code']);
  });

  it('refuses a move under the unit itself or a descendant (a cycle)', () => {
    const tree = fixtureTree();
    for (const target of ['pa', 'wjg']) {
      const error = caught(() => moveUnit(tree, oid('pa'), oid(target)));
      expect(error.code).toBe('invalid_edit');
      expect(error.issues[0]).toMatchObject({ code: 'cycle', path: ['newParentId'], rule: 'org.acyclic' });
    }
    expect(caught(() => moveUnit(tree, oid('yc'), oid('tb'))).issues[0]?.code).toBe('cycle');
  });

  it('refuses unknown units', () => {
    const tree = fixtureTree();
    const a = caught(() => moveUnit(tree, oid('ghost'), oid('pa')));
    expect(a.code).toBe('unknown_unit');
    expect(a.issues[0]?.path).toEqual(['id']);
    const b = caught(() => moveUnit(tree, oid('wjg'), oid('ghost')));
    expect(b.code).toBe('unknown_unit');
    expect(b.issues[0]?.path).toEqual(['newParentId']);
  });
});

describe('closeUnit', () => {
  it('closes the unit and every descendant still open, and nothing else', () => {
    const tree = fixtureTree();
    const before = snapshot(tree.units);
    const closed = closeUnit(tree, oid('pa'), day('2020-03-01'));
    expect(getUnit(closed, oid('pa')).closed).toBe('2020-03-01');
    expect(getUnit(closed, oid('wjg')).closed).toBe('2020-03-01');
    for (const id of ['yc', 'jl', 'cb', 'hosp', 'tb']) expect(getUnit(closed, oid(id)).closed).toBeUndefined();
    expect(checkOrgTree(closed.units)).toEqual([]);
    expect(snapshot(tree.units)).toEqual(before);
  });

  it('keeps earlier closing days and brings later ones forward', () => {
    const tree = puanTree();
    const later = moveUnit(tree, oid('shm'), oid('pa')); // unchanged structure, new tree
    const withLater = createOrgTree(later.units.map((u) => (u.id === 'shm' ? { ...u, closed: '2020-06-01' } : u)));
    const closed = closeUnit(withLater, oid('pa'), day('2020-03-01'));
    expect(getUnit(closed, oid('lf')).closed).toBe('2019-12-01');
    expect(getUnit(closed, oid('shm')).closed).toBe('2020-03-01');
    expect(getUnit(closed, oid('wjg')).closed).toBe('2020-03-01');
  });

  it('closes a whole subtree from the county down', () => {
    const closed = closeUnit(fixtureTree(), oid('yc'), day('2020-12-31'));
    expect(closed.units.every((u) => u.closed === '2020-12-31')).toBe(true);
  });

  it('dissolves a temporary branch filed elsewhere with its task body', () => {
    const units = fixtureUnits().map((u) => (u.id === 'tb' ? { ...u, parentId: 'yc' } : u));
    const tree = createOrgTree(units);
    const closed = closeUnit(tree, oid('hosp'), day('2020-03-01'));
    expect(getUnit(closed, oid('tb')).closed).toBe('2020-03-01');
    expect(getUnit(closed, oid('yc')).closed).toBeUndefined();
    expect(checkPartyRules(closed, fixturePeople()).filter((i) => i.code === 'temporary_dissolve')).toEqual([]);
  });

  it('refuses to close a unit above one that opens later, naming that unit', () => {
    const tree = createOrgTree(fixtureUnits().map((u) => (u.id === 'wjg' ? { ...u, opened: '2020-04-01' } : u)));
    const bad = caught(() => closeUnit(tree, oid('pa'), day('2020-03-01')));
    expect(bad.code).toBe('invalid_edit');
    expect(bad.issues.map((i) => i.message).join()).toContain("'wjg'");
  });

  it('refuses a day that is not a day and an unknown unit', () => {
    const bad = caught(() => closeUnit(fixtureTree(), oid('pa'), day('2020-02-30')));
    expect(bad.code).toBe('invalid_day');
    expect(bad.issues[0]?.path[0]).toBe('on');
    expect(caught(() => closeUnit(fixtureTree(), oid('ghost'), day('2020-03-01'))).code).toBe('unknown_unit');
  });
});

describe('splitUnit', () => {
  it('closes the old unit, opens the parts under its parent and moves every open child', () => {
    const tree = puanTree();
    const before = snapshot(tree.units);
    const split = splitUnit(tree, oid('pa'), twoParts(['wjg'], ['shm']));
    expect(checkOrgTree(split.units)).toEqual([]);
    expect(getUnit(split, oid('pa')).closed).toBe('2020-03-01');
    expect(getUnit(split, oid('pa-n'))).toMatchObject({ parentId: 'yc', opened: '2020-03-01', kind: 'township' });
    expect(getUnit(split, oid('pa-n')).closed).toBeUndefined();
    expect(parent(split, oid('pa-s'))?.id).toBe('yc');
    expect(parent(split, oid('wjg'))?.id).toBe('pa-n');
    expect(parent(split, oid('shm'))?.id).toBe('pa-s');
    // the child closed before the split stays with the old unit
    expect(parent(split, oid('lf'))?.id).toBe('pa');
    expect(children(split, oid('pa')).map((u) => u.id)).toEqual(['lf']);
    expect(split.units).toHaveLength(tree.units.length + 2);
    expect(snapshot(tree.units)).toEqual(before);
  });

  it('refuses to split a unit already closed', () => {
    const tree = puanTree();
    const closedPa = closeUnit(tree, oid('pa'), day('2020-02-01'));
    const bad = caught(() => splitUnit(closedPa, oid('pa'), twoParts([], [])));
    expect(bad.code).toBe('invalid_edit');
    expect(bad.issues).toEqual([expect.objectContaining({ path: ['plan', 'on'], code: 'closed' })]);
  });

  it('accepts a frozen plan and leaves it as it was', () => {
    const plan = deepFreeze(twoParts(['wjg', 'shm'], []));
    const before = snapshot(plan);
    splitUnit(puanTree(), oid('pa'), plan);
    expect(plan).toEqual(before);
  });

  it('refuses an open child that no part lists', () => {
    const error = caught(() => splitUnit(puanTree(), oid('pa'), twoParts(['wjg'], [])));
    expect(error.code).toBe('invalid_edit');
    expect(error.issues).toEqual([expect.objectContaining({ code: 'orphan_child', path: ['plan', 'parts'] })]);
    expect(error.issues[0]?.message).toContain('shm');
  });

  it('refuses a child listed twice', () => {
    const error = caught(() => splitUnit(puanTree(), oid('pa'), twoParts(['wjg', 'shm'], ['wjg'])));
    expect(error.code).toBe('invalid_edit');
    expect(error.issues).toEqual([expect.objectContaining({ code: 'duplicate_child', path: ['plan', 'parts', 1, 'children', 0] })]);
  });

  it('refuses a unit that is not an open child: another unit, a grandchild, a closed child', () => {
    const error = caught(() => splitUnit(puanTree(), oid('yc'), twoParts([], [])));
    expect(error.issues[0]?.code).toBe('root');
    for (const stranger of ['cb', 'lf', 'ghost']) {
      const e = caught(() => splitUnit(puanTree(), oid('pa'), twoParts(['wjg', 'shm', stranger], [])));
      expect(e.code).toBe('invalid_edit');
      expect(e.issues).toEqual([expect.objectContaining({ code: 'not_a_child', path: ['plan', 'parts', 0, 'children', 2] })]);
    }
    const grandchild = caught(() => splitUnit(puanTree(), oid('hosp'), twoParts(['tb'], ['wjg'])));
    expect(grandchild.issues).toEqual([expect.objectContaining({ code: 'not_a_child', path: ['plan', 'parts', 1, 'children', 0] })]);
  });

  it('reports every plan problem at once', () => {
    const error = caught(() => splitUnit(puanTree(), oid('pa'), twoParts(['wjg', 'cb'], ['wjg'])));
    expect(error.issues.map((i) => i.code)).toEqual(['not_a_child', 'duplicate_child', 'orphan_child']);
  });

  it('refuses a plan of the wrong shape and parts that do not fit the tree', () => {
    const one = caught(() => splitUnit(puanTree(), oid('pa'), { on: '2020-03-01', parts: [{ unit: { id: 'x', name: 'x', kind: 'township' }, children: [] }] }));
    expect(one.code).toBe('invalid_edit');
    expect(one.issues[0]?.path).toEqual(['plan', 'parts']);
    expect(SplitPlan.safeParse({ on: '2020-03-01', parts: [] }).success).toBe(false);
    // a part with an existing id, and a part of a kind that cannot sit under the county
    const clash = caught(() =>
      splitUnit(puanTree(), oid('pa'), {
        on: '2020-03-01',
        parts: [
          { unit: { id: 'jl', name: '重名', kind: 'township' }, children: ['wjg', 'shm'] },
          { unit: { id: 'pa-v', name: '村', kind: 'village' }, children: [] },
        ],
      }),
    );
    expect(clash.code).toBe('invalid_edit');
    expect(clash.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['duplicate_id', 'parent_kind']));
    expect(caught(() => splitUnit(puanTree(), oid('ghost'), twoParts([], []))).code).toBe('unknown_unit');
  });
});
