import { z } from 'zod';
import { Day, Instant } from '../core/day.js';
import { OrgId, PersonId } from '../core/ids.js';
import { AbsenceReason, CadreLevel, PostKind, ConstraintLevel } from '../core/vocabulary.js';

const slashFree = (what: string) =>
  z
    .string()
    .min(1)
    .refine((s) => !s.includes('/'), { message: `a ${what} id cannot contain "/" (it separates the parts of a seat id)` });

/**
 * The id of a staffed post (checkpoint, duty room, hotline). It may not contain `/`, which separates
 * the parts of a {@link SeatId}.
 *
 * @example
 * PostId.parse('cp.t03.v201'); // => 'cp.t03.v201' (typed as PostId)
 * @category Rosters
 */
export const PostId = slashFree('post').brand<'PostId'>();
/**
 * The id of a post.
 *
 * @category Rosters
 */
export type PostId = z.infer<typeof PostId>;

/**
 * The id of a shift of a post's pattern, such as `day` or `night`. It may not contain `/`.
 *
 * @example
 * ShiftId.parse('night'); // => 'night' (typed as ShiftId)
 * @category Rosters
 */
export const ShiftId = slashFree('shift').brand<'ShiftId'>();
/**
 * The id of a shift.
 *
 * @category Rosters
 */
export type ShiftId = z.infer<typeof ShiftId>;

/**
 * The id of one seat of a roster: `post/day/shift/slot`, where the slot is `L` for the leading
 * cadre on duty (带班领导) and `1`…`N` for the staff.
 *
 * @example
 * SeatId.parse('cp1/2020-02-01/night/L'); // => 'cp1/2020-02-01/night/L' (typed as SeatId)
 * @category Rosters
 */
export const SeatId = z
  .string()
  .regex(/^[^/]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/(L|[1-9]\d*)$/, { message: 'a seat id is post/YYYY-MM-DD/shift/slot, the slot L (leader) or 1…N (staff)' })
  .brand<'SeatId'>();
/**
 * The id of a seat.
 *
 * @category Rosters
 */
export type SeatId = z.infer<typeof SeatId>;

/**
 * A clock time `HH:mm` (00:00–23:59) in China Standard Time.
 *
 * @example
 * ClockTime.parse('22:00'); // => '22:00'
 * @category Rosters
 */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a clock time is HH:mm, from 00:00 to 23:59' });
/**
 * A clock time.
 *
 * @category Rosters
 */
export type ClockTime = z.infer<typeof ClockTime>;

/**
 * One shift of a post's daily pattern. A shift whose end is not after its start runs across midnight
 * into the next day (an end equal to the start is a 24-hour shift); it belongs to the day it starts.
 * It is a night shift when any part of it falls between 00:00 and 05:00, unless `night` says
 * otherwise. `from` and `to` limit the days it is worked, for a shift added or dropped later.
 *
 * @example
 * Shift.parse({ id: 'night', start: '22:00', end: '06:00' });
 * @category Rosters
 */
export const Shift = z
  .object({
    /** Its id, unique within the post. */
    id: ShiftId,
    /** Its name for display, such as 夜班. */
    name: z.string().min(1).optional(),
    /** When it starts (China Standard Time). */
    start: ClockTime,
    /** When it ends; not after `start` means the next day. */
    end: ClockTime,
    /** Whether it counts as a night shift, when the default reading is not right. */
    night: z.boolean().optional(),
    /** First day the shift is worked, if not every day the post is open (a shift added later). */
    from: Day.optional(),
    /** Last day the shift is worked, if not every day the post is open. */
    to: Day.optional(),
  })
  .strict()
  .refine((s) => s.from === undefined || s.to === undefined || s.from <= s.to, { message: 'the shift is last worked before it is first worked', path: ['to'] });
/**
 * A shift.
 *
 * @interface
 * @category Rosters
 */
export type Shift = z.infer<typeof Shift>;

/**
 * Who may take a post's leader seat (带班领导): a cadre of at least this level (county above section
 * above village), and a Party member if `partyMember` is set.
 *
 * @example
 * LeaderRequirement.parse({ cadreLevel: 'village', partyMember: true });
 * @category Rosters
 */
