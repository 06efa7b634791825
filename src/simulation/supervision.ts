import { z } from 'zod';
import { Day, addDays, dayOf, instantAt } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { EventId, OrgId, PersonId, RecordId } from '../core/ids.js';
import { createRandom } from '../core/random.js';
import type { EvaluationDimension } from '../core/vocabulary.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerTree, type Ledger } from '../ledger/ledger.js';
import { tableForEach, tableGet } from '../store/table.js';
import { isWithin } from '../org/queries.js';
import { ledgerRoster } from '../roster/fromLedger.js';
import type { Post } from '../roster/model.js';
import { onDuty } from '../roster/onDuty.js';
import type { CheckAnswer, RaisedFinding } from '../supervision/records.js';
import { isTownshipLevel } from '../org/unit.js';

/**
 * Options of {@link simulateSupervision}.
 *
 * @example
 * SupervisionSimulationOptions.parse({ rosterId: 'r1', startDay: '2020-01-26', days: 13 });
 * @category Simulation
 */
export const SupervisionSimulationOptions = z
  .object({
    /** The published roster whose duties are checked. */
    rosterId: z.string().min(1),
    /** The first day. */
    startDay: Day,
    /** Days to simulate (default 13). */
    days: z.number().int().min(1).max(60).optional(),
    /** The seed (default 2020). */
    seed: z.number().int().optional(),
    /** Posts each supervision group inspects a day (default 6). */
    inspectionsPerGroup: z.number().int().min(0).max(100).optional(),
    /** Share of duty seats whose attendance is checked (default 0.2). */
    attendanceShare: z.number().min(0).max(1).optional(),
  })
  .strict();
/**
 * Options of {@link simulateSupervision}.
 *
 * @interface
 * @category Simulation
 */
export type SupervisionSimulationOptions = z.input<typeof SupervisionSimulationOptions>;

const DEEDS: readonly { dimension: EvaluationDimension; points: number; text: string }[] = [
  { dimension: 'achievement', points: 2, text: '带队完成全村入户摸排，做到不漏一户' },
  { dimension: 'achievement', points: 3, text: '连续坚守卡点，劝返外来车辆和人员' },
  { dimension: 'diligence', points: 2, text: '春节期间放弃休假，吃住在村' },
  { dimension: 'ability', points: 2, text: '组织志愿者为居家隔离户送菜送药' },
  { dimension: 'morality', points: 1, text: '主动捐款捐物支援一线' },
  { dimension: 'integrity', points: -2, text: '防疫物资登记发放不规范' },
  { dimension: 'diligence', points: -2, text: '值守期间擅离岗位' },
];
const SHOWS = [
  { show: 'commitment' as const, text: '我是党员，我先上' },
  { show: 'identity' as const, text: '佩戴党员徽章，设立党员先锋岗' },
  { show: 'action' as const, text: '带头入户宣传、值守卡点' },
];

/**
 * A simulated fortnight of supervision and evidence on a ledger with a published roster, as ledger
 * events: attendance checked at a share of the duty seats (mostly present, some late, a few
 * absent); each supervision group inspecting posts in its scope every day, its answers on staffing
 * and the leading cadre mostly matching the roster (a mismatch becomes a finding), now and then
 * gatherings or supplies found wanting; rectifications submitted (some late) and re-checked (most
 * pass); deeds of cadres and three-shows entries of members. Deterministic for a seed.
 *
 * @param ledger - A ledger with the command structure and a published roster.
 * @param options - {@link SupervisionSimulationOptions}: the roster, the first day, the days, the seed and the pace of checks.
 * @returns The events, in time order; apply them with {@link replay}.
 * @throws {@link FrontlineError} `invalid_input` for invalid options, or a ledger without a command structure or without the roster.
 * @example
 * const events = simulateSupervision(ledger, { rosterId: 'r1', startDay: '2020-01-26', days: 13 });
 * events.some((e) => e.type === 'inspectionRecorded'); // => true
 * @category Simulation
 */
