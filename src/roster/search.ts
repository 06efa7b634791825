import { createRandom, type Random } from '../core/random.js';
import type { Compiled } from './compile.js';
import { seatsByStart } from './order.js';
import { RosterState } from './state.js';

/** @internal A list of candidates with a rotating start, so that construction spreads the load. */
export interface Tier {
  readonly items: Int32Array;
  ptr: number;
}

/** Most seats one move touches (a block swap: two people over three days). */
const MAX_TOUCHED = 8;
/** Iterations without a better roster, while seats stay empty, before a kick (and between kicks). */
const KICK_AFTER = 500;
/** How many feasible candidates construction compares for a seat before it settles. */
const SAMPLE = 8;
/** Construction's extra cost for a cadre in a staff seat, to keep cadres for leader seats. */
const CADRE_IN_STAFF_SEAT = 25;

/**
 * @internal Candidate lists per unit, pool and the whole problem, filtered by role: leader seats
 * (by required rank and Party membership) and staff seats (non-cadres first, then everyone).
 */
export class Candidates {
  private readonly c: Compiled;
  private readonly cache = new Map<string, Tier>();
  private readonly unitPeople: number[][];
  private readonly poolPeople: number[][];
  /** Per post: tiers for its leader seats, its staff seats (non-cadres), its staff seats (anyone). */
  readonly leaderTiers: Tier[][];
  readonly staffTiers: Tier[][];
  readonly staffAnyTiers: Tier[][];

  constructor(c: Compiled) {
    this.c = c;
    this.unitPeople = Array.from({ length: c.unitCount }, () => []);
    this.poolPeople = Array.from({ length: c.poolIds.length }, () => []);
    for (let p = 0; p < c.P; p++) {
      if (c.availDays[p] === 0) continue;
      this.unitPeople[c.pUnit[p] as number]?.push(p);
      this.poolPeople[c.pPool[p] as number]?.push(p);
    }
    this.leaderTiers = [];
    this.staffTiers = [];
    this.staffAnyTiers = [];
    for (let i = 0; i < c.posts.length; i++) {
      const unit = c.postUnit[i] as number;
      const pool = c.postPool[i] as number;
      const role = (c.postLeaderRank[i] as number) * 2 + (c.postLeaderParty[i] as number);
      this.leaderTiers.push([this.tier('u', unit, role), this.tier('p', pool, role), this.tier('a', 0, role)]);
      this.staffTiers.push([this.tier('u', unit, 0), this.tier('p', pool, 0), this.tier('a', 0, 0)]);
      this.staffAnyTiers.push([this.tier('u', unit, 1), this.tier('p', pool, 1), this.tier('a', 0, 1)]);
    }
  }

  /** The tiers for a seat: leader-qualified for a leader seat; for a staff seat, non-cadres, or anyone when `any`. */
  tiersOf(s: number, any: boolean): Tier[] {
    const post = this.c.seatPost[s] as number;
    const list = this.c.seatSlot[s] === 0 ? this.leaderTiers : any ? this.staffAnyTiers : this.staffTiers;
    return list[post] as Tier[];
  }

  /**
   * A list filtered by role: 0 non-cadres, 1 anyone, ≥2 leaders of rank `role >> 1` (and Party
   * members when `role & 1`).
   */
  private tier(kind: 'u' | 'p' | 'a', index: number, role: number): Tier {
    const key = `${kind}${index}:${role}`;
    let t = this.cache.get(key);
    if (t !== undefined) return t;
    const c = this.c;
    const source = kind === 'u' ? (this.unitPeople[index] ?? []) : kind === 'p' ? (this.poolPeople[index] ?? []) : this.poolPeople.flat();
    const rank = role >> 1;
    const party = role & 1;
    const items = source.filter((p) =>
      role === 0 ? c.pRank[p] === 0 : role === 1 ? true : (c.pRank[p] as number) >= rank && (party === 0 || c.pParty[p] === 1),
    );
    t = { items: Int32Array.from(items), ptr: 0 };
    this.cache.set(key, t);
    return t;
  }
}

