import { z } from 'zod';
import { OrgId, PersonId, RecordId } from '../core/ids.js';
import { AdmissionStep } from './model.js';
import { eventBase } from '../store/event.js';

/**
 * A branch opens a member-development case (发展党员) for a person of the ledger: the case takes
 * the person's birth date from the register, and whether the branch is a temporary branch from the
 * tree. Steps already taken may come with it (their days no later than the event's); they are
 * checked against every admission rule, as each later step is.
 *
 * @example
 * AdmissionCaseOpened.parse({ type: 'admissionCaseOpened', id: 'e40', at: '2020-02-03T10:00:00+08:00', by: 'p5', caseId: 'adm-1', personId: 'p42', branch: 'yc.t03.v201' });
 * @category Events
 */
export const AdmissionCaseOpened = z
  .object({
    type: z.literal('admissionCaseOpened'),
    ...eventBase,
    /** The case's id. */
    caseId: RecordId,
    /** The candidate. */
    personId: PersonId,
    /** The branch (its unit) that develops the candidate. */
    branch: OrgId,
    /** Steps taken before the case was entered in the ledger, in order. */
    steps: z.array(AdmissionStep).optional(),
  })
  .strict();
/**
 * The {@link AdmissionCaseOpened} event.
 *
 * @interface
 * @category Events
 */
export type AdmissionCaseOpened = z.infer<typeof AdmissionCaseOpened>;

/**
 * A step of a member-development case is recorded (its day no later than the event's). A step
 * that breaks an admission rule is refused, naming the rule, exactly as `advance` refuses it; the
 * person's Party status in the register follows the case.
 *
 * @example
 * AdmissionStepRecorded.parse({ type: 'admissionStepRecorded', id: 'e41', at: '2020-02-04T10:00:00+08:00', by: 'p5', caseId: 'adm-1', step: { step: 'application', day: '2020-02-04' } });
 * @category Events
 */
export const AdmissionStepRecorded = z
  .object({ type: z.literal('admissionStepRecorded'), ...eventBase, /** The case. */ caseId: RecordId, /** The step. */ step: AdmissionStep })
  .strict();
/**
 * The {@link AdmissionStepRecorded} event.
 *
 * @interface
 * @category Events
 */
export type AdmissionStepRecorded = z.infer<typeof AdmissionStepRecorded>;
