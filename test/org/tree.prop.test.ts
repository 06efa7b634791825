import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  FrontlineError,
  PARENT_KINDS,
  UnitKind,
  ancestors,
  checkOrgTree,
  children,
  commonAncestor,
  createOrgTree,
  depth,
  descendants,
  isWithin,
  moveUnit,
  parent,
  path,
  rollup,
  scopeTest,
  type OrgId,
  type OrgTree,
} from '../../src/index.js';
import { deepFreeze, oid, snapshot, type UnitInput } from '../fixtures.js';

/** The kinds a unit under a parent of `kind` may have. */
const childKinds = (kind: UnitKind): UnitKind[] => UnitKind.options.filter((c) => PARENT_KINDS[c].includes(kind));

interface Generated {
  /** The units, in shuffled input order. */
  readonly units: readonly UnitInput[];
  /** Parent of each id (null for the root), the reference for the naive checks. */
  readonly parentOf: ReadonlyMap<string, string | null>;
  /** Every id in shuffled input order. */
  readonly ids: readonly OrgId[];
}

/**
 * A random valid tree: unit i's parent is a random earlier unit that can have children, its kind one
 * the parent allows (or `institution` everywhere below the county, for deep trees); the input order
 * is then shuffled.
 */
const validTree: fc.Arbitrary<Generated> = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: n - 1, maxLength: n - 1 }),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      institutionsOnly: fc.boolean(),
    }),
  )
  .map(({ picks, order, institutionsOnly }) => {
    const built: UnitInput[] = [{ id: 'u0', name: '县', kind: 'county', parentId: null }];
    picks.forEach(([a, b], k) => {
      const containers = built.filter((u) => childKinds(u.kind).length > 0);
      const p = containers[a % containers.length] as UnitInput;
      const allowed = institutionsOnly ? (['institution'] as UnitKind[]) : childKinds(p.kind);
      built.push({ id: `u${k + 1}`, name: `单位${k + 1}`, kind: allowed[b % allowed.length] as UnitKind, parentId: p.id });
    });
    const units = order.map((i) => built[i] as UnitInput);
    return {
      units,
      parentOf: new Map(units.map((u) => [u.id, u.parentId])),
      ids: units.map((u) => oid(u.id)),
    };
  });

/** Naive ancestors by walking parent links, nearest first. */
function walkUp(g: Generated, id: string): string[] {
  const out: string[] = [];
  for (let p = g.parentOf.get(id) ?? null; p !== null; p = g.parentOf.get(p) ?? null) out.push(p);
  return out;
}

/** Naive: `id` is `scope` or lies beneath it. */
const naiveWithin = (g: Generated, id: string, scope: string): boolean => id === scope || walkUp(g, id).includes(scope);

/** Naive preorder of the subtree of `id`, children in input order. */
function naivePreorder(g: Generated, id: string): string[] {
  return [id, ...g.units.filter((u) => u.parentId === id).flatMap((u) => naivePreorder(g, u.id))];
}

const ids = (units: readonly { id: string }[]): string[] => units.map((u) => u.id);

describe('random valid trees', () => {
  test.prop([validTree])('always pass checkOrgTree and build', (g) => {
    expect(checkOrgTree(g.units)).toEqual([]);
    const tree = createOrgTree(g.units);
    expect(tree.units).toHaveLength(g.units.length);
    expect(tree.root).toBe('u0');
    expect(new Set(ids(tree.units))).toEqual(new Set(g.ids));
    // preorder: every parent comes before its children
    tree.units.forEach((u, i) => {
      if (u.parentId !== null) expect(tree.indexOf.get(u.parentId)).toBeLessThan(i);
    });
  });

  test.prop([validTree])('ancestors match a parent walk; path and depth follow from them', (g) => {
    const tree = createOrgTree(g.units);
    for (const x of g.ids) {
      const anc = ids(ancestors(tree, x));
      expect(anc).toEqual(walkUp(g, x));
      expect(ids(path(tree, x))).toEqual([...anc].reverse().concat(x));
      expect(depth(tree, x)).toBe(anc.length);
      expect(parent(tree, x)?.id ?? null).toBe(g.parentOf.get(x));
    }
  });

  test.prop([validTree])('x is a descendant of a exactly when a is an ancestor of x', (g) => {
    const tree = createOrgTree(g.units);
    const desc = new Map(g.ids.map((a) => [a, new Set(ids(descendants(tree, a)))]));
    const anc = new Map(g.ids.map((x) => [x, new Set(ids(ancestors(tree, x)))]));
    for (const a of g.ids)
      for (const x of g.ids) expect(desc.get(a)?.has(x)).toBe(anc.get(x)?.has(a));
    for (const a of g.ids) expect(ids(descendants(tree, a))).toEqual(naivePreorder(g, a).slice(1));
  });

  test.prop([validTree])('children are the units naming the parent, in input order', (g) => {
    const tree = createOrgTree(g.units);
    for (const x of g.ids) expect(ids(children(tree, x))).toEqual(g.units.filter((u) => u.parentId === x).map((u) => u.id));
  });

  test.prop([validTree])('isWithin and scopeTest equal a naive parent walk for all pairs', (g) => {
    const tree = createOrgTree(g.units);
    for (const s of g.ids) {
      const inScope = scopeTest(tree, s);
      for (const x of g.ids) {
        const expected = naiveWithin(g, x, s);
        expect(isWithin(tree, x, s)).toBe(expected);
        expect(inScope(x)).toBe(expected);
      }
    }
  });

  test.prop([validTree, fc.nat(), fc.nat()])('commonAncestor is the nearest shared unit of the two paths', (g, i, j) => {
    const tree = createOrgTree(g.units);
    const a = g.ids[i % g.ids.length] as OrgId;
    const b = g.ids[j % g.ids.length] as OrgId;
    const up = (x: string): string[] => [x, ...walkUp(g, x)];
    const expected = up(a).find((u) => up(b).includes(u));
    expect(commonAncestor(tree, a, b).id).toBe(expected);
  });
});

