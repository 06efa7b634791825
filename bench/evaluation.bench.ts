/**
 * Evaluation at county scale: `deriveRecords` followed by `evaluateCadres` on a ledger of 10,000
 * village cadres and 1,000,000 evidence records (deeds, three-shows entries, duties with checked
 * attendance), against a hand-written single pass over the same ledger tables that accumulates
 * points per cadre and dimension in typed arrays, totals them under the same rubric, sorts and
 * grades under the same quota and thresholds. Both must give every cadre the same grade (and the
 * same rounded total) before anything is timed; the benchmark fails otherwise. `deriveRecords` alone
 * and `evaluateCadres` alone are given without target: the two steps of each timed library call,
 * timed apart.
 *
 * The ledger is built by the library itself, with `replay` of the events that bring it about (units,
 * people, posts, rosters, attendance, deeds and entries), deterministically from a seed. It is built
 * for this benchmark and dropped after it (about 0.6 GB live).
 */
import {
  createRandom,
  DEFAULT_RUBRIC,
  deriveRecords,
  evaluateCadres,
  RECORD_POINTS,
  replay,
  tableForEach,
  type CadreEvaluations,
  type CadreGrade,
  type Day,
  type EvaluationDimension,
  type Instant,
  type Ledger,
  type LedgerEvent,
  type OrgId,
  type OrgUnit,
  type Period,
  type Person,
  type PersonId,
  type Random,
} from '../src/index.js';
import { compare, consume, defineBenchmarks, fmt, median, quantile, type BenchResult, type Timing } from './harness.js';

const num = (n: number): string => Math.round(n).toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// the fixture: a county of 400 villages, 10,000 village cadres, 1M evidence records

const SEED = 2020;
const TOWNSHIPS = 20;
const VILLAGES_PER_TOWNSHIP = 20;
const CADRES_PER_VILLAGE = 25;
/** Other people of each village: Party members (who show the three shows) and a few others. */
const OTHERS_PER_VILLAGE = 50;
/** Evidence records in the ledger: deeds make up what entries and checked duties leave. */
const RECORDS = 1_000_000;
const THREE_SHOWS = 300_000;
const PERIOD_DAYS = 14;
const START = '2020-01-25';
/** The evaluation period: the fortnight every record falls in. */
const PERIOD: Period = { from: START as Day, to: plusDays(START, PERIOD_DAYS - 1) };
const QUOTA = { edition: '2020', withApproval: false } as const;
/** Timed samples per contender (each library call takes seconds). */
const SAMPLES = 4;

function plusDays(day: string, n: number): Day {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10) as Day;
}

const at = (day: string, time: string): Instant => `${day}T${time}:00+08:00` as Instant;

/** The fixture and what it holds. */
interface EvaluationFixture {
  readonly ledger: Ledger;
  /** The cadres evaluated: every person with `cadreLevel: 'village'`, in registration order. */
  readonly cadres: readonly Person[];
  readonly period: Period;
  readonly counts: {
    readonly villages: number;
    readonly people: number;
    readonly events: number;
    readonly deeds: number;
    readonly unitDeeds: number;
    readonly threeShows: number;
    readonly duties: number;
    readonly checked: number;
  };
  /** Time to generate the events and to replay them, in milliseconds. */
  readonly ms: { readonly generate: number; readonly replay: number };
}

/**
 * The ledger, built by replaying (validated) about 1M events:
 *
 * - a county, 20 townships of 20 villages (400 villages);
 * - in each village, 25 village cadres (Party members, posts 村党支部书记 and so on) and 50 other
 *   people (mostly Party members): 10,000 cadres, 30,001 people with the headquarters' head;
 * - two posts per village (a checkpoint with day and night shifts, a leader and 3 staff; a duty room
 *   with one 24-hour shift, a leader and one staff), one roster per township over the fortnight,
 *   leader seats to cadres, staff seats to cadres or others of the village, about 2% unfilled, and
 *   attendance recorded at about 95% of the filled seats (about 3% absent, 5% late);
 * - 300,000 three-shows entries of the village's Party members;
 * - deeds (mostly of cadres, some of other people, about 5% of units) to make 1,000,000 evidence
 *   records in all, every one within the fortnight. Each person has a propensity that tilts the
 *   sign of their deeds, so totals spread from incompetent to well above the excellent line.
 */
