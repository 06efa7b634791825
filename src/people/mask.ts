// zod's tree-shakable form: an app that only masks does not bundle the whole schema library
import * as z from 'zod/mini';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import { requireString } from '../core/guards.js';
import { residentIdCheckChar } from './checkChar.js';

/**
 * How to mask a number: how many characters to keep at each end, and the masking character.
 *
 * @example
 * MaskPolicy.parse({ keepStart: 3, keepEnd: 4, maskChar: '*' });
 * @category Privacy
 */
export const MaskPolicy = z.strictObject({
  /** Characters shown at the start. */
  keepStart: z.number().check(z.int(), z.minimum(0)),
  /** Characters shown at the end. */
  keepEnd: z.number().check(z.int(), z.minimum(0)),
  /** The character written in place of each hidden one. */
  maskChar: z.string().check(z.length(1)),
});
/**
 * A masking policy.
 *
 * @interface
 * @category Privacy
 */
export type MaskPolicy = z.infer<typeof MaskPolicy>;

/**
 * The default masking of resident ids (local practice: there is no national pattern): the first 6 characters (the
 * address code) and the last one, hiding birth date and sex.
 *
 * @example
 * DEFAULT_RESIDENT_ID_MASK.keepStart; // => 6
 * @category Privacy
 */
export const DEFAULT_RESIDENT_ID_MASK: MaskPolicy = Object.freeze({ keepStart: 6, keepEnd: 1, maskChar: '*' });

/**
 * The default masking of phone numbers: `138****1234`.
 *
 * @example
 * DEFAULT_PHONE_MASK.keepEnd; // => 4
 * @category Privacy
 */
export const DEFAULT_PHONE_MASK: MaskPolicy = Object.freeze({ keepStart: 3, keepEnd: 4, maskChar: '*' });

/**
 * Masks any string by a policy. At least one character is always hidden: when the value is too
 * short for the policy, the kept ends shrink (the end first, then the start), so masking never shows
 * a whole number. Throws a {@link FrontlineError} (`invalid_input`) for a policy that is not valid
 * or a value that is not a string.
 *
 * @param value - The text to mask.
 * @param policy - How many characters to keep at each end, and the mask character.
 * @returns The masked text, as long as the original.
 * @throws `RangeError` for a policy that is not a valid {@link MaskPolicy}.
 * @example
 * maskWith('13812341234', DEFAULT_PHONE_MASK); // => '138****1234'
 * @category Privacy
 */
export function maskWith(value: string, policy: MaskPolicy): string {
  const p = MaskPolicy.safeParse(policy);
  if (!p.success) throw new FrontlineError('invalid_input', 'invalid mask policy', issuesFromZod(p.error, ['policy']));
  requireString(value, ['value'], 'a value to mask');
  const n = value.length;
  if (n === 0) return '';
  // the kept ends shrink, the end first, until one character is hidden (in one step: a policy may
  // keep 10^15 characters)
  let start = policy.keepStart;
  let end = policy.keepEnd;
  if (start + end >= n) {
    end = Math.max(0, n - 1 - start);
    if (start + end >= n) start = n - 1;
  }
  return value.slice(0, start) + policy.maskChar.repeat(n - start - end) + value.slice(n - end);
}

/**
 * Masks a resident id for display; by default the first 6 and the last character stay
 * (`513621***********7`). A legacy 15-digit number is first written in its 18-character form, since
 * its own last digit is the sequence number, whose parity tells the sex.
 *
 * @param id - A resident id (18 characters, or a legacy 15-digit number).
 * @param policy - How many characters to keep at each end, and the mask character (default {@link DEFAULT_RESIDENT_ID_MASK}).
 * @returns The masked id.
 * @throws `RangeError` for a policy that is not a valid {@link MaskPolicy}.
 * @example
 * maskResidentId('11010519491231002X'); // => '110105***********X'
 * maskResidentId('11010519491231002X', { keepStart: 0, keepEnd: 4, maskChar: '•' }); // => '••••••••••••••002X'
 * maskResidentId('513621800101001'); // => '513621***********0'
 * @category Privacy
 */
export function maskResidentId(id: string, policy: MaskPolicy = DEFAULT_RESIDENT_ID_MASK): string {
  requireString(id, ['id'], 'a resident id');
  return maskWith(LEGACY_ID.test(id) ? eighteen(id) : id, policy);
}

const LEGACY_ID = /^\d{15}$/;

/** A legacy 15-digit number as 18 characters: `19` before the year, then the check character. */
function eighteen(legacy: string): string {
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Masks a phone number for display; by default `138****1234`.
 *
 * @param phone - A phone number.
 * @param policy - How many characters to keep at each end, and the mask character (default {@link DEFAULT_PHONE_MASK}).
 * @returns The masked number.
 * @throws `RangeError` for a policy that is not a valid {@link MaskPolicy}.
 * @example
 * maskPhone('13812341234'); // => '138****1234'
 * @category Privacy
 */
export function maskPhone(phone: string, policy: MaskPolicy = DEFAULT_PHONE_MASK): string {
  requireString(phone, ['phone'], 'a phone number');
  return maskWith(phone, policy);
}
