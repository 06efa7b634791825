/**
 * The hand-written baseline of `dispatch.bench.ts`: {@link handDispatch} computes, in one pass over
 * each table the report reads, the figures that `dailyDispatch(ledger, day)` carries in `total`,
 * `previous` and `rows` (and every unit's rolled-up figures, the day and the day before): door-knocking,
 * home prevention, cleaning and volunteer service (the definitions of `campaignProgress` in
 * `src/campaigns/progress.ts`, with `isDueRevisit`, `screeningAsOf` and `followUp`), duty figures
 * from the published rosters and supervision figures (as `ownFigures` in `src/report/dispatch.ts`).
 *
 * Where the library calls `campaignProgress` once per campaign and day (four campaigns, two days:
 * eight passes over households, screenings, letters, …), the baseline reads each record once and
 * adds it to both days and every campaign of its kind; each unit's figures sit in one row of a
 * `Float64Array` per day, rolled up the tree in one reverse sweep. Tables are walked bucket by
 * bucket (`buckets`) with plain loops; `tableGet` is used for the look-ups the library also makes (a traveller's
 * person, a site's disinfections, a seat's duty), and `ledgerTree` for the (cached) tree.
 *
 * When a figure of `src/campaigns/progress.ts` or `src/report/dispatch.ts` changes, mirror it here:
 * the bench compares every number and fails where they differ.
 */
import type { AdmissionCase } from '../src/admission/model.js';
import { applyStep, emptyState } from '../src/admission/state.js';
import {
  ledgerTree,
  tableGet,
  type Campaign,
  type Day,
  type DispatchSummary,
  type Finding,
  type HouseholdScreening,
  type Ledger,
  type Observation,
  type OrgId,
  type OrgUnit,
  type PublishedRoster,
  type Table,
  type VolunteerTask,
} from '../src/index.js';

// ---------------------------------------------------------------------------------------------
// the figures, in the order of their rows

/** The figures of each part of a summary, in the library's order. */
export const SUMMARY_FIELDS = {
  doorKnocking: ['households', 'screened', 'newlyScreened', 'visits', 'nobodyHome', 'refused', 'dueRevisit', 'servicesOpen', 'servicesOverdue', 'servicesFulfilled'],
  homePrevention: ['households', 'lettersDelivered', 'declarations', 'underObservation', 'newObservations', 'released', 'transferred', 'escalated', 'checksDue', 'checksDone', 'checksMissed', 'lost'],
  cleaning: ['sites', 'required', 'done', 'sitesDue', 'sitesOverdue'],
  volunteerService: ['volunteers', 'tasks', 'places', 'signUps', 'attended', 'hours', 'openTasks'],
  duty: ['seats', 'filled', 'leaderSeats', 'leadersFilled', 'checked', 'absent'],
  supervision: ['inspections', 'raised', 'open', 'overdue'],
  admission: ['nonMember', 'applicant', 'activist', 'developmentTarget', 'probationaryMember', 'fullMember', 'cancelled', 'steps'],
} as const satisfies Record<keyof DispatchSummary, readonly string[]>;

export type SummaryPart = keyof typeof SUMMARY_FIELDS;
export const SUMMARY_PARTS = Object.keys(SUMMARY_FIELDS) as SummaryPart[];

// offsets of each part in a unit's row
const DK = 0;
const HP = DK + SUMMARY_FIELDS.doorKnocking.length;
const CL = HP + SUMMARY_FIELDS.homePrevention.length;
const VS = CL + SUMMARY_FIELDS.cleaning.length;
const DUTY = VS + SUMMARY_FIELDS.volunteerService.length;
const SUP = DUTY + SUMMARY_FIELDS.duty.length;
const ADM = SUP + SUMMARY_FIELDS.supervision.length;
/** Figures per unit: the row width. */
export const FIGURES = ADM + SUMMARY_FIELDS.admission.length;
const OFFSET: Record<SummaryPart, number> = { doorKnocking: DK, homePrevention: HP, cleaning: CL, volunteerService: VS, duty: DUTY, supervision: SUP, admission: ADM };

// ---------------------------------------------------------------------------------------------
// days and instants

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01. */
function epochDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

function fromEpoch(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10) as Day;
}