export function simulateSupervision(ledger: Ledger, options: SupervisionSimulationOptions): LedgerEvent[] {
  const parsed = SupervisionSimulationOptions.safeParse(options);
  if (!parsed.success) throw new FrontlineError('invalid_input', 'invalid options of simulateSupervision', issuesFromZod(parsed.error, ['options']));
  const o = parsed.data;
  const command = ledger.command;
  if (command === null || !tableGet(ledger.rosters, o.rosterId))
    throw new FrontlineError('invalid_input', 'cannot simulate supervision', [{ path: ['rosterId'], code: 'no_roster', message: `the ledger needs a command structure and the published roster '${o.rosterId}'` }]);
  const rng = createRandom(o.seed ?? 2020);
  const days = o.days ?? 13;
  const perGroup = o.inspectionsPerGroup ?? 6;
  const attendanceShare = o.attendanceShare ?? 0.2;
  const tree = ledgerTree(ledger);
  const roster = ledgerRoster(ledger, o.rosterId);
  const hq = command.headquarters.commander;
  const events: { readonly e: LedgerEvent; readonly ms: number; readonly n: number }[] = [];
  let seq = 0;
  const id = (): EventId => `sup-${(++seq).toString(36).padStart(6, '0')}` as EventId;
  const push = (e: LedgerEvent): void => {
    events.push({ e, ms: Date.parse(e.at), n: events.length });
  };

  // people: cadres by unit (who answer for a unit), members (three shows)
  const cadresByUnit = new Map<string, PersonId[]>();
  const cadres: PersonId[] = [];
  const members: PersonId[] = [];
  tableForEach(ledger.people, (p) => {
    if (p.cadreLevel !== undefined) {
      cadres.push(p.id);
      const list = cadresByUnit.get(p.unitId);
      if (list === undefined) cadresByUnit.set(p.unitId, [p.id]);
      else list.push(p.id);
    }
    if (p.partyStatus === 'fullMember' || p.partyStatus === 'probationaryMember') members.push(p.id);
  });
  const posts: Post[] = [];
  tableForEach(ledger.posts, (p) => {
    if (Object.hasOwn(roster.shifts, p.id)) posts.push(p);
  });
  posts.sort((a, b) => (a.id < b.id ? -1 : 1));
  const postsOf = command.supervisionGroups.map((g) => posts.filter((p) => g.covers.some((c) => tree.indexOf.has(c) && isWithin(tree, p.unitId, c))));
  const unitsOf = command.supervisionGroups.map((g) => {
    const out: OrgId[] = [];
    for (const c of g.covers) {
      const at = tree.indexOf.get(c);
      if (at === undefined) continue;
      for (let i = at; i < (tree.subtreeEnd[at] as number); i++) {
        const u = tree.units[i];
        if (u !== undefined && (u.kind === 'village' || u.kind === 'community' || u.kind === 'institution' || isTownshipLevel(u.kind))) out.push(u.id);
      }
    }
    return out;
  });

  // attendance at a share of the duty seats
  const seats = Object.entries(roster.seats);
  const last = addDays(o.startDay, days - 1);
  for (const [seat, person] of seats) {
    if (person === null || !rng.chance(attendanceShare)) continue;
    const [postId, day, shiftId] = seat.split('/') as [string, Day, string];
    if (day < o.startDay || day > last) continue;
    const shift = roster.shifts[postId as keyof typeof roster.shifts]?.find((s) => s.id === shiftId);
    if (shift === undefined) continue;
    const r = rng.next();
    const status = r < 0.93 ? 'present' : r < 0.98 ? 'late' : 'absent';
    const at = new Date(Date.parse(instantAt(day, shift.start)) + 40 * 60_000);
    push({ type: 'attendanceRecorded', id: id(), at: instantAt(dayOf(at), hhmm(at)), by: hq, rosterId: o.rosterId as RecordId, seat: seat as never, status });
  }

  // inspections, and the loop of each finding
  for (let d = 0; d < days; d++) {
    const day = addDays(o.startDay, d);
    command.supervisionGroups.forEach((g, gi) => {
      const mine = postsOf[gi] ?? [];
      const units = unitsOf[gi] ?? [];
      for (let k = 0; k < perGroup; k++) {
        const inspectionId = `insp-${day}-${g.id}-${k}` as RecordId;
        const time = rng.chance(0.7) ? `${String(9 + rng.int(8)).padStart(2, '0')}:${rng.chance(0.5) ? '00' : '30'}` : `${String(20 + rng.int(3)).padStart(2, '0')}:30`;
        const at = instantAt(day, time);
        const answers: CheckAnswer[] = [];
        const raised: RaisedFinding[] = [];
        let unitId: OrgId;
        let post: Post | undefined;
        if (mine.length > 0) {
          post = mine[rng.int(mine.length)] as Post;
          unitId = post.unitId;
          const duty = onDuty(roster, post.id, at).shifts;
          const rostered = duty.reduce((n, s) => n + (s.leader === null ? 0 : 1) + s.staff.filter((p) => p !== null).length, 0);
          const leader = duty[0]?.leader ?? null;
          answers.push({ item: 'staffOnDuty', count: rng.chance(0.9) ? rostered : Math.max(0, rostered - 1) });
          const local = cadresByUnit.get(post.unitId) ?? cadres;
          answers.push({ item: 'leaderOnDuty', personId: rng.chance(0.92) ? leader : rng.chance(0.5) ? null : (local[rng.int(local.length)] ?? null) });
        } else {
          if (units.length === 0) continue;
          unitId = units[rng.int(units.length)] as OrgId;
        }
        const gatherings = rng.chance(0.96);
        const supplies = rng.chance(0.9);
        answers.push({ item: 'gatherings', ok: gatherings, ...(gatherings ? {} : { note: '村民聚集打牌' }) });
        answers.push({ item: 'supplies', ok: supplies, ...(supplies ? {} : { note: '口罩、消毒液储备不足' }) });
        if (!gatherings) raised.push({ id: `${inspectionId}/g` as RecordId, item: 'gatherings', severity: 'major', unitId, description: '发现村民聚集，劝导不力', deadline: addDays(day, 1) });
        if (!supplies) raised.push({ id: `${inspectionId}/s` as RecordId, item: 'supplies', severity: 'minor', unitId, description: '保障物资储备不足', deadline: addDays(day, 2) });
        push({
          type: 'inspectionRecorded',
          id: id(),
          at,
          by: g.leader,
          inspectionId,
          groupId: g.id,
          unitId,
          ...(post === undefined ? {} : { postId: post.id, rosterId: o.rosterId as RecordId }),
          answers,
          findings: raised,
        });
        // the findings this inspection will raise: the inspectors' and, by the roster check, mismatches
        const loops: { id: RecordId; deadline: Day; unit: OrgId }[] = raised.map((f) => ({ id: f.id, deadline: f.deadline, unit: f.unitId }));
        if (post !== undefined) {
          const duty = onDuty(roster, post.id, at).shifts;
          if (duty.length > 0) {
            const rostered = duty.reduce((n, s) => n + (s.leader === null ? 0 : 1) + s.staff.filter((p) => p !== null).length, 0);
            const leaders = duty.map((s) => s.leader).filter((p) => p !== null);
            const a0 = answers[0];
            const a1 = answers[1];
            if (a0?.item === 'staffOnDuty' && a0.count !== rostered) loops.push({ id: `${inspectionId}/staff` as RecordId, deadline: addDays(day, 1), unit: post.unitId });
            if (a1?.item === 'leaderOnDuty' && (leaders.length === 0 || a1.personId === null || !leaders.includes(a1.personId))) loops.push({ id: `${inspectionId}/leader` as RecordId, deadline: addDays(day, 1), unit: post.unitId });
          }
        }
        for (const f of loops) {
          if (!rng.chance(0.88)) continue; // left open
          const submitDay = addDays(day, rng.chance(0.8) ? 1 : 2 + rng.int(3));
          if (submitDay > last) continue;
          const who = cadresByUnit.get(f.unit)?.[0] ?? hq;
          push({ type: 'rectificationSubmitted', id: id(), at: instantAt(submitDay, '17:00'), by: who, findingId: f.id, note: '已整改到位' });
          const checkDay = addDays(submitDay, 1);
          if (checkDay > last) continue;
          const passed = rng.chance(0.85);
          push({ type: 'findingRechecked', id: id(), at: instantAt(checkDay, '10:00'), by: g.leader, findingId: f.id, passed, ...(passed ? {} : { note: '整改不彻底', deadline: addDays(checkDay, 2) }) });
        }
      }
    });
    // deeds of cadres, three shows of members (mostly the first days)
    const deeds = Math.max(1, Math.round(cadres.length * 0.01));
    for (let k = 0; k < deeds; k++) {
      const personId = cadres[rng.int(cadres.length)] as PersonId;
      const deed = DEEDS[rng.chance(0.9) ? rng.int(5) : 5 + rng.int(2)] as (typeof DEEDS)[number];
      push({ type: 'deedRecorded', id: id(), at: instantAt(day, '19:00'), by: hq, deed: { id: `deed-${day}-${k}` as RecordId, personId, dimension: deed.dimension, evidence: deed.text, points: deed.points, day } });
    }
    if (d < 3) {
      const shows = Math.round(members.length * 0.02);
      for (let k = 0; k < shows; k++) {
        const personId = members[rng.int(members.length)] as PersonId;
        const s = SHOWS[rng.int(SHOWS.length)] as (typeof SHOWS)[number];
        push({ type: 'threeShowsRecorded', id: id(), at: instantAt(day, '08:00'), by: personId, entry: { id: `show-${day}-${k}` as RecordId, personId, show: s.show, text: s.text, day } });
      }
    }
  }
  events.sort((a, b) => a.ms - b.ms || a.n - b.n);
  return events.map((x) => x.e);
}

function hhmm(d: Date): string {
  // the clock time in China Standard Time (UTC+8, no daylight saving since 1991)
  const m = (d.getUTCHours() * 60 + d.getUTCMinutes() + 8 * 60) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
