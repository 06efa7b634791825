import { dayFromParts, isRealDate, type Day } from '../core/day.js';

/**
 * @internal The same day `n` calendar months later (earlier when `n` is negative), clamped to the
 * end of a shorter month: 2020-01-31 + 1 month is 2020-02-29; 2020-02-29 + 12 months is 2021-02-28.
 * Pure calendar arithmetic on the written day, so independent of any time zone.
 */
export function addMonths(day: Day, n: number): Day {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  let nd = d;
  while (nd > 28 && !isRealDate(ny, nm, nd)) nd--;
  return dayFromParts(ny, nm, nd);
}

/** @internal The same day `n` years later, clamped like {@link addMonths} (29 February becomes 28 February). */
export function addYears(day: Day, n: number): Day {
  return addMonths(day, 12 * n);
}

/** @internal The later of two days. */
export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}
