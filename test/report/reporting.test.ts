import { describe, expect, it } from 'vitest';
import { FrontlineError, apply, applyAs, dailyDispatch, renderDispatch, reportingStatus, replay, tableGet, type Actor, type Ledger, type LedgerEvent } from '../../src/index.js';
import { P, U, at, baseLedger, nextId } from '../ledgerFixtures.js';
import { thrownIssues } from '../fixtures.js';

const DAY = '2020-01-27';
const submit = (unitId: string, time = '18:00', by: string = P.mayor, day = DAY): LedgerEvent =>
  ({ type: 'dailyReportSubmitted', id: nextId(), at: at(day, time), by, unitId, day }) as LedgerEvent;
const signOff = (unitId: string, level: 'township' | 'headquarters', time = '22:00', by: string = P.mayor): LedgerEvent =>
  ({ type: 'dailyReportSignedOff', id: nextId(), at: at(DAY, time), by, unitId, day: DAY, level }) as LedgerEvent;

function codes(run: () => unknown): string[] {
  return thrownIssues(run, true).map((i) => `${i.path.join('.')}:${i.code}`);
}

describe('daily reports in the ledger', () => {
  it('records a report and its sign-offs in order: township, then headquarters', () => {
    const l = apply(baseLedger(), [submit(U.wjg), signOff(U.wjg, 'township'), signOff(U.wjg, 'headquarters', '23:00')]);
    expect(tableGet(l.reports, `${U.wjg}|${DAY}`)?.signOffs.map((s) => s.level)).toEqual(['township', 'headquarters']);
  });

  it('refuses bad reports and sign-offs, naming each, and changes nothing', () => {
    const l = apply(baseLedger(), [submit(U.wjg)]);
    expect(
      codes(() =>
        apply(l, [
          submit('nowhere'),
          submit(U.paVol),
          { ...submit(U.lsc, '10:00'), day: '2020-01-28' } as LedgerEvent,
          submit(U.wjg),
          signOff(U.cb, 'township'),
          signOff(U.wjg, 'headquarters'),
        ]),
      ),
    ).toEqual(['0.unitId:unknown_unit', '1.unitId:not_reporting', '2.day:future_report', '3.day:duplicate_report', '4.day:unknown_report', '5.level:not_yet']);
    const withTownship = apply(baseLedger(), [submit(U.pa)]);
    expect(codes(() => apply(withTownship, [signOff(U.pa, 'township')]))).toEqual(['0.level:wrong_level']);
    expect(l.reports.size).toBe(1);
  });

  it('lets a township sign off its villages, and only the headquarters sign off for the county', () => {
    const l = replay([submit(U.wjg, '18:00', P.wjgSec)], baseLedger());
    const township: Actor = { personId: P.paSec, role: 'townshipWorker', unitId: U.pa } as Actor;
    const village: Actor = { personId: P.wjgSec, role: 'villageWorker', unitId: U.wjg } as Actor;
    expect(applyAs(township, l, [signOff(U.wjg, 'township', '22:00', P.paSec)]).reports.size).toBe(1);
    expect(() => applyAs(village, l, [signOff(U.wjg, 'township', '22:00', P.wjgSec)])).toThrow(/may not record/);
    const signed = applyAs(township, l, [signOff(U.wjg, 'township', '22:00', P.paSec)]);
    expect(() => applyAs(township, signed, [signOff(U.wjg, 'headquarters', '23:00', P.paSec)])).toThrow(/only the headquarters/);
  });
});

describe('reportingStatus', () => {
  function ledger(): Ledger {
    return replay([submit(U.wjg, '18:00'), submit(U.lsc, '21:30'), submit(U.pa, '19:00'), signOff(U.wjg, 'township'), signOff(U.wjg, 'headquarters', '23:00'), signOff(U.pa, 'headquarters', '23:00')], baseLedger());
  }

  it('counts each level: expected, on time, late, missing, signed off at every level', () => {
    const r = reportingStatus(ledger(), DAY);
    expect(r.deadline).toBe('20:00');
    expect(r.levels).toEqual([
      { level: 'village', expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1, nothingToReport: 0, signedOff: 1 },
      { level: 'township', expected: 2, submitted: 1, onTime: 1, late: 0, missing: 1, nothingToReport: 0, signedOff: 1 },
    ]);
    expect(r.late.map((u) => u.id)).toEqual([U.lsc]);
    expect(r.missing.map((u) => u.id).sort()).toEqual([U.cb, U.jl].sort());
  });

  it('counts a zero report ("nothing to report") as a report, apart from the missing ones', () => {
    const zero = (unitId: string, time = '18:30'): LedgerEvent => ({ ...submit(unitId, time), nothingToReport: true }) as LedgerEvent;
    const l = replay([submit(U.wjg, '18:00'), zero(U.cb), zero(U.jl, '21:00')], baseLedger());
    expect(tableGet(l.reports, `${U.cb}|${DAY}`)?.nothingToReport).toBe(true);
    expect(Object.hasOwn(tableGet(l.reports, `${U.wjg}|${DAY}`)!, 'nothingToReport')).toBe(false);
    const r = reportingStatus(l, DAY);
    expect(r.levels).toEqual([
      { level: 'village', expected: 3, submitted: 2, onTime: 2, late: 0, missing: 1, nothingToReport: 1, signedOff: 0 },
      { level: 'township', expected: 2, submitted: 1, onTime: 0, late: 1, missing: 1, nothingToReport: 1, signedOff: 0 },
    ]);
    expect(r.missing.map((u) => u.id).sort()).toEqual([U.lsc, U.pa].sort());
    expect(r.nothingToReport.map((u) => u.id).sort()).toEqual([U.cb, U.jl].sort());
    // the dispatch prints them apart from the missing
    const text = renderDispatch(dailyDispatch(l, DAY), { locale: 'en' });
    expect(text).toContain('villages and communities 2/3 (2 on time, 0 late, 1 missing, 1 with nothing to report, 0 signed off at every level)');
    expect(text).toContain('townships 1/2 (0 signed off, 1 with nothing to report)');
    expect(renderDispatch(dailyDispatch(l, DAY))).toContain('缺报 1，零报告 1');
    // a zero report is signed off like any other
    expect(apply(l, [signOff(U.cb, 'township')]).reports.size).toBe(3);
  });

  it('follows the deadline of the settings, and a scope', () => {
    const later = apply(ledger(), [{ type: 'settingsChanged', id: nextId(), at: at(DAY, '08:00'), by: P.mayor, settings: { reportDeadline: '22:00' } } as LedgerEvent]);
    expect(reportingStatus(later, DAY).levels[0]?.late).toBe(0);
    expect(reportingStatus(ledger(), DAY, U.pa).levels[0]).toMatchObject({ expected: 2, submitted: 2 });
    expect(() => reportingStatus(ledger(), DAY, 'nowhere')).toThrow(FrontlineError);
  });
});
