import { z } from 'zod';
import { issuesFromZod, parseOrThrow, type Issue } from '../core/errors.js';
import { GroupId, OrgId } from '../core/ids.js';
import { requireTree, type OrgTree } from './tree.js';

/**
 * One group of a {@link GroupSet}: a named set of units, each standing for its whole subtree.
 *
 * @example
 * OrgGroup.parse({ id: 'wz-1', name: '第一战区', units: ['yc-t01', 'yc-t02'] });
 * @category Organization
 */
export const OrgGroup = z
  .object({
    /** Unique id within the set. */
    id: GroupId,
    /** Display name, such as 第一战区. */
    name: z.string().min(1),
    /** Member units; a unit's descendants belong to the group through it. */
    units: z.array(OrgId),
  })
  .strict();
/**
 * A group of units.
 *
 * @interface
 * @category Organization
 */
export type OrgGroup = z.infer<typeof OrgGroup>;

/**
 * A classification over the tree (DHIS2's organisation unit group set): for example the war-zones
 * (分战区) that the supervision groups of the war-zone line cover. When `exclusive`, every unit
 * belongs to at most one group, counting membership inherited from ancestors.
 *
 * @example
 * GroupSet.parse({ id: 'war-zones', name: '战区', exclusive: true, groups: [] });
 * @category Organization
 */
export const GroupSet = z
  .object({
    /** Unique id of the set. */
    id: GroupId,
    /** Display name. */
    name: z.string().min(1),
    /** True when no unit may be in two groups. */
    exclusive: z.boolean(),
    /** The groups. */
    groups: z.array(OrgGroup),
  })
  .strict();
/**
 * A classification over the tree.
 *
 * @interface
 * @category Organization
 */
export type GroupSet = z.infer<typeof GroupSet>;

/**
 * Checks a group set against the tree: unknown units, duplicate group ids, and, when exclusive, any
 * unit that falls in two groups (directly or through an ancestor). Returns every problem; paths are
 * relative to the set.
 *
 * @param tree - The organization tree.
 * @param set - The group set.
 * @returns Every problem found; empty when the set is valid.
 * @example
 * checkGroupSet(tree, { id: 'wz', name: '战区', exclusive: true, groups: [
 *   { id: 'a', name: 'A', units: ['pa'] }, { id: 'b', name: 'B', units: ['wjg'] },
 * ] }).map((i) => i.code); // => ['not_exclusive'] (吴家沟村 is under 普安镇)
 * @category Organization
 */
export function checkGroupSet(tree: OrgTree, set: GroupSet): readonly Issue[] {
  requireTree(tree);
  const parsed = GroupSet.safeParse(set);
  if (!parsed.success) return issuesFromZod(parsed.error);
  const issues: Issue[] = [];
  const seenGroups = new Set<string>();
  // owner of each preorder interval start, for the exclusivity check
  const claims: { start: number; end: number; group: string; path: PropertyKey[] }[] = [];
  set.groups.forEach((g, gi) => {
    if (seenGroups.has(g.id))
      issues.push({ path: ['groups', gi, 'id'], code: 'duplicate_id', message: `duplicate group id '${g.id}'` });
    seenGroups.add(g.id);
    g.units.forEach((u, ui) => {
      const i = tree.indexOf.get(u);
      if (i === undefined) {
        issues.push({ path: ['groups', gi, 'units', ui], code: 'unknown_unit', message: `unknown unit '${u}' in group '${g.id}'` });
        return;
      }
      claims.push({ start: i, end: tree.subtreeEnd[i] as number, group: g.id, path: ['groups', gi, 'units', ui] });
    });
  });
  if (set.exclusive) {
    claims.sort((a, b) => a.start - b.start || b.end - a.end);
    // a stack of open intervals: a claim nested in another group's interval overlaps it
    const open: typeof claims = [];
    for (const c of claims) {
      while (open.length > 0 && (open[open.length - 1] as (typeof claims)[number]).end <= c.start) open.pop();
      const outer = open.find((o) => o.group !== c.group);
      if (outer !== undefined) {
        const unit = tree.units[c.start];
        issues.push({
          path: c.path,
          code: 'not_exclusive',
          message: `'${unit?.id}' is in group '${c.group}' and, through '${tree.units[outer.start]?.id}', in group '${outer.group}'`,
          rule: 'groupSet.exclusive',
        });
      }
      open.push(c);
    }
  }
  return issues;
}

/**
 * The groups of a set that a unit belongs to, directly or through an ancestor (at most one in an
 * exclusive set).
 *
 * @param tree - The organization tree.
 * @param set - The group set.
 * @param unitId - The unit.
 * @returns The groups it belongs to, in the set's order; none for a unit not in the tree.
 * @example
 * const warZones = GroupSet.parse({ id: 'wz', name: '战区', exclusive: true, groups: [
 *   { id: 'wz-1', name: '第一战区', units: ['jl'] }, { id: 'wz-2', name: '第二战区', units: ['pa'] },
 * ] });
 * groupsOf(tree, warZones, 'wjg' as OrgId).map((g) => g.name); // => ['第二战区'] (through 普安镇)
 * @category Organization
 */
export function groupsOf(tree: OrgTree, set: GroupSet, unitId: OrgId): readonly OrgGroup[] {
  requireTree(tree);
  parseOrThrow(GroupSet, set, 'invalid_input', 'group set');
  return unitGroups(tree, set, unitId);
}

/** @internal {@link groupsOf} for a tree and a set already checked. */
export function unitGroups(tree: OrgTree, set: GroupSet, unitId: OrgId): readonly OrgGroup[] {
  const i = tree.indexOf.get(unitId);
  if (i === undefined) return [];
  return set.groups.filter((g) =>
    g.units.some((u) => {
      const s = tree.indexOf.get(u);
      return s !== undefined && i >= s && i < (tree.subtreeEnd[s] as number);
    }),
  );
}
