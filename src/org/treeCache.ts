import { createOrgTree, type OrgTree } from './tree.js';
import type { OrgUnit } from './unit.js';

/** The tree built for each version of a set of units (a ledger's units are replaced, never changed). */
const trees = new WeakMap<readonly OrgUnit[], OrgTree>();

/** @internal The tree of no units. */
const EMPTY_TREE: OrgTree = Object.freeze({
  units: [],
  root: '' as OrgTree['root'],
  indexOf: new Map<string, number>(),
  parentIndex: new Int32Array(0),
  subtreeEnd: new Int32Array(0),
  depthOf: new Int32Array(0),
});

/**
 * @internal The organization tree of a set of units, built once per array and cached (the
 * arrays of a ledger are frozen and replaced, never changed in place). Valid units are assumed:
 * they are checked when they enter a ledger.
 */
export function treeOfUnits(units: readonly OrgUnit[]): OrgTree {
  if (units.length === 0) return EMPTY_TREE;
  let tree = trees.get(units);
  if (tree === undefined) {
    tree = createOrgTree(units);
    trees.set(units, tree);
  }
  return tree;
}

/** @internal Caches a tree already built for this array of units. */
export function rememberTree(units: readonly OrgUnit[], tree: OrgTree): void {
  if (units.length > 0 && tree.units.length === units.length) trees.set(units, tree);
}
