import { FrontlineError, type Issue } from '../core/errors.js';
import { describeValue, isRecord, listIssues } from '../core/guards.js';
import { summaryIssues } from './summary.js';

// What renderDispatch reads of a report, checked before it writes a line: a report rebuilt from
// JSON, or edited, is refused with every problem named instead of failing half-way through.

type Check = (value: unknown, path: readonly PropertyKey[]) => Issue[];

const problem = (path: readonly PropertyKey[], expected: string, value: unknown): Issue => ({
  path,
  code: 'invalid_type',
  message: `expected ${expected}, got ${describeValue(value)}`,
});

const string: Check = (v, path) => (typeof v === 'string' ? [] : [problem(path, 'a string', v)]);
const number: Check = (v, path) => (typeof v === 'number' && Number.isFinite(v) ? [] : [problem(path, 'a finite number', v)]);
/** A count of people: a whole number from 0 up to the largest safe integer (a chart's scale is drawn from it). */
const count: Check = (v, path) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? [] : [problem(path, 'a whole number of people (0 or more)', v)]);
const boolean: Check = (v, path) => (typeof v === 'boolean' ? [] : [problem(path, 'true or false', v)]);
const orNull =
  (check: Check): Check =>
  (v, path) =>
    v === null ? [] : check(v, path);

/** An object with the fields given, each checked. */
const record =
  (fields: Readonly<Record<string, Check>>): Check =>
  (v, path) => {
    if (!isRecord(v)) return [problem(path, 'an object', v)];
    return Object.entries(fields).flatMap(([key, check]) => check(v[key], [...path, key]));
  };

/** A list (an array without holes) of elements each checked. */
const list =
  (check: Check): Check =>
  (v, path) => {
    const issues = listIssues(v, path, 'the list');
    if (issues.length > 0) return issues;
    return (v as readonly unknown[]).flatMap((x, i) => check(x, [...path, i]));
  };

const named = record({ name: string });
const label = record({ zh: string, en: string });
const summary: Check = (v, path) => summaryIssues(v, path);
const level = record({ submitted: number, expected: number, onTime: number, late: number, missing: number, signedOff: number, nothingToReport: number });

const REPORT = record({
  day: string,
  scope: named,
  hasData: boolean,
  recorded: list(string),
  recordedBefore: list(string),
  note: orNull(label),
  total: summary,
  previous: orNull(summary),
  rows: list(record({ unit: named, summary })),
  movers: list(record({ figure: string, unit: named, from: number, to: number })),
  trend: list(record({ day: string, underObservation: orNull(count) })),
  reporting: (v, path) => {
    const issues = record({ deadline: string, levels: list(level), missing: list(named), nothingToReport: list(named) })(v, path);
    const levels = isRecord(v) ? v['levels'] : undefined;
    if (issues.length === 0 && Array.isArray(levels) && levels.length < 2)
      issues.push({ path: [...path, 'levels'], code: 'too_small', message: 'the reporting has two levels: villages and communities, then townships' });
    return issues;
  },
  attention: list(record({ phone: orNull(string), residentId: orNull(string), status: string, unit: named, township: orNull(named), name: string, since: string, missed: number })),
  disclosedFor: orNull(string),
  communities: list(record({ state: string, unit: named, confirmed: number })),
});

/**
 * @internal Checks that a value has every part of a daily dispatch that rendering reads; throws a
 * {@link FrontlineError} (`invalid_input`) naming each problem under `report` otherwise.
 */
export function requireReport(value: unknown): void {
  const issues = REPORT(value, ['report']);
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid daily dispatch', issues);
}
