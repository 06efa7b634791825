/**
 * `frontline/privacy`: Redaction of a ledger to share it.
 *
 * @module privacy
 */

export { MIN_ID_CANDIDATES, RedactionPolicy, checkRedactionPolicy, protectedPeople, redact, surnameOnly } from '../privacy/redact.js';
export type { RedactionPolicyInput } from '../privacy/redact.js';
