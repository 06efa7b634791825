import { describe, expect, it } from 'vitest';
import { apply, applyAs, ledgerRoster, onDuty, replay, tableGet, tableValues, tryApply, type Finding, type Ledger, type LedgerEvent } from '../../src/index.js';
import { deepFreeze, snapshot } from '../ledgerFixtures.js';
import { G, P, U, actor, at, problems, rostered, rosteredLedger, sv, thrown } from './supervisionFixtures.js';

const AT = at('2020-01-27', '10:00'); // the day shift of 2020-01-27
const NIGHT = at('2020-01-27', '22:00'); // the night shift of 2020-01-27

/** The finding, failing when it is missing. */
function finding(l: Ledger, id: string): Finding {
  const f = tableGet(l.findings, id);
  if (f === undefined) throw new Error(`no finding '${id}'`);
  return f;
}

/** An inspection of 吴家沟村's checkpoint at 10:00 on 2020-01-27, checked against the roster. */
const atWjg = (inspectionId: string, answers: unknown[], extra: Record<string, unknown> = {}): LedgerEvent =>
  sv.inspection({ inspectionId, unitId: U.wjg, postId: 'cp-wjg', rosterId: 'r1', at: AT, answers, ...extra });

describe('inspections checked against the roster', () => {
  it('the fixture pins the day shift of 吴家沟村 to wjg-sec and wjg-3, and leaves the night leader seat of 李山村 unfilled', () => {
    const l = rosteredLedger();
    expect(rostered(l, 'cp-wjg', AT)).toEqual({ leader: P.wjgSec, staff: [P.wjg3] });
    expect(rostered(l, 'cp-lsc', NIGHT)).toEqual({ leader: null, staff: [P.vol1] });
  });

  it('raises no finding when the staffing and the leader match the roster, and stores the inspection', () => {
    const l = rosteredLedger();
    const answers = [
      { item: 'staffOnDuty', count: 2 },
      { item: 'leaderOnDuty', personId: P.wjgSec },
      { item: 'gatherings', ok: true },
      { item: 'supplies', ok: true },
    ];
    const next = apply(l, [atWjg('i-ok', answers)]);
    expect(next.findings.size).toBe(l.findings.size);
    expect(tableGet(next.inspections, 'i-ok')).toEqual({
      id: 'i-ok',
      groupId: G.pa,
      unitId: U.wjg,
      postId: 'cp-wjg',
      rosterId: 'r1',
      at: AT,
      by: P.sup,
      answers,
      findings: [],
    });
    expect(l.inspections.size).toBe(0);
  });

  it('raises <id>/staff (major) when fewer are on duty than the roster has, due the next day', () => {
    const next = apply(rosteredLedger(), [atWjg('i-few', [{ item: 'staffOnDuty', count: 1 }, { item: 'leaderOnDuty', personId: P.wjgSec }])]);
    const f = finding(next, 'i-few/staff');
    expect(f).toMatchObject({
      inspectionId: 'i-few',
      groupId: G.pa,
      item: 'staffOnDuty',
      severity: 'major',
      unitId: U.wjg,
      fromRoster: true,
      raisedOn: '2020-01-27',
      deadline: '2020-01-28',
      status: 'open',
      actions: [],
    });
    expect(f.description).toContain('1');
    expect(f.description).toContain('2');
    expect(tableGet(next.findings, 'i-few/leader')).toBeUndefined();
    expect(tableGet(next.inspections, 'i-few')?.findings).toEqual(['i-few/staff']);
  });

  it('raises <id>/staff as minor when more are on duty than rostered, and gives the days to rectify', () => {
    const next = apply(rosteredLedger(), [atWjg('i-many', [{ item: 'staffOnDuty', count: 3 }], { rosterFindingDays: 3 })]);
    expect(finding(next, 'i-many/staff')).toMatchObject({ severity: 'minor', deadline: '2020-01-30' });
  });

  it('raises <id>/leader (major) when someone else leads than the roster says, naming both', () => {
    const next = apply(rosteredLedger(), [atWjg('i-other', [{ item: 'staffOnDuty', count: 2 }, { item: 'leaderOnDuty', personId: P.wjg3 }])]);
    const f = finding(next, 'i-other/leader');
    expect(f).toMatchObject({ item: 'leaderOnDuty', severity: 'major', fromRoster: true, unitId: U.wjg, status: 'open' });
    expect(f.description).toContain('测试wjg-sec');
    expect(f.description).toContain('测试wjg-3');
    expect(tableGet(next.findings, 'i-other/staff')).toBeUndefined();
  });

  it('raises <id>/leader as critical when nobody leads a shift the roster gives a leader', () => {
    const next = apply(rosteredLedger(), [atWjg('i-none', [{ item: 'leaderOnDuty', personId: null }])]);
    expect(finding(next, 'i-none/leader')).toMatchObject({ item: 'leaderOnDuty', severity: 'critical' });
  });

  it('raises <id>/leader as critical when the roster leaves the leader seat unfilled, whoever is found', () => {
    const l = rosteredLedger();
    const base = { unitId: U.lsc, postId: 'cp-lsc', rosterId: 'r1', at: NIGHT };
    const next = apply(l, [
      sv.inspection({ inspectionId: 'i-empty', ...base, answers: [{ item: 'staffOnDuty', count: 1 }, { item: 'leaderOnDuty', personId: null }] }),
      sv.inspection({ inspectionId: 'i-stand-in', ...base, answers: [{ item: 'leaderOnDuty', personId: P.lscSec }] }),
    ]);
    expect(finding(next, 'i-empty/leader')).toMatchObject({ severity: 'critical', unitId: U.lsc });
    expect(tableGet(next.findings, 'i-empty/staff')).toBeUndefined(); // one rostered (the staff seat), one found
    expect(finding(next, 'i-stand-in/leader')).toMatchObject({ severity: 'critical' });
    expect(finding(next, 'i-stand-in/leader').description).toContain('测试lsc-sec');
  });

  it('checks nothing against a roster that is not named, or outside its horizon', () => {
    const wrong = [{ item: 'staffOnDuty', count: 0 }, { item: 'leaderOnDuty', personId: null }];
    const next = apply(rosteredLedger(), [
      sv.inspection({ inspectionId: 'i-no-roster', unitId: U.wjg, postId: 'cp-wjg', at: AT, answers: wrong }),
      sv.inspection({ inspectionId: 'i-later', unitId: U.wjg, postId: 'cp-wjg', rosterId: 'r1', at: at('2020-02-03'), answers: wrong }),
    ]);
    expect(next.findings.size).toBe(0);
  });

  it('stores the findings the inspectors raise, open with their deadline, next to the roster check’s', () => {
    const raised = [
      sv.finding({ id: 'f-supplies', item: 'supplies', severity: 'minor', unitId: U.wjg, deadline: '2020-01-29' }),
      sv.finding({ id: 'f-gather', item: 'gatherings', severity: 'major', unitId: U.lsc, deadline: '2020-01-27', description: '村民聚集打牌' }),
    ];
    const next = apply(rosteredLedger(), [atWjg('i-raise', [{ item: 'staffOnDuty', count: 1 }, { item: 'supplies', ok: false }], { findings: raised })]);
    expect(finding(next, 'f-supplies')).toEqual({
      id: 'f-supplies',
      inspectionId: 'i-raise',
      groupId: G.pa,
      item: 'supplies',
      severity: 'minor',
      unitId: U.wjg,
      description: '口罩储备不足',
      fromRoster: false,
      raisedOn: '2020-01-27',
      deadline: '2020-01-29',
      firstDeadline: '2020-01-29',
      status: 'open',
      actions: [],
    });
    expect(finding(next, 'f-gather')).toMatchObject({ unitId: U.lsc, deadline: '2020-01-27', status: 'open', fromRoster: false });
    expect(tableGet(next.inspections, 'i-raise')?.findings).toEqual(['f-supplies', 'f-gather', 'i-raise/staff']);
  });
});

