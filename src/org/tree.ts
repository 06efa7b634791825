import { z } from 'zod';
import { FrontlineError, issuesFromZod, toResult, type Issue, type Result } from '../core/errors.js';
import { describeValue } from '../core/guards.js';
import type { OrgId } from '../core/ids.js';
import { label } from '../core/vocabulary.js';
import { isTownshipLevel, OrgUnit, PARENT_KINDS } from './unit.js';
import { renderSummary, thousands, withSummary, type InspectOptions } from '../internal/inspect.js';

/**
 * The organization tree: the units in preorder with an index that answers every structural question
 * in constant time. Built by {@link createOrgTree}; never mutated. It is an index over plain data:
 * persist `tree.units` (JSON), rebuild the tree with {@link createOrgTree}.
 *
 * @example
 * const tree = createOrgTree(county.units);
 * tree.units.length; // => county.units.length
 * isWithin(tree, 'yc.v119212' as OrgId, 'yc.t119' as OrgId); // => true (吴家沟村 lies in 普安镇)
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

/**
 * Units that passed the schema and were frozen by this library (by {@link createOrgTree} or an edit):
 * they cannot have changed since, so they are not checked against the schema again.
 */
const checkedUnits = new WeakSet<object>();
/**
 * The frozen `units` of trees already built: their rows and structure were checked then and cannot
 * have changed, so a tree is rebuilt from them without checking them again.
 */
const checkedLists = new WeakSet<readonly OrgUnit[]>();

/** @internal Marks units built by the library from checked parts as checked (and freezes them). */
export function markChecked(units: readonly OrgUnit[]): void {
  for (const u of units) {
    freezeUnit(u);
    checkedUnits.add(u);
  }
  if (Object.isFrozen(units)) checkedLists.add(units);
}

/** Freezes a unit with its Party organization and joint units: a checked row must stay as checked. */
function freezeUnit(u: OrgUnit): OrgUnit {
  const party = u.party;
  if (party !== undefined && !Object.isFrozen(party)) {
    if (party.jointUnits !== undefined) Object.freeze(party.jointUnits);
    Object.freeze(party);
  }
  return Object.freeze(u);
}

/** Allowed parent kinds as bit masks, for a cheap test per row. */
const KIND_BIT: Readonly<Record<string, number>> = Object.fromEntries(Object.keys(PARENT_KINDS).map((k, i) => [k, 1 << i]));
const PARENT_MASK: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(PARENT_KINDS).map(([k, parents]) => [k, parents.reduce((m, p) => m | (KIND_BIT[p] as number), 0)]),
);

/**
 * @internal One pass over units of the right shape: every structural problem, and, when there is
 * none, the indexed tree built from the same intermediate arrays.
 */
