/**
 * The organization tree: building it (against d3-hierarchy's `stratify`) and asking whether a unit
 * lies within a scope (against a parent walk), on the full county and on larger synthetic trees.
 */
import { stratify } from 'd3-hierarchy';
import { createOrgTree, isWithin, scopeTest, type OrgId, type OrgTree, type OrgUnit } from '../src/index.js';
import { countyUnits, deepTree, seeded, wideTree } from './fixtures.js';
import { compare, consume, defineBenchmarks, fmt, type BenchResult, type Timing } from './harness.js';

// ---------------------------------------------------------------------------------------------
// tree build

const d3Stratify = stratify<OrgUnit>()
  .id((d) => d.id)
  .parentId((d) => d.parentId);

function buildRow(name: string, units: readonly OrgUnit[], opts: { samples: number; warmupMs: number; minSampleMs: number }): BenchResult {
  const rows = units as OrgUnit[]; // stratify's signature wants a mutable array; it does not mutate it
  // Same input, same answer: the same number of nodes and the same height.
  const tree = createOrgTree(units);
  const root = d3Stratify(rows);
  const d3Count = root.descendants().length;
  const ourHeight = tree.depthOf.reduce((a, b) => Math.max(a, b), 0);
  if (d3Count !== tree.units.length || root.height !== ourHeight)
    throw new Error(`${name}: trees differ (d3 ${d3Count} nodes, height ${root.height}; ours ${tree.units.length} units, height ${ourHeight})`);

  const [ours, d3] = compare(
    [
      { label: 'createOrgTree', fn: () => createOrgTree(units).units.length },
      { label: 'd3 stratify', fn: () => d3Stratify(rows).height },
    ],
    opts,
  );
  if (ours === undefined || d3 === undefined) throw new Error('unreachable');
  return {
    name,
    value: ours.median,
    unit: 'ms/build',
    baseline: d3.median,
    baselineName: 'd3 stratify',
    ratio: ours.median / d3.median,
    ratioOf: 'ours/d3',
    target: { of: 'ratio', op: '<=', limit: 1 },
    note: `${units.length.toLocaleString('en-US')} units, height ${ourHeight}; median of ${ours.samples} samples (${ours.batch} and ${d3.batch} builds each); IQR ours ${fmt(ours.q1)}–${fmt(ours.q3)} ms, d3 ${fmt(d3.q1)}–${fmt(d3.q3)} ms`,
  };
}

/** Plain copies of rows, as an app would load them from JSON: every check runs on them. */
function freshCopies(units: readonly OrgUnit[]): readonly OrgUnit[] {
  return JSON.parse(JSON.stringify(units)) as OrgUnit[];
}

// ---------------------------------------------------------------------------------------------
// isWithin

/** The baseline: follow `parentId` through a map from the unit up to the root, comparing ids. */
function walkWithin(byId: ReadonlyMap<string, OrgUnit>, id: string, scopeId: string): boolean {
  let cur: string | null = id;
  while (cur !== null) {
    if (cur === scopeId) return true;
    const u = byId.get(cur);
    if (u === undefined) throw new Error(`unknown unit '${cur}'`);
    cur = u.parentId;
  }
  return false;
}

function oursPass(tree: OrgTree, ids: readonly OrgId[], scopes: readonly OrgId[]): number {
  let n = 0;
  for (let k = 0; k < ids.length; k++) if (isWithin(tree, ids[k] as OrgId, scopes[k] as OrgId)) n++;
  return n;
}

function walkPass(byId: ReadonlyMap<string, OrgUnit>, ids: readonly OrgId[], scopes: readonly OrgId[]): number {
  let n = 0;
  for (let k = 0; k < ids.length; k++) if (walkWithin(byId, ids[k] as string, scopes[k] as string)) n++;
  return n;
}

interface Group {
  readonly scope: OrgId;
  readonly ids: readonly OrgId[];
}

function scopeTestPass(tree: OrgTree, groups: readonly Group[]): number {
  let n = 0;
  for (const g of groups) {
    const inScope = scopeTest(tree, g.scope);
    const ids = g.ids;
    for (let k = 0; k < ids.length; k++) if (inScope(ids[k] as OrgId)) n++;
  }
  return n;
}

function walkGroupedPass(byId: ReadonlyMap<string, OrgUnit>, groups: readonly Group[]): number {
  let n = 0;
  for (const g of groups) {
    const scope = g.scope as string;
    const ids = g.ids;
    for (let k = 0; k < ids.length; k++) if (walkWithin(byId, ids[k] as string, scope)) n++;
  }
  return n;
}

/**
 * `count` (unit, scope) pairs: the unit uniformly at random; the scope half the time one of its own
 * ancestors-or-self (uniformly along its path, so the answer is true), otherwise any unit (almost
 * always false, which makes the walk go all the way to the root).
 */
function makePairs(units: readonly OrgUnit[], byId: ReadonlyMap<string, OrgUnit>, count: number, seed: number): { ids: OrgId[]; scopes: OrgId[] } {
  const rnd = seeded(seed);
  const ids: OrgId[] = new Array<OrgId>(count);
  const scopes: OrgId[] = new Array<OrgId>(count);
  const pathOf = new Map<string, OrgId[]>();
  for (let k = 0; k < count; k++) {
    const u = units[Math.floor(rnd() * units.length)] as OrgUnit;
    ids[k] = u.id;
    if (rnd() < 0.5) {
      let p = pathOf.get(u.id);
      if (p === undefined) {
        p = [];
        for (let cur: OrgUnit | undefined = u; cur !== undefined; cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) p.push(cur.id);
        pathOf.set(u.id, p);
      }
      scopes[k] = p[Math.floor(rnd() * p.length)] as OrgId;
    } else {
      scopes[k] = (units[Math.floor(rnd() * units.length)] as OrgUnit).id;
    }
  }
  return { ids, scopes };
}

