import { z } from 'zod';
import { Day } from '../core/day.js';
import { describeValue } from '../core/guards.js';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import { OrgId } from '../core/ids.js';
import { analyzeUnits, markChecked, requireTree, type OrgTree } from './tree.js';
import { OrgUnit } from './unit.js';

function rebuild(units: readonly OrgUnit[], what: string): OrgTree {
  const { issues, tree } = analyzeUnits(units);
  if (tree === undefined) throw new FrontlineError('invalid_edit', what, issues);
  // every row is a checked row or a copy of one with checked values: no need to check it again
  markChecked(tree.units);
  return tree;
}

function requireUnit(tree: OrgTree, id: string, path: readonly PropertyKey[]): number {
  const i = tree.indexOf.get(id);
  if (i === undefined)
    throw new FrontlineError('unknown_unit', `unknown unit ${describeValue(id)}`, [{ path, code: 'unknown_unit', message: `no unit ${describeValue(id)} in the tree` }]);
  return i;
}

/**
 * Moves a unit (with its whole subtree) under a new parent and returns the new tree. Refuses, with a
 * `invalid_edit` error and nothing changed, a move under the unit itself or one of its descendants
 * (a cycle) and a move under a parent of a kind the unit cannot belong to.
 *
 * @param tree - The organization tree.
 * @param id - The unit to move.
 * @param newParentId - Its new parent.
 * @returns The new tree; the one given is not changed.
 * @throws {@link FrontlineError} `unknown_unit` when the tree lacks either unit; `invalid_edit` for a cycle, or when the new tree breaks a rule (the parent's kind, a division code).
 * @example
 * const moved = moveUnit(tree, 'hosp' as OrgId, 'pa' as OrgId);
 * parent(moved, 'hosp' as OrgId)?.name; // => '普安镇'
 * parent(moved, 'tb' as OrgId)?.name; // => '岳池县人民医院' (its subtree moves with it)
 * @category Organization
 */
export function moveUnit(tree: OrgTree, id: OrgId, newParentId: OrgId): OrgTree {
  requireTree(tree);
  const i = requireUnit(tree, id, ['id']);
  const p = requireUnit(tree, newParentId, ['newParentId']);
  if (p >= i && p < (tree.subtreeEnd[i] as number))
    throw new FrontlineError('invalid_edit', `cannot move '${id}'`, [
      {
        path: ['newParentId'],
        code: 'cycle',
        message: `'${newParentId}' ${p === i ? 'is' : 'lies under'} '${id}': the move would make a cycle`,
        rule: 'org.acyclic',
      },
    ]);
  const units = tree.units.map((u) => (u.id === id ? { ...u, parentId: newParentId } : u));
  return rebuild(units, `cannot move '${id}' under '${newParentId}'`);
}

/**
 * Closes a unit on a day, together with every descendant still open then and every temporary branch
 * or team formed for a task body among them (it dissolves with its task body), and returns the new
 * tree. Units already closed earlier keep their day; a unit that would open after the day is refused.
 *
 * @param tree - The organization tree.
 * @param id - The unit to close.
 * @param on - The day it closes.
 * @returns The new tree; the one given is not changed.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`; `invalid_edit` when `on` is not a day or the new tree breaks a rule.
 * @example
 * const closed = closeUnit(tree, 'wjg' as OrgId, '2020-03-01' as Day);
 * getUnit(closed, 'wjg' as OrgId).closed; // => '2020-03-01'
 * @category Organization
 */
export function closeUnit(tree: OrgTree, id: OrgId, on: Day): OrgTree {
  requireTree(tree);
  const i = requireUnit(tree, id, ['id']);
  const day = Day.safeParse(on);
  if (!day.success) throw new FrontlineError('invalid_day', `cannot close '${id}'`, issuesFromZod(day.error, ['on']));
  // the unit's subtree, and every unit tied to a task body in it (a temporary branch or commando
  // team dissolves with its task body), with their subtrees, until nothing more is added
  const closing = new Uint8Array(tree.units.length);
  let added = true;
  closing.fill(1, i, tree.subtreeEnd[i] as number);
  while (added) {
    added = false;
    tree.units.forEach((u, k) => {
      const body = u.taskBodyId === undefined ? undefined : tree.indexOf.get(u.taskBodyId);
      if (closing[k] === 0 && body !== undefined && closing[body] === 1) {
        closing.fill(1, k, tree.subtreeEnd[k] as number);
        added = true;
      }
    });
  }
  const units = tree.units.map((u, k) => (closing[k] === 1 && (u.closed === undefined || u.closed > on) ? { ...u, closed: on } : u));
  return rebuild(units, `cannot close '${id}'`);
}

