import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  ancestors,
  children,
  commonAncestor,
  createOrgTree,
  depth,
  descendants,
  findUnits,
  getUnit,
  hasUnit,
  isWithin,
  parent,
  path,
  scopeTest,
  type OrgUnit,
} from '../../src/index.js';
import { fixtureTree, fixtureUnits, oid } from '../fixtures.js';

const ids = (units: readonly OrgUnit[]): string[] => units.map((u) => u.id);
const tree = fixtureTree();

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e.code;
    throw e;
  }
  return undefined;
}

describe('queries on the fixture county', () => {
  it('getUnit and hasUnit', () => {
    expect(getUnit(tree, oid('yc')).name).toBe('岳池县');
    expect(getUnit(tree, oid('wjg')).kind).toBe('village');
    expect(hasUnit(tree, 'yc')).toBe(true);
    expect(hasUnit(tree, 'nowhere')).toBe(false);
  });

  it('getUnit on an unknown id throws unknown_unit', () => {
    expect(errorCode(() => getUnit(tree, oid('nowhere')))).toBe('unknown_unit');
    expect(() => getUnit(tree, oid('nowhere'))).toThrow(/nowhere/);
  });

  it('every query throws unknown_unit for an unknown id', () => {
    const x = oid('nowhere');
    for (const run of [
      () => parent(tree, x),
      () => children(tree, x),
      () => ancestors(tree, x),
      () => descendants(tree, x),
      () => path(tree, x),
      () => depth(tree, x),
      () => isWithin(tree, x, oid('yc')),
      () => isWithin(tree, oid('yc'), x),
      () => scopeTest(tree, x),
      () => commonAncestor(tree, x, oid('yc')),
      () => commonAncestor(tree, oid('yc'), x),
    ])
      expect(errorCode(run)).toBe('unknown_unit');
  });

  it('parent', () => {
    expect(parent(tree, oid('wjg'))?.name).toBe('普安镇');
    expect(parent(tree, oid('tb'))?.id).toBe('hosp');
    expect(parent(tree, oid('yc'))).toBeUndefined();
  });

  it('children, in input order', () => {
    expect(ids(children(tree, oid('yc')))).toEqual(['pa', 'jl', 'hosp']);
    expect(ids(children(tree, oid('pa')))).toEqual(['wjg']);
    expect(children(tree, oid('wjg'))).toEqual([]);
    // another input order gives the children in that order
    const swapped = fixtureUnits();
    const order = ['tb', 'hosp', 'cb', 'wjg', 'jl', 'yc', 'pa'];
    const shuffled = order.map((id) => swapped.find((u) => u.id === id));
    expect(ids(children(createOrgTree(shuffled), oid('yc')))).toEqual(['hosp', 'jl', 'pa']);
  });

  it('ancestors, nearest first', () => {
    expect(ids(ancestors(tree, oid('wjg')))).toEqual(['pa', 'yc']);
    expect(ids(ancestors(tree, oid('tb')))).toEqual(['hosp', 'yc']);
    expect(ancestors(tree, oid('yc'))).toEqual([]);
  });

  it('descendants, in preorder, the unit itself excluded', () => {
    expect(ids(descendants(tree, oid('yc')))).toEqual(['pa', 'wjg', 'jl', 'cb', 'hosp', 'tb']);
    expect(ids(descendants(tree, oid('jl')))).toEqual(['cb']);
    expect(descendants(tree, oid('cb'))).toEqual([]);
  });

  it('path from the root down, both included', () => {
    expect(path(tree, oid('wjg')).map((u) => u.name).join(' / ')).toBe('岳池县 / 普安镇 / 吴家沟村');
    expect(ids(path(tree, oid('yc')))).toEqual(['yc']);
  });

  it('depth', () => {
    expect(depth(tree, oid('yc'))).toBe(0);
    expect(depth(tree, oid('jl'))).toBe(1);
    expect(depth(tree, oid('cb'))).toBe(2);
    expect(depth(tree, oid('tb'))).toBe(2);
  });

  it('isWithin', () => {
    expect(isWithin(tree, oid('wjg'), oid('pa'))).toBe(true);
    expect(isWithin(tree, oid('wjg'), oid('yc'))).toBe(true);
    expect(isWithin(tree, oid('pa'), oid('pa'))).toBe(true);
    expect(isWithin(tree, oid('pa'), oid('wjg'))).toBe(false);
    expect(isWithin(tree, oid('cb'), oid('pa'))).toBe(false);
    expect(isWithin(tree, oid('jl'), oid('pa'))).toBe(false); // a sibling right after the scope
    expect(isWithin(tree, oid('tb'), oid('jl'))).toBe(false);
  });

  it('scopeTest agrees with isWithin and is false for unknown ids', () => {
    const inPuan = scopeTest(tree, oid('pa'));
    expect(inPuan(oid('wjg'))).toBe(true);
    expect(inPuan(oid('pa'))).toBe(true);
    expect(inPuan(oid('cb'))).toBe(false);
    expect(inPuan(oid('jl'))).toBe(false);
    expect(inPuan(oid('yc'))).toBe(false);
    expect(inPuan(oid('nowhere'))).toBe(false);
    for (const s of tree.units)
      for (const u of tree.units) expect(scopeTest(tree, s.id)(u.id)).toBe(isWithin(tree, u.id, s.id));
  });

  it('commonAncestor', () => {
    expect(commonAncestor(tree, oid('wjg'), oid('pa')).id).toBe('pa');
    expect(commonAncestor(tree, oid('pa'), oid('wjg')).id).toBe('pa');
    expect(commonAncestor(tree, oid('wjg'), oid('cb')).id).toBe('yc');
    expect(commonAncestor(tree, oid('cb'), oid('cb')).id).toBe('cb');
    expect(commonAncestor(tree, oid('tb'), oid('hosp')).id).toBe('hosp');
  });

  it('findUnits by text or by test, in preorder', () => {
    expect(findUnits(tree, '吴家沟')[0]?.kind).toBe('village');
    expect(ids(findUnits(tree, '岳池县'))).toEqual(['yc', 'hosp', 'tb']);
    expect(ids(findUnits(tree, '人民医院'))).toEqual(['hosp', 'tb']); // anywhere in the name
    expect(ids(findUnits(tree, '社区'))).toEqual(['cb']);
    expect(findUnits(tree, '不存在')).toEqual([]);
    expect(ids(findUnits(tree, (u) => u.kind === 'township' || u.kind === 'subdistrict'))).toEqual(['pa', 'jl']);
  });
});
