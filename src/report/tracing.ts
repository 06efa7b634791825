import { addDays, type Day } from '../core/day.js';
import { parseOrThrow } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import type { TracingIndicator } from '../core/vocabulary.js';
import { followUp, observationEnd } from '../campaigns/observation.js';
import { Period } from '../evaluation/derive.js';
import { ledgerTree, requireLedger, type Ledger } from '../ledger/ledger.js';
import { rollup, type Monoid } from '../org/rollup.js';
import { tableForEach } from '../store/table.js';

/**
 * The counts behind the WHO contact-tracing indicators for one unit and period: each indicator's
 * numerator and denominator. Mergeable: the counts of two units add up ({@link TRACING_MONOID}).
 *
 * @example
 * const c: TracingCounts = tracingIndicators(ledger, period).total;
 * c.contactDaysSeen <= c.contactDaysDue; // => true
 * @category Reports
 */
export interface TracingCounts {
  /** Days a close contact was due to be seen (checks due that day), summed over the contacts. */
  readonly contactDaysDue: number;
  /** Of those, the days the contact was seen (at least one check recorded). */
  readonly contactDaysSeen: number;
  /** Close contacts whose period ended within the period (not transferred, converted or cancelled). */
  readonly periodsEnded: number;
  /** Of those, the contacts seen on every day of their period. */
  readonly followedFully: number;
  /** People first confirmed in the period. */
  readonly newCases: number;
  /** Of those, the people already under observation as a close contact when confirmed. */
  readonly casesFromContacts: number;
  /** Cases confirmed in the period with close contacts traced from them (`contactOf`). */
  readonly casesWithContacts: number;
  /** Of those, the cases all of whose contacts were under observation by the day after the confirmation. */
  readonly tracedWithin24h: number;
  /** Close contacts whose observation was recorded in the period. */
  readonly contacts: number;
  /** Of those, the contacts lost to follow-up by the period's end (missed checks in a row, or ended as lost). */
  readonly lost: number;
}

const EMPTY: TracingCounts = Object.freeze({
  contactDaysDue: 0,
  contactDaysSeen: 0,
  periodsEnded: 0,
  followedFully: 0,
  newCases: 0,
  casesFromContacts: 0,
  casesWithContacts: 0,
  tracedWithin24h: 0,
  contacts: 0,
  lost: 0,
});

/**
 * How {@link TracingCounts} merge: every count adds up; the empty value is all zeros.
 *
 * @example
 * TRACING_MONOID.combine(TRACING_MONOID.empty, TRACING_MONOID.empty).contacts; // => 0
 * @category Reports
 */
export const TRACING_MONOID: Monoid<TracingCounts> = Object.freeze({
  empty: EMPTY,
  combine: (a: TracingCounts, b: TracingCounts): TracingCounts => {
    const out: Record<string, number> = {};
    for (const k of Object.keys(EMPTY) as (keyof TracingCounts)[]) out[k] = a[k] + b[k];
    return out as unknown as TracingCounts;
  },
});

/**
 * One WHO contact-tracing indicator: its numerator, its denominator and the share (`null` when the
 * denominator is 0).
 *
 * @example
 * const s: TracingShare = tracingShares(tracingIndicators(ledger, period).total)[0];
 * s.indicator; // => 'seenDaily'
 * @category Reports
 */
export interface TracingShare {
  /** The indicator. */
  readonly indicator: TracingIndicator;
  /** What is counted. */
  readonly numerator: number;
  /** What it is a share of. */
  readonly denominator: number;
  /** numerator / denominator, or `null` with no denominator. */
  readonly share: number | null;
}

/**
 * The five WHO contact-tracing indicators of some counts, each with its denominator: contacts seen
 * each day (contact-days seen over contact-days due), followed for the whole period (over the
 * contacts whose period ended), new cases from the contact list (over new cases), cases whose
 * contacts were traced within 24 h (over the cases with traced contacts), lost to follow-up (over
 * the contacts).
 *
 * @param counts - Counts of a unit, rolled up or not.
 * @returns The five indicators, in the order of `TracingIndicator`.
 * @example
 * tracingShares(TRACING_MONOID.empty).map((s) => s.share); // => [null, null, null, null, null]
 * @category Reports
 */
export function tracingShares(counts: TracingCounts): TracingShare[] {
  const s = (indicator: TracingIndicator, numerator: number, denominator: number): TracingShare => ({
    indicator,
    numerator,
    denominator,
    share: denominator === 0 ? null : numerator / denominator,
  });
  return [
    s('seenDaily', counts.contactDaysSeen, counts.contactDaysDue),
    s('followedFully', counts.followedFully, counts.periodsEnded),
    s('casesFromContacts', counts.casesFromContacts, counts.newCases),
    s('tracedWithin24h', counts.tracedWithin24h, counts.casesWithContacts),
    s('lostToFollowUp', counts.lost, counts.contacts),
  ];
}

