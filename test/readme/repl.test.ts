import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplSession, shownSession, withoutTimings, type ReplStep } from '../../scripts/replSession.js';

// README.md's REPL session, every line run in a real REPL (`npm run repl` in a child process, fed
// through a pipe) with the arguments the README names; `npm run docs:figures` writes it anew
const shown = shownSession(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));

describe("README's REPL session", () => {
  let steps: ReplStep[] = [];

  it('runs', { timeout: 300_000 }, async () => {
    steps = await runReplSession(
      shown.steps.map((s) => s.input),
      shown.args,
    );
    expect(steps).toHaveLength(shown.steps.length);
  });

  it.each(shown.steps.map((s, i) => [i, s.input] as const))('line %i prints what the README shows: %s', (i) => {
    const step = steps[i] as ReplStep;
    expect(step, 'the session ran').toBeDefined();
    expect(withoutTimings(step.output), 'run `npm run docs:figures` when the change is meant').toBe(withoutTimings((shown.steps[i] as ReplStep).output));
    expect(step.output.split('\n').length).toBeLessThan(40);
    expect(step.output).not.toMatch(/Uncaught|Error:/);
  });

  it('shows at least the values the REPL is for', () => {
    const inputs = shown.steps.map((s) => s.input.replace(/\s*\/\/.*$/, ''));
    for (const line of ['await fortnight()', 'ledger', 'rosters()', 'supervise()', 'redact(ledger).people']) expect(inputs).toContain(line);
  });
});
