/**
 * `frontline/mask`: masking of resident ids and phone numbers, and the check character of a
 * resident id, alone: an app that only masks numbers bundles a few kilobytes.
 *
 * @module mask
 */

export { residentIdCheckChar } from '../people/checkChar.js';
export { DEFAULT_PHONE_MASK, DEFAULT_RESIDENT_ID_MASK, MaskPolicy, maskPhone, maskResidentId, maskWith } from '../people/mask.js';
