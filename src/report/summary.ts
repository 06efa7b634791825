import { FrontlineError, type Issue } from '../core/errors.js';
import { describeValue, isRecord } from '../core/guards.js';
import { addFigures, emptyMetrics, figureIssues, mergeMetrics, metricsIssues, type CleaningMetrics, type DoorKnockingMetrics, type HomePreventionMetrics, type VolunteerMetrics } from '../campaigns/metrics.js';
import type { Monoid } from '../org/rollup.js';

/**
 * Duty figures of a unit on a day, from the published rosters: seats and how many are filled,
 * leader seats and how many have a leading cadre, and the attendance checked.
 *
 * @example
 * const d: DutyMetrics = dailyDispatch(ledger, '2020-02-07').total.duty;
 * d.leadersFilled <= d.leaderSeats; // => true
 * @category Reports
 */
export interface DutyMetrics {
  /** Seats of the day. */
  readonly seats: number;
  /** Seats with a person. */
  readonly filled: number;
  /** Leader seats of the day: one a shift, a leader seat the roster leaves out counted as unfilled. */
  readonly leaderSeats: number;
  /** Leader seats with a leading cadre. */
  readonly leadersFilled: number;
  /** Seats whose attendance was checked. */
  readonly checked: number;
  /** Of those, found absent. */
  readonly absent: number;
}

/**
 * Supervision figures of a unit on a day: inspections made that day, findings raised that day, and
 * findings open and overdue at its end (by responsible unit).
 *
 * @example
 * const s: SupervisionMetrics = dailyDispatch(ledger, '2020-02-07').total.supervision;
 * s.overdue; // => findingsOn(ledger, '2020-02-07' as Day, { only: 'overdue' }).length
 * @category Reports
 */
export interface SupervisionMetrics {
  /** Inspections of the day. */
  readonly inspections: number;
  /** Findings raised on the day. */
  readonly raised: number;
  /** Findings open at the end of the day. */
  readonly open: number;
  /** Of those, past their deadline. */
  readonly overdue: number;
}

/**
 * Member-development cases (发展党员) of a unit's branch on a day, by stage at the end of the day,
 * and the steps recorded that day.
 *
 * @example
 * const a: AdmissionMetrics = dailyDispatch(ledger, '2020-02-07').total.admission;
 * a.developmentTarget; // => tableValues(ledger.admissions).filter((c) => admissionStatus(c) === 'developmentTarget').length
 * @category Reports
 */
export interface AdmissionMetrics {
  /** Cases opened with no step yet. */
  readonly nonMember: number;
  /** Applicants. */
  readonly applicant: number;
  /** Activists. */
  readonly activist: number;
  /** Development targets. */
  readonly developmentTarget: number;
  /** Probationary members. */
  readonly probationaryMember: number;
  /** Full members (cases closed by conversion). */
  readonly fullMember: number;
  /** Probation cancelled. */
  readonly cancelled: number;
  /** Steps taken on the day. */
  readonly steps: number;
}

/**
 * Everything the daily dispatch counts for one unit on one day. Every field adds up, so summaries
 * merge associatively ({@link mergeSummaries}): villages into townships, townships into the county,
 * counties into a province — a county's ledger can be reported on its own machine and the
 * summaries merged.
 *
 * @example
 * const s: DispatchSummary = dailyDispatch(ledger, '2020-02-07').total;
 * s.doorKnocking.households; // => ledger.households.size
 * @category Reports
 */
export interface DispatchSummary {
  /** Door-knocking: screening coverage, visits, revisits, service requests. */
  readonly doorKnocking: DoorKnockingMetrics;
  /** Home prevention: observation, checks, lost to follow-up. */
  readonly homePrevention: HomePreventionMetrics;
  /** Cleaning: disinfections due and overdue. */
  readonly cleaning: CleaningMetrics;
  /** Volunteer service: hours and open tasks. */
  readonly volunteerService: VolunteerMetrics;
  /** Duty rosters. */
  readonly duty: DutyMetrics;
  /** Supervision. */
  readonly supervision: SupervisionMetrics;
  /** Member development. */
  readonly admission: AdmissionMetrics;
}

