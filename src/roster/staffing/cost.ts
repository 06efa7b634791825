import type { Label } from '../../core/vocabulary.js';
import type { StaffingLimits, StaffingProblem, StaffingRoster } from './model.js';

const COST_PART: Readonly<Record<StaffingCostPart, Label>> = {
  unknown: { zh: '未知的人员、班次、技能或日期', en: 'unknown person, shift type, skill or day' },
  oneShiftPerDay: { zh: '一天只上一个班', en: 'one shift a day' },
  skill: { zh: '不具备所需技能', en: 'skill not held' },
  unavailable: { zh: '不可排班的日子', en: 'day off by rule' },
  succession: { zh: '禁止的班次衔接', en: 'forbidden succession' },
  minCover: { zh: '最低人数', en: 'minimum cover' },
  optimalCover: { zh: '理想人数不足', en: 'optimal cover' },
  overCover: { zh: '超出理想人数', en: 'cover above optimal' },
  sameShiftRun: { zh: '同一班次连续天数', en: 'consecutive same shift type' },
  workingDays: { zh: '连续工作天数', en: 'consecutive working days' },
  daysOff: { zh: '连续休息天数', en: 'consecutive days off' },
  assignments: { zh: '总班次数', en: 'total assignments' },
  minutes: { zh: '总工作分钟数', en: 'total minutes' },
  perShiftType: { zh: '某类班次的次数', en: 'shifts of one type' },
  weekends: { zh: '工作周末数', en: 'working weekends' },
  completeWeekends: { zh: '完整周末', en: 'complete weekends' },
  workIn7Days: { zh: '任意7天内的工作天数', en: 'working days in 7' },
  requests: { zh: '排班请求', en: 'requests' },
};

/**
 * A part of the cost of a staffing roster: a constraint of the general model.
 *
 * @example
 * const part: StaffingCostPart = 'optimalCover';
 * @category Rosters
 */
export type StaffingCostPart =
  | 'unknown'
  | 'oneShiftPerDay'
  | 'skill'
  | 'unavailable'
  | 'succession'
  | 'minCover'
  | 'optimalCover'
  | 'overCover'
  | 'sameShiftRun'
  | 'workingDays'
  | 'daysOff'
  | 'assignments'
  | 'minutes'
  | 'perShiftType'
  | 'weekends'
  | 'completeWeekends'
  | 'workIn7Days'
  | 'requests';

/**
 * The labels of the parts of a staffing roster's cost.
 *
 * @example
 * STAFFING_COST_LABELS.completeWeekends.en; // => 'complete weekends'
 * @category Rosters
 */
export const STAFFING_COST_LABELS: Readonly<Record<StaffingCostPart, Label>> = COST_PART;

/**
 * One violation found by {@link benchmarkCost}: the constraint, whether it is hard, how far it is
 * broken (`amount`, in people, days, assignments or minutes), its cost (0 for a hard one), and where.
 *
 * @example
 * const v: StaffingViolation = { part: 'optimalCover', hard: false, amount: 1, cost: 30, day: 0, shift: 'Early', skill: 'Nurse', message: '…' };
 * @category Rosters
 */
export interface StaffingViolation {
  /** The constraint. */
  readonly part: StaffingCostPart;
  /** Whether it is a hard constraint. */
  readonly hard: boolean;
  /** How far it is broken. */
  readonly amount: number;
  /** Its cost (`amount` × weight); 0 when hard. */
  readonly cost: number;
  /** The person, when it is about one. */
  readonly person?: string;
  /** The day index, when it is about one. */
  readonly day?: number;
  /** The shift type, when it is about one. */
  readonly shift?: string;
  /** The skill, when it is about one. */
  readonly skill?: string;
  /** What is wrong, in words. */
  readonly message: string;
}

/**
 * The cost of a staffing roster under its problem's own objective.
 *
 * @example
 * const c: StaffingCost = benchmarkCost(readCurtoisQu(instance1), { assignments: [] });
 * c.feasible; // => false (nobody works the minimum minutes)
 * c.parts.optimalCover; // => 7100 (71 people short, 100 each)
 * @category Rosters
 */