/**
 * The WHO contact-tracing indicators of a period (Contact tracing in the context of COVID-19, WHO
 * 2020), counted per unit — a contact at the unit of its observation, a case at the unit of its
 * household — and rolled up the tree: see {@link TracingCounts} for each numerator and
 * denominator, and {@link tracingShares} for the shares.
 *
 * @param ledger - The ledger.
 * @param period - The days counted (both ends included).
 * @returns Each unit's own counts, every unit's rolled-up counts, and the county's total.
 * @throws {@link FrontlineError} `invalid_input` for an invalid period.
 * @example
 * const t = tracingIndicators(ledger, { from: '2020-01-25', to: '2020-02-07' });
 * t.total.contacts === t.rolledUp.get(t.root)?.contacts; // => true
 * @category Reports
 */
export function tracingIndicators(
  ledger: Ledger,
  period: Period,
): { readonly root: OrgId; readonly byUnit: ReadonlyMap<OrgId, TracingCounts>; readonly rolledUp: ReadonlyMap<OrgId, TracingCounts>; readonly total: TracingCounts } {
  requireLedger(ledger);
  const p = parseOrThrow(Period, period, 'invalid_input', 'period');
  const within = (d: Day): boolean => d >= p.from && d <= p.to;
  const byUnit = new Map<OrgId, Record<keyof TracingCounts, number>>();
  const at = (unit: OrgId): Record<keyof TracingCounts, number> => {
    let c = byUnit.get(unit);
    if (c === undefined) byUnit.set(unit, (c = { ...EMPTY }));
    return c;
  };
  // cases: the first day each person was confirmed, and the unit of the household
  const confirmed = new Map<string, { day: Day; unit: OrgId }>();
  tableForEach(ledger.classifications, (h) => {
    for (const e of h.entries)
      if (e.category === 'confirmed' && e.personId !== undefined && e.day <= p.to) {
        const prev = confirmed.get(e.personId);
        if (prev === undefined || e.day < prev.day) confirmed.set(e.personId, { day: e.day, unit: h.unitId });
      }
  });
  // contacts of each case, and when each was first under observation as a close contact
  const tracedFrom = new Map<string, Day[]>();
  const contactSince = new Map<string, Day>();
  tableForEach(ledger.observations, (o) => {
    if (o.category !== 'closeContact') return;
    const since = contactSince.get(o.personId);
    if (since === undefined || o.startedOn < since) contactSince.set(o.personId, o.startedOn);
    if (o.contactOf !== undefined) tracedFrom.set(o.contactOf, [...(tracedFrom.get(o.contactOf) ?? []), o.startedOn]);
    const c = at(o.unitId);
    // seen each day, within the period and the observation's checks
    for (let d = o.startedOn < p.from ? p.from : o.startedOn; d <= p.to; d = addDays(d, 1)) {
      const f = followUp(o, d, ledger.settings);
      if (f.due === 0) {
        if (d > f.endDay) break;
        continue;
      }
      c.contactDaysDue++;
      if (f.done > 0) c.contactDaysSeen++;
    }
    // followed for the whole period: its period ended within the period, seen every day of it
    const end = observationEnd(o, p.to);
    const interrupted = o.ended !== undefined && o.ended.outcome !== 'released' && o.ended.outcome !== 'lostToFollowUp';
    if (within(end) && !interrupted) {
      c.periodsEnded++;
      const seen = new Set(o.readings.map((r) => r.day));
      let every = true;
      for (let d = o.startedOn > o.fromDay ? o.startedOn : o.fromDay; d <= end; d = addDays(d, 1)) if (!seen.has(d)) every = false;
      if (every) c.followedFully++;
    }
    if (within(o.startedOn)) {
      c.contacts++;
      const status = followUp(o, p.to, ledger.settings).status;
      if (status === 'lost' || status === 'lostToFollowUp') c.lost++;
    }
  });
  for (const [person, kase] of confirmed) {
    if (!within(kase.day)) continue;
    const c = at(kase.unit);
    c.newCases++;
    const since = contactSince.get(person);
    if (since !== undefined && since <= kase.day) c.casesFromContacts++;
    const traced = tracedFrom.get(person);
    if (traced !== undefined) {
      c.casesWithContacts++;
      if (traced.every((d) => d <= addDays(kase.day, 1))) c.tracedWithin24h++;
    }
  }
  const tree = ledgerTree(ledger);
  const rolledUp = rollup(tree, byUnit as Map<OrgId, TracingCounts>, TRACING_MONOID);
  return { root: tree.root, byUnit, rolledUp, total: rolledUp.get(tree.root) ?? EMPTY };
}