const ZERO_DUTY: DutyMetrics = Object.freeze({ seats: 0, filled: 0, leaderSeats: 0, leadersFilled: 0, checked: 0, absent: 0 });
const ZERO_SUPERVISION: SupervisionMetrics = Object.freeze({ inspections: 0, raised: 0, open: 0, overdue: 0 });
const ZERO_ADMISSION: AdmissionMetrics = Object.freeze({ nonMember: 0, applicant: 0, activist: 0, developmentTarget: 0, probationaryMember: 0, fullMember: 0, cancelled: 0, steps: 0 });

/**
 * The summary of nothing: every figure 0.
 *
 * @returns A summary with every figure 0.
 * @example
 * emptySummary().duty.seats; // => 0
 * @category Reports
 */
export function emptySummary(): DispatchSummary {
  return {
    doorKnocking: emptyMetrics('doorKnocking'),
    homePrevention: emptyMetrics('homePrevention'),
    cleaning: emptyMetrics('cleaning'),
    volunteerService: emptyMetrics('volunteerService'),
    duty: ZERO_DUTY,
    supervision: ZERO_SUPERVISION,
    admission: ZERO_ADMISSION,
  };
}

/** The campaign parts of a summary, each of the kind of its name. */
const CAMPAIGN_PARTS = ['doorKnocking', 'homePrevention', 'cleaning', 'volunteerService'] as const;
/** The other parts, with their figures at 0. */
const OTHER_PARTS = [
  ['duty', ZERO_DUTY],
  ['supervision', ZERO_SUPERVISION],
  ['admission', ZERO_ADMISSION],
] as const;

/** @internal The problems of a value that should be a {@link DispatchSummary}: each part, each figure a finite number. */
export function summaryIssues(value: unknown, path: readonly PropertyKey[]): Issue[] {
  if (!isRecord(value)) return [{ path, code: 'invalid_type', message: `expected a dispatch summary (an object), got ${describeValue(value)}` }];
  const issues: Issue[] = [];
  for (const part of CAMPAIGN_PARTS) issues.push(...metricsIssues(value[part], [...path, part], part));
  for (const [part, zero] of OTHER_PARTS) issues.push(...figureIssues(value[part], zero, [...path, part], `${part} figures`));
  return issues;
}

const addAll = <T extends object>(a: T, b: T, zero: T): T => addFigures(a, b, zero);

/**
 * Merges two summaries figure by figure: associative and commutative, with {@link emptySummary}
 * as its identity. A value that is not a summary (a part missing, a figure that is not a finite
 * number: say, from bad JSON) throws a {@link FrontlineError} (`invalid_input`) naming each problem.
 *
 * @param a - A summary.
 * @param b - Another summary.
 * @returns Their sum, figure by figure.
 * @example
 * const a = dailyDispatch(ledger, '2020-02-07').total;
 * mergeSummaries(a, emptySummary()); // => a
 * mergeSummaries(a, a).duty.seats; // => 2 * a.duty.seats
 * @category Reports
 */
export function mergeSummaries(a: DispatchSummary, b: DispatchSummary): DispatchSummary {
  const issues = [...summaryIssues(a, ['a']), ...summaryIssues(b, ['b'])];
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'cannot merge the summaries', issues);
  return {
    doorKnocking: mergeMetrics(a.doorKnocking, b.doorKnocking),
    homePrevention: mergeMetrics(a.homePrevention, b.homePrevention),
    cleaning: mergeMetrics(a.cleaning, b.cleaning),
    volunteerService: mergeMetrics(a.volunteerService, b.volunteerService),
    duty: addAll(a.duty, b.duty, ZERO_DUTY),
    supervision: addAll(a.supervision, b.supervision, ZERO_SUPERVISION),
    admission: addAll(a.admission, b.admission, ZERO_ADMISSION),
  };
}

/**
 * The {@link Monoid} of summaries, for `rollup`.
 *
 * @example
 * const day = dailyDispatch(ledger, '2020-02-07').total;
 * SUMMARY_MONOID.combine(day, SUMMARY_MONOID.empty); // => day
 * @category Reports
 */
export const SUMMARY_MONOID: Monoid<DispatchSummary> = Object.freeze({ empty: emptySummary(), combine: mergeSummaries });
