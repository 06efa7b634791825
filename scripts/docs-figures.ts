/**
 * Writes the figures and sample outputs of README.md anew from runs: `npm run docs:figures`.
 * Today: the REPL session under `<!-- repl: ARGS -->` (each line run in a real REPL with those
 * arguments, what it printed written below it). A test checks that what is written is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSession, runReplSession, shownSession } from './replSession.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const text = readFileSync(readme, 'utf8');
const shown = shownSession(text);
const steps = await runReplSession(
  shown.steps.map((s) => s.input),
  shown.args,
);
const next = text.slice(0, shown.span[0]) + renderSession(steps) + text.slice(shown.span[1]);
if (next === text) console.log('README.md: the REPL session is current');
else {
  writeFileSync(readme, next);
  console.log(`README.md: the REPL session written anew (${steps.length} lines)`);
}
