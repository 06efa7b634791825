import { tz, TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { z } from 'zod';
import { FrontlineError, formatPath, issuesFromZod } from './errors.js';
import { describeValue, refusal } from './guards.js';

/**
 * The IANA name of China Standard Time, the zone in which every {@link Day} of the library lives.
 *
 * @example
 * CHINA_TIME_ZONE; // => 'Asia/Shanghai'
 * @category Time
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const inChina = tz(CHINA_TIME_ZONE);
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @internal True when y-m-d is a real calendar date (Gregorian). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/**
 * A calendar day in China Standard Time, written `'YYYY-MM-DD'`. The schema accepts only real dates
 * of the years 0001–9999.
 *
 * @example
 * Day.parse('2020-01-24'); // => '2020-01-24'
 * Day.safeParse('2020-02-30').success; // => false
 * @category Time
 */
export const Day = z
  .string()
  .regex(DAY_PATTERN, 'a day is written YYYY-MM-DD')
  .refine((s) => {
    const m = DAY_PATTERN.exec(s);
    return m === null || isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }, 'not a real calendar date')
  .refine((s) => !s.startsWith('0000'), 'a day falls in the years 0001–9999')
  .brand<'Day'>();
/**
 * A calendar day in China Standard Time, `'YYYY-MM-DD'`.
 *
 * @category Time
 */
export type Day = z.infer<typeof Day>;

/**
 * An instant: ISO 8601 date and time with a `Z` or numeric offset, such as
 * `'2020-01-24T08:30:00+08:00'`, whose day in China falls in the years 0001–9999 (so that it has a
 * {@link Day}: `'9999-12-31T23:59:59-12:00'` is already 10000 in Beijing).
 *
 * @example
 * Instant.parse('2020-01-24T08:30:00+08:00'); // => '2020-01-24T08:30:00+08:00'
 * Instant.safeParse('9999-12-31T23:59:59-12:00').success; // => false
 * @category Time
 */
export const Instant = z.iso
  .datetime({ offset: true })
  .refine((s) => chinaDayInRange(s), 'its day in China falls outside the years 0001–9999')
  .brand<'Instant'>();
/**
 * An ISO 8601 instant with offset.
 *
 * @category Time
 */
export type Instant = z.infer<typeof Instant>;

/**
 * @internal Refuses a value that is not a real day (`invalid_day`), naming it by `path`: the check
 * at the top of every query that takes a day.
 */
export function requireDay(value: unknown, path: PropertyKey | readonly PropertyKey[] = 'day'): Day {
  if (isDayString(value)) return value;
  const r = Day.safeParse(value);
  if (r.success) return r.data;
  throw new FrontlineError('invalid_day', `invalid ${formatPath(pathOf(path))}`, issuesFromZod(r.error, pathOf(path)));
}

/** @internal {@link requireDay} for an instant with its offset (`invalid_day` too). */
export function requireInstant(value: unknown, path: PropertyKey | readonly PropertyKey[] = 'at'): Instant {
  const r = Instant.safeParse(value);
  if (r.success) return r.data;
  throw new FrontlineError('invalid_day', `invalid ${formatPath(pathOf(path))}`, issuesFromZod(r.error, pathOf(path)));
}

const pathOf = (path: PropertyKey | readonly PropertyKey[]): readonly PropertyKey[] => (Array.isArray(path) ? path : [path as PropertyKey]);

/** @internal True for a string that is a {@link Day}: the schema's checks, by hand (they run on every query). */
export function isDayString(value: unknown): value is Day {
  if (typeof value !== 'string' || value.length !== 10) return false;
  const m = DAY_PATTERN.exec(value);
  if (m === null) return false;
  const y = Number(m[1]);
  return y >= 1 && isRealDate(y, Number(m[2]), Number(m[3]));
}

/**
 * Checks a string and returns it as a {@link Day}; throws a {@link FrontlineError} (`invalid_day`)
 * naming the problem otherwise.
 *
 * @param value - The text to check, `'YYYY-MM-DD'`.
 * @returns The same text, as a day.
 * @throws {@link FrontlineError} `invalid_day` when it is not a real calendar date so written.
 * @example
 * parseDay('2020-02-29'); // => '2020-02-29'
 * parseDay('2021-02-29'); // throws: not a real calendar date
 * @category Time
 */
export function parseDay(value: string): Day {
  if (isDayString(value)) return value;
  const r = Day.safeParse(value);
  if (r.success) return r.data;
  throw new FrontlineError(
    'invalid_day',
    `invalid day ${typeof value === 'string' ? `'${value}'` : describeValue(value)}`,
    r.error.issues.map((i) => ({ path: [], code: i.code, message: i.message })),
  );
}

/** @internal A day from its parts, with no checks: the caller guarantees a real date. */
export function dayFromParts(y: number, m: number, d: number): Day {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as Day;
}

/** Midnight in China of a day already checked. */
function chinaMidnight(day: Day): TZDate {
  return new TZDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), CHINA_TIME_ZONE);
}

