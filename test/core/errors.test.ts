import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { FrontlineError, formatPath, issuesFromZod, parseOrThrow, safeParseWith, type Issue } from '../../src/index.js';
import { toResult } from '../../src/core/errors.js';

describe('formatPath', () => {
  test.each<[PropertyKey[], string]>([
    [['units', 2, 'parentId'], 'units[2].parentId'],
    [[], '(root)'],
    [['units'], 'units'],
    [[0], '[0]'],
    [[0, 'a'], '[0].a'],
    [['a', 'b', 3, 4, 'c'], 'a.b[3][4].c'],
    [['tags', Symbol('k')], 'tags.Symbol(k)'],
  ])('%j is written %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('FrontlineError', () => {
  const issues: Issue[] = [
    { path: ['units', 2, 'parentId'], code: 'unknown_parent', message: "unknown parent 'x'", rule: 'org.unknownParent' },
    { path: [], code: 'single_root', message: 'two roots' },
  ];

  test('is an Error with a stable code, a name and the issues', () => {
    const e = new FrontlineError('invalid_tree', 'invalid tree', issues);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(FrontlineError);
    expect(e.name).toBe('FrontlineError');
    expect(e.code).toBe('invalid_tree');
    expect(e.issues).toEqual(issues);
  });

  test('its message lists every issue with its formatted path', () => {
    const e = new FrontlineError('invalid_tree', 'invalid tree', issues);
    expect(e.message).toBe(
      "frontline: invalid tree (2 problems)\n  - units[2].parentId: unknown parent 'x'\n  - (root): two roots",
    );
  });

  test('says "1 problem" for one issue and has no issue lines for none', () => {
    expect(new FrontlineError('invalid_input', 'bad', [issues[1] as Issue]).message).toBe(
      'frontline: bad (1 problem)\n  - (root): two roots',
    );
    expect(new FrontlineError('invalid_input', 'bad', []).message).toBe('frontline: bad (0 problems)');
  });

  test('keeps its own frozen copy of the issues', () => {
    const list = [...issues];
    const e = new FrontlineError('invalid_tree', 'invalid tree', list);
    list.pop();
    expect(e.issues).toHaveLength(2);
    expect(Object.isFrozen(e.issues)).toBe(true);
  });
});

describe('issuesFromZod', () => {
  const Schema = z.object({ units: z.array(z.object({ name: z.string().min(1), size: z.number() })) });

  test('maps each zod issue with its path, code and message', () => {
    const r = Schema.safeParse({ units: [{ name: 'a', size: 1 }, { name: '', size: 'x' }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    const out = issuesFromZod(r.error);
    expect(out.map((i) => i.path)).toEqual([
      ['units', 1, 'name'],
      ['units', 1, 'size'],
    ]);
    expect(out.map((i) => i.code)).toEqual(['too_small', 'invalid_type']);
    expect(out.every((i) => i.message.length > 0)).toBe(true);
  });

  test('prefixes each path with the base', () => {
    const r = z.object({ a: z.number() }).safeParse({ a: 'x' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(issuesFromZod(r.error, ['input'])[0]?.path).toEqual(['input', 'a']);
    expect(issuesFromZod(r.error, ['batch', 3])[0]?.path).toEqual(['batch', 3, 'a']);
  });
});

describe('safeParseWith and parseOrThrow', () => {
  const Pair = z.object({ a: z.number(), b: z.string() }).strict();

  test('give the parsed value on success', () => {
    expect(safeParseWith(z.number(), 3, 'invalid_input', 'a count')).toEqual({ ok: true, value: 3 });
    expect(parseOrThrow(z.number(), 3, 'invalid_input', 'a count')).toBe(3);
    expect(parseOrThrow(z.string().trim(), '  x ', 'invalid_input', 'a name')).toBe('x');
  });

  test('safeParseWith returns the error listing every problem', () => {
    const r = safeParseWith(Pair, { a: 'x', b: 1 }, 'invalid_command', 'a pair');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(FrontlineError);
    expect(r.error.code).toBe('invalid_command');
    expect(r.error.issues.map((i) => i.path)).toEqual([['a'], ['b']]);
    expect(r.error.message).toMatch(/^frontline: invalid a pair \(2 problems\)\n {2}- a: .+\n {2}- b: .+$/);
  });

  test('parseOrThrow throws the same error', () => {
    let thrown: unknown;
    try {
      parseOrThrow(Pair, { a: 1, b: 'x', c: true }, 'invalid_input', 'a pair');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FrontlineError);
    const e = thrown as FrontlineError;
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.code).toBe('unrecognized_keys');
    expect(e.message).toContain('(root)');
  });
});

describe('toResult (internal)', () => {
  test('wraps a value or a FrontlineError, lets other errors through', () => {
    expect(toResult(() => 7)).toEqual({ ok: true, value: 7 });
    const fe = new FrontlineError('unknown_unit', 'no unit', []);
    expect(
      toResult(() => {
        throw fe;
      }),
    ).toEqual({ ok: false, error: fe });
    expect(() =>
      toResult(() => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
  });
});
