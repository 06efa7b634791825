/**
 * The general roster model on the standard rostering benchmarks: `solveStaffing` for 60 s on each
 * instance (one run, seed 1), its cost by `benchmarkCost` against the instance's proven optimal
 * cost (INRC-II static n005w4_0_1-2-3-3 and n030w4_1_6-2-9-1; Curtois–Qu Instance1–3), the time to
 * the first roster with no hard violation, and the moves evaluated per second. The instance files
 * are the test fixtures (`test/fixtures/rostering/`, with their source and licence).
 *
 * `STAFFING_SECONDS` changes the time per instance (for a quick look; the goals are for 60 s).
 */
import { benchmarkCost, readCurtoisQu, readInrc2, solveStaffing, type StaffingProblem } from '../src/index.js';
import { curtoisQuText, inrc2Files } from '../test/roster/staffingFixtures.js';
import { defineBenchmarks, fmt, type BenchResult } from './harness.js';

const seconds = Number(process.env['STAFFING_SECONDS'] ?? 60);

interface Instance {
  readonly name: string;
  readonly optimal: number;
  /** The goal for cost / optimal, or `null` for information. */
  readonly goal: number | null;
  readonly problem: () => StaffingProblem;
}

const INSTANCES: readonly Instance[] = [
  { name: 'INRC-II n005w4_0_1-2-3-3', optimal: 1470, goal: 1.05, problem: () => readInrc2(inrc2Files('n005w4', 0, [1, 2, 3, 3])) },
  { name: 'INRC-II n030w4_1_6-2-9-1', optimal: 1670, goal: 1.15, problem: () => readInrc2(inrc2Files('n030w4', 1, [6, 2, 9, 1])) },
  { name: 'Curtois–Qu Instance1', optimal: 607, goal: 1.05, problem: () => readCurtoisQu(curtoisQuText(1)) },
  { name: 'Curtois–Qu Instance2', optimal: 828, goal: 1.05, problem: () => readCurtoisQu(curtoisQuText(2)) },
  { name: 'Curtois–Qu Instance3', optimal: 1001, goal: 1.1, problem: () => readCurtoisQu(curtoisQuText(3)) },
];

function solveOne(inst: Instance): BenchResult[] {
  const problem = inst.problem();
  const r = solveStaffing(problem, { seed: 1, timeLimitMs: seconds * 1000 });
  // the result's cost is benchmarkCost's already; count again from the roster alone, to be sure
  const check = benchmarkCost(problem, r.roster);
  if (!check.feasible || check.total !== r.cost.total) throw new Error(`${inst.name}: the roster is infeasible or its cost disagrees (${check.total} vs ${r.cost.total})`);
  const parts = Object.entries(check.parts)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    {
      name: `staffing ${inst.name}: cost after ${seconds} s`,
      value: check.total,
      unit: 'cost',
      baseline: inst.optimal,
      baselineName: 'optimal',
      ratio: check.total / inst.optimal,
      ratioOf: 'ours/optimal',
      target: inst.goal === null ? null : { of: 'ratio', op: '<=', limit: inst.goal },
      note: `${problem.people.length} people, ${problem.days} days, ${problem.shiftTypes.length} shift types, ${problem.skills.length} skills; cost by part: ${parts}; best found after ${fmt(r.stats.bestFoundMs)} ms, ${r.stats.restarts} restarts`,
    },
    {
      name: `staffing ${inst.name}: first feasible roster`,
      value: r.stats.firstFeasibleMs ?? Number.NaN,
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: null,
    },
    {
      name: `staffing ${inst.name}: moves evaluated per second`,
      value: r.stats.evaluationsPerSecond,
      unit: 'moves/s',
      baseline: null,
      ratio: null,
      target: null,
      note: `${fmt(r.stats.evaluations)} moves in ${fmt(r.stats.elapsedMs)} ms`,
    },
  ];
}

export const benchmarks = defineBenchmarks(
  INSTANCES.map((inst) => ({
    name: `staffing ${inst.name}`,
    description: `solveStaffing for ${seconds} s (seed 1): cost / optimal (${inst.optimal}), time to the first feasible roster, moves evaluated per second`,
    run: () => solveOne(inst),
  })),
);