/**
 * The day in China Standard Time on which an instant falls, whatever the machine's time zone.
 * Throws a {@link FrontlineError} (`invalid_day`) for a string that is not an {@link Instant} (an
 * offset is required), an invalid `Date`, or an instant whose day in China falls outside the years
 * 0001–9999.
 *
 * @param instant - An ISO 8601 instant with its offset, or a `Date`.
 * @returns Its day in China Standard Time.
 * @throws `TypeError` when the string is not such an instant or the `Date` is invalid.
 * @example
 * dayOf('2020-01-23T18:00:00Z'); // => '2020-01-24' (02:00 in Beijing)
 * @category Time
 */
export function dayOf(instant: Instant | string | Date): Day {
  // China has kept UTC+8 without summer time since 1992: there the day is plain arithmetic; earlier
  // instants (summer time 1986–1991, local mean time before 1901) go through the zone database.
  if (typeof instant === 'string' && instant >= '1992' && isBeijingInstant(instant)) {
    const prefix = instant.slice(0, 10);
    let day = realDays.get(prefix);
    if (day === undefined) {
      if (!isRealDate(Number(prefix.slice(0, 4)), Number(prefix.slice(5, 7)), Number(prefix.slice(8, 10)))) throw notAnInstant(instant);
      day = prefix as Day;
      if (realDays.size < 100_000) realDays.set(prefix, day);
    }
    return day;
  }
  // a string must be an ISO 8601 instant with its offset: `Date` would read one without an offset in
  // the machine's time zone, and roll a day that does not exist over into the next month
  let ms: number;
  if (typeof instant === 'string') {
    if (!Instant.safeParse(instant).success) throw notAnInstant(instant);
    ms = Date.parse(instant);
  } else if (instant instanceof Date) ms = instant.getTime();
  else throw notAnInstant(instant);
  if (Number.isNaN(ms)) throw notAnInstant(instant);
  const day = chinaDayOfTime(ms);
  if (day === undefined) throw refusal('invalid_day', 'invalid instant', [], 'out_of_range', `the day in China of ${describeInstant(instant)} falls outside the years 0001–9999`);
  return day;
}

/** The refusal of a value that is not an instant. */
function notAnInstant(value: unknown): FrontlineError {
  return refusal('invalid_day', 'invalid instant', [], 'invalid_instant', `not an ISO 8601 instant with an offset: ${describeInstant(value)}`);
}

function describeInstant(value: unknown): string {
  return value instanceof Date ? (Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString()) : describeValue(value);
}

/** The day in China of a time in milliseconds, or undefined outside the years 0001–9999. */
function chinaDayOfTime(ms: number): Day | undefined {
  if (ms >= SINCE_1992) {
    const local = new Date(ms + EIGHT_HOURS);
    const y = local.getUTCFullYear();
    return Number.isNaN(y) || y > 9999 ? undefined : dayFromParts(y, local.getUTCMonth() + 1, local.getUTCDate());
  }
  // the zone database's parts (local mean time, +08:05:43, before 1901); not `format`, which writes
  // the year 0 as 0001 (1 BC)
  const local = new TZDate(ms, CHINA_TIME_ZONE);
  const y = local.getFullYear();
  return Number.isNaN(y) || y < 1 ? undefined : dayFromParts(y, local.getMonth() + 1, local.getDate());
}

/**
 * Whether an instant already in ISO 8601 form has its day in China within the years 0001–9999:
 * only instants written in the years 0000, 0001 and 9999 can fall outside (an offset is under a day).
 */