describe('a published roster that leaves a leader seat out (not null: missing)', () => {
  /**
   * The small ledger with a roster `r2` published over the same posts and days as `r1`, but with
   * the leader seat of 吴家沟村's day shift of 2020-01-27 left out (its staff seat kept), and every
   * seat of 李山村's night shift of 2020-01-27 left out.
   */
  const leftOut = (): Ledger => {
    const l = rosteredLedger();
    const r1 = ledgerRoster(l, 'r1');
    const seats: Record<string, string | null> = { ...r1.seats };
    delete seats['cp-wjg/2020-01-27/day/L'];
    delete seats['cp-lsc/2020-01-27/night/L'];
    delete seats['cp-lsc/2020-01-27/night/1'];
    return apply(l, [{ type: 'rosterPublished', id: 'pub-r2', at: at('2020-01-25', '20:00'), by: P.mayor, rosterId: 'r2', roster: { ...r1, seats } } as unknown as LedgerEvent]);
  };
  const atWjg2 = (inspectionId: string, answers: unknown[]): LedgerEvent => sv.inspection({ inspectionId, unitId: U.wjg, postId: 'cp-wjg', rosterId: 'r2', at: AT, answers });

  it('the ledger records the roster as published, and onDuty shows the shift with its staff and no leader seat', () => {
    const l = leftOut();
    expect(tableGet(l.rosters, 'r2')?.seats).not.toContain('cp-wjg/2020-01-27/day/L');
    const shifts = onDuty(ledgerRoster(l, 'r2'), 'cp-wjg', AT).shifts;
    expect(shifts.map((d) => [d.shiftId, d.leader, d.leaderSeatMissing, d.staff])).toEqual([['day', null, true, [P.wjg3]]]);
  });

  it('raises <id>/leader as critical, whoever is found leading, and checks the staff against the seats the roster has', () => {
    const next = apply(leftOut(), [
      atWjg2('i-gone', [{ item: 'staffOnDuty', count: 2 }, { item: 'leaderOnDuty', personId: P.wjgSec }]),
      atWjg2('i-gone-none', [{ item: 'leaderOnDuty', personId: null }]),
    ]);
    const f = finding(next, 'i-gone/leader');
    expect(f).toMatchObject({ item: 'leaderOnDuty', severity: 'critical', fromRoster: true, unitId: U.wjg, status: 'open' });
    expect(f.description).toContain('no leader seat');
    expect(f.description).toContain('测试wjg-sec');
    // the roster has one person on the shift (the staff seat): two found is one more
    expect(finding(next, 'i-gone/staff')).toMatchObject({ severity: 'minor' });
    expect(finding(next, 'i-gone-none/leader')).toMatchObject({ severity: 'critical' });
    expect(tableGet(next.inspections, 'i-gone')?.findings).toEqual(['i-gone/staff', 'i-gone/leader']);
  });

  it('raises it even when the inspectors did not ask who leads: the roster itself has no leader for the shift', () => {
    const next = apply(leftOut(), [atWjg2('i-unasked', [{ item: 'supplies', ok: true }])]);
    expect(finding(next, 'i-unasked/leader')).toMatchObject({ item: 'leaderOnDuty', severity: 'critical', fromRoster: true });
    // the same inspection against r1, where the seat is listed and filled, raises nothing
    const r1 = apply(leftOut(), [sv.inspection({ inspectionId: 'i-r1', unitId: U.wjg, postId: 'cp-wjg', rosterId: 'r1', at: AT, answers: [{ item: 'supplies', ok: true }] })]);
    expect(tableGet(r1.findings, 'i-r1/leader')).toBeUndefined();
  });

  it('a shift of an open post with no seat at all in the roster is a shift without a leader too', () => {
    const l = leftOut();
    // the pure roster cannot tell it from a closed day…
    expect(onDuty(ledgerRoster(l, 'r2'), 'cp-lsc', NIGHT).shifts).toEqual([]);
    // …the ledger knows the post is open
    const next = apply(l, [sv.inspection({ inspectionId: 'i-bare', unitId: U.lsc, postId: 'cp-lsc', rosterId: 'r2', at: NIGHT, answers: [{ item: 'staffOnDuty', count: 0 }] })]);
    expect(finding(next, 'i-bare/leader')).toMatchObject({ severity: 'critical', unitId: U.lsc });
    expect(tableGet(next.findings, 'i-bare/staff')).toBeUndefined();
    // a day the post is closed is no shift: nothing is raised
    const closed = apply(l, [{ type: 'postClosed', id: 'close-lsc', at: at('2020-01-26', '12:00'), by: P.mayor, postId: 'cp-lsc', lastDay: '2020-01-26' } as unknown as LedgerEvent]);
    const after = apply(closed, [sv.inspection({ inspectionId: 'i-closed', unitId: U.lsc, postId: 'cp-lsc', rosterId: 'r2', at: NIGHT, answers: [{ item: 'staffOnDuty', count: 0 }] })]);
    expect(after.findings.size).toBe(0);
  });
});

