// Small hand-built roster problems and rosters for the roster tests. Inputs are written as plain
// objects (ids as strings) and cast to the library's branded types; the library parses them anyway.
import {
  DEFAULT_ROSTER_RULES,
  FrontlineError,
  addDays,
  type Day,
  type Roster,
  type RosterProblem,
  type RosterRules,
  type RosterWeights,
} from '../../src/index.js';
import { compileProblem } from '../../src/roster/compile.js';

export const DAY0 = '2020-02-01' as Day;
/** The day `n` days after the first day of the horizon. */
export const day = (n: number): Day => addDays(DAY0, n);

export type Level = 'village' | 'section' | 'county';

export interface ShiftIn {
  id: string;
  start: string;
  end: string;
  name?: string;
  night?: boolean;
  from?: string;
  to?: string;
}
export interface PostIn {
  id: string;
  name?: string;
  kind?: 'checkpoint' | 'dutyRoom' | 'hotline';
  unitId?: string;
  poolId?: string;
  shifts?: ShiftIn[];
  leader?: { cadreLevel: Level; partyMember?: boolean };
  staff?: number;
  from?: string;
  to?: string;
}
export interface AbsenceIn {
  from: string;
  to: string;
  reason: 'leave' | 'sickness' | 'observation' | 'isolation' | 'blocked';
  shifts?: string[];
}
export interface PersonIn {
  id: string;
  name?: string;
  unitId?: string;
  poolId?: string;
  cadreLevel?: Level;
  partyMember?: boolean;
  absences?: AbsenceIn[];
  desiredDays?: string[];
  undesiredDays?: string[];
}
export interface ProblemIn {
  days?: number;
  pools?: { id: string; name: string }[];
  posts: PostIn[];
  people: PersonIn[];
  rules?: RosterRules;
  locked?: { seat: string; personId: string | null }[];
  published?: Record<string, string | null>;
  freezeAt?: string;
}

/** Three 8-hour shifts; the evening one ends at midnight, the night one starts there. */
export const THREE_SHIFTS: ShiftIn[] = [
  { id: 'morning', start: '08:00', end: '16:00' },
  { id: 'evening', start: '16:00', end: '00:00' },
  { id: 'night', start: '00:00', end: '08:00' },
];
/** Two 12-hour shifts; the night one runs across midnight. */
export const TWO_SHIFTS: ShiftIn[] = [
  { id: 'day', start: '08:00', end: '20:00' },
  { id: 'night', start: '20:00', end: '08:00' },
];
/** One 12-hour day shift. */
export const DAY_SHIFT: ShiftIn[] = [{ id: 'day', start: '08:00', end: '20:00' }];

export const POOLS = [
  { id: 't1', name: '第1乡镇' },
  { id: 't2', name: '第2乡镇' },
];

/** Every weight zero: a test turns on only the ones it looks at. */
export const ZERO_WEIGHTS: RosterWeights = {
  unfilledLeader: 0,
  unfilledStaff: 0,
  ownPool: 0,
  elsewhere: 0,
  fairness: 0,
  nightFairness: 0,
  changed: 0,
  undesiredDay: 0,
  desiredDay: 0,
  isolatedShift: 0,
  nightToDay: 0,
  leaderPosts: 0,
  overLimit: 0,
};

/** The default limits with every weight zero except those given. */
export function quietRules(over: Partial<Omit<RosterRules, 'weights'>> = {}, weights: Partial<RosterWeights> = {}): RosterRules {
  return { ...DEFAULT_ROSTER_RULES, ...over, weights: { ...ZERO_WEIGHTS, ...weights } };
}

export function post(p: PostIn): PostIn & Required<Pick<PostIn, 'name' | 'kind' | 'unitId' | 'poolId' | 'shifts' | 'leader' | 'staff'>> {
  return {
    name: `岗点${p.id}`,
    kind: 'checkpoint',
    unitId: 't1.v1',
    poolId: 't1',
    shifts: DAY_SHIFT,
    leader: { cadreLevel: 'village' },
    staff: 0,
    ...p,
  };
}

export function person(p: PersonIn): PersonIn & Required<Pick<PersonIn, 'name' | 'unitId' | 'poolId' | 'partyMember'>> {
  return { name: `人${p.id}`, unitId: 't1.v1', poolId: 't1', partyMember: false, ...p };
}

/** A roster problem from loose parts (posts and people completed by {@link post} and {@link person}). */
export function problemOf(p: ProblemIn): RosterProblem {
  const out: Record<string, unknown> = {
    startDay: DAY0,
    days: p.days ?? 1,
    pools: p.pools ?? POOLS,
    posts: p.posts.map(post),
    people: p.people.map(person),
  };
  if (p.rules !== undefined) out['rules'] = p.rules;
  if (p.locked !== undefined) out['locked'] = p.locked;
  if (p.published !== undefined) out['published'] = p.published;
  if (p.freezeAt !== undefined) out['freezeAt'] = p.freezeAt;
  return out as unknown as RosterProblem;
}

/**
 * A roster of a problem with the given seats, every other seat of the problem listed as unfilled
 * (`null`). When the problem does not compile, only the given seats.
 */
export function rosterOf(problem: RosterProblem, seats: Record<string, string | null>): Roster {
  let all: Record<string, string | null> = {};
  try {
    const c = compileProblem(problem);
    for (let s = 0; s < c.S; s++) all[c.seatId(s)] = null;
  } catch {
    all = {};
  }
  return sparseRosterOf(problem, { ...all, ...seats });
}

/** A roster of a problem listing only the given seats: every other seat is left out. */
export function sparseRosterOf(problem: RosterProblem, seats: Record<string, string | null>): Roster {
  return {
    startDay: problem.startDay,
    days: problem.days,
    shifts: Object.fromEntries(problem.posts.map((p) => [p.id, p.shifts])),
    seats,
  } as unknown as Roster;
}

/** The id of a seat: post, day index, shift, slot (`L` or 1…N). */
export function seat(postId: string, dayIndex: number, shiftId: string, slot: 'L' | number = 'L'): string {
  return `${postId}/${day(dayIndex)}/${shiftId}/${slot}`;
}

/** The error a call throws, which must be a {@link FrontlineError}. */
export function caught(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError');
}

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** The issues of an error as `path → code`, sorted, for comparing with a list. */
export function issueList(e: FrontlineError): string[] {
  return e.issues.map((i) => `${i.path.map(String).join('.')} → ${i.code}`).sort();
}

/** Minutes from the horizon's first midnight (China Standard Time) to a seat's start. */
export function seatStartMinute(problem: RosterProblem, roster: Roster, seatId: string): number {
  const [postId, d, shiftId] = seatId.split('/') as [string, string, string, string];
  const shift = (roster.shifts as Record<string, readonly ShiftIn[]>)[postId]?.find((s) => s.id === shiftId);
  if (shift === undefined) throw new Error(`no shift for seat ${seatId}`);
  const dayIndex = (Date.parse(`${d}T00:00:00Z`) - Date.parse(`${problem.startDay}T00:00:00Z`)) / 86_400_000;
  return dayIndex * 1440 + Number(shift.start.slice(0, 2)) * 60 + Number(shift.start.slice(3, 5));
}
