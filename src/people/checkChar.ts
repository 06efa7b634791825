import { describeValue, refusal } from '../core/guards.js';

// The check character of a resident id (GB 11643-1999), apart from the rest of the id's rules: the
// masks need it, and they should not bring the schema library along.

/** The weights of the 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character of each remainder mod 11. */
const CHECK_CHARS = '10X98765432';

/**
 * The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident id. Anything but 17
 * digits throws a {@link FrontlineError} (`invalid_resident_id`).
 *
 * @param first17 - The first 17 digits.
 * @returns The check character, `0`–`9` or `X`.
 * @throws {@link FrontlineError} `invalid_resident_id` when the input is not 17 digits.
 * @example
 * residentIdCheckChar('11010519491231002'); // => 'X'
 * @category People
 */
export function residentIdCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17))
    throw refusal('invalid_resident_id', 'no check character', ['first17'], 'characters', `a check character needs 17 digits, got ${describeValue(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}