/**
 * An instant as a key that compares with days: written in Beijing time (`…+08:00`), the instant
 * itself (`key < day` ⇔ it falls before that day, `key >= day` ⇔ on it or after); otherwise its
 * day in Beijing time (UTC+8, as since 1992).
 */
function dayKey(at: string): string {
  return at.endsWith('+08:00') ? at : new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// the pass

type Bucket = readonly unknown[];
type Slots = readonly (readonly (readonly (Bucket | null)[] | null)[] | null)[];

/** A table's buckets (`[id, record, id, record, …]`), read straight from its slots: records sit at the odd places. */
function buckets(table: Table<unknown>): Bucket[] {
  const out: Bucket[] = [];
  for (const l2 of table.slots as Slots) {
    if (l2 === null) continue;
    for (const l3 of l2) {
      if (l3 === null) continue;
      for (const b of l3) if (b !== null) out.push(b);
    }
  }
  return out;
}

function add(a: Float64Array, k: number, v: number): void {
  a[k] = (a[k] as number) + v;
}

/** A running campaign: its coverage mask and on which of the two days it runs. */
interface Running {
  readonly id: string;
  readonly mask: Uint8Array;
  readonly onDay: boolean;
  readonly onBefore: boolean;
  /** Cleaning: whether the day before each day is within the campaign (`sitesOverdue`). */
  readonly yesterdayOfDay: boolean;
  readonly yesterdayOfBefore: boolean;
}

/** A day's outcome when it had several visits: screened, then refused, then nobody home. */
const RANK: Readonly<Record<'nobodyHome' | 'refused' | 'screened', number>> = { nobodyHome: 0, refused: 1, screened: 2 };

/** `isDueRevisit(s, day, revisitAfterDays)`, with `limit` the day `revisitAfterDays` before `day`. */
function dueRevisit(s: HouseholdScreening, day: string, limit: string): boolean {
  if (s.lastVisitOn <= day) return s.lastOutcome !== 'screened' ? s.lastVisitOn < day : s.lastScreenedOn !== undefined && s.lastScreenedOn <= limit;
  // as of the day: only the visits on or before it (screeningAsOf)
  let lastVisitOn: string | undefined;
  let lastOutcome: string | undefined;
  let lastScreenedOn: string | undefined;
  for (const v of s.log) {
    if (v.day > day) continue;
    if (lastVisitOn === undefined || v.day > lastVisitOn) {
      lastVisitOn = v.day;
      lastOutcome = v.outcome;
    } else if (v.day === lastVisitOn && RANK[v.outcome] > RANK[lastOutcome as typeof v.outcome]) lastOutcome = v.outcome;
    if (v.outcome === 'screened' && (lastScreenedOn === undefined || v.day > lastScreenedOn)) lastScreenedOn = v.day;
  }
  if (lastVisitOn === undefined) return false;
  return lastOutcome !== 'screened' ? lastVisitOn < day : lastScreenedOn !== undefined && lastScreenedOn <= limit;
}

/** What {@link handDispatch} returns. */
export interface HandDispatch {
  /** Whether anything was recorded for the day, and for the day before. */
  readonly hasData: boolean;
  readonly hasDataBefore: boolean;
  /** The county's figures (the tree's root), the day and, when there was data, the day before. */
  readonly total: DispatchSummary;
  readonly previous: DispatchSummary | null;
  /** The root's children, in tree order, with their rolled-up figures of the day. */
  readonly rows: readonly { readonly unitId: OrgId; readonly summary: DispatchSummary }[];
  /** Every unit's rolled-up figures: unit `i` (tree order) figure `f` at `i * FIGURES + f`. */
  readonly day: Float64Array;
  readonly before: Float64Array;
}

/** The figures of unit `i` in `rows` as a summary. */
export function summaryAt(rows: Float64Array, i: number): DispatchSummary {
  const r = i * FIGURES;
  const part = (p: SummaryPart, kind: boolean): Record<string, unknown> => {
    const m: Record<string, unknown> = kind ? { kind: p } : {};
    const names: readonly string[] = SUMMARY_FIELDS[p];
    const at = r + OFFSET[p];
    for (let f = 0; f < names.length; f++) m[names[f] as string] = rows[at + f];
    return m;
  };
  return {
    doorKnocking: part('doorKnocking', true),
    homePrevention: part('homePrevention', true),
    cleaning: part('cleaning', true),
    volunteerService: part('volunteerService', true),
    duty: part('duty', false),
    supervision: part('supervision', false),
    admission: part('admission', false),
  } as unknown as DispatchSummary;
}

/**
 * The figures of `dailyDispatch(ledger, day)` for the whole county (no trend): each table read once,
 * both days at a time.
 */
export function handDispatch(ledger: Ledger, day: Day): HandDispatch {
  const tree = ledgerTree(ledger);
  const n = tree.units.length;
  const indexOf = tree.indexOf;
  const F = FIGURES;
  const D: string = day;
  const tD = epochDay(D);
  const tP = tD - 1;
  const P: string = fromEpoch(tP); // the day before
  const PP: string = fromEpoch(tD - 2);
  const N: string = fromEpoch(tD + 1); // the day after
  const oD = new Float64Array(n * F);
  const oP = new Float64Array(n * F);
  let hasD = false;
  let hasP = false;

  // the campaigns running on either day, by kind, with their coverage
  const dk: Running[] = [];
  const hp: Running[] = [];
  const cl: Running[] = [];
  const vs: Running[] = [];
  const runs = (c: Campaign, x: string): boolean => x >= c.startDay && (c.endDay === undefined || x <= c.endDay);
  for (const b of buckets(ledger.campaigns)) {
    for (let k = 1; k < b.length; k += 2) {
      const c = b[k] as Campaign;
      const onDay = runs(c, D);
      const onBefore = runs(c, P);
      if (onDay) hasD = true;
      if (onBefore) hasP = true;
      if (!onDay && !onBefore) continue;
      const mask = new Uint8Array(n);
      for (const u of c.covers) {
        const s = indexOf.get(u);
        if (s !== undefined) mask.fill(1, s, tree.subtreeEnd[s] as number);
      }
      const r: Running = { id: c.id, mask, onDay, onBefore, yesterdayOfDay: runs(c, P), yesterdayOfBefore: runs(c, PP) };
      (c.kind === 'doorKnocking' ? dk : c.kind === 'homePrevention' ? hp : c.kind === 'cleaning' ? cl : vs).push(r);
    }
  }
  const find = (list: readonly Running[], id: string): Running | undefined => {
    for (let c = 0; c < list.length; c++) if ((list[c] as Running).id === id) return list[c];
    return undefined;
  };

  // households: counted by every door-knocking and home-prevention campaign covering them
  if (dk.length + hp.length > 0) {
    for (const b of buckets(ledger.households)) {
      for (let k = 1; k < b.length; k += 2) {
        const i = indexOf.get((b[k] as { readonly unitId: string }).unitId);
        if (i === undefined) continue;
        const r = i * F;
        for (const c of dk) {
          if (c.mask[i] !== 1) continue;
          if (c.onDay) add(oD, r + DK, 1);
          if (c.onBefore) add(oP, r + DK, 1);
        }
        for (const c of hp) {
          if (c.mask[i] !== 1) continue;
          if (c.onDay) add(oD, r + HP, 1);
          if (c.onBefore) add(oP, r + HP, 1);
        }
      }
    }
  }

  if (dk.length > 0) {
    const revisit = ledger.settings.revisitAfterDays;
    const limitD = fromEpoch(tD - revisit);
    const limitP = fromEpoch(tP - revisit);
    for (const b of buckets(ledger.screenings)) {
      for (let k = 1; k < b.length; k += 2) {
        const s = b[k] as HouseholdScreening;
        const c = find(dk, s.campaignId);
        if (c === undefined) continue;
        const i = indexOf.get(s.unitId);
        if (i === undefined || c.mask[i] !== 1) continue;
        const r = i * F + DK;
        const first = s.firstScreenedOn;
        if (c.onDay) {
          if (first !== undefined && first <= D) {
            add(oD, r + 1, 1);
            if (first === D) add(oD, r + 2, 1);
          }
          if (dueRevisit(s, D, limitD)) add(oD, r + 6, 1);
        }
        if (c.onBefore) {
          if (first !== undefined && first <= P) {
            add(oP, r + 1, 1);
            if (first === P) add(oP, r + 2, 1);
          }
          if (dueRevisit(s, P, limitP)) add(oP, r + 6, 1);
        }
      }
    }
    for (const b of buckets(ledger.visits)) {
      for (let k = 1; k < b.length; k += 2) {
        const v = b[k] as { readonly day: string; readonly campaignId: string; readonly unitId: string; readonly outcome: string };
        const onDay = v.day === D;
        if (!onDay && v.day !== P) continue;
        const c = find(dk, v.campaignId);
        if (c === undefined || !(onDay ? c.onDay : c.onBefore)) continue;
        const i = indexOf.get(v.unitId);
        if (i === undefined || c.mask[i] !== 1) continue;
        const o = onDay ? oD : oP;
        const r = i * F + DK;
        add(o, r + 3, 1);
        if (v.outcome === 'nobodyHome') add(o, r + 4, 1);
        else if (v.outcome === 'refused') add(o, r + 5, 1);
      }
    }
    for (const b of buckets(ledger.serviceRequests)) {
      for (let k = 1; k < b.length; k += 2) {
        const q = b[k] as { readonly unitId: string; readonly requestedAt: string; readonly dueAt: string; readonly fulfilledAt?: string };
        const requested = dayKey(q.requestedAt);
        if (requested >= N) continue; // after the end of the day (and so of the day before)
        const i = indexOf.get(q.unitId);
        if (i === undefined) continue;
        const fulfilled = q.fulfilledAt === undefined ? undefined : dayKey(q.fulfilledAt);
        const due = dayKey(q.dueAt);
        const r = i * F + DK;
        for (const c of dk) {
          if (c.mask[i] !== 1) continue;
          // open at the end of a day x (< next): not fulfilled before next; else fulfilled on x
          if (c.onDay) {
            if (fulfilled === undefined || fulfilled >= N) {
              add(oD, r + 7, 1);
              if (due < N) add(oD, r + 8, 1);
            } else if (fulfilled >= D) add(oD, r + 9, 1);
          }
          if (c.onBefore && requested < D) {
            if (fulfilled === undefined || fulfilled >= D) {
              add(oP, r + 7, 1);
              if (due < D) add(oP, r + 8, 1);
            } else if (fulfilled >= P) add(oP, r + 9, 1);
          }
        }
      }
    }
  }

  if (hp.length > 0) {
    for (const b of buckets(ledger.letters)) {
      for (let k = 1; k < b.length; k += 2) {
        const l = b[k] as { readonly campaignId: string; readonly unitId: string; readonly day: string };
        if (l.day > D) continue;
        const c = find(hp, l.campaignId);
        if (c === undefined) continue;
        const i = indexOf.get(l.unitId);
        if (i === undefined || c.mask[i] !== 1) continue;
        if (c.onDay) add(oD, i * F + HP + 1, 1);
        if (c.onBefore && l.day <= P) add(oP, i * F + HP + 1, 1);
      }
    }
    for (const b of buckets(ledger.declarations)) {
      for (let k = 1; k < b.length; k += 2) {
        const d = b[k] as { readonly personId: string; readonly declaredOn: string };
        if (d.declaredOn > D) continue;
        const p = tableGet(ledger.people, d.personId);
        const i = p === undefined ? undefined : indexOf.get(p.unitId);
        if (i === undefined) continue;
        for (const c of hp) {
          if (c.mask[i] !== 1) continue;
          if (c.onDay) add(oD, i * F + HP + 2, 1);
          if (c.onBefore && d.declaredOn <= P) add(oP, i * F + HP + 2, 1);
        }
      }
    }
    const lostAfter = ledger.settings.lostAfterMisses;
    let done = new Uint8Array(64);
    for (const b of buckets(ledger.observations)) {
      for (let k = 1; k < b.length; k += 2) {
        const o = b[k] as Observation;
        if (o.startedOn > D) continue;
        const c = find(hp, o.campaignId);
        if (c === undefined) continue;
        const i = indexOf.get(o.unitId);
        if (i === undefined || c.mask[i] !== 1) continue;
        const r = i * F + HP;
        // the follow-up (followUp in src/campaigns/observation.ts), for both days at once
        const fromDay = epochDay(o.fromDay);
        // the end as it stood on each day: changes decided later do not count yet
        let daysD = o.plannedDays;
        let daysP = o.plannedDays;
        for (const ch of o.changes) {
          if (ch.on <= D) daysD += ch.days;
          if (ch.on <= P) daysP += ch.days;
        }
        // the arrival day is day 1; a close contact's days run after the contact
        const dayOne = o.basis === 'lastContact' ? 0 : 1;
        const endD = fromDay + daysD - dayOne;
        const endP = fromDay + daysP - dayOne;
        const from = o.fromDay > o.startedOn ? fromDay : epochDay(o.startedOn);
        // checks done by slot, (day − from) * 2 + evening, over the past days of the later day;
        // a slot's day is its reading's day, so the earlier day reads a prefix of the same slots
        const spanD = Math.max(0, (Math.min(Math.max(endD, endP), tD - 1) - from) * 2 + 2);
        if (done.length < spanD) done = new Uint8Array(spanD * 2);
        done.fill(0, 0, spanD);
        let doneD = 0;
        let doneP = 0;
        for (const rd of o.readings) {
          if (rd.day > D) continue;
          if (rd.day === D) doneD++;
          else if (rd.day === P) doneP++;
          const slot = (epochDay(rd.day) - from) * 2 + (rd.slot === 'evening' ? 1 : 0);
          if (slot >= 0 && slot < spanD) done[slot] = 1;
        }
        const escalatedOn = o.escalation === undefined ? undefined : dayKey(o.escalation.at);
        const ended = o.ended;
        for (let x = 0; x < 2; x++) {
          const isDay = x === 0;
          if (!(isDay ? c.onDay : c.onBefore)) continue;
          const X = isDay ? D : P;
          if (o.startedOn > X) continue;
          const next = isDay ? N : D;
          const tX = isDay ? tD : tP;
          const end = isDay ? endD : endP;
          const out = isDay ? oD : oP;
          if (o.startedOn === X) add(out, r + 4, 1);
          const lastPast = Math.min(end, tX - 1);
          const span = Math.max(0, (lastPast - from) * 2 + 2);
          let missed = 0;
          for (let s = 0; s < span; s++) if (done[s] === 0) missed++;
          let inRow = 0;
          for (let s = (lastPast - from) * 2 + 1; s >= 0 && done[s] === 0; s--) inRow++;
          const fever = escalatedOn !== undefined && escalatedOn < next;
          const endedBy = ended !== undefined && ended.day <= X;
          const inPeriod = tX >= fromDay && tX <= end;
          // 0 active, 1 lost, 2 escalated, 3 completed, released or transferred
          const status = endedBy ? 3 : fever ? 2 : !inPeriod && tX > end ? 3 : inRow >= lostAfter ? 1 : 0;
          if (status < 3) {
            add(out, r + 3, 1);
            add(out, r + 10, missed);
          }
          if (status === 2) add(out, r + 7, 1);
          if (status === 1) add(out, r + 11, 1);
          if (end === tX - 1 && status === 3 && !(endedBy && ended.outcome === 'transferred')) add(out, r + 5, 1);
          if (ended?.outcome === 'transferred' && ended.day === X) add(out, r + 6, 1);
          add(out, r + 8, (ended === undefined || ended.day >= X) && tX >= from && tX <= end ? 2 : 0);
          add(out, r + 9, isDay ? doneD : doneP);
        }
      }
    }
  }

  if (cl.length > 0) {
    for (const b of buckets(ledger.sites)) {
      for (let k = 1; k < b.length; k += 2) {
        const s = b[k] as { readonly id: string; readonly unitId: string; readonly timesPerDay: number };
        const i = indexOf.get(s.unitId);
        if (i === undefined) continue;
        const d = tableGet(ledger.disinfections, s.id);
        const times = s.timesPerDay;
        const cD = d?.byDay[D] ?? 0;
        const cP = d?.byDay[P] ?? 0;
        const cPP = d?.byDay[PP] ?? 0;
        const r = i * F + CL;
        for (const c of cl) {
          if (c.mask[i] !== 1) continue;
          if (c.onDay) {
            add(oD, r, 1);
            add(oD, r + 1, times);
            add(oD, r + 2, Math.min(cD, times));
            if (cD < times) add(oD, r + 3, 1);
            if (c.yesterdayOfDay && cP < times) add(oD, r + 4, 1);
          }
          if (c.onBefore) {
            add(oP, r, 1);
            add(oP, r + 1, times);
            add(oP, r + 2, Math.min(cP, times));
            if (cP < times) add(oP, r + 3, 1);
            if (c.yesterdayOfBefore && cPP < times) add(oP, r + 4, 1);
          }
        }
      }
    }
  }

  if (vs.length > 0) {
    for (const b of buckets(ledger.volunteers)) {
      for (let k = 1; k < b.length; k += 2) {
        const i = indexOf.get((b[k] as { readonly teamId: string }).teamId);
        if (i === undefined) continue;
        for (const c of vs) {
          if (c.mask[i] !== 1) continue;
          if (c.onDay) add(oD, i * F + VS, 1);
          if (c.onBefore) add(oP, i * F + VS, 1);
        }
      }
    }
    for (const b of buckets(ledger.tasks)) {
      for (let k = 1; k < b.length; k += 2) {
        const t = b[k] as VolunteerTask;
        const onDay = t.day === D;
        if (!onDay && t.day !== P) continue;
        const c = find(vs, t.campaignId);
        if (c === undefined || !(onDay ? c.onDay : c.onBefore)) continue;
        const i = indexOf.get(t.unitId);
        if (i === undefined || c.mask[i] !== 1) continue;
        const o = onDay ? oD : oP;
        const r = i * F + VS;
        add(o, r + 1, 1);
        add(o, r + 2, t.places);
        add(o, r + 3, t.signUps.length);
        add(o, r + 4, t.attended.length);
        for (const a of t.attended) add(o, r + 5, a.hours);
        if (t.signUps.length < t.places) add(o, r + 6, 1);
      }
    }
  }

  // duty: the seats of both days in every published roster (a seat is `post/day/shift/slot`)
  if (ledger.rosters.size > 0) {
    const postUnit = new Map<string, number>();
    for (const b of buckets(ledger.posts)) {
      for (let k = 1; k < b.length; k += 2) {
        const p = b[k] as { readonly id: string; readonly unitId: string };
        postUnit.set(p.id, indexOf.get(p.unitId) ?? -1);
      }
    }
    const markerD = `/${D}/`;
    const markerP = `/${P}/`;
    for (const b of buckets(ledger.rosters)) {
      for (let k = 1; k < b.length; k += 2) {
        const roster = b[k] as PublishedRoster;
        const prefix = `${roster.id}|`;
        for (const seat of roster.seats) {
          const cut = seat.indexOf('/');
          let o: Float64Array;
          if (seat.startsWith(markerD, cut)) {
            hasD = true;
            o = oD;
          } else if (seat.startsWith(markerP, cut)) {
            hasP = true;
            o = oP;
          } else continue;
          const i = postUnit.get(seat.slice(0, cut));
          if (i === undefined || i < 0) continue;
          const duty = tableGet(ledger.duties, prefix + seat);
          const filled = duty !== undefined && duty.personId !== null;
          const r = i * F + DUTY;
          add(o, r, 1);
          if (filled) add(o, r + 1, 1);
          if (seat.endsWith('/L')) {
            add(o, r + 2, 1);
            if (filled) add(o, r + 3, 1);
          }
          if (duty?.attendance !== undefined) {
            add(o, r + 4, 1);
            if (duty.attendance.status === 'absent') add(o, r + 5, 1);
          }
        }
      }
    }
  }

  // supervision: inspections of each day, findings raised, open and overdue at its end
  for (const b of buckets(ledger.inspections)) {
    for (let k = 1; k < b.length; k += 2) {
      const ins = b[k] as { readonly unitId: string; readonly at: string };
      const at = dayKey(ins.at);
      if (at >= N || at < P) continue;
      const onDay = at >= D;
      if (onDay) hasD = true;
      else hasP = true;
      const i = indexOf.get(ins.unitId);
      if (i !== undefined) add(onDay ? oD : oP, i * F + SUP, 1);
    }
  }
  for (const b of buckets(ledger.findings)) {
    for (let k = 1; k < b.length; k += 2) {
      const f = b[k] as Finding;
      if (f.raisedOn > D) continue;
      const i = indexOf.get(f.unitId);
      if (i === undefined) continue;
      const r = i * F + SUP;
      for (let x = 0; x < 2; x++) {
        const X = x === 0 ? D : P;
        if (f.raisedOn > X) continue;
        const o = x === 0 ? oD : oP;
        if (f.raisedOn === X) add(o, r + 1, 1);
        if (f.closedOn === undefined || f.closedOn > X) {
          add(o, r + 2, 1);
          // the deadline as of X: the last reopening recorded by then (deadlineOn)
          const next = x === 0 ? N : D;
          let deadline: string = f.firstDeadline;
          for (const a of f.actions) if (a.kind === 'reopened' && a.deadline !== undefined && dayKey(a.at) < next) deadline = a.deadline;
          if (deadline < X) add(o, r + 3, 1);
        }
      }
    }
  }

  // member development: each case's stage at the end of each day (from its steps up to then), and the steps of the day
  const STAGE: Record<string, number> = { nonMember: 0, applicant: 1, activist: 2, developmentTarget: 3, probationaryMember: 4, fullMember: 5, cancelled: 6 };
  for (const b of buckets(ledger.admissions)) {
    for (let k = 1; k < b.length; k += 2) {
      const c = b[k] as AdmissionCase;
      const i = indexOf.get(c.branch);
      if (i === undefined) continue;
      for (let x = 0; x < 2; x++) {
        const X = x === 0 ? D : P;
        const o = x === 0 ? oD : oP;
        const state = emptyState();
        let any = false;
        for (const step of c.steps) {
          if (step.day > X) continue;
          applyStep(state, step);
          any = true;
          if (step.day === X) add(o, i * F + ADM + 7, 1);
        }
        if (!any && !(c.openedOn !== undefined && c.openedOn <= X)) continue;
        add(o, i * F + ADM + (STAGE[state.status] as number), 1);
      }
    }
  }

  // roll up: units are in preorder, so sweeping backwards adds every unit into its parent after
  // its own subtree is complete
  const parentIndex = tree.parentIndex;
  for (let i = n - 1; i > 0; i--) {
    const p = parentIndex[i] as number;
    if (p < 0) continue;
    const to = p * F;
    const fr = i * F;
    for (let f = 0; f < F; f++) {
      oD[to + f] = (oD[to + f] as number) + (oD[fr + f] as number);
      oP[to + f] = (oP[to + f] as number) + (oP[fr + f] as number);
    }
  }
  const at = indexOf.get(tree.root) as number;
  const end = tree.subtreeEnd[at] as number;
  const rows: { unitId: OrgId; summary: DispatchSummary }[] = [];
  for (let c = at + 1; c < end; c = tree.subtreeEnd[c] as number) rows.push({ unitId: (tree.units[c] as OrgUnit).id, summary: summaryAt(oD, c) });
  return { hasData: hasD, hasDataBefore: hasP, total: summaryAt(oD, at), previous: hasP ? summaryAt(oP, at) : null, rows, day: oD, before: oP };
}

/**
 * Where a summary of the library and one of the baseline differ, figure by figure (also when the
 * library has a figure the baseline does not know); empty when every number is equal.
 */
export function summaryDifferences(label: string, ours: DispatchSummary, hand: DispatchSummary): string[] {
  const out: string[] = [];
  for (const part of SUMMARY_PARTS) {
    const a = ours[part] as unknown as Record<string, unknown>;
    const b = hand[part] as unknown as Record<string, unknown>;
    const names: readonly string[] = SUMMARY_FIELDS[part];
    const unknown = Object.keys(a).filter((key) => key !== 'kind' && !names.includes(key));
    if (unknown.length > 0) out.push(`${label} ${part}: figures the baseline does not compute: ${unknown.join(', ')}`);
    for (const name of names) if (a[name] !== b[name]) out.push(`${label} ${part}.${name}: ours ${String(a[name])}, hand-written ${String(b[name])}`);
  }
  return out;
}

/** Numbers in a summary (what one comparison checks). */
export const NUMBERS_PER_SUMMARY = FIGURES;
