import { z } from 'zod';
import { Day, dayOf } from '../core/day.js';
import { parseOrThrow } from '../core/errors.js';
import type { OrgId, PersonId } from '../core/ids.js';
import type { EvaluationDimension, RecordKind } from '../core/vocabulary.js';
import { tableForEach } from '../store/table.js';
import { requireLedger } from './tables.js';
import { deadlineOn } from '../supervision/records.js';
import type { EvaluationLedger } from './tables.js';


/**
 * Where a performance record comes from: a record of the ledger (each made by one event), by
 * table and key.
 *
 * @example
 * const s: RecordSource = { table: 'visits', id: 'v000123' };
 * @category Evaluation
 */
export interface RecordSource {
  /** The ledger table, such as `visits`, `duties`, `findings`, `deeds`. */
  readonly table: string;
  /** The record's key in it. */
  readonly id: string;
}

/**
 * One piece of evidence for evaluation: of a person or of a unit, its kind, the dimension of
 * 德能勤绩廉 it counts on, its day, its amount (shifts, households, hours…) and the points it is
 * worth, with the ledger records it comes from.
 *
 * @example
 * const r: PerformanceRecord = deriveRecords(ledger, { from: '2020-01-25', to: '2020-02-07' }).find((r) => r.kind === 'shiftLed')!;
 * r.sources[0]?.table; // => 'duties'
 * @category Evaluation
 */
export interface PerformanceRecord {
  /** The person, for a person's record. */
  readonly personId?: PersonId | undefined;
  /** The unit, for a unit's (its leadership team's) record. */
  readonly unitId?: OrgId | undefined;
  /** What kind of evidence. */
  readonly kind: RecordKind;
  /** The dimension it counts on. */
  readonly dimension: EvaluationDimension;
  /** Its day. */
  readonly day: Day;
  /** How much: shifts, households, deliveries, findings, hours, or 1 for a deed or entry. */
  readonly amount: number;
  /** What it is worth (negative for a fault). */
  readonly points: number;
  /** The evidence in words, for deeds and three-shows entries. */
  readonly text?: string | undefined;
  /** The ledger records it comes from. */
  readonly sources: readonly RecordSource[];
}

/**
 * @internal The order of evidence: the strongest first (most points), then the earlier day, the kind
 * and the first source, so that the evidence shown never depends on the order of the records.
 */
export function compareEvidence(a: PerformanceRecord, b: PerformanceRecord): number {
  if (a.points !== b.points) return b.points - a.points;
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const x = a.sources[0];
  const y = b.sources[0];
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
  if (x.table !== y.table) return x.table < y.table ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/**
 * A period of evaluation, both days included.
 *
 * @example
 * Period.parse({ from: '2020-01-25', to: '2020-02-07' });
 * @category Evaluation
 */
export const Period = z
  .object({ /** First day. */ from: Day, /** Last day (included). */ to: Day })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'the period is empty: it ends before it starts', path: ['to'] });
/**
 * A period.
 *
 * @interface
 * @category Evaluation
 */
export type Period = z.infer<typeof Period>;

/**
 * What each derived record is worth, by kind (local practice). Per unit: a shift, a household, a
 * delivery, a finding, an hour.
 *
 * @example
 * RECORD_POINTS.shiftLed; // => { points: 2, dimension: 'diligence' }
 * @category Evaluation
 */
export const RECORD_POINTS: Readonly<Record<Exclude<RecordKind, 'deed'>, { readonly points: number; readonly dimension: EvaluationDimension }>> = {
  threeShows: { points: 1, dimension: 'morality' },
  shiftLed: { points: 2, dimension: 'diligence' },
  shiftKept: { points: 1, dimension: 'diligence' },
  shiftLate: { points: -1, dimension: 'diligence' },
  shiftMissed: { points: -4, dimension: 'diligence' },
  householdsScreened: { points: 0.2, dimension: 'achievement' },
  deliveryFulfilled: { points: 1, dimension: 'achievement' },
  findingFixed: { points: 1, dimension: 'achievement' },
  findingOverdue: { points: -3, dimension: 'achievement' },
  volunteerHours: { points: 0.25, dimension: 'diligence' },
};

/**
 * The evidence of a period, from the ledger: deeds and three-shows entries recorded by hand, and
 * records derived from operations — shifts led and kept, late or missed (from attendance at duty
 * seats), households screened (visits, per visitor and day), deliveries fulfilled, findings
 * fixed or left overdue in one's unit (for the unit, and for each of its cadres), volunteer
 * hours — each pointing to the ledger records it comes from. Points follow {@link RECORD_POINTS}.
 *
 * @param ledger - The ledger.
 * @param period - The days to derive from (both ends included).
 * @returns The records of the period.
 * @throws {@link FrontlineError} `invalid_input` for an invalid period.
 * @example
 * const records = deriveRecords(ledger, { from: '2020-01-25', to: '2020-02-07' });
 * records.find((r) => r.kind === 'shiftLed')?.points; // => 2 (a shift led, its attendance checked)
 * @category Evaluation
 */
