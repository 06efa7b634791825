/**
 * Duty rosters on the benchmark instances of `generateRosterProblem` (M: 75,600 seats, 5,000 people;
 * L: 226,800 seats, 12,000 people):
 *
 * - time to the first full roster (`buildRoster` with `iterations: 0`) on M and L, and the default
 *   build on M, against a plain first-fit greedy over the same compiled problem and O(1) hard checks
 *   (`roster-firstfit.ts`), with the fill rate of both;
 * - peak heap and RSS of generating and building L in a fresh child process (`roster-child.ts`),
 *   against the first-fit greedy in another fresh process;
 * - move evaluations per second of the local search on M, against scoring each move by re-scoring
 *   the whole roster;
 * - repair of M after one leader falls sick for three days: time, changed seats per freed seat and
 *   changes before the freeze, against rebuilding from the changed problem;
 * - fairness on M with uniform availability: the worst shift-count spread among fully available
 *   staff after a default build, against the constructed roster.
 *
 * Every roster timed or measured is checked to break no hard rule; the benchmark fails otherwise.
 */
import { runChild } from './child.js';
import {
  buildRoster,
  generateRosterProblem,
  repairRoster,
  validateRoster,
  type FairnessGroup,
  type Roster,
  type RosterChange,
  type RosterProblem,
  type RosterResult,
} from '../src/index.js';
import { compileProblem } from '../src/roster/compile.js';
import { assignmentOf, evaluate } from '../src/roster/validate.js';
import { seeded } from './fixtures.js';
import { consume, defineBenchmarks, fmt, median, type BenchResult } from './harness.js';
import type { RosterChildReport } from './roster-child.js';
import { firstFit, naiveMoves, type FirstFit } from './roster-firstfit.js';

const MB = 1e6;
const num = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (xs: readonly number[]): string => xs.map((x) => fmt(x)).join(', ');
const pct = (x: number): string => `${fmt(100 * x)} %`;

// ---------------------------------------------------------------------------------------------
// instances and checks

let mMemo: RosterProblem | undefined;

/** Instance M (`generateRosterProblem({ size: 'M' })`, seed 2020): 300 posts × 3 shifts × 28 days, 5,000 people. */
function instanceM(): RosterProblem {
  if (mMemo === undefined) mMemo = generateRosterProblem({ size: 'M' });
  return mMemo;
}

/**
 * A new top-level object with the same contents: compiled problems are cached per object, so a
 * build of the copy validates and indexes the problem, as one loaded from storage would be.
 */
const fresh = (problem: RosterProblem): RosterProblem => ({ ...problem });

/** Throws unless the roster breaks no hard rule, by the validator (written apart from the search). */
function checkHard(what: string, problem: RosterProblem, roster: Roster): void {
  const v = validateRoster(problem, roster, { soft: false });
  if (v.score[0] !== 0) {
    const first = v.violations.find((x) => x.level === 'hard');
    throw new Error(`${what}: hard score ${v.score[0]}${first === undefined ? '' : ` (${first.message.en})`}`);
  }
}

/** Throws unless the result's own score (from the same validator) has no hard violation. */
function checkScore(what: string, r: RosterResult): void {
  if (r.score[0] !== 0) throw new Error(`${what}: hard score ${r.score[0]}`);
}

/** The ratio, or `null` when the baseline is 0. */
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Unfilled leader and staff seats of a first-fit assignment. */
function unfilledOf(f: FirstFit): { leaders: number; staff: number } {
  let leaders = 0;
  let staff = 0;
  for (let s = 0; s < f.c.S; s++) {
    if ((f.assign[s] as number) >= 0) continue;
    if (f.c.seatSlot[s] === 0) leaders++;
    else staff++;
  }
  return { leaders, staff };
}

/**
 * Interleaved samples, the order rotated each round, one call per sample (as `compare` in the
 * harness, whose time-based warm-up and batching are too costly for calls of seconds). Returns each
 * contender's times in ms.
 */
function interleave(contenders: readonly (() => number)[], rounds: number): number[][] {
  const times = contenders.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const j = (k + round) % contenders.length;
      const fn = contenders[j] as () => number;
      const t0 = performance.now();
      const x = fn();
      (times[j] as number[]).push(performance.now() - t0);
      consume(x);
    }
  }
  return times;
}