/**
 * @internal The cheapest feasible person for a seat by locality, load and preference: up to a few
 * feasible candidates from each tier's rotating start, in the post's own unit and own pool, and
 * only when neither has one, anywhere. -1 when nobody can take it.
 */
export function pickFor(st: RosterState, s: number, tiers: readonly Tier[], exhausted?: Map<Tier, Set<number>>): number {
  const c = st.c;
  const night = c.seatNight[s] === 1;
  const staff = c.seatSlot[s] !== 0;
  const d = c.seatDay[s] as number;
  // a seat time whose widest tier had nobody stays so: construction only adds
  const timeKey = (c.seatStart[s] as number) * 1441 + (c.seatEnd[s] as number) - (c.seatStart[s] as number);
  let best = -1;
  let bestCost = Infinity;
  for (let ti = 0; ti < tiers.length; ti++) {
    const tier = tiers[ti] as Tier;
    const items = tier.items;
    const n = items.length;
    if (n === 0) continue;
    const last = ti === tiers.length - 1;
    if (last && best >= 0) return best;
    if (last && exhausted?.get(tier)?.has(timeKey) === true) continue;
    let feasible = 0;
    let i = tier.ptr;
    for (let scanned = 0; scanned < n; scanned++) {
      const p = items[i] as number;
      if (++i === n) i = 0;
      if (st.why(p, s) !== 0) continue;
      let cost = st.seatCost(p, s) + (c.fair[p] as number) * (2 * (st.load[p] as number) + 1);
      if (night) cost += (c.nightFair[p] as number) * (2 * (st.nights[p] as number) + 1);
      const pr = c.pref[p * c.D + d];
      if (pr === 1) cost -= c.w.desiredDay;
      else if (pr === -1) cost += c.w.undesiredDay;
      if (staff && c.pRank[p] !== 0) cost += CADRE_IN_STAFF_SEAT;
      if (cost < bestCost) {
        bestCost = cost;
        best = p;
      }
      if (++feasible >= SAMPLE) break;
    }
    tier.ptr = i;
    if (last && best < 0 && exhausted !== undefined) {
      let set = exhausted.get(tier);
      if (set === undefined) exhausted.set(tier, (set = new Set()));
      set.add(timeKey);
    }
  }
  return best;
}

/**
 * @internal Construction, day by day: fixed seats first, then the published roster where it still
 * holds, then the remaining seats, leaders before staff, scarcest pools first, each to the cheapest
 * feasible person; a seat nobody can take is left empty.
 */
export function construct(st: RosterState, cand: Candidates): void {
  const c = st.c;
  for (let s = 0; s < c.S; s++) if (c.fixed[s] === 1 && (c.fixedPerson[s] as number) >= 0) st.add(c.fixedPerson[s] as number, s);
  if (c.hasPublished) {
    const order = seatsByStart(c);
    for (const s of order) {
      const p = c.published[s] as number;
      if (c.fixed[s] === 0 && p >= 0 && st.assign[s] === -1 && st.why(p, s) === 0) st.add(p, s);
    }
  }
  // pool scarcity: leader seats per eligible person, highest first
  const demand = new Float64Array(c.poolIds.length);
  const supply = new Float64Array(c.poolIds.length);
  for (let s = 0; s < c.S; s++) if (c.seatSlot[s] === 0) demand[c.postPool[c.seatPost[s] as number] as number]! += 1;
  for (let p = 0; p < c.P; p++) if (c.pRank[p] !== 0) supply[c.pPool[p] as number]! += c.availDays[p] as number;
  const scarcity = (s: number): number => {
    const pool = c.postPool[c.seatPost[s] as number] as number;
    return (demand[pool] as number) / Math.max(1, supply[pool] as number);
  };
  const byDay: number[][] = Array.from({ length: c.D }, () => []);
  for (let s = 0; s < c.S; s++) if (c.fixed[s] === 0 && st.assign[s] === -1) byDay[c.seatDay[s] as number]?.push(s);
  const exhausted = new Map<Tier, Set<number>>();
  for (let d = 0; d < c.D; d++) {
    const seats = byDay[d] as number[];
    seats.sort((x, y) => {
      const lx = c.seatSlot[x] === 0 ? 0 : 1;
      const ly = c.seatSlot[y] === 0 ? 0 : 1;
      if (lx !== ly) return lx - ly;
      const sx = scarcity(x);
      const sy = scarcity(y);
      if (sx !== sy) return sy - sx;
      return (c.seatStart[x] as number) - (c.seatStart[y] as number) || x - y;
    });
    for (const s of seats) {
      let p = pickFor(st, s, cand.tiersOf(s, false), exhausted);
      if (p < 0 && c.seatSlot[s] !== 0) p = pickFor(st, s, cand.tiersOf(s, true), exhausted);
      if (p >= 0) st.add(p, s);
    }
  }
}

