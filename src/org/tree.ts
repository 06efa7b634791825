import { z } from 'zod';
import { FrontlineError, issuesFromZod, toResult, type Issue, type Result } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import { label } from '../core/vocabulary.js';
import { OrgUnit, PARENT_KINDS } from './unit.js';

/**
 * The organization tree: the units in preorder with an index that answers every structural question
 * in constant time. Built by {@link createOrgTree}; never mutated. It is an index over plain data:
 * persist `tree.units` (JSON), rebuild the tree with {@link createOrgTree}.
 *
 * @example
 * const tree = createOrgTree(generateCounty({ scale: 0.05 }).units);
 * tree.units.length; // => the number of units
 * isWithin(tree, 'yc.t03.v201' as OrgId, 'yc.t03' as OrgId); // => true (吴家沟村 lies in 普安镇)
 * @category Organization
 */
export interface OrgTree {
  /** Every unit, in preorder (a parent before its children, siblings in input order). */
  readonly units: readonly OrgUnit[];
  /** The id of the root unit. */
  readonly root: OrgId;
  /** Position of each unit in {@link OrgTree.units}. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Position of each unit's parent in preorder; −1 for the root. */
  readonly parentIndex: Int32Array;
  /** One past the position of the last descendant: the subtree of `i` is `[i, subtreeEnd[i])`. */
  readonly subtreeEnd: Int32Array;
  /** Depth of each unit (the root has depth 0). */
  readonly depthOf: Int32Array;
}

const UnitList = z.array(OrgUnit);

/** @internal Structural problems of a list of units that already has the right shape. */
export function structuralIssues(units: readonly OrgUnit[]): Issue[] {
  const issues: Issue[] = [];
  const at = new Map<string, number>();
  units.forEach((u, i) => {
    const first = at.get(u.id);
    if (first === undefined) at.set(u.id, i);
    else
      issues.push({
        path: [i, 'id'],
        code: 'duplicate_id',
        message: `duplicate id '${u.id}' (first at [${first}])`,
      });
  });
  const roots: number[] = [];
  units.forEach((u, i) => {
    if (u.parentId === null) {
      roots.push(i);
      return;
    }
    if (u.parentId === u.id) {
      issues.push({ path: [i, 'parentId'], code: 'cycle', message: `'${u.id}' is its own parent`, rule: 'org.acyclic' });
      return;
    }
    const p = at.get(u.parentId);
    if (p === undefined) {
      issues.push({
        path: [i, 'parentId'],
        code: 'unknown_parent',
        message: `unknown parent '${u.parentId}' of '${u.id}'`,
        rule: 'org.unknownParent',
      });
      return;
    }
    const parent = units[p] as OrgUnit;
    const allowed = PARENT_KINDS[u.kind];
    if (!allowed.includes(parent.kind)) {
      issues.push({
        path: [i, 'parentId'],
        code: 'parent_kind',
        message: `a ${label(u.kind, 'en', 'unitKind')} cannot belong to a ${label(parent.kind, 'en', 'unitKind')} ('${u.id}' under '${parent.id}'); allowed: ${allowed.length === 0 ? 'none (it is a root)' : allowed.join(', ')}`,
        rule: 'org.parentKind',
      });
    }
    if (parent.closed !== undefined && (u.closed === undefined || u.closed > parent.closed)) {
      issues.push({
        path: [i, 'closed'],
        code: 'closed_parent',
        message: `'${u.id}' is ${u.closed === undefined ? 'open' : `open until ${u.closed}`} but its parent '${parent.id}' closed on ${parent.closed}`,
        rule: 'org.openParent',
      });
    }
    if (u.opened !== undefined && parent.opened !== undefined && u.opened < parent.opened) {
      issues.push({
        path: [i, 'opened'],
        code: 'opened_before_parent',
        message: `'${u.id}' opened on ${u.opened}, before its parent '${parent.id}' (${parent.opened})`,
        rule: 'org.openParent',
      });
    }
    if (u.divisionCode !== undefined && parent.divisionCode !== undefined) {
      const problem = divisionCodeProblem(u.divisionCode, parent.divisionCode, u.kind);
      if (problem !== undefined)
        issues.push({ path: [i, 'divisionCode'], code: 'division_code', message: `'${u.id}': ${problem}`, rule: 'org.divisionCode' });
    }
  });
  units.forEach((u, i) => {
    if (u.opened !== undefined && u.closed !== undefined && u.closed < u.opened)
      issues.push({ path: [i, 'closed'], code: 'closed_before_opened', message: `'${u.id}' closes on ${u.closed}, before it opens on ${u.opened}` });
    if (u.taskBodyId !== undefined && !at.has(u.taskBodyId))
      issues.push({ path: [i, 'taskBodyId'], code: 'unknown_unit', message: `unknown task body '${u.taskBodyId}' of '${u.id}'` });
    for (const [j, other] of (u.party?.jointUnits ?? []).entries())
      if (!at.has(other))
        issues.push({ path: [i, 'party', 'jointUnits', j], code: 'unknown_unit', message: `unknown joint unit '${other}' of '${u.id}'` });
  });
  if (roots.length === 0)
    issues.push({
      path: [],
      code: 'no_root',
      message: units.length === 0 ? 'no units: a tree needs a root' : 'no root: every unit has a parent',
      rule: 'org.singleRoot',
    });
  if (roots.length > 1)
    issues.push({
      path: [roots[1] as number, 'parentId'],
      code: 'several_roots',
      message: `several roots: ${roots.map((r) => `'${(units[r] as OrgUnit).id}'`).join(', ')}`,
      rule: 'org.singleRoot',
    });
  // Cycles: colour walk over parent links; each cycle reported once, at its first unit in input order.
  const state = new Uint8Array(units.length); // 0 new, 1 on the current walk, 2 done
  for (let start = 0; start < units.length; start++) {
    if (state[start] !== 0) continue;
    const walk: number[] = [];
    let cur: number | undefined = start;
    while (cur !== undefined && state[cur] === 0) {
      state[cur] = 1;
      walk.push(cur);
      const pid: string | null = (units[cur] as OrgUnit).parentId;
      cur = pid === null || pid === (units[cur] as OrgUnit).id ? undefined : at.get(pid);
    }
    if (cur !== undefined && state[cur] === 1) {
      const cycle = walk.slice(walk.indexOf(cur));
      const first = Math.min(...cycle);
      issues.push({
        path: [first, 'parentId'],
        code: 'cycle',
        message: `cycle: ${cycle.map((c) => `'${(units[c] as OrgUnit).id}'`).join(' → ')} → '${(units[cur] as OrgUnit).id}'`,
        rule: 'org.acyclic',
      });
    }
    for (const w of walk) state[w] = 2;
  }
  return issues;
}

