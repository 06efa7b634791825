import { z } from 'zod';
import { FrontlineError, parseOrThrow, type Issue } from '../core/errors.js';
import { describeValue, isRecord, requireList, requireRecord } from '../core/guards.js';
import type { OrgId, PersonId } from '../core/ids.js';
import { LABELS, RecordKind, type AppraisalGrade, type CadreGrade, type EvaluationDimension, type Label, type TeamGrade } from '../core/vocabulary.js';
import { Period, compareEvidence, type PerformanceRecord } from './derive.js';
import { round, settle } from './numbers.js';
import type { EvaluationRuleId } from './rules.js';

const DIMENSIONS: readonly EvaluationDimension[] = ['morality', 'ability', 'diligence', 'achievement', 'integrity'];

/**
 * How evidence becomes a score: each dimension of 德能勤绩廉 starts at `base` and moves by
 * `pointValue` per point of its records (kept within 0–100); the total is the weighted sum, the
 * weights summing to 1 with 绩 (achievement) weighted most; the thresholds give the grades.
 *
 * @example
 * Rubric.parse({ ...DEFAULT_RUBRIC, pointValue: 3 });
 * @category Evaluation
 */
export const Rubric = z
  .object({
    /** Weight of each dimension; they sum to 1 and achievement is the largest. */
    weights: z
      .object({
        /** 德 */ morality: z.number().min(0).max(1),
        /** 能 */ ability: z.number().min(0).max(1),
        /** 勤 */ diligence: z.number().min(0).max(1),
        /** 绩 */ achievement: z.number().min(0).max(1),
        /** 廉 */ integrity: z.number().min(0).max(1),
      })
      .strict(),
    /** Score of a dimension with no records. */
    base: z.number().min(0).max(100),
    /** Score per point of evidence. */
    pointValue: z.number().positive().max(100),
    /** Lowest totals of the grades (excellent also needs a place within the quota). */
    thresholds: z
      .object({
        /** 优秀 */ excellent: z.number().min(0).max(100),
        /** 称职 */ competent: z.number().min(0).max(100),
        /** 基本称职 */ basicallyCompetent: z.number().min(0).max(100),
      })
      .strict(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const sum = DIMENSIONS.reduce((s, d) => s + r.weights[d], 0);
    if (Math.abs(sum - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['weights'], message: `the weights sum to ${Math.round(sum * 1000) / 1000}, not 1` });
    for (const d of DIMENSIONS) {
      if (d !== 'achievement' && r.weights[d] >= r.weights.achievement)
        ctx.addIssue({ code: 'custom', path: ['weights', d], message: `achievement (绩) must weigh most: ${d} weighs ${r.weights[d]}, achievement ${r.weights.achievement}` });
    }
    const t = r.thresholds;
    if (!(t.excellent >= t.competent && t.competent >= t.basicallyCompetent)) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'thresholds must not rise from excellent to basically competent' });
  });
/**
 * A rubric.
 *
 * @interface
 * @category Evaluation
 */
export type Rubric = z.infer<typeof Rubric>;

/**
 * The default rubric: 德 0.2, 能 0.15, 勤 0.2, 绩 0.35, 廉 0.1; a dimension starts at 70 and moves 2
 * per point; excellent from 80, competent from 65, basically competent from 55.
 *
 * @example
 * DEFAULT_RUBRIC.weights.achievement; // => 0.35
 * @category Evaluation
 */
export const DEFAULT_RUBRIC: Rubric = Object.freeze({
  weights: Object.freeze({ morality: 0.2, ability: 0.15, diligence: 0.2, achievement: 0.35, integrity: 0.1 }),
  base: 70,
  pointValue: 2,
  thresholds: Object.freeze({ excellent: 80, competent: 65, basicallyCompetent: 55 }),
});

/**
 * Which quota of excellent grades applies: the 2007 rules (generally 15%, at most 20%) or the
 * 2020 rules (generally 20%, up to 25% with approval); `withApproval` takes the higher figure.
 *
 * @example
 * QuotaRule.parse({ edition: '2020', withApproval: false });
 * @category Evaluation
 */
export const QuotaRule = z
  .object({ /** The rule edition. */ edition: z.enum(['2007', '2020']), /** Whether the higher share was approved. */ withApproval: z.boolean() })
  .strict();
/**
 * A quota rule.
 *
 * @interface
 * @category Evaluation
 */
export type QuotaRule = z.infer<typeof QuotaRule>;

const QUOTA_SHARE = { '2007': [0.15, 0.2], '2020': [0.2, 0.25] } as const;

