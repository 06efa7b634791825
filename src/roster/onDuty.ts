import { z } from 'zod';
import { addDays, Day, Instant, instantAt } from '../core/day.js';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import { describeValue, isRecord } from '../core/guards.js';
import type { PersonId } from '../core/ids.js';
import { shiftTimes } from './compile.js';
import { Shift, type PostId, type Roster, type ShiftId } from './model.js';

/**
 * One shift of a post under way at an instant: its leading cadre on duty (带班领导) and its staff.
 * A shift the roster gives staff seats but no leader seat at all (the seat left out, not merely
 * unfilled) is reported too, with `leader: null` and `leaderSeatMissing: true`: a shift without a
 * leading cadre is never hidden.
 *
 * @example
 * const shift: DutyShift = onDuty(roster, 'post0001', '2020-02-03T23:30:00+08:00').shifts[0]!;
 * [shift.shiftId, shift.end]; // => ['evening', '2020-02-04T00:00:00+08:00']
 * shift.leaderSeatMissing; // => false
 * @category Rosters
 */
export interface DutyShift {
  /** The shift. */
  readonly shiftId: ShiftId;
  /** The day it belongs to (the day it starts). */
  readonly day: Day;
  /** When it starts. */
  readonly start: Instant;
  /** When it ends. */
  readonly end: Instant;
  /** The leading cadre on duty, `null` when the seat is unfilled or the roster has no leader seat. */
  readonly leader: PersonId | null;
  /**
   * Whether the roster has no leader seat for this shift at all: the seat is left out, not merely
   * unfilled (`null`). Such a shift has no leading cadre, and no reassignment of the published
   * roster can give it one.
   */
  readonly leaderSeatMissing: boolean;
  /** The staff seats the roster has, in slot order, `null` where unfilled. */
  readonly staff: readonly (PersonId | null)[];
}

/**
 * Who is on duty at a post at an instant: the shifts under way then (usually one; two at a handover
 * when shifts overlap; none between shifts or outside the roster).
 *
 * @example
 * const duty = onDuty(roster, 'post0001', '2020-02-03T23:30:00+08:00');
 * duty.shifts.map((s) => s.shiftId); // => ['evening'] (16:00–00:00)
 * @category Rosters
 */
export interface OnDuty {
  /** The post. */
  readonly postId: PostId;
  /** The instant asked about. */
  readonly at: Instant;
  /** The shifts under way. */
  readonly shifts: readonly DutyShift[];
}

/**
 * Who is on duty at a post at an instant — the first question of a supervision group: "how many of
 * you are on duty, and who is the leading cadre on duty?". Reads the roster's own shift patterns,
 * so shifts across midnight are found from the day they start. A shift is under way when the
 * roster has any seat of it, leader or staff: one whose leader seat is left out is reported with
 * `leaderSeatMissing: true`; one with no seat at all is taken for a day the post is closed. An
 * unknown post (`invalid_input`), an instant that does not parse (`invalid_day`), or a roster
 * without its horizon, the post's shift pattern or a seat that holds something else than a person
 * id or null (`invalid_roster`) throws a {@link FrontlineError}.
 *
 * @param roster - The roster.
 * @param postId - The post.
 * @param at - The instant, with its offset.
 * @returns The shifts of the post under way at that instant.
 * @throws {@link FrontlineError} `invalid_input` for a post the roster does not have or an instant that does not parse.
 * @example
 * onDuty(roster, 'post0001', '2020-02-03T10:00:00+08:00').shifts[0]?.shiftId; // => 'morning'
 * @category Rosters
 */