function divisionCodeProblem(code: string, parentCode: string, kind: OrgUnit['kind']): string | undefined {
  if (kind === 'township' || kind === 'subdistrict') {
    if (code.length !== 12) return `a ${kind} has a 12-digit statistical code, got '${code}'`;
    if (!code.startsWith(parentCode.slice(0, 6))) return `code '${code}' does not start with the county's '${parentCode.slice(0, 6)}'`;
    if (!code.endsWith('000')) return `a ${kind}'s code ends in 000, got '${code}'`;
  }
  if (kind === 'village' || kind === 'community') {
    if (code.length !== 12) return `a ${kind} has a 12-digit statistical code, got '${code}'`;
    if (!code.startsWith(parentCode.slice(0, 9))) return `code '${code}' does not start with its township's '${parentCode.slice(0, 9)}'`;
  }
  return undefined;
}

/**
 * Checks a list of units and returns **every** problem at once, each with its path and the rule it
 * breaks: wrong shapes, duplicate ids, unknown parents, cycles, several roots, a unit under a parent
 * of a kind it cannot belong to, open units under closed parents, division codes that do not fit.
 * An empty list means {@link createOrgTree} will succeed.
 *
 * @example
 * checkOrgTree([
 *   { id: 'yc', name: '岳池县', kind: 'county', parentId: null },
 *   { id: 'v1', name: '吴家沟村', kind: 'village', parentId: 'yc' },
 * ]).map((i) => i.code); // => ['parent_kind']
 * @category Organization
 */
