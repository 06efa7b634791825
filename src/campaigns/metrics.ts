import { FrontlineError, type Issue } from '../core/errors.js';
import { describeValue, isRecord } from '../core/guards.js';
import type { Monoid } from '../org/rollup.js';

/**
 * Door-knocking figures of a unit on a day; every field adds up the tree.
 *
 * @example
 * const m = campaignProgress(ledger, SIMULATED_CAMPAIGNS.doorKnocking, '2020-02-07' as Day).total; // DoorKnockingMetrics, by the id's kind
 * coverage(m); // => m.screened / m.households
 * @category Campaigns
 */
export interface DoorKnockingMetrics {
  /** Which figures these are. */
  readonly kind: 'doorKnocking';
  /** Households in the register. */
  readonly households: number;
  /** Households screened at least once by the day. */
  readonly screened: number;
  /** Households first screened on the day. */
  readonly newlyScreened: number;
  /** Visits made on the day. */
  readonly visits: number;
  /** Visits of the day that found nobody home. */
  readonly nobodyHome: number;
  /** Visits of the day that were refused. */
  readonly refused: number;
  /** Households due a revisit on the day (last visit not a screening, or a screening older than the revisit interval). */
  readonly dueRevisit: number;
  /** Service requests still open at the end of the day. */
  readonly servicesOpen: number;
  /** Open service requests past due at the end of the day. */
  readonly servicesOverdue: number;
  /** Service requests fulfilled on the day. */
  readonly servicesFulfilled: number;
}

/**
 * Home-prevention figures of a unit on a day.
 *
 * @example
 * const m = campaignProgress(ledger, SIMULATED_CAMPAIGNS.homePrevention, '2020-02-07' as Day).total; // HomePreventionMetrics
 * m.lettersDelivered === m.households; // => true
 * @category Campaigns
 */
export interface HomePreventionMetrics {
  /** Which figures these are. */
  readonly kind: 'homePrevention';
  /** Households in the register. */
  readonly households: number;
  /** Households that received the letter by the day. */
  readonly lettersDelivered: number;
  /** Travel declarations made by the day. */
  readonly declarations: number;
  /** People under observation on the day (active, lost or escalated, not ended). */
  readonly underObservation: number;
  /** Observations recorded on the day. */
  readonly newObservations: number;
  /** People released on the day: their period ended the day before. */
  readonly released: number;
  /** People transferred to a designated hospital on the day. */
  readonly transferred: number;
  /** Observations escalated to report-and-transfer by the day and not yet ended. */
  readonly escalated: number;
  /** Temperature checks due on the day. */
  readonly checksDue: number;
  /** Temperature checks recorded on the day. */
  readonly checksDone: number;
  /** Checks missed on earlier days by people still under observation. */
  readonly checksMissed: number;
  /** People lost to follow-up on the day. */
  readonly lost: number;
}

/**
 * Cleaning figures of a unit on a day.
 *
 * @example
 * const m = campaignProgress(ledger, SIMULATED_CAMPAIGNS.cleaning, '2020-02-07' as Day).total; // CleaningMetrics
 * m.done <= m.required; // => true
 * @category Campaigns
 */
export interface CleaningMetrics {
  /** Which figures these are. */
  readonly kind: 'cleaning';
  /** Sites registered. */
  readonly sites: number;
  /** Disinfections required on the day. */
  readonly required: number;
  /** Disinfections done on the day (at most the required count per site). */
  readonly done: number;
  /** Sites not yet disinfected as often as required on the day. */
  readonly sitesDue: number;
  /** Sites that fell short on the day before. */
  readonly sitesOverdue: number;
}

/**
 * Volunteer-service figures of a unit on a day.
 *
 * @example
 * const m = campaignProgress(ledger, SIMULATED_CAMPAIGNS.volunteerService, '2020-02-07' as Day).total; // VolunteerMetrics
 * m.attended <= m.signUps; // => true
 * @category Campaigns
 */