function buildFixture(): EvaluationFixture {
  const t0 = performance.now();
  const rnd = createRandom(SEED);
  const events: LedgerEvent[] = [];
  let eventNo = 0;
  const eid = (): LedgerEvent['id'] => `e${String(++eventNo).padStart(7, '0')}` as LedgerEvent['id'];
  const hq = 'hq' as PersonId;
  const registerAt = at('2020-01-24', '08:00');

  // units
  const units: OrgUnit[] = [{ id: 'yc' as OrgId, name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621' }];
  const villages: OrgId[] = [];
  const townshipOf: number[] = [];
  for (let t = 0; t < TOWNSHIPS; t++) {
    const tid = `yc.t${String(t + 1).padStart(2, '0')}` as OrgId;
    units.push({ id: tid, name: `第${t + 1}镇`, kind: 'town', parentId: 'yc' as OrgId, divisionCode: `511621${String(100 + t + 1)}000` });
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
      const vid = `${tid}.v${String(200 + v + 1)}` as OrgId;
      units.push({ id: vid, name: `第${t + 1}镇第${v + 1}村`, kind: 'village', parentId: tid, divisionCode: `511621${String(100 + t + 1)}${String(200 + v + 1)}` });
      villages.push(vid);
      townshipOf.push(t);
    }
  }
  events.push({ type: 'unitsAdded', id: eid(), at: registerAt, by: hq, units });

  // people: the head of the headquarters, then each village's cadres and others
  const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
  const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];
  const POSTS = ['村党支部书记', '村委会主任', '村支部副书记', '村委会委员', '村监委会主任', '村文书'];
  const cadres: Person[] = [];
  /** Per village: its cadres' and others' ids, and the members among everyone (for three-shows). */
  const cadresOf: PersonId[][] = [];
  const othersOf: PersonId[][] = [];
  const members: PersonId[] = [];
  /** Propensity of each person, by id: the chance that a deed of theirs is a merit. */
  const merit = new Map<string, number>();
  const person = (id: string, unitId: OrgId, extra: Partial<Person>): Person => ({
    id: id as PersonId,
    name: `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}${rnd.chance(0.5) ? rnd.pick(GIVEN) : ''}`,
    sex: rnd.chance(0.6) ? 'male' : 'female',
    birthDate: `${1960 + rnd.int(40)}-0${1 + rnd.int(9)}-1${rnd.int(10)}` as Day,
    unitId,
    partyStatus: 'nonMember',
    ...extra,
  });
  events.push({ type: 'peopleRegistered', id: eid(), at: registerAt, by: hq, people: [person(hq, 'yc' as OrgId, { partyStatus: 'fullMember', cadreLevel: 'county', post: '县委书记' })] });
  let personNo = 0;
  villages.forEach((vid) => {
    const people: Person[] = [];
    const vc: PersonId[] = [];
    const vo: PersonId[] = [];
    for (let k = 0; k < CADRES_PER_VILLAGE + OTHERS_PER_VILLAGE; k++) {
      const id = `p${String(++personNo).padStart(6, '0')}` as PersonId;
      const cadre = k < CADRES_PER_VILLAGE;
      const status = cadre ? 'fullMember' : rnd.chance(0.7) ? 'fullMember' : rnd.chance(0.3) ? 'probationaryMember' : rnd.chance(0.5) ? 'activist' : 'nonMember';
      const p = person(id, vid, cadre ? { partyStatus: status, cadreLevel: 'village', post: POSTS[Math.min(k, POSTS.length - 1)] as string } : { partyStatus: status });
      people.push(p);
      if (cadre) {
        cadres.push(p);
        vc.push(id);
      } else vo.push(id);
      if (status === 'fullMember' || status === 'probationaryMember') members.push(id);
      merit.set(id, Math.min(0.95, Math.max(0.05, rnd.normal(0.55, 0.1))));
    }
    cadresOf.push(vc);
    othersOf.push(vo);
    events.push({ type: 'peopleRegistered', id: eid(), at: registerAt, by: hq, people });
  });

  // posts and rosters
  const cpShifts = [
    { id: 'day', name: '白班', start: '08:00', end: '20:00' },
    { id: 'night', name: '夜班', start: '20:00', end: '08:00' },
  ] as const;
  const drShifts = [{ id: 'all', name: '全天', start: '08:00', end: '08:00' }] as const;
  villages.forEach((vid, v) => {
    const pool = (units[1 + (townshipOf[v] as number) * (VILLAGES_PER_TOWNSHIP + 1)] as OrgUnit).id;
    events.push({ type: 'postOpened', id: eid(), at: registerAt, by: hq, post: { id: `cp.${vid}` as never, name: '村口卡点', kind: 'checkpoint', unitId: vid, poolId: pool, shifts: [...cpShifts] as never, leader: { cadreLevel: 'village', partyMember: true }, staff: 3 } });
    events.push({ type: 'postOpened', id: eid(), at: registerAt, by: hq, post: { id: `dr.${vid}` as never, name: '村值班室', kind: 'dutyRoom', unitId: vid, poolId: pool, shifts: [...drShifts] as never, leader: { cadreLevel: 'village' }, staff: 1 } });
  });
  /** Filled seats whose attendance is recorded, by day. */
  const toCheck: { rosterId: string; seat: string }[][] = Array.from({ length: PERIOD_DAYS }, () => []);
  let duties = 0;
  for (let t = 0; t < TOWNSHIPS; t++) {
    const rosterId = `r.t${String(t + 1).padStart(2, '0')}`;
    const shifts: Record<string, unknown> = {};
    const seats: Record<string, PersonId | null> = {};
    for (let v = t * VILLAGES_PER_TOWNSHIP; v < (t + 1) * VILLAGES_PER_TOWNSHIP; v++) {
      const vid = villages[v] as OrgId;
      shifts[`cp.${vid}`] = cpShifts;
      shifts[`dr.${vid}`] = drShifts;
      const vc = cadresOf[v] as PersonId[];
      const everyone = [...vc, ...(othersOf[v] as PersonId[])];
      for (let d = 0; d < PERIOD_DAYS; d++) {
        const day = plusDays(START, d);
        const post = (postId: string, shiftId: string, staff: number): void => {
          for (let slot = 0; slot <= staff; slot++) {
            const seat = `${postId}/${day}/${shiftId}/${slot === 0 ? 'L' : slot}`;
            const who = rnd.chance(0.02) ? null : slot === 0 ? rnd.pick(vc) : rnd.pick(everyone);
            seats[seat] = who;
            duties++;
            if (who !== null && rnd.chance(0.95)) (toCheck[d] as { rosterId: string; seat: string }[]).push({ rosterId, seat });
          }
        };
        post(`cp.${vid}`, 'day', 3);
        post(`cp.${vid}`, 'night', 3);
        post(`dr.${vid}`, 'all', 1);
      }
    }
    events.push({ type: 'rosterPublished', id: eid(), at: at('2020-01-24', '18:00'), by: hq, rosterId: rosterId as never, roster: { startDay: START as Day, days: PERIOD_DAYS, shifts: shifts as never, seats: seats as never } });
  }
  const checked = toCheck.reduce((s, list) => s + list.length, 0);

  // evidence, day by day: attendance, three-shows entries, deeds
  const deeds = RECORDS - THREE_SHOWS - checked;
  const DIMS: readonly EvaluationDimension[] = ['morality', 'ability', 'diligence', 'achievement', 'integrity'];
  const DIM_WEIGHT = [0.2, 0.15, 0.2, 0.35, 0.1]; // how often a deed bears on each dimension
  const SHOW_TEXT = { commitment: '我是党员，我先上', identity: '佩戴党徽上岗', action: '带头值守卡点' } as const;
  const DEED_TEXT = ['连续五天带队完成全村入户摸排', '主动为居家隔离户代购生活物资', '夜间巡查发现并劝返聚集人员', '卡点登记不规范', '未按要求佩戴口罩', '协调解决防护物资短缺'];
  let showNo = 0;
  let deedNo = 0;
  let unitDeeds = 0;
  const pickDimension = (r: Random): EvaluationDimension => {
    let x = r.next();
    for (let k = 0; k < DIMS.length; k++) if ((x -= DIM_WEIGHT[k] as number) < 0) return DIMS[k] as EvaluationDimension;
    return 'achievement';
  };
  for (let d = 0; d < PERIOD_DAYS; d++) {
    const day = plusDays(START, d);
    const evening = at(day, '23:30');
    for (const { rosterId, seat } of toCheck[d] as { rosterId: string; seat: string }[]) {
      const x = rnd.next();
      events.push({ type: 'attendanceRecorded', id: eid(), at: evening, by: hq, rosterId: rosterId as never, seat: seat as never, status: x < 0.03 ? 'absent' : x < 0.08 ? 'late' : 'present' });
    }
    const shows = Math.floor((THREE_SHOWS * (d + 1)) / PERIOD_DAYS) - Math.floor((THREE_SHOWS * d) / PERIOD_DAYS);
    for (let k = 0; k < shows; k++) {
      const show = rnd.pick(['commitment', 'identity', 'action'] as const);
      events.push({ type: 'threeShowsRecorded', id: eid(), at: evening, by: hq, entry: { id: `s${++showNo}` as never, personId: rnd.pick(members), show, text: SHOW_TEXT[show], day } });
    }
    const count = Math.floor((deeds * (d + 1)) / PERIOD_DAYS) - Math.floor((deeds * d) / PERIOD_DAYS);
    for (let k = 0; k < count; k++) {
      const x = rnd.next();
      const base = { id: `d${++deedNo}` as never, dimension: pickDimension(rnd), evidence: rnd.pick(DEED_TEXT), day };
      if (x < 0.05) {
        unitDeeds++;
        events.push({ type: 'deedRecorded', id: eid(), at: evening, by: hq, deed: { ...base, unitId: rnd.pick(villages), points: rnd.between(1, 3) } });
        continue;
      }
      const v = rnd.int(villages.length);
      const who = x < 0.85 ? rnd.pick(cadresOf[v] as PersonId[]) : rnd.pick(othersOf[v] as PersonId[]);
      const y = rnd.next();
      const size = y < 0.6 ? 1 : y < 0.85 ? 2 : y < 0.95 ? 3 : y < 0.99 ? 4 : 5;
      events.push({ type: 'deedRecorded', id: eid(), at: evening, by: hq, deed: { ...base, personId: who, points: rnd.chance(merit.get(who) as number) ? size : -size } });
    }
  }
  const t1 = performance.now();
  const ledger = replay(events);
  const t2 = performance.now();
  return {
    ledger,
    cadres,
    period: PERIOD,
    counts: { villages: villages.length, people: personNo + 1, events: events.length, deeds, unitDeeds, threeShows: THREE_SHOWS, duties, checked },
    ms: { generate: t1 - t0, replay: t2 - t1 },
  };
}