describe('the loop of a finding: rectification and re-check', () => {
  const raised = (): Ledger =>
    apply(rosteredLedger(), [sv.inspection({ inspectionId: 'i1', at: AT, findings: [sv.finding({ id: 'f1', deadline: '2020-01-28' })] })]);

  it('a submitted rectification moves an open finding to submitted, keeping what was done', () => {
    const l = raised();
    const when = at('2020-01-28', '17:00');
    const next = apply(l, [sv.submitted({ findingId: 'f1', at: when, by: P.wjgSec, note: '已补充口罩储备' })]);
    expect(finding(next, 'f1').status).toBe('submitted');
    expect(finding(next, 'f1').actions).toEqual([{ kind: 'submitted', at: when, by: P.wjgSec, note: '已补充口罩储备' }]);
    expect(finding(l, 'f1').status).toBe('open');
  });

  it('refuses a rectification of a finding that is not open, or unknown', () => {
    const submitted = apply(raised(), [sv.submitted({ findingId: 'f1' })]);
    expect(problems(() => apply(submitted, [sv.submitted({ findingId: 'f1' })]))).toEqual([{ path: [0, 'findingId'], code: 'not_open' }]);
    const passed = apply(submitted, [sv.rechecked({ findingId: 'f1', passed: true })]);
    expect(problems(() => apply(passed, [sv.submitted({ findingId: 'f1', at: at('2020-01-30') })]))).toEqual([{ path: [0, 'findingId'], code: 'not_open' }]);
    expect(problems(() => apply(raised(), [sv.submitted({ findingId: 'f-none' })]))).toEqual([{ path: [0, 'findingId'], code: 'unknown_finding' }]);
  });

  it('a passed re-check closes the finding on the day of the re-check', () => {
    const when = at('2020-01-29', '10:00');
    const next = apply(raised(), [sv.submitted({ findingId: 'f1' }), sv.rechecked({ findingId: 'f1', passed: true, at: when, note: '整改到位' })]);
    const f = finding(next, 'f1');
    expect(f.status).toBe('passed');
    expect(f.closedOn).toBe('2020-01-29');
    expect(f.deadline).toBe('2020-01-28');
    expect(f.actions.map((a) => a.kind)).toEqual(['submitted', 'passed']);
    expect(f.actions[1]).toEqual({ kind: 'passed', at: when, by: P.sup, note: '整改到位' });
  });

  it('a failed re-check reopens the finding with its new deadline, and the loop goes round again', () => {
    const next = apply(raised(), [
      sv.submitted({ findingId: 'f1' }),
      sv.rechecked({ findingId: 'f1', passed: false, deadline: '2020-01-31', note: '整改不彻底' }),
    ]);
    const f = finding(next, 'f1');
    expect(f).toMatchObject({ status: 'open', deadline: '2020-01-31' });
    expect(f.closedOn).toBeUndefined();
    const again = apply(next, [sv.submitted({ findingId: 'f1', at: at('2020-01-30') }), sv.rechecked({ findingId: 'f1', passed: true, at: at('2020-01-31') })]);
    expect(finding(again, 'f1')).toMatchObject({ status: 'passed', closedOn: '2020-01-31' });
    expect(finding(again, 'f1').actions.map((a) => a.kind)).toEqual(['submitted', 'reopened', 'submitted', 'passed']);
  });

  it('a reopening without a deadline keeps the old one', () => {
    const next = apply(raised(), [sv.submitted({ findingId: 'f1' }), sv.rechecked({ findingId: 'f1', passed: false })]);
    expect(finding(next, 'f1')).toMatchObject({ status: 'open', deadline: '2020-01-28' });
  });

  it('re-checks only a submitted rectification, sets no deadline on a pass, and no deadline before the re-check', () => {
    expect(problems(() => apply(raised(), [sv.rechecked({ findingId: 'f1', passed: true })]))).toEqual([{ path: [0, 'findingId'], code: 'not_submitted' }]);
    const submitted = apply(raised(), [sv.submitted({ findingId: 'f1' })]);
    expect(problems(() => apply(submitted, [sv.rechecked({ findingId: 'f1', passed: true, deadline: '2020-02-01' })]))).toEqual([{ path: [0, 'deadline'], code: 'deadline_on_pass' }]);
    expect(problems(() => apply(submitted, [sv.rechecked({ findingId: 'f1', passed: false, deadline: '2020-01-28' })]))).toEqual([{ path: [0, 'deadline'], code: 'past_deadline' }]);
    const passed = apply(submitted, [sv.rechecked({ findingId: 'f1', passed: true })]);
    expect(problems(() => apply(passed, [sv.rechecked({ findingId: 'f1', passed: true, at: at('2020-01-30') })]))).toEqual([{ path: [0, 'findingId'], code: 'not_submitted' }]);
    expect(problems(() => apply(raised(), [sv.rechecked({ findingId: 'f-none', passed: true })]))).toEqual([{ path: [0, 'findingId'], code: 'unknown_finding' }]);
  });
});

