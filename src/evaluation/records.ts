import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day } from '../core/day.js';
import { OrgId, PersonId, RecordId } from '../core/ids.js';
import { EvaluationDimension, ThreeShows } from '../core/vocabulary.js';

const deedFields = {
  /** Unique id. */
  id: RecordId,
  /** The person, when the deed is a person's. */
  personId: PersonId.optional(),
  /** The unit, when the deed is a leadership team's. */
  unitId: OrgId.optional(),
  /** The dimension of 德能勤绩廉 it bears on. */
  dimension: EvaluationDimension,
  /** The evidence, in words. */
  evidence: sensitive(z.string().min(1), 'freeText'),
  /** Points: merit (1 to 5) or fault (−1 to −5). */
  points: z
    .number()
    .int()
    .min(-5)
    .max(5)
    .refine((p) => p !== 0, 'a deed has points (merit 1…5, fault −1…−5)'),
  /** The day of the deed. */
  day: Day,
};
const oneSubject = { message: 'a deed is of a person or of a unit: give exactly one of personId and unitId', path: ['personId'] };

/**
 * A concrete deed (具体事例) as entered: of a person or of a unit (its leadership team), on one
 * dimension of 德能勤绩廉, with its evidence. Points are positive for merit, negative for a fault.
 *
 * @example
 * DeedInput.parse({ id: 'd1', personId: 'p000042', dimension: 'achievement', evidence: '连续五天带队完成全村入户摸排', points: 2, day: '2020-01-30' });
 * @category Evaluation
 */
export const DeedInput = z
  .object(deedFields)
  .strict()
  .refine((d) => (d.personId === undefined) !== (d.unitId === undefined), oneSubject);
/**
 * A deed as entered.
 *
 * @interface
 * @category Evaluation
 */
export type DeedInput = z.infer<typeof DeedInput>;

/**
 * A concrete deed (具体事例) in the ledger: a {@link DeedInput} and who recorded it.
 *
 * @example
 * Deed.parse({ id: 'd1', personId: 'p000042', dimension: 'achievement', evidence: '连续五天带队完成全村入户摸排', points: 2, day: '2020-01-30', recordedBy: 'p3' });
 * @category Evaluation
 */
export const Deed = z
  .object({ ...deedFields, /** Who recorded it. */ recordedBy: PersonId })
  .strict()
  .refine((d) => (d.personId === undefined) !== (d.unitId === undefined), oneSubject);
/**
 * A deed.
 *
 * @interface
 * @category Evaluation
 */
export type Deed = z.infer<typeof Deed>;

/**
 * An entry of the three shows (三亮): a Party member showing commitment, identity or action.
 *
 * @example
 * ThreeShowsEntry.parse({ id: 's1', personId: 'p000042', show: 'commitment', text: '我是党员，我先上', day: '2020-01-26' });
 * @category Evaluation
 */
export const ThreeShowsEntry = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** The member. */
    personId: PersonId,
    /** Which show. */
    show: ThreeShows,
    /** What was shown. */
    text: sensitive(z.string().min(1), 'freeText'),
    /** The day. */
    day: Day,
  })
  .strict();
/**
 * A three-shows entry.
 *
 * @interface
 * @category Evaluation
 */
export type ThreeShowsEntry = z.infer<typeof ThreeShowsEntry>;
