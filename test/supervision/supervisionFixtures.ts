/**
 * The small ledger of the ledger tests with what supervision needs: a command structure whose
 * supervision group `sg-pa` (led by `sup`) covers 普安镇 and `sg-jl` (led by the mayor) covers 九龙街道;
 * two checkpoints in 普安镇 (`cp-wjg` at 吴家沟村, `cp-lsc` at 李山村), each with a day shift
 * (08:00–20:00) and a night shift (20:00–08:00), a leading cadre and one staff seat; and a roster
 * `r1` for 2020-01-26 … 2020-01-28, built by the roster search and published on 2020-01-25, whose
 * seats of 2020-01-27 the tests rely on are then pinned (see {@link PINNED}).
 */
import {
  FrontlineError,
  apply,
  buildRoster,
  ledgerRoster,
  onDuty,
  replay,
  rosterProblemFromLedger,
  type Actor,
  type Day,
  type Issue,
  type Ledger,
  type LedgerEvent,
  type PersonId,
} from '../../src/index.js';
import { DAY0, P, U, at, baseLedger, nextId } from '../ledgerFixtures.js';

export { DAY0, P, U, at, baseLedger, nextId };

/** Supervision group ids. */
export const G = { pa: 'sg-pa', jl: 'sg-jl' } as const;

/** The command structure of the small ledger. */
export function command(): Record<string, unknown> {
  return {
    leadingGroup: { name: '岳池县应对新冠肺炎疫情工作领导小组', coLeaders: [P.mayor, P.sup], members: [P.paSec, P.jlSec] },
    headquarters: { name: '岳池县疫情防控指挥部', unitId: U.yc, commander: P.mayor, deputies: [P.sup], members: [] },
    supervisionGroups: [
      { id: G.pa, name: '第一督导组', leader: P.sup, members: [], line: 'township', covers: [U.pa] },
      { id: G.jl, name: '第二督导组', leader: P.mayor, members: [], line: 'township', covers: [U.jl] },
    ],
    warZones: { id: 'wz', name: '防控战区', exclusive: true, groups: [] },
  };
}

const post = (id: string, unitId: string) => ({
  id,
  name: `${id} 卡点`,
  kind: 'checkpoint',
  unitId,
  poolId: U.pa,
  shifts: [
    { id: 'day', start: '08:00', end: '20:00' },
    { id: 'night', start: '20:00', end: '08:00' },
  ],
  leader: { cadreLevel: 'village' },
  staff: 1,
});

/** The first day of the roster. */
export const START = '2020-01-26' as Day;

/** The small ledger with the command structure and the two checkpoints. */
export function withCommand(): Ledger {
  const when = at(DAY0, '08:30');
  return replay(
    [
      { type: 'commandSet', id: 'sup-command', at: when, by: P.mayor, command: command() },
      { type: 'postOpened', id: 'sup-post-wjg', at: at(DAY0, '09:00'), by: P.mayor, post: post('cp-wjg', U.wjg) },
      { type: 'postOpened', id: 'sup-post-lsc', at: at(DAY0, '09:00'), by: P.mayor, post: post('cp-lsc', U.lsc) },
    ] as unknown as LedgerEvent[],
    baseLedger(),
  );
}

/**
 * The seats of 2020-01-27 pinned after publishing: at 吴家沟村 the day shift is led by `wjg-sec` with
 * `wjg-3`; at 李山村 the day shift is led by `lsc-sec` with `vol-3`, and the night shift's leader
 * seat is left unfilled, with `vol-1` on staff.
 */
export const PINNED: Readonly<Record<string, PersonId | null>> = {
  'cp-wjg/2020-01-27/day/L': P.wjgSec,
  'cp-wjg/2020-01-27/day/1': P.wjg3,
  'cp-lsc/2020-01-27/day/L': P.lscSec,
  'cp-lsc/2020-01-27/day/1': P.vol3,
  'cp-lsc/2020-01-27/night/L': null,
  'cp-lsc/2020-01-27/night/1': P.vol1,
};

let published: Ledger | undefined;
/** {@link withCommand} with the roster `r1` published (frozen; shared). */
export function rosteredLedger(): Ledger {
  if (published === undefined) {
    const l = withCommand();
    const problem = rosterProblemFromLedger(l, { startDay: START, days: 3 });
    const { roster } = buildRoster(problem, { seed: 1, iterations: 2000 });
    published = apply(l, [
      { type: 'rosterPublished', id: 'sup-roster', at: at('2020-01-25', '18:00'), by: P.mayor, rosterId: 'r1', roster },
      {
        type: 'dutiesReassigned',
        id: 'sup-pin',
        at: at('2020-01-25', '19:00'),
        by: P.mayor,
        rosterId: 'r1',
        changes: Object.entries(PINNED).map(([seat, personId]) => ({ seat, personId })),
        reason: '固定测试席位',
      },
    ] as unknown as LedgerEvent[]);
  }
  return published;
}

