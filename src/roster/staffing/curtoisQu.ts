import { FrontlineError, parseOrThrow, type Issue } from '../../core/errors.js';
import { StaffingProblem, type StaffingContract, type StaffingCover, type StaffingPerson, type StaffingRequest } from './model.js';

/** The one skill of a Curtois–Qu problem: those instances have none. */
const SKILL = 'staff';

/**
 * Reads a Curtois–Qu shift scheduling instance (`InstanceN.txt` of the benchmark at
 * schedulingbenchmarks.org, sections `SECTION_HORIZON` … `SECTION_COVER`) into a
 * {@link StaffingProblem} of the general model with one skill (`staff`). Hard, as the benchmark
 * defines them: one shift a day, forbidden successions, the most shifts of each type, the least and
 * most total minutes, the least and most consecutive shifts, the least consecutive days off, the
 * most working weekends, the days off. The benchmark's integer programme holds only runs that lie
 * inside the horizon to their minimums (a day on each side that is not part of the run), so a run
 * that begins on the first day or reaches the last is not held to one; its maxima bind everywhere.
 * Soft: shift-on and shift-off
 * requests with their weights, and cover, each person short of the requirement costing the
 * under weight, each one above it the over weight.
 *
 * @param text - The instance file's text.
 * @returns The problem.
 * @throws {@link FrontlineError} `invalid_input` listing every line it cannot read.
 * @example
 * const problem = readCurtoisQu(instance1);
 * problem.people.length; // => 8
 * @category Rosters
 */
export function readCurtoisQu(text: string): StaffingProblem {
  const issues: Issue[] = [];
  const sections = new Map<string, { n: number; text: string }[]>();
  let current: { n: number; text: string }[] | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    if (t.startsWith('SECTION_')) {
      current = [];
      sections.set(t, current);
      return;
    }
    if (current === undefined) issues.push({ path: ['text', i + 1], code: 'invalid_format', message: `line ${i + 1}: text before the first section` });
    else current.push({ n: i + 1, text: t });
  });
  const fail = (n: number, message: string): void => {
    issues.push({ path: ['text', n], code: 'invalid_format', message: `line ${n}: ${message}` });
  };
  const rows = (name: string, required: boolean): { n: number; cells: string[] }[] => {
    const s = sections.get(name);
    if (s === undefined) {
      if (required) issues.push({ path: ['text'], code: 'invalid_format', message: `no ${name}` });
      return [];
    }
    return s.map((l) => ({ n: l.n, cells: l.text.split(',').map((c) => c.trim()) }));
  };
  const int = (s: string | undefined): number | undefined => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);

  const horizon = int(rows('SECTION_HORIZON', true)[0]?.cells[0]);
  if (horizon === undefined || horizon < 1) issues.push({ path: ['text'], code: 'invalid_format', message: 'SECTION_HORIZON has no number of days' });
  const days = horizon ?? 1;

  const shiftTypes: StaffingProblem['shiftTypes'] = [];
  const forbiddenSuccessions: { from: string; to: string }[] = [];
  for (const { n, cells } of rows('SECTION_SHIFTS', true)) {
    const [id, minutes, next] = cells;
    const m = int(minutes);
    if (id === undefined || id === '' || m === undefined) {
      fail(n, 'a shift is ID, minutes, shifts that cannot follow (| separated)');
      continue;
    }
    shiftTypes.push({ id, minutes: m });
    for (const to of (next ?? '').split('|').filter((x) => x !== '')) forbiddenSuccessions.push({ from: id, to });
  }

  const contracts: StaffingContract[] = [];
  const people: StaffingPerson[] = [];
  for (const { n, cells } of rows('SECTION_STAFF', true)) {
    const [id, maxShifts, maxMin, minMin, maxCons, minCons, minOff, maxWeekends] = cells;
    const nums = [maxMin, minMin, maxCons, minCons, minOff, maxWeekends].map(int);
    const perShiftType: Record<string, { max: number }> = {};
    let ok = id !== undefined && id !== '' && nums.every((x) => x !== undefined);
    for (const part of (maxShifts ?? '').split('|').filter((x) => x !== '')) {
      const [s, v] = part.split('=');
      const max = int(v);
      if (s === undefined || max === undefined) ok = false;
      else perShiftType[s] = { max };
    }
    if (!ok) {
      fail(n, 'a staff row is ID, MaxShifts (S=n|…), MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends');
      continue;
    }
    const [xMax, xMin, cMax, cMin, oMin, wMax] = nums as number[];
    contracts.push({
      id: id!,
      minutes: { min: Math.min(xMin!, xMax!), max: xMax! },
      workingDays: { min: Math.min(cMin!, cMax!), max: cMax! },
      daysOff: { min: oMin! },
      weekends: { max: wMax! },
      perShiftType,
    });
    people.push({ id: id!, skills: [SKILL], contract: id! });
  }

  const byId = new Map(people.map((p) => [p.id, p]));
  for (const { n, cells } of rows('SECTION_DAYS_OFF', false)) {
    const [id, ...ds] = cells;
    const person = id === undefined ? undefined : byId.get(id);
    const list = ds.filter((d) => d !== '').map(int);
    if (person === undefined || list.some((d) => d === undefined)) {
      fail(n, `days off are EmployeeID, day indexes; unknown employee or day in '${cells.join(',')}'`);
      continue;
    }
    byId.set(id!, { ...person, unavailable: [...(person.unavailable ?? []), ...(list as number[])] });
  }

  const requests: StaffingRequest[] = [];
  for (const [section, want] of [
    ['SECTION_SHIFT_ON_REQUESTS', 'on'],
    ['SECTION_SHIFT_OFF_REQUESTS', 'off'],
  ] as const) {
    for (const { n, cells } of rows(section, false)) {
      const [person, day, shift, weight] = cells;
      const d = int(day);
      const w = int(weight);
      if (person === undefined || shift === undefined || d === undefined || w === undefined) {
        fail(n, 'a request is EmployeeID, Day, ShiftID, Weight');
        continue;
      }
      requests.push({ person, day: d, shift, want, weight: w });
    }
  }

  const cover: StaffingCover[] = [];
  for (const { n, cells } of rows('SECTION_COVER', true)) {
    const [day, shift, req, under, over] = cells;
    const [d, r, u, o] = [day, req, under, over].map(int);
    if (shift === undefined || d === undefined || r === undefined || u === undefined || o === undefined) {
      fail(n, 'a cover row is Day, ShiftID, Requirement, Weight for under, Weight for over');
      continue;
    }
    cover.push({ day: d, shift, skill: SKILL, min: 0, optimal: r, underWeight: u, overWeight: o });
  }
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid Curtois–Qu instance', issues);
  return parseOrThrow(
    StaffingProblem,
    {
      days,
      firstWeekday: 1,
      skills: [{ id: SKILL }],
      shiftTypes,
      forbiddenSuccessions,
      contracts,
      people: people.map((p) => byId.get(p.id)!),
      cover,
      requests,
      minimumsAtStart: false,
      minimumsAtEnd: false,
    },
    'invalid_input',
    'Curtois–Qu instance',
  );
}
