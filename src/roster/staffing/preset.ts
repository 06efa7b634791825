import { addDays, type Day } from '../../core/day.js';
import { parseOrThrow } from '../../core/errors.js';
import { DEFAULT_ROSTER_RULES, RosterProblem, parseSeatId, type Roster } from '../model.js';
import { RANK } from '../compile.js';
import { StaffingProblem, type StaffingAssignment, type StaffingCover, type StaffingRequest, type StaffingRoster } from './model.js';

/**
 * The factor that puts the checkpoint problem's medium level (M1, unfilled seats) above every soft
 * weight when both become soft weights of the general model.
 *
 * @example
 * CHECKPOINT_MEDIUM_FACTOR; // => 1000000
 * @category Rosters
 */
export const CHECKPOINT_MEDIUM_FACTOR = 1_000_000;

/** The skill of the staff seats. */
const STAFF = 'staff';
const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * The checkpoint problem ({@link RosterProblem}, rules H1–H9, M1, S1–S6 of the roster guide) as a
 * preset of the general model ({@link StaffingProblem}): each post's shift is a shift type
 * (`post/shift`, grouped by its hours); the leader seat (带班领导) is a skill, `lead:<level>` (or
 * `lead:<level>:party` when the post asks for a Party member), held by every cadre of that level or
 * above (H1), with cover 1 a day and shift (H2); the staff seats are the skill `staff`, with cover
 * `post.staff` (H3); unfilled seats (M1) cost their weight × {@link CHECKPOINT_MEDIUM_FACTOR}; whole-day
 * absences are days off (H4); one shift a day (H5); pairs of shifts with less rest than
 * `minRestHours` between them are forbidden successions (H6); H7 and H8 are limits of the one
 * contract, hard or weighted by `overLimit`; desired and undesired days (S4) are shift-on and
 * shift-off requests. Not carried over: shift-limited absences, more than one shift a day, locality
 * (S1), fairness (S2), the published roster, locks and the freeze (S3, H9), S5 and S6 — the
 * checkpoint's own engine ({@link buildRoster}, {@link repairRoster}) keeps them.
 *
 * @param problem - The checkpoint problem.
 * @returns The same staffing in the general model.
 * @throws {@link FrontlineError} `invalid_roster` for a problem that does not parse.
 * @example
 * const s = staffingFromRoster(generateRosterProblem({ size: 'S', seed: 1 }));
 * s.shiftTypes.length; // => 150 (50 posts × 3 shifts)
 * s.skills.map((k) => k.id); // => ['lead:section:party', 'lead:village', 'staff']
 * @category Rosters
 */