/**
 * The evidence behind a grade: how many records, the strongest merits and every fault.
 *
 * @example
 * const e: GradeEvidence = evaluateCadres(records, cadres, { period }).grades[0]!.evidence;
 * e.top.every((r) => r.points > 0); // => true (merits only)
 * @category Evaluation
 */
export interface GradeEvidence {
  /** Records counted. */
  readonly records: number;
  /** Net points. */
  readonly points: number;
  /** The strongest merits (up to three): most points first, ties by day, kind and source, whatever the order of the records. */
  readonly top: readonly PerformanceRecord[];
  /** Every fault (negative record), in the order of the records given. */
  readonly faults: readonly PerformanceRecord[];
}

/**
 * One cadre's evaluation: the rank, the total and the score of each dimension, the grade, why,
 * the rules behind it, and the evidence.
 *
 * @example
 * const g: CadreEvaluation = evaluateCadres(records, cadres, { period }).grades[0]!;
 * g.rank; // => 1
 * @category Evaluation
 */
export interface CadreEvaluation {
  /** The cadre. */
  readonly personId: PersonId;
  /** 1 for the highest total. */
  readonly rank: number;
  /** Weighted total, 0–100. */
  readonly total: number;
  /** Score per dimension, 0–100. */
  readonly dimensions: Readonly<Record<EvaluationDimension, number>>;
  /** The grade. */
  readonly grade: CadreGrade;
  /** Why this grade, in words. */
  readonly reason: Label;
  /** The rules that produced it. */
  readonly rules: readonly EvaluationRuleId[];
  /** The evidence. */
  readonly evidence: GradeEvidence;
}

/**
 * The result of {@link evaluateCadres}: every cadre's evaluation in rank order, and the quota used.
 *
 * @example
 * const { grades, quota } = evaluateCadres(records, cadres, { period });
 * quota.used <= quota.max; // => true
 * @category Evaluation
 */
export interface CadreEvaluations {
  /** Evaluations in rank order. */
  readonly grades: readonly CadreEvaluation[];
  /** The quota of excellent grades: its share, the most allowed, how many were given, and its rule. */
  readonly quota: { readonly share: number; readonly max: number; readonly used: number; readonly rule: EvaluationRuleId };
}

/**
 * Options of {@link evaluateCadres}.
 *
 * @example
 * const o: EvaluateOptions = { period: { from: '2020-01-25', to: '2020-02-07' }, quota: { edition: '2020', withApproval: false } };
 * @category Evaluation
 */
export interface EvaluateOptions {
  /** The period evaluated (records outside it are ignored). */
  readonly period: Period;
  /** The rubric (default {@link DEFAULT_RUBRIC}). */
  readonly rubric?: Rubric;
  /** The quota rule (default the 2020 rules without approval). */
  readonly quota?: QuotaRule;
  /** Kinds of record that bar an excellent grade (default a missed shift and an overdue finding). */
  readonly vetoes?: readonly RecordKind[];
}

interface Tally {
  readonly points: Float64Array;
  readonly counts: Int32Array;
  readonly top: (PerformanceRecord | undefined)[];
  readonly faults: PerformanceRecord[][];
  readonly vetoed: Uint8Array;
}

/** One pass over the records: points per subject and dimension, the three best merits, every fault, vetoes. */
function tally(records: readonly PerformanceRecord[], index: ReadonlyMap<string, number>, key: 'personId' | 'unitId', period: Period, vetoes: ReadonlySet<RecordKind>): Tally & { inPeriod: number } {
  const n = index.size;
  const points = new Float64Array(n * 5);
  const counts = new Int32Array(n);
  const top: (PerformanceRecord | undefined)[] = new Array(n * 3);
  const faults: PerformanceRecord[][] = new Array(n);
  const vetoed = new Uint8Array(n);
  const dim: Record<EvaluationDimension, number> = { morality: 0, ability: 1, diligence: 2, achievement: 3, integrity: 4 };
  let inPeriod = 0;
  const byUnit = key === 'unitId';
  const bad: Issue[] = [];
  for (let j = 0; j < records.length; j++) {
    const r = records[j] as PerformanceRecord;
    const problem = recordProblem(r, j);
    if (problem !== undefined) {
      if (bad.length < 20) bad.push(problem);
      continue;
    }
    const d = dim[r.dimension];
    if (r.day < period.from || r.day > period.to) continue;
    inPeriod++;
    const id = byUnit ? r.unitId : r.personId;
    if (id === undefined) continue;
    const i = index.get(id);
    if (i === undefined) continue;
    const at = i * 5 + d;
    points[at] = (points[at] as number) + r.points;
    counts[i] = (counts[i] as number) + 1;
    if (vetoes.has(r.kind)) vetoed[i] = 1;
    if (r.points < 0) (faults[i] ??= []).push(r);
    else {
      // keep the three strongest merits, strongest first
      let k = i * 3;
      for (; k < i * 3 + 3; k++) {
        const t = top[k];
        if (t === undefined || r.points > t.points || (r.points === t.points && compareEvidence(r, t) < 0)) break;
      }
      if (k < i * 3 + 3) {
        for (let m = i * 3 + 2; m > k; m--) top[m] = top[m - 1];
        top[k] = r;
      }
    }
  }
  if (bad.length > 0) throw new FrontlineError('invalid_input', 'invalid performance records', bad);
  // sums of fractions depend on the order they were added in: settle them so that ranking does not
  for (let k = 0; k < points.length; k++) points[k] = settle(points[k] as number);
  return { points, counts, top, faults, vetoed, inPeriod };
}

