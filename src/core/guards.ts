import { FrontlineError, type ErrorCode, type Issue } from './errors.js';

// The checks at the top of the public entry points: each turns an argument of the wrong kind into a
// FrontlineError naming it by its path, before any work, so that no caller data can reach code
// that would fail on it with a raw TypeError.

/**
 * @internal A short description of any value for a message. It never calls the value's own
 * methods (an object without a prototype has no `toString`, a symbol cannot be put in a template).
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)` : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value.toString()}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return `an array of ${value.length}`;
      return 'an object';
  }
}

/** @internal A refusal naming one problem at `path`. */
export function refusal(code: ErrorCode, summary: string, path: readonly PropertyKey[], issueCode: string, message: string): FrontlineError {
  return new FrontlineError(code, summary, [{ path, code: issueCode, message }]);
}

/** @internal True for an object that is not an array (a record of named fields). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @internal Checks that options are left out or are an object; `null`, an array or a number are
 * refused as `invalid_input` at `path`.
 */
export function requireOptions(value: unknown, path: PropertyKey = 'options'): void {
  if (value !== undefined && !isRecord(value))
    throw refusal('invalid_input', `invalid ${String(path)}`, [path], 'invalid_type', `${String(path)} must be an object or left out, got ${describeValue(value)}`);
}

/** @internal Checks that a value is an object (not an array) and returns it; `invalid_input` at `path` otherwise. */
export function requireRecord(value: unknown, path: readonly PropertyKey[], what: string): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) throw refusal('invalid_input', `invalid ${what}`, path, 'invalid_type', `expected ${what} (an object), got ${describeValue(value)}`);
  return value;
}

/** @internal Checks that a value is a string and returns it; `code` (default `invalid_input`) at `path` otherwise. */
export function requireString(value: unknown, path: readonly PropertyKey[], what: string, code: ErrorCode = 'invalid_input'): string {
  if (typeof value !== 'string') throw refusal(code, `invalid ${what}`, path, 'invalid_type', `expected ${what} (a string), got ${describeValue(value)}`);
  return value;
}

/**
 * @internal The problems of a value that should be a list: not an array (an array-like object is
 * not one), or an array with holes (`[, x]`): each hole is named, since skipping it would hide a
 * lost element.
 */
export function listIssues(value: unknown, path: readonly PropertyKey[], what: string): Issue[] {
  if (!Array.isArray(value)) return [{ path, code: 'invalid_type', message: `expected ${what} (an array), got ${describeValue(value)}` }];
  const issues: Issue[] = [];
  for (let i = 0; i < value.length && issues.length < MAX_HOLES; i++)
    if (!(i in value)) issues.push(holeIssue([...path, i], what, i));
  return issues;
}

/** Holes named at most: a sparse array of a billion slots is refused as fast as one of two. */
const MAX_HOLES = 20;

/** @internal The problem of a hole at index `i` of a list. */
export function holeIssue(path: readonly PropertyKey[], what: string, i: number): Issue {
  return { path, code: 'missing_element', message: `${what} has a hole at index ${i}: nothing is there` };
}

/** @internal Checks a list with {@link listIssues} and returns it; `code` (default `invalid_input`) otherwise. */
export function requireList(value: unknown, path: readonly PropertyKey[], what: string, code: ErrorCode = 'invalid_input'): readonly unknown[] {
  const issues = listIssues(value, path, what);
  if (issues.length > 0) throw new FrontlineError(code, `invalid ${what}`, issues);
  return value as readonly unknown[];
}
