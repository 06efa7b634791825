/**
 * Runs lines in a real `npm run repl` (scripts/repl.ts in a child process, its input a pipe) one at
 * a time, each after the prompt is back, and collects what each printed; and reads and writes the
 * REPL session shown in README.md. Used by the README's test and by `npm run docs:figures`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The REPL's prompt. */
export const PROMPT = 'frontline> ';

/** One line typed and what the REPL printed for it. */
export interface ReplStep {
  readonly input: string;
  /** What it printed, without the prompt that followed, without a trailing newline. */
  readonly output: string;
}

/**
 * Starts the REPL with these arguments, types each line once the prompt is back and returns what
 * each printed. Rejects when the REPL exits early or a line takes longer than `timeoutMs`.
 */
export async function runReplSession(lines: readonly string[], args: readonly string[], timeoutMs = 120_000): Promise<ReplStep[]> {
  const script = fileURLToPath(new URL('./repl.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let buffer = '';
  let errors = '';
  let waiting: { resolve: (text: string) => void; reject: (e: Error) => void } | undefined;
  const settle = (): void => {
    if (waiting !== undefined && buffer.endsWith(PROMPT)) {
      const text = buffer.slice(0, -PROMPT.length);
      buffer = '';
      const w = waiting;
      waiting = undefined;
      w.resolve(text);
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    settle();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  child.on('exit', (code) => waiting?.reject(new Error(`the REPL exited (${code}) while running; it printed:\n${buffer}\n${errors}`)));
  const next = (what: string): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no prompt ${timeoutMs} ms after ${what}; printed so far:\n${buffer}\n${errors}`)), timeoutMs);
      waiting = {
        resolve: (t) => (clearTimeout(timer), resolve(t)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      settle();
    });
  try {
    await next('starting');
    const steps: ReplStep[] = [];
    for (const input of lines) {
      const printed = next(input);
      child.stdin.write(`${input}\n`);
      steps.push({ input, output: (await printed).replace(/\n$/, '') });
    }
    return steps;
  } finally {
    child.stdin.end();
    child.kill();
  }
}

/** The README's REPL session: the arguments it was run with and its steps as shown. */
export interface ShownSession {
  /** The `npm run repl -- …` arguments the session names. */
  readonly args: readonly string[];
  readonly steps: readonly ReplStep[];
  /** Where the session's lines sit in the text: `[start, end)` of the code block's body. */
  readonly span: readonly [number, number];
}

/** The block marker before the README's session: `<!-- repl: ARGS -->`. */
const MARKER = /<!-- repl: ([^>]*?) -->\n```js\n([\s\S]*?)```/;

/** Finds the REPL session in a text (README.md): the arguments from its marker and its steps. */
export function shownSession(text: string): ShownSession {
  const m = MARKER.exec(text);
  if (m === null) throw new Error('no `<!-- repl: ARGS -->` block followed by a ```js block');
  const body = m[2] as string;
  const start = (m.index as number) + m[0].length - body.length - 3;
  const steps: { input: string; output: string[] }[] = [];
  for (const line of body.replace(/\n$/, '').split('\n')) {
    if (line.startsWith(PROMPT)) steps.push({ input: line.slice(PROMPT.length), output: [] });
    else if (steps.length > 0) (steps[steps.length - 1] as { output: string[] }).output.push(line);
    else throw new Error(`a line before the first prompt: ${line}`);
  }
  return {
    args: (m[1] as string).trim().split(/\s+/),
    steps: steps.map((s) => ({ input: s.input, output: s.output.join('\n') })),
    span: [start, start + body.length],
  };
}

/** A session as the README shows it. */
export function renderSession(steps: readonly ReplStep[]): string {
  return steps.map((s) => `${PROMPT}${s.input}${s.output === '' ? '' : `\n${s.output}`}\n`).join('');
}

/** Output with its timings (`123 ms`) made alike, to compare runs. */
export function withoutTimings(text: string): string {
  return text.replace(/\b\d[\d,]* ms\b/g, '# ms').replace(/\bms: \d[\d,]*/g, 'ms: #');
}