describe('rollup over random trees', () => {
  test.prop([validTree])('a count of 1 per unit gives each unit its subtree size and the root the total', (g) => {
    const tree = createOrgTree(g.units);
    const ones = Object.fromEntries(g.ids.map((id) => [id, 1]));
    const totals = rollup(tree, ones, { empty: 0, combine: (a, b) => a + b });
    expect(totals.get(tree.root)).toBe(g.units.length);
    for (const x of g.ids) expect(totals.get(x)).toBe(naivePreorder(g, x).length);
    // the same through a Map, and units without a value count as empty
    const someOnes = new Map(g.ids.filter((_, k) => k % 2 === 0).map((id) => [id as string, 1]));
    const partial = rollup(tree, someOnes, { empty: 0, combine: (a, b) => a + b });
    for (const x of g.ids) expect(partial.get(x)).toBe(naivePreorder(g, x).filter((u) => someOnes.has(u)).length);
  });

  test.prop([validTree])('a non-commutative monoid (concatenation) gives the preorder string of each subtree', (g) => {
    const tree = createOrgTree(g.units);
    const own = new Map(g.ids.map((id) => [id as string, `${id};`]));
    const totals = rollup(tree, own, { empty: '', combine: (a, b) => a + b });
    for (const x of g.ids) expect(totals.get(x)).toBe(naivePreorder(g, x).map((u) => `${u};`).join(''));
  });

  test.prop([validTree])('rollup does not mutate its values', (g) => {
    const tree = createOrgTree(g.units);
    const values = deepFreeze(Object.fromEntries(g.ids.map((id) => [id, [id as string]])));
    const before = snapshot(values);
    const totals = rollup(tree, values, { empty: [] as string[], combine: (a, b) => [...a, ...b] });
    expect(values).toEqual(before);
    expect(totals.get(tree.root)).toEqual(naivePreorder(g, 'u0'));
  });
});

describe('moveUnit over random trees', () => {
  const moves = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 });

  test.prop([validTree, moves])('never creates a cycle: refuses a move under a descendant; any accepted move gives a valid tree', (g, picks) => {
    let tree: OrgTree = createOrgTree(g.units);
    for (const [i, j] of picks) {
      const x = g.ids[i % g.ids.length] as OrgId;
      const p = g.ids[j % g.ids.length] as OrgId;
      const before = snapshot(tree.units);
      const underItself = isWithin(tree, p, x);
      const kindAllowed = PARENT_KINDS[tree.units[tree.indexOf.get(x) as number]?.kind as UnitKind].includes(
        tree.units[tree.indexOf.get(p) as number]?.kind as UnitKind,
      );
      let moved: OrgTree | undefined;
      let error: unknown;
      try {
        moved = moveUnit(tree, x, p);
      } catch (e) {
        error = e;
      }
      // the old tree is never changed
      expect(snapshot(tree.units)).toEqual(before);
      if (underItself || !kindAllowed) {
        expect(error).toBeInstanceOf(FrontlineError);
        expect((error as FrontlineError).code).toBe('invalid_edit');
        expect((error as FrontlineError).issues.map((k) => k.code)).toContain(underItself ? 'cycle' : 'parent_kind');
        continue;
      }
      expect(error).toBeUndefined();
      const next = moved as OrgTree;
      expect(checkOrgTree(next.units)).toEqual([]);
      expect(parent(next, x)?.id).toBe(p);
      expect(next.units).toHaveLength(tree.units.length);
      // the moved subtree keeps its members
      expect(new Set(ids(descendants(next, x)))).toEqual(new Set(ids(descendants(tree, x))));
      tree = next;
    }
  });

  test.prop([validTree, fc.nat(), fc.nat()])('moving a unit under one of its descendants (or itself) throws invalid_edit', (g, i, j) => {
    const tree = createOrgTree(g.units);
    const x = g.ids[i % g.ids.length] as OrgId;
    const below = [x, ...ids(descendants(tree, x))];
    const target = oid(below[j % below.length] as string);
    let error: unknown;
    try {
      moveUnit(tree, x, target);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontlineError);
    expect((error as FrontlineError).code).toBe('invalid_edit');
    expect((error as FrontlineError).issues[0]).toMatchObject({ code: 'cycle', path: ['newParentId'], rule: 'org.acyclic' });
  });
});