export interface StaffingCost {
  /** The soft cost: the benchmark's objective value. */
  readonly total: number;
  /** The sum of the amounts of hard violations (0 for a feasible roster). */
  readonly hard: number;
  /** Whether no hard constraint is broken. */
  readonly feasible: boolean;
  /** The soft cost by constraint. */
  readonly parts: Readonly<Record<StaffingCostPart, number>>;
  /** Every violation, hard and soft. */
  readonly violations: readonly StaffingViolation[];
}

/**
 * The cost of a roster of the general model, computed from the roster alone by plain counting,
 * apart from the solver's incremental scoring: the official objective of the benchmark the problem
 * was read from (INRC-II's weights, Curtois–Qu's cover, request and contract penalties), since the
 * readers carry each benchmark's weights and hard limits into the problem.
 *
 * @param problem - The problem (validated).
 * @param roster - The roster.
 * @returns Its soft cost, hard violations, cost by constraint and every violation.
 * @example
 * const problem = StaffingProblem.parse({
 *   days: 1, skills: [{ id: 's' }], shiftTypes: [{ id: 'D' }], contracts: [{ id: 'c' }],
 *   people: [{ id: 'a', skills: ['s'], contract: 'c' }],
 *   cover: [{ day: 0, shift: 'D', skill: 's', min: 0, optimal: 2, underWeight: 30 }],
 * });
 * benchmarkCost(problem, { assignments: [{ person: 'a', day: 0, shift: 'D', skill: 's' }] }).total; // => 30
 * @category Rosters
 */
