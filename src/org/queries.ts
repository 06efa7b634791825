import { FrontlineError } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import { describeValue, refusal } from '../core/guards.js';
import { requireTree, type OrgTree } from './tree.js';
import type { OrgUnit } from './unit.js';

function positionOf(tree: OrgTree, id: string): number {
  const i = tree.indexOf.get(id);
  if (i === undefined)
    throw new FrontlineError('unknown_unit', `unknown unit ${describeValue(id)}`, [{ path: [], code: 'unknown_unit', message: `no unit ${describeValue(id)} in the tree` }]);
  return i;
}

/**
 * True when the tree has a unit with this id.
 *
 * @param tree - The organization tree.
 * @param id - A unit id.
 * @returns True when the tree has the unit.
 * @example
 * hasUnit(tree, 'yc' as OrgId); // => true
 * @category Organization
 */
export function hasUnit(tree: OrgTree, id: string): boolean {
  requireTree(tree);
  return tree.indexOf.has(id);
}

/**
 * The unit with this id; throws a {@link FrontlineError} (`unknown_unit`) when there is none.
 *
 * @param tree - The organization tree.
 * @param id - The unit's id.
 * @returns The unit.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`.
 * @example
 * getUnit(tree, 'yc' as OrgId).name; // => '岳池县'
 * @category Organization
 */
export function getUnit(tree: OrgTree, id: OrgId): OrgUnit {
  requireTree(tree);
  return tree.units[positionOf(tree, id)] as OrgUnit;
}

/**
 * The parent of a unit, or `undefined` for the root.
 *
 * @param tree - The organization tree.
 * @param id - The unit's id.
 * @returns Its parent, or `undefined` for the root.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`.
 * @example
 * parent(tree, 'wjg' as OrgId)?.name; // => '普安镇'
 * @category Organization
 */
export function parent(tree: OrgTree, id: OrgId): OrgUnit | undefined {
  requireTree(tree);
  const p = tree.parentIndex[positionOf(tree, id)] as number;
  return p < 0 ? undefined : tree.units[p];
}

/**
 * The children of a unit, in input order.
 *
 * @param tree - The organization tree.
 * @param id - The unit's id.
 * @returns Its children, in tree order.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`.
 * @example
 * children(tree, 'pa' as OrgId).map((u) => u.name); // => ['吴家沟村']
 * @category Organization
 */
export function children(tree: OrgTree, id: OrgId): readonly OrgUnit[] {
  requireTree(tree);
  const i = positionOf(tree, id);
  const out: OrgUnit[] = [];
  const end = tree.subtreeEnd[i] as number;
  for (let c = i + 1; c < end; c = tree.subtreeEnd[c] as number) out.push(tree.units[c] as OrgUnit);
  return out;
}

/**
 * The ancestors of a unit, nearest first (parent, grandparent, …, root).
 *
 * @param tree - The organization tree.
 * @param id - The unit's id.
 * @returns Its ancestors, nearest first (its parent, then up to the root).
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`.
 * @example
 * ancestors(tree, 'wjg' as OrgId).map((u) => u.id); // => ['pa', 'yc']
 * @category Organization
 */
export function ancestors(tree: OrgTree, id: OrgId): readonly OrgUnit[] {
  requireTree(tree);
  const out: OrgUnit[] = [];
  for (let p = tree.parentIndex[positionOf(tree, id)] as number; p >= 0; p = tree.parentIndex[p] as number)
    out.push(tree.units[p] as OrgUnit);
  return out;
}

/**
 * The descendants of a unit in preorder, the unit itself excluded.
 *
 * @param tree - The organization tree.
 * @param id - The unit's id.
 * @returns Every unit below it, in preorder, without the unit itself.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`.
 * @example
 * descendants(tree, 'yc' as OrgId).length; // => 6 (every unit but the county itself)
 * @category Organization
 */
export function descendants(tree: OrgTree, id: OrgId): readonly OrgUnit[] {
  requireTree(tree);
  const i = positionOf(tree, id);
  return tree.units.slice(i + 1, tree.subtreeEnd[i] as number);
}

/**
 * The path from the root down to the unit, both included.
 *
 * @param tree - The organization tree.
 * @param id - The unit's id.
 * @returns The units from the root down to it, both included.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`.
 * @example
 * path(tree, 'wjg' as OrgId).map((u) => u.name).join(' / '); // => '岳池县 / 普安镇 / 吴家沟村'
 * @category Organization
 */
export function path(tree: OrgTree, id: OrgId): readonly OrgUnit[] {
  requireTree(tree);
  return [...ancestors(tree, id)].reverse().concat([getUnit(tree, id)]);
}

