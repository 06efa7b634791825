/**
 * A progress bar for the demo and the REPL while long work runs (generating the county, replaying
 * the journal, simulating the campaigns, searching the roster): drawn with cli-progress on the
 * terminal's standard error, and nothing at all when that is not a terminal (a pipe, a file, CI).
 */
import cliProgress from 'cli-progress';
import type { OnProgress } from '../src/index.js';

/** A bar for one step of work, to pass as `onProgress`; `done()` clears it. */
export interface Bar {
  readonly onProgress: OnProgress | undefined;
  done(): void;
}

/** A progress bar named `label` (nothing drawn when standard error is not a terminal). */
export function progressBar(label: string): Bar {
  if (process.stderr.isTTY !== true) return { onProgress: undefined, done: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} {step}`, clearOnComplete: true, hideCursor: true, stream: process.stderr, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      if (!started) {
        bar.start(p.total, p.done, { step: p.step });
        started = true;
      } else bar.update(p.done, { step: p.step });
    },
    done: () => {
      if (started) bar.stop();
    },
  };
}

/** Runs `work` with a bar named `label`, clearing the bar at the end (also when `work` throws). */
export function withProgress<T>(label: string, work: (onProgress: OnProgress | undefined) => T): T {
  const bar = progressBar(label);
  try {
    return work(bar.onProgress);
  } finally {
    bar.done();
  }
}