export function analyzeUnits(units: readonly OrgUnit[]): { issues: Issue[]; tree: OrgTree | undefined } {
  const n = units.length;
  const issues: Issue[] = [];
  const at = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = (units[i] as OrgUnit).id;
    // a duplicate keeps the first position, named in the message (looked up, not searched for: a
    // list of many copies of a late id would be read from the start for each)
    const first = at.get(id);
    if (first === undefined) at.set(id, i);
    else issues.push({ path: [i, 'id'], code: 'duplicate_id', message: `duplicate id '${id}' (first at [${first}])` });
  }
  const parentInput = new Int32Array(n);
  const childStart = new Int32Array(n + 1);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = units[i] as OrgUnit;
    const pid = u.parentId;
    if (u.opened !== undefined && u.closed !== undefined && u.closed < u.opened)
      issues.push({ path: [i, 'closed'], code: 'closed_before_opened', message: `'${u.id}' closes on ${u.closed}, before it opens on ${u.opened}` });
    if (u.taskBodyId !== undefined && !at.has(u.taskBodyId))
      issues.push({ path: [i, 'taskBodyId'], code: 'unknown_unit', message: `unknown task body '${u.taskBodyId}' of '${u.id}'` });
    for (const field of ['approvedBy', 'admissionApprovedBy'] as const) {
      const by = u.party?.[field];
      if (by !== undefined && !at.has(by)) issues.push({ path: [i, 'party', field], code: 'unknown_unit', message: `unknown approving unit '${by}' of '${u.id}'` });
    }
    const joint = u.party?.jointUnits;
    if (joint !== undefined)
      for (let j = 0; j < joint.length; j++)
        if (!at.has(joint[j] as string))
          issues.push({ path: [i, 'party', 'jointUnits', j], code: 'unknown_unit', message: `unknown joint unit '${joint[j]}' of '${u.id}'` });
    const badCode = typeof u.divisionCode !== 'string' ? undefined : ownCodeProblem(u.divisionCode, u.kind);
    if (badCode !== undefined) issues.push({ path: [i, 'divisionCode'], code: 'division_code', message: `'${u.id}': ${badCode}`, rule: 'org.divisionCode' });
    if (pid === null) {
      roots.push(i);
      parentInput[i] = -1;
      continue;
    }
    parentInput[i] = -2;
    if (pid === u.id) {
      issues.push({ path: [i, 'parentId'], code: 'cycle', message: `'${u.id}' is its own parent`, rule: 'org.acyclic' });
      continue;
    }
    const p = at.get(pid);
    if (p === undefined) {
      issues.push({ path: [i, 'parentId'], code: 'unknown_parent', message: `unknown parent '${pid}' of '${u.id}'`, rule: 'org.unknownParent' });
      continue;
    }
    parentInput[i] = p;
    childStart[p + 1] = (childStart[p + 1] as number) + 1;
    const parent = units[p] as OrgUnit;
    if (((PARENT_MASK[u.kind] as number) & (KIND_BIT[parent.kind] as number)) === 0) {
      const allowed = PARENT_KINDS[u.kind];
      issues.push({
        path: [i, 'parentId'],
        code: 'parent_kind',
        message: `a ${label(u.kind, 'en', 'unitKind')} cannot belong to a ${label(parent.kind, 'en', 'unitKind')} ('${u.id}' under '${parent.id}'); allowed: ${allowed.length === 0 ? 'none (it is a root)' : allowed.join(', ')}`,
        rule: 'org.parentKind',
      });
    }
    if (parent.closed !== undefined && (u.closed === undefined || u.closed > parent.closed))
      issues.push({
        path: [i, 'closed'],
        code: 'closed_parent',
        message: `'${u.id}' is ${u.closed === undefined ? 'open' : `open until ${u.closed}`} but its parent '${parent.id}' closed on ${parent.closed}`,
        rule: 'org.openParent',
      });
    // codes of another type are reported by the shape check: only strings are compared here
    if (typeof u.divisionCode === 'string' && typeof parent.divisionCode === 'string' && ownCodeProblem(u.divisionCode, u.kind) === undefined) {
      const problem = divisionCodeProblem(u.divisionCode, parent.divisionCode, u.kind);
      if (problem !== undefined) issues.push({ path: [i, 'divisionCode'], code: 'division_code', message: `'${u.id}': ${problem}`, rule: 'org.divisionCode' });
    }
  }
  if (roots.length === 0)
    issues.push({ path: [], code: 'no_root', message: n === 0 ? 'no units: a tree needs a root' : 'no root: every unit has a parent', rule: 'org.singleRoot' });
  const root = roots.length === 1 ? (units[roots[0] as number] as OrgUnit) : undefined;
  if (root !== undefined && root.kind !== 'county')
    issues.push({
      path: [roots[0] as number, 'kind'],
      code: 'root_kind',
      message: `the root '${root.id}' is a ${label(root.kind, 'en', 'unitKind')}: the tree's root is the county`,
      rule: 'org.singleRoot',
    });
  if (roots.length > 1)
    issues.push({
      path: [roots[1] as number, 'parentId'],
      code: 'several_roots',
      message: `several roots: ${roots.map((r) => `'${(units[r] as OrgUnit).id}'`).join(', ')}`,
      rule: 'org.singleRoot',
    });
  // children in input order (counting sort by parent), then preorder from the root
  for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i + 1] as number) + (childStart[i] as number);
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentInput[i] as number;
    if (p >= 0) {
      childList[fill[p] as number] = i;
      fill[p] = (fill[p] as number) + 1;
    }
  }
  const order = new Array<OrgUnit>(n);
  const preOf = new Int32Array(n).fill(-1);
  const parentIndex = new Int32Array(n);
  const depthOf = new Int32Array(n);
  let visited = 0;
  if (roots.length >= 1) {
    const stack = new Int32Array(n);
    let top = 0;
    stack[top++] = roots[0] as number;
    while (top > 0) {
      const i = stack[--top] as number;
      const pre = visited++;
      preOf[i] = pre;
      order[pre] = units[i] as OrgUnit;
      const p = parentInput[i] as number;
      if (p < 0) {
        parentIndex[pre] = -1;
        depthOf[pre] = 0;
      } else {
        const pp = preOf[p] as number;
        parentIndex[pre] = pp;
        depthOf[pre] = (depthOf[pp] as number) + 1;
      }
      for (let c = (childStart[i + 1] as number) - 1; c >= (childStart[i] as number); c--) stack[top++] = childList[c] as number;
    }
  }
  if (visited < n) reportCycles(units, parentInput, issues);
  if (issues.length > 0) return { issues, tree: undefined };
  const subtreeEnd = new Int32Array(n);
  for (let pre = n - 1; pre >= 0; pre--) {
    if ((subtreeEnd[pre] as number) === 0) subtreeEnd[pre] = pre + 1;
    const p = parentIndex[pre] as number;
    if (p >= 0 && (subtreeEnd[p] as number) < (subtreeEnd[pre] as number)) subtreeEnd[p] = subtreeEnd[pre] as number;
  }
  // the id map becomes the index: same keys, preorder positions (nothing to do for input in preorder)
  let inPreorder = true;
  for (let i = 0; i < n && inPreorder; i++) inPreorder = preOf[i] === i;
  if (!inPreorder) for (let pre = 0; pre < n; pre++) at.set((order[pre] as OrgUnit).id, pre);
  const tree: OrgTree = Object.freeze({
    units: Object.freeze(order),
    root: (units[roots[0] as number] as OrgUnit).id,
    indexOf: at,
    parentIndex,
    subtreeEnd,
    depthOf,
  });
  return { issues, tree };
}