/** Whether a performance record can be counted: every field read is what it should be (no closure: a million records pass here). */
function countable(record: unknown): boolean {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  const r = record as Readonly<Record<string, unknown>>;
  const dimension = r['dimension'];
  const points = r['points'];
  const personId = r['personId'];
  const unitId = r['unitId'];
  const sources = r['sources'];
  if (typeof dimension !== 'string' || !DIMENSIONS.includes(dimension as EvaluationDimension)) return false;
  if (typeof r['day'] !== 'string' || typeof r['kind'] !== 'string') return false;
  if (typeof points !== 'number' || !Number.isFinite(points)) return false;
  if ((personId !== undefined && typeof personId !== 'string') || (unitId !== undefined && typeof unitId !== 'string')) return false;
  if (!Array.isArray(sources)) return false;
  for (let k = 0; k < sources.length; k++) {
    const x: unknown = sources[k];
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
    const source = x as Readonly<Record<string, unknown>>;
    if (typeof source['table'] !== 'string' || typeof source['id'] !== 'string') return false;
  }
  return true;
}

/** What is wrong with a performance record that cannot be counted, if anything: each field read is checked. */
function recordProblem(record: unknown, j: number): Issue | undefined {
  if (countable(record)) return undefined;
  const at = (field: string, code: string, message: string): Issue => ({ path: ['records', j, field], code, message });
  if (!isRecord(record)) return { path: ['records', j], code: 'invalid_type', message: `a performance record is an object, got ${describeValue(record)}` };
  const r = record;
  if (typeof r['dimension'] !== 'string' || !DIMENSIONS.includes(r['dimension'] as EvaluationDimension))
    return at('dimension', 'invalid_value', `unknown dimension ${describeValue(r['dimension'])}`);
  if (typeof r['day'] !== 'string') return at('day', 'invalid_type', 'a record needs its day');
  if (typeof r['points'] !== 'number' || !Number.isFinite(r['points'])) return at('points', 'invalid_type', `points must be a finite number, got ${describeValue(r['points'])}`);
  if (typeof r['kind'] !== 'string') return at('kind', 'invalid_type', `a record needs its kind, got ${describeValue(r['kind'])}`);
  for (const field of ['personId', 'unitId'])
    if (r[field] !== undefined && typeof r[field] !== 'string') return at(field, 'invalid_type', `${field} is a string, got ${describeValue(r[field])}`);
  const sources = r['sources'];
  if (!Array.isArray(sources) || sources.some((x) => !isRecord(x) || typeof x['table'] !== 'string' || typeof x['id'] !== 'string'))
    return at('sources', 'invalid_type', 'a record lists its sources, each a table and an id');
  return undefined;
}

/** Checks the arguments every evaluation shares: the records (a list without holes) and the options (an object). */
function requireEvaluationInput(records: unknown, options: unknown): void {
  requireList(records, ['records'], 'the performance records');
  requireRecord(options, ['options'], 'the options');
}


function checkPeriod(period: Period, inPeriod: number): void {
  if (inPeriod === 0) {
    throw new FrontlineError('invalid_input', 'nothing to grade', [
      { path: ['period'], code: 'empty_period', message: `no record falls in ${period.from}…${period.to}: grades need evidence from the period` },
    ]);
  }
}


/**
 * Evaluates cadres from their records: each dimension of 德能勤绩廉 scored under the rubric (绩
 * weighted most), the weighted total ranked (ties broken by person id, so grades are
 * deterministic), excellent for the best within the quota of the chosen rule edition who reach its
 * threshold and have no vetoed record (a missed shift, an overdue finding), then competent, basically
 * competent or incompetent by threshold. Every grade carries its reason, its rules and its evidence.
 * An empty period, a rubric whose weights do not sum to 1 or that does not weigh 绩 most, are bad
 * input.
 *
 * @param records - The performance records (of any period: those outside it are ignored).
 * @param cadres - The cadres evaluated, each once.
 * @param options - The period, and optionally the rubric, quota rule and vetoes.
 * @returns The evaluations in rank order, and the quota used.
 * @throws {@link FrontlineError} `invalid_input` for invalid options, a cadre listed twice, a malformed record, or no record in the period.
 * @example
 * const records = deriveRecords(ledger, period);
 * const cadres = tableValues(ledger.people).filter((p) => p.cadreLevel === 'village');
 * evaluateCadres(records, cadres, { period, quota: { edition: '2007', withApproval: false } }).quota.share; // => 0.15
 * @category Evaluation
 */
