import { z } from 'zod';

/**
 * A report of progress on long work (generating a county, replaying a journal, simulating the
 * campaigns): which step, how much of it is done, out of how much.
 *
 * @example
 * const seen: Progress[] = [];
 * generateCounty({ scale: 0.01, onProgress: (p) => seen.push(p) });
 * seen.at(-1); // => { step: 'townships', done: 27, total: 27 }
 * @category Core
 */
export interface Progress {
  /** What is being done: `townships` (generateCounty), `events` (replay), `days` (simulateCampaigns). */
  readonly step: string;
  /** How much of it is done. */
  readonly done: number;
  /** Out of how much. */
  readonly total: number;
}

/**
 * Called with a {@link Progress} now and then during long work, and once at its end; it should
 * return quickly (draw a progress bar, say). What it throws stops the work.
 *
 * @example
 * const onProgress: OnProgress = (p) => console.log(`${p.step} ${p.done}/${p.total}`);
 * @category Core
 */
export type OnProgress = (progress: Progress) => void;

/** @internal The schema of an `onProgress` option: a function. */
export const OnProgressOption = z.custom<OnProgress>((v) => typeof v === 'function', { message: 'onProgress must be a function' });

/**
 * @internal A reporter of `total` units of work: `tick(done)` calls `onProgress` when another
 * hundredth is done (and at the end); nothing at all without `onProgress`.
 */
export function progressOf(onProgress: OnProgress | undefined, step: string, total: number): (done: number) => void {
  if (onProgress === undefined) return () => {};
  const every = Math.max(1, Math.floor(total / 100));
  let next = 0;
  return (done: number): void => {
    if (done >= next || done >= total) {
      onProgress({ step, done, total });
      next = done + every;
    }
  };
}