/** Indexes the units of a tree already built: valid, and in preorder. */
function indexPreorder(units: readonly OrgUnit[]): OrgTree {
  const n = units.length;
  const indexOf = new Map<string, number>();
  const parentIndex = new Int32Array(n);
  const depthOf = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  parentIndex[0] = -1;
  indexOf.set((units[0] as OrgUnit).id, 0);
  for (let i = 1; i < n; i++) {
    const u = units[i] as OrgUnit;
    indexOf.set(u.id, i);
    const p = indexOf.get(u.parentId as string) as number;
    parentIndex[i] = p;
    depthOf[i] = (depthOf[p] as number) + 1;
  }
  for (let i = n - 1; i >= 0; i--) {
    if ((subtreeEnd[i] as number) === 0) subtreeEnd[i] = i + 1;
    const p = parentIndex[i] as number;
    if (p >= 0 && (subtreeEnd[p] as number) < (subtreeEnd[i] as number)) subtreeEnd[p] = subtreeEnd[i] as number;
  }
  return Object.freeze(withSummary({ units, root: (units[0] as OrgUnit).id, indexOf, parentIndex, subtreeEnd, depthOf }, showTree));
}

/** Reports each cycle once, at its first unit in input order (colour walk over parent links). */
function reportCycles(units: readonly OrgUnit[], parentInput: Int32Array, issues: Issue[]): void {
  const state = new Uint8Array(units.length); // 0 new, 1 on the current walk, 2 done
  for (let start = 0; start < units.length; start++) {
    if (state[start] !== 0) continue;
    const walk: number[] = [];
    let cur = start;
    while (cur >= 0 && state[cur] === 0) {
      state[cur] = 1;
      walk.push(cur);
      cur = parentInput[cur] as number;
    }
    if (cur >= 0 && state[cur] === 1) {
      const cycle = walk.slice(walk.indexOf(cur));
      let first = cycle[0] as number;
      for (const c of cycle) if (c < first) first = c;
      const shown = cycle.length <= 12 ? cycle : [...cycle.slice(0, 10), -1, cycle.at(-1) as number];
      issues.push({
        path: [first, 'parentId'],
        code: 'cycle',
        message: `cycle${cycle.length > 12 ? ` of ${cycle.length} units` : ''}: ${shown.map((c) => (c < 0 ? '…' : `'${(units[c] as OrgUnit).id}'`)).join(' → ')} → '${(units[cur] as OrgUnit).id}'`,
        rule: 'org.acyclic',
      });
    }
    for (const w of walk) state[w] = 2;
  }
}