export function evaluateCadres(records: readonly PerformanceRecord[], cadres: readonly { readonly id: PersonId }[], options: EvaluateOptions): CadreEvaluations {
  requireEvaluationInput(records, options);
  requireList(cadres, ['cadres'], 'the cadres');
  const badCadres = cadres.flatMap((c, i): Issue[] =>
    isRecord(c) && typeof c['id'] === 'string' ? [] : [{ path: ['cadres', i, 'id'], code: 'invalid_type', message: `a cadre is given as { id }, got ${describeValue(c)}` }],
  );
  if (badCadres.length > 0) throw new FrontlineError('invalid_input', 'invalid cadres', badCadres);
  const period = parseOrThrow(Period, options.period, 'invalid_input', 'period');
  const rubric = options.rubric === undefined ? DEFAULT_RUBRIC : parseOrThrow(Rubric, options.rubric, 'invalid_input', 'rubric');
  const quotaRule = options.quota === undefined ? { edition: '2020' as const, withApproval: false } : parseOrThrow(QuotaRule, options.quota, 'invalid_input', 'quota rule');
  const vetoes = new Set<RecordKind>(options.vetoes === undefined ? ['shiftMissed', 'findingOverdue'] : parseOrThrow(z.array(RecordKind), options.vetoes, 'invalid_input', 'vetoes'));
  const index = new Map<string, number>();
  const issues: Issue[] = [];
  cadres.forEach((c, i) => {
    if (index.has(c.id)) issues.push({ path: ['cadres', i, 'id'], code: 'duplicate_id', message: `cadre '${c.id}' is listed twice` });
    index.set(c.id, index.size);
  });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid cadres', issues);
  const t = tally(records, index, 'personId', period, vetoes);
  checkPeriod(period, t.inPeriod);

  const n = index.size;
  const totals = new Float64Array(n);
  const w = [rubric.weights.morality, rubric.weights.ability, rubric.weights.diligence, rubric.weights.achievement, rubric.weights.integrity];
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let d = 0; d < 5; d++) total += (w[d] as number) * clamp(rubric.base + rubric.pointValue * (t.points[i * 5 + d] as number));
    totals[i] = settle(total);
  }
  const ids = cadres.map((c) => c.id);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (totals[b] as number) - (totals[a] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
  const share = QUOTA_SHARE[quotaRule.edition][quotaRule.withApproval ? 1 : 0];
  const max = Math.floor(n * share);
  const quotaRuleId: EvaluationRuleId = quotaRule.edition === '2007' ? 'evaluation.excellentQuota.2007' : 'evaluation.excellentQuota.2020';
  let used = 0;
  const grades: CadreEvaluation[] = order.map((i, r) => {
    const total = totals[i] as number;
    const th = rubric.thresholds;
    let grade: CadreGrade;
    let reason: Label;
    const rules: EvaluationRuleId[] = ['evaluation.dimensions', 'evaluation.grades'];
    if (total >= th.excellent && used < max && t.vetoed[i] === 0) {
      grade = 'excellent';
      used++;
      rules.push(quotaRuleId);
      reason = { zh: `总分${round(total)}，达到优秀线${th.excellent}，在优秀名额${max}个以内（第${used}个）`, en: `total ${round(total)} reaches the excellent line ${th.excellent}, within the quota of ${max} (place ${used})` };
    } else {
      grade = total >= th.competent ? 'competent' : total >= th.basicallyCompetent ? 'basicallyCompetent' : 'incompetent';
      const label = LABELS.cadreGrade[grade];
      const why =
        total >= th.excellent
          ? t.vetoed[i] === 1
            ? { zh: '，有缺岗或逾期未改问题，不评优秀', en: '; a missed shift or an overdue finding bars excellent' }
            : { zh: `，优秀名额${max}个已满`, en: `; the ${max} excellent places are taken` }
          : { zh: '', en: '' };
      if (total >= th.excellent) rules.push(quotaRuleId);
      reason = { zh: `总分${round(total)}，评为${label.zh}${why.zh}`, en: `total ${round(total)}: ${label.en}${why.en}` };
    }
    const dims = {} as Record<EvaluationDimension, number>;
    DIMENSIONS.forEach((d, k) => (dims[d] = round(clamp(rubric.base + rubric.pointValue * (t.points[i * 5 + k] as number)))));
    return { personId: ids[i] as PersonId, rank: r + 1, total: round(total), dimensions: dims, grade, reason, rules, evidence: evidenceOf(t, i) };
  });
  return { grades, quota: { share, max, used, rule: quotaRuleId } };
}

