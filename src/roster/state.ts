import { qualifies, type Compiled } from './compile.js';

/** @internal The first hard constraint a person would break by taking a seat: 0 for none, else 1–9 (H1–H9). */
export type HardCode = 0 | 1 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * @internal The working state of a roster under search: who holds each seat, each person's shifts by
 * day, and the medium and soft scores kept up to date on every change, so that a move is checked
 * and scored in a few dozen array reads.
 */
export class RosterState {
  readonly c: Compiled;
  /** Person of each seat, -1 when unfilled. */
  readonly assign: Int32Array;
  /** Per person × day × slot (K per day): the seats held, -1 for none. */
  readonly pd: Int32Array;
  /**
   * Per person × day (key `p * D + d`): seats held beyond the K slots. Only fixed seats (locked or
   * frozen) get here, as nothing else is added past H5; they are kept so that every check still sees them.
   */
  readonly over = new Map<number, number[]>();
  /** Per person × day: shifts held. */
  readonly cnt: Uint8Array;
  /** Per person × day: night shifts held. */
  readonly nightCnt: Uint8Array;
  /** Per person: shifts and night shifts held. */
  readonly load: Int32Array;
  readonly nights: Int32Array;
  /** Per person: distinct posts led (S6). */
  readonly distinctLed: Int32Array;
  /** Leader seats held per post × person (S6). */
  readonly leadPairs = new Map<number, number>();
  /** M1 and S1–S6 totals (positive penalties). */
  medium = 0;
  soft = 0;

  constructor(c: Compiled) {
    this.c = c;
    this.assign = new Int32Array(c.S).fill(-1);
    this.pd = new Int32Array(c.P * c.D * c.K).fill(-1);
    this.cnt = new Uint8Array(c.P * c.D);
    this.nightCnt = new Uint8Array(c.P * c.D);
    this.load = new Int32Array(c.P);
    this.nights = new Int32Array(c.P);
    this.distinctLed = new Int32Array(c.P);
    const w = c.w;
    for (let s = 0; s < c.S; s++) {
      this.medium += c.seatSlot[s] === 0 ? w.unfilledLeader : w.unfilledStaff;
      this.soft += this.emptyCost(s);
    }
    if (w.desiredDay > 0) for (let i = 0; i < c.pref.length; i++) if (c.pref[i] === 1) this.soft += w.desiredDay;
  }

  /** S3 cost of a seat left empty. */
  emptyCost(s: number): number {
    return (this.c.published[s] as number) >= 0 ? this.c.w.changed : 0;
  }

  /** S1 + S3 cost of a person in a seat. */
  seatCost(p: number, s: number): number {
    const c = this.c;
    const post = c.seatPost[s] as number;
    let v = c.pUnit[p] === c.postUnit[post] ? 0 : c.pPool[p] === c.postPool[post] ? c.w.ownPool : c.w.elsewhere;
    const pub = c.published[s] as number;
    if (pub !== -2 && pub !== p) v += c.w.changed;
    return v;
  }

  /** M1 weight of a seat. */
  unfilledWeight(s: number): number {
    return this.c.seatSlot[s] === 0 ? this.c.w.unfilledLeader : this.c.w.unfilledStaff;
  }

