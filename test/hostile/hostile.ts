/**
 * Hostile inputs for the entry points, and the one property every entry point must keep: given
 * anything, it returns a result or throws a FrontlineError (at least one issue, each with a path of
 * keys), never a raw TypeError or RangeError; the arguments are left exactly as they were (so a
 * refused ledger is unchanged); nothing is added to the prototypes.
 *
 * The inputs: fast-check's `anything` (null prototypes, boxed values, sparse and typed arrays, maps,
 * sets, dates, big integers), values of the wrong type, huge strings, `__proto__` and `constructor`
 * keys, impossible days and instants, arrays with holes, and valid inputs with one part replaced,
 * deleted, holed or given an own `__proto__` key.
 */
import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { FrontlineError, type Result } from '../../src/index.js';

// a failing property reports its counterexample within a minute: shrinking hostile values can
// otherwise run on for many minutes
fc.installGlobalPlugin(fc.interruptAfterTimeLimit(50_000, { failOnInterrupt: true }));
if (process.env['HOSTILE_NO_SHRINK'] === '1') fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });

const anything = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Values of every wrong type, including the ones that break string conversion. */
export const wrongType = fc.constantFrom<unknown>(
  null,
  undefined,
  0,
  -0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  '',
  ' ',
  'x',
  [],
  {},
  [null],
  [undefined],
  new Date(Number.NaN),
  new Date(0),
  Symbol('s'),
  () => 0,
  new Map([['a', 1]]),
  new Set([1]),
  10n,
  Object.create(null),
  new Uint8Array(3),
  /re/,
  new Error('not data'),
  { length: 1, 0: 'array-like' },
  { toString: null, valueOf: null },
);

const HUGE = 'x'.repeat(100_000);

/** Huge and odd strings. */
export const oddString = fc.constantFrom(HUGE, '1'.repeat(50_000), '岳'.repeat(20_000), '\u0000'.repeat(100), '\ud800\udc00\ud800', 'a/b/c/d', '__proto__', 'constructor', 'toString', 'hasOwnProperty');

/** Days that are not days: impossible dates, years out of range, wrong shapes. */
export const badDay = fc.constantFrom(
  '2020-02-30',
  '2021-02-29',
  '2020-13-01',
  '2020-00-10',
  '2020-04-31',
  '0000-01-01',
  '0000-12-31',
  '10000-01-01',
  '-0001-01-01',
  '+002020-01-24',
  '2020-1-1',
  '20200124',
  '2020-01-24T00:00:00+08:00',
  '2020-01-24 ',
  '２０２０-01-24',
);

/** Instants that are not instants, or whose day in China is not a day of the years 0001–9999. */
export const badInstant = fc.constantFrom(
  '9999-12-31T23:59:59-12:00',
  '9999-12-31T16:00:00Z',
  '9999-12-31T23:59:59.999-23:59',
  '0000-01-01T00:00:00+14:00',
  '0000-06-01T00:00:00+08:00',
  '0001-01-01T00:00:00+14:00',
  '2020-02-30T10:00:00+08:00',
  '2021-02-29T10:00:00Z',
  '2020-01-24T24:00:00+08:00',
  '2020-01-24T10:60:00+08:00',
  '2020-01-24T10:00:60+08:00',
  '2020-01-24T10:00:00',
  '2020-01-24T10:00:00+0800',
  '2020-01-24T10:00:00+24:00',
  '+275760-09-13T00:00:00Z',
  '2020-01-24',
);

/** Edge values that are fine, mixed in so that mutated inputs also reach past the first checks. */
export const edgeDay = fc.constantFrom('0001-01-01', '9999-12-31', '1900-02-28', '2000-02-29', '1991-12-31', '1992-01-01', '2020-01-25');
export const edgeInstant = fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T15:59:59Z', '9999-12-31T23:59:59+08:00', '1991-12-31T16:00:00Z', '1900-01-01T00:00:00+08:00', '2020-01-25T10:00:00+08:00');

/** Objects whose own keys are `__proto__` or `constructor`, as `JSON.parse` makes them. */
export const protoObject = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":null,"id":"x"}'),
  JSON.parse('[{"__proto__":{"polluted":"yes"}}]'),
);

/** Arrays with holes. */
// eslint-disable-next-line no-sparse-arrays
export const holed = fc.constantFrom<unknown>([, 1], [1, , 2], new Array(3), [undefined, ,]);

/** The values that most often stand where an object was expected. */
export const nullish = fc.constantFrom<unknown>(null, undefined, {}, []);