export const LeaderRequirement = z
  .object({
    /** The lowest cadre level accepted. */
    cadreLevel: CadreLevel,
    /** Whether the leader must be a Party member (full or probationary). */
    partyMember: z.boolean().optional(),
  })
  .strict();
/**
 * A leader requirement.
 *
 * @interface
 * @category Rosters
 */
export type LeaderRequirement = z.infer<typeof LeaderRequirement>;

const uniqueBy = <T>(items: readonly T[], key: (t: T) => string, ctx: z.RefinementCtx, what: string, field: string): void => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate ${what} id '${k}'` });
    seen.add(k);
  });
};

/**
 * A staffed post: a temporary checkpoint (临时检查点), a duty room (值班室) or a hotline, at a unit, in
 * a pool (the township whose people staff it first), with its daily shift pattern and its seats: one
 * leading cadre on duty and `staff` others per shift. It is open from `from` to `to` (both included;
 * the whole horizon when absent).
 *
 * @example
 * Post.parse({
 *   id: 'cp1', name: '吴家沟村村口卡点', kind: 'checkpoint', unitId: 'yc.t05.v001', poolId: 'yc.t05',
 *   shifts: [{ id: 'day', start: '08:00', end: '20:00' }, { id: 'night', start: '20:00', end: '08:00' }],
 *   leader: { cadreLevel: 'village' }, staff: 2,
 * });
 * @category Rosters
 */
export const Post = z
  .object({
    /** Unique id. */
    id: PostId,
    /** Its name, such as 吴家沟村村口卡点. */
    name: z.string().min(1),
    /** Checkpoint, duty room or hotline. */
    kind: PostKind,
    /** The unit it stands in (village, community, township…). */
    unitId: OrgId,
    /** The pool (usually the township) whose people staff it first; capacity is checked per pool. */
    poolId: OrgId,
    /** The daily shift pattern. */
    shifts: z.array(Shift).min(1),
    /** Who may lead a shift. Every post has a leader seat. */
    leader: LeaderRequirement,
    /** Staff seats per shift besides the leader. */
    staff: z.number().int().min(0).max(50),
    /** First day open, if not the horizon's first. */
    from: Day.optional(),
    /** Last day open, if not the horizon's last. */
    to: Day.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    uniqueBy(p.shifts, (s) => s.id, ctx, 'shift', 'shifts');
    if (p.from !== undefined && p.to !== undefined && p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `closes (${p.to}) before it opens (${p.from})` });
  });
/**
 * A post.
 *
 * @interface
 * @category Rosters
 */
export type Post = z.infer<typeof Post>;

/**
 * Days (both included) on which a person cannot serve, and why; only the listed shifts when `shifts`
 * is given.
 *
 * @example
 * Absence.parse({ from: '2020-02-03', to: '2020-02-05', reason: 'sickness' });
 * @category Rosters
 */
export const Absence = z
  .object({
    /** First day. */
    from: Day,
    /** Last day (included). */
    to: Day,
    /** Leave, sickness, observation, isolation or blocked. */
    reason: AbsenceReason,
    /** Only these shifts (by id) are blocked; all when absent. */
    shifts: z.array(ShiftId).min(1).optional(),
  })
  .strict()
  .refine((a) => a.from <= a.to, { message: 'an absence ends before it starts', path: ['to'] });
/**
 * An absence.
 *
 * @interface
 * @category Rosters
 */
export type Absence = z.infer<typeof Absence>;

/**
 * A person who can be rostered: where they belong (unit and pool, for locality), their cadre level
 * and Party membership (for leader seats), when they cannot serve, and the days they would like to
 * work or not.
 *
 * @example
 * RosterPerson.parse({ id: 'p1', name: '张伟', unitId: 'yc.t05.v001', poolId: 'yc.t05', cadreLevel: 'village', partyMember: true });
 * @category Rosters
 */
export const RosterPerson = z
  .object({
    /** The person's id. */
    id: PersonId,
    /** Name, for display. */
    name: z.string().min(1),
    /** The unit they belong to (own village or community for locality). */
    unitId: OrgId,
    /** Their pool (usually their township). */
    poolId: OrgId,
    /** Their cadre level, if a cadre. */
    cadreLevel: CadreLevel.optional(),
    /** Whether they are a Party member (full or probationary). */
    partyMember: z.boolean(),
    /** When they cannot serve. */
    absences: z.array(Absence).optional(),
    /** Days they would like to work (S4). */
    desiredDays: z.array(Day).optional(),
    /** Days they would rather not work (S4). */
    undesiredDays: z.array(Day).optional(),
  })
  .strict();
/**
 * A rosterable person.
 *
 * @interface
 * @category Rosters
 */
export type RosterPerson = z.infer<typeof RosterPerson>;

/**
 * The weights of the medium and soft constraints. Every weight is a non-negative whole number.
 *
 * @example
 * RosterWeights.parse({ ...DEFAULT_ROSTER_RULES.weights, elsewhere: 60 });
 * @category Rosters
 */
export const RosterWeights = z
  .object({
    /** M1: an unfilled leader seat. */
    unfilledLeader: z.number().int().min(0),
    /** M1: an unfilled staff seat. */
    unfilledStaff: z.number().int().min(0),
    /** S1: a person from another unit of the post's own pool. */
    ownPool: z.number().int().min(0),
    /** S1: a person from another pool. */
    elsewhere: z.number().int().min(0),
    /** S2: per squared shift count of a fully available person (scaled up for partly available ones). */
    fairness: z.number().int().min(0),
    /** S2: per squared night-shift count, scaled the same way. */
    nightFairness: z.number().int().min(0),
    /** S3: a seat changed from the published roster. */
    changed: z.number().int().min(0),
    /** S4: a shift on a day the person would rather not work. */
    undesiredDay: z.number().int().min(0),
    /** S4: a desired day left without a shift. */
    desiredDay: z.number().int().min(0),
    /** S5: a working day between two days off. */
    isolatedShift: z.number().int().min(0),
    /** S5: a day shift the day after a night shift. */
    nightToDay: z.number().int().min(0),
    /** S6: each further post a cadre leads at, beyond their first. */
    leaderPosts: z.number().int().min(0),
    /** H7 or H8 made soft: each shift or day beyond the limit. */
    overLimit: z.number().int().min(0),
  })
  .strict();
/**
 * Roster weights.
 *
 * @interface
 * @category Rosters
 */
export type RosterWeights = z.infer<typeof RosterWeights>;

/**
 * The rules of a roster: the limits of the hard constraints H5–H8 (local practice, so configurable),
 * whether H7 and H8 are hard or soft, and the weights of M1 and S1–S6.
 *
 * @example
 * RosterRules.parse({ ...DEFAULT_ROSTER_RULES, minRestHours: 8 });
 * @category Rosters
 */
export const RosterRules = z
  .object({
    /** H5: shifts a person may work on one day. */
    maxShiftsPerDay: z.number().int().min(1).max(4),
    /** H6: hours of rest between the end of one shift and the start of the next. */
    minRestHours: z.number().min(0).max(48),
    /** H7: consecutive working days allowed. */
    maxConsecutiveDays: z.number().int().min(1).max(366),
    /** H7: `hard` (never exceeded) or `soft` (penalized by `weights.overLimit`). */
    consecutiveDaysLevel: ConstraintLevel.exclude(['medium']),
    /** H8: shifts allowed in any 7 consecutive days. */
    maxShiftsPer7Days: z.number().int().min(1).max(28),
    /** H8: `hard` or `soft`. */
    shiftsPer7DaysLevel: ConstraintLevel.exclude(['medium']),
    /** The weights of M1 and S1–S6. */
    weights: RosterWeights,
  })
  .strict();
/**
 * Roster rules.
 *
 * @interface
 * @category Rosters
 */
export type RosterRules = z.infer<typeof RosterRules>;

/**
 * The default roster rules: one shift a day, 12 hours of rest, at most 6 consecutive days and 6
 * shifts in any 7 days (a weekly rest day), both hard; an unfilled leader seat weighs three staff
 * seats; a change from the published roster (1000) outweighs every other soft goal.
 *
 * @example
 * DEFAULT_ROSTER_RULES.minRestHours; // => 12
 * @category Rosters
 */
export const DEFAULT_ROSTER_RULES: RosterRules = Object.freeze({
  maxShiftsPerDay: 1,
  minRestHours: 12,
  maxConsecutiveDays: 6,
  consecutiveDaysLevel: 'hard',
  maxShiftsPer7Days: 6,
  shiftsPer7DaysLevel: 'hard',
  weights: Object.freeze({
    unfilledLeader: 3,
    unfilledStaff: 1,
    ownPool: 10,
    elsewhere: 100,
    fairness: 30,
    nightFairness: 10,
    changed: 1000,
    undesiredDay: 30,
    desiredDay: 10,
    isolatedShift: 5,
    nightToDay: 10,
    leaderPosts: 8,
    overLimit: 50,
  }),
});

/**
 * A pool of people (usually a township): posts are staffed from their own pool first, and capacity
 * is checked per pool.
 *
 * @example
 * RosterPool.parse({ id: 'yc.t05', name: '普安镇' });
 * @category Rosters
 */
export const RosterPool = z.object({ /** The pool's id (usually the township's unit id). */ id: OrgId, /** Its name. */ name: z.string().min(1) }).strict();
/**
 * A pool.
 *
 * @interface
 * @category Rosters
 */
export type RosterPool = z.infer<typeof RosterPool>;

/**
 * A seat held fixed: it keeps this person (or stays empty with `null`) whatever the search does
 * (H9).
 *
 * @example
 * SeatLock.parse({ seat: 'cp1/2020-02-01/day/L', personId: 'p1' });
 * @category Rosters
 */
export const SeatLock = z.object({ /** The seat. */ seat: SeatId, /** Its person, or `null` to keep it empty. */ personId: PersonId.nullable() }).strict();
/**
 * A locked seat.
 *
 * @interface
 * @category Rosters
 */
export type SeatLock = z.infer<typeof SeatLock>;

/**
 * Seats and their people: `null` for an unfilled seat.
 *
 * @example
 * RosterSeats.parse({ 'cp1/2020-02-01/day/L': 'p1', 'cp1/2020-02-01/day/1': null });
 * @category Rosters
 */
export const RosterSeats = z.record(SeatId, PersonId.nullable());
/**
 * Seats and their people.
 *
 * @category Rosters
 */
export type RosterSeats = z.infer<typeof RosterSeats>;

/**
 * A roster problem: the horizon (`days` days from `startDay`), the pools, the posts and their
 * seats, the people who can serve, the rules, and for replanning the published roster, the locked
 * seats and the freeze time (seats starting before it keep their published person). A problem with
 * no post, or whose posts have no shift worked on any day of the horizon, has no seat to fill and is
 * refused, rather than reported as fully staffed.
 *
 * A problem is a value: the library caches its compiled form per object, so change a copy (as
 * {@link repairRoster} does), never a problem already used.
 *
 * @example
 * const problem = RosterProblem.parse(generateRosterProblem({ size: 'S', seed: 1 }));
 * @category Rosters
 */
export const RosterProblem = z
  .object({
    /** First day of the horizon. */
    startDay: Day,
    /** Number of days. */
    days: z.number().int().min(1).max(92),
    /** The pools. */
    pools: z.array(RosterPool).min(1),
    /** The posts: at least one, with a seat on some day of the horizon. */
    posts: z.array(Post).min(1, { message: 'a roster problem needs at least one post: with none there is no seat to fill' }),
    /** The people who can serve. */
    people: z.array(RosterPerson),
    /** The rules; the defaults of {@link DEFAULT_ROSTER_RULES} where absent. */
    rules: RosterRules.optional(),
    /** Seats held fixed (H9). */
    locked: z.array(SeatLock).optional(),
    /** The published roster: the baseline of S3, and the source of frozen seats. */
    published: RosterSeats.optional(),
    /** Seats starting before this instant keep their published person (H9). */
    freezeAt: Instant.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    uniqueBy(p.pools, (x) => x.id, ctx, 'pool', 'pools');
    uniqueBy(p.posts, (x) => x.id, ctx, 'post', 'posts');
    uniqueBy(p.people, (x) => x.id, ctx, 'person', 'people');
    // no seat at all would report every seat filled: nothing to roster is a mistake, not a success
    const last = lastDay(p.startDay, p.days);
    const later = (a: string, b: string | undefined): string => (b !== undefined && b > a ? b : a);
    const earlier = (a: string, b: string | undefined): string => (b !== undefined && b < a ? b : a);
    // (a post or shift that closes before it opens is refused by itself: not counted twice)
    const contradicts = (from: string | undefined, to: string | undefined): boolean => from !== undefined && to !== undefined && to < from;
    const seated = p.posts.some((post) =>
      post.shifts.some((sh) => contradicts(post.from, post.to) || contradicts(sh.from, sh.to) || later(later(p.startDay, post.from), sh.from) <= earlier(earlier(last, post.to), sh.to)),
    );
    if (p.posts.length > 0 && !seated) ctx.addIssue({ code: 'custom', path: ['posts'], message: `no post has a shift worked from ${p.startDay} to ${last}: there is no seat to fill` });
    const pools = new Set<string>(p.pools.map((x) => x.id));
    p.posts.forEach((post, i) => {
      if (!pools.has(post.poolId)) ctx.addIssue({ code: 'custom', path: ['posts', i, 'poolId'], message: `unknown pool '${post.poolId}'` });
    });
    p.people.forEach((person, i) => {
      if (!pools.has(person.poolId)) ctx.addIssue({ code: 'custom', path: ['people', i, 'poolId'], message: `unknown pool '${person.poolId}'` });
    });
    // an absence for some shifts names them by id: an id no post has blocks nothing, so is a mistake
    const shiftIds = new Set<string>(p.posts.flatMap((post) => post.shifts.map((sh) => sh.id)));
    p.people.forEach((person, i) => {
      (person.absences ?? []).forEach((a, j) => {
        (a.shifts ?? []).forEach((id, m) => {
          if (!shiftIds.has(id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'absences', j, 'shifts', m], message: `unknown shift '${id}': no post has a shift with this id` });
        });
      });
    });
    const people = new Set<string>(p.people.map((x) => x.id));
    const posts = new Map<string, Post>(p.posts.map((x) => [x.id, x]));
    const lockedTo = new Map<string, string | null>();
    (p.locked ?? []).forEach((l, i) => {
      if (!seatExists(p, posts, l.seat)) ctx.addIssue({ code: 'custom', path: ['locked', i, 'seat'], message: `unknown seat '${l.seat}'` });
      const before = lockedTo.get(l.seat);
      if (before !== undefined && before !== l.personId) {
        ctx.addIssue({ code: 'custom', path: ['locked', i, 'personId'], message: `seat '${l.seat}' is locked twice, to ${before === null ? 'nobody' : `'${before}'`} and to ${l.personId === null ? 'nobody' : `'${l.personId}'`}` });
      } else lockedTo.set(l.seat, l.personId);
      if (l.personId !== null && !people.has(l.personId)) ctx.addIssue({ code: 'custom', path: ['locked', i, 'personId'], message: `unknown person '${l.personId}'` });
    });
    for (const [seat, person] of Object.entries(p.published ?? {})) {
      if (person !== null && !people.has(person)) ctx.addIssue({ code: 'custom', path: ['published', seat], message: `unknown person '${person}'` });
    }
    if (p.freezeAt !== undefined && p.published === undefined) ctx.addIssue({ code: 'custom', path: ['freezeAt'], message: 'a freeze time needs the published roster it freezes' });
  });
/**
 * A roster problem.
 *
 * @interface
 * @category Rosters
 */
export type RosterProblem = z.infer<typeof RosterProblem>;

/**
 * A roster: the seats of a horizon and who holds each (`null`: unfilled), with each post's shift
 * pattern so that the roster alone can answer who is on duty at an instant ({@link onDuty}).
 *
 * @example
 * Object.keys(roster.seats).length; // => 6300 (50 posts × 14 days × 3 shifts × 3 seats)
 * @category Rosters
 */
export const Roster = z
  .object({
    /** First day of the horizon. */
    startDay: Day,
    /** Number of days. */
    days: z.number().int().min(1).max(92),
    /** Each post's shift pattern. */
    shifts: z.record(PostId, z.array(Shift).min(1)),
    /** Who holds each seat. */
    seats: RosterSeats,
  })
  .strict();
/**
 * A roster.
 *
 * @interface
 * @category Rosters
 */
export type Roster = z.infer<typeof Roster>;

/**
 * The slot of a seat: `L` for the leading cadre on duty, `1`…`N` for the staff.
 *
 * @example
 * const s: SeatSlot = 'L';
 * @category Rosters
 */
export type SeatSlot = 'L' | number;

/**
 * The id of a seat from its parts.
 *
 * @param postId - The post.
 * @param day - The day the shift starts.
 * @param shiftId - The shift.
 * @param slot - `'L'` for the leader, 1, 2, … for the staff.
 * @returns The seat id, `post/day/shift/slot`.
 * @example
 * seatId('cp1' as PostId, '2020-02-01' as Day, 'night' as ShiftId, 'L'); // => 'cp1/2020-02-01/night/L'
 * @category Rosters
 */
export function seatId(postId: PostId, day: Day, shiftId: ShiftId, slot: SeatSlot): SeatId {
  return `${postId}/${day}/${shiftId}/${slot}` as SeatId;
}

/**
 * The parts of a seat id, or `undefined` when it is not one.
 *
 * @param id - The text to read.
 * @returns Its post, day, shift and slot, or `undefined`.
 * @example
 * parseSeatId('cp1/2020-02-01/night/2'); // => { postId: 'cp1', day: '2020-02-01', shiftId: 'night', slot: 2 }
 * @category Rosters
 */
export function parseSeatId(id: string): { postId: PostId; day: Day; shiftId: ShiftId; slot: SeatSlot } | undefined {
  if (typeof id !== 'string') return undefined;
  const parts = id.split('/');
  if (parts.length !== 4) return undefined;
  const [postId, day, shiftId, slot] = parts as [string, string, string, string];
  if (postId === '' || shiftId === '' || !Day.safeParse(day).success) return undefined;
  if (slot !== 'L' && !/^[1-9]\d*$/.test(slot)) return undefined;
  return { postId: postId as PostId, day: day as Day, shiftId: shiftId as ShiftId, slot: slot === 'L' ? 'L' : Number(slot) };
}

/** @internal Whether a problem has a seat: its post, a day of the horizon the post and shift are open, its slot. */
export function seatExists(problem: Pick<RosterProblem, 'startDay' | 'days'>, posts: ReadonlyMap<string, Post>, id: string): boolean {
  const parts = parseSeatId(id);
  if (parts === undefined) return false;
  const post = posts.get(parts.postId);
  const shift = post?.shifts.find((x) => x.id === parts.shiftId);
  if (post === undefined || shift === undefined) return false;
  if (parts.slot !== 'L' && parts.slot > post.staff) return false;
  const day = parts.day;
  const last = lastDay(problem.startDay, problem.days);
  if (day < problem.startDay || day > last) return false;
  for (const [from, to] of [
    [post.from, post.to],
    [shift.from, shift.to],
  ] as const) {
    if ((from !== undefined && day < from) || (to !== undefined && day > to)) return false;
  }
  return true;
}

/** The last day of a horizon (calendar arithmetic on the date alone). */
function lastDay(start: string, days: number): string {
  // the refinement runs beside the fields' own checks: a start day or a length they refuse gives no
  // horizon, and the problem is already refused for them
  const ms = Date.parse(`${start}T00:00:00Z`) + (days - 1) * 86_400_000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().slice(0, 10) : start;
}
