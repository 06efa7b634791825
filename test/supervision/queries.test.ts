import { describe, expect, it } from 'vitest';
import { apply, findingsOn, uninspectedUnits, type Day, type Ledger } from '../../src/index.js';
import { G, P, U, at, problems, rosteredLedger, sv } from './supervisionFixtures.js';

const d = (s: string): Day => s as Day;

/**
 * Findings raised on 2020-01-27: f-a (吴家沟村, minor, due 01-28), f-b (李山村, critical, due 01-28),
 * f-c (吴家沟村, major, due 02-05), f-d (城北社区, by the other group, major, due 01-29), f-e (吴家沟村,
 * minor, due 01-29, passed on 01-29); and f-f raised on 02-01.
 */
function ledger(): Ledger {
  return apply(rosteredLedger(), [
    sv.inspection({
      inspectionId: 'i-wjg',
      unitId: U.wjg,
      at: at('2020-01-27'),
      findings: [
        sv.finding({ id: 'f-a', severity: 'minor', deadline: '2020-01-28' }),
        sv.finding({ id: 'f-c', severity: 'major', deadline: '2020-02-05' }),
        sv.finding({ id: 'f-e', severity: 'minor', deadline: '2020-01-29' }),
      ],
    }),
    sv.inspection({ inspectionId: 'i-lsc', unitId: U.lsc, at: at('2020-01-27', '11:00'), findings: [sv.finding({ id: 'f-b', unitId: U.lsc, severity: 'critical', deadline: '2020-01-28' })] }),
    sv.inspection({ inspectionId: 'i-cb', groupId: G.jl, unitId: U.cb, by: P.mayor, at: at('2020-01-27', '15:00'), findings: [sv.finding({ id: 'f-d', unitId: U.cb, severity: 'major', deadline: '2020-01-29' })] }),
    sv.submitted({ findingId: 'f-e', at: at('2020-01-28', '17:00') }),
    sv.rechecked({ findingId: 'f-e', passed: true, at: at('2020-01-29', '10:00') }),
    sv.inspection({ inspectionId: 'i-late', unitId: U.wjg, at: at('2020-02-01'), findings: [sv.finding({ id: 'f-f', deadline: '2020-02-02' })] }),
  ]);
}

const ids = (views: readonly { finding: { id: string } }[]): string[] => views.map((v) => v.finding.id);

describe('findingsOn', () => {
  const l = ledger();

  it('lists the open findings raised by the day, most overdue first, then the most serious', () => {
    const views = findingsOn(l, d('2020-01-31'));
    expect(ids(views)).toEqual(['f-b', 'f-a', 'f-d', 'f-c']);
    expect(views.map((v) => [v.open, v.overdue, v.daysOverdue])).toEqual([
      [true, true, 3],
      [true, true, 3],
      [true, true, 2],
      [true, false, 0],
    ]);
  });

  it('lists only the overdue ones, or all of them with the passed', () => {
    expect(ids(findingsOn(l, d('2020-01-31'), { only: 'overdue' }))).toEqual(['f-b', 'f-a', 'f-d']);
    const all = findingsOn(l, d('2020-01-31'), { only: 'all' });
    expect(ids(all)).toEqual(['f-b', 'f-a', 'f-d', 'f-c', 'f-e']);
    expect(all.find((v) => v.finding.id === 'f-e')).toMatchObject({ open: false, overdue: false, daysOverdue: 0 });
    expect(ids(findingsOn(l, d('2020-02-01'), { only: 'all' }))).toContain('f-f');
  });

  it('shows a finding as it stood on the day: not yet overdue on its deadline, open before it passed', () => {
    expect(findingsOn(l, d('2020-01-28')).map((v) => [v.finding.id, v.overdue])).toEqual([
      ['f-b', false], // critical
      ['f-c', false], // major, then by id
      ['f-d', false],
      ['f-a', false], // minor
      ['f-e', false],
    ]);
    const e = findingsOn(l, d('2020-01-28'), { only: 'all' }).find((v) => v.finding.id === 'f-e');
    expect(e?.open).toBe(true);
    expect(findingsOn(l, d('2020-01-26'), { only: 'all' })).toEqual([]);
  });

  it('keeps to a scope and to a group', () => {
    expect(ids(findingsOn(l, d('2020-01-31'), { scope: U.pa }))).toEqual(['f-b', 'f-a', 'f-c']);
    expect(ids(findingsOn(l, d('2020-01-31'), { scope: U.wjg }))).toEqual(['f-a', 'f-c']);
    expect(ids(findingsOn(l, d('2020-01-31'), { scope: U.jl }))).toEqual(['f-d']);
    expect(ids(findingsOn(l, d('2020-01-31'), { groupId: G.jl }))).toEqual(['f-d']);
    expect(ids(findingsOn(l, d('2020-01-31'), { scope: U.yc }))).toHaveLength(4);
  });

  // A reopening moves a finding's deadline, and the old one is kept nowhere (the actions record no
  // deadline): a view of an earlier day then measures against the new deadline. Here the finding
  // was two days overdue on 2020-01-30; after the failed re-check of 2020-01-31 the view of
  // 2020-01-30 says it was not overdue.
  it('shows a reopened finding overdue on the days before it was reopened', () => {
    const m = apply(rosteredLedger(), [
      sv.inspection({ inspectionId: 'i0', at: at('2020-01-27'), findings: [sv.finding({ id: 'f1', deadline: '2020-01-28' })] }),
      sv.submitted({ findingId: 'f1', at: at('2020-01-30') }),
      sv.rechecked({ findingId: 'f1', passed: false, deadline: '2020-02-03', at: at('2020-01-31') }),
    ]);
    expect(findingsOn(m, d('2020-01-30'), { only: 'all' }).map((v) => [v.finding.id, v.open, v.overdue, v.daysOverdue])).toEqual([['f1', true, true, 2]]);
  });

  it('refuses an unknown scope', () => {
    expect(problems(() => findingsOn(l, d('2020-01-31'), { scope: 'nowhere' as never }))).toEqual([{ path: ['scope'], code: 'unknown_unit' }]);
  });
});