function chinaDayInRange(s: string): boolean {
  if (!(s.startsWith('0000') || s.startsWith('0001') || s.startsWith('9999'))) return true;
  const ms = Date.parse(s);
  // a string Date cannot read is refused by the format check, which names the problem
  return Number.isNaN(ms) || chinaDayOfTime(ms) !== undefined;
}

/**
 * @internal The day of an event's instant, already checked as an Instant (by the event's schema,
 * or because the journal is trusted): a Beijing-time instant whose day was seen before is read off
 * its first ten characters; anything else goes through {@link dayOf}.
 */
export function eventDay(at: string): Day {
  if (at.length === 25 && at.charCodeAt(10) === 84 /* T */ && at.charCodeAt(19) === 43 /* + */ && at.endsWith('08:00')) {
    const known = realDays.get(at.slice(0, 10));
    if (known !== undefined) return known;
  }
  return dayOf(at);
}

/** Day strings already found to be real dates (a few thousand at most in practice). */
const realDays = new Map<string, Day>();

/** An instant written in Beijing time: its first ten characters are its day. */
const BEIJING_INSTANT = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?\+08:00$/;
const SHAPE = 'dddd-dd-ddTdd:dd:dd+08:00';

/** {@link BEIJING_INSTANT}, checked by hand for the common `YYYY-MM-DDTHH:mm:ss+08:00` (it is on every event). */
function isBeijingInstant(s: string): boolean {
  if (s.length !== SHAPE.length) return BEIJING_INSTANT.test(s);
  for (let i = 0; i < SHAPE.length; i++) {
    const want = SHAPE.charCodeAt(i);
    const c = s.charCodeAt(i);
    if (want === 100 /* d */ ? c - 48 > 9 || c < 48 : c !== want) return false;
  }
  // a real time of day: hours 00–23, minutes and seconds 00–59
  return s.charCodeAt(11) < 50 /* 2 */ || s.charCodeAt(12) < 52 /* 4 */ ? s.charCodeAt(14) < 54 && s.charCodeAt(17) < 54 : false;
}
const EIGHT_HOURS = 8 * 3_600_000;
/** 1992-01-01T00:00:00+08:00. */
const SINCE_1992 = Date.UTC(1991, 11, 31, 16);

/**
 * The day `n` calendar days after `day` (before it when `n` is negative). Throws a
 * {@link FrontlineError}: `invalid_input` when `n` is not a whole number, `invalid_day` when `day`
 * is not a day or the result leaves the years 0001–9999.
 *
 * @param day - The day to start from.
 * @param n - Whole days to add (negative: to go back).
 * @returns The day `n` days later.
 * @throws `RangeError` when `n` is not a whole number or the result leaves the years 0000–9999; `TypeError` when `day` is not written as a day.
 * @example
 * addDays('2020-01-24' as Day, 14); // => '2020-02-07'
 * @category Time
 */
export function addDays(day: Day, n: number): Day {
  if (!Number.isInteger(n)) throw refusal('invalid_input', 'invalid number of days', ['n'], 'not_integer', `addDays needs a whole number of days, got ${describeValue(n)}`);
  // Pure calendar arithmetic: a day has no time of day, so no zone offset (such as Shanghai's
  // pre-1901 local mean time, +08:05:43) can shift the result.
  const out = fromEpochDay(checkedEpochDay(day, 'day') + n);
  if (!DAY_PATTERN.test(out) || out.startsWith('0000'))
    throw refusal('invalid_day', 'invalid day', ['n'], 'out_of_range', `addDays leaves the years 0001–9999: '${day}' + ${n}`);
  return out;
}

/**
 * The number of calendar days from `from` to `to`: positive when `to` is later. Throws a
 * {@link FrontlineError} (`invalid_day`) when either is not a day.
 *
 * @param from - The first day.
 * @param to - The second day.
 * @returns Days from `from` to `to` (negative when `to` is earlier).
 * @throws `TypeError` when either is not written as a day.
 * @example
 * daysBetween('2020-01-24' as Day, '2020-02-07' as Day); // => 14
 * @category Time
 */
export function daysBetween(from: Day, to: Day): number {
  return checkedEpochDay(to, 'to') - checkedEpochDay(from, 'from');
}