export function deriveRecords(ledger: EvaluationLedger, period: Period): PerformanceRecord[] {
  requireLedger(ledger);
  const p = parseOrThrow(Period, period, 'invalid_input', 'period');
  const { from, to } = p;
  const out: PerformanceRecord[] = [];
  const within = (d: string): boolean => d >= from && d <= to;
  // every record is made here, with all its fields in one order: one shape for all of them
  const add = (
    personId: PersonId | undefined,
    unitId: OrgId | undefined,
    kind: RecordKind,
    dimension: EvaluationDimension,
    day: Day,
    amount: number,
    points: number,
    text: string | undefined,
    sources: readonly RecordSource[],
  ): void => {
    out.push({ personId, unitId, kind, dimension, day, amount, points, text, sources });
  };

  tableForEach(ledger.deeds, (d) => {
    if (!within(d.day)) return;
    add(d.personId, d.unitId, 'deed', d.dimension, d.day, 1, d.points, d.evidence, [{ table: 'deeds', id: d.id }]);
  });
  const shows = RECORD_POINTS.threeShows;
  tableForEach(ledger.threeShows, (s) => {
    if (within(s.day)) add(s.personId, undefined, 'threeShows', shows.dimension, s.day, 1, shows.points, s.text, [{ table: 'threeShows', id: s.id }]);
  });

  // shifts: attendance checked at duty seats
  tableForEach(ledger.duties, (duty, key) => {
    const a = duty.attendance;
    if (a === undefined || duty.personId === null) return;
    // a seat id of the ledger was checked when published: post/day/shift/slot
    const seat = duty.seat;
    const day = seat.slice(seat.indexOf('/') + 1, seat.indexOf('/') + 11) as Day;
    if (!within(day)) return;
    const leader = seat.endsWith('/L');
    const kind: RecordKind = a.status === 'absent' ? 'shiftMissed' : a.status === 'late' ? 'shiftLate' : leader ? 'shiftLed' : 'shiftKept';
    const rule = RECORD_POINTS[kind as Exclude<RecordKind, 'deed'>];
    add(duty.personId, undefined, kind, rule.dimension, day, 1, kind === 'shiftMissed' && leader ? 2 * rule.points : rule.points, undefined, [{ table: 'duties', id: key }]);
  });

  // households screened, per visitor and day: each household once, however many visits screened it
  const screened = new Map<string, { personId: PersonId; day: Day; ids: string[]; households: Set<string> }>();
  tableForEach(ledger.visits, (v) => {
    if (v.outcome !== 'screened') return;
    const day = dayOf(v.at);
    if (!within(day)) return;
    for (const personId of v.visitors) {
      const k = `${personId}|${day}`;
      let e = screened.get(k);
      if (e === undefined) screened.set(k, (e = { personId, day, ids: [], households: new Set() }));
      e.ids.push(v.id);
      e.households.add(v.householdId);
    }
  });
  const hh = RECORD_POINTS.householdsScreened;
  for (const e of screened.values()) {
    const n = e.households.size;
    e.ids.sort();
    add(e.personId, undefined, 'householdsScreened', hh.dimension, e.day, n, hh.points * n, undefined, e.ids.map((id) => ({ table: 'visits', id })));
  }

  // deliveries to key home-isolated households
  const del = RECORD_POINTS.deliveryFulfilled;
  tableForEach(ledger.serviceRequests, (r) => {
    if (r.fulfilledAt === undefined || r.fulfilledBy === undefined) return;
    const day = dayOf(r.fulfilledAt);
    if (within(day)) add(r.fulfilledBy, undefined, 'deliveryFulfilled', del.dimension, day, 1, del.points, undefined, [{ table: 'serviceRequests', id: r.id }]);
  });

  // findings fixed or left overdue: the unit's, and each of its cadres'
  let cadresOf: Map<string, PersonId[]> | undefined;
  const cadres = (unitId: string): PersonId[] => {
    if (cadresOf === undefined) {
      const byUnit = new Map<string, PersonId[]>();
      tableForEach(ledger.people, (person) => {
        if (person.cadreLevel === undefined) return;
        let list = byUnit.get(person.unitId);
        if (list === undefined) byUnit.set(person.unitId, (list = []));
        list.push(person.id);
      });
      cadresOf = byUnit;
    }
    return cadresOf.get(unitId) ?? [];
  };
  tableForEach(ledger.findings, (f) => {
    let kind: 'findingFixed' | 'findingOverdue' | undefined;
    let day: Day | undefined;
    if (f.status === 'passed' && f.closedOn !== undefined && within(f.closedOn)) {
      kind = 'findingFixed';
      day = f.closedOn;
    } else if (f.raisedOn <= to && (f.closedOn === undefined || f.closedOn > to)) {
      const deadline = deadlineOn(f, to);
      if (deadline < to) {
        kind = 'findingOverdue';
        day = deadline < from ? from : deadline;
      }
    }
    if (kind === undefined || day === undefined) return;
    const rule = RECORD_POINTS[kind];
    const sources = [{ table: 'findings', id: f.id }];
    add(undefined, f.unitId, kind, rule.dimension, day, 1, rule.points, undefined, sources);
    for (const personId of cadres(f.unitId)) add(personId, undefined, kind, rule.dimension, day, 1, rule.points, undefined, sources);
  });

  // volunteer hours
  const vh = RECORD_POINTS.volunteerHours;
  tableForEach(ledger.tasks, (t) => {
    if (!within(t.day)) return;
    for (const a of t.attended) add(a.personId, undefined, 'volunteerHours', vh.dimension, t.day, a.hours, vh.points * a.hours, undefined, [{ table: 'tasks', id: t.id }]);
  });
  return out;
}