export function benchmarkCost(problem: StaffingProblem, roster: StaffingRoster): StaffingCost {
  const violations: StaffingViolation[] = [];
  const add = (part: StaffingCostPart, amount: number, weight: number | undefined, where: Omit<StaffingViolation, 'part' | 'hard' | 'amount' | 'cost'>): void => {
    if (amount <= 0) return;
    violations.push({ part, hard: weight === undefined, amount, cost: weight === undefined ? 0 : amount * weight, ...where });
  };
  const D = problem.days;
  const shiftById = new Map(problem.shiftTypes.map((s) => [s.id, s]));
  const skillIds = new Set(problem.skills.map((k) => k.id));
  const contractById = new Map(problem.contracts.map((c) => [c.id, c]));
  const personById = new Map(problem.people.map((p) => [p.id, p]));

  // the grid: person → day → shift type (or null)
  const grid = new Map<string, (string | null)[]>(problem.people.map((p) => [p.id, new Array<string | null>(D).fill(null)]));
  const count = new Map<string, number>();
  for (const a of roster.assignments) {
    const person = personById.get(a.person);
    if (person === undefined || !shiftById.has(a.shift) || !skillIds.has(a.skill) || a.day >= D || a.day < 0 || !Number.isInteger(a.day)) {
      add('unknown', 1, undefined, { person: a.person, day: a.day, shift: a.shift, skill: a.skill, message: `assignment of '${a.person}' on day ${a.day} to '${a.shift}' with '${a.skill}' names an unknown person, shift type, skill or day` });
      continue;
    }
    const row = grid.get(a.person)!;
    if (row[a.day] !== null) {
      add('oneShiftPerDay', 1, undefined, { person: a.person, day: a.day, message: `${a.person} has more than one shift on day ${a.day}` });
      continue;
    }
    row[a.day] = a.shift;
    if (!person.skills.includes(a.skill)) add('skill', 1, undefined, { person: a.person, day: a.day, skill: a.skill, message: `${a.person} works '${a.shift}' on day ${a.day} as '${a.skill}', a skill they do not have` });
    const key = `${a.day}/${a.shift}/${a.skill}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }

  // cover
  for (const c of problem.cover) {
    const n = count.get(`${c.day}/${c.shift}/${c.skill}`) ?? 0;
    const where = { day: c.day, shift: c.shift, skill: c.skill };
    add('minCover', c.min - n, undefined, { ...where, message: `day ${c.day} '${c.shift}' '${c.skill}': ${n} of at least ${c.min}` });
    add('optimalCover', c.optimal - n, c.underWeight ?? 0, { ...where, message: `day ${c.day} '${c.shift}' '${c.skill}': ${n}, ${c.optimal} wanted` });
    add('overCover', n - c.optimal, c.overWeight ?? 0, { ...where, message: `day ${c.day} '${c.shift}' '${c.skill}': ${n}, ${c.optimal} wanted` });
  }
  // assignments to a triple with no cover row: above an optimal of 0
  const covered = new Set(problem.cover.map((c) => `${c.day}/${c.shift}/${c.skill}`));
  for (const [key, n] of count) {
    if (covered.has(key)) continue;
    const [day, shift, skill] = key.split('/') as [string, string, string];
    add('overCover', n, 0, { day: Number(day), shift, skill, message: `day ${day} '${shift}' '${skill}': ${n}, none wanted` });
  }

  // forbidden successions, by shift type or group
  const forbidden = new Set((problem.forbiddenSuccessions ?? []).map((f) => `${f.from}\u0000${f.to}`));
  const namesOf = (shift: string): string[] => {
    const g = shiftById.get(shift)?.group;
    return g === undefined ? [shift] : [shift, g];
  };
  const follows = (a: string, b: string): boolean => namesOf(a).some((x) => namesOf(b).some((y) => forbidden.has(`${x}\u0000${y}`)));

  const weekday = (d: number): number => ((((problem.firstWeekday ?? 1) - 1 + d) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
  const weekOf = (d: number): number => Math.floor(((problem.firstWeekday ?? 1) - 1 + d) / 7);
  const atEnd = problem.minimumsAtEnd ?? false;
  const startFree = !(problem.minimumsAtStart ?? true);

  for (const person of problem.people) {
    const row = grid.get(person.id)!;
    const contract = contractById.get(person.contract);
    const h = person.history;
    const who = { person: person.id };
    // runs begun on the first day are held to their minimums when the start is, or history says what came before
    const atStart = !startFree || h !== undefined;
    for (const d of person.unavailable ?? []) {
      if (row[d] !== null) add('unavailable', 1, undefined, { ...who, day: d, message: `${person.id} works on day ${d}, a day they cannot` });
    }
    for (let d = 0; d < D; d++) {
      const prev = d === 0 ? (h?.lastShift ?? null) : row[d - 1]!;
      const cur = row[d]!;
      if (prev !== null && cur !== null && follows(prev, cur)) add('succession', 1, undefined, { ...who, day: d, shift: cur, message: `${person.id}: '${cur}' on day ${d} follows '${prev}'` });
    }
    // runs of same shift type
    for (const s of problem.shiftTypes) {
      if (s.consecutive === undefined) continue;
      runs(
        row.map((x) => x === s.id),
        h !== undefined && h.lastShift === s.id ? h.sameShiftRun : 0,
        s.consecutive,
        atStart,
        atEnd,
        (amount, day, what) => add('sameShiftRun', amount, s.consecutive!.weight, { ...who, day, shift: s.id, message: `${person.id}: a run of '${s.id}' ${what}` }),
      );
    }
    if (contract === undefined) continue;
    const working = row.map((x) => x !== null);
    if (contract.workingDays !== undefined) {
      const l = contract.workingDays;
      runs(working, h?.workRun ?? 0, l, atStart, atEnd, (amount, day, what) => add('workingDays', amount, l.weight, { ...who, day, message: `${person.id}: a run of working days ${what}` }));
    }
    if (contract.daysOff !== undefined) {
      const l = contract.daysOff;
      runs(
        working.map((w) => !w),
        h?.offRun ?? 0,
        l,
        atStart,
        atEnd,
        (amount, day, what) => add('daysOff', amount, l.weight, { ...who, day, message: `${person.id}: a run of days off ${what}` }),
      );
    }
    const worked = working.filter(Boolean).length;
    if (contract.assignments !== undefined) {
      const total = worked + (h?.assignments ?? 0);
      outside(total, contract.assignments, (amount) => add('assignments', amount, contract.assignments!.weight, { ...who, message: `${person.id}: ${total} assignments` }));
    }
    if (contract.minutes !== undefined) {
      const total = row.reduce((sum, x) => sum + (x === null ? 0 : (shiftById.get(x)?.minutes ?? 0)), 0);
      outside(total, contract.minutes, (amount) => add('minutes', amount, contract.minutes!.weight, { ...who, message: `${person.id}: ${total} minutes` }));
    }
    for (const [s, l] of Object.entries(contract.perShiftType ?? {})) {
      const n = row.filter((x) => x === s).length;
      if (l.max !== undefined) add('perShiftType', n - l.max, l.weight, { ...who, shift: s, message: `${person.id}: ${n} shifts '${s}', at most ${l.max}` });
    }
    // weekends: a weekend is worked when its Saturday or Sunday is
    const weekendDays = new Map<number, { days: number; worked: number }>();
    for (let d = 0; d < D; d++) {
      if (weekday(d) < 5) continue;
      const w = weekendDays.get(weekOf(d)) ?? { days: 0, worked: 0 };
      weekendDays.set(weekOf(d), { days: w.days + 1, worked: w.worked + (working[d] ? 1 : 0) });
    }
    if (contract.weekends?.max !== undefined) {
      const n = [...weekendDays.values()].filter((w) => w.worked > 0).length + (h?.weekends ?? 0);
      add('weekends', n - contract.weekends.max, contract.weekends.weight, { ...who, message: `${person.id}: ${n} working weekends, at most ${contract.weekends.max}` });
    }
    if (contract.completeWeekends !== undefined) {
      for (const [week, w] of weekendDays) {
        if (w.days === 2 && w.worked === 1) add('completeWeekends', 1, contract.completeWeekends, { ...who, day: week * 7 + 5 - ((problem.firstWeekday ?? 1) - 1), message: `${person.id} works one day of a weekend` });
      }
    }
    if (contract.workIn7Days?.max !== undefined) {
      const max = contract.workIn7Days.max;
      for (let d = 0; d + 7 <= D; d++) {
        const n = working.slice(d, d + 7).filter(Boolean).length;
        add('workIn7Days', n - max, contract.workIn7Days.weight, { ...who, day: d, message: `${person.id}: ${n} working days from day ${d}, at most ${max} in 7` });
      }
    }
  }

  for (const r of problem.requests ?? []) {
    const x = grid.get(r.person)?.[r.day] ?? null;
    const works = r.shift === undefined ? x !== null : x === r.shift;
    const granted = r.want === 'on' ? works : !works;
    if (!granted) add('requests', 1, r.weight, { person: r.person, day: r.day, ...(r.shift === undefined ? {} : { shift: r.shift }), message: `${r.person} asked ${r.want === 'on' ? 'to work' : 'not to work'} ${r.shift ?? 'any shift'} on day ${r.day}` });
  }

  const parts = Object.fromEntries(Object.keys(COST_PART).map((k) => [k, 0])) as Record<StaffingCostPart, number>;
  let total = 0;
  let hard = 0;
  for (const v of violations) {
    if (v.hard) hard += v.amount;
    else {
      parts[v.part] += v.cost;
      total += v.cost;
    }
  }
  return { total, hard, feasible: hard === 0, parts, violations };
}

/** Calls `report` with how far a count lies outside its limits (once, when it does). */
function outside(n: number, l: StaffingLimits, report: (amount: number) => void): void {
  if (l.min !== undefined && n < l.min) report(l.min - n);
  if (l.max !== undefined && n > l.max) report(n - l.max);
}

/**
 * Walks the runs of `true` in `days`, the first carrying `carried` days in from before the horizon,
 * and reports each run above `max` (by the days of it inside the horizon that are over) and each
 * run below `min` that has ended (or that reaches the last day, when `atEnd`), unless it starts on
 * the first day with nothing carried in and `atStart` is off.
 */
function runs(days: readonly boolean[], carried: number, l: StaffingLimits, atStart: boolean, atEnd: boolean, report: (amount: number, day: number, what: string) => void): void {
  let len = carried;
  let start = -carried; // the day the run started (negative: before the horizon)
  const close = (end: number, ended: boolean): void => {
    if (len === 0) return;
    const inCarried = start < 0 ? Math.min(len, -start) : 0;
    if (l.max !== undefined && len > l.max) {
      const over = len - l.max - Math.max(0, inCarried - l.max);
      if (over > 0) report(over, end, `of ${len} days ends on day ${end}, at most ${l.max}`);
    }
    if (l.min !== undefined && len < l.min && (ended || atEnd) && (atStart || start !== 0 || carried > 0)) report(l.min - len, end, `of ${len} days ends on day ${end}, at least ${l.min}`);
  };
  for (let d = 0; d < days.length; d++) {
    if (days[d]) {
      if (len === 0) start = d;
      len++;
    } else {
      close(d - 1, true);
      len = 0;
    }
  }
  close(days.length - 1, false);
}