describe('findingsOn and uninspectedUnits refuse bad input', () => {
  it('a day that is not a real day, and an unknown `only`, each named by its path', () => {
    const l = ledger();
    for (const bad of ['2020-02-31', '2020-1-31', 'tomorrow']) {
      expect(problems(() => findingsOn(l, d(bad))).every((p) => p.path[0] === 'asOf')).toBe(true);
      expect(problems(() => uninspectedUnits(l, G.pa, d(bad), 3)).every((p) => p.path[0] === 'asOf')).toBe(true);
    }
    expect(problems(() => findingsOn(l, d('2020-01-31'), { only: 'overdu' as 'overdue' }))).toEqual([{ path: ['only'], code: 'invalid_value' }]);
  });
});

describe('uninspectedUnits', () => {
  const l = apply(rosteredLedger(), [
    sv.inspection({ inspectionId: 'i1', unitId: U.wjg, at: at('2020-01-27') }),
    sv.inspection({ inspectionId: 'i2', unitId: U.lsc, at: at('2020-02-03') }), // after the day asked about
    sv.inspection({ inspectionId: 'i3', groupId: G.jl, unitId: U.cb, by: P.mayor, at: at('2020-01-30') }),
  ]);
  const view = (days: number, asOf = '2020-01-31'): [string, string | null][] =>
    uninspectedUnits(l, G.pa, d(asOf), days)
      .map((u): [string, string | null] => [u.unit.id, u.lastInspected])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));

  it('lists the places of the group’s scope not inspected within the window, not its teams', () => {
    // 2020-01-27 is 4 days before 2020-01-31: within a window of 5 days or more
    expect(view(7)).toEqual([
      [U.lsc, null],
      [U.pa, null],
    ]);
    expect(view(5)).toEqual([
      [U.lsc, null],
      [U.pa, null],
    ]);
    expect(view(4)).toEqual([
      [U.lsc, null],
      [U.pa, null],
      [U.wjg, '2020-01-27'],
    ]);
    expect(view(1)).toContainEqual([U.wjg, '2020-01-27']);
  });

  it('counts only the group’s own inspections, up to the day', () => {
    expect(view(7, '2020-02-05')).toEqual([
      [U.pa, null],
      [U.wjg, '2020-01-27'],
    ]);
    expect(uninspectedUnits(l, G.jl, d('2020-01-31'), 3).map((u) => u.unit.id).sort()).toEqual([U.jl]);
    expect(uninspectedUnits(l, G.jl, d('2020-01-29'), 3).map((u) => u.unit.id).sort()).toEqual([U.cb, U.jl]);
  });

  it('refuses an unknown group and a window under one whole day', () => {
    expect(problems(() => uninspectedUnits(l, 'sg-none', d('2020-01-31'), 7))).toEqual([{ path: ['groupId'], code: 'unknown_group' }]);
    expect(problems(() => uninspectedUnits(l, G.pa, d('2020-01-31'), 0))).toEqual([{ path: ['days'], code: 'too_small' }]);
    expect(problems(() => uninspectedUnits(l, G.pa, d('2020-01-31'), 1.5))).toEqual([{ path: ['days'], code: 'too_small' }]);
  });
});