/** Anything hostile. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: anything },
  { weight: 2, arbitrary: nullish },
  { weight: 3, arbitrary: wrongType },
  { weight: 1, arbitrary: oddString },
  { weight: 2, arbitrary: badDay },
  { weight: 2, arbitrary: badInstant },
  { weight: 1, arbitrary: edgeDay },
  { weight: 1, arbitrary: edgeInstant },
  { weight: 1, arbitrary: protoObject },
  { weight: 1, arbitrary: holed },
);

type Key = string | number;

/** The paths to every part of a plain value (arrays and plain objects are entered; the root is `[]`). */
function pathsOf(value: unknown, path: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (isPlain(value)) for (const k of Object.keys(value)) pathsOf((value as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A shallow copy that keeps holes and a null prototype. */
function copy(value: object): Record<Key, unknown> {
  if (Array.isArray(value)) return value.slice() as unknown as Record<Key, unknown>;
  return Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value) as Record<Key, unknown>;
}

type Op = 'replace' | 'delete' | 'proto';

/** `valid` with the part at `path` replaced, deleted (a hole in an array) or given an own `__proto__` key; only the objects on the path are copied. */
function edit(valid: unknown, path: readonly Key[], op: Op, value: unknown): unknown {
  if (path.length === 0) return op === 'replace' ? value : op === 'proto' && isPlain(valid) ? withProto(valid, value) : value;
  const [head, ...rest] = path as [Key, ...Key[]];
  const out = copy(valid as object);
  if (rest.length === 0 && op === 'delete') delete out[head];
  else if (rest.length === 0 && op === 'proto') out[head] = isPlain(out[head]) ? withProto(out[head] as object, value) : value;
  else out[head] = edit(out[head], rest, op, value);
  return out;
}

function withProto(target: object, value: unknown): object {
  const out = copy(target);
  Object.defineProperty(out, '__proto__', { value, enumerable: true, configurable: true, writable: true });
  return out;
}

/**
 * Valid `valid` with one part changed: replaced by something hostile (or by `extra`), deleted (a
 * hole, in an array), or given an own `__proto__` key.
 */
export function mutated(valid: unknown, extra?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const replacement = extra === undefined ? hostile : fc.oneof(hostile, extra);
  return fc
    .record({ at: fc.nat({ max: paths.length - 1 }), op: fc.constantFrom<Op>('replace', 'replace', 'replace', 'delete', 'proto'), value: replacement })
    .map(({ at, op, value }) => edit(valid, paths[at] as Key[], op, value));
}

/** A valid value, a mutated one, or anything hostile. */
export function around(valid: unknown, extra?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant(valid) }, { weight: 4, arbitrary: mutated(valid, extra) }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: nullish });
}

/**
 * Arguments for a call: the valid arguments with one of them made hostile (mutated or replaced),
 * or every argument hostile at once.
 */
export function argsAround(valid: readonly unknown[], per: readonly (fc.Arbitrary<unknown> | undefined)[] = []): fc.Arbitrary<unknown[]> {
  const one = valid.map((_, k) =>
    fc.tuple(...valid.map((v, i) => (i === k ? (per[i] ?? around(v)) : fc.constant(v)))).map((args) => args as unknown[]),
  );
  const all = fc.tuple(...valid.map(() => hostile)).map((args) => args as unknown[]);
  return fc.oneof(...one.map((arbitrary) => ({ weight: 3, arbitrary })), { weight: 1, arbitrary: all });
}

/** Checks the issues of a refusal: at least one, each with a path of keys, a code and a message. */
export function expectIssues(e: FrontlineError): void {
  expect(e.issues.length).toBeGreaterThan(0);
  for (const i of e.issues) {
    expect(Array.isArray(i.path)).toBe(true);
    for (const k of i.path) expect(['string', 'number', 'symbol']).toContain(typeof k);
    expect(typeof i.code).toBe('string');
    expect(typeof i.message).toBe('string');
  }
  expect(typeof e.message).toBe('string');
}

/** Deeply frozen objects, found once each: they cannot have changed, so they are compared by identity. */
const frozenDeep = new WeakMap<object, boolean>();
const ids = new WeakMap<object, number>();
let nextId = 0;

function isDeepFrozen(value: object): boolean {
  const known = frozenDeep.get(value);
  if (known !== undefined) return known;
  // a Map, Set, Date or typed array keeps its contents changeable even when frozen
  let out = Object.isFrozen(value) && !(value instanceof Map || value instanceof Set || value instanceof Date || ArrayBuffer.isView(value));
  frozenDeep.set(value, out);
  if (out)
    for (const key of Reflect.ownKeys(value)) {
      const v = (Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor).value as unknown;
      if ((typeof v === 'object' || typeof v === 'function') && v !== null && !isDeepFrozen(v)) {
        out = false;
        break;
      }
    }
  frozenDeep.set(value, out);
  return out;
}