// ---------------------------------------------------------------------------------------------
// 1, 2: the first roster on M and L, against first-fit

interface FirstRoster {
  readonly size: 'M' | 'L';
  readonly seats: number;
  readonly people: number;
  readonly ours: number[];
  /** `stats.constructionMs` of the timed calls. */
  readonly construction: number[];
  readonly ff: number[];
  readonly full: number[];
  readonly oursResult: RosterResult;
  readonly ffResult: FirstFit;
  readonly fullResult: RosterResult | undefined;
}

/**
 * Each call builds from a fresh copy of the problem, so that validation and indexing are timed too
 * (for both contenders). The first roster is checked by `validateRoster` before timing, and every
 * timed one by its own score; the first-fit assignment by `evaluate` after timing.
 */
function timeFirstRoster(problem: RosterProblem, size: 'M' | 'L', rounds: number, withFull: boolean): FirstRoster {
  const copy = fresh(problem);
  const checked = buildRoster(copy, { iterations: 0 });
  checkHard(`${size} first roster`, copy, checked.roster);
  const filled = checked.stats.filled;
  let oursResult = checked;
  let ffResult: FirstFit | undefined;
  let fullResult: RosterResult | undefined;
  const construction: number[] = [];
  let measuring = false;

  const ours = (): number => {
    const r = buildRoster(fresh(problem), { iterations: 0 });
    checkScore(`${size} first roster`, r);
    if (r.stats.filled !== filled) throw new Error(`${size} first roster: not deterministic (${r.stats.filled} vs ${filled} seats filled)`);
    if (measuring) construction.push(r.stats.constructionMs);
    oursResult = r;
    return r.stats.filled;
  };
  const ff = (): number => {
    const f = firstFit(fresh(problem));
    ffResult = f;
    return f.filled;
  };
  const full = (): number => {
    const r = buildRoster(fresh(problem));
    checkScore(`${size} default build`, r);
    fullResult = r;
    return r.stats.filled;
  };
  // one warm-up call each; first-fit on L takes seconds and gets none (its few functions are the
  // hard checks the build has just warmed up)
  consume(ours());
  if (size === 'M') consume(ff());
  if (withFull) consume(full());
  measuring = true;
  const times = interleave(withFull ? [ours, ff, full] : [ours, ff], rounds);
  if (ffResult === undefined) throw new Error('unreachable');
  if (evaluate(ffResult.c, ffResult.assign, false).score[0] !== 0) throw new Error(`${size} first-fit breaks a hard rule: the baseline is wrong`);
  return {
    size,
    seats: checked.stats.seats,
    people: problem.people.length,
    ours: times[0] as number[],
    construction,
    ff: times[1] as number[],
    full: withFull ? (times[2] as number[]) : [],
    oursResult,
    ffResult,
    fullResult,
  };
}