function evidenceOf(t: Tally, i: number): GradeEvidence {
  let points = 0;
  for (let d = 0; d < 5; d++) points += t.points[i * 5 + d] as number;
  const top = [t.top[i * 3], t.top[i * 3 + 1], t.top[i * 3 + 2]].filter((r): r is PerformanceRecord => r !== undefined);
  return { records: t.counts[i] as number, points: round(points), top, faults: t.faults[i] ?? [] };
}

const clamp = (x: number): number => (x < 0 ? 0 : x > 100 ? 100 : x);

/**
 * One leadership team's evaluation: its unit, rank, score, grade, reason, rules and evidence.
 *
 * @example
 * const villages = ledgerTree(ledger).units.filter((u) => u.kind === 'village' || u.kind === 'community');
 * const t: TeamEvaluation = evaluateTeams(records, villages.map((u) => u.id), { period }).grades[0]!;
 * t.rank; // => 1
 * @category Evaluation
 */
export interface TeamEvaluation {
  /** The unit whose leadership team it is. */
  readonly unitId: OrgId;
  /** 1 for the best. */
  readonly rank: number;
  /** Score, 0–100. */
  readonly score: number;
  /** The grade. */
  readonly grade: TeamGrade;
  /** Why, in words. */
  readonly reason: Label;
  /** The rules behind it. */
  readonly rules: readonly EvaluationRuleId[];
  /** The unit's own evidence. */
  readonly evidence: GradeEvidence;
  /** The mean total of its cadres, when cadre evaluations were given. */
  readonly cadreMean: number | null;
}

/**
 * Options of {@link evaluateTeams}.
 *
 * @example
 * const o: TeamOptions = { period: { from: '2020-01-25', to: '2020-02-07' } };
 * @category Evaluation
 */
export interface TeamOptions {
  /** The period. */
  readonly period: Period;
  /** The rubric (its base and point value score a unit's records; default {@link DEFAULT_RUBRIC}). */
  readonly rubric?: Rubric;
  /** Cadre evaluations: a team's score is then the mean of its unit's score and its cadres' totals. */
  readonly cadres?: CadreEvaluations;
  /** Each evaluated cadre's unit, to find a team's cadres. */
  readonly unitOf?: ReadonlyMap<string, OrgId>;
  /** Lowest scores of good (also within 40%), fairly good and average (default 75, 65, 55). */
  readonly thresholds?: { readonly good: number; readonly fairlyGood: number; readonly average: number };
}

/**
 * Evaluates leadership teams (a special assessment on the front line): each unit's score from its
 * own records (findings fixed or left overdue in it, deeds of the team), averaged with the totals of
 * its cadres when given; ranked, with good (好) for at most 40% of the teams, from 75 and with no
 * overdue finding, then fairly good (from 65), average (from 55) or poor.
 *
 * @param records - The performance records.
 * @param units - The units whose leadership teams are graded, each once.
 * @param options - The period, and optionally the rubric, cadre evaluations and thresholds.
 * @returns The evaluations in rank order, and the most `good` grades allowed.
 * @throws {@link FrontlineError} `invalid_input` for invalid options or thresholds, a unit listed twice, a malformed record, or no record in the period.
 * @example
 * const villages = ledgerTree(ledger).units.filter((u) => u.kind === 'village' || u.kind === 'community');
 * const { grades, goodMax } = evaluateTeams(records, villages.map((u) => u.id), { period });
 * grades.filter((g) => g.grade === 'good').length <= goodMax; // => true
 * @category Evaluation
 */