/** @internal Structural problems of a list of units that already has the right shape. */
export function structuralIssues(units: readonly OrgUnit[]): Issue[] {
  return analyzeUnits(units).issues;
}

/** True when `a` starts with the first `n` characters of `b` (`a.startsWith(b.slice(0, n))`, without the copy). */
function samePrefix(a: string, b: string, n: number): boolean {
  const m = Math.min(n, b.length);
  if (a.length < m) return false;
  for (let k = 0; k < m; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/** What is wrong with a unit's own division code, whatever its parent. */
function ownCodeProblem(code: string, kind: OrgUnit['kind']): string | undefined {
  if (kind === 'county' && code.length !== 6) return `a county has a 6-digit code, got '${code}'`;
  if (isTownshipLevel(kind)) {
    if (code.length !== 12) return `a ${kind} has a 12-digit statistical code, got '${code}'`;
    if (!code.endsWith('000')) return `a ${kind}'s code ends in 000, got '${code}'`;
    if (code.slice(6, 9) === '000') return `a ${kind}'s code has its own three digits after the county's, got '${code}'`;
  }
  if (kind === 'village' || kind === 'community') {
    if (code.length !== 12) return `a ${kind} has a 12-digit statistical code, got '${code}'`;
    if (code.endsWith('000')) return `a ${kind}'s code has its own last three digits (not 000), got '${code}'`;
  }
  return undefined;
}

/** What is wrong with a unit's division code under its parent's. */
function divisionCodeProblem(code: string, parentCode: string, kind: OrgUnit['kind']): string | undefined {
  if (isTownshipLevel(kind) && !samePrefix(code, parentCode, 6))
    return `code '${code}' does not start with the county's '${parentCode.slice(0, 6)}'`;
  if ((kind === 'village' || kind === 'community') && !samePrefix(code, parentCode, 9))
    return `code '${code}' does not start with its township's '${parentCode.slice(0, 9)}'`;
  return undefined;
}

/**
 * Checks a list of units and returns **every** problem at once, each with its path and the rule it
 * breaks: wrong shapes, duplicate ids, unknown parents, cycles, several roots, a unit under a parent
 * of a kind it cannot belong to, open units under closed parents, division codes that do not fit.
 * An empty list means {@link createOrgTree} will succeed.
 *
 * @param units - The unit rows, as received.
 * @returns Every problem found; empty when the units make a valid tree.
 * @example
 * checkOrgTree([
 *   { id: 'yc', name: '岳池县', kind: 'county', parentId: null },
 *   { id: 'v1', name: '吴家沟村', kind: 'village', parentId: 'yc' },
 * ]).map((i) => i.code); // => ['parent_kind']
 * @category Organization
 */
export function checkOrgTree(units: unknown): readonly Issue[] {
  if (checkedLists.has(units as readonly OrgUnit[])) return [];
  const parsed = parseUnits(units);
  return parsed.issues.length > 0 ? parsed.issues : analyzeUnits(parsed.units).issues;
}

/**
 * Checks rows against the {@link OrgUnit} schema, except rows this library checked and froze
 * before; returns the checked, frozen rows (new objects: the input is never changed).
 */
function parseUnits(units: unknown): { units: readonly OrgUnit[]; issues: Issue[] } {
  if (!Array.isArray(units)) {
    const r = UnitList.safeParse(units);
    return { units: [], issues: r.success ? [] : issuesFromZod(r.error) };
  }
  const out = new Array<OrgUnit>(units.length);
  const issues: Issue[] = [];
  for (let i = 0; i < units.length; i++) {
    const row: unknown = units[i];
    if (typeof row === 'object' && row !== null && checkedUnits.has(row)) {
      out[i] = row as OrgUnit;
      continue;
    }
    const r = OrgUnit.safeParse(row);
    if (r.success) {
      out[i] = freezeUnit(r.data);
      checkedUnits.add(r.data);
    } else issues.push(...issuesFromZod(r.error, [i]));
  }
  return { units: out, issues };
}

/**
 * Builds the {@link OrgTree} from a list of units, after checking them all with
 * {@link checkOrgTree}. Throws a {@link FrontlineError} (`invalid_tree`) listing every problem; the
 * input is never mutated.
 *
 * @param units - The unit rows, as received.
 * @returns The indexed tree.
 * @throws {@link FrontlineError} `invalid_tree` listing every problem of {@link checkOrgTree}.
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
  if (checkedLists.has(units as readonly OrgUnit[])) return indexPreorder(units as readonly OrgUnit[]);
  const parsed = parseUnits(units);
  if (parsed.issues.length > 0) throw new FrontlineError('invalid_tree', 'invalid organization units', parsed.issues);
  const { issues, tree } = analyzeUnits(parsed.units);
  if (tree === undefined) throw new FrontlineError('invalid_tree', 'invalid organization tree', issues);
  checkedLists.add(tree.units);
  return tree;
}

/**
 * {@link createOrgTree} without throwing: the tree, or the error listing every problem.
 *
 * @param units - The unit rows, as received.
 * @returns The tree, or the error listing every problem.
 * @example
 * tryCreateOrgTree([]).ok; // => false (no root)
 * @category Organization
 */
export function tryCreateOrgTree(units: unknown): Result<OrgTree> {
  return toResult(() => createOrgTree(units));
}

/** Trees already found to be trees (they are frozen: their parts cannot be replaced since). */
const checkedTrees = new WeakSet<object>();

/**
 * @internal Checks that a value is an {@link OrgTree} as {@link createOrgTree} builds it: its units
 * (each with its id and name, at its index), index and preorder arrays in place and of one length
 * (a frozen tree is checked once). Throws `invalid_tree` naming `path` otherwise.
 */
export function requireTree(value: unknown, path: PropertyKey = 'tree'): OrgTree {
  if (typeof value === 'object' && value !== null && checkedTrees.has(value)) return value as OrgTree;
  const t = value as Partial<Record<keyof OrgTree, unknown>> | null;
  const n = typeof t === 'object' && t !== null && Array.isArray(t.units) ? t.units.length : -1;
  const ok =
    n >= 0 &&
    t !== null &&
    t.indexOf instanceof Map &&
    t.indexOf.size === n &&
    typeof t.root === 'string' &&
    [t.parentIndex, t.subtreeEnd, t.depthOf].every((a) => a instanceof Int32Array && a.length === n) &&
    unitsInPlace(t.units as readonly unknown[], t.indexOf as ReadonlyMap<string, number>);
  if (!ok)
    throw new FrontlineError('invalid_tree', 'not an organization tree', [
      { path: [path], code: 'invalid_type', message: `expected an organization tree (from createOrgTree), got ${describeValue(value)}` },
    ]);
  if (Object.isFrozen(value)) checkedTrees.add(value as object);
  return value as OrgTree;
}

/** Whether every unit of a tree is an object with its id and name, at the index its id maps to (holes are not). */
function unitsInPlace(units: readonly unknown[], indexOf: ReadonlyMap<string, number>): boolean {
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Partial<OrgUnit> | null | undefined;
    if (typeof u !== 'object' || u === null || typeof u.id !== 'string' || typeof u.name !== 'string' || indexOf.get(u.id) !== i) return false;
  }
  return true;
}

/** @internal Indexes units known to have the right shape; throws `invalid_tree` listing every problem. */
export function indexTree(units: readonly OrgUnit[]): OrgTree {
  const { issues, tree } = analyzeUnits(units);
  if (tree === undefined) throw new FrontlineError('invalid_tree', 'invalid organization tree', issues);
  return tree;
}

/** A tree's summary where Node prints it: its root and units by kind, not every index. */
function showTree(tree: OrgTree, depth: number, options: InspectOptions): string {
  const root = tree.units[0] as OrgUnit;
  if (depth < 0) return `[OrgTree: ${root.name}, ${thousands(tree.units.length)} units]`;
  const kinds = new Map<string, number>();
  for (const u of tree.units) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
  return renderSummary(`OrgTree ${root.name}`, [['units', thousands(tree.units.length)], ...[...kinds].map(([k, n]): [string, string] => [k, thousands(n)])], options);
}
