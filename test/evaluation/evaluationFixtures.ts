/**
 * Hand-made performance records for the evaluation tests, and small helpers.
 */
import type { Day, EvaluationDimension, OrgId, PerformanceRecord, PersonId, RecordKind } from '../../src/index.js';
import { FrontlineError, type Issue } from '../../src/index.js';

/** The period of the tests. */
export const PERIOD = { from: '2020-01-26' as Day, to: '2020-02-08' as Day };

/** A record of a person (or of a unit, with `unitId`), by default a deed of +1 on achievement on 2020-01-27. */
export function rec(
  subject: string,
  o: { kind?: RecordKind; points?: number; dimension?: EvaluationDimension; day?: string; unit?: boolean; amount?: number; source?: string } = {},
): PerformanceRecord {
  return {
    ...(o.unit === true ? { unitId: subject as OrgId } : { personId: subject as PersonId }),
    kind: o.kind ?? 'deed',
    dimension: o.dimension ?? 'achievement',
    day: (o.day ?? '2020-01-27') as Day,
    amount: o.amount ?? 1,
    points: o.points ?? 1,
    sources: [{ table: 'deeds', id: o.source ?? `${subject}-${o.kind ?? 'deed'}-${o.points ?? 1}` }],
  };
}

/** `n` records of a person, the same each. */
export const many = (n: number, subject: string, o: Parameters<typeof rec>[1] = {}): PerformanceRecord[] => Array.from({ length: n }, (_, k) => rec(subject, { source: `${subject}-${k}`, ...o }));

const DIMS: readonly EvaluationDimension[] = ['morality', 'ability', 'diligence', 'achievement', 'integrity'];

/** Records that bring every dimension of a person to 100 under the default rubric (+15 points each). */
export const top = (subject: string): PerformanceRecord[] => DIMS.flatMap((dimension) => many(3, subject, { dimension, points: 5 }));

/** Cadre ids `${prefix}00` … as `{ id }` rows. */
export const cadres = (n: number, prefix = 'c'): { id: PersonId }[] => Array.from({ length: n }, (_, k) => ({ id: `${prefix}${String(k).padStart(2, '0')}` as PersonId }));

/** The problems of a refused call. */
export function issuesOf(run: () => unknown): Issue[] {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return [...e.issues];
    throw e;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}

/** The path and code of each problem of a refused call. */
export const problems = (run: () => unknown): { path: readonly PropertyKey[]; code: string }[] => issuesOf(run).map((i) => ({ path: i.path, code: i.code }));
