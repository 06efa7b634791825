import { z } from 'zod';
import type { Label } from '../../core/vocabulary.js';

/**
 * Lower and upper limits on a count, and the weight of each unit outside them. With no `weight`
 * the limits are hard: a roster that leaves them is infeasible. Either limit may be absent.
 *
 * @example
 * StaffingLimits.parse({ min: 3, max: 5, weight: 30 }); // consecutive working days, INRC-II style
 * @category Rosters
 */
export const StaffingLimits = z
  .object({
    /** The least allowed (none when absent). */
    min: z.number().int().min(0).optional(),
    /** The most allowed (none when absent). */
    max: z.number().int().min(0).optional(),
    /** The cost of each unit below `min` or above `max`; hard limits when absent. */
    weight: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, { message: 'the minimum is above the maximum', path: ['max'] });
/**
 * Staffing limits.
 *
 * @interface
 * @category Rosters
 */
export type StaffingLimits = z.infer<typeof StaffingLimits>;

/**
 * A skill a seat may require and a person may have: the leading cadre on duty (带班领导, INRC-II's
 * `HeadNurse`), a medical worker, a police officer, a volunteer, plain staff.
 *
 * @example
 * StaffingSkill.parse({ id: 'medical', name: '医务人员' });
 * @category Rosters
 */
export const StaffingSkill = z
  .object({
    /** Unique id. */
    id: z.string().min(1),
    /** Its name for display. */
    name: z.string().min(1).optional(),
  })
  .strict();
/**
 * A skill.
 *
 * @interface
 * @category Rosters
 */
export type StaffingSkill = z.infer<typeof StaffingSkill>;

/**
 * A shift type: its length in minutes, the group it belongs to for forbidden successions, and the
 * limits on runs of consecutive days on this same shift type.
 *
 * @example
 * StaffingShiftType.parse({ id: 'Night', minutes: 480, consecutive: { min: 4, max: 5, weight: 15 } });
 * @category Rosters
 */
export const StaffingShiftType = z
  .object({
    /** Unique id. */
    id: z.string().min(1),
    /** Its name for display. */
    name: z.string().min(1).optional(),
    /** Its length in minutes (for limits on total minutes); 0 when absent. */
    minutes: z.number().int().min(0).optional(),
    /** A group id that forbidden successions may name instead of the shift type itself. */
    group: z.string().min(1).optional(),
    /** Limits on consecutive days on this shift type. */
    consecutive: StaffingLimits.optional(),
  })
  .strict();
/**
 * A shift type.
 *
 * @interface
 * @category Rosters
 */
export type StaffingShiftType = z.infer<typeof StaffingShiftType>;

/**
 * A forbidden succession (hard): a shift of type (or group) `from` on one day may not be followed
 * by one of type (or group) `to` the next day — the rest rule as data.
 *
 * @example
 * ForbiddenSuccession.parse({ from: 'Night', to: 'Early' });
 * @category Rosters
 */
export const ForbiddenSuccession = z
  .object({
    /** The shift type or group of the first day. */
    from: z.string().min(1),
    /** The shift type or group that may not follow the next day. */
    to: z.string().min(1),
  })
  .strict();
/**
 * A forbidden succession.
 *
 * @interface
 * @category Rosters
 */
export type ForbiddenSuccession = z.infer<typeof ForbiddenSuccession>;

/**
 * A contract: the limits on one person's work over the horizon. Every part is optional; each is
 * hard or weighted by its {@link StaffingLimits}.
 *
 * @example
 * StaffingContract.parse({ id: 'FullTime', assignments: { min: 15, max: 22, weight: 20 }, workingDays: { min: 3, max: 5, weight: 30 } });
 * @category Rosters
 */
export const StaffingContract = z
  .object({
    /** Unique id. */
    id: z.string().min(1),
    /** Total assignments over the horizon, those carried in by the history included. */
    assignments: StaffingLimits.optional(),
    /** Total minutes worked over the horizon. */
    minutes: StaffingLimits.optional(),
    /** Consecutive working days. */
    workingDays: StaffingLimits.optional(),
    /** Consecutive days off. */
    daysOff: StaffingLimits.optional(),
    /** Working weekends (Saturday or Sunday worked), those carried in included; only `max` is read. */
    weekends: StaffingLimits.optional(),
    /** The cost of a weekend with one day worked and the other not (both days in the horizon). */
    completeWeekends: z.number().int().min(0).optional(),
    /** Shifts of each type over the horizon (by shift type id); only `max` is read. */
    perShiftType: z.record(z.string(), StaffingLimits).optional(),
    /** Working days in any 7 consecutive days of the horizon; only `max` is read. */
    workIn7Days: StaffingLimits.optional(),
  })
  .strict();
/**
 * A contract.
 *
 * @interface
 * @category Rosters
 */
export type StaffingContract = z.infer<typeof StaffingContract>;

/**
 * What a person carries in from the roster before the horizon: totals so far and the runs that
 * end on the day before the first day. INRC-II's history file.
 *
 * @example
 * StaffingHistory.parse({ assignments: 0, weekends: 0, lastShift: 'Night', sameShiftRun: 1, workRun: 4, offRun: 0 });
 * @category Rosters
 */
export const StaffingHistory = z
  .object({
    /** Assignments already worked in the horizon's accounting period. */
    assignments: z.number().int().min(0),
    /** Working weekends already worked. */
    weekends: z.number().int().min(0),
    /** The shift type worked the day before the first day, or `null` for a day off. */
    lastShift: z.string().min(1).nullable(),
    /** Consecutive days on `lastShift` up to that day. */
    sameShiftRun: z.number().int().min(0),
    /** Consecutive working days up to that day. */
    workRun: z.number().int().min(0),
    /** Consecutive days off up to that day. */
    offRun: z.number().int().min(0),
  })
  .strict();
/**
 * A person's history.
 *
 * @interface
 * @category Rosters
 */
export type StaffingHistory = z.infer<typeof StaffingHistory>;

/**
 * A person who can be rostered: their skills, contract, days they cannot work (hard) and history.
 *
 * @example
 * StaffingPerson.parse({ id: 'Sara', skills: ['Nurse'], contract: 'PartTime' });
 * @category Rosters
 */
export const StaffingPerson = z
  .object({
    /** Unique id. */
    id: z.string().min(1),
    /** Name for display. */
    name: z.string().min(1).optional(),
    /** The skills they may work with. */
    skills: z.array(z.string().min(1)),
    /** Their contract's id. */
    contract: z.string().min(1),
    /** Day indexes (0 = the first day) on which they cannot work. */
    unavailable: z.array(z.number().int().min(0)).optional(),
    /** What they carry in; with none, runs start fresh on the first day. */
    history: StaffingHistory.optional(),
  })
  .strict();
/**
 * A rosterable person of the general model.
 *
 * @interface
 * @category Rosters
 */
export type StaffingPerson = z.infer<typeof StaffingPerson>;

/**
 * The cover wanted on one day for one shift type and skill: `min` people (hard) and `optimal`
 * people, each one short of it costing `underWeight`, each one above it `overWeight`.
 *
 * @example
 * StaffingCover.parse({ day: 0, shift: 'Early', skill: 'Nurse', min: 1, optimal: 2, underWeight: 30 });
 * @category Rosters
 */
export const StaffingCover = z
  .object({
    /** Day index (0 = the first day). */
    day: z.number().int().min(0),
    /** Shift type id. */
    shift: z.string().min(1),
    /** Skill id. */
    skill: z.string().min(1),
    /** People required (hard). */
    min: z.number().int().min(0),
    /** People wanted. */
    optimal: z.number().int().min(0),
    /** Cost of each person short of `optimal`; 0 when absent. */
    underWeight: z.number().int().min(0).optional(),
    /** Cost of each person above `optimal`; 0 when absent. */
    overWeight: z.number().int().min(0).optional(),
  })
  .strict();
/**
 * A cover requirement.
 *
 * @interface
 * @category Rosters
 */
export type StaffingCover = z.infer<typeof StaffingCover>;

const REQUEST_KIND = {
  on: { zh: '希望上班', en: 'shift-on request' },
  off: { zh: '希望休息', en: 'shift-off request' },
} as const satisfies Record<string, Label>;

/**
 * The labels of a request's kind: `on` (wants to work) and `off` (wants not to).
 *
 * @example
 * STAFFING_REQUEST_LABELS.off.zh; // => '希望休息'
 * @category Rosters
 */
export const STAFFING_REQUEST_LABELS: Readonly<Record<'on' | 'off', Label>> = REQUEST_KIND;

/**
 * A person's wish for one day: to work (`on`) or not (`off`) a shift type, or any shift when
 * `shift` is absent; `weight` is the cost of not granting it.
 *
 * @example
 * StaffingRequest.parse({ person: 'Andrea', day: 1, want: 'off', weight: 10 });
 * @category Rosters
 */
export const StaffingRequest = z
  .object({
    /** The person's id. */
    person: z.string().min(1),
    /** Day index. */
    day: z.number().int().min(0),
    /** The shift type; any shift when absent. */
    shift: z.string().min(1).optional(),
    /** `on`: wants to work it; `off`: wants not to. */
    want: z.enum(['on', 'off']),
    /** The cost of not granting it. */
    weight: z.number().int().min(0),
  })
  .strict();
/**
 * A request.
 *
 * @interface
 * @category Rosters
 */
export type StaffingRequest = z.infer<typeof StaffingRequest>;

/**
 * A staffing problem, the general model of a roster: a horizon of `days` days, skills, shift types,
 * forbidden successions, contracts, people with history, cover per day × shift type × skill, and
 * requests. A person works at most one shift a day, with one of their skills. The checkpoint problem
 * ({@link RosterProblem}) is a preset of it ({@link staffingFromRoster}); the INRC-II and Curtois–Qu
 * benchmarks are read into it ({@link readInrc2}, {@link readCurtoisQu}).
 *
 * Runs (consecutive working days, days off, same shift type) start with the history carried in, or
 * fresh on the first day when a person has none; such a fresh first run is held to its minimum
 * unless `minimumsAtStart` is `false`, and a run still going on the last day only when
 * `minimumsAtEnd` is set. INRC-II carries history in and leaves the last runs to the following
 * weeks; Curtois–Qu holds neither border run to its minimum.
 *
 * @example
 * const p = StaffingProblem.parse({
 *   days: 2, skills: [{ id: 'staff' }], shiftTypes: [{ id: 'D' }], contracts: [{ id: 'c' }],
 *   people: [{ id: 'a', skills: ['staff'], contract: 'c' }],
 *   cover: [{ day: 0, shift: 'D', skill: 'staff', min: 1, optimal: 1 }],
 * });
 * p.people.length; // => 1
 * @category Rosters
 */
export const StaffingProblem = z
  .object({
    /** A name, such as the instance's. */
    name: z.string().optional(),
    /** Number of days. */
    days: z.number().int().min(1).max(366),
    /** The ISO weekday of the first day (1 = Monday … 7 = Sunday), for weekends; Monday when absent. */
    firstWeekday: z.number().int().min(1).max(7).optional(),
    /** The skills. */
    skills: z.array(StaffingSkill).min(1),
    /** The shift types. */
    shiftTypes: z.array(StaffingShiftType).min(1),
    /** Forbidden successions (hard). */
    forbiddenSuccessions: z.array(ForbiddenSuccession).optional(),
    /** The contracts. */
    contracts: z.array(StaffingContract).min(1),
    /** The people. */
    people: z.array(StaffingPerson),
    /** Cover per day, shift type and skill; absent triples want nobody. */
    cover: z.array(StaffingCover),
    /** Requests. */
    requests: z.array(StaffingRequest).optional(),
    /** Whether a run still going on the last day is held to its minimum (see above); off when absent. */
    minimumsAtEnd: z.boolean().optional(),
    /** Whether a run that starts on the first day of a person with no history is held to its minimum; on when absent. */
    minimumsAtStart: z.boolean().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const unique = (items: readonly { id: string }[], field: string): Set<string> => {
      const seen = new Set<string>();
      items.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id '${x.id}'` });
        seen.add(x.id);
      });
      return seen;
    };
    const skills = unique(p.skills, 'skills');
    const shifts = unique(p.shiftTypes, 'shiftTypes');
    const contracts = unique(p.contracts, 'contracts');
    const people = unique(p.people, 'people');
    const groups = new Set<string>([...shifts, ...p.shiftTypes.flatMap((s) => (s.group === undefined ? [] : [s.group]))]);
    const bad = (path: PropertyKey[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    (p.forbiddenSuccessions ?? []).forEach((f, i) => {
      if (!groups.has(f.from)) bad(['forbiddenSuccessions', i, 'from'], `unknown shift type or group '${f.from}'`);
      if (!groups.has(f.to)) bad(['forbiddenSuccessions', i, 'to'], `unknown shift type or group '${f.to}'`);
    });
    p.contracts.forEach((c, i) => {
      for (const s of Object.keys(c.perShiftType ?? {})) if (!shifts.has(s)) bad(['contracts', i, 'perShiftType', s], `unknown shift type '${s}'`);
    });
    p.people.forEach((person, i) => {
      if (!contracts.has(person.contract)) bad(['people', i, 'contract'], `unknown contract '${person.contract}'`);
      person.skills.forEach((k, j) => {
        if (!skills.has(k)) bad(['people', i, 'skills', j], `unknown skill '${k}'`);
      });
      (person.unavailable ?? []).forEach((d, j) => {
        if (d >= p.days) bad(['people', i, 'unavailable', j], `day ${d} is outside the horizon of ${p.days} days`);
      });
      const last = person.history?.lastShift;
      if (last !== undefined && last !== null && !shifts.has(last)) bad(['people', i, 'history', 'lastShift'], `unknown shift type '${last}'`);
    });
    const seenCover = new Set<string>();
    p.cover.forEach((c, i) => {
      if (c.day >= p.days) bad(['cover', i, 'day'], `day ${c.day} is outside the horizon of ${p.days} days`);
      if (!shifts.has(c.shift)) bad(['cover', i, 'shift'], `unknown shift type '${c.shift}'`);
      if (!skills.has(c.skill)) bad(['cover', i, 'skill'], `unknown skill '${c.skill}'`);
      if (c.min > c.optimal) bad(['cover', i, 'optimal'], `the optimal cover ${c.optimal} is below the minimum ${c.min}`);
      const key = `${c.day}/${c.shift}/${c.skill}`;
      if (seenCover.has(key)) bad(['cover', i], `cover for day ${c.day}, shift '${c.shift}', skill '${c.skill}' is given twice`);
      seenCover.add(key);
    });
    (p.requests ?? []).forEach((r, i) => {
      if (!people.has(r.person)) bad(['requests', i, 'person'], `unknown person '${r.person}'`);
      if (r.day >= p.days) bad(['requests', i, 'day'], `day ${r.day} is outside the horizon of ${p.days} days`);
      if (r.shift !== undefined && !shifts.has(r.shift)) bad(['requests', i, 'shift'], `unknown shift type '${r.shift}'`);
    });
  });
/**
 * A staffing problem.
 *
 * @interface
 * @category Rosters
 */
export type StaffingProblem = z.infer<typeof StaffingProblem>;

/**
 * One assignment of a staffing roster: a person works a shift type on a day with one of their
 * skills.
 *
 * @example
 * StaffingAssignment.parse({ person: 'Sara', day: 3, shift: 'Late', skill: 'Nurse' });
 * @category Rosters
 */
export const StaffingAssignment = z
  .object({
    /** The person's id. */
    person: z.string().min(1),
    /** Day index. */
    day: z.number().int().min(0),
    /** Shift type id. */
    shift: z.string().min(1),
    /** The skill they work with. */
    skill: z.string().min(1),
  })
  .strict();
/**
 * An assignment.
 *
 * @interface
 * @category Rosters
 */
export type StaffingAssignment = z.infer<typeof StaffingAssignment>;

/**
 * A roster of the general model: its assignments; a person with none on a day is off.
 *
 * @example
 * StaffingRoster.parse({ assignments: [{ person: 'Sara', day: 0, shift: 'Late', skill: 'Nurse' }] });
 * @category Rosters
 */
export const StaffingRoster = z
  .object({
    /** The assignments. */
    assignments: z.array(StaffingAssignment),
  })
  .strict();
/**
 * A staffing roster.
 *
 * @interface
 * @category Rosters
 */
export type StaffingRoster = z.infer<typeof StaffingRoster>;