function groupByScope(ids: readonly OrgId[], scopes: readonly OrgId[]): Group[] {
  const by = new Map<OrgId, OrgId[]>();
  for (let k = 0; k < ids.length; k++) {
    const s = scopes[k] as OrgId;
    let list = by.get(s);
    if (list === undefined) by.set(s, (list = []));
    list.push(ids[k] as OrgId);
  }
  return [...by].map(([scope, list]) => ({ scope, ids: list }));
}

const CHECKS = 1_000_000;

function withinRows(label: string, units: readonly OrgUnit[], opts: { samples: number; warmupMs: number; minWarmupCalls: number }): BenchResult[] {
  const tree = createOrgTree(units);
  const byId = new Map<string, OrgUnit>(units.map((u) => [u.id, u]));
  const { ids, scopes } = makePairs(units, byId, CHECKS, 7);
  const groups = groupByScope(ids, scopes);
  const height = tree.depthOf.reduce((a, b) => Math.max(a, b), 0);
  const meanDepth = tree.depthOf.reduce((a, b) => a + b, 0) / tree.depthOf.length;

  // Same pairs, same answers: the counts of `true` must agree (and are kept as a checksum).
  const expected = walkPass(byId, ids, scopes);
  const got = oursPass(tree, ids, scopes);
  const gotGrouped = scopeTestPass(tree, groups);
  const expectedGrouped = walkGroupedPass(byId, groups);
  if (got !== expected || gotGrouped !== expected || expectedGrouped !== expected)
    throw new Error(`${label}: answers differ (walk ${expected}, isWithin ${got}, scopeTest ${gotGrouped}, grouped walk ${expectedGrouped})`);
  consume(expected);

  const opt = { ...opts, minSampleMs: 0 };
  const [ours, walk] = compare(
    [
      { label: 'isWithin', fn: () => oursPass(tree, ids, scopes) },
      { label: 'parent walk', fn: () => walkPass(byId, ids, scopes) },
    ],
    opt,
  );
  const [oursG, walkG] = compare(
    [
      { label: 'scopeTest', fn: () => scopeTestPass(tree, groups) },
      { label: 'parent walk (grouped)', fn: () => walkGroupedPass(byId, groups) },
    ],
    opt,
  );
  if (ours === undefined || walk === undefined || oursG === undefined || walkG === undefined) throw new Error('unreachable');
  for (const t of [ours, walk, oursG, walkG])
    if (t.last !== expected) throw new Error(`${label}: ${t.label} answered ${t.last} true, expected ${expected}`);

  const ns = (ms: number): number => (ms * 1e6) / CHECKS;
  const iqr = (t: Timing): string => `${fmt(ns(t.q1))}–${fmt(ns(t.q3))}`;
  const shape = `${units.length.toLocaleString('en-US')} units, height ${height}, mean depth ${meanDepth.toFixed(1)}; ${expected.toLocaleString('en-US')} of ${CHECKS.toLocaleString('en-US')} pairs true (agreed)`;
  return [
    {
      name: `isWithin ×1M: ${label}`,
      value: ns(ours.median),
      unit: 'ns/check',
      baseline: ns(walk.median),
      baselineName: 'parent walk',
      ratio: walk.median / ours.median,
      ratioOf: 'walk/ours',
      target: { of: 'ratio', op: '>=', limit: 10 },
      note: `${shape}; median of ${ours.samples} passes, IQR ours ${iqr(ours)}, walk ${iqr(walk)} ns`,
    },
    {
      name: `scopeTest ×1M: ${label}`,
      value: ns(oursG.median),
      unit: 'ns/check',
      baseline: ns(walkG.median),
      baselineName: 'parent walk',
      ratio: walkG.median / oursG.median,
      ratioOf: 'walk/ours',
      target: { of: 'ratio', op: '>=', limit: 10 },
      note: `the same pairs grouped by scope (${groups.length.toLocaleString('en-US')} scopes, one scopeTest each); median of ${oursG.samples} passes, IQR ours ${iqr(oursG)}, walk ${iqr(walkG)} ns`,
    },
  ];
}

export const benchmarks = defineBenchmarks([
  {
    name: 'tree build vs d3 stratify',
    description:
      'createOrgTree against d3-hierarchy stratify on the same rows: the county\'s own rows (checked and frozen by the library, so only the index is built), and fresh copies of them (schema and every tree rule checked)',
    run: () => [
      buildRow('tree build: county', countyUnits(), { samples: 25, warmupMs: 500, minSampleMs: 20 }),
      buildRow('tree build: county, fresh rows', freshCopies(countyUnits()), { samples: 25, warmupMs: 500, minSampleMs: 20 }),
      buildRow('tree build: wide 100k, fresh rows', wideTree(99_000), { samples: 15, warmupMs: 0, minSampleMs: 0 }),
    ],
  },
  {
    name: 'isWithin vs parent walk',
    description: '1M isWithin / scopeTest checks against a parent walk over a Map, on the county and on a deep tree',
    run: () => [
      ...withinRows('county', countyUnits(), { samples: 9, warmupMs: 300, minWarmupCalls: 2 }),
      // a parent walk costs ~3 s per 1M checks here: fewer passes
      ...withinRows('deep 100k (depth 50)', deepTree(2_000, 50), { samples: 3, warmupMs: 0, minWarmupCalls: 1 }),
    ],
  },
]);
