/**
 * `frontline/people`: People and households, resident identity numbers, masking of ids and phones.
 *
 * @module people
 */

export { Household, Person, Phone, ResidentIdNumber } from '../people/person.js';
export {
  isValidResidentId,
  makeResidentId,
  parseResidentId,
  tryParseResidentId,
} from '../people/residentId.js';
export type { ResidentIdInfo, ResidentIdOptions } from '../people/residentId.js';
export { residentIdCheckChar } from '../people/checkChar.js';
export { DEFAULT_PHONE_MASK, DEFAULT_RESIDENT_ID_MASK, MaskPolicy, maskPhone, maskResidentId, maskWith } from '../people/mask.js';