function firstRosterRows(t: FirstRoster, limitMs: number): BenchResult[] {
  const ours = median(t.ours);
  const ff = median(t.ff);
  const o = t.oursResult.stats;
  const f = t.ffResult;
  const fu = unfilledOf(f);
  const ffRate = f.filled / f.c.S;
  const base = { baseline: ff, baselineName: 'first-fit', ratio: ours / ff, ratioOf: 'ours/first-fit' } as const;
  const instance = `instance ${t.size} (seed 2020): ${num(t.seats)} seats, ${num(t.people)} people`;
  const rows: BenchResult[] = [
    {
      name: `roster ${t.size}: first roster`,
      value: ours,
      unit: 'ms',
      ...base,
      target: { of: 'value', op: '<=', limit: limitMs },
      note:
        `${instance}; buildRoster(problem, { iterations: 0 }) wall time from a fresh copy of the problem (validation, indexing, construction, then the result: ` +
        `evaluation, unfilled seats explained, the roster object); of it stats.constructionMs (validation, indexing, construction) median ${fmt(median(t.construction))} ms. ` +
        `No hard violation (validateRoster). Baseline: compileProblem + first-fit (each seat in time order to the first person in problem order with why(p, s) = 0), ` +
        `${num(f.checks)} checks. Median of ${t.ours.length} interleaved samples (ours ${ms(t.ours)} ms; first-fit ${ms(t.ff)} ms)`,
    },
    {
      name: `roster ${t.size}: fill rate of the first roster`,
      value: 100 * o.fillRate,
      unit: '%',
      baseline: 100 * ffRate,
      baselineName: 'first-fit',
      ratio: o.fillRate / ffRate,
      ratioOf: 'ours/first-fit',
      target: null,
      note:
        `unfilled: ours ${num(o.unfilledLeaders)} leader and ${num(o.unfilledStaff)} staff seats; first-fit ${num(fu.leaders)} leader and ${num(fu.staff)} staff seats ` +
        `(the cadres come first in problem order, so first-fit spends them on the staff seats of the earlier posts and later leader seats find nobody qualified and free); score of ours [${o.constructedScore.join(', ')}]`,
    },
  ];
  if (t.fullResult !== undefined) {
    const full = median(t.full);
    const s = t.fullResult.stats;
    rows.push({
      name: `roster ${t.size}: full build (default options)`,
      value: full,
      unit: 'ms',
      baseline: ff,
      baselineName: 'first-fit',
      ratio: full / ff,
      ratioOf: 'ours/first-fit',
      target: null,
      note:
        `buildRoster(problem) from a fresh copy: construction ${fmt(s.constructionMs)} ms, search ${fmt(s.searchMs)} ms (${num(s.evaluations)} iterations, ${num(s.acceptedMoves)} moves kept); ` +
        `score [${s.constructedScore.join(', ')}] → [${t.fullResult.score.join(', ')}], fill rate ${pct(s.fillRate)}; samples ${ms(t.full)} ms`,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 2: peak heap of L in fresh processes

interface ChildRun extends RosterChildReport {
  /** Highest heap in use: before each traced GC, or right after the solve. */
  readonly peakHeap: number;
  /** Highest heap in use after a traced full (mark-compact) GC, or the forced one at the end. */
  readonly peakLive: number;
  readonly gcs: number;
}

async function runRoster(args: readonly string[]): Promise<ChildRun> {
  const out = await runChild<RosterChildReport>('roster-child.ts', args);
  const report = out.report;
  if (report.hard !== 0) throw new Error(`roster-child ${args.join(' ')}: hard score ${report.hard}`);
  return { ...report, peakHeap: Math.max(out.peakBeforeGc, report.heapAfter), peakLive: Math.max(out.peakLive, report.heapRetained), gcs: out.gcs };
}

async function heapRows(): Promise<BenchResult[]> {
  const ours = await runRoster(['build', 'L']);
  const ff = await runRoster(['firstfit', 'L']);
  const base = { baselineName: 'first-fit', ratioOf: 'ours/first-fit' } as const;
  const kept = (x: ChildRun): number => (x.heapRetained - x.heapBefore) / MB;
  return [
    {
      name: 'roster L: peak heap (generate + build)',
      value: ours.peakHeap / MB,
      unit: 'MB',
      baseline: ff.peakHeap / MB,
      ...base,
      ratio: ours.peakHeap / ff.peakHeap,
      target: { of: 'value', op: '<=', limit: 500 },
      note:
        `one fresh process: generateRosterProblem({ size: 'L' }) (${num(ours.seats)} seats, ${num(ours.people)} people) in ${fmt(ours.generateMs)} ms, then buildRoster(problem) with default options ` +
        `in ${fmt(ours.solveMs / 1000)} s (construction ${fmt(ours.constructionMs)} ms in a cold process, search ${fmt(ours.searchMs)} ms), fill rate ${pct(ours.fillRate)}, no hard violation; ` +
        `heapUsed at its highest (before each of ${ours.gcs} GCs, or at the end), garbage included; peak live heap ${fmt(ours.peakLive / MB)} MB; heap of the loaded program ${fmt(ours.heapBefore / MB)} MB; ` +
        `typed arrays' contents are outside the heap: ArrayBuffers ${fmt(ours.arrayBuffers / MB)} MB after the build (first-fit ${fmt(ff.arrayBuffers / MB)} MB), counted in the RSS; ` +
        `retained with problem and result alive ${fmt(kept(ours))} MB (first-fit ${fmt(kept(ff))} MB). Baseline: the same problem compiled and filled by first-fit in another fresh process ` +
        `(${fmt(ff.solveMs / 1000)} s). 1 MB = 10^6 bytes`,
    },
    {
      name: 'roster L: peak RSS (generate + build)',
      value: ours.maxRss / MB,
      unit: 'MB',
      baseline: ff.maxRss / MB,
      ...base,
      ratio: ours.maxRss / ff.maxRss,
      target: null,
      note: 'whole process (Node, tsx loader, heap, code), process.resourceUsage().maxRSS',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// 3: local search speed on M

const SEARCH_ITERATIONS = 1_000_000;
const SEARCH_ROUNDS = 3;
const NAIVE_MOVES = 3;

function searchRows(): BenchResult[] {
  const problem = instanceM();
  const options = { iterations: SEARCH_ITERATIONS, idleLimit: SEARCH_ITERATIONS } as const;
  const first = buildRoster(problem, options);
  checkHard('M search', problem, first.roster);
  const c = compileProblem(problem);
  const assign = assignmentOf(c, first.roster);
  const random = seeded(11);
  consume(naiveMoves(c, assign, 1, random).accepted); // warm-up
  const rates: number[] = [];
  const feasible: number[] = [];
  const naive: number[] = [];
  let last = first;
  // interleaved: a build, then a few naive moves, each round
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    const r = round === 0 ? first : buildRoster(problem, options);
    checkScore('M search', r);
    if (r.stats.evaluations !== first.stats.evaluations || r.score[2] !== first.score[2]) throw new Error('M search: not deterministic for its seed');
    rates.push(r.stats.evaluationsPerSecond);
    feasible.push(r.stats.searchMs === 0 ? 0 : (r.stats.feasibleMoves * 1000) / r.stats.searchMs);
    last = r;
    const n = naiveMoves(c, assign, NAIVE_MOVES, random);
    naive.push((n.moves * 1000) / n.ms);
  }
  const ours = median(rates);
  const base = median(naive);
  const s = last.stats;
  return [
    {
      name: 'roster M: move evaluations per second',
      value: ours,
      unit: 'moves/s',
      baseline: base,
      baselineName: 'full re-scoring',
      ratio: ours / base,
      ratioOf: 'ours/naive',
      target: { of: 'value', op: '>=', limit: 200_000 },
      note:
        `stats.evaluationsPerSecond of buildRoster(M, { iterations: ${num(SEARCH_ITERATIONS)}, idleLimit: ${num(SEARCH_ITERATIONS)} }): ${num(s.evaluations)} iterations in ${fmt(s.searchMs)} ms ` +
        `(median of ${SEARCH_ROUNDS} builds: ${rates.map(num).join(', ')}/s); an iteration counts even when the move is given up before any check (the same person drawn, a swap day off the horizon); ` +
        `${num(s.feasibleMoves)} broke no hard rule (${num(median(feasible))}/s) and ${num(s.acceptedMoves)} were kept. Baseline: a change move (a random seat to a random person of its pool) ` +
        `scored by evaluate(compiled, assignment, false) over the whole roster, ${NAIVE_MOVES * SEARCH_ROUNDS} moves on the searched M roster (${naive.map((x) => fmt(x)).join(', ')}/s). ` +
        `For scale, Timefold Solver reports about 100,000 move evaluations per second on its employee-scheduling demo`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// 4: repair on M

const REPAIR_WARMUPS = 2;
const REPAIR_RUNS = 7;
const REBUILDS = 3;
const SICK_DAYS = 3;

interface Sick {
  readonly person: string;
  readonly from: number;
}

/** Cadres who hold a leader seat on each of `SICK_DAYS` consecutive days from one of a few start days, in random order. */
function sickLeaders(problem: RosterProblem, roster: Roster, count: number): Sick[] {
  const c = compileProblem(problem);
  const a = assignmentOf(c, roster);
  const leads = new Map<number, Set<number>>(); // person → days with a leader seat
  for (let s = 0; s < c.S; s++) {
    const p = a[s] as number;
    if (p < 0 || c.seatSlot[s] !== 0) continue;
    let days = leads.get(p);
    if (days === undefined) leads.set(p, (days = new Set()));
    days.add(c.seatDay[s] as number);
  }
  const random = seeded(23);
  const starts = [6, 9, 12, 15, 18];
  const out: Sick[] = [];
  const used = new Set<number>();
  const people = [...leads.keys()].sort((x, y) => x - y);
  for (let tries = 0; out.length < count && tries < 100_000; tries++) {
    const p = people[Math.floor(random() * people.length)] as number;
    const from = starts[out.length % starts.length] as number;
    const days = leads.get(p) as Set<number>;
    if (used.has(p)) continue;
    let all = true;
    for (let d = from; d < from + SICK_DAYS; d++) if (!days.has(d)) all = false;
    if (!all) continue;
    used.add(p);
    out.push({ person: c.personIds[p] as string, from });
  }
  if (out.length < count) throw new Error(`repair: only ${out.length} leaders hold leader seats ${SICK_DAYS} days running`);
  return out;
}

/** Seats whose person differs between two rosters over the same seats, and of them those on days before `freezeDay`. */
function changedSeats(before: Roster, after: Roster, freezeDay: string): { changed: number; beforeFreeze: number } {
  const ids = new Set([...Object.keys(before.seats), ...Object.keys(after.seats)]);
  let changed = 0;
  let beforeFreeze = 0;
  for (const id of ids) {
    if ((before.seats[id as keyof typeof before.seats] ?? null) === (after.seats[id as keyof typeof after.seats] ?? null)) continue;
    changed++;
    // seat ids are post/day/shift/slot: a seat of an earlier day starts before the freeze (00:00 of the first sick day)
    if ((id.split('/')[1] ?? '') < freezeDay) beforeFreeze++;
  }
  return { changed, beforeFreeze };
}

function repairRows(): BenchResult[] {
  const problem = instanceM();
  const built = buildRoster(problem);
  checkHard('M build for repair', problem, built.roster);
  const sick = sickLeaders(problem, built.roster, REPAIR_WARMUPS + REPAIR_RUNS);
  const day = (d: number): string => compileProblem(problem).days[d] as string;
  const change = (x: Sick): RosterChange =>
    ({ kind: 'unavailable', personId: x.person, from: day(x.from), to: day(x.from + SICK_DAYS - 1), reason: 'sickness' }) as RosterChange;
  const repair = (x: Sick): { r: ReturnType<typeof repairRoster>; ms: number } => {
    const t0 = performance.now();
    const r = repairRoster(problem, built.roster, change(x));
    const t = performance.now() - t0;
    consume(r.repair.changedSeats);
    if (r.score[0] !== 0) throw new Error(`repair of ${x.person}: hard score ${r.score[0]}`);
    return { r, ms: t };
  };
  for (let i = 0; i < REPAIR_WARMUPS; i++) repair(sick[i] as Sick);

  const times: number[] = [];
  const own: number[] = [];
  const perFreed: number[] = [];
  const freed: number[] = [];
  const changed: number[] = [];
  const unfilled: number[] = [];
  let beforeFreeze = 0;
  const rebuildTimes: number[] = [];
  const rebuildPerFreed: number[] = [];
  const rebuildChanged: number[] = [];
  let rebuildBeforeFreeze = 0;
  for (let i = 0; i < REPAIR_RUNS; i++) {
    const x = sick[REPAIR_WARMUPS + i] as Sick;
    const { r, ms: t } = repair(x);
    checkHard(`repair of ${x.person}`, r.problem, r.roster);
    const { freedSeats, changedSeats: ch, changedBeforeFreeze } = r.repair;
    if (freedSeats === 0) throw new Error(`repair of ${x.person}: no seat freed`);
    times.push(t);
    own.push(r.repair.ms);
    freed.push(freedSeats);
    changed.push(ch);
    perFreed.push(ch / freedSeats);
    unfilled.push(r.stats.seats - r.stats.filled);
    beforeFreeze = Math.max(beforeFreeze, changedBeforeFreeze);
    // a repair's own count of changes before the freeze, checked against the roster itself
    const seen = changedSeats(built.roster, r.roster, day(x.from));
    if (seen.changed !== ch || seen.beforeFreeze !== changedBeforeFreeze)
      throw new Error(`repair of ${x.person}: reports ${ch} changed seats (${changedBeforeFreeze} before the freeze), the rosters differ in ${seen.changed} (${seen.beforeFreeze})`);
    if (i < REBUILDS) {
      const t0 = performance.now();
      const rb = buildRoster(r.problem);
      rebuildTimes.push(performance.now() - t0);
      checkScore(`rebuild after ${x.person}`, rb);
      const d = changedSeats(built.roster, rb.roster, day(x.from));
      rebuildChanged.push(d.changed);
      rebuildPerFreed.push(d.changed / freedSeats);
      rebuildBeforeFreeze = Math.max(rebuildBeforeFreeze, d.beforeFreeze);
    }
  }
  // for scale: a rebuild that ignores the published roster (no S3 baseline, no freeze)
  const last = repair(sick[REPAIR_WARMUPS] as Sick).r;
  const scratch = buildRoster({ ...last.problem, published: undefined, freezeAt: undefined } as RosterProblem);
  checkScore('rebuild without the published roster', scratch);
  const scratchChanged = changedSeats(built.roster, scratch.roster, day((sick[REPAIR_WARMUPS] as Sick).from));
  const t = median(times);
  const rb = median(rebuildTimes);
  const worst = Math.max(...perFreed);
  const rbWorst = Math.max(...rebuildPerFreed);
  const base = { baselineName: 'rebuild', ratioOf: 'ours/rebuild' } as const;
  const who = `one cadre who holds a leader seat on each of ${SICK_DAYS} days falls sick for those days (a different cadre and start day each run)`;
  return [
    {
      name: 'roster M: repair after one sick leader',
      value: t,
      unit: 'ms',
      baseline: rb,
      ...base,
      ratio: t / rb,
      target: { of: 'value', op: '<=', limit: 100 },
      note:
        `${who}; repairRoster(problem, roster of a default build, change) wall time, median of ${REPAIR_RUNS} runs after ${REPAIR_WARMUPS} warm-up runs (${ms(times)} ms; repair.ms ${ms(own)}); ` +
        `the problem is the object the roster was built from (its compiled form cached). Freed seats ${freed.join(', ')}; changed ${changed.join(', ')}; unfilled after ${unfilled.join(', ')}. ` +
        `No hard violation (validateRoster). Baseline: buildRoster(result.problem) with default options (published roster kept as S3, seats before the freeze fixed), ` +
        `median of ${REBUILDS} (${ms(rebuildTimes)} ms)`,
    },
    {
      name: 'roster M: repair changed seats per freed seat',
      value: worst,
      unit: '×',
      baseline: rbWorst,
      ...base,
      ratio: ratio(worst, rbWorst),
      target: { of: 'value', op: '<=', limit: 3 },
      note: `max over the ${REPAIR_RUNS} runs of repair.changedSeats / repair.freedSeats (${perFreed.map((x) => fmt(x)).join(', ')}); the rebuild changes ${rebuildChanged.join(', ')} seats of the published roster ` +
        `(it starts from the published roster, every change costing S3); a build of the changed problem without the published roster changes ${num(scratchChanged.changed)} ` +
        `(${num(scratchChanged.beforeFreeze)} before the freeze)`,
    },
    {
      name: 'roster M: repair changes before the freeze',
      value: beforeFreeze,
      unit: 'seats',
      baseline: rebuildBeforeFreeze,
      ...base,
      ratio: ratio(beforeFreeze, rebuildBeforeFreeze),
      target: { of: 'value', op: '<=', limit: 0 },
      note: 'max over the runs of repair.changedBeforeFreeze, checked against the rosters (seats of days before the first sick day); the freeze is 00:00 of the first sick day',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// 5: fairness on M with uniform availability

function worst(groups: readonly FairnessGroup[]): number {
  return groups.reduce((m, g) => Math.max(m, g.spread), 0);
}

/** `spread 2: 19 groups, 1: 1 group`. */
function spreads(groups: readonly FairnessGroup[]): string {
  const by = new Map<number, number>();
  for (const g of groups) by.set(g.spread, (by.get(g.spread) ?? 0) + 1);
  return [...by.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([s, n]) => `${s} in ${n}`)
    .join(', ');
}

function fairnessRows(): BenchResult[] {
  const problem = generateRosterProblem({ size: 'M', absenceShare: 0, preferenceShare: 0 });
  const constructed = buildRoster(problem, { iterations: 0 });
  const built = buildRoster(problem);
  checkHard('M uniform, constructed', problem, constructed.roster);
  checkHard('M uniform, default build', problem, built.roster);
  const staff = (r: RosterResult): FairnessGroup[] => r.stats.fairness.filter((g) => g.role === 'staff');
  const leaders = (r: RosterResult): FairnessGroup[] => r.stats.fairness.filter((g) => g.role !== 'staff');
  const ours = worst(staff(built));
  const base = worst(staff(constructed));
  const lOurs = worst(leaders(built));
  const lBase = worst(leaders(constructed));
  const people = (gs: readonly FairnessGroup[]): number => gs.reduce((n, g) => n + g.people, 0);
  const range = (gs: readonly FairnessGroup[]): string => `${Math.min(...gs.map((g) => g.min))}–${Math.max(...gs.map((g) => g.max))}`;
  const common = { baselineName: 'constructed', ratioOf: 'ours/constructed' } as const;
  return [
    {
      name: 'roster M uniform: staff shift-count spread',
      value: ours,
      unit: 'shifts',
      baseline: base,
      ...common,
      ratio: ratio(ours, base),
      target: { of: 'value', op: '<=', limit: 1 },
      note:
        `generateRosterProblem({ size: 'M', absenceShare: 0, preferenceShare: 0 }): everyone available every day; the largest max − min shift count of any staff group of stats.fairness ` +
        `(non-cadres of one pool: ${staff(built).length} groups, ${num(people(staff(built)))} people) after buildRoster(problem) with default options (${num(built.stats.evaluations)} iterations, ` +
        `score [${built.score.join(', ')}]); spread by group: ${spreads(staff(built))} (counts ${range(staff(built))}). Baseline: the constructed roster (iterations: 0), ` +
        `${spreads(staff(constructed))} (counts ${range(staff(constructed))}), score [${constructed.score.join(', ')}]`,
    },
    {
      name: 'roster M uniform: leader shift-count spread',
      value: lOurs,
      unit: 'shifts',
      baseline: lBase,
      ...common,
      ratio: ratio(lOurs, lBase),
      target: null,
      note:
        `the same for cadres who qualify for leader seats (groups by pool, rank and Party membership: ${leaders(built).length} groups, ${num(people(leaders(built)))} people), bound by the hard rules; ` +
        `spread by group ${spreads(leaders(built))} (counts ${range(leaders(built))}); constructed ${spreads(leaders(constructed))}`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------

export const benchmarks = defineBenchmarks([
  {
    name: 'roster M: first roster',
    description: 'buildRoster(M, { iterations: 0 }) and the default build against a plain first-fit greedy over the same hard checks; fill rates',
    run: () => firstRosterRows(timeFirstRoster(instanceM(), 'M', 3, true), 2000),
  },
  {
    name: 'roster L: first roster',
    description: 'buildRoster(L, { iterations: 0 }) against the first-fit greedy; fill rates',
    run: () => firstRosterRows(timeFirstRoster(generateRosterProblem({ size: 'L' }), 'L', 3, false), 8000),
  },
  {
    name: 'roster L: peak heap',
    description: 'peak heap and RSS of generating L and building it with default options, in a fresh child process, against first-fit',
    run: heapRows,
  },
  {
    name: 'roster M: local search speed',
    description: 'move evaluations per second of the search on M against full re-scoring per move',
    run: searchRows,
  },
  {
    name: 'roster M: repair',
    description: 'repairRoster on M after one leader falls sick for 3 days: time, changed seats per freed seat, changes before the freeze, against a rebuild',
    run: repairRows,
  },
  {
    name: 'roster M uniform: fairness',
    description: 'worst shift-count spread among fully available staff (and leaders) on M with uniform availability, after a default build, against the constructed roster',
    run: fairnessRows,
  },
]);