describe('bad inspections', () => {
  it('names each problem with its path, and applies nothing of the batch', () => {
    const l = rosteredLedger();
    const before = snapshot(l);
    const batch = deepFreeze([
      sv.inspection({ inspectionId: 'b-ok', unitId: U.wjg }), // fine by itself, refused with the rest
      sv.inspection({ inspectionId: 'b-group', groupId: 'sg-none' }),
      sv.inspection({ inspectionId: 'b-scope', unitId: U.cb }),
      sv.inspection({ inspectionId: 'b-post', unitId: U.lsc, postId: 'cp-wjg' }),
      sv.inspection({ inspectionId: 'b-roster', unitId: U.wjg, rosterId: 'r1' }),
      sv.inspection({ inspectionId: 'b-deadline', findings: [sv.finding({ id: 'b-f0', deadline: '2020-01-26' })] }),
      sv.inspection({ inspectionId: 'b-dup', findings: [sv.finding({ id: 'b-f1' }), sv.finding({ id: 'b-f1' }), sv.finding({ id: 'b-dup/staff' })] }),
      sv.inspection({ inspectionId: 'b-twice', answers: [{ item: 'supplies', ok: true }, { item: 'gatherings', ok: true }, { item: 'supplies', ok: false }] }),
      sv.inspection({ inspectionId: 'b-unit', findings: [sv.finding({ id: 'b-f2', unitId: U.cb }), sv.finding({ id: 'b-f3', unitId: 'nowhere' })] }),
      sv.inspection({ inspectionId: 'b-ghost-post', postId: 'cp-none', answers: [{ item: 'leaderOnDuty', personId: 'nobody' }] }),
      sv.inspection({ inspectionId: 'b-ghost-roster', postId: 'cp-wjg', rosterId: 'r9' }),
      sv.inspection({ inspectionId: 'b-ok' }),
    ]);
    const input = snapshot(batch);
    expect(problems(() => apply(l, batch))).toEqual([
      { path: [1, 'groupId'], code: 'unknown_group' },
      { path: [2, 'unitId'], code: 'outside_group' },
      { path: [3, 'postId'], code: 'post_outside_unit' },
      { path: [4, 'rosterId'], code: 'roster_without_post' },
      { path: [5, 'findings', 0, 'deadline'], code: 'past_deadline' },
      { path: [6, 'findings', 1, 'id'], code: 'duplicate_id' },
      { path: [6, 'findings', 2, 'id'], code: 'duplicate_id' },
      { path: [7, 'answers', 2, 'item'], code: 'duplicate_answer' },
      { path: [8, 'findings', 0, 'unitId'], code: 'outside_group' },
      { path: [8, 'findings', 1, 'unitId'], code: 'unknown_unit' },
      { path: [9, 'postId'], code: 'unknown_post' },
      { path: [9, 'answers', 0, 'personId'], code: 'unknown_person' },
      { path: [10, 'rosterId'], code: 'unknown_roster' },
      { path: [11, 'inspectionId'], code: 'duplicate_id' },
    ]);
    expect(tryApply(l, batch).ok).toBe(false);
    expect(snapshot(l)).toEqual(before);
    expect(snapshot(batch)).toEqual(input);
    expect(l.inspections.size).toBe(0);
    expect(l.findings.size).toBe(0);
  });

  it('refuses a roster that does not have the post, and a finding id the ledger already has', () => {
    const l = apply(rosteredLedger(), [
      { type: 'postOpened', id: 'open-cp-extra', at: at('2020-01-26'), by: P.mayor, post: { id: 'cp-extra', name: '新卡点', kind: 'checkpoint', unitId: U.wjg, poolId: U.pa, shifts: [{ id: 'day', start: '08:00', end: '20:00' }], leader: { cadreLevel: 'village' }, staff: 1 } } as unknown as LedgerEvent,
      sv.inspection({ inspectionId: 'i1', findings: [sv.finding({ id: 'f1' })] }),
    ]);
    expect(problems(() => apply(l, [sv.inspection({ inspectionId: 'i2', postId: 'cp-extra', rosterId: 'r1', findings: [sv.finding({ id: 'f1' })] })]))).toEqual([
      { path: [0, 'rosterId'], code: 'post_not_rostered' },
      { path: [0, 'findings', 0, 'id'], code: 'duplicate_id' },
    ]);
  });

  // The roster check names its findings `<inspectionId>/staff` and `<inspectionId>/leader` and
  // reserves those ids against the inspectors' own findings of the same inspection, but not against
  // the findings the ledger already has: an earlier inspection may have raised a finding with that
  // id, and the roster check then overwrites it (the earlier inspection still lists the id, now
  // pointing at the other inspection's finding).
  it('never lets a roster finding overwrite a finding the ledger has', () => {
    const l = apply(rosteredLedger(), [sv.inspection({ inspectionId: 'i0', at: at('2020-01-27', '09:00'), findings: [sv.finding({ id: 'i1/staff', description: '消毒记录缺失' })] })]);
    const r = tryApply(l, [atWjg('i1', [{ item: 'staffOnDuty', count: 1 }])]);
    if (!r.ok) return; // refused as a duplicate: nothing lost
    expect(finding(r.value, 'i1/staff')).toMatchObject({ inspectionId: 'i0', description: '消毒记录缺失' });
  });

  it('refuses an answer of the wrong shape, naming its path', () => {
    const e = thrown(() => apply(rosteredLedger(), [sv.inspection({ inspectionId: 'i1', answers: [{ item: 'staffOnDuty', count: -1 }] })]));
    expect(e.issues.map((i) => i.path)).toEqual([[0, 'answers', 0, 'count']]);
  });
});

