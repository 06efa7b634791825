import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day } from '../core/day.js';
import { OrgId, RecordId, SupervisionGroupId } from '../core/ids.js';
import { PostId } from '../roster/model.js';
import { CheckAnswer, RaisedFinding } from './records.js';
import { eventBase } from '../store/event.js';

/**
 * A supervision group inspected a unit (and one of its posts): the checklist answers and the
 * findings raised. When `postId` and `rosterId` are given, the staffing and leader answers are
 * checked against the roster at the event's instant and each mismatch is raised as a finding by
 * itself, due `rosterFindingDays` days later (default 1).
 *
 * @example
 * InspectionRecorded.parse({ type: 'inspectionRecorded', id: 'e32', at: '2020-01-31T23:30:00+08:00', by: 'p3', inspectionId: 'i1', groupId: 'sg-01', unitId: 'yc.v119212', postId: 'cp.yc.v119212', rosterId: 'r1', answers: [{ item: 'staffOnDuty', count: 3 }, { item: 'leaderOnDuty', personId: 'p000042' }], findings: [] });
 * @category Events
 */
export const InspectionRecorded = z
  .object({
    type: z.literal('inspectionRecorded'),
    ...eventBase,
    /** The new inspection's id. */
    inspectionId: RecordId,
    /** The supervision group. */
    groupId: SupervisionGroupId,
    /** The unit inspected (within the group's scope). */
    unitId: OrgId,
    /** The post inspected, if any (in the unit's subtree). */
    postId: PostId.optional(),
    /** The roster to check the post's staffing against. */
    rosterId: RecordId.optional(),
    /** The checklist answers. */
    answers: z.array(CheckAnswer),
    /** Findings raised by the inspectors. */
    findings: z.array(RaisedFinding),
    /** Days to rectify a mismatch with the roster (default 1). */
    rosterFindingDays: z.number().int().min(0).max(30).optional(),
  })
  .strict();
/**
 * The {@link InspectionRecorded} event.
 *
 * @interface
 * @category Events
 */
export type InspectionRecorded = z.infer<typeof InspectionRecorded>;

/**
 * The responsible unit submitted the rectification of an open finding.
 *
 * @example
 * RectificationSubmitted.parse({ type: 'rectificationSubmitted', id: 'e33', at: '2020-02-01T10:00:00+08:00', by: 'p9', findingId: 'f1', note: '已补充口罩储备' });
 * @category Events
 */
export const RectificationSubmitted = z
  .object({ type: z.literal('rectificationSubmitted'), ...eventBase, /** The finding. */ findingId: RecordId, /** What was done. */ note: sensitive(z.string().min(1), 'freeText') })
  .strict();
/**
 * The {@link RectificationSubmitted} event.
 *
 * @interface
 * @category Events
 */
export type RectificationSubmitted = z.infer<typeof RectificationSubmitted>;

/**
 * The supervision group re-checked a submitted rectification: passed, or reopened (with a new
 * deadline, if given).
 *
 * @example
 * FindingRechecked.parse({ type: 'findingRechecked', id: 'e34', at: '2020-02-02T10:00:00+08:00', by: 'p3', findingId: 'f1', passed: true });
 * @category Events
 */
export const FindingRechecked = z
  .object({
    type: z.literal('findingRechecked'),
    ...eventBase,
    /** The finding. */
    findingId: RecordId,
    /** Whether it passed. */
    passed: z.boolean(),
    /** What was found. */
    note: sensitive(z.string(), 'freeText').optional(),
    /** When reopened: the new deadline. */
    deadline: Day.optional(),
  })
  .strict();
/**
 * The {@link FindingRechecked} event.
 *
 * @interface
 * @category Events
 */
export type FindingRechecked = z.infer<typeof FindingRechecked>;
