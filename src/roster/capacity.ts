import type { Day } from '../core/day.js';
import type { OrgId } from '../core/ids.js';
import { LABELS, type Label } from '../core/vocabulary.js';
import { compileProblem, type Compiled, type ShiftTimes } from './compile.js';
import { hours } from './explain.js';
import type { RosterProblem } from './model.js';

/**
 * One capacity shortfall: in a pool (or the whole problem, where pools cannot help each other), on
 * a day and shift (or a whole day, or seven days from `day`), more seats of a role than people who
 * could take them.
 *
 * @example
 * const s: CapacityShortfall = checkCapacity(problem).shortfalls[0]!;
 * s.short; // => s.seats - s.capacity
 * @category Rosters
 */
export interface CapacityShortfall {
  /** The pool, or `null` for the whole problem. */
  readonly poolId: OrgId | null;
  /** The day (the first of the seven for `span: 'week'`). */
  readonly day: Day;
  /** `shift`: one shift of the day; `day`: the whole day; `week`: seven days from `day`. */
  readonly span: 'shift' | 'day' | 'week';
  /** The shift, for `span: 'shift'`. */
  readonly shiftId: string | null;
  /** `leader`: leader seats of this requirement or a stricter one; `all`: every seat. */
  readonly role: 'leader' | 'all';
  /** For leader seats: the lowest cadre level they accept and whether they need a Party member. */
  readonly requirement: { readonly cadreLevel: string; readonly partyMember: boolean } | null;
  /** Seats to fill. */
  readonly seats: number;
  /**
   * Most seats the eligible, available people can fill: for a shift, the people available then; for
   * a day or seven days, each person's most shifts under the hard limits — shifts a day (H5), rest
   * between shifts (H6, across midnight too), consecutive days (H7) and shifts in 7 days (H8) —
   * summed.
   */
  readonly capacity: number;
  /** `seats - capacity`. */
  readonly short: number;
  /** The shortfall in words. */
  readonly message: Label;
}

/**
 * What {@link checkCapacity} found.
 *
 * @example
 * const { feasible, shortfalls } = checkCapacity(problem);
 * @category Rosters
 */
export interface CapacityReport {
  /** False when the whole problem is short somewhere: some seats will stay unfilled whatever the search does. */
  readonly feasible: boolean;
  /** Every shortfall, whole-problem ones first, then by pool, day and shift. */
  readonly shortfalls: readonly CapacityShortfall[];
  /** Seats in all. */
  readonly seats: number;
  /** Leader seats in all. */
  readonly leaderSeats: number;
}

const LEVEL_BY_RANK = ['', 'village', 'section', 'county'] as const;

/**
 * The pre-flight capacity check, before any search: Hall-type bounds per pool and for the whole
 * problem, leaders separately for each requirement. Per shift (the seats of one shift id at one
 * time): seats against people available then (a person can be in one seat at a time). Per day:
 * seats against the most shifts each person can work that day — no more than `maxShiftsPerDay`,
 * none overlapping, and at least `minRestHours` between one's end and the next one's start, so that
 * three back-to-back 8-hour shifts with 12 hours of rest allow one a day whatever the daily limit.
 * Per seven days: seats against the most shifts each person can work in the window — each day at
 * its most, in runs of days no longer than the consecutive-days limit when it is hard, no more than
 * can follow each other with their rest across midnight, capped by the 7-day limit. A shortfall of
 * a pool alone can be met from other pools (at a locality cost); one of the whole problem cannot.
 * Only real shortfalls are named: each bound holds for every roster.
 *
 * @param problem - The roster problem.
 * @returns Whether the whole problem has room for every seat, and each shortfall found.
 * @throws {@link FrontlineError} `invalid_roster` listing every problem of the problem.
 * @example
 * const report = checkCapacity(generateRosterProblem({ size: 'S', seed: 1 }));
 * report.feasible; // => false (150 leader seats a day, and 150 cadres who need a weekly rest day)
 * report.shortfalls[0]?.message.en; // => 'all pools, 7 days from 2020-02-01: 1050 leader (village cadre or above) seats, room for 889'
 * @category Rosters
 */
