import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day } from '../core/day.js';
import { OrgId } from '../core/ids.js';
import { SignOffLevel } from '../core/vocabulary.js';
import { eventBase } from '../store/event.js';

/**
 * A unit (village, community, township or subdistrict) submits its daily report for a day. It is on
 * time when submitted by the settings' report deadline of that day. A unit with nothing to report
 * that day says so with `nothingToReport: true` (a zero report, 零报告): it has reported, unlike a
 * unit that sent nothing.
 *
 * @example
 * DailyReportSubmitted.parse({ type: 'dailyReportSubmitted', id: 'e37', at: '2020-02-07T18:30:00+08:00', by: 'p9', unitId: 'yc.v119212', day: '2020-02-07' });
 * DailyReportSubmitted.parse({ type: 'dailyReportSubmitted', id: 'e39', at: '2020-02-07T18:40:00+08:00', by: 'p9', unitId: 'yc.v119213', day: '2020-02-07', nothingToReport: true });
 * @category Events
 */
export const DailyReportSubmitted = z
  .object({
    type: z.literal('dailyReportSubmitted'),
    ...eventBase,
    /** The unit reporting. */
    unitId: OrgId,
    /** The day reported on. */
    day: Day,
    /** A remark. */
    note: sensitive(z.string(), 'freeText').optional(),
    /** True for a zero report: the unit had nothing to report that day. */
    nothingToReport: z.boolean().optional(),
  })
  .strict();
/**
 * The {@link DailyReportSubmitted} event.
 *
 * @interface
 * @category Events
 */
export type DailyReportSubmitted = z.infer<typeof DailyReportSubmitted>;

/**
 * The level above signs off a unit's daily report: the township first for a village's or
 * community's report, then the headquarters (the headquarters alone for a township's).
 *
 * @example
 * DailyReportSignedOff.parse({ type: 'dailyReportSignedOff', id: 'e38', at: '2020-02-07T21:00:00+08:00', by: 'p5', unitId: 'yc.v119212', day: '2020-02-07', level: 'township' });
 * @category Events
 */
export const DailyReportSignedOff = z
  .object({
    type: z.literal('dailyReportSignedOff'),
    ...eventBase,
    /** The unit whose report it is. */
    unitId: OrgId,
    /** The day reported on. */
    day: Day,
    /** Who signs: the township or the headquarters. */
    level: SignOffLevel,
  })
  .strict();
/**
 * The {@link DailyReportSignedOff} event.
 *
 * @interface
 * @category Events
 */
export type DailyReportSignedOff = z.infer<typeof DailyReportSignedOff>;