describe('who may record supervision (applyAs)', () => {
  const ownSupervisor = actor(P.sup, 'supervisor', U.yc, { supervisionGroupId: G.pa });
  const otherSupervisor = actor(P.mayor, 'supervisor', U.yc, { supervisionGroupId: G.jl });
  const wjgWorker = actor(P.wjgSec, 'villageWorker', U.wjg);
  const lscWorker = actor(P.lscSec, 'villageWorker', U.lsc);
  const hq = actor(P.mayor, 'headquarters', U.yc);
  const raise = (by: string) => sv.inspection({ inspectionId: 'i1', by, findings: [sv.finding({ id: 'f1' })] });

  it('lets the group’s own supervisor inspect, and refuses a supervisor of another group', () => {
    const l = rosteredLedger();
    expect(applyAs(ownSupervisor, l, [raise(P.sup)]).inspections.size).toBe(1);
    const e = thrown(() => applyAs(otherSupervisor, l, [raise(P.mayor)]));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([[[0], 'not_authorized']]);
    expect(e.issues[0]?.message).toContain(G.pa);
    expect(() => applyAs(wjgWorker, l, [raise(P.wjgSec)])).toThrow(/not_authorized|may not record/);
    expect(applyAs(hq, l, [raise(P.mayor)]).inspections.size).toBe(1);
  });

  it('lets a village worker submit the rectification of a finding in their unit, but not re-check it', () => {
    const l = applyAs(ownSupervisor, rosteredLedger(), [raise(P.sup)]);
    const submitted = applyAs(wjgWorker, l, [sv.submitted({ findingId: 'f1', by: P.wjgSec })]);
    expect(finding(submitted, 'f1').status).toBe('submitted');
    expect(problems(() => applyAs(lscWorker, l, [sv.submitted({ findingId: 'f1', by: P.lscSec })]))).toEqual([{ path: [0], code: 'not_authorized' }]);
    expect(problems(() => applyAs(wjgWorker, submitted, [sv.rechecked({ findingId: 'f1', passed: true, by: P.wjgSec })]))).toEqual([{ path: [0], code: 'not_authorized' }]);
    expect(problems(() => applyAs(otherSupervisor, submitted, [sv.rechecked({ findingId: 'f1', passed: true, by: P.mayor })]))).toEqual([{ path: [0], code: 'not_authorized' }]);
    expect(problems(() => applyAs(ownSupervisor, l, [sv.submitted({ findingId: 'f1', by: P.sup })]))).toEqual([{ path: [0], code: 'not_authorized' }]);
    expect(finding(applyAs(ownSupervisor, submitted, [sv.rechecked({ findingId: 'f1', passed: true, by: P.sup })]), 'f1').status).toBe('passed');
  });
});

