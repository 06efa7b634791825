import { describe, expect, it } from 'vitest';
import { RECORD_POINTS, apply, deriveRecords, tableHas, type Day, type Table, type Ledger, type LedgerEvent, type PerformanceRecord } from '../../src/index.js';
import { ev } from '../ledgerFixtures.js';
import { P, U, at, rosteredLedger, sv } from '../supervision/supervisionFixtures.js';
import { problems } from './evaluationFixtures.js';

const period = (from: string, to: string) => ({ from: from as Day, to: to as Day });
const PERIOD = period('2020-01-26', '2020-01-31');

/**
 * The small ledger with a week of work: shifts checked on 2020-01-27, visits, a delivery, findings
 * fixed and left overdue, volunteer hours, deeds and a three-shows entry.
 */
function ledger(): Ledger {
  const req = ev.serviceRequested({ householdId: 'h-wjg-1', day: '2020-01-27', time: '09:00', due: '2020-01-27T18:00:00+08:00', requestId: 'req-1' });
  const events: LedgerEvent[] = [
    sv.show({ entryId: 's1', personId: P.wjgSec, day: '2020-01-26', at: at('2020-01-26', '09:00') }),
    sv.attendance({ seat: 'cp-wjg/2020-01-27/day/L', status: 'present', at: at('2020-01-27', '08:40') }),
    sv.attendance({ seat: 'cp-wjg/2020-01-27/day/1', status: 'present', at: at('2020-01-27', '08:40') }),
    sv.attendance({ seat: 'cp-lsc/2020-01-27/day/1', status: 'late', at: at('2020-01-27', '08:45') }),
    sv.attendance({ seat: 'cp-lsc/2020-01-27/day/L', status: 'absent', at: at('2020-01-27', '08:45') }),
    sv.attendance({ seat: 'cp-lsc/2020-01-27/night/1', status: 'absent', at: at('2020-01-27', '21:00') }),
    ev.visit({ visitId: 'v1', householdId: 'h-wjg-1', day: '2020-01-27', visitors: [P.wjgSec, P.wjg3] }),
    ev.visit({ visitId: 'v2', householdId: 'h-wjg-2', day: '2020-01-27', time: '11:00', visitors: [P.wjgSec, P.wjg3] }),
    ev.visit({ visitId: 'v3', householdId: 'h-wjg-3', day: '2020-01-27', time: '12:00', outcome: 'nobodyHome', visitors: [P.wjgSec, P.wjg3] }),
    ev.visit({ visitId: 'v4', householdId: 'h-lsc-1', day: '2020-01-28', visitors: [P.lscSec] }),
    ev.visit({ visitId: 'v5', householdId: 'h-wjg-3', day: '2020-01-28', visitors: [P.wjgSec] }),
    req,
    ev.serviceFulfilled({ requestId: 'req-1', day: '2020-01-27', time: '15:00', by: P.wjgSec }),
    ev.serviceRequested({ householdId: 'h-wjg-2', day: '2020-01-27', time: '09:00', due: '2020-01-27T18:00:00+08:00', requestId: 'req-2' }),
    sv.inspection({
      inspectionId: 'i1',
      unitId: U.pa,
      at: at('2020-01-27', '16:00'),
      findings: [
        sv.finding({ id: 'f-fix', unitId: U.wjg, deadline: '2020-01-28' }),
        sv.finding({ id: 'f-over', unitId: U.lsc, deadline: '2020-01-28' }),
        sv.finding({ id: 'f-late-fix', unitId: U.wjg, deadline: '2020-01-28' }),
        sv.finding({ id: 'f-not-due', unitId: U.wjg, deadline: '2020-02-05' }),
      ],
    }),
    sv.submitted({ findingId: 'f-fix', at: at('2020-01-28', '17:00') }),
    sv.rechecked({ findingId: 'f-fix', passed: true, at: at('2020-01-29', '10:00') }),
    ev.volunteer({ personId: P.vol1, day: '2020-01-26' }),
    ev.task({ taskId: 't1', unitId: U.wjg, day: '2020-01-28', postedOn: '2020-01-27', hours: 3 }),
    ev.signUp({ taskId: 't1', personId: P.vol1, day: '2020-01-27' }),
    ev.attended({ taskId: 't1', personId: P.vol1, day: '2020-01-28', hours: 3 }),
    sv.deed({ deedId: 'd-old', personId: P.wjgSec, day: '2020-01-25', points: 3, at: at('2020-01-30', '18:00') }),
    sv.deed({ deedId: 'd1', personId: P.wjgSec, day: '2020-01-30', points: 2, at: at('2020-01-30', '18:00') }),
    sv.deed({ deedId: 'd2', unitId: U.wjg, day: '2020-01-30', points: -1, dimension: 'integrity', at: at('2020-01-30', '18:30') }),
    sv.submitted({ findingId: 'f-late-fix', at: at('2020-02-01', '17:00') }),
    sv.rechecked({ findingId: 'f-late-fix', passed: true, at: at('2020-02-02', '10:00') }),
  ];
  return apply(rosteredLedger(), events);
}