/** @internal What a search reports as it goes. */
export interface SearchProgress {
  readonly iteration: number;
  readonly medium: number;
  readonly soft: number;
}

/** @internal Search settings. */
export interface SearchSettings {
  readonly seed: number;
  readonly iterations: number;
  readonly deadline: number;
  readonly historyLength: number;
  readonly progressEvery: number;
  readonly onProgress?: (p: SearchProgress) => void;
  /** Restrict moves to these seats (repair); all movable seats when absent. */
  readonly seats?: Int32Array;
  /** Stop after this many iterations without a new best. */
  readonly idleLimit: number;
}

/** @internal Counts of a search. */
export interface SearchCounts {
  evaluations: number;
  feasible: number;
  accepted: number;
  improvements: number;
}

/**
 * @internal Late-acceptance hill climbing over four moves (change a seat's person, moving them off
 * their seat that day if need be; fill an empty seat; swap two seats' people within a pool and a few
 * days; swap two people's seats over one to three days), never breaking a hard rule.
 * A move is kept when its `[medium, soft]` is no worse than the current one or than the one
 * `historyLength` iterations ago. The best state met is restored at the end.
 */
export function improve(st: RosterState, cand: Candidates, settings: SearchSettings): SearchCounts {
  const c = st.c;
  const rng: Random = createRandom(settings.seed);
  const counts: SearchCounts = { evaluations: 0, feasible: 0, accepted: 0, improvements: 0 };
  // movable seats, and seats by pool × day for swaps
  let movable: Int32Array;
  if (settings.seats !== undefined) movable = settings.seats.filter((s) => c.fixed[s] === 0);
  else {
    let n = 0;
    for (let s = 0; s < c.S; s++) if (c.fixed[s] === 0) n++;
    movable = new Int32Array(n);
    n = 0;
    for (let s = 0; s < c.S; s++) if (c.fixed[s] === 0) movable[n++] = s;
  }
  const M = movable.length;
  if (M === 0) return counts;
  // with a neighbourhood, no move may touch a seat outside it
  let inside: Uint8Array | null = null;
  if (settings.seats !== undefined) {
    inside = new Uint8Array(c.S);
    for (let i = 0; i < M; i++) inside[movable[i] as number] = 1;
  }
  const pools = c.poolIds.length;
  const D = c.D;
  const offsets = new Int32Array(pools * D + 1);
  for (let i = 0; i < M; i++) {
    const s = movable[i] as number;
    const k = (c.postPool[c.seatPost[s] as number] as number) * D + (c.seatDay[s] as number);
    offsets[k + 1] = (offsets[k + 1] as number) + 1;
  }
  for (let k = 0; k < pools * D; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const byPoolDay = new Int32Array(M);
  const fillAt = offsets.slice(0, pools * D);
  for (let i = 0; i < M; i++) {
    const s = movable[i] as number;
    const k = (c.postPool[c.seatPost[s] as number] as number) * D + (c.seatDay[s] as number);
    byPoolDay[fillAt[k] as number] = s;
    fillAt[k] = (fillAt[k] as number) + 1;
  }
  // unfilled movable seats
  const empty = new Int32Array(M);
  const emptyPos = new Int32Array(c.S).fill(-1);
  let emptyCount = 0;
  const markEmpty = (s: number): void => {
    const isEmpty = st.assign[s] === -1;
    const at = emptyPos[s] as number;
    if (isEmpty && at < 0) {
      empty[emptyCount] = s;
      emptyPos[s] = emptyCount++;
    } else if (!isEmpty && at >= 0) {
      const last = empty[--emptyCount] as number;
      empty[at] = last;
      emptyPos[last] = at;
      emptyPos[s] = -1;
    }
  };
  for (let i = 0; i < M; i++) markEmpty(movable[i] as number);

  const L = Math.max(1, settings.historyLength);
  const histM = new Float64Array(L).fill(st.medium);
  const histS = new Float64Array(L).fill(st.soft);
  let bestM = st.medium;
  let bestS = st.soft;
  let best: Int32Array | null = null; // a snapshot, taken only when the search leaves a best state
  let atBest = true;
  let sinceBest = 0;
  let lastKick = 0;
  const touched = new Int32Array(MAX_TOUCHED);
  const held = new Int32Array(MAX_TOUCHED);
  const now = new Int32Array(MAX_TOUCHED);
  /** A person's load, scaled for their availability. */
  const weight = (p: number): number => (st.load[p] as number) * (c.fair[p] as number);
  const randomTierPerson = (s: number): number => {
    const tiers = cand.tiersOf(s, true);
    const r = rng.next();
    const t = (r < 0.35 ? tiers[0] : r < 0.9 ? tiers[1] : tiers[2]) as Tier;
    const n = t.items.length;
    if (n === 0) {
      const pool = tiers[1] as Tier;
      return pool.items.length === 0 ? -1 : (pool.items[rng.int(pool.items.length)] as number);
    }
    return t.items[rng.int(n)] as number;
  };

  for (let it = 0; it < settings.iterations; it++) {
    if ((it & 1023) === 0 && it > 0 && Date.now() > settings.deadline) break;
    if (sinceBest > settings.idleLimit) break;
    if (settings.onProgress !== undefined && it % settings.progressEvery === 0 && it > 0) settings.onProgress({ iteration: it, medium: st.medium, soft: st.soft });
    const curM = st.medium;
    const curS = st.soft;
    counts.evaluations++;
    const r = rng.next();
    // the move: the seats it touches (at most three) and who held them
    let nt = 0;
    if (emptyCount > 0 && r >= 0.5 && r < 0.6) {
      // fill: an empty seat to someone from any tier; when a seat of theirs in the days around
      // keeps them away (overlap, rest, a run of days, the weekly limit), they leave it and
      // someone else takes it if anyone can
      const s1 = empty[rng.int(emptyCount)] as number;
      const tiers = cand.tiersOf(s1, true);
      const tier = tiers[rng.int(tiers.length)] as Tier;
      if (tier.items.length === 0) continue;
      const q = tier.items[rng.int(tier.items.length)] as number;
      const why = st.why(q, s1);
      touched[0] = s1;
      held[0] = -1;
      nt = 1;
      if (why !== 0) {
        if (why < 5 || why > 8) continue;
        const d = c.seatDay[s1] as number;
        if (rng.next() < 0.5 && c.K === 1) {
          // or: trade q's days around with someone else's, then give q the seat
          const b = tier.items[rng.int(tier.items.length)] as number;
          if (b === q) continue;
          let ok = true;
          for (let e = Math.max(0, d - 1); e <= Math.min(D - 1, d + 1) && ok; e++) {
            for (const p of [q, b]) {
              const x = st.pd[p * D + e] as number;
              if (x < 0) continue;
              if (c.fixed[x] === 1 || nt === MAX_TOUCHED || (inside !== null && inside[x] === 0)) ok = false;
              else {
                touched[nt] = x;
                held[nt++] = p;
              }
            }
          }
          if (!ok) continue;
          for (let i = 1; i < nt; i++) st.remove(touched[i] as number);
          for (let i = 1; i < nt && ok; i++) {
            const x = touched[i] as number;
            const other = held[i] === q ? b : q;
            if (st.why(other, x) === 0) st.add(other, x);
            else ok = false;
          }
          if (!ok || st.why(q, s1) !== 0) {
            setTouched(st, touched, held, nt);
            continue;
          }
          st.add(q, s1);
        } else {
          const span = why <= 6 ? c.reach : 6;
          const from = Math.max(0, d - span);
          const to = Math.min(D - 1, d + span);
          let count = 0;
          for (let e = from; e <= to; e++) count += st.cnt[q * D + e] as number;
          if (count === 0) continue;
          let pickAt = rng.int(count);
          let x = -1;
          for (let e = from; e <= to && x < 0; e++) {
            const at = (q * D + e) * c.K;
            for (let j = 0; j < c.K; j++) {
              const t = st.pd[at + j] as number;
              if (t >= 0 && pickAt-- === 0) {
                x = t;
                break;
              }
            }
          }
          if (x < 0 || c.fixed[x] === 1 || (inside !== null && inside[x] === 0)) continue;
          st.remove(x);
          touched[1] = x;
          held[1] = q;
          nt = 2;
          if (st.why(q, s1) !== 0) {
            setTouched(st, touched, held, nt);
            continue;
          }
          st.add(q, s1);
          for (let k = 0; k < 8; k++) {
            const r2 = randomTierPerson(x);
            if (r2 >= 0 && st.why(r2, x) === 0) {
              st.add(r2, x);
              break;
            }
          }
        }
      } else st.add(q, s1);
    } else if (r < 0.5 || (emptyCount > 0 && r < 0.6)) {
      // change: a seat (an empty one now and then) to another person; when that person holds
      // another seat that day, they move, and someone else takes their seat if anyone can
      let s1: number;
      if (r >= 0.5 && emptyCount > 0) s1 = empty[rng.int(emptyCount)] as number;
      else {
        // of two seats, the one whose holder carries more (tournament selection)
        s1 = movable[rng.int(M)] as number;
        const other = movable[rng.int(M)] as number;
        const a = st.assign[s1] as number;
        const b = st.assign[other] as number;
        if (b < 0 || (a >= 0 && weight(b) > weight(a))) s1 = other;
      }
      let q = randomTierPerson(s1);
      const q2 = randomTierPerson(s1);
      if (q < 0 || (q2 >= 0 && weight(q2) < weight(q))) q = q2;
      const old1 = st.assign[s1] as number;
      if (q < 0 || q === old1) continue;
      touched[0] = s1;
      held[0] = old1;
      nt = 1;
      if (old1 >= 0) st.remove(s1);
      let why = st.why(q, s1);
      if (why === 5 && c.K === 1) {
        const x = st.pd[q * D + (c.seatDay[s1] as number)] as number;
        if (x >= 0 && c.fixed[x] === 0 && (inside === null || inside[x] === 1)) {
          st.remove(x);
          touched[1] = x;
          held[1] = q;
          nt = 2;
          why = st.why(q, s1);
        }
      }
      if (why !== 0) {
        setTouched(st, touched, held, nt);
        continue;
      }
      st.add(q, s1);
      if (nt === 2) {
        const x = touched[1] as number;
        const r2 = randomTierPerson(x);
        if (r2 >= 0 && st.why(r2, x) === 0) st.add(r2, x);
      }
    } else if (r >= 0.85 && c.K === 1) {
      // block swap: two people exchange all their seats over a run of one to three days
      const s1 = movable[rng.int(M)] as number;
      const a = st.assign[s1] as number;
      if (a < 0) continue;
      const b = randomTierPerson(s1);
      if (b < 0 || b === a) continue;
      const d0 = c.seatDay[s1] as number;
      const d1 = Math.min(D - 1, d0 + rng.int(3));
      let ok = true;
      for (let d = d0; d <= d1 && ok; d++) {
        for (const p of [a, b]) {
          const x = st.pd[p * D + d] as number;
          if (x < 0) continue;
          if (c.fixed[x] === 1 || nt === MAX_TOUCHED || (inside !== null && inside[x] === 0)) {
            ok = false;
            break;
          }
          touched[nt] = x;
          held[nt++] = p;
        }
      }
      if (!ok || nt < 2) {
        nt = 0;
        continue;
      }
      for (let i = 0; i < nt; i++) st.remove(touched[i] as number);
      for (let i = 0; i < nt && ok; i++) {
        const x = touched[i] as number;
        const q = held[i] === a ? b : a;
        if (st.why(q, x) === 0) st.add(q, x);
        else ok = false;
      }
      if (!ok) {
        setTouched(st, touched, held, nt);
        continue;
      }
    } else {
      // swap: two seats of one pool, a few days apart
      const s1 = movable[rng.int(M)] as number;
      const pool = c.postPool[c.seatPost[s1] as number] as number;
      const d = (c.seatDay[s1] as number) + rng.int(5) - 2;
      if (d < 0 || d >= D) continue;
      const k = pool * D + d;
      const lo = offsets[k] as number;
      const n = (offsets[k + 1] as number) - lo;
      if (n === 0) continue;
      const s2 = byPoolDay[lo + rng.int(n)] as number;
      const old1 = st.assign[s1] as number;
      const old2 = st.assign[s2] as number;
      if (s2 === s1 || old1 === old2) continue;
      touched[0] = s1;
      held[0] = old1;
      touched[1] = s2;
      held[1] = old2;
      nt = 2;
      if (old1 >= 0) st.remove(s1);
      if (old2 >= 0) st.remove(s2);
      let ok = old2 < 0 || st.why(old2, s1) === 0;
      if (ok && old2 >= 0) st.add(old2, s1);
      ok = ok && (old1 < 0 || st.why(old1, s2) === 0);
      if (!ok) {
        setTouched(st, touched, held, nt);
        continue;
      }
      if (old1 >= 0) st.add(old1, s2);
    }
    counts.feasible++;
    const newM = st.medium;
    const newS = st.soft;
    const v = it % L;
    const hm = histM[v] as number;
    const hs = histS[v] as number;
    // a kick: while seats stay empty and nothing better turns up, now and then keep a move that
    // fills no fewer seats whatever it costs on the soft goals, to leave a dead end
    const kick = emptyCount > 0 && sinceBest >= KICK_AFTER && newM <= curM && it - lastKick >= KICK_AFTER;
    if (kick) lastKick = it;
    if (kick || newM < curM || (newM === curM && newS <= curS) || newM < hm || (newM === hm && newS <= hs)) {
      counts.accepted++;
      if (newM < bestM || (newM === bestM && newS < bestS)) {
        bestM = newM;
        bestS = newS;
        atBest = true;
        sinceBest = 0;
        counts.improvements++;
      } else {
        sinceBest++;
        if (atBest && (newM !== bestM || newS !== bestS)) {
          // leaving the best state: keep a copy of it (undo, copy, redo)
          for (let i = 0; i < nt; i++) now[i] = st.assign[touched[i] as number] as number;
          setTouched(st, touched, held, nt);
          if (best === null) best = Int32Array.from(st.assign);
          else best.set(st.assign);
          setTouched(st, touched, now, nt);
          atBest = false;
        }
      }
      for (let i = 0; i < nt; i++) markEmpty(touched[i] as number);
    } else {
      sinceBest++;
      setTouched(st, touched, held, nt);
    }
    histM[v] = st.medium;
    histS[v] = st.soft;
  }
  if (!atBest && best !== null && (st.medium > bestM || (st.medium === bestM && st.soft > bestS))) restore(st, best);
  return counts;
}

/** Sets the touched seats to the given people (-1: empty), without checks. */
function setTouched(st: RosterState, seats: Int32Array, people: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) st.remove(seats[i] as number);
  for (let i = 0; i < n; i++) {
    const p = people[i] as number;
    if (p >= 0) st.add(p, seats[i] as number);
  }
}

/** Puts the state back to a snapshot of assignments. */
function restore(st: RosterState, snapshot: Int32Array): void {
  const c = st.c;
  for (let s = 0; s < c.S; s++) if (st.assign[s] !== snapshot[s] && st.assign[s] !== -1) st.remove(s);
  for (let s = 0; s < c.S; s++) if (st.assign[s] !== snapshot[s]) st.add(snapshot[s] as number, s);
}
