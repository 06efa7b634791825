import { FrontlineError, parseOrThrow, type Issue } from '../../core/errors.js';
import { StaffingProblem, type StaffingContract, type StaffingCover, type StaffingPerson, type StaffingRequest, type StaffingRoster } from './model.js';

/**
 * The soft-constraint weights of INRC-II (Ceschia et al., "The Second International Nurse Rostering
 * Competition", 2015/2019): S1 optimal cover 30, S2 consecutive same shift type 15, consecutive
 * working days 30, S3 consecutive days off 30, S4 shift-off request 10, S5 complete weekends 30,
 * S6 total assignments 20, S7 working weekends 30.
 *
 * @example
 * INRC2_WEIGHTS.optimalCover; // => 30
 * @category Rosters
 */
export const INRC2_WEIGHTS = Object.freeze({
  optimalCover: 30,
  sameShiftRun: 15,
  workingDays: 30,
  daysOff: 30,
  request: 10,
  completeWeekends: 30,
  assignments: 20,
  weekends: 30,
});

/**
 * The files of a static INRC-II instance: the scenario (`Sc-*.txt`), the history carried in
 * (`H0-*.txt`) and the week data (`WD-*.txt`), one per week in order (a week may repeat).
 *
 * @example
 * const files: Inrc2Files = n005w4; // n005w4_0_1-2-3-3: weeks 1, 2, 3 and 3
 * files.weeks.length; // => 4
 * @category Rosters
 */