export function checkCapacity(problem: RosterProblem): CapacityReport {
  const c = compileProblem(problem);
  const pools = c.poolIds.length;
  const D = c.D;
  // leader requirement classes: rank × party, as an index 2 * rank + party
  const classes = new Set<number>();
  for (let i = 0; i < c.posts.length; i++) classes.add(2 * (c.postLeaderRank[i] as number) + (c.postLeaderParty[i] as number));
  const classList = [...classes].sort((a, b) => a - b);
  const stricter = (seatClass: number, cls: number): boolean => seatClass >> 1 >= cls >> 1 && (seatClass & 1) >= (cls & 1);
  const qualifiesFor = (p: number, cls: number): boolean => (c.pRank[p] as number) >= cls >> 1 && ((cls & 1) === 0 || c.pParty[p] === 1);

  // shifts by id and time (seats of one key overlap, so need as many people), each seat's key
  const shiftKeys = new Map<string, number>();
  const shiftList: ShiftTimes[] = [];
  const timesOfId = new Map<string, number>();
  const seatShiftKey = new Int32Array(c.S);
  for (let s = 0; s < c.S; s++) {
    const t = c.postShifts[c.seatPost[s] as number]?.[c.seatShift[s] as number];
    if (t === undefined) continue;
    const key = `${t.id}@${t.start}+${t.length}`;
    let k = shiftKeys.get(key);
    if (k === undefined) {
      shiftKeys.set(key, (k = shiftKeys.size));
      shiftList.push(t);
      timesOfId.set(t.id, (timesOfId.get(t.id) ?? 0) + 1);
    }
    seatShiftKey[s] = k;
  }
  const shiftIds = shiftList.map((t) => t.id);
  const crosses = Uint8Array.from(shiftList, (t) => (t.start + t.length > 1440 ? 1 : 0));
  const NS = shiftIds.length;
  /** A shift's name, with its times when other shifts share its id. */
  const shiftLabel = (k: number): Label => {
    const t = shiftList[k] as ShiftTimes;
    const name = shiftName(c, t.id);
    if ((timesOfId.get(t.id) ?? 0) < 2) return name;
    const times = `${clock(t.start)}–${clock(t.start + t.length)}`;
    return { zh: `${name.zh}(${times})`, en: `${name.en} (${times})` };
  };
  // demand: [scope (pool or all = pools)] × day × shift × (class index or all)
  const roles = classList.length + 1;
  const scopes = pools + 1;
  const demand = new Int32Array(scopes * D * NS * roles);
  const at = (scope: number, d: number, k: number, r: number): number => ((scope * D + d) * NS + k) * roles + r;
  let leaderSeats = 0;
  for (let s = 0; s < c.S; s++) {
    const post = c.seatPost[s] as number;
    const pool = c.postPool[post] as number;
    const d = c.seatDay[s] as number;
    const k = seatShiftKey[s] as number;
    for (const scope of [pool, pools]) demand[at(scope, d, k, classList.length)]!++;
    if (c.seatSlot[s] !== 0) continue;
    leaderSeats++;
    const cls = 2 * (c.postLeaderRank[post] as number) + (c.postLeaderParty[post] as number);
    classList.forEach((x, r) => {
      if (stricter(cls, x)) for (const scope of [pool, pools]) demand[at(scope, d, k, r)]!++;
    });
  }
  // supply: people available on a day for a shift, by role
  const supply = new Int32Array(scopes * D * NS * roles);
  // per day: the shifts one person can work (H5 and H6 together), summed, and the people who can work some
  const dayCap = new Int32Array(scopes * D * roles);
  const dayPeople = new Int32Array(scopes * D * roles);
  // 7-day capacity per window: Σ each person's most shifts in the window
  const nW = D > 7 ? D - 6 : 1;
  const weekCap = new Int32Array(scopes * nW * roles);
  // the shifts worked on each day (by some seat), and the instances of every day in time order
  const allScope = pools;
  const worked = new Uint8Array(D * NS);
  for (let d = 0; d < D; d++) for (let k = 0; k < NS; k++) if ((demand[at(allScope, d, k, classList.length)] as number) > 0) worked[d * NS + k] = 1;
  const chain = new ShiftChain(shiftList, c.K, c.restMin);
  const none = '0'.repeat(NS);
  /** The most shifts one person can work on each day, from the codes of the shifts open to them. */
  const daysMost = (codes: readonly string[], out: Int32Array): void => {
    for (let d = 0; d < D; d++) out[d] = codes[d] === none ? 0 : chain.most([codes[d] as string]);
  };
  /** The most shifts one person can work in the window from day `w`. */
  const weekMost = (codes: readonly string[], perDay: Int32Array, w: number): number => {
    const end = Math.min(D, w + 7);
    // the window's days, each at its most: in runs of working days no longer than maxConsec with a
    // day off between them when H7 is hard (the best days of each run)…
    let byDays = 0;
    let runStart = w;
    for (let d = w; d <= end; d++) {
      if (d < end && (perDay[d] as number) > 0) continue;
      const run = d - runStart;
      if (run > 0) {
        if (!c.consecHard || run <= c.maxConsec) for (let x = runStart; x < d; x++) byDays += perDay[x] as number;
        else byDays += bestDays(perDay, runStart, d, workableDays(run, c.maxConsec));
      }
      runStart = d + 1;
    }
    if (byDays === 0) return 0;
    // …no more than one person can chain across the days (H5 and H6 over midnight), nor the 7-day limit
    return Math.min(c.max7Hard ? c.max7 : Infinity, byDays, end - w === 1 ? byDays : chain.most(codes.slice(w, end)));
  };
  // someone free every day of the horizon (and the day after) has every shift worked open: computed once
  const fullCodes = Array.from({ length: D }, (_, d) => ShiftChain.code(worked, d, NS));
  const fullPerDay = new Int32Array(D);
  daysMost(fullCodes, fullPerDay);
  const fullWeek = Array.from({ length: nW }, (_, w) => weekMost(fullCodes, fullPerDay, w));
  const open = new Uint8Array(D * NS);
  const codes: string[] = new Array<string>(D);
  const mine = new Int32Array(D);
  for (let p = 0; p < c.P; p++) {
    const pool = c.pPool[p] as number;
    const rolesOf: number[] = [classList.length];
    classList.forEach((x, r) => {
      if (qualifiesFor(p, x)) rolesOf.push(r);
    });
    let free = !c.blockedAfter.has(p);
    open.fill(0);
    for (let d = 0; d < D; d++) {
      const b = c.blocked[p * D + d];
      if (b !== 0) free = false;
      if (b === 1) continue;
      const partial = b === 2 ? c.blockedShifts.get(p * D + d) : undefined;
      // shifts running past midnight into a day of absence are out of reach
      const nextOff = d + 1 < D ? c.blocked[p * D + d + 1] === 1 : c.blockedAfter.has(p);
      for (let k = 0; k < NS; k++) {
        if (partial?.has(shiftIds[k] as string) === true) continue;
        if (nextOff && crosses[k] === 1) continue;
        for (const r of rolesOf) for (const scope of [pool, pools]) supply[at(scope, d, k, r)]!++;
        if (worked[d * NS + k] === 1) open[d * NS + k] = 1;
      }
    }
    let perDay = fullPerDay;
    if (!free) {
      for (let d = 0; d < D; d++) codes[d] = ShiftChain.code(open, d, NS);
      daysMost(codes, mine);
      perDay = mine;
    }
    for (let d = 0; d < D; d++) {
      const m = perDay[d] as number;
      if (m === 0) continue;
      for (const r of rolesOf) {
        for (const scope of [pool, pools]) {
          dayCap[(scope * D + d) * roles + r]! += m;
          dayPeople[(scope * D + d) * roles + r]!++;
        }
      }
    }
    for (let w = 0; w < nW; w++) {
      const cap = free ? (fullWeek[w] as number) : weekMost(codes, mine, w);
      if (cap === 0) continue;
      for (const r of rolesOf) for (const scope of [pool, pools]) weekCap[(scope * nW + w) * roles + r]! += cap;
    }
  }

  const shortfalls: CapacityShortfall[] = [];
  const scopeOrder = [pools, ...Array.from({ length: pools }, (_, i) => i)];
  for (const scope of scopeOrder) {
    const poolId = scope === pools ? null : (c.poolIds[scope] as OrgId);
    const where = scope === pools ? { zh: '全部乡镇', en: 'all pools' } : { zh: c.poolNames[scope] ?? '', en: c.poolNames[scope] ?? '' };
    for (let r = 0; r < roles; r++) {
      const cls = r < classList.length ? (classList[r] as number) : -1;
      const role = cls < 0 ? 'all' : 'leader';
      const requirement = cls < 0 ? null : { cadreLevel: LEVEL_BY_RANK[cls >> 1] ?? 'village', partyMember: (cls & 1) === 1 };
      const what = roleWords(requirement);
      // seven-day windows
      for (let w = 0; w < nW; w++) {
        let seats = 0;
        for (let d = w; d < Math.min(D, w + 7); d++) for (let k = 0; k < NS; k++) seats += demand[at(scope, d, k, r)] as number;
        const cap = weekCap[(scope * nW + w) * roles + r] as number;
        if (seats > cap) {
          const span = Math.min(D, w + 7) - w;
          shortfalls.push({
            poolId, day: c.days[w] as Day, span: 'week', shiftId: null, role, requirement, seats, capacity: cap, short: seats - cap,
            message: {
              zh: `${where.zh}，${c.days[w]}起${span}天：${what.zh}席位${seats}个，最多可排${cap}个`,
              en: `${where.en}, ${span} days from ${c.days[w]}: ${seats} ${what.en} seats, room for ${cap}`,
            },
          });
        }
      }
      for (let d = 0; d < D; d++) {
        let seats = 0;
        for (let k = 0; k < NS; k++) seats += demand[at(scope, d, k, r)] as number;
        const cap = dayCap[(scope * D + d) * roles + r] as number;
        if (seats > cap) {
          const people = dayPeople[(scope * D + d) * roles + r] as number;
          shortfalls.push({
            poolId, day: c.days[d] as Day, span: 'day', shiftId: null, role, requirement, seats, capacity: cap, short: seats - cap,
            message: {
              zh: `${where.zh}，第${d + 1}天(${c.days[d]})：${what.zh}席位${seats}个，符合条件可用${people}人，最多可排${cap}个（每日至多${c.K}班，班次间休息不少于${hours(c.restMin)}小时）`,
              en: `${where.en}, day ${d + 1} (${c.days[d]}): ${seats} ${what.en} seats, ${people} eligible people with room for ${cap} (at most ${c.K} shift${c.K === 1 ? '' : 's'} a day, ${hours(c.restMin)} h of rest between shifts)`,
            },
          });
        }
        for (let k = 0; k < NS; k++) {
          const seatsK = demand[at(scope, d, k, r)] as number;
          const people = supply[at(scope, d, k, r)] as number;
          if (seatsK > people) {
            shortfalls.push({
              poolId, day: c.days[d] as Day, span: 'shift', shiftId: shiftIds[k] as string, role, requirement, seats: seatsK, capacity: people, short: seatsK - people,
              message: {
                zh: `${where.zh}，第${d + 1}天(${c.days[d]}) ${shiftLabel(k).zh}：${what.zh}席位${seatsK}个，符合条件可用${people}人`,
                en: `${where.en}, day ${d + 1} (${c.days[d]}) ${shiftLabel(k).en}: ${seatsK} ${what.en} seats, ${people} eligible people`,
              },
            });
          }
        }
      }
    }
  }
  return { feasible: !shortfalls.some((s) => s.poolId === null), shortfalls, seats: c.S, leaderSeats };
}

