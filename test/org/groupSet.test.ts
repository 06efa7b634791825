import { describe, expect, it } from 'vitest';
import { GroupSet, checkGroupSet, groupsOf, type Issue } from '../../src/index.js';
import { deepFreeze, fixtureTree, oid, snapshot } from '../fixtures.js';

const tree = fixtureTree();
const set = (exclusive: boolean, groups: { id: string; name: string; units: string[] }[]): GroupSet =>
  GroupSet.parse({ id: 'wz', name: '战区', exclusive, groups });
const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);

describe('checkGroupSet', () => {
  it('accepts disjoint groups', () => {
    const s = set(true, [
      { id: 'a', name: '城区战区', units: ['jl'] },
      { id: 'b', name: '农村战区', units: ['pa', 'hosp'] },
    ]);
    expect(checkGroupSet(tree, s)).toEqual([]);
  });

  it('reports a unit in two groups through an ancestor (not_exclusive)', () => {
    const s = set(true, [
      { id: 'a', name: 'A', units: ['pa'] },
      { id: 'b', name: 'B', units: ['wjg'] },
    ]);
    const issues = checkGroupSet(tree, s);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'not_exclusive', path: ['groups', 1, 'units', 0], rule: 'groupSet.exclusive' }),
    ]);
    expect(issues[0]?.message).toContain('wjg');
    // the same, with the descendant listed first and the ancestor's group after it
    const reversed = set(true, [
      { id: 'b', name: 'B', units: ['wjg'] },
      { id: 'a', name: 'A', units: ['yc'] },
    ]);
    expect(codes(checkGroupSet(tree, reversed))).toEqual(['not_exclusive']);
  });

  it('reports the same unit in two groups directly', () => {
    const s = set(true, [
      { id: 'a', name: 'A', units: ['cb'] },
      { id: 'b', name: 'B', units: ['jl', 'cb'] },
    ]);
    expect(codes(checkGroupSet(tree, s))).toContain('not_exclusive');
  });

  it('does not flag overlap inside one group, nor in a set that is not exclusive', () => {
    expect(checkGroupSet(tree, set(true, [{ id: 'a', name: 'A', units: ['pa', 'wjg'] }]))).toEqual([]);
    const overlapping = [
      { id: 'a', name: 'A', units: ['pa'] },
      { id: 'b', name: 'B', units: ['wjg'] },
    ];
    expect(checkGroupSet(tree, set(false, overlapping))).toEqual([]);
  });

  it('does not mistake a later sibling for a nested unit', () => {
    const s = set(true, [
      { id: 'a', name: 'A', units: ['wjg'] },
      { id: 'b', name: 'B', units: ['jl'] },
      { id: 'c', name: 'C', units: ['tb'] },
    ]);
    expect(checkGroupSet(tree, s)).toEqual([]);
  });

  it('reports an unknown unit with its path', () => {
    const s = set(true, [{ id: 'a', name: 'A', units: ['pa', 'ghost'] }]);
    expect(checkGroupSet(tree, s)).toEqual([expect.objectContaining({ code: 'unknown_unit', path: ['groups', 0, 'units', 1] })]);
  });

  it('reports a duplicate group id with its path', () => {
    const s = set(false, [
      { id: 'a', name: 'A', units: ['pa'] },
      { id: 'a', name: 'A2', units: ['jl'] },
    ]);
    expect(checkGroupSet(tree, s)).toEqual([expect.objectContaining({ code: 'duplicate_id', path: ['groups', 1, 'id'] })]);
  });

  it('reports every problem at once and never mutates the set', () => {
    const s = deepFreeze(
      set(true, [
        { id: 'a', name: 'A', units: ['yc'] },
        { id: 'a', name: 'A2', units: ['hosp'] },
        { id: 'b', name: 'B', units: ['ghost', 'cb'] },
      ]),
    );
    const before = snapshot(s);
    expect(codes(checkGroupSet(tree, s)).sort()).toEqual(['duplicate_id', 'not_exclusive', 'unknown_unit']);
    expect(s).toEqual(before);
  });
});

describe('groupsOf', () => {
  const zones = set(false, [
    { id: 'a', name: '第一战区', units: ['jl'] },
    { id: 'b', name: '第二战区', units: ['pa'] },
    { id: 'c', name: '全县', units: ['yc'] },
  ]);

  it('inherits membership through ancestors', () => {
    expect(groupsOf(tree, zones, oid('wjg')).map((g) => g.name)).toEqual(['第二战区', '全县']);
    expect(groupsOf(tree, zones, oid('pa')).map((g) => g.id)).toEqual(['b', 'c']);
    expect(groupsOf(tree, zones, oid('cb')).map((g) => g.id)).toEqual(['a', 'c']);
    expect(groupsOf(tree, zones, oid('tb')).map((g) => g.id)).toEqual(['c']);
  });

  it('gives nothing for a unit of no group or an unknown unit', () => {
    const partial = set(true, [{ id: 'a', name: '第一战区', units: ['jl'] }]);
    expect(groupsOf(tree, partial, oid('wjg'))).toEqual([]);
    expect(groupsOf(tree, partial, oid('yc'))).toEqual([]);
    expect(groupsOf(tree, partial, oid('ghost'))).toEqual([]);
  });
});