export function staffingFromRoster(problem: RosterProblem): StaffingProblem {
  const p = parseOrThrow(RosterProblem, problem, 'invalid_roster', 'roster problem');
  const rules = p.rules ?? DEFAULT_ROSTER_RULES;
  const w = rules.weights;
  const days: Day[] = Array.from({ length: p.days }, (_, d) => addDays(p.startDay, d));
  const leadSkill = (level: string, party: boolean | undefined): string => `lead:${level}${party === true ? ':party' : ''}`;
  const skillIds = new Set<string>();
  const shiftTypes: StaffingProblem['shiftTypes'] = [];
  const cover: StaffingCover[] = [];
  const groups = new Map<string, { start: number; end: number }>();
  for (const post of p.posts) {
    const lead = leadSkill(post.leader.cadreLevel, post.leader.partyMember);
    skillIds.add(lead);
    for (const sh of post.shifts) {
      const start = minutesOf(sh.start);
      let end = minutesOf(sh.end);
      if (end <= start) end += 1440;
      const group = `${sh.start}-${sh.end}`;
      groups.set(group, { start, end });
      const id = `${post.id}/${sh.id}`;
      shiftTypes.push({ id, minutes: end - start, group });
      days.forEach((day, d) => {
        const open = [post.from, sh.from].every((f) => f === undefined || f <= day) && [post.to, sh.to].every((t) => t === undefined || day <= t);
        if (!open) return;
        cover.push({ day: d, shift: id, skill: lead, min: 0, optimal: 1, underWeight: w.unfilledLeader * CHECKPOINT_MEDIUM_FACTOR });
        if (post.staff > 0) cover.push({ day: d, shift: id, skill: STAFF, min: 0, optimal: post.staff, underWeight: w.unfilledStaff * CHECKPOINT_MEDIUM_FACTOR });
      });
    }
  }
  if (p.posts.some((post) => post.staff > 0)) skillIds.add(STAFF);
  // H6: a shift of one group may not be followed the next day by one that starts too soon after it ends
  const restMin = Math.round(rules.minRestHours * 60);
  const forbiddenSuccessions: { from: string; to: string }[] = [];
  for (const [a, ga] of groups) for (const [b, gb] of groups) if (1440 + gb.start - ga.end < restMin) forbiddenSuccessions.push({ from: a, to: b });

  const levels = Object.keys(RANK) as (keyof typeof RANK)[];
  const people = p.people.map((person) => {
    const skills: string[] = [];
    for (const level of levels) {
      if (person.cadreLevel === undefined || RANK[person.cadreLevel] < RANK[level]) continue;
      for (const party of [false, true]) {
        const k = leadSkill(level, party);
        if (skillIds.has(k) && (!party || person.partyMember)) skills.push(k);
      }
    }
    if (skillIds.has(STAFF)) skills.push(STAFF);
    const unavailable = new Set<number>();
    for (const a of person.absences ?? []) {
      if (a.shifts !== undefined) continue;
      days.forEach((day, d) => {
        if (a.from <= day && day <= a.to) unavailable.add(d);
      });
    }
    return { id: person.id, name: person.name, skills, contract: 'checkpoint', ...(unavailable.size > 0 ? { unavailable: [...unavailable].sort((x, y) => x - y) } : {}) };
  });
  const requests: StaffingRequest[] = [];
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  for (const person of p.people) {
    for (const day of person.desiredDays ?? []) {
      const d = dayIndex.get(day);
      if (d !== undefined) requests.push({ person: person.id, day: d, want: 'on', weight: w.desiredDay });
    }
    for (const day of person.undesiredDays ?? []) {
      const d = dayIndex.get(day);
      if (d !== undefined) requests.push({ person: person.id, day: d, want: 'off', weight: w.undesiredDay });
    }
  }
  const soft = (level: 'hard' | 'soft'): { weight: number } | Record<string, never> => (level === 'hard' ? {} : { weight: w.overLimit });
  return parseOrThrow(
    StaffingProblem,
    {
      name: 'checkpoint',
      days: p.days,
      firstWeekday: ((new Date(`${p.startDay}T00:00:00Z`).getUTCDay() + 6) % 7) + 1,
      skills: [...skillIds].sort().map((id) => ({ id })),
      shiftTypes,
      forbiddenSuccessions,
      contracts: [
        {
          id: 'checkpoint',
          workingDays: { max: rules.maxConsecutiveDays, ...soft(rules.consecutiveDaysLevel) },
          workIn7Days: { max: rules.maxShiftsPer7Days, ...soft(rules.shiftsPer7DaysLevel) },
        },
      ],
      people,
      cover,
      requests,
      minimumsAtStart: false,
    },
    'invalid_roster',
    'staffing problem',
  );
}

/**
 * A checkpoint roster as a roster of its preset ({@link staffingFromRoster}): each filled seat is
 * an assignment of its post's shift, with the leader skill the post asks for on the leader seat and
 * `staff` on the others.
 *
 * @param problem - The checkpoint problem.
 * @param roster - A roster of it.
 * @returns The assignments.
 * @example
 * const s = staffingRosterOf(problem, roster);
 * benchmarkCost(staffingFromRoster(problem), s).feasible; // => true
 * @category Rosters
 */
export function staffingRosterOf(problem: RosterProblem, roster: Roster): StaffingRoster {
  const posts = new Map(problem.posts.map((p) => [p.id as string, p]));
  const start = Date.parse(`${problem.startDay}T00:00:00Z`);
  const assignments: StaffingAssignment[] = [];
  for (const [seat, person] of Object.entries(roster.seats)) {
    if (person === null) continue;
    const parts = parseSeatId(seat);
    const post = parts === undefined ? undefined : posts.get(parts.postId);
    if (parts === undefined || post === undefined) continue;
    const day = Math.round((Date.parse(`${parts.day}T00:00:00Z`) - start) / 86_400_000);
    const skill = parts.slot === 'L' ? `lead:${post.leader.cadreLevel}${post.leader.partyMember === true ? ':party' : ''}` : STAFF;
    assignments.push({ person, day, shift: `${parts.postId}/${parts.shiftId}`, skill });
  }
  return { assignments };
}