export interface VolunteerMetrics {
  /** Which figures these are. */
  readonly kind: 'volunteerService';
  /** Registered volunteers (counted at their team's unit). */
  readonly volunteers: number;
  /** Tasks on the day. */
  readonly tasks: number;
  /** Places offered on the day. */
  readonly places: number;
  /** Sign-ups for the day's tasks. */
  readonly signUps: number;
  /** Volunteers who served on the day. */
  readonly attended: number;
  /** Hours served on the day. */
  readonly hours: number;
  /** Tasks of the day with places left. */
  readonly openTasks: number;
}

/**
 * The figures of one campaign kind.
 *
 * @example
 * const m: CampaignMetrics = campaignProgress(ledger, 'dk-2020' as CampaignId, '2020-02-07' as Day).total;
 * m.kind; // => 'doorKnocking'
 * @category Campaigns
 */
export type CampaignMetrics = DoorKnockingMetrics | HomePreventionMetrics | CleaningMetrics | VolunteerMetrics;

/**
 * The figures of the campaign kind `K` (all kinds' figures for the whole union).
 *
 * @example
 * const m: MetricsOf<'cleaning'> = emptyMetrics('cleaning');
 * m.sites; // => 0
 * @category Campaigns
 */
export type MetricsOf<K extends CampaignMetrics['kind']> = Extract<CampaignMetrics, { kind: K }>;

const ZERO = {
  doorKnocking: { kind: 'doorKnocking', households: 0, screened: 0, newlyScreened: 0, visits: 0, nobodyHome: 0, refused: 0, dueRevisit: 0, servicesOpen: 0, servicesOverdue: 0, servicesFulfilled: 0 },
  homePrevention: { kind: 'homePrevention', households: 0, lettersDelivered: 0, declarations: 0, underObservation: 0, newObservations: 0, released: 0, transferred: 0, escalated: 0, checksDue: 0, checksDone: 0, checksMissed: 0, lost: 0 },
  cleaning: { kind: 'cleaning', sites: 0, required: 0, done: 0, sitesDue: 0, sitesOverdue: 0 },
  volunteerService: { kind: 'volunteerService', volunteers: 0, tasks: 0, places: 0, signUps: 0, attended: 0, hours: 0, openTasks: 0 },
} as const satisfies { [K in CampaignMetrics['kind']]: Extract<CampaignMetrics, { kind: K }> };

/**
 * The figures of nothing, for each kind.
 *
 * @param kind - The campaign kind.
 * @returns Its figures, all zero.
 * @example
 * emptyMetrics('cleaning').sites; // => 0
 * @category Campaigns
 */
export function emptyMetrics<K extends CampaignMetrics['kind']>(kind: K): Extract<CampaignMetrics, { kind: K }> {
  if (typeof kind !== 'string' || !Object.hasOwn(ZERO, kind))
    throw new FrontlineError('invalid_input', 'unknown kind of figures', [{ path: ['kind'], code: 'unknown_kind', message: `unknown campaign kind ${describeValue(kind)}` }]);
  return ZERO[kind] as unknown as Extract<CampaignMetrics, { kind: K }>;
}

/**
 * @internal The problems of a value that should be figures: an object with a finite number in each
 * field of `zero` (the object of the same fields at 0).
 */
export function figureIssues(value: unknown, zero: object, path: readonly PropertyKey[], what: string): Issue[] {
  if (!isRecord(value)) return [{ path, code: 'invalid_type', message: `expected ${what} (an object), got ${describeValue(value)}` }];
  const issues: Issue[] = [];
  for (const key of Object.keys(zero)) {
    if (key === 'kind') continue;
    const v = value[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) issues.push({ path: [...path, key], code: 'invalid_type', message: `${what}: ${key} must be a finite number, got ${describeValue(v)}` });
  }
  return issues;
}

/**
 * @internal The problems of a value that should be campaign figures (of `kind` when given): a known
 * kind and a finite number in each of its fields.
 */
