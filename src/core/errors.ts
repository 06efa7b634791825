import type { z } from 'zod';

/**
 * The stable codes of {@link FrontlineError}. Apps may switch on them; they never change meaning.
 *
 * - `invalid_input`: bad data or a bad argument (the general case).
 * - `invalid_day`: a day or instant given on its own (an argument or option such as `day`, `asOf`
 *   or `at`) is not a real day, or its day in China falls outside the years 0001–9999. Inside a
 *   record, an event or a problem, a bad day is one of the issues of that input's own code.
 * - `invalid_tree`, `invalid_edit`, `invalid_command`, `invalid_roster`, `invalid_resident_id`,
 *   `invalid_phone`: bad input of that kind.
 * - `unknown_unit`: a scope that is not a unit of the ledger.
 * - `not_authorized`: `applyAs` refused the actor's claimed role or an event outside their scope.
 * - `unsupported_version`: a ledger of a data format version this library does not read.
 *
 * @example
 * const code: ErrorCode = 'invalid_tree';
 * @category Core
 */
export type ErrorCode =
  | 'invalid_input'
  | 'invalid_day'
  | 'invalid_tree'
  | 'invalid_edit'
  | 'invalid_command'
  | 'invalid_resident_id'
  | 'invalid_phone'
  | 'unknown_unit'
  | 'invalid_roster'
  | 'conflict'
  | 'not_authorized'
  | 'unsupported_version';

/**
 * One problem found in some input: where it is, what kind it is, and what is wrong, in words.
 *
 * @example
 * const issue: Issue = { path: ['units', 2, 'parentId'], code: 'unknown_parent', message: "unknown parent 'x'" };
 * @category Core
 */
export interface Issue {
  /** Where the problem is inside the input, as keys and array indexes from its root. */
  readonly path: readonly PropertyKey[];
  /** A short stable code for the kind of problem, such as `unknown_parent` or `too_small`. */
  readonly code: string;
  /** The problem in words a person understands. */
  readonly message: string;
  /** The id of the rule of {@link RULES} that the problem breaks, when one does. */
  readonly rule?: string;
}

/**
 * Formats a path as `units[2].parentId`.
 *
 * @param path - Keys and array indexes from the root.
 * @returns The path in dotted form, `(root)` when empty.
 * @example
 * formatPath(['units', 2, 'parentId']); // => 'units[2].parentId'
 * @category Core
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    // a path holds keys; anything else is written by its kind rather than trusted to convert
    const name = typeof key === 'string' || typeof key === 'symbol' ? String(key) : typeof key === 'number' ? '' : `(${typeof key})`;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? name : `.${name}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * The one error class of the library: a stable {@link ErrorCode} and every {@link Issue} found.
 * Its message lists each issue with its path, so a log line tells the whole story.
 *
 * @example
 * try {
 *   parseDay('2020-02-30');
 * } catch (e) {
 *   if (e instanceof FrontlineError) console.log(e.code, e.issues.length); // => 'invalid_day' 1
 * }
 * @category Core
 */
export class FrontlineError extends Error {
  /** The stable code of this kind of failure. */
  readonly code: ErrorCode;
  /** Every problem found, each with its path. */
  readonly issues: readonly Issue[];

  /**
   * Creates the error; its message lists every issue with its path.
   *
   * @param code - The stable code.
   * @param summary - One line saying what was being done.
   * @param issues - Every problem found.
   */
  constructor(code: ErrorCode, summary: string, issues: readonly Issue[]) {
    const lines = issues.map((i) => `  - ${formatPath(i.path)}: ${i.message}`);
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`frontline: ${summary} (${count})${lines.length > 0 ? `\n${lines.join('\n')}` : ''}`);
    this.name = 'FrontlineError';
    this.code = code;
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * The outcome of a non-throwing entry point: the value, or the error that the throwing variant would
 * have thrown.
 *
 * @example
 * const r: Result<number> = { ok: true, value: 1 };
 * if (r.ok) console.log(r.value); // => 1
 * @category Core
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: FrontlineError };

/**
 * Turns zod's issues into library issues, prefixing each path with `base`.
 *
 * @param error - A zod error.
 * @param base - A path to put in front of each issue's own (default none).
 * @returns One issue per zod issue, in order.
 * @example
 * const r = z.object({ a: z.number() }).safeParse({ a: 'x' });
 * if (!r.success) issuesFromZod(r.error, ['input'])[0]?.path; // => ['input', 'a']
 * @category Core
 */
export function issuesFromZod(error: z.core.$ZodError, base: readonly PropertyKey[] = []): Issue[] {
  return error.issues.map((i) => ({
    path: [...base, ...i.path],
    code: i.code,
    message: i.message,
  }));
}

/**
 * Parses `input` with a zod schema and throws a {@link FrontlineError} listing every problem.
 *
 * @param schema - The zod schema.
 * @param input - The value to parse.
 * @param code - The code of the error thrown.
 * @param what - What the input is, for the message (`invalid ${what}`).
 * @returns The parsed value.
 * @throws {@link FrontlineError} with the given `code` when the input does not parse.
 * @example
 * parseOrThrow(z.number(), 3, 'invalid_input', 'a count'); // => 3
 * @category Core
 */
export function parseOrThrow<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  code: ErrorCode,
  what: string,
): z.output<S> {
  const r = safeParseWith(schema, input, code, what);
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Parses `input` with a zod schema and returns a {@link Result} instead of throwing.
 *
 * @param schema - The zod schema.
 * @param input - The value to parse.
 * @param code - The code of the error in a failed result.
 * @param what - What the input is, for the message (`invalid ${what}`).
 * @returns The parsed value, or the error listing every problem.
 * @example
 * safeParseWith(z.number(), 'x', 'invalid_input', 'a count').ok; // => false
 * @category Core
 */
export function safeParseWith<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  code: ErrorCode,
  what: string,
): Result<z.output<S>> {
  const r = (schema as unknown as z.ZodType<z.output<S>>).safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: new FrontlineError(code, `invalid ${what}`, issuesFromZod(r.error)) };
}

/** @internal Wraps a throwing computation into a {@link Result}, letting other errors through. */
export function toResult<T>(run: () => T): Result<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof FrontlineError) return { ok: false, error: e };
    throw e;
  }
}
