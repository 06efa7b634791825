import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { SignOffLevel } from '../core/vocabulary.js';
import { Day, Instant } from '../core/day.js';
import { OrgId, PersonId } from '../core/ids.js';

/**
 * A sign-off of a daily report by the level above: the township for a village's or community's
 * report, then the headquarters.
 *
 * @example
 * ReportSignOff.parse({ level: 'township', at: '2020-02-07T21:00:00+08:00', by: 'p9' });
 * @category Reports
 */
export const ReportSignOff = z
  .object({ /** Who signed: the township or the headquarters. */ level: SignOffLevel, /** When. */ at: Instant, /** Who. */ by: PersonId })
  .strict();
/**
 * A sign-off.
 *
 * @interface
 * @category Reports
 */
export type ReportSignOff = z.infer<typeof ReportSignOff>;

/**
 * A unit's daily report (village, community, township or subdistrict): when it was submitted and
 * by whom, whether it was a zero report (nothing to report), and its sign-offs up the levels.
 *
 * @example
 * const r: DailyReport = tableGet(ledger.reports, 'yc.v119212|2020-02-07')!;
 * r.signOffs.map((s) => s.level); // => ['township', 'headquarters']
 * @category Reports
 */
export const DailyReport = z
  .object({
    /** The unit reporting. */
    unitId: OrgId,
    /** The day reported on. */
    day: Day,
    /** When it was submitted. */
    submittedAt: Instant,
    /** Who submitted it. */
    by: PersonId,
    /** A remark, if any. */
    note: sensitive(z.string(), 'freeText').optional(),
    /** Present (true) for a zero report: the unit had nothing to report that day. */
    nothingToReport: z.literal(true).optional(),
    /** Sign-offs, in order. */
    signOffs: z.array(ReportSignOff),
  })
  .strict();
/**
 * A daily report.
 *
 * @interface
 * @category Reports
 */
export type DailyReport = z.infer<typeof DailyReport>;