export function evaluateTeams(records: readonly PerformanceRecord[], units: readonly OrgId[], options: TeamOptions): { readonly grades: readonly TeamEvaluation[]; readonly goodMax: number } {
  requireEvaluationInput(records, options);
  requireList(units, ['units'], 'the units');
  const badUnits = units.flatMap((u, i): Issue[] => (typeof u === 'string' ? [] : [{ path: ['units', i], code: 'invalid_type', message: `a unit is given by its id, got ${describeValue(u)}` }]));
  if (options.unitOf !== undefined && !(options.unitOf instanceof Map))
    badUnits.push({ path: ['options', 'unitOf'], code: 'invalid_type', message: `unitOf is a Map from person id to unit id, got ${describeValue(options.unitOf)}` });
  if (options.cadres !== undefined && !(isRecord(options.cadres) && Array.isArray(options.cadres.grades) && options.cadres.grades.every((g) => isRecord(g) && typeof g['total'] === 'number')))
    badUnits.push({ path: ['options', 'cadres'], code: 'invalid_type', message: 'cadres are the result of evaluateCadres' });
  const thresholds: unknown = options.thresholds;
  if (thresholds !== undefined && !(isRecord(thresholds) && ['good', 'fairlyGood', 'average'].every((k) => Number.isFinite(thresholds[k]))))
    badUnits.push({ path: ['options', 'thresholds'], code: 'invalid_type', message: 'thresholds are three numbers: good, fairlyGood, average' });
  if (badUnits.length > 0) throw new FrontlineError('invalid_input', 'invalid teams', badUnits);
  const period = parseOrThrow(Period, options.period, 'invalid_input', 'period');
  const rubric = options.rubric === undefined ? DEFAULT_RUBRIC : parseOrThrow(Rubric, options.rubric, 'invalid_input', 'rubric');
  const index = new Map<string, number>();
  const dup = units.findIndex((u, i) => units.indexOf(u) !== i);
  if (dup >= 0) throw new FrontlineError('invalid_input', 'invalid units', [{ path: ['units', dup], code: 'duplicate_id', message: `unit '${units[dup]}' is listed twice` }]);
  units.forEach((u) => index.set(u, index.size));
  const t = tally(records, index, 'unitId', period, new Set(['findingOverdue']));
  checkPeriod(period, t.inPeriod);
  const cadreSum = new Float64Array(units.length);
  const cadreCount = new Int32Array(units.length);
  if (options.cadres !== undefined && options.unitOf !== undefined) {
    for (const g of options.cadres.grades) {
      const u: OrgId | undefined = options.unitOf.get(g.personId);
      const i: number | undefined = u === undefined ? undefined : index.get(u);
      if (i === undefined) continue;
      cadreSum[i] = (cadreSum[i] as number) + g.total;
      cadreCount[i] = (cadreCount[i] as number) + 1;
    }
  }
  const scores = units.map((_, i) => {
    let pts = 0;
    for (let d = 0; d < 5; d++) pts += t.points[i * 5 + d] as number;
    const own = clamp(rubric.base + rubric.pointValue * pts);
    const n = cadreCount[i] as number;
    return settle(n === 0 ? own : (own + (cadreSum[i] as number) / n) / 2);
  });
  const order = units.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || ((units[a] as string) < (units[b] as string) ? -1 : 1));
  const goodMax = Math.floor(units.length * 0.4);
  let good = 0;
  const th = options.thresholds ?? { good: 75, fairlyGood: 65, average: 55 };
  if (!(th.good >= th.fairlyGood && th.fairlyGood >= th.average))
    throw new FrontlineError('invalid_input', 'invalid team thresholds', [{ path: ['thresholds'], code: 'invalid_thresholds', message: 'thresholds must not rise from good to average' }]);
  const grades = order.map((i, r): TeamEvaluation => {
    const score = scores[i] as number;
    let grade: TeamGrade;
    if (score >= th.good && good < goodMax && t.vetoed[i] === 0) {
      grade = 'good';
      good++;
    } else grade = score >= th.fairlyGood ? 'fairlyGood' : score >= th.average ? 'average' : 'poor';
    const label = LABELS.teamGrade[grade];
    const n = cadreCount[i] as number;
    return {
      unitId: units[i] as OrgId,
      rank: r + 1,
      score: round(score),
      grade,
      reason: {
        zh: `得分${round(score)}${n > 0 ? `（含${n}名干部平均分）` : ''}，评为${label.zh}${grade !== 'good' && score >= th.good ? (t.vetoed[i] === 1 ? '，有逾期未改问题' : `，“好”等次名额${goodMax}个已满`) : ''}`,
        en: `score ${round(score)}${n > 0 ? ` (with the mean of ${n} cadres)` : ''}: ${label.en}${grade !== 'good' && score >= th.good ? (t.vetoed[i] === 1 ? '; an overdue finding' : `; the ${goodMax} good places are taken`) : ''}`,
      },
      rules: ['evaluation.teams', 'evaluation.routineGood'],
      evidence: evidenceOf(t, i),
      cadreMean: n === 0 ? null : round((cadreSum[i] as number) / n),
    };
  });
  return { grades, goodMax };
}

/**
 * The votes of a democratic appraisal for one member: how many voters gave each grade.
 *
 * @example
 * const v: AppraisalVotes = { excellent: 8, qualified: 3, basicallyQualified: 0, unqualified: 0 };
 * @category Evaluation
 */