/**
 * How to split a unit: the day of the split and the new units, each with the ids of the old unit's
 * children it takes over.
 *
 * @example
 * SplitPlan.parse({
 *   on: '2020-03-01',
 *   parts: [
 *     { unit: { id: 'a', name: '甲村', kind: 'village' }, children: [] },
 *     { unit: { id: 'b', name: '乙村', kind: 'village' }, children: [] },
 *   ],
 * });
 * @category Organization
 */
export const SplitPlan = z
  .object({
    /** The day the old unit closes and the new ones open. */
    on: Day,
    /** The new units (placed under the old unit's parent) and the children each takes over. */
    parts: z
      .array(
        z
          .object({
            /** The new unit, without parent (it goes under the old unit's parent) or dates. */
            unit: OrgUnit.omit({ parentId: true, opened: true, closed: true }),
            /** Ids of the old unit's children moved under this new unit. */
            children: z.array(OrgId),
          })
          .strict(),
      )
      .min(2, 'a split makes at least two units'),
  })
  .strict();
/**
 * A plan to split a unit.
 *
 * @interface
 * @category Organization
 */
export type SplitPlan = z.infer<typeof SplitPlan>;

/**
 * Splits a unit into several: the old unit closes on the plan's day, the new units open that day
 * under the same parent, and every child of the old unit that is still open moves under the part
 * that lists it. Every open child must be listed exactly once. Returns the new tree; never a cycle.
 *
 * @param tree - The organization tree.
 * @param id - The unit to split.
 * @param plan - A {@link SplitPlan}: the day and the new units with the children each takes over.
 * @returns The new tree; the one given is not changed.
 * @throws {@link FrontlineError} `unknown_unit` when the tree has no unit `id`; `invalid_edit` for a malformed plan, the root, a unit closed before the day, children not given exactly once, or a new tree that breaks a rule.
 * @example
 * const split = splitUnit(tree, 'pa' as OrgId, {
 *   on: '2020-03-01',
 *   parts: [
 *     { unit: { id: 'pa-n', name: '普安北', kind: 'township' }, children: ['wjg'] },
 *     { unit: { id: 'pa-s', name: '普安南', kind: 'township' }, children: [] },
 *   ],
 * });
 * @category Organization
 */
export function splitUnit(tree: OrgTree, id: OrgId, plan: unknown): OrgTree {
  requireTree(tree);
  const i = requireUnit(tree, id, ['id']);
  const parsed = SplitPlan.safeParse(plan);
  if (!parsed.success) throw new FrontlineError('invalid_edit', `cannot split '${id}'`, issuesFromZod(parsed.error, ['plan']));
  const { on, parts } = parsed.data;
  const old = tree.units[i] as OrgUnit;
  if (old.parentId === null)
    throw new FrontlineError('invalid_edit', `cannot split '${id}'`, [{ path: ['id'], code: 'root', message: 'the root cannot be split' }]);
  if (old.closed !== undefined && old.closed <= on)
    throw new FrontlineError('invalid_edit', `cannot split '${id}'`, [{ path: ['plan', 'on'], code: 'closed', message: `'${id}' closed on ${old.closed}, before the split on ${on}` }]);
  const issues: Issue[] = [];
  const openChildren = new Set<string>();
  const end = tree.subtreeEnd[i] as number;
  for (let c = i + 1; c < end; c = tree.subtreeEnd[c] as number) {
    const child = tree.units[c] as OrgUnit;
    if (child.closed === undefined || child.closed > on) openChildren.add(child.id);
  }
  const newParentOf = new Map<string, OrgId>();
  parts.forEach((part, k) =>
    part.children.forEach((child, j) => {
      if (!openChildren.has(child))
        issues.push({ path: ['plan', 'parts', k, 'children', j], code: 'not_a_child', message: `'${child}' is not an open child of '${id}'` });
      else if (newParentOf.has(child))
        issues.push({ path: ['plan', 'parts', k, 'children', j], code: 'duplicate_child', message: `'${child}' is listed in two parts` });
      else newParentOf.set(child, part.unit.id);
    }),
  );
  for (const child of openChildren)
    if (!newParentOf.has(child))
      issues.push({ path: ['plan', 'parts'], code: 'orphan_child', message: `open child '${child}' of '${id}' is not given to any part` });
  if (issues.length > 0) throw new FrontlineError('invalid_edit', `cannot split '${id}'`, issues);
  const units: OrgUnit[] = tree.units.map((u) => {
    if (u.id === id) return { ...u, closed: on };
    const np = newParentOf.get(u.id);
    return np === undefined ? u : { ...u, parentId: np };
  });
  for (const part of parts) units.push({ ...part.unit, parentId: old.parentId, opened: on });
  return rebuild(units, `cannot split '${id}'`);
}