describe('deeds and three-shows entries', () => {
  it('records a deed of a person or of a unit, with its recorder', () => {
    const next = apply(rosteredLedger(), [sv.deed({ deedId: 'd1', personId: P.wjgSec, points: 5 }), sv.deed({ deedId: 'd2', unitId: U.wjg, points: -5, dimension: 'integrity' })]);
    expect(tableGet(next.deeds, 'd1')).toEqual({ id: 'd1', personId: P.wjgSec, dimension: 'achievement', evidence: '连续五天带队完成全村入户摸排', points: 5, day: '2020-01-30', recordedBy: P.mayor });
    expect(tableGet(next.deeds, 'd2')).toMatchObject({ unitId: U.wjg, points: -5, dimension: 'integrity' });
  });

  it('needs exactly one of a person and a unit', () => {
    expect(problems(() => apply(rosteredLedger(), [sv.deed({ deedId: 'd1', personId: P.wjgSec, unitId: U.wjg }), sv.deed({ deedId: 'd2' })]))).toEqual([
      { path: [0, 'deed', 'personId'], code: 'custom' },
      { path: [1, 'deed', 'personId'], code: 'custom' },
    ]);
  });

  it('needs points from −5 to 5, never 0', () => {
    const l = rosteredLedger();
    const bad = problems(() => apply(l, [sv.deed({ deedId: 'd0', personId: P.wjgSec, points: 0 }), sv.deed({ deedId: 'd6', personId: P.wjgSec, points: 6 }), sv.deed({ deedId: 'dm6', personId: P.wjgSec, points: -6 })]));
    expect(bad.map((i) => i.path)).toEqual([
      [0, 'deed', 'points'],
      [1, 'deed', 'points'],
      [2, 'deed', 'points'],
    ]);
    expect(bad.map((i) => i.code)).toEqual(['custom', 'too_big', 'too_small']);
    expect(apply(l, [sv.deed({ deedId: 'd5', personId: P.wjgSec, points: 5 }), sv.deed({ deedId: 'dm5', personId: P.wjgSec, points: -5 }), sv.deed({ deedId: 'd1', personId: P.wjgSec, points: 1 })]).deeds.size).toBe(3);
  });

  it('refuses a deed in the future, of an unknown person or unit, and a duplicate id', () => {
    const l = apply(rosteredLedger(), [sv.deed({ deedId: 'd1', personId: P.wjgSec })]);
    expect(
      problems(() =>
        apply(l, [
          sv.deed({ deedId: 'd2', personId: P.wjgSec, day: '2020-01-31', at: at('2020-01-30', '23:00') }),
          sv.deed({ deedId: 'd3', personId: 'nobody' }),
          sv.deed({ deedId: 'd4', unitId: 'nowhere' }),
          sv.deed({ deedId: 'd1', personId: P.wjgSec }),
        ]),
      ),
    ).toEqual([
      { path: [0, 'deed', 'day'], code: 'future_deed' },
      { path: [1, 'deed', 'personId'], code: 'unknown_person' },
      { path: [2, 'deed', 'unitId'], code: 'unknown_unit' },
      { path: [3, 'deed', 'id'], code: 'duplicate_id' },
    ]);
    // a deed of an earlier day is fine
    expect(apply(l, [sv.deed({ deedId: 'd5', personId: P.wjgSec, day: '2020-01-24' })]).deeds.size).toBe(2);
  });

  it('records the three shows of Party members only', () => {
    const l = rosteredLedger();
    const next = apply(l, [sv.show({ entryId: 's1', personId: P.wjgSec }), sv.show({ entryId: 's2', personId: P.vol1 })]);
    expect(tableGet(next.threeShows, 's1')).toEqual({ id: 's1', personId: P.wjgSec, show: 'commitment', text: '我是党员，我先上', day: '2020-01-26' });
    expect(
      problems(() =>
        apply(l, [
          sv.show({ entryId: 's3', personId: P.wjg3 }), // an activist
          sv.show({ entryId: 's4', personId: P.wjg1 }), // not a member
          sv.show({ entryId: 's5', personId: 'nobody' }),
          sv.show({ entryId: 's6', personId: P.wjgSec, day: '2020-01-27' }),
        ]),
      ),
    ).toEqual([
      { path: [0, 'entry', 'personId'], code: 'not_a_member' },
      { path: [1, 'entry', 'personId'], code: 'not_a_member' },
      { path: [2, 'entry', 'personId'], code: 'unknown_person' },
      { path: [3, 'entry', 'day'], code: 'future_entry' },
    ]);
  });

  it('records a probationary member’s three shows', () => {
    const l = apply(rosteredLedger(), [
      { type: 'peopleRegistered', id: 'reg-prob', at: at('2020-01-25'), by: P.mayor, people: [{ id: 'prob-1', name: '测试prob-1', sex: 'female', birthDate: '1990-02-01', unitId: U.wjg, partyStatus: 'probationaryMember' }] } as unknown as LedgerEvent,
    ]);
    expect(apply(l, [sv.show({ entryId: 's1', personId: 'prob-1' })]).threeShows.size).toBe(1);
  });
});

