import { fromEpochDay, isRealDate, toEpochDay, type Day } from '../core/day.js';
import { residentIdCheckChar } from '../people/checkChar.js';

/** GB 11643-1999: the check character of each remainder of the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';

/** The remainder mod 11 of the weighted sum of 17 digits, read back from their check character. */
const remainder = (first17: string): number => CHECK_CHARS.indexOf(residentIdCheckChar(first17));

let bySequence: readonly (readonly number[])[] | undefined;
/**
 * For each parity of the 3-digit sequence (0: even, female; 1: odd, male) and each remainder mod 11:
 * how many of the 500 sequences of that parity add that remainder to the weighted sum. Each is 45
 * or 46.
 */
function sequences(): readonly (readonly number[])[] {
  if (bySequence === undefined) {
    const counts: [number[], number[]] = [new Array<number>(11).fill(0), new Array<number>(11).fill(0)];
    for (let s = 0; s < 1000; s++) {
      const parity = s % 2 === 0 ? counts[0] : counts[1];
      const r = remainder(`00000000000000${String(s).padStart(3, '0')}`);
      parity[r] = (parity[r] ?? 0) + 1;
    }
    bySequence = counts;
  }
  return bySequence;
}

/**
 * @internal How many resident ids a masked id (first 6 and last character shown) may stand for when
 * the birth date is known only to lie in `[from, to]` and the sex is known: for every day of the
 * range, the sequences of that sex whose check character is the one shown (45 or 46 a day). Counts
 * up to `enough` and stops there. `id18` is the full 18-character id (it gives the address code,
 * the parity of the sequence and the check character).
 */
export function idCandidates(id18: string, from: Day, to: Day, enough = Number.POSITIVE_INFINITY): number {
  const bySeq = sequences()[Number(id18[16]) % 2] as readonly number[];
  const target = CHECK_CHARS.indexOf(id18[17] as string);
  const address = id18.slice(0, 6);
  let n = 0;
  for (let d = toEpochDay(from), last = toEpochDay(to); d <= last && n < enough; d++) {
    const r = remainder(`${address}${fromEpochDay(d).replaceAll('-', '')}000`);
    n += bySeq[(target - r + 11) % 11] as number;
  }
  return n;
}

/** @internal The latest birth date of someone 18 or older on `day` (18 years before it; 28 February for a 29 February). */
export function latestAdultBirth(day: Day): Day {
  const year = Number(day.slice(0, 4)) - 18;
  const y = String(year).padStart(4, '0');
  return (day.slice(5) === '02-29' && !isRealDate(year, 2, 29) ? `${y}-02-28` : `${y}${day.slice(4)}`) as Day;
}