export interface Inrc2Files {
  /** The scenario file's text. */
  readonly scenario: string;
  /** The history file's text. */
  readonly history: string;
  /** The week files' texts, in order. */
  readonly weeks: readonly string[];
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** A reader over the non-empty lines of one file that collects issues with their line numbers. */
class Lines {
  private readonly lines: { n: number; text: string }[];
  private at = 0;
  constructor(
    text: string,
    private readonly file: string,
    private readonly issues: Issue[],
  ) {
    this.lines = text
      .split(/\r?\n/)
      .map((t, i) => ({ n: i + 1, text: t.trim() }))
      .filter((l) => l.text !== '');
  }
  /** The next line, or `undefined` at the end. */
  next(): { n: number; text: string } | undefined {
    return this.lines[this.at++];
  }
  /** The next line unless it starts with `head` (then it stays unread), or `undefined`. */
  nextBefore(head: string): { n: number; text: string } | undefined {
    const l = this.lines[this.at];
    if (l === undefined || l.text.startsWith(head)) return undefined;
    this.at++;
    return l;
  }
  /** Skips to the line after the one starting with `head` and returns that line, or records an issue. */
  seek(head: string): { n: number; text: string } | undefined {
    while (this.at < this.lines.length) {
      const l = this.lines[this.at++]!;
      if (l.text.startsWith(head)) return l;
    }
    this.fail(0, `no section '${head}'`);
    return undefined;
  }
  /** The count after `=` in a header line such as `SKILLS = 2`. */
  count(head: string): number {
    const l = this.seek(head);
    if (l === undefined) return 0;
    const m = /=\s*(\d+)\s*$/.exec(l.text);
    if (m === null) {
      this.fail(l.n, `'${head}' has no count`);
      return 0;
    }
    return Number(m[1]);
  }
  fail(line: number, message: string): void {
    this.issues.push({ path: [this.file, line], code: 'invalid_format', message: `${this.file}${line > 0 ? ` line ${line}` : ''}: ${message}` });
  }
}

const pair = (s: string | undefined): [number, number] | undefined => {
  const m = /^\((\d+),(\d+)\)$/.exec(s ?? '');
  return m === null ? undefined : [Number(m[1]), Number(m[2])];
};

/**
 * Reads a static INRC-II instance (the scenario, the history and the weeks, solved as one horizon)
 * into a {@link StaffingProblem} of the general model, with INRC-II's rules: hard — one shift a
 * day, minimum cover per day × shift type × skill, forbidden successions, only the nurse's skills;
 * soft with {@link INRC2_WEIGHTS} — optimal cover, consecutive same shift type, working days and
 * days off (from the history on; a run still going on the last day is not held to its minimum),
 * shift-off requests, complete weekends, total assignments and working weekends over the horizon.
 *
 * @param files - The texts of the scenario, history and week files.
 * @returns The problem, named after the scenario.
 * @throws {@link FrontlineError} `invalid_input` listing every line it cannot read.
 * @example
 * const problem = readInrc2(n005w4);
 * problem.days; // => 28
 * problem.people.map((p) => p.id); // => ['Patrick', 'Andrea', 'Stefaan', 'Sara', 'Nguyen']
 * @category Rosters
 */
export function readInrc2(files: Inrc2Files): StaffingProblem {
  const issues: Issue[] = [];
  const sc = new Lines(files.scenario, 'scenario', issues);
  const nameLine = sc.seek('SCENARIO');
  const name = nameLine?.text.split('=')[1]?.trim() ?? 'inrc2';
  const nSkills = sc.count('SKILLS');
  const skills: string[] = [];
  for (let i = 0; i < nSkills; i++) skills.push(sc.next()?.text ?? '');
  const nShifts = sc.count('SHIFT_TYPES');
  const shiftTypes: StaffingProblem['shiftTypes'] = [];
  for (let i = 0; i < nShifts; i++) {
    const l = sc.next();
    const [id, range] = (l?.text ?? '').split(/\s+/);
    const p = pair(range);
    if (id === undefined || p === undefined) sc.fail(l?.n ?? 0, `a shift type is 'Name (min,max)', got '${l?.text ?? ''}'`);
    else shiftTypes.push({ id, consecutive: { min: p[0], max: p[1], weight: INRC2_WEIGHTS.sameShiftRun } });
  }
  sc.seek('FORBIDDEN_SHIFT_TYPES_SUCCESSIONS');
  const forbiddenSuccessions: { from: string; to: string }[] = [];
  for (let i = 0; i < nShifts; i++) {
    const l = sc.next();
    const [from, n, ...to] = (l?.text ?? '').split(/\s+/);
    if (from === undefined || Number(n) !== to.length) sc.fail(l?.n ?? 0, `a succession line is 'Shift n Next…', got '${l?.text ?? ''}'`);
    else for (const t of to) forbiddenSuccessions.push({ from, to: t });
  }
  const nContracts = sc.count('CONTRACTS');
  const contracts: StaffingContract[] = [];
  for (let i = 0; i < nContracts; i++) {
    const l = sc.next();
    const [id, total, work, off, weekends, complete] = (l?.text ?? '').split(/\s+/);
    const t = pair(total);
    const w = pair(work);
    const o = pair(off);
    if (id === undefined || t === undefined || w === undefined || o === undefined || !/^\d+$/.test(weekends ?? '') || !/^[01]$/.test(complete ?? '')) {
      sc.fail(l?.n ?? 0, `a contract is 'Name (minTotal,maxTotal) (minWork,maxWork) (minOff,maxOff) maxWeekends complete', got '${l?.text ?? ''}'`);
      continue;
    }
    contracts.push({
      id,
      assignments: { min: t[0], max: t[1], weight: INRC2_WEIGHTS.assignments },
      workingDays: { min: w[0], max: w[1], weight: INRC2_WEIGHTS.workingDays },
      daysOff: { min: o[0], max: o[1], weight: INRC2_WEIGHTS.daysOff },
      weekends: { max: Number(weekends), weight: INRC2_WEIGHTS.weekends },
      ...(complete === '1' ? { completeWeekends: INRC2_WEIGHTS.completeWeekends } : {}),
    });
  }
  const nNurses = sc.count('NURSES');
  const people: StaffingPerson[] = [];
  for (let i = 0; i < nNurses; i++) {
    const l = sc.next();
    const [id, contract, n, ...sk] = (l?.text ?? '').split(/\s+/);
    if (id === undefined || contract === undefined || Number(n) !== sk.length) sc.fail(l?.n ?? 0, `a nurse is 'Name Contract n Skill…', got '${l?.text ?? ''}'`);
    else people.push({ id, skills: sk, contract });
  }

  // history
  const hi = new Lines(files.history, 'history', issues);
  hi.seek('NURSE_HISTORY');
  const history = new Map<string, StaffingPerson['history']>();
  for (let l = hi.next(); l !== undefined; l = hi.next()) {
    const [id, assignments, weekends, last, same, work, off] = l.text.split(/\s+/);
    const nums = [assignments, weekends, same, work, off].map(Number);
    if (id === undefined || last === undefined || nums.some((x) => !Number.isInteger(x) || x < 0)) {
      hi.fail(l.n, `a nurse's history is 'Name assignments weekends lastShift sameRun workRun offRun', got '${l.text}'`);
      continue;
    }
    history.set(id, { assignments: nums[0]!, weekends: nums[1]!, lastShift: last === 'None' ? null : last, sameShiftRun: nums[2]!, workRun: nums[3]!, offRun: nums[4]! });
  }

  // weeks
  const cover: StaffingCover[] = [];
  const requests: StaffingRequest[] = [];
  files.weeks.forEach((text, w) => {
    const file = `weeks[${w}]`;
    const wk = new Lines(text, file, issues);
    wk.seek('REQUIREMENTS');
    for (let l = wk.nextBefore('SHIFT_OFF_REQUESTS'); l !== undefined; l = wk.nextBefore('SHIFT_OFF_REQUESTS')) {
      const [shift, skill, ...days] = l.text.split(/\s+/);
      const ps = days.map(pair);
      if (shift === undefined || skill === undefined || ps.length !== 7 || ps.some((x) => x === undefined)) {
        wk.fail(l.n, `a requirement is 'Shift Skill (min,opt)×7', got '${l.text}'`);
        continue;
      }
      ps.forEach((p, d) => {
        const [min, optimal] = p!;
        if (min > 0 || optimal > 0) cover.push({ day: 7 * w + d, shift, skill, min, optimal: Math.max(min, optimal), underWeight: INRC2_WEIGHTS.optimalCover });
      });
    }
    wk.seek('SHIFT_OFF_REQUESTS');
    for (let l = wk.next(); l !== undefined; l = wk.next()) {
      const [person, shift, day] = l.text.split(/\s+/);
      const d = DAYS.indexOf(day as (typeof DAYS)[number]);
      if (person === undefined || shift === undefined || d < 0) {
        wk.fail(l.n, `a shift-off request is 'Nurse Shift|Any Day', got '${l.text}'`);
        continue;
      }
      requests.push({ person, day: 7 * w + d, ...(shift === 'Any' ? {} : { shift }), want: 'off', weight: INRC2_WEIGHTS.request });
    }
  });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid INRC-II instance', issues);
  const problem = {
    name,
    days: 7 * files.weeks.length,
    firstWeekday: 1,
    skills: skills.map((id) => ({ id })),
    shiftTypes,
    forbiddenSuccessions,
    contracts,
    people: people.map((p) => {
      const h = history.get(p.id);
      return h === undefined ? p : { ...p, history: h };
    }),
    cover,
    requests,
    minimumsAtEnd: false,
  };
  return parseOrThrow(StaffingProblem, problem, 'invalid_input', 'INRC-II instance');
}

/**
 * Writes a roster of a problem read by {@link readInrc2} in INRC-II's solution format, one file per
 * week (`SOLUTION`, the week's index and the scenario, then `ASSIGNMENTS = n` and one
 * `Nurse Day Shift Skill` line per assignment), as the competition's validator reads them.
 *
 * @param problem - The problem (its name is the scenario's).
 * @param roster - The roster.
 * @returns One text per week.
 * @example
 * const [week1] = writeInrc2Solution(readInrc2(n005w4), { assignments: [{ person: 'Sara', day: 0, shift: 'Early', skill: 'Nurse' }] });
 * week1; // => 'SOLUTION\n0 n005w4\n\nASSIGNMENTS = 1\nSara Mon Early Nurse\n'
 * @category Rosters
 */
export function writeInrc2Solution(problem: StaffingProblem, roster: StaffingRoster): string[] {
  const weeks = Math.ceil(problem.days / 7);
  const out: string[] = [];
  const order = new Map(problem.people.map((p, i) => [p.id, i]));
  for (let w = 0; w < weeks; w++) {
    const rows = roster.assignments
      .filter((a) => a.day >= 7 * w && a.day < 7 * w + 7)
      .slice()
      .sort((a, b) => (order.get(a.person) ?? 0) - (order.get(b.person) ?? 0) || a.day - b.day)
      .map((a) => `${a.person} ${DAYS[a.day % 7]!} ${a.shift} ${a.skill}`);
    out.push(['SOLUTION', `${w} ${problem.name ?? 'scenario'}`, '', `ASSIGNMENTS = ${rows.length}`, ...rows, ''].join('\n'));
  }
  return out;
}