/** The sum of the `n` largest values of `values[from…to)`. */
function bestDays(values: Int32Array, from: number, to: number, n: number): number {
  const sorted = Array.from(values.subarray(from, to)).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < n && i < sorted.length; i++) sum += sorted[i] as number;
  return sum;
}

/**
 * The most shifts one person can work over a span of days, from the shifts open to them on each
 * day: no two overlapping, at least the minimum rest from one's end to the next one's start (H5,
 * H6, across midnight too), at most `maxShiftsPerDay` starting on one day (H5). Exact: a longest
 * path over the shift instances in time order, whose state is the last shift taken and how many its
 * day already holds. A day's open shifts are a code (`'1'` or `'0'` per shift); answers are
 * remembered by the codes of the span's days, so people with the same availability share one
 * computation.
 */
class ShiftChain {
  private readonly memo = new Map<string, number>();
  private best: Int32Array = new Int32Array(0);
  private iDay: Int32Array = new Int32Array(0);
  private iStart: Int32Array = new Int32Array(0);
  private iEnd: Int32Array = new Int32Array(0);
  /** Shift indexes in order of start within the day, then of length. */
  private readonly order: readonly number[];

  constructor(
    private readonly shifts: readonly ShiftTimes[],
    private readonly K: number,
    private readonly rest: number,
  ) {
    this.order = shifts.map((_, k) => k).sort((a, b) => (shifts[a] as ShiftTimes).start - (shifts[b] as ShiftTimes).start || (shifts[a] as ShiftTimes).length - (shifts[b] as ShiftTimes).length);
  }