export type AppraisalVotes = Readonly<Record<AppraisalGrade, number>>;

/**
 * One member's appraisal: the grade, its reason, the rule, and the votes or evidence behind it.
 *
 * @example
 * const members = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11'];
 * const votes = { p1: { excellent: 8, qualified: 3, basicallyQualified: 0, unqualified: 0 } };
 * const a: MemberAppraisal = appraiseMembers(members, { votes, voters: 11 }).grades[0]!;
 * a.grade; // => 'excellent'
 * @category Evaluation
 */
export interface MemberAppraisal {
  /** The member. */
  readonly personId: PersonId;
  /** The grade. */
  readonly grade: AppraisalGrade;
  /** Why, in words. */
  readonly reason: Label;
  /** The rule. */
  readonly rule: EvaluationRuleId;
  /** The votes, when appraised by vote. */
  readonly votes: AppraisalVotes | null;
  /** Net points of the records, when appraised from records. */
  readonly points: number | null;
}

/**
 * Options of {@link appraiseMembers}: the votes of the appraisal (with the number of voters), or,
 * without votes, the records of a period to appraise from.
 *
 * @example
 * const o: AppraisalOptions = { votes: { p1: { excellent: 8, qualified: 3, basicallyQualified: 0, unqualified: 0 } }, voters: 11 };
 * @category Evaluation
 */
export interface AppraisalOptions {
  /** Votes per member. */
  readonly votes?: Readonly<Record<string, AppraisalVotes>>;
  /** How many members voted. */
  readonly voters?: number;
  /** Without votes: the records to appraise from. */
  readonly records?: readonly PerformanceRecord[];
  /** Without votes: the period of the records. */
  readonly period?: Period;
}

const APPRAISAL_ORDER: readonly AppraisalGrade[] = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'];

/**
 * The yearly democratic appraisal of Party members (self → mutual → vote): by the votes, each
 * member gets the grade most voters gave (ties to the lower grade), and excellent goes to at most a
 * third of the members, those with the most excellent votes first; without votes, from the records
 * of a period (excellent for the best third with net merit, basically qualified for a net fault,
 * unqualified for −10 or worse). A tally with more votes than voters, or more voters than members,
 * is bad input.
 *
 * @param members - The members appraised, each once.
 * @param options - The votes and the number of voters, or (without votes) the records and their period.
 * @returns Each member's appraisal, in the order given, and the most `excellent` grades allowed.
 * @throws {@link FrontlineError} `invalid_input` for a member listed twice, bad tallies, more voters than members, neither votes nor records, an invalid period, or no record in it.
 * @example
 * appraiseMembers(['p1', 'p2', 'p3'], { votes: { p1: { excellent: 3, qualified: 0, basicallyQualified: 0, unqualified: 0 }, p2: { excellent: 2, qualified: 1, basicallyQualified: 0, unqualified: 0 }, p3: { excellent: 0, qualified: 3, basicallyQualified: 0, unqualified: 0 } }, voters: 3 }).grades.map((g) => g.grade);
 * // => ['excellent', 'qualified', 'qualified']
 * @category Evaluation
 */
