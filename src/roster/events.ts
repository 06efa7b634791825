import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day } from '../core/day.js';
import { PersonId, RecordId } from '../core/ids.js';
import { Attendance } from '../core/vocabulary.js';
import { Post, PostId, Roster, SeatId } from './model.js';
import { AbsenceRecord } from './records.js';
import { eventBase } from '../store/event.js';

/**
 * Opens a staffed post (checkpoint, duty room, hotline) at a unit, in a pool that contains the unit.
 *
 * @example
 * PostOpened.parse({ type: 'postOpened', id: 'e25', at: '2020-01-25T08:00:00+08:00', by: 'p1', post: { id: 'cp1', name: '吴家沟村村口卡点', kind: 'checkpoint', unitId: 'yc.t05.v001', poolId: 'yc.t05', shifts: [{ id: 'day', start: '08:00', end: '20:00' }], leader: { cadreLevel: 'village' }, staff: 2 } });
 * @category Events
 */
export const PostOpened = z.object({ type: z.literal('postOpened'), ...eventBase, /** The post. */ post: Post }).strict();
/**
 * The {@link PostOpened} event.
 *
 * @interface
 * @category Events
 */
export type PostOpened = z.infer<typeof PostOpened>;

/**
 * Closes a post after a day (its last day open).
 *
 * @example
 * PostClosed.parse({ type: 'postClosed', id: 'e26', at: '2020-02-20T08:00:00+08:00', by: 'p1', postId: 'cp1', lastDay: '2020-02-20' });
 * @category Events
 */
export const PostClosed = z
  .object({ type: z.literal('postClosed'), ...eventBase, /** The post. */ postId: PostId, /** Its last day open. */ lastDay: Day })
  .strict();
/**
 * The {@link PostClosed} event.
 *
 * @interface
 * @category Events
 */
export type PostClosed = z.infer<typeof PostClosed>;

/**
 * Records that someone cannot serve for some days (leave, sickness, a blocked day).
 *
 * @example
 * AbsenceRecorded.parse({ type: 'absenceRecorded', id: 'e27', at: '2020-02-02T08:00:00+08:00', by: 'p1', absence: { id: 'a1', personId: 'p2', from: '2020-02-03', to: '2020-02-05', reason: 'sickness' } });
 * @category Events
 */
export const AbsenceRecorded = z
  .object({ type: z.literal('absenceRecorded'), ...eventBase, /** The absence. */ absence: AbsenceRecord })
  .strict();
/**
 * The {@link AbsenceRecorded} event.
 *
 * @interface
 * @category Events
 */
export type AbsenceRecorded = z.infer<typeof AbsenceRecorded>;

/**
 * Publishes a duty roster: its posts must be open in the ledger and its people registered.
 *
 * @example
 * RosterPublished.parse({ type: 'rosterPublished', id: 'e28', at: '2020-01-25T18:00:00+08:00', by: 'p1', rosterId: 'r1', roster });
 * @category Events
 */
export const RosterPublished = z
  .object({ type: z.literal('rosterPublished'), ...eventBase, /** The new roster's id. */ rosterId: RecordId, /** The roster. */ roster: Roster })
  .strict();
/**
 * The {@link RosterPublished} event.
 *
 * @interface
 * @category Events
 */
export type RosterPublished = z.infer<typeof RosterPublished>;

/**
 * Reassigns seats of a published roster that have not started yet, such as the diff of
 * `repairRoster`, with the reason.
 *
 * @example
 * DutiesReassigned.parse({ type: 'dutiesReassigned', id: 'e29', at: '2020-02-02T09:00:00+08:00', by: 'p1', rosterId: 'r1', changes: [{ seat: 'cp1/2020-02-03/day/L', personId: 'p7' }], reason: '张伟病假' });
 * @category Events
 */
export const DutiesReassigned = z
  .object({
    type: z.literal('dutiesReassigned'),
    ...eventBase,
    /** The roster. */
    rosterId: RecordId,
    /** The seats and their new people (`null`: left unfilled). */
    changes: z.array(z.object({ /** The seat. */ seat: SeatId, /** Its new person. */ personId: PersonId.nullable() }).strict()).min(1),
    /** Why. */
    reason: sensitive(z.string().min(1), 'freeText'),
  })
  .strict();
/**
 * The {@link DutiesReassigned} event.
 *
 * @interface
 * @category Events
 */
export type DutiesReassigned = z.infer<typeof DutiesReassigned>;

/**
 * Two people of a published roster swap seats (neither seat started yet).
 *
 * @example
 * DutySwapped.parse({ type: 'dutySwapped', id: 'e30', at: '2020-02-02T09:00:00+08:00', by: 'p1', rosterId: 'r1', seats: ['cp1/2020-02-03/day/1', 'cp1/2020-02-04/day/1'] });
 * @category Events
 */
export const DutySwapped = z
  .object({ type: z.literal('dutySwapped'), ...eventBase, /** The roster. */ rosterId: RecordId, /** The two seats. */ seats: z.tuple([SeatId, SeatId]) })
  .strict();
/**
 * The {@link DutySwapped} event.
 *
 * @interface
 * @category Events
 */
export type DutySwapped = z.infer<typeof DutySwapped>;

/**
 * Records what a check of a duty seat found (present, late, absent), once its shift has started.
 *
 * @example
 * AttendanceRecorded.parse({ type: 'attendanceRecorded', id: 'e31', at: '2020-02-03T10:00:00+08:00', by: 'p5', rosterId: 'r1', seat: 'cp1/2020-02-03/day/L', status: 'present' });
 * @category Events
 */
export const AttendanceRecorded = z
  .object({ type: z.literal('attendanceRecorded'), ...eventBase, /** The roster. */ rosterId: RecordId, /** The seat. */ seat: SeatId, /** What was found. */ status: Attendance })
  .strict();
/**
 * The {@link AttendanceRecorded} event.
 *
 * @interface
 * @category Events
 */
export type AttendanceRecorded = z.infer<typeof AttendanceRecorded>;