export function metricsIssues(value: unknown, path: readonly PropertyKey[], kind?: string): Issue[] {
  const found = isRecord(value) ? value['kind'] : undefined;
  if (typeof found !== 'string' || !Object.hasOwn(ZERO, found))
    return [{ path: isRecord(value) ? [...path, 'kind'] : path, code: 'unknown_kind', message: `expected campaign figures of a known kind, got ${isRecord(value) ? `kind ${describeValue(found)}` : describeValue(value)}` }];
  if (kind !== undefined && found !== kind) return [{ path: [...path, 'kind'], code: 'kind_mismatch', message: `cannot merge ${kind} figures with ${found} figures` }];
  return figureIssues(value, ZERO[found as CampaignMetrics['kind']], path, `${found} figures`);
}

/** @internal Adds the fields of `zero` of two sets of figures already checked, in the order of `a`'s fields. */
export function addFigures<T extends object>(a: T, b: T, zero: object): T {
  const out: Record<string, unknown> = {};
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of Object.keys(a)) if (Object.hasOwn(zero, key)) out[key] = key === 'kind' ? x[key] : (x[key] as number) + (y[key] as number);
  return out as T;
}

/**
 * Adds two sets of figures of the same kind, field by field: associative and commutative, so
 * summaries of townships merge into the county's, and counties' into a province's. Figures of
 * different kinds, of an unknown kind, or with a field that is not a finite number (say, from bad
 * JSON) throw a {@link FrontlineError} (`invalid_input`) naming each problem.
 *
 * @param a - Figures of one kind.
 * @param b - Figures of the same kind.
 * @returns Their sum, field by field.
 * @throws `TypeError` when the two are of different kinds.
 * @example
 * const a = { ...emptyMetrics('doorKnocking'), households: 4, screened: 3 };
 * const b = { ...emptyMetrics('doorKnocking'), households: 6, screened: 6 };
 * coverage(mergeMetrics(a, b)); // => 0.9
 * @category Campaigns
 */
export function mergeMetrics<M extends CampaignMetrics>(a: M, b: M): M {
  const issues = metricsIssues(a, ['a']);
  issues.push(...metricsIssues(b, ['b'], issues.length === 0 ? a.kind : undefined));
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'cannot merge the figures', issues);
  return addFigures(a, b, ZERO[a.kind]);
}

/**
 * The {@link Monoid} of a kind's figures, for `rollup`.
 *
 * @param kind - The campaign kind.
 * @returns Its zero figures and {@link mergeMetrics}.
 * @example
 * const byUnit = { wjg: { ...emptyMetrics('doorKnocking'), households: 4 }, cb: { ...emptyMetrics('doorKnocking'), households: 6 } };
 * rollup(tree, byUnit, metricsMonoid('doorKnocking')).get(tree.root)?.households; // => 10
 * @category Campaigns
 */
export function metricsMonoid<K extends CampaignMetrics['kind']>(kind: K): Monoid<Extract<CampaignMetrics, { kind: K }>> {
  return { empty: emptyMetrics(kind), combine: mergeMetrics };
}

/**
 * Screening coverage: households screened over households registered (0 when none are registered).
 * Never above 1.
 *
 * @param m - Door-knocking figures (or any with `households` and `screened`).
 * @returns The share of households screened, from 0 to 1.
 * @example
 * coverage({ ...emptyMetrics('doorKnocking'), households: 4, screened: 3 }); // => 0.75
 * @category Campaigns
 */
export function coverage(m: Pick<DoorKnockingMetrics, 'households' | 'screened'>): number {
  if (!isRecord(m) || typeof m.households !== 'number' || typeof m.screened !== 'number')
    throw new FrontlineError('invalid_input', 'invalid figures', [{ path: ['m'], code: 'invalid_type', message: `coverage needs households and screened, as numbers, got ${describeValue(m)}` }]);
  return m.households === 0 ? 0 : Math.min(1, m.screened / m.households);
}
