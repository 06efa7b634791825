import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day, Instant, dayOf } from '../core/day.js';
import { OrgId, PersonId, RecordId, SupervisionGroupId } from '../core/ids.js';
import { FindingSeverity, FindingStatus, RectificationAction, CheckItem } from '../core/vocabulary.js';
import { PostId } from '../roster/model.js';

/**
 * One answer of an inspection's checklist: how many are on duty, who the leading cadre on duty is
 * (`null`: nobody), whether there were gatherings or the supplies are in place (`ok`), or a custom
 * question and its answer.
 *
 * @example
 * CheckAnswer.parse({ item: 'leaderOnDuty', personId: 'p000042' });
 * CheckAnswer.parse({ item: 'custom', question: '测温登记是否完整？', ok: true });
 * @category Supervision
 */
export const CheckAnswer = z.discriminatedUnion('item', [
  z.object({ /** How many are on duty. */ item: z.literal('staffOnDuty'), /** People found on duty, the leader included. */ count: z.number().int().min(0).max(500) }).strict(),
  z.object({ /** Who is the leading cadre on duty. */ item: z.literal('leaderOnDuty'), /** The leader found, `null` for nobody. */ personId: PersonId.nullable() }).strict(),
  z.object({ /** Any collective gatherings lately. */ item: z.literal('gatherings'), /** True when there were none. */ ok: z.boolean(), /** What was seen. */ note: sensitive(z.string(), 'freeText').optional() }).strict(),
  z.object({ /** Support supplies in place. */ item: z.literal('supplies'), /** True when they are. */ ok: z.boolean(), /** What is missing. */ note: sensitive(z.string(), 'freeText').optional() }).strict(),
  z
    .object({
      /** A custom item. */
      item: z.literal('custom'),
      /** The question. */
      question: sensitive(z.string().min(1), 'freeText'),
      /** True when the answer is satisfactory. */
      ok: z.boolean(),
      /** Details. */
      note: sensitive(z.string(), 'freeText').optional(),
    })
    .strict(),
]);
/**
 * A checklist answer.
 *
 * @category Supervision
 */
export type CheckAnswer = z.infer<typeof CheckAnswer>;

/**
 * A finding raised by an inspector: the item, how serious, the unit responsible for putting it
 * right, what is wrong and the deadline.
 *
 * @example
 * RaisedFinding.parse({ id: 'f1', item: 'supplies', severity: 'minor', unitId: 'yc.v119212', description: '口罩储备不足', deadline: '2020-02-03' });
 * @category Supervision
 */
export const RaisedFinding = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** The checklist item it concerns. */
    item: CheckItem,
    /** How serious. */
    severity: FindingSeverity,
    /** The unit responsible for rectification. */
    unitId: OrgId,
    /** What is wrong. */
    description: sensitive(z.string().min(1), 'freeText'),
    /** The last day to rectify. */
    deadline: Day,
  })
  .strict();
/**
 * A finding as raised.
 *
 * @interface
 * @category Supervision
 */
export type RaisedFinding = z.infer<typeof RaisedFinding>;

/**
 * An inspection by a supervision group (督查) of a unit, and of one of its posts when `postId` is
 * given: the checklist answered on the spot and the findings raised. When the post's roster is
 * named, the answers on staffing and the leading cadre are checked against it (`onDuty`) and a
 * mismatch becomes a finding by itself.
 *
 * @example
 * Inspection.parse({ id: 'i1', groupId: 'sg-01', unitId: 'yc.v119212', postId: 'cp.yc.v119212', rosterId: 'r1', at: '2020-01-31T23:30:00+08:00', by: 'p3', answers: [{ item: 'staffOnDuty', count: 3 }], findings: [] });
 * @category Supervision
 */