/** Who the roster `r1` puts on duty at a post at an instant: the leader and the staff. */
export function rostered(ledger: Ledger, postId: string, instant: string): { leader: PersonId | null; staff: (PersonId | null)[] } {
  const shift = onDuty(ledgerRoster(ledger, 'r1'), postId, instant).shifts[0];
  if (shift === undefined) throw new Error(`nobody is rostered at ${postId} at ${instant}`);
  return { leader: shift.leader, staff: [...shift.staff] };
}

/** Common fields of an event. */
const head = (o: { at?: string; by?: string; id?: string }, fallbackAt: string) => ({ id: o.id ?? nextId(), at: o.at ?? fallbackAt, by: o.by ?? P.sup });

/** Event factories of supervision and evidence. */
export const sv = {
  inspection(o: {
    inspectionId: string;
    groupId?: string;
    unitId?: string;
    postId?: string;
    rosterId?: string;
    answers?: unknown[];
    findings?: unknown[];
    rosterFindingDays?: number;
    at?: string;
    by?: string;
    id?: string;
  }): LedgerEvent {
    return {
      type: 'inspectionRecorded',
      ...head(o, at('2020-01-27', '10:00')),
      inspectionId: o.inspectionId,
      groupId: o.groupId ?? G.pa,
      unitId: o.unitId ?? U.wjg,
      ...(o.postId === undefined ? {} : { postId: o.postId }),
      ...(o.rosterId === undefined ? {} : { rosterId: o.rosterId }),
      answers: o.answers ?? [],
      findings: o.findings ?? [],
      ...(o.rosterFindingDays === undefined ? {} : { rosterFindingDays: o.rosterFindingDays }),
    } as unknown as LedgerEvent;
  },
  finding(o: { id: string; unitId?: string; deadline?: string; item?: string; severity?: string; description?: string }): Record<string, unknown> {
    return {
      id: o.id,
      item: o.item ?? 'supplies',
      severity: o.severity ?? 'minor',
      unitId: o.unitId ?? U.wjg,
      description: o.description ?? '口罩储备不足',
      deadline: o.deadline ?? '2020-01-29',
    };
  },
  submitted(o: { findingId: string; at?: string; by?: string; id?: string; note?: string }): LedgerEvent {
    return { type: 'rectificationSubmitted', ...head(o, at('2020-01-28', '17:00')), by: o.by ?? P.wjgSec, findingId: o.findingId, note: o.note ?? '已整改到位' } as unknown as LedgerEvent;
  },
  rechecked(o: { findingId: string; passed: boolean; deadline?: string; note?: string; at?: string; by?: string; id?: string }): LedgerEvent {
    return {
      type: 'findingRechecked',
      ...head(o, at('2020-01-29', '10:00')),
      findingId: o.findingId,
      passed: o.passed,
      ...(o.note === undefined ? {} : { note: o.note }),
      ...(o.deadline === undefined ? {} : { deadline: o.deadline }),
    } as unknown as LedgerEvent;
  },
  deed(o: { deedId: string; personId?: string; unitId?: string; points?: number; day?: string; dimension?: string; at?: string; by?: string; id?: string }): LedgerEvent {
    return {
      type: 'deedRecorded',
      ...head(o, at('2020-01-30', '18:00')),
      by: o.by ?? P.mayor,
      deed: {
        id: o.deedId,
        ...(o.personId === undefined ? {} : { personId: o.personId }),
        ...(o.unitId === undefined ? {} : { unitId: o.unitId }),
        dimension: o.dimension ?? 'achievement',
        evidence: '连续五天带队完成全村入户摸排',
        points: o.points ?? 2,
        day: o.day ?? '2020-01-30',
      },
    } as unknown as LedgerEvent;
  },
  show(o: { entryId: string; personId: string; day?: string; at?: string; by?: string; id?: string }): LedgerEvent {
    return {
      type: 'threeShowsRecorded',
      ...head(o, at('2020-01-26', '09:00')),
      by: o.by ?? P.mayor,
      entry: { id: o.entryId, personId: o.personId, show: 'commitment', text: '我是党员，我先上', day: o.day ?? '2020-01-26' },
    } as unknown as LedgerEvent;
  },
  attendance(o: { seat: string; status: 'present' | 'late' | 'absent'; at: string; by?: string; id?: string }): LedgerEvent {
    return { type: 'attendanceRecorded', ...head(o, o.at), by: o.by ?? P.mayor, rosterId: 'r1', seat: o.seat, status: o.status } as unknown as LedgerEvent;
  },
};

/** The error a call throws (failing when it throws nothing or something else). */
export function thrown(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}

/** The path and code of each problem of a refused call. */
export function problems(run: () => unknown): { path: readonly PropertyKey[]; code: string }[] {
  return thrown(run).issues.map((i: Issue) => ({ path: i.path, code: i.code }));
}

/** An actor. */
export const actor = (personId: string, role: Actor['role'], unitId: string, extra: Record<string, unknown> = {}): Actor => ({ personId, role, unitId, ...extra }) as Actor;
