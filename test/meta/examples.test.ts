/**
 * Runs every `@example` of the library's doc comments and checks its `// =>` claims (see
 * `examples.ts` for what an example and a claim are).
 *
 * Each example runs on its own, as the body of an async function, with in scope: every export of
 * the library's entry points (`src/index.ts`, and `src/entries/store.ts`, which the root does not
 * re-export); the exports of its own module (so that an internal helper's example can name the
 * helper); and the fixtures of `exampleFixtures.ts` it names (`ledger`, `tree`, `store`, …). Its
 * code sits in a block, so its own declarations shadow those names. An example fails when it does
 * not parse, when a claim cannot be understood, when a claim does not hold, or when it throws
 * outside a statement marked `// throws`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as store from '../../src/entries/store.js';
import * as root from '../../src/index.js';
import { FIXTURE_NAMES, closeFixtures, fixtures } from './exampleFixtures.js';
import { examplesOf, instrument, sourceFiles, type Claim, type Example } from './examples.js';

const repository = join(import.meta.dirname, '../..');
const examples = sourceFiles(join(repository, 'src')).flatMap((file) => examplesOf(file, repository));
/** Every export of the entry points. */
const api: Record<string, unknown> = { ...root, ...store };

type AsyncFunctionConstructor = new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as AsyncFunctionConstructor;

const show = (value: unknown): string => inspect(value, { depth: 6, breakLength: 120, maxArrayLength: 20, maxStringLength: 300 });
/** Whether a name can be a parameter of the function an example runs in (not `default`, not a keyword). */
const identifiers = new Map<string, boolean>();
const isIdentifier = (name: string): boolean => {
  let ok = identifiers.get(name);
  if (ok === undefined) {
    try {
      new Function(name, '');
      ok = /^[A-Za-z_$][\w$]*$/.test(name);
    } catch {
      ok = false;
    }
    identifiers.set(name, ok);
  }
  return ok;
};
const mentions = (code: string, name: string): boolean => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(code);

/** Runs one example; resolves to the list of its failures (empty when it holds). */
async function run(example: Example): Promise<{ failures: string[]; claims: number }> {
  const program = instrument(example);
  if (program.problems.length > 0) return { failures: [...program.problems], claims: program.claims.length };
  const scope = new Map<string, unknown>(Object.entries(api));
  const own = (await import(pathToFileURL(join(repository, example.file)).href)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(own)) if (!scope.has(name)) scope.set(name, value);
  for (const [name, value] of await fixtures(FIXTURE_NAMES.filter((name) => mentions(example.code, name)))) scope.set(name, value);

  const failures: string[] = [];
  const at = (i: number): string => {
    const claim = program.claims[i] as Claim;
    return `${example.file}:${claim.line}: ${claim.text}`;
  };
  const compare = (i: number, actual: unknown, expected: () => unknown, index?: number): void => {
    let value: unknown;
    try {
      value = expected();
    } catch (error) {
      failures.push(`${at(i)}\n  the claimed value does not evaluate: ${String(error)}`);
      return;
    }
    try {
      expect(actual).toEqual(value);
    } catch {
      const which = index === undefined ? '' : ` (argument ${index + 1})`;
      failures.push(`${at(i)}${which}\n  claimed: ${show(value)}\n  actual:  ${show(actual)}`);
    }
  };
  const helpers = {
    __claim: (i: number, actual: unknown, expected: () => unknown): void => compare(i, actual, expected),
    __claimEach: (i: number, actual: readonly unknown[], expected: () => readonly unknown[]): void => {
      let values: readonly unknown[];
      try {
        values = expected();
      } catch (error) {
        failures.push(`${at(i)}\n  the claimed value does not evaluate: ${String(error)}`);
        return;
      }
      actual.forEach((a, k) => compare(i, a, () => values[k], k));
    },
    __throws: async (i: number, statement: () => Promise<void>, message: string): Promise<void> => {
      try {
        await statement();
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (!text.includes(message)) failures.push(`${at(i)}\n  it throws, but its message does not include ${JSON.stringify(message)}:\n  ${text}`);
        return;
      }
      failures.push(`${at(i)}\n  claimed to throw; it did not`);
    },
    __unreached: (i: number): void => {
      failures.push(`${at(i)}\n  the claim's condition is false, so it was not checked`);
    },
  };
  const names = [...scope.keys()].filter(isIdentifier);
  const body = new AsyncFunction(...names, ...Object.keys(helpers), program.js);
  try {
    await body(...names.map((n) => scope.get(n)), ...Object.values(helpers));
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const lines = message.split('\n');
    const shown = lines.length > 8 ? [...lines.slice(0, 8), `  … ${lines.length - 8} more lines`] : lines;
    failures.push(`${example.file}:${example.line}: the example throws: ${shown.join('\n')}`);
  }
  return { failures, claims: program.claims.length };
}

describe('doc examples', () => {
  afterAll(closeFixtures);

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(400);
  });

  it('names no fixture after an export of the library', () => {
    expect(FIXTURE_NAMES.filter((name) => name in api)).toEqual([]);
  });

  const seen = new Map<string, number>();
  for (const example of examples) {
    const base = `${example.file} › ${example.declaration}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    it(n === 1 ? base : `${base} (${n})`, async () => {
      const { failures } = await run(example);
      if (failures.length > 0) {
        const code = example.code
          .split('\n')
          .map((l, k) => `  ${String(example.line + k).padStart(4)} | ${l}`)
          .join('\n');
        expect.fail(`${base}\n${failures.join('\n')}\n\nthe example:\n${code}`);
      }
    });
  }
});