describe('replay and apply agree on a supervision journal', () => {
  it('gives the same findings, inspections, deeds, entries and duties', () => {
    const l = rosteredLedger();
    const journal: LedgerEvent[] = [
      sv.show({ entryId: 's1', personId: P.wjgSec, at: at('2020-01-26', '09:00') }),
      sv.attendance({ seat: 'cp-wjg/2020-01-27/day/L', status: 'present', at: at('2020-01-27', '08:40') }),
      atWjg('i1', [{ item: 'staffOnDuty', count: 1 }, { item: 'leaderOnDuty', personId: P.wjg3 }], { findings: [sv.finding({ id: 'f1', deadline: '2020-01-28' })] }),
      sv.inspection({ inspectionId: 'i2', unitId: U.lsc, postId: 'cp-lsc', rosterId: 'r1', at: NIGHT, answers: [{ item: 'leaderOnDuty', personId: null }] }),
      sv.inspection({ inspectionId: 'i3', groupId: G.jl, unitId: U.cb, by: P.mayor, at: at('2020-01-27', '15:00'), findings: [sv.finding({ id: 'f2', unitId: U.cb, deadline: '2020-01-28' })] }),
      sv.submitted({ findingId: 'f1', at: at('2020-01-28', '17:00') }),
      sv.submitted({ findingId: 'i1/staff', at: at('2020-01-28', '17:30') }),
      sv.rechecked({ findingId: 'f1', passed: true, at: at('2020-01-29', '10:00') }),
      sv.rechecked({ findingId: 'i1/staff', passed: false, deadline: '2020-01-31', at: at('2020-01-29', '10:30') }),
      sv.deed({ deedId: 'd1', personId: P.wjgSec, at: at('2020-01-30', '18:00') }),
      sv.deed({ deedId: 'd2', unitId: U.lsc, points: -2, at: at('2020-01-30', '18:00') }),
    ];
    const applied = apply(l, journal);
    let stepwise = l;
    for (const e of journal) stepwise = apply(stepwise, [e]);
    const replayed = replay(journal, l);
    for (const other of [stepwise, replayed]) {
      expect(tableValues(other.findings)).toEqual(tableValues(applied.findings));
      expect(tableValues(other.inspections)).toEqual(tableValues(applied.inspections));
      expect(tableValues(other.deeds)).toEqual(tableValues(applied.deeds));
      expect(tableValues(other.threeShows)).toEqual(tableValues(applied.threeShows));
      expect(tableValues(other.duties)).toEqual(tableValues(applied.duties));
      expect(other.eventCount).toBe(applied.eventCount);
    }
    expect(tableValues(applied.findings).map((f) => [f.id, f.status]).sort()).toEqual([
      ['f1', 'passed'],
      ['f2', 'open'],
      ['i1/leader', 'open'],
      ['i1/staff', 'open'],
      ['i2/leader', 'open'],
    ]);
  });
});