// ---------------------------------------------------------------------------------------------
// the baseline: one hand-written pass over the ledger's tables

const GRADES: readonly CadreGrade[] = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'];

/** The baseline's answer: each cadre's grade (index into {@link GRADES}) and total, and the counts. */
interface HandResult {
  readonly grade: Uint8Array;
  readonly totals: Float64Array;
  readonly counts: readonly number[];
  readonly max: number;
}

/** As the library does: sums rounded to a millionth before ranking, so the order of terms cannot change a grade. */
const settle = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Scores the cadres straight from the ledger: deeds, three-shows entries and checked duties, each
 * table walked once (`tableForEach`), points per cadre and dimension in a `Float64Array`, a missed
 * shift marking a veto; then the weighted total of the clamped dimension scores under
 * `DEFAULT_RUBRIC` (points and totals rounded to a millionth, as the library settles them), a sort
 * by total (ties by id), and the grades: excellent within the 2020 quota (20%) from the excellent
 * line without a veto, then competent, basically competent, incompetent by threshold. The ledger's
 * other evidence tables (visits, deliveries, findings, volunteer tasks) are empty here and are not
 * read.
 */
function handScore(ledger: Ledger, cadres: readonly { readonly id: string }[], period: Period): HandResult {
  const { from, to } = period;
  const n = cadres.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set((cadres[i] as { id: string }).id, i);
  const points = new Float64Array(n * 5);
  const vetoed = new Uint8Array(n);
  const dim: Record<EvaluationDimension, number> = { morality: 0, ability: 1, diligence: 2, achievement: 3, integrity: 4 };

  tableForEach(ledger.deeds, (d) => {
    if (d.personId === undefined || d.day < from || d.day > to) return;
    const i = index.get(d.personId);
    if (i === undefined) return;
    const at = i * 5 + dim[d.dimension];
    points[at] = (points[at] as number) + d.points;
  });
  const show = RECORD_POINTS.threeShows;
  const showAt = dim[show.dimension];
  tableForEach(ledger.threeShows, (s) => {
    if (s.day < from || s.day > to) return;
    const i = index.get(s.personId);
    if (i !== undefined) points[i * 5 + showAt] = (points[i * 5 + showAt] as number) + show.points;
  });
  const led = RECORD_POINTS.shiftLed.points;
  const kept = RECORD_POINTS.shiftKept.points;
  const late = RECORD_POINTS.shiftLate.points;
  const missed = RECORD_POINTS.shiftMissed.points;
  const shiftAt = dim[RECORD_POINTS.shiftKept.dimension];
  tableForEach(ledger.duties, (duty) => {
    const a = duty.attendance;
    if (a === undefined || duty.personId === null) return;
    const seat: string = duty.seat;
    const cut = seat.indexOf('/');
    const day = seat.slice(cut + 1, cut + 11);
    if (day < from || day > to) return;
    const i = index.get(duty.personId);
    if (i === undefined) return;
    const leader = seat.charCodeAt(seat.length - 1) === 76 && seat.charCodeAt(seat.length - 2) === 47; // '/L'
    let p: number;
    if (a.status === 'absent') {
      p = leader ? 2 * missed : missed;
      vetoed[i] = 1;
    } else p = a.status === 'late' ? late : leader ? led : kept;
    points[i * 5 + shiftAt] = (points[i * 5 + shiftAt] as number) + p;
  });

  const r = DEFAULT_RUBRIC;
  const w = r.weights;
  const weights = [w.morality, w.ability, w.diligence, w.achievement, w.integrity];
  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let d = 0; d < 5; d++) {
      const x = r.base + r.pointValue * settle(points[i * 5 + d] as number);
      total += (weights[d] as number) * (x < 0 ? 0 : x > 100 ? 100 : x);
    }
    totals[i] = settle(total);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (totals[b] as number) - (totals[a] as number) || ((cadres[a] as { id: string }).id < (cadres[b] as { id: string }).id ? -1 : 1));
  const max = Math.floor(n * 0.2);
  const th = r.thresholds;
  const grade = new Uint8Array(n);
  const counts = [0, 0, 0, 0];
  let used = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const total = totals[i] as number;
    let g: number;
    if (total >= th.excellent && used < max && vetoed[i] === 0) {
      g = 0;
      used++;
    } else g = total >= th.competent ? 1 : total >= th.basicallyCompetent ? 2 : 3;
    grade[i] = g;
    counts[g] = (counts[g] as number) + 1;
  }
  return { grade, totals, counts, max };
}

