import { z } from 'zod';
import { Day, Instant } from '../core/day.js';
import { PersonId, RecordId } from '../core/ids.js';
import { AbsenceReason, Attendance } from '../core/vocabulary.js';
import { PostId, SeatId, Shift, ShiftId } from './model.js';

/**
 * An absence recorded in the ledger (leave, sickness, a blocked day): it makes the person
 * unavailable in every roster problem built from the ledger.
 *
 * @example
 * AbsenceRecord.parse({ id: 'a1', personId: 'p1', from: '2020-02-03', to: '2020-02-05', reason: 'sickness' });
 * @category Rosters
 */
export const AbsenceRecord = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** Who. */
    personId: PersonId,
    /** First day. */
    from: Day,
    /** Last day (included). */
    to: Day,
    /** Why. */
    reason: AbsenceReason,
    /** Only these shifts; all when absent. */
    shifts: z.array(ShiftId).min(1).optional(),
  })
  .strict();
/**
 * An absence record.
 *
 * @interface
 * @category Rosters
 */
export type AbsenceRecord = z.infer<typeof AbsenceRecord>;

/**
 * A roster as published in the ledger: its horizon, each post's shift pattern, its seats, and who
 * published it when. Who holds each seat lives in the ledger's `duties`, so that a swap or an
 * attendance check changes one small record.
 *
 * @example
 * const r: PublishedRoster = tableGet(ledger.rosters, 'r1')!;
 * r.seats.length; // => Object.keys(ledgerRoster(ledger, 'r1').seats).length
 * @category Rosters
 */
export const PublishedRoster = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** First day. */
    startDay: Day,
    /** Number of days. */
    days: z.number().int().min(1).max(92),
    /** Each post's shift pattern. */
    shifts: z.record(PostId, z.array(Shift).min(1)),
    /** Every seat, in order. */
    seats: z.array(SeatId),
    /** When it was published. */
    publishedAt: Instant,
    /** Who published it. */
    publishedBy: PersonId,
    /** How many times seats were reassigned or swapped since. */
    revisions: z.number().int().min(0),
  })
  .strict();
/**
 * A published roster.
 *
 * @interface
 * @category Rosters
 */
export type PublishedRoster = z.infer<typeof PublishedRoster>;

/**
 * One seat of a published roster: who holds it and, once checked, their attendance.
 *
 * @example
 * const d: Duty = tableGet(ledger.duties, 'r1|duty.yc.t002/2020-01-29/day/1')!; // by `rosterId|seat`
 * d.attendance?.status; // => 'present'
 * @category Rosters
 */
export const Duty = z
  .object({
    /** The roster. */
    rosterId: RecordId,
    /** The seat. */
    seat: SeatId,
    /** Who holds it, `null` when unfilled. */
    personId: PersonId.nullable(),
    /** What a check found, once recorded. */
    attendance: z
      .object({
        /** Present, late or absent. */
        status: Attendance,
        /** When it was recorded. */
        at: Instant,
        /** Who recorded it. */
        by: PersonId,
      })
      .strict()
      .optional(),
  })
  .strict();
/**
 * A duty.
 *
 * @interface
 * @category Rosters
 */
export type Duty = z.infer<typeof Duty>;