  /** The first hard constraint `p` would break by taking seat `s` (which `p` does not hold), or 0. */
  why(p: number, s: number): HardCode {
    const c = this.c;
    if (c.seatSlot[s] === 0 && !qualifies(c, p, s)) return 1;
    const D = c.D;
    const d = c.seatDay[s] as number;
    const base = p * D;
    const k = base + d;
    const b = c.blocked[k];
    if (b === 1) return 4;
    if (b === 2) {
      const post = c.seatPost[s] as number;
      const id = c.postShifts[post]?.[c.seatShift[s] as number]?.id ?? '';
      if (c.blockedShifts.get(k)?.has(id) === true) return 4;
    }
    // a shift running past midnight into a day of absence
    if ((c.seatEnd[s] as number) > (d + 1) * 1440 && (d + 1 < D ? c.blocked[k + 1] === 1 : c.blockedAfter.has(p))) return 4;
    const cnt = this.cnt;
    if ((cnt[k] as number) >= c.K) return 5;
    const st = c.seatStart[s] as number;
    const en = c.seatEnd[s] as number;
    const rest = c.restMin;
    const K = c.K;
    const pd = this.pd;
    const lo = d - c.reach < 0 ? 0 : d - c.reach;
    const hi = d + c.reach >= D ? D - 1 : d + c.reach;
    for (let e = lo; e <= hi; e++) {
      if (cnt[base + e] === 0) continue;
      const at = (base + e) * K;
      for (let j = 0; j < K; j++) {
        const t = pd[at + j] as number;
        if (t < 0) continue;
        const ts = c.seatStart[t] as number;
        const te = c.seatEnd[t] as number;
        if (ts < en && st < te) return 5;
        if (te <= st ? st - te < rest : ts - en < rest) return 6;
      }
      if ((cnt[base + e] as number) > K) {
        for (const t of this.over.get(base + e) ?? []) {
          const ts = c.seatStart[t] as number;
          const te = c.seatEnd[t] as number;
          if (ts < en && st < te) return 5;
          if (te <= st ? st - te < rest : ts - en < rest) return 6;
        }
      }
    }
    if (c.consecHard && cnt[k] === 0) {
      const max = c.maxConsec;
      let run = 1;
      for (let e = d - 1; e >= 0 && cnt[base + e] !== 0 && run <= max; e--) run++;
      for (let e = d + 1; e < D && cnt[base + e] !== 0 && run <= max; e++) run++;
      if (run > max) return 7;
    }
    if (c.max7Hard) {
      const nW = D > 7 ? D - 6 : 1;
      const w0 = d - 6 < 0 ? 0 : d - 6;
      const w1 = d < nW - 1 ? d : nW - 1;
      const max = c.max7 - 1;
      let sum = 0;
      const end0 = w0 + 7 < D ? w0 + 7 : D;
      for (let e = w0; e < end0; e++) sum += cnt[base + e] as number;
      if (sum > max) return 8;
      for (let w = w0 + 1; w <= w1; w++) {
        sum += (cnt[base + w + 6] as number) - (cnt[base + w - 1] as number);
        if (sum > max) return 8;
      }
    }
    return 0;
  }

  /** The soft penalties of person `p` that depend on the days around day `d` (S4, S5, soft H7/H8). */
  local(p: number, d: number): number {
    const c = this.c;
    const w = c.w;
    const D = c.D;
    const base = p * D;
    const cnt = this.cnt;
    const nc = this.nightCnt;
    let v = 0;
    const here = cnt[base + d] as number;
    const pr = c.pref[base + d];
    if (pr === 1) {
      if (here === 0) v += w.desiredDay;
    } else if (pr === -1 && here > 0) v += w.undesiredDay;
    if (w.isolatedShift > 0) {
      const lo = d - 1 < 1 ? 1 : d - 1;
      const hi = d + 1 > D - 2 ? D - 2 : d + 1;
      for (let e = lo; e <= hi; e++) {
        if (cnt[base + e] !== 0 && cnt[base + e - 1] === 0 && cnt[base + e + 1] === 0) v += w.isolatedShift;
      }
    }
    if (w.nightToDay > 0) {
      for (let e = d < 1 ? 1 : d; e <= d + 1 && e < D; e++) {
        if (nc[base + e - 1] !== 0 && (cnt[base + e] as number) > (nc[base + e] as number)) v += w.nightToDay;
      }
    }
    if (!c.consecHard) {
      const max = c.maxConsec;
      if (here > 0) {
        let run = 1;
        for (let e = d - 1; e >= 0 && cnt[base + e] !== 0; e--) run++;
        for (let e = d + 1; e < D && cnt[base + e] !== 0; e++) run++;
        if (run > max) v += (run - max) * w.overLimit;
      } else {
        let left = 0;
        for (let e = d - 1; e >= 0 && cnt[base + e] !== 0; e--) left++;
        let right = 0;
        for (let e = d + 1; e < D && cnt[base + e] !== 0; e++) right++;
        if (left > max) v += (left - max) * w.overLimit;
        if (right > max) v += (right - max) * w.overLimit;
      }
    }
    if (!c.max7Hard) {
      const nW = D > 7 ? D - 6 : 1;
      const w0 = d - 6 < 0 ? 0 : d - 6;
      const w1 = d < nW - 1 ? d : nW - 1;
      for (let ws = w0; ws <= w1; ws++) {
        let sum = 0;
        const end = ws + 7 < D ? ws + 7 : D;
        for (let e = ws; e < end; e++) sum += cnt[base + e] as number;
        if (sum > c.max7) v += (sum - c.max7) * w.overLimit;
      }
    }
    return v;
  }

