import type { OrgId } from '../core/ids.js';
import { describeValue, isRecord, refusal } from '../core/guards.js';
import { requireTree, type OrgTree } from './tree.js';
import type { OrgUnit } from './unit.js';

/**
 * How to aggregate a value up the tree: the value of no data, and an associative `combine` (it may
 * assume neither argument is mutated and must not mutate them).
 *
 * @example
 * const sum: Monoid<number> = { empty: 0, combine: (a, b) => a + b };
 * @category Organization
 */
export interface Monoid<V> {
  /** The value of a unit with no data; `combine(empty, v)` equals `v`. */
  readonly empty: V;
  /** Combines two values; associative. */
  readonly combine: (a: V, b: V) => V;
}

/**
 * Aggregates any mergeable value up the tree: each unit's total is its own value combined with the
 * totals of its children. Values may be given as a `Map` or a plain record keyed by unit id; units
 * without a value count as `empty`; ids not in the tree are ignored. Linear in the number of units.
 *
 * @param tree - The organization tree.
 * @param values - Each unit's own value, by unit id (a `Map` or a record).
 * @param monoid - How to combine values, and the value of nothing.
 * @returns Each unit's total, by unit id, for every unit of the tree.
 * @example
 * const totals = rollup(tree, { wjg: 120, cb: 80 }, { empty: 0, combine: (a, b) => a + b });
 * totals.get(tree.root); // => 200
 * @category Organization
 */
export function rollup<V>(
  tree: OrgTree,
  values: ReadonlyMap<string, V> | Readonly<Record<string, V>>,
  monoid: Monoid<V>,
): ReadonlyMap<OrgId, V> {
  requireTree(tree);
  if (!(values instanceof Map) && !isRecord(values))
    throw refusal('invalid_input', 'invalid values', ['values'], 'invalid_type', `values are a Map or an object by unit id, got ${describeValue(values)}`);
  if (!isRecord(monoid) || typeof monoid.combine !== 'function')
    throw refusal('invalid_input', 'invalid monoid', ['monoid'], 'invalid_type', `a monoid is { empty, combine }, got ${describeValue(monoid)}`);
  const n = tree.units.length;
  const totals = new Array<V>(n);
  const get: (id: string) => V | undefined =
    values instanceof Map ? (id) => values.get(id) : (id) => (Object.hasOwn(values, id) ? (values as Record<string, V>)[id] : undefined);
  const { combine, empty } = monoid;
  // children come after their parent in preorder: sweeping backwards, every child's total is ready
  // when its parent is reached; children are folded in their own order, so `combine` need not commute
  for (let i = n - 1; i >= 0; i--) {
    const own = get((tree.units[i] as OrgUnit).id);
    let acc = own === undefined ? empty : own;
    const end = tree.subtreeEnd[i] as number;
    for (let c = i + 1; c < end; c = tree.subtreeEnd[c] as number) acc = combine(acc, totals[c] as V);
    totals[i] = acc;
  }
  const out = new Map<OrgId, V>();
  for (let i = 0; i < n; i++) out.set((tree.units[i] as OrgUnit).id, totals[i] as V);
  return out;
}