const L = ledger();
const records = deriveRecords(L, PERIOD);
const of = (kind: PerformanceRecord['kind'], rs: readonly PerformanceRecord[] = records): PerformanceRecord[] => rs.filter((r) => r.kind === kind);
const brief = (r: PerformanceRecord) => ({ who: r.personId ?? r.unitId, day: r.day, amount: r.amount, points: r.points, sources: r.sources.map((s) => `${s.table}:${s.id}`).sort() });
/** By subject, then day. */
const sortBrief = (rs: readonly PerformanceRecord[]) =>
  rs.map(brief).sort((a, b) => (a.who === b.who ? (a.day < b.day ? -1 : 1) : (a.who as string) < (b.who as string) ? -1 : 1));

describe('deriveRecords', () => {
  it('derives shifts from attendance: led, kept, late and missed, double for a missed leader seat', () => {
    expect(of('shiftLed').map(brief)).toEqual([{ who: P.wjgSec, day: '2020-01-27', amount: 1, points: RECORD_POINTS.shiftLed.points, sources: ['duties:r1|cp-wjg/2020-01-27/day/L'] }]);
    expect(of('shiftKept').map(brief)).toEqual([{ who: P.wjg3, day: '2020-01-27', amount: 1, points: 1, sources: ['duties:r1|cp-wjg/2020-01-27/day/1'] }]);
    expect(of('shiftLate').map(brief)).toEqual([{ who: P.vol3, day: '2020-01-27', amount: 1, points: -1, sources: ['duties:r1|cp-lsc/2020-01-27/day/1'] }]);
    expect(sortBrief(of('shiftMissed'))).toEqual([
      { who: P.lscSec, day: '2020-01-27', amount: 1, points: -8, sources: ['duties:r1|cp-lsc/2020-01-27/day/L'] },
      { who: P.vol1, day: '2020-01-27', amount: 1, points: -4, sources: ['duties:r1|cp-lsc/2020-01-27/night/1'] },
    ]);
    for (const r of [...of('shiftLed'), ...of('shiftKept'), ...of('shiftLate'), ...of('shiftMissed')]) expect(r.dimension).toBe('diligence');
  });

  it('counts the households screened per visitor and day, with each visit as a source', () => {
    expect(sortBrief(of('householdsScreened'))).toEqual([
      { who: P.lscSec, day: '2020-01-28', amount: 1, points: 0.2, sources: ['visits:v4'] },
      { who: P.wjg3, day: '2020-01-27', amount: 2, points: 0.4, sources: ['visits:v1', 'visits:v2'] },
      { who: P.wjgSec, day: '2020-01-27', amount: 2, points: 0.4, sources: ['visits:v1', 'visits:v2'] },
      { who: P.wjgSec, day: '2020-01-28', amount: 1, points: 0.2, sources: ['visits:v5'] },
    ]);
    for (const r of of('householdsScreened')) expect(r.dimension).toBe('achievement');
  });

  it('counts a household screened several times in a day once, keeping every visit as a source', () => {
    const visits = [3, 1, 2].map((k) => ev.visit({ visitId: `vx${k}`, householdId: 'h-wjg-1', day: '2020-01-29', time: `1${k}:00`, visitors: [P.wjgSec] }));
    const l = apply(rosteredLedger(), visits);
    const recs = deriveRecords(l, period('2020-01-29', '2020-01-29')).filter((r) => r.kind === 'householdsScreened');
    expect(recs.map((r) => ({ who: r.personId, amount: r.amount, points: r.points, sources: r.sources.map((x) => x.id) }))).toEqual([
      { who: P.wjgSec, amount: 1, points: 0.2, sources: ['vx1', 'vx2', 'vx3'] },
    ]);
  });

  it('counts fulfilled service requests for whoever fulfilled them', () => {
    expect(of('deliveryFulfilled').map(brief)).toEqual([{ who: P.wjgSec, day: '2020-01-27', amount: 1, points: 1, sources: ['serviceRequests:req-1'] }]);
  });

  it('credits a passed finding to its unit and each of the unit’s cadres, on the day it passed', () => {
    expect(sortBrief(of('findingFixed'))).toEqual([
      { who: U.wjg, day: '2020-01-29', amount: 1, points: 1, sources: ['findings:f-fix'] },
      { who: P.wjgSec, day: '2020-01-29', amount: 1, points: 1, sources: ['findings:f-fix'] },
    ]);
    expect(of('findingFixed').find((r) => r.unitId === U.wjg)?.personId).toBeUndefined();
  });

  it('charges the findings open past their deadline at the end of the period, to the unit and its cadres', () => {
    expect(sortBrief(of('findingOverdue'))).toEqual([
      { who: U.lsc, day: '2020-01-28', amount: 1, points: -3, sources: ['findings:f-over'] },
      { who: P.lscSec, day: '2020-01-28', amount: 1, points: -3, sources: ['findings:f-over'] },
      { who: U.wjg, day: '2020-01-28', amount: 1, points: -3, sources: ['findings:f-late-fix'] },
      { who: P.wjgSec, day: '2020-01-28', amount: 1, points: -3, sources: ['findings:f-late-fix'] },
    ]);
    // once fixed within a later period, the late finding counts as fixed there
    const later = deriveRecords(L, period('2020-02-01', '2020-02-07'));
    expect(of('findingFixed', later).map((r) => r.sources[0]?.id)).toEqual(['f-late-fix', 'f-late-fix']);
    // f-over counts from the first day of the period; f-not-due from its deadline, within the period
    expect(of('findingOverdue', later).map((r) => [r.sources[0]?.id, r.day]).sort()).toEqual([
      ['f-not-due', '2020-02-05'],
      ['f-not-due', '2020-02-05'],
      ['f-over', '2020-02-01'],
      ['f-over', '2020-02-01'],
    ]);
  });

  it('counts volunteer hours, deeds with their evidence, and three-shows entries', () => {
    expect(of('volunteerHours').map(brief)).toEqual([{ who: P.vol1, day: '2020-01-28', amount: 3, points: 0.75, sources: ['tasks:t1'] }]);
    expect(sortBrief(of('deed'))).toEqual([
      { who: U.wjg, day: '2020-01-30', amount: 1, points: -1, sources: ['deeds:d2'] },
      { who: P.wjgSec, day: '2020-01-30', amount: 1, points: 2, sources: ['deeds:d1'] },
    ]);
    expect(of('deed').find((r) => r.unitId === U.wjg)).toMatchObject({ dimension: 'integrity', text: '连续五天带队完成全村入户摸排' });
    expect(of('threeShows').map(brief)).toEqual([{ who: P.wjgSec, day: '2020-01-26', amount: 1, points: 1, sources: ['threeShows:s1'] }]);
    expect(of('threeShows')[0]).toMatchObject({ dimension: 'morality', text: '我是党员，我先上' });
  });

  it('gives every record exactly one subject and sources that exist in the ledger', () => {
    for (const r of records) {
      expect((r.personId === undefined) !== (r.unitId === undefined)).toBe(true);
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) {
        const table = (L as unknown as Record<string, Table<unknown> | undefined>)[s.table];
        expect(table, s.table).toBeDefined();
        expect(tableHas(table as Table<unknown>, s.id), `${s.table}:${s.id}`).toBe(true);
      }
    }
    expect(records).toHaveLength(3 + 2 + 4 + 1 + 2 + 4 + 1 + 2 + 1);
  });

  it('leaves out the records outside the period', () => {
    const end = deriveRecords(L, period('2020-01-29', '2020-01-31'));
    expect([...new Set(end.map((r) => r.kind))].sort()).toEqual(['deed', 'findingFixed', 'findingOverdue']);
    // an overdue finding of before the period counts from its first day
    expect(of('findingOverdue', end).every((r) => r.day === '2020-01-29')).toBe(true);
    // on its deadline a finding is not yet overdue
    const early = deriveRecords(L, period('2020-01-26', '2020-01-28'));
    expect(of('findingOverdue', early)).toEqual([]);
    expect(of('findingFixed', early)).toEqual([]);
    expect(of('deed', early)).toEqual([]);
    expect(of('shiftLed', early)).toHaveLength(1);
    expect(deriveRecords(L, period('2020-01-25', '2020-01-25')).map(brief)).toEqual([{ who: P.wjgSec, day: '2020-01-25', amount: 1, points: 3, sources: ['deeds:d-old'] }]);
  });

  // A finding left open past its deadline to the end of a period is charged as overdue in it; if
  // it passes a re-check after the period, it still is (closedOn is after the period). But a failed
  // re-check after the period moves the deadline, and the old one is kept nowhere, so the overdue
  // record of the past period disappears: failing the re-check erases the fault that passing it keeps.
  it('charges a finding overdue at the end of a period whatever its re-check decided later', () => {
    const raise = [
      sv.inspection({ inspectionId: 'i0', unitId: U.wjg, at: at('2020-01-27'), findings: [sv.finding({ id: 'f1', unitId: U.wjg, deadline: '2020-01-28' })] }),
      sv.submitted({ findingId: 'f1', at: at('2020-01-30') }),
    ];
    const passed = apply(rosteredLedger(), [...raise, sv.rechecked({ findingId: 'f1', passed: true, at: at('2020-01-31') })]);
    const failed = apply(rosteredLedger(), [...raise, sv.rechecked({ findingId: 'f1', passed: false, deadline: '2020-02-03', at: at('2020-01-31') })]);
    const overdue = (l: Ledger) => of('findingOverdue', deriveRecords(l, period('2020-01-26', '2020-01-30'))).map((r) => r.unitId ?? r.personId);
    expect(overdue(passed)).toEqual([U.wjg, P.wjgSec]);
    expect(overdue(failed)).toEqual([U.wjg, P.wjgSec]);
  });

  it('refuses an empty period', () => {
    expect(problems(() => deriveRecords(L, period('2020-01-31', '2020-01-30')))).toEqual([{ path: ['to'], code: 'custom' }]);
    expect(problems(() => deriveRecords(L, { from: '2020-01-31' } as never)).map((i) => i.path)).toEqual([['to']]);
  });
});
