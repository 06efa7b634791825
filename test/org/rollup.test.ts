import { describe, expect, it } from 'vitest';
import { createOrgTree, rollup, type Monoid } from '../../src/index.js';
import { deepFreeze, fixtureTree, fixtureUnits, oid, snapshot } from '../fixtures.js';

const sum: Monoid<number> = { empty: 0, combine: (a, b) => a + b };
const tree = fixtureTree();

describe('rollup', () => {
  it('adds values up the tree (record input)', () => {
    const totals = rollup(tree, { wjg: 120, cb: 80 }, sum);
    expect(totals.get(tree.root)).toBe(200);
    expect(totals.get(oid('pa'))).toBe(120);
    expect(totals.get(oid('jl'))).toBe(80);
    expect(totals.get(oid('wjg'))).toBe(120);
    expect(totals.get(oid('hosp'))).toBe(0);
    expect(totals.size).toBe(7);
  });

  it('accepts a Map, counts a unit’s own value with its children’s, ignores unknown ids', () => {
    const values = new Map<string, number>([
      ['yc', 1],
      ['pa', 10],
      ['wjg', 100],
      ['tb', 1000],
      ['ghost', 99999],
    ]);
    const totals = rollup(tree, values, sum);
    expect(totals.get(oid('yc'))).toBe(1111);
    expect(totals.get(oid('pa'))).toBe(110);
    expect(totals.get(oid('hosp'))).toBe(1000);
    expect(totals.has(oid('ghost'))).toBe(false);
  });

  it('uses empty for missing values, even for ids that are names of Object.prototype', () => {
    const t = createOrgTree([
      { id: 'yc', name: '岳池县', kind: 'county', parentId: null },
      { id: 'toString', name: '甲', kind: 'institution', parentId: 'yc' },
      { id: 'constructor', name: '乙', kind: 'institution', parentId: 'yc' },
    ]);
    const totals = rollup(t, { constructor: 5 }, sum);
    expect(totals.get(oid('toString'))).toBe(0);
    expect(totals.get(oid('constructor'))).toBe(5);
    expect(totals.get(oid('yc'))).toBe(5);
  });

  it('folds own value first, then children in input order (combine need not commute)', () => {
    const concat: Monoid<string> = { empty: '', combine: (a, b) => a + b };
    const own = Object.fromEntries(fixtureUnits().map((u) => [u.id, `${u.id} `]));
    const totals = rollup(tree, own, concat);
    expect(totals.get(tree.root)).toBe('yc pa wjg jl cb hosp tb ');
    expect(totals.get(oid('jl'))).toBe('jl cb ');
    const reversed = createOrgTree([...fixtureUnits()].reverse());
    expect(rollup(reversed, own, concat).get(reversed.root)).toBe('yc hosp tb jl cb pa wjg ');
  });

  it('works for any mergeable value and never mutates the values', () => {
    const values = deepFreeze({ wjg: { households: 3, people: 9 }, cb: { households: 2, people: 5 } });
    const before = snapshot(values);
    const pairs: Monoid<{ households: number; people: number }> = {
      empty: { households: 0, people: 0 },
      combine: (a, b) => ({ households: a.households + b.households, people: a.people + b.people }),
    };
    const totals = rollup(tree, values, pairs);
    expect(totals.get(tree.root)).toEqual({ households: 5, people: 14 });
    expect(values).toEqual(before);
  });
});