  /** The code of the shifts open on a day: `'1'` or `'0'` per shift. */
  static code(open: Uint8Array, d: number, NS: number): string {
    let bits = '';
    for (let k = 0; k < NS; k++) bits += open[d * NS + k] === 1 ? '1' : '0';
    return bits;
  }

  /** The most shifts one person can work on the days whose codes are `days`, in order. */
  most(days: readonly string[]): number {
    const key = days.join('|');
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const value = this.solve(days);
    this.memo.set(key, value);
    return value;
  }

  private solve(days: readonly string[]): number {
    const K = this.K;
    const rest = this.rest;
    const size = days.length * this.shifts.length;
    if (this.iDay.length < size) {
      this.iDay = new Int32Array(size);
      this.iStart = new Int32Array(size);
      this.iEnd = new Int32Array(size);
      this.best = new Int32Array(size * K);
    }
    // the instances in order of start: a day's after the day before's, each day's by start
    let n = 0;
    days.forEach((code, d) => {
      for (const k of this.order) {
        if (code.charCodeAt(k) !== 49) continue; // '1'
        const t = this.shifts[k] as ShiftTimes;
        this.iDay[n] = d;
        this.iStart[n] = d * 1440 + t.start;
        this.iEnd[n] = d * 1440 + t.start + t.length;
        n++;
      }
    });
    const best = this.best;
    best.fill(0, 0, n * K);
    let most = 0;
    for (let i = 0; i < n; i++) {
      best[i * K] = 1;
      const si = this.iStart[i] as number;
      const di = this.iDay[i] as number;
      for (let j = 0; j < i; j++) {
        if (si < (this.iEnd[j] as number) + rest) continue;
        const same = this.iDay[j] === di;
        for (let cj = 0; cj < K; cj++) {
          const v = best[j * K + cj] as number;
          if (v === 0) continue;
          const ci = same ? cj + 1 : 0;
          if (ci < K && v + 1 > (best[i * K + ci] as number)) best[i * K + ci] = v + 1;
        }
      }
      for (let ci = 0; ci < K; ci++) most = Math.max(most, best[i * K + ci] as number);
    }
    return most;
  }
}

/** The most days of a run of `n` consecutive days that can be worked with at most `m` in a row. */
function workableDays(n: number, m: number): number {
  return Math.floor(n / (m + 1)) * m + Math.min(n % (m + 1), m);
}

/** `HH:mm` of minutes after midnight (wrapping past midnight). */
function clock(minutes: number): string {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function roleWords(req: { cadreLevel: string; partyMember: boolean } | null): Label {
  if (req === null) return { zh: '全部', en: 'all' };
  const level = LABELS.cadreLevel[req.cadreLevel as keyof typeof LABELS.cadreLevel];
  return {
    zh: `带班领导(${level.zh}及以上${req.partyMember ? '党员' : ''})`,
    en: `leader (${level.en} or above${req.partyMember ? ', Party member' : ''})`,
  };
}

function shiftName(c: Compiled, id: string): Label {
  for (const post of c.posts) for (const s of post.shifts) if (s.id === id) return { zh: s.name ?? id, en: id };
  return { zh: id, en: id };
}
