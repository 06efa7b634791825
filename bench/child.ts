/**
 * Runs a benchmark script in a fresh Node process (so that its heap is its own) and reads what it
 * printed: its result on a line `@@result <json>`, progress on stderr lines `@@progress <text>`,
 * and, with `--trace-gc`, the heap in use before and after each garbage collection.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** `[pid:isolate]  123 ms: Scavenge 499.7 (524.2) -> 483.4 (523.4) MB, …`: heap in use before and after, MiB. */
const GC_LINE = /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: (.*?)([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/;
const MIB = 1024 * 1024;

/** What a child printed and what its GC trace showed. */
export interface ChildOutput<R> {
  readonly report: R;
  /** Highest heap in use before a GC, bytes (0 without `traceGc`). */
  readonly peakBeforeGc: number;
  /** Highest heap in use after a full (mark-compact) GC: the peak live heap, bytes. */
  readonly peakLive: number;
  /** GCs seen. */
  readonly gcs: number;
  /** Wall time of the child, seconds. */
  readonly seconds: number;
}

/** Options of {@link runChild}. */
export interface ChildOptions {
  /** Trace GCs to measure the peak heap (default true); a child without GC lines then fails. */
  readonly traceGc?: boolean;
  /** Further Node flags, such as a larger heap. */
  readonly nodeFlags?: readonly string[];
}

/** Runs `bench/<script>` with `args` in a fresh process with `--expose-gc`; rejects when it fails or prints no result. */
export function runChild<R>(script: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildOutput<R>> {
  const traceGc = options.traceGc ?? true;
  const flags = ['--expose-gc', ...(options.nodeFlags ?? []), ...(traceGc ? ['--trace-gc'] : [])];
  const what = `${script} ${args.join(' ')}`;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', join(here, script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('@@progress ')) process.stderr.write(`    · ${line.slice('@@progress '.length)}\n`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${String(code)}:\n${err.slice(-3000)}`));
      let report: R | undefined;
      let peakBeforeGc = 0;
      let peakLive = 0;
      let gcs = 0;
      for (const line of out.split('\n')) {
        if (line.startsWith('@@result ')) report = JSON.parse(line.slice('@@result '.length)) as R;
        const m = GC_LINE.exec(line);
        if (m !== null) {
          gcs++;
          peakBeforeGc = Math.max(peakBeforeGc, Number(m[2]) * MIB);
          if ((m[1] as string).includes('Mark-Compact')) peakLive = Math.max(peakLive, Number(m[3]) * MIB);
        }
      }
      if (report === undefined) return reject(new Error(`${what} printed no result:\n${out.slice(-2000)}${err.slice(-2000)}`));
      if (traceGc && gcs === 0) return reject(new Error(`${what}: no --trace-gc lines seen; cannot tell the peak heap`));
      resolve({ report, peakBeforeGc, peakLive, gcs, seconds: (performance.now() - t0) / 1000 });
    });
  });
}