  /** Puts person `p` in empty seat `s` (no checks) and updates the scores. */
  add(p: number, s: number): void {
    const c = this.c;
    const D = c.D;
    const d = c.seatDay[s] as number;
    const k = p * D + d;
    const before = this.local(p, d);
    const at = k * c.K;
    let j = 0;
    while (j < c.K && this.pd[at + j] !== -1) j++;
    if (j < c.K) this.pd[at + j] = s;
    else {
      // a fixed seat beyond the day's K: kept aside, and reported by the evaluation as breaking H5
      const extra = this.over.get(k);
      if (extra === undefined) this.over.set(k, [s]);
      else extra.push(s);
    }
    this.cnt[k] = (this.cnt[k] as number) + 1;
    const night = c.seatNight[s] === 1;
    if (night) this.nightCnt[k] = (this.nightCnt[k] as number) + 1;
    this.assign[s] = p;
    let soft = this.local(p, d) - before;
    const L = this.load[p] as number;
    soft += (c.fair[p] as number) * (2 * L + 1);
    this.load[p] = L + 1;
    if (night) {
      const n = this.nights[p] as number;
      soft += (c.nightFair[p] as number) * (2 * n + 1);
      this.nights[p] = n + 1;
    }
    soft += this.seatCost(p, s) - this.emptyCost(s);
    if (c.seatSlot[s] === 0) {
      const key = (c.seatPost[s] as number) * c.P + p;
      const n = this.leadPairs.get(key) ?? 0;
      this.leadPairs.set(key, n + 1);
      if (n === 0) {
        const led = (this.distinctLed[p] as number) + 1;
        this.distinctLed[p] = led;
        if (led >= 2) soft += c.w.leaderPosts;
      }
    }
    this.soft += soft;
    this.medium -= this.unfilledWeight(s);
  }

  /** Empties seat `s` (no checks) and updates the scores; returns the person who held it. */
  remove(s: number): number {
    const c = this.c;
    const p = this.assign[s] as number;
    if (p < 0) return p;
    const D = c.D;
    const d = c.seatDay[s] as number;
    const k = p * D + d;
    const before = this.local(p, d);
    const at = k * c.K;
    const extra = (this.cnt[k] as number) > c.K ? this.over.get(k) : undefined;
    let found = false;
    for (let j = 0; j < c.K; j++) {
      if (this.pd[at + j] === s) {
        // a seat held beyond the K slots moves into the freed slot
        this.pd[at + j] = extra !== undefined && extra.length > 0 ? (extra.pop() as number) : -1;
        found = true;
        break;
      }
    }
    if (!found && extra !== undefined) {
      const i = extra.indexOf(s);
      if (i >= 0) extra.splice(i, 1);
    }
    if (extra !== undefined && extra.length === 0) this.over.delete(k);
    this.cnt[k] = (this.cnt[k] as number) - 1;
    const night = c.seatNight[s] === 1;
    if (night) this.nightCnt[k] = (this.nightCnt[k] as number) - 1;
    this.assign[s] = -1;
    let soft = this.local(p, d) - before;
    const L = (this.load[p] as number) - 1;
    soft -= (c.fair[p] as number) * (2 * L + 1);
    this.load[p] = L;
    if (night) {
      const n = (this.nights[p] as number) - 1;
      soft -= (c.nightFair[p] as number) * (2 * n + 1);
      this.nights[p] = n;
    }
    soft += this.emptyCost(s) - this.seatCost(p, s);
    if (c.seatSlot[s] === 0) {
      const key = (c.seatPost[s] as number) * c.P + p;
      const n = (this.leadPairs.get(key) ?? 1) - 1;
      if (n === 0) {
        this.leadPairs.delete(key);
        const led = this.distinctLed[p] as number;
        if (led >= 2) soft -= c.w.leaderPosts;
        this.distinctLed[p] = led - 1;
      } else this.leadPairs.set(key, n);
    }
    this.soft += soft;
    this.medium += this.unfilledWeight(s);
    return p;
  }

  /** The seats person `p` holds within days `from`…`to` (clamped to the horizon). */
  seatsOf(p: number, from: number, to: number): number[] {
    const c = this.c;
    const out: number[] = [];
    for (let d = Math.max(0, from); d <= Math.min(c.D - 1, to); d++) {
      const at = (p * c.D + d) * c.K;
      for (let j = 0; j < c.K; j++) {
        const t = this.pd[at + j] as number;
        if (t >= 0) out.push(t);
      }
      if ((this.cnt[p * c.D + d] as number) > c.K) out.push(...(this.over.get(p * c.D + d) ?? []));
    }
    return out;
  }
}