/**
 * The depth of a unit: 0 for the root, 1 for a township, 2 for a village.
 *
 * @param tree - The organization tree.
 * @param id - The unit's id.
 * @returns Its depth: 0 for the root.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`.
 * @example
 * depth(tree, 'wjg' as OrgId); // => 2
 * @category Organization
 */
export function depth(tree: OrgTree, id: OrgId): number {
  requireTree(tree);
  return tree.depthOf[positionOf(tree, id)] as number;
}

/**
 * True when `id` is `scopeId` or lies beneath it. Constant time: two index look-ups and a comparison
 * of preorder intervals. Throws `unknown_unit` for an id not in the tree.
 *
 * @param tree - The organization tree.
 * @param id - The unit asked about.
 * @param scopeId - The unit whose subtree is the scope.
 * @returns True when `id` is `scopeId` or lies below it.
 * @throws {@link FrontlineError} `unknown_unit` when the tree lacks either unit.
 * @example
 * isWithin(tree, 'wjg' as OrgId, 'pa' as OrgId); // => true
 * isWithin(tree, 'pa' as OrgId, 'wjg' as OrgId); // => false
 * @category Organization
 */
export function isWithin(tree: OrgTree, id: OrgId, scopeId: OrgId): boolean {
  requireTree(tree);
  const i = tree.indexOf.get(id);
  const s = tree.indexOf.get(scopeId);
  if (i === undefined || s === undefined) positionOf(tree, i === undefined ? id : scopeId);
  return (i as number) >= (s as number) && (i as number) < (tree.subtreeEnd[s as number] as number);
}

/**
 * @internal The units lying within any of `covers` (each with its subtree), as a mask over the
 * tree's preorder: one look-up per covered unit, then an array read per question.
 */
export function coverageMask(tree: OrgTree, covers: readonly string[]): Uint8Array {
  const mask = new Uint8Array(tree.units.length);
  for (const c of covers) {
    const s = tree.indexOf.get(c);
    if (s !== undefined) mask.fill(1, s, tree.subtreeEnd[s] as number);
  }
  return mask;
}

/**
 * A test for one scope, for checking many units against the same scope (an actor's area, a
 * supervision group's coverage): one index look-up per call.
 *
 * @param tree - The organization tree.
 * @param scopeId - The unit whose subtree is the scope.
 * @returns A test, true for the units of the scope (and false for ids not in the tree).
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `scopeId`.
 * @example
 * const inPuan = scopeTest(tree, 'pa' as OrgId);
 * inPuan('wjg' as OrgId); // => true
 * @category Organization
 */
export function scopeTest(tree: OrgTree, scopeId: OrgId): (id: OrgId) => boolean {
  requireTree(tree);
  const s = positionOf(tree, scopeId);
  const end = tree.subtreeEnd[s] as number;
  const indexOf = tree.indexOf;
  return (id) => {
    const i = indexOf.get(id);
    return i !== undefined && i >= s && i < end;
  };
}

/**
 * The nearest common ancestor of two units (a unit counts as its own ancestor).
 *
 * @param tree - The organization tree.
 * @param a - A unit's id.
 * @param b - Another unit's id.
 * @returns The deepest unit that has both in its subtree (one of them, when one lies below the other).
 * @throws {@link FrontlineError} `unknown_unit` when the tree lacks either unit.
 * @example
 * commonAncestor(tree, 'wjg' as OrgId, 'pa' as OrgId).id; // => 'pa'
 * @category Organization
 */
export function commonAncestor(tree: OrgTree, a: OrgId, b: OrgId): OrgUnit {
  requireTree(tree);
  let i = positionOf(tree, a);
  const j = positionOf(tree, b);
  while (!(j >= i && j < (tree.subtreeEnd[i] as number))) i = tree.parentIndex[i] as number;
  return tree.units[i] as OrgUnit;
}

/**
 * The units whose name contains a text (or that pass a test), in preorder.
 *
 * @param tree - The organization tree.
 * @param query - Text the name contains, or a test.
 * @returns The matching units, in tree order.
 * @example
 * findUnits(tree, '吴家沟')[0]?.kind; // => 'village'
 * findUnits(tree, (u) => u.kind === 'township').map((u) => u.name); // => ['普安镇']
 * @category Organization
 */
export function findUnits(tree: OrgTree, query: string | ((unit: OrgUnit) => boolean)): readonly OrgUnit[] {
  requireTree(tree);
  if (typeof query !== 'string' && typeof query !== 'function')
    throw refusal('invalid_input', 'invalid query', ['query'], 'invalid_type', `a query is a text or a test of a unit, got ${describeValue(query)}`);
  const test = typeof query === 'string' ? (u: OrgUnit) => u.name.includes(query) : query;
  return tree.units.filter(test);
}
