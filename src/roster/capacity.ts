import type { Day } from '../core/day.js';
import type { OrgId } from '../core/ids.js';
import { LABELS, type Label } from '../core/vocabulary.js';
import { compileProblem, type Compiled, type ShiftTimes } from './compile.js';
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
  /** Most seats the eligible, available people can fill (people for a shift; people × limit for longer spans). */
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
 * seats against people × shifts allowed a day. Per seven days: seats against the days each person
 * can work (available days, in runs no longer than the consecutive-days limit when it is hard) ×
 * shifts allowed a day, capped by the 7-day limit. A shortfall of a pool alone can be met from other
 * pools (at a locality cost); one of the whole problem cannot. Only real shortfalls are named: each
 * bound holds for every roster.
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
  const dayAvail = new Int32Array(scopes * D * roles);
  // 7-day capacity per window: Σ min(max7, K × available days in the window)
  const nW = D > 7 ? D - 6 : 1;
  const weekCap = new Int32Array(scopes * nW * roles);
  for (let p = 0; p < c.P; p++) {
    const pool = c.pPool[p] as number;
    const rolesOf: number[] = [classList.length];
    classList.forEach((x, r) => {
      if (qualifiesFor(p, x)) rolesOf.push(r);
    });
    const availOn = new Uint8Array(D);
    for (let d = 0; d < D; d++) {
      const b = c.blocked[p * D + d];
      if (b === 1) continue;
      availOn[d] = 1;
      const partial = b === 2 ? c.blockedShifts.get(p * D + d) : undefined;
      // shifts running past midnight into a day of absence are out of reach
      const nextOff = d + 1 < D ? c.blocked[p * D + d + 1] === 1 : c.blockedAfter.has(p);
      for (let k = 0; k < NS; k++) {
        if (partial?.has(shiftIds[k] as string) === true) continue;
        if (nextOff && crosses[k] === 1) continue;
        for (const r of rolesOf) for (const scope of [pool, pools]) supply[at(scope, d, k, r)]!++;
      }
      for (const r of rolesOf) for (const scope of [pool, pools]) dayAvail[(scope * D + d) * roles + r]!++;
    }
    for (let w = 0; w < nW; w++) {
      // working days possible in the window: each run of available days worked in stretches of at
      // most maxConsec days with a day off between them when H7 is hard, else every available day
      let days = 0;
      let run = 0;
      const end = Math.min(D, w + 7);
      for (let d = w; d <= end; d++) {
        if (d < end && availOn[d] === 1) run++;
        else {
          days += c.consecHard ? workableDays(run, c.maxConsec) : run;
          run = 0;
        }
      }
      const cap = Math.min(c.max7Hard ? c.max7 : Infinity, c.K * days);
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
        const cap = (dayAvail[(scope * D + d) * roles + r] as number) * c.K;
        if (seats > cap) {
          shortfalls.push({
            poolId, day: c.days[d] as Day, span: 'day', shiftId: null, role, requirement, seats, capacity: cap, short: seats - cap,
            message: {
              zh: `${where.zh}，第${d + 1}天(${c.days[d]})：${what.zh}席位${seats}个，符合条件可用${cap / c.K}人`,
              en: `${where.en}, day ${d + 1} (${c.days[d]}): ${seats} ${what.en} seats, ${cap / c.K} eligible people`,
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