export function checkOrgTree(units: unknown): readonly Issue[] {
  const parsed = UnitList.safeParse(units);
  if (!parsed.success) return issuesFromZod(parsed.error);
  return structuralIssues(parsed.data);
}

/**
 * Builds the {@link OrgTree} from a list of units, after checking them all with
 * {@link checkOrgTree}. Throws a {@link FrontlineError} (`invalid_tree`) listing every problem; the
 * input is never mutated.
 *
 * @example
 * const tree = createOrgTree([
 *   { id: 'yc', name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621' },
 *   { id: 'pa', name: '普安镇', kind: 'township', parentId: 'yc' },
 *   { id: 'wjg', name: '吴家沟村', kind: 'village', parentId: 'pa' },
 * ]);
 * depth(tree, 'wjg' as OrgId); // => 2
 * @category Organization
 */
export function createOrgTree(units: unknown): OrgTree {
  const parsed = UnitList.safeParse(units);
  if (!parsed.success) throw new FrontlineError('invalid_tree', 'invalid organization units', issuesFromZod(parsed.error));
  const issues = structuralIssues(parsed.data);
  if (issues.length > 0) throw new FrontlineError('invalid_tree', 'invalid organization tree', issues);
  return indexTree(parsed.data);
}

/**
 * {@link createOrgTree} without throwing: the tree, or the error listing every problem.
 *
 * @example
 * tryCreateOrgTree([]).ok; // => false (no root)
 * @category Organization
 */
export function tryCreateOrgTree(units: unknown): Result<OrgTree> {
  return toResult(() => createOrgTree(units));
}

/** @internal Indexes units already known to form a valid tree. */
export function indexTree(units: readonly OrgUnit[]): OrgTree {
  const n = units.length;
  if (n === 0) throw new FrontlineError('invalid_tree', 'invalid organization tree', [{ path: [], code: 'no_root', message: 'no units', rule: 'org.singleRoot' }]);
  const input = new Map<string, number>();
  for (let i = 0; i < n; i++) input.set((units[i] as OrgUnit).id, i);
  // children lists in input order, as a compact adjacency (counting sort by parent)
  const childCount = new Int32Array(n + 1);
  let rootInput = -1;
  const parentInput = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const pid = (units[i] as OrgUnit).parentId;
    if (pid === null) {
      rootInput = i;
      parentInput[i] = -1;
    } else {
      const p = input.get(pid) as number;
      parentInput[i] = p;
      childCount[p + 1] = (childCount[p + 1] as number) + 1;
    }
  }
  for (let i = 0; i < n; i++) (childCount[i + 1] as number) += childCount[i] as number;
  const childStart = childCount.slice();
  const childList = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentInput[i] as number;
    if (p >= 0) childList[(childStart[p] as number)++] = i;
  }
  // iterative preorder
  const order: OrgUnit[] = new Array<OrgUnit>(n);
  const preOf = new Int32Array(n);
  const parentIndex = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  const depthOf = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  let next = 0;
  stack[top++] = rootInput;
  while (top > 0) {
    const i = stack[--top] as number;
    const pre = next++;
    preOf[i] = pre;
    order[pre] = units[i] as OrgUnit;
    const p = parentInput[i] as number;
    parentIndex[pre] = p < 0 ? -1 : (preOf[p] as number);
    depthOf[pre] = p < 0 ? 0 : (depthOf[preOf[p] as number] as number) + 1;
    for (let c = (childCount[i + 1] as number) - 1; c >= (childCount[i] as number); c--) stack[top++] = childList[c] as number;
  }
  for (let pre = n - 1; pre >= 0; pre--) {
    if ((subtreeEnd[pre] as number) === 0) subtreeEnd[pre] = pre + 1;
    const p = parentIndex[pre] as number;
    if (p >= 0 && (subtreeEnd[p] as number) < (subtreeEnd[pre] as number)) subtreeEnd[p] = subtreeEnd[pre] as number;
  }
  const indexOf = new Map<string, number>();
  for (let pre = 0; pre < n; pre++) indexOf.set((order[pre] as OrgUnit).id, pre);
  return Object.freeze({
    units: Object.freeze(order),
    root: (units[rootInput] as OrgUnit).id,
    indexOf,
    parentIndex,
    subtreeEnd,
    depthOf,
  });
}