/**
 * A string that changes whenever anything reachable from `value` changes: every own key (symbols
 * too) and value, holes, the contents of maps, sets, dates and typed arrays, prototypes (not
 * whether it is frozen). A deeply frozen object is written by its identity: it cannot change.
 */
export function fingerprint(value: unknown, depth = 0): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return String(value);
    case 'boolean':
    case 'undefined':
      return String(value);
    default:
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (depth > 50) return '…';
  if (isDeepFrozen(obj)) {
    let id = ids.get(obj);
    if (id === undefined) ids.set(obj, (id = ++nextId));
    return `#${id}`;
  }
  const parts: string[] = [];
  if (Array.isArray(obj)) for (let i = 0; i < obj.length; i++) parts.push(i in obj ? fingerprint(obj[i], depth + 1) : '<hole>');
  if (obj instanceof Map) for (const [k, v] of obj) parts.push(`${fingerprint(k, depth + 1)}=>${fingerprint(v, depth + 1)}`);
  if (obj instanceof Set) for (const v of obj) parts.push(fingerprint(v, depth + 1));
  if (obj instanceof Date) parts.push(String(obj.getTime()));
  if (ArrayBuffer.isView(obj)) parts.push(String(Array.from(obj as unknown as ArrayLike<unknown>)));
  for (const key of Reflect.ownKeys(obj)) {
    if (Array.isArray(obj) && (key === 'length' || (typeof key === 'string' && /^\d+$/.test(key)))) continue;
    const d = Object.getOwnPropertyDescriptor(obj, key) as PropertyDescriptor;
    parts.push(`${String(key)}:${'value' in d ? fingerprint(d.value, depth + 1) : 'accessor'}`);
  }
  const proto = Object.getPrototypeOf(obj) as object | null;
  const kind = typeof obj === 'function' ? 'fn' : proto === null ? 'null' : ((proto.constructor as { name?: string } | undefined)?.name ?? '?');
  // frozenness is not compared: a ledger shares the caller's unchanged parts with the new one, which is frozen
  return `${kind}{${parts.join(',')}}`;
}

/**
 * The number of runs of a property: `n`, times `HOSTILE_SCALE` from the environment (default 1) for
 * a longer soak, such as `HOSTILE_SCALE=20 npx vitest run test/hostile`.
 */
export function runs(n: number): number {
  const scale = Number(process.env['HOSTILE_SCALE'] ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

let inputs = 0;

/** Counts one generated input (one run of a property). */
export function countInput(): void {
  inputs++;
}

/** How many generated inputs this file has tried. */
export const inputCount = (): number => inputs;

/**
 * Calls `run` with `args`: it returns, or throws a {@link FrontlineError} with issues (anything else
 * fails the test, naming the error); `args` are unchanged afterwards and no prototype gained a key.
 * Returns the outcome.
 */
export function hostileCall<T>(args: readonly unknown[], run: () => T): { ok: true; value: T } | { ok: false; error: FrontlineError } {
  const before = fingerprint(args);
  let out: { ok: true; value: T } | { ok: false; error: FrontlineError };
  try {
    out = { ok: true, value: run() };
  } catch (e) {
    if (!(e instanceof FrontlineError)) throw new Error(`raw ${e instanceof Error ? e.name : typeof e} instead of a FrontlineError: ${String(e instanceof Error ? e.stack : e)}`);
    expectIssues(e);
    out = { ok: false, error: e };
  }
  const after = fingerprint(args);
  if (after !== before) {
    let i = 0;
    while (i < before.length && before[i] === after[i]) i++;
    expect(`…${after.slice(Math.max(0, i - 120), i + 120)}`).toBe(`…${before.slice(Math.max(0, i - 120), i + 120)}`);
  }
  expectCleanPrototypes();
  return out;
}

/** Calls a `try…` function: it never throws, and gives `{ ok: true }` or `{ ok: false, error: FrontlineError }`. */
export function hostileTry<T>(args: readonly unknown[], run: () => Result<T>): Result<T> {
  const out = hostileCall(args, run);
  if (!out.ok) throw new Error(`a try… function threw: ${out.error.message}`);
  const r = out.value;
  if (!r.ok) {
    expect(r.error).toBeInstanceOf(FrontlineError);
    expectIssues(r.error);
  } else expect(r.ok).toBe(true);
  return r;
}

const CLEAN = [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Reflect.ownKeys(p).length);

/** No key was added to the built-in prototypes. */
export function expectCleanPrototypes(): void {
  expect([Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Reflect.ownKeys(p).length)).toEqual(CLEAN);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}