export const Inspection = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** The supervision group. */
    groupId: SupervisionGroupId,
    /** The unit inspected. */
    unitId: OrgId,
    /** The post inspected, if any. */
    postId: PostId.optional(),
    /** The roster the post's staffing is checked against. */
    rosterId: RecordId.optional(),
    /** When. */
    at: Instant,
    /** Who recorded it. */
    by: PersonId,
    /** The checklist answers. */
    answers: z.array(CheckAnswer),
    /** The ids of the findings raised, those from the roster check included. */
    findings: z.array(RecordId),
  })
  .strict();
/**
 * An inspection.
 *
 * @interface
 * @category Supervision
 */
export type Inspection = z.infer<typeof Inspection>;

/**
 * What happened to a finding after it was raised: a rectification submitted by the responsible
 * unit, and the group's re-check (passed, or reopened).
 *
 * @example
 * FindingAction.parse({ kind: 'submitted', at: '2020-02-02T10:00:00+08:00', by: 'p9', note: '已补充储备' });
 * @category Supervision
 */
export const FindingAction = z
  .object({
    /** `submitted`, `passed` or `reopened`. */
    kind: RectificationAction,
    /** When. */
    at: Instant,
    /** Who. */
    by: PersonId,
    /** What was done or found. */
    note: sensitive(z.string(), 'freeText').optional(),
    /** When reopened: the new deadline. */
    deadline: Day.optional(),
  })
  .strict();
/**
 * A finding action.
 *
 * @interface
 * @category Supervision
 */
export type FindingAction = z.infer<typeof FindingAction>;

/**
 * A supervision finding and its loop: raised with a deadline, rectification submitted, re-checked
 * (passed, or reopened with a new deadline). It is overdue while not passed after its deadline.
 *
 * @example
 * const f: Finding = tableGet(ledger.findings, 'insp-2020-01-31-sg-04-5/staff')!;
 * [f.status, f.firstDeadline, f.deadline]; // => ['open', '2020-02-01', '2020-02-04'] (reopened on 2020-02-02)
 * @category Supervision
 */
export const Finding = z
  .object({
    /** Unique id. */
    id: RecordId,
    /** The inspection that raised it. */
    inspectionId: RecordId,
    /** The supervision group. */
    groupId: SupervisionGroupId,
    /** The checklist item. */
    item: CheckItem,
    /** How serious. */
    severity: FindingSeverity,
    /** The unit responsible. */
    unitId: OrgId,
    /** What is wrong. */
    description: sensitive(z.string().min(1), 'freeText'),
    /** Whether the roster check raised it. */
    fromRoster: z.boolean(),
    /** The day it was raised. */
    raisedOn: Day,
    /** The last day to rectify now (moved when reopened; see {@link deadlineOn} for an earlier day). */
    deadline: Day,
    /** The deadline it was raised with. */
    firstDeadline: Day,
    /** Open, submitted or passed. */
    status: FindingStatus,
    /** The day it passed its re-check. */
    closedOn: Day.optional(),
    /** What happened since, in order. */
    actions: z.array(FindingAction),
  })
  .strict();
/**
 * A finding.
 *
 * @interface
 * @category Supervision
 */
export type Finding = z.infer<typeof Finding>;

/**
 * The deadline of a finding in force on a day: the one it was raised with, or the last one set by a
 * re-check that reopened it on or before that day.
 *
 * @param finding - The finding.
 * @param day - The day.
 * @returns The deadline in force on that day.
 * @example
 * const finding = tableGet(ledger.findings, 'insp-2020-01-31-sg-04-5/staff')!; // due on 2020-02-01; reopened on 2020-02-02, due on 2020-02-04
 * deadlineOn(finding, '2020-02-01' as Day); // => '2020-02-01'
 * deadlineOn(finding, '2020-02-03' as Day); // => '2020-02-04'
 * @category Supervision
 */
export function deadlineOn(finding: Finding, day: Day): Day {
  let deadline = finding.firstDeadline;
  for (const a of finding.actions) {
    if (a.kind === 'reopened' && a.deadline !== undefined && dayOf(a.at) <= day) deadline = a.deadline;
  }
  return deadline;
}