export function onDuty(roster: Roster, postId: PostId | string, at: Instant | string): OnDuty {
  const horizon = RosterHorizon.safeParse(roster);
  if (!horizon.success) throw new FrontlineError('invalid_roster', 'invalid roster', issuesFromZod(horizon.error, ['roster']));
  const issues: Issue[] = [];
  const all = roster.shifts as Readonly<Record<string, unknown>>;
  const shifts = typeof postId === 'string' && Object.hasOwn(all, postId) ? all[postId] : undefined;
  if (shifts === undefined) issues.push({ path: ['postId'], code: 'unknown_post', message: `the roster has no post ${describeValue(postId)}` });
  const parsed = Instant.safeParse(at);
  if (!parsed.success) issues.push({ path: ['at'], code: 'invalid_instant', message: `${describeValue(at)} is not an ISO 8601 instant with an offset` });
  if (shifts === undefined || !parsed.success) throw new FrontlineError(parsed.success ? 'invalid_input' : 'invalid_day', 'cannot tell who is on duty', issues);
  const pattern = PostShifts.safeParse(shifts);
  if (!pattern.success) throw new FrontlineError('invalid_roster', 'invalid roster', issuesFromZod(pattern.error, ['roster', 'shifts', postId as string]));
  const seats = roster.seats as Readonly<Record<string, unknown>>;
  const seat = (id: string): PersonId | null | undefined => {
    const v = Object.hasOwn(seats, id) ? seats[id] : undefined;
    if (v === undefined || v === null || typeof v === 'string') return v as PersonId | null | undefined;
    throw new FrontlineError('invalid_roster', 'invalid roster', [{ path: ['roster', 'seats', id], code: 'invalid_type', message: `a seat holds a person id or null, got ${describeValue(v)}` }]);
  };
  const out = dutyAt(horizon.data, pattern.data, seat, postId as string, Date.parse(parsed.data));
  return { postId: postId as PostId, at: parsed.data, shifts: out };
}

/** The most staff seats a post has a shift (the limit of `Post.staff`). */
const MAX_STAFF = 50;

/** What {@link onDuty} reads of a roster before the post's shifts and seats (which it checks one by one). */
const RosterHorizon = z.object({
  startDay: Day,
  days: z.number().int().min(1).max(92),
  // objects, not read through: a county's roster has 100,000 seats and is asked about thousands of
  // times (the post's shifts and seats asked about are checked one by one)
  shifts: z.custom<Readonly<Record<string, unknown>>>(isRecord, 'expected an object of shift patterns by post'),
  seats: z.custom<Readonly<Record<string, unknown>>>(isRecord, 'expected an object of seats'),
});

/** A post's shift pattern. */
const PostShifts = z.array(Shift).min(1);

/**
 * @internal The shifts of a post under way at an instant, reading seats through `seat` (a person,
 * `null` for an unfilled seat, `undefined` for no such seat). A shift with no seat at all is not
 * under way (the post was closed that day) unless `open` says the post was open then: it is
 * reported with its leader seat missing and no staff.
 */
export function dutyAt(
  horizon: { readonly startDay: Day; readonly days: number },
  shifts: readonly Shift[],
  seat: (id: string) => PersonId | null | undefined,
  postId: string,
  atMs: number,
  open?: (day: Day) => boolean,
): DutyShift[] {
  const startMs = Date.parse(instantAt(horizon.startDay, '00:00'));
  const minute = (atMs - startMs) / 60_000;
  const today = Math.floor(minute / 1440);
  const out: DutyShift[] = [];
  for (let d = today - 2; d <= today; d++) {
    if (d < 0 || d >= horizon.days) continue;
    const day = addDays(horizon.startDay, d);
    for (const shift of shifts) {
      if ((shift.from !== undefined && day < shift.from) || (shift.to !== undefined && day > shift.to)) continue;
      const t = shiftTimes(shift);
      const from = d * 1440 + t.start;
      if (minute < from || minute >= from + t.length) continue;
      const base = `${postId}/${day}/${shift.id}/`;
      const leader = seat(`${base}L`);
      // every staff seat the roster has, a left-out one skipped: a gap hides none after it
      const staff: (PersonId | null)[] = [];
      for (let slot = 1; slot <= MAX_STAFF; slot++) {
        const p = seat(`${base}${slot}`);
        if (p !== undefined) staff.push(p);
      }
      // no seat at all: the post was closed that day, unless known to be open
      if (leader === undefined && staff.length === 0 && open?.(day) !== true) continue;
      out.push({
        shiftId: shift.id,
        day,
        start: minuteInstant(horizon.startDay, from),
        end: minuteInstant(horizon.startDay, from + t.length),
        leader: leader ?? null,
        leaderSeatMissing: leader === undefined,
        staff,
      });
    }
  }
  return out;
}

/** The instant a number of minutes after the first midnight of a horizon, in China Standard Time. */
function minuteInstant(startDay: Day, minute: number): Instant {
  const day = addDays(startDay, Math.floor(minute / 1440));
  const m = minute % 1440;
  return instantAt(day, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
}
