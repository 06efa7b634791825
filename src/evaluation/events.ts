import { z } from 'zod';
import { DeedInput, ThreeShowsEntry } from './records.js';
import { eventBase } from '../store/event.js';

/**
 * Records a concrete deed of a person or a unit, the evidence of evaluation (`recordedBy` is the
 * event's `by`).
 *
 * @example
 * DeedRecorded.parse({ type: 'deedRecorded', id: 'e35', at: '2020-01-30T18:00:00+08:00', by: 'p3', deed: { id: 'd1', personId: 'p000042', dimension: 'achievement', evidence: '连续五天带队完成全村入户摸排', points: 2, day: '2020-01-30' } });
 * @category Events
 */
export const DeedRecorded = z
  .object({ type: z.literal('deedRecorded'), ...eventBase, /** The deed (its recorder is `by`). */ deed: DeedInput })
  .strict();
/**
 * The {@link DeedRecorded} event.
 *
 * @interface
 * @category Events
 */
export type DeedRecorded = z.infer<typeof DeedRecorded>;

/**
 * Records a three-shows entry (三亮) of a Party member.
 *
 * @example
 * ThreeShowsRecorded.parse({ type: 'threeShowsRecorded', id: 'e36', at: '2020-01-26T09:00:00+08:00', by: 'p9', entry: { id: 's1', personId: 'p000042', show: 'commitment', text: '我是党员，我先上', day: '2020-01-26' } });
 * @category Events
 */
export const ThreeShowsRecorded = z
  .object({ type: z.literal('threeShowsRecorded'), ...eventBase, /** The entry. */ entry: ThreeShowsEntry })
  .strict();
/**
 * The {@link ThreeShowsRecorded} event.
 *
 * @interface
 * @category Events
 */
export type ThreeShowsRecorded = z.infer<typeof ThreeShowsRecorded>;