/** Grade counts as one number (checksum and agreement check of timed calls). */
const code = (counts: readonly number[]): number => ((counts[0] as number) * 100_003 + (counts[1] as number)) * 100_003 + (counts[2] as number);

function libraryCounts(r: CadreEvaluations): number[] {
  const counts = [0, 0, 0, 0];
  for (const g of r.grades) {
    const k = GRADES.indexOf(g.grade);
    counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

/** Throws unless the library and the baseline give every cadre the same grade and rounded total. */
function checkAgreement(lib: CadreEvaluations, hand: HandResult, cadres: readonly Person[]): void {
  const at = new Map<string, number>(cadres.map((c, i) => [c.id, i]));
  if (lib.grades.length !== cadres.length) throw new Error(`evaluateCadres graded ${lib.grades.length} cadres, not ${cadres.length}`);
  let differ = 0;
  let first = '';
  for (const g of lib.grades) {
    const i = at.get(g.personId);
    if (i === undefined) throw new Error(`evaluateCadres graded an unknown cadre '${g.personId}'`);
    const total = Math.round((hand.totals[i] as number) * 100) / 100;
    if (GRADES[hand.grade[i] as number] !== g.grade || total !== g.total) {
      if (differ++ === 0) first = `${g.personId}: library ${g.grade} (${g.total}), hand ${GRADES[hand.grade[i] as number]} (${total})`;
    }
  }
  const libCounts = libraryCounts(lib);
  if (differ > 0 || libCounts.some((c, k) => c !== hand.counts[k]) || lib.quota.max !== hand.max)
    throw new Error(`library and hand-written pass disagree on ${differ} cadres (first: ${first}); counts library ${libCounts.join('/')}, hand ${hand.counts.join('/')}; quota ${lib.quota.max} vs ${hand.max}`);
}

// ---------------------------------------------------------------------------------------------
// the benchmark

const iqr = (t: Timing): string => `${fmt(t.q1)}–${fmt(t.q3)}`;
const spread = (xs: readonly number[]): string => `${fmt(quantile(xs, 0.25))}–${fmt(quantile(xs, 0.75))}`;

/**
 * Nanoseconds per record of a bare pass reading the fields a scoring loop reads (person, day,
 * points or dimension) of every deed, and of every three-shows entry: what reading the ledger's
 * records costs before any scoring (median of three passes each).
 */
function bareReads(ledger: Ledger): { deeds: number; entries: number } {
  const deedPass = (): number => {
    let n = 0;
    tableForEach(ledger.deeds, (d) => {
      if (d.personId !== undefined && d.day.length === 10) n += d.points + d.dimension.length;
    });
    return n;
  };
  const entryPass = (): number => {
    let n = 0;
    tableForEach(ledger.threeShows, (s) => {
      if (s.personId !== undefined && s.day.length === 10) n += s.show.length;
    });
    return n;
  };
  const time = (fn: () => number, count: number): number => {
    const ts: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      consume(fn());
      ts.push(performance.now() - t0);
    }
    return (median(ts) * 1e6) / count;
  };
  return { deeds: time(deedPass, ledger.deeds.size), entries: time(entryPass, ledger.threeShows.size) };
}

/** What the agreement run found, kept apart from its (large) results so they can be collected before timing. */
interface Agreed {
  /** Grade counts as one number. */
  readonly expected: number;
  readonly counts: readonly number[];
  readonly derived: number;
  readonly ofCadres: number;
  /** Cadres at or above the excellent line, and those of them vetoed by a missed shift. */
  readonly above: number;
  readonly vetoedAbove: number;
  readonly quota: CadreEvaluations['quota'];
}

/** One run of each contender, compared cadre by cadre (throws when they differ). */
function agreement(fx: EvaluationFixture, options: { readonly period: Period; readonly quota: typeof QUOTA }): Agreed {
  const { ledger, cadres, period } = fx;
  const records = deriveRecords(ledger, period);
  const lib = evaluateCadres(records, cadres, options);
  const hand = handScore(ledger, cadres, period);
  checkAgreement(lib, hand, cadres);
  const cadreIds = new Set<string>(cadres.map((c) => c.id));
  let ofCadres = 0;
  for (const r of records) if (r.personId !== undefined && cadreIds.has(r.personId)) ofCadres++;
  const missedShift = new Set<string>(lib.grades.filter((g) => g.evidence.faults.some((f) => f.kind === 'shiftMissed')).map((g) => g.personId));
  let above = 0;
  let vetoedAbove = 0;
  cadres.forEach((c, i) => {
    if ((hand.totals[i] as number) < DEFAULT_RUBRIC.thresholds.excellent) return;
    above++;
    if (missedShift.has(c.id)) vetoedAbove++;
  });
  return { expected: code(hand.counts), counts: hand.counts, derived: records.length, ofCadres, above, vetoedAbove, quota: lib.quota };
}

function evaluationRows(): BenchResult[] {
  // built for this benchmark only, and dropped after it: a ledger kept for the whole run would
  // weigh on the garbage collection of the benchmarks that follow
  const fx = buildFixture();
  const { ledger, cadres, period } = fx;
  const options = { period, quota: QUOTA };
  const agreed = agreement(fx, options);
  const expected = agreed.expected;
  consume(expected);
  const reads = bareReads(ledger);

  // the library's calls time their two steps apart: deriveRecords alone, evaluateCadres alone
  const deriveMs: number[] = [];
  const evaluateMs: number[] = [];
  let derivedLast = 0;
  const ours = (): number => {
    const t0 = performance.now();
    const recs = deriveRecords(ledger, period);
    const t1 = performance.now();
    const result = evaluateCadres(recs, cadres, options);
    const t2 = performance.now();
    deriveMs.push(t1 - t0);
    evaluateMs.push(t2 - t1);
    derivedLast = recs.length;
    return code(libraryCounts(result));
  };
  const [lt, ht] = compare(
    [
      { label: 'deriveRecords + evaluateCadres', fn: ours },
      { label: 'hand-written pass', fn: () => code(handScore(ledger, cadres, period).counts) },
    ],
    // one warm-up call each (a call takes seconds), then interleaved samples of one call
    { samples: SAMPLES, warmupMs: 0, minSampleMs: 0, minWarmupCalls: 1 },
  );
  if (lt === undefined || ht === undefined) throw new Error('unreachable');
  for (const t of [lt, ht]) if (t.last !== expected) throw new Error(`${t.label}: grade counts changed between runs (${t.last} vs ${expected})`);
  if (derivedLast !== agreed.derived) throw new Error(`deriveRecords: ${agreed.derived} records, then ${derivedLast}`);
  if (deriveMs.length !== lt.samples + 1) throw new Error(`expected one warm-up call and ${lt.samples} samples, got ${deriveMs.length} calls`);
  // the first call was the warm-up
  const deriveSamples = deriveMs.slice(1);
  const evaluateSamples = evaluateMs.slice(1);

  const c = fx.counts;
  const built =
    `ledger built by replay (validated) of ${num(c.events)} events in ${fmt(fx.ms.replay / 1000)} s (generated in ${fmt(fx.ms.generate / 1000)} s): ` +
    `${c.villages} villages, ${num(c.people)} people, ${num(cadres.length)} village cadres; ` +
    `${num(c.deeds)} deeds (${num(c.unitDeeds)} of units), ${num(c.threeShows)} three-shows entries, ${num(c.checked)} checked duties of ${num(c.duties)} seats, all in ${period.from}…${period.to}`;
  const q = agreed.quota;
  const grades =
    `grades ${agreed.counts.join(' / ')} (excellent / competent / basically competent / incompetent, agreed cadre by cadre); ` +
    `${num(agreed.above)} at or above the excellent line, ${num(agreed.vetoedAbove)} of them vetoed by a missed shift; quota ${num(q.max)}, used ${num(q.used)}`;
  const samples = `median of ${lt.samples} interleaved samples (one call each, after one warm-up call)`;
  return [
    {
      name: 'evaluate 10k cadres, 1M records',
      value: lt.median,
      unit: 'ms',
      baseline: ht.median,
      baselineName: 'hand-written pass',
      ratio: lt.median / ht.median,
      ratioOf: 'ours/hand',
      target: { of: 'ratio', op: '<=', limit: 2 },
      note:
        `deriveRecords then evaluateCadres (quota 2020, without approval); ${built}; ${num(agreed.derived)} records derived, ${num(agreed.ofCadres)} of cadres; ${grades}; ${samples}, ` +
        `IQR ours ${iqr(lt)} ms, hand ${iqr(ht)} ms; a bare read of the ledger's records: ${fmt(reads.deeds)} ns per deed, ${fmt(reads.entries)} ns per entry`,
    },
    {
      name: 'evaluate 10k cadres: deriveRecords alone',
      value: median(deriveSamples),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: null,
      note: `${num(agreed.derived)} records; timed inside the samples of the row above, IQR ${spread(deriveSamples)} ms`,
    },
    {
      name: 'evaluate 10k cadres: evaluateCadres alone',
      value: median(evaluateSamples),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: null,
      note: `on the ${num(agreed.derived)} records just derived; timed inside the samples of the first row, IQR ${spread(evaluateSamples)} ms`,
    },
  ];
}

export const benchmarks = defineBenchmarks([
  {
    name: 'evaluation vs hand-written pass',
    description: 'deriveRecords + evaluateCadres on 10,000 village cadres and 1M evidence records, against one hand-written pass over the same ledger tables',
    run: evaluationRows,
  },
]);