/**
 * The instant at a clock time (`'HH:mm'`, default midnight) of a day in China Standard Time.
 * Throws a {@link FrontlineError}: `invalid_day` for a day that is not one, `invalid_input` for a
 * clock time not written `HH:mm`.
 *
 * @param day - The day.
 * @param time - The clock time, `'HH:mm'` (default `'00:00'`).
 * @returns The instant, with its offset (`+08:00` since 1992).
 * @throws `RangeError` when the time is not `HH:mm` or the day is not a real date.
 * @example
 * instantAt('2020-01-24' as Day, '08:30'); // => '2020-01-24T08:30:00+08:00'
 * @category Time
 */
export function instantAt(day: Day, time = '00:00'): Instant {
  const t = typeof time === 'string' ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  if (t === null || Number(t[1]) > 23 || Number(t[2]) > 59)
    throw refusal('invalid_input', 'invalid clock time', ['time'], 'invalid_time', `a clock time is written HH:mm, got ${describeValue(time)}`);
  requireDay(day, 'day');
  if (day >= '1992') return `${day}T${time}:00+08:00` as Instant;
  const start = chinaMidnight(day);
  const at = new TZDate(start.getFullYear(), start.getMonth(), start.getDate(), Number(t[1]), Number(t[2]), CHINA_TIME_ZONE);
  return format(at, "yyyy-MM-dd'T'HH:mm:ssxxx", { in: inChina }) as Instant;
}

/**
 * Compares two days for sorting: negative, zero or positive.
 *
 * @param a - A day.
 * @param b - Another day.
 * @returns A negative number when `a` comes first, 0 when they are equal, a positive one otherwise.
 * @example
 * ['2020-02-01', '2020-01-24'].sort(compareDays); // => ['2020-01-24', '2020-02-01']
 * @category Time
 */
export function compareDays(a: string, b: string): number {
  if (typeof a !== 'string' || typeof b !== 'string')
    throw refusal('invalid_day', 'cannot compare days', [typeof a === 'string' ? 'b' : 'a'], 'invalid_type', `days are strings, got ${describeValue(typeof a === 'string' ? b : a)}`);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whole years of age on a day, for someone born on `birth`. Throws a {@link FrontlineError}
 * (`invalid_day`) when either is not a day.
 *
 * @param birth - The day of birth.
 * @param on - The day asked about.
 * @returns The age in whole years.
 * @example
 * ageOn('2002-02-01' as Day, '2020-02-01' as Day); // => 18
 * ageOn('2002-02-02' as Day, '2020-02-01' as Day); // => 17
 * @category Time
 */
export function ageOn(birth: Day, on: Day): number {
  requireDay(birth, 'birth');
  requireDay(on, 'on');
  const by = Number(birth.slice(0, 4));
  const oy = Number(on.slice(0, 4));
  return oy - by - (on.slice(5) < birth.slice(5) ? 1 : 0);
}

/**
 * True when `day` lies in the closed range `[from, to]`; an open end (`undefined`) is unbounded.
 * Throws a {@link FrontlineError} (`invalid_day`) for a value that is not a day.
 *
 * @param day - The day.
 * @param from - The first day of the range, or `undefined` for no start.
 * @param to - The last day of the range, or `undefined` for no end.
 * @returns True when the day is in the range.
 * @example
 * isDayWithin('2020-02-01' as Day, '2020-01-24' as Day, undefined); // => true
 * @category Time
 */
export function isDayWithin(day: Day, from: Day | undefined, to: Day | undefined): boolean {
  requireDay(day, 'day');
  if (from !== undefined) requireDay(from, 'from');
  if (to !== undefined) requireDay(to, 'to');
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}

const MS_PER_DAY = 86_400_000;

/** @internal Days since 1970-01-01 of a day (pure calendar arithmetic, independent of any zone). */
export function toEpochDay(day: Day): number {
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** {@link toEpochDay} after checking that the value is a day; `invalid_day` at `path` otherwise. */
function checkedEpochDay(day: Day, path: PropertyKey): number {
  return toEpochDay(requireDay(day, path));
}

/** @internal The day a number of days after 1970-01-01 (pure calendar arithmetic). */
export function fromEpochDay(n: number): Day {
  const d = new Date(n * MS_PER_DAY);
  return dayFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