export function appraiseMembers(members: readonly PersonId[] | readonly string[], options: AppraisalOptions): { readonly grades: readonly MemberAppraisal[]; readonly excellentMax: number } {
  requireList(members, ['members'], 'the members');
  requireRecord(options, ['options'], 'the options');
  const badMembers = (members as readonly unknown[]).flatMap((m, i): Issue[] => (typeof m === 'string' ? [] : [{ path: ['members', i], code: 'invalid_type', message: `a member is given by their id, got ${describeValue(m)}` }]));
  if (options.votes !== undefined && !isRecord(options.votes)) badMembers.push({ path: ['options', 'votes'], code: 'invalid_type', message: `votes are an object of tallies by member id, got ${describeValue(options.votes)}` });
  if (badMembers.length > 0) throw new FrontlineError('invalid_input', 'invalid appraisal', badMembers);
  const ids = members as readonly PersonId[];
  const max = Math.floor(ids.length / 3);
  const issues: Issue[] = [];
  if (new Set(ids).size !== ids.length) issues.push({ path: ['members'], code: 'duplicate_id', message: 'a member is listed twice' });
  if (options.votes !== undefined) {
    const voters = options.voters;
    if (voters === undefined || !Number.isInteger(voters) || voters < 1) issues.push({ path: ['voters'], code: 'invalid_voters', message: 'give the number of members who voted (a whole number, at least 1)' });
    else if (voters > ids.length) issues.push({ path: ['voters'], code: 'too_many_voters', message: `${voters} voters, but only ${ids.length} members` });
    for (const [id, v] of Object.entries(options.votes)) {
      if (!ids.includes(id as PersonId)) issues.push({ path: ['votes', id], code: 'unknown_member', message: `'${id}' is not among the members appraised` });
      if (typeof v !== 'object' || v === null) {
        issues.push({ path: ['votes', id], code: 'invalid_votes', message: 'a tally gives the votes for each grade: excellent, qualified, basicallyQualified, unqualified' });
        continue;
      }
      if (APPRAISAL_ORDER.some((g) => !Number.isInteger(v[g]) || v[g] < 0)) {
        issues.push({ path: ['votes', id], code: 'invalid_votes', message: 'votes are whole numbers, 0 or more' });
        continue;
      }
      const sum = APPRAISAL_ORDER.reduce((s, g) => s + v[g], 0);
      if (Number.isInteger(voters) && sum > (voters as number)) issues.push({ path: ['votes', id], code: 'too_many_votes', message: `${sum} votes for '${id}', but only ${voters} voters` });
    }
    if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid appraisal', issues);
    const given = options.votes;
    // a member's own tally only: an id such as 'constructor' must not read the prototype's
    const votes = (id: string): AppraisalVotes | undefined => (Object.hasOwn(given, id) ? given[id] : undefined);
    const byExcellent = [...ids].sort((a, b) => (votes(b)?.excellent ?? 0) - (votes(a)?.excellent ?? 0) || (a < b ? -1 : 1));
    let used = 0;
    const excellent = new Set<string>();
    for (const id of byExcellent) {
      const v = votes(id);
      if (v === undefined || used >= max) continue;
      if (plurality(v) === 'excellent') {
        excellent.add(id);
        used++;
      }
    }
    return {
      excellentMax: max,
      grades: ids.map((id): MemberAppraisal => {
        const v = votes(id) ?? null;
        let grade: AppraisalGrade = v === null ? 'qualified' : plurality(v);
        let capped = false;
        if (grade === 'excellent' && !excellent.has(id)) {
          grade = 'qualified';
          capped = true;
        }
        const label = LABELS.appraisalGrade[grade];
        return {
          personId: id,
          grade,
          rule: 'evaluation.memberAppraisal',
          votes: v,
          points: null,
          reason:
            v === null
              ? { zh: '无测评票，按合格', en: 'no votes: qualified' }
              : capped
                ? { zh: `得票最多的等次为优秀，但优秀不超过三分之一，${max}名已满，评为${label.zh}`, en: `most votes for excellent, but excellent is for at most a third and the ${max} places are taken: ${label.en}` }
                : { zh: `得票最多的等次为${label.zh}`, en: `most votes for ${label.en}` },
        };
      }),
    };
  }
  if (options.records === undefined || options.period === undefined) issues.push({ path: ['votes'], code: 'nothing_to_appraise', message: 'give the votes, or records and their period' });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid appraisal', issues);
  const period = parseOrThrow(Period, options.period, 'invalid_input', 'period');
  requireList(options.records, ['options', 'records'], 'the performance records');
  const index = new Map<string, number>(ids.map((id, i) => [id, i]));
  const t = tally(options.records ?? [], index, 'personId', period, new Set());
  checkPeriod(period, t.inPeriod);
  const net = ids.map((_, i) => {
    let p = 0;
    for (let d = 0; d < 5; d++) p += t.points[i * 5 + d] as number;
    return settle(p);
  });
  const order = ids.map((_, i) => i).sort((a, b) => (net[b] as number) - (net[a] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
  const grade = new Array<AppraisalGrade>(ids.length);
  let used = 0;
  for (const i of order) {
    const p = net[i] as number;
    if (p > 0 && used < max) {
      grade[i] = 'excellent';
      used++;
    } else grade[i] = p <= -10 ? 'unqualified' : p < 0 ? 'basicallyQualified' : 'qualified';
  }
  return {
    excellentMax: max,
    grades: ids.map((id, i) => {
      const g = grade[i] as AppraisalGrade;
      const p = round(net[i] as number);
      return {
        personId: id,
        grade: g,
        rule: 'evaluation.memberAppraisal',
        votes: null,
        points: p,
        reason: { zh: `记录净分${p}，评为${LABELS.appraisalGrade[g].zh}`, en: `net points ${p}: ${LABELS.appraisalGrade[g].en}` },
      };
    }),
  };
}

/** The grade most voters gave; a tie goes to the lower grade. */
function plurality(v: AppraisalVotes): AppraisalGrade {
  let best: AppraisalGrade = 'qualified';
  let most = -1;
  for (const g of APPRAISAL_ORDER) {
    if (v[g] >= most) {
      most = v[g];
      best = g;
    }
  }
  return most === 0 ? 'qualified' : best;
}
