import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  apply,
  campaignProgress,
  openTasks,
  sitesDue,
  tableGet,
  volunteerHours,
  type CleaningMetrics,
  type Issue,
  type Ledger,
  type OrgId,
  type VolunteerMetrics,
} from '../../src/index.js';
import { C, P, U, at, baseLedger, day, ev, ledgerWith } from '../ledgerFixtures.js';

function thrown(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}
const found = (issues: readonly Issue[]): [PropertyKey[], string][] => issues.map((i) => [[...i.path], i.code]);

function figures<K extends 'cleaning' | 'volunteerService'>(kind: K, l: Ledger, d: string, unit = 'total'): K extends 'cleaning' ? CleaningMetrics : VolunteerMetrics {
  const p = campaignProgress(l, kind === 'cleaning' ? C.cl : C.vs, day(d));
  const m = unit === 'total' ? p.total : p.rolledUp.get(unit as OrgId);
  if (m?.kind !== kind) throw new Error(`no ${kind} figures for ${unit}`);
  return m as K extends 'cleaning' ? CleaningMetrics : VolunteerMetrics;
}

describe('cleaning', () => {
  // sA: a farmers' market in 吴家沟村, twice a day, by the township's disinfection team
  // sB: a public toilet in 城北社区, once a day, by the county's housing bureau (lead department)
  // sC: a street in 李山村, once a day, by the township's disinfection team
  const l = ledgerWith([
    ev.site({ siteId: 'sA', unitId: U.wjg, responsibleUnitId: U.paDis, timesPerDay: 2 }),
    ev.site({ siteId: 'sB', unitId: U.cb, responsibleUnitId: U.housing, timesPerDay: 1, category: 'publicToilet' }),
    ev.site({ siteId: 'sC', unitId: U.lsc, responsibleUnitId: U.paDis, timesPerDay: 1, category: 'street' }),
    ev.disinfect({ siteId: 'sA', day: '2020-01-24', time: '07:00', by: P.dis1 }),
    ev.disinfect({ siteId: 'sA', day: '2020-01-24', time: '15:00', by: P.dis1 }),
    ev.disinfect({ siteId: 'sB', day: '2020-01-24' }),
    ev.disinfect({ siteId: 'sA', day: '2020-01-25' }),
    ev.disinfect({ siteId: 'sC', day: '2020-01-25' }),
    ev.disinfect({ siteId: 'sA', day: '2020-01-26', time: '06:00' }),
    ev.disinfect({ siteId: 'sA', day: '2020-01-26', time: '12:00' }),
    ev.disinfect({ siteId: 'sA', day: '2020-01-26', time: '18:00' }),
  ]);

  it('keeps disinfections counted per site and day', () => {
    expect(tableGet(l.disinfections, 'sA')).toEqual({ siteId: 'sA', byDay: { '2020-01-24': 2, '2020-01-25': 1, '2020-01-26': 3 }, lastAt: '2020-01-26T18:00:00+08:00' });
    expect(tableGet(l.sites, 'sB')).toMatchObject({ responsibleUnitId: U.housing, timesPerDay: 1 });
  });

  it('required / done / sitesDue / sitesOverdue per unit and rolled up', () => {
    expect(figures('cleaning', l, '2020-01-25', 'wjg')).toEqual({ kind: 'cleaning', sites: 1, required: 2, done: 1, sitesDue: 1, sitesOverdue: 0 });
    expect(figures('cleaning', l, '2020-01-25', 'lsc')).toEqual({ kind: 'cleaning', sites: 1, required: 1, done: 1, sitesDue: 0, sitesOverdue: 1 });
    expect(figures('cleaning', l, '2020-01-25', 'cb')).toEqual({ kind: 'cleaning', sites: 1, required: 1, done: 0, sitesDue: 1, sitesOverdue: 0 });
    expect(figures('cleaning', l, '2020-01-25', 'pa')).toEqual({ kind: 'cleaning', sites: 2, required: 3, done: 2, sitesDue: 1, sitesOverdue: 1 });
    expect(figures('cleaning', l, '2020-01-25')).toEqual({ kind: 'cleaning', sites: 3, required: 4, done: 2, sitesDue: 2, sitesOverdue: 1 });
  });

  it('nothing is overdue on the first day of the campaign', () => {
    expect(figures('cleaning', l, '2020-01-24')).toEqual({ kind: 'cleaning', sites: 3, required: 4, done: 3, sitesDue: 1, sitesOverdue: 0 });
  });

  it('after the campaign ends nothing is due or overdue, as sitesDue says', () => {
    const l = apply(baseLedger(), [
      ev.site({ unitId: U.wjg, responsibleUnitId: U.paDis, siteId: 'site-1', timesPerDay: 1 }),
      ev.disinfect({ siteId: 'site-1', day: '2020-01-24' }),
      ev.disinfect({ siteId: 'site-1', day: '2020-01-25' }),
      ev.campaignClosed({ campaignId: C.cl, endDay: '2020-01-25' }),
    ]);
    for (const d of ['2020-01-26', '2020-01-30']) {
      expect(figures('cleaning', l, d)).toMatchObject({ sites: 1, required: 0, sitesDue: 0, sitesOverdue: 0 });
      expect(sitesDue(l, day(d)).some((s) => s.overdue)).toBe(false);
    }
    // on its last day the site was done: nothing overdue the day after either
    expect(figures('cleaning', l, '2020-01-25')).toMatchObject({ required: 1, done: 1, sitesDue: 0, sitesOverdue: 0 });
  });

  it('done counts at most the required times per site', () => {
    expect(figures('cleaning', l, '2020-01-26', 'wjg')).toMatchObject({ required: 2, done: 2, sitesDue: 0 });
    expect(figures('cleaning', l, '2020-01-27', 'wjg')).toMatchObject({ done: 0, sitesDue: 1, sitesOverdue: 0 });
    expect(figures('cleaning', l, '2020-01-27')).toMatchObject({ done: 0, sitesDue: 3, sitesOverdue: 2 });
  });

  it('sitesDue lists every site of the scope with done, still due, and whether the day before fell short', () => {
    const rows = (d: string, scope?: string): [string, number, number, boolean][] =>
      sitesDue(l, day(d), scope as OrgId | undefined).map((r) => [r.site.id, r.done, r.due, r.overdue]);
    expect(rows('2020-01-25')).toEqual([
      ['sA', 1, 1, false],
      ['sB', 0, 1, false],
      ['sC', 1, 0, true],
    ]);
    expect(rows('2020-01-25', 'pa')).toEqual([
      ['sA', 1, 1, false],
      ['sC', 1, 0, true],
    ]);
    expect(rows('2020-01-26', 'wjg')).toEqual([['sA', 3, 0, true]]);
    expect(rows('2020-01-27', 'wjg')).toEqual([['sA', 0, 2, false]]);
    expect(rows('2020-01-26', 'jl')).toEqual([['sB', 0, 1, true]]);
    // on the campaign's first day nothing can be overdue yet: no cleaning campaign ran the day before
    expect(rows('2020-01-24').map((r) => r[3])).toEqual([false, false, false]);
  });

  it('a site whose responsible unit is a village is refused (responsible_kind)', () => {
    const e = thrown(() => apply(baseLedger(), [ev.site({ unitId: U.wjg, responsibleUnitId: U.wjg })]));
    expect(found(e.issues)).toEqual([[[0, 'site', 'responsibleUnitId'], 'responsible_kind']]);
    expect(e.issues[0]?.message).toContain('village');
    expect(found(thrown(() => apply(baseLedger(), [ev.site({ unitId: U.wjg, responsibleUnitId: U.paVol })])).issues)).toEqual([
      [[0, 'site', 'responsibleUnitId'], 'responsible_kind'],
    ]);
    expect(found(thrown(() => apply(baseLedger(), [ev.site({ unitId: U.wjg, responsibleUnitId: 'ghost-team' })])).issues)).toEqual([
      [[0, 'site', 'responsibleUnitId'], 'unknown_unit'],
    ]);
    expect(found(thrown(() => apply(l, [ev.site({ siteId: 'sA', unitId: U.wjg, responsibleUnitId: U.paDis })])).issues)).toEqual([
      [[0, 'site', 'id'], 'duplicate_id'],
    ]);
  });

  it('a disinfection needs a known site and a cleaning campaign running that day', () => {
    expect(found(thrown(() => apply(l, [ev.disinfect({ siteId: 'sX', day: '2020-01-25' })])).issues)).toEqual([[[0, 'siteId'], 'unknown_site']]);
    expect(found(thrown(() => apply(l, [ev.disinfect({ siteId: 'sA', day: '2020-01-23' })])).issues)).toEqual([[[0, 'campaignId'], 'outside_campaign']]);
    expect(found(thrown(() => apply(l, [ev.disinfect({ siteId: 'sA', day: '2020-01-25', campaignId: C.vs })])).issues)).toEqual([
      [[0, 'campaignId'], 'campaign_kind'],
    ]);
    expect(thrown(() => apply(l, [ev.site({ unitId: U.wjg, responsibleUnitId: U.paDis, timesPerDay: 0 })])).issues[0]?.path).toEqual([0, 'site', 'timesPerDay']);
  });
});

describe('volunteer service', () => {
  const t1 = ev.task({ taskId: 't1', unitId: U.wjg, day: '2020-01-26', postedOn: '2020-01-25', places: 2, hours: 3 });
  const t2 = ev.task({ taskId: 't2', unitId: U.cb, day: '2020-01-26', postedOn: '2020-01-26', places: 3, hours: 4, kind: 'publicity' });
  const t3 = ev.task({ taskId: 't3', unitId: U.lsc, day: '2020-01-27', postedOn: '2020-01-26', places: 1 });
  const registered = ledgerWith([
    ev.volunteer({ personId: P.vol1, skills: ['screening', 'publicity'] }),
    ev.volunteer({ personId: P.vol2 }),
    ev.volunteer({ personId: P.vol3, skills: ['counselling'] }),
    t1,
    t2,
    t3,
  ]);
  const l = apply(registered, [
    ev.signUp({ taskId: 't1', personId: P.vol1, day: '2020-01-25' }),
    ev.signUp({ taskId: 't1', personId: P.vol2, day: '2020-01-25' }),
    ev.signUp({ taskId: 't2', personId: P.vol1, day: '2020-01-26' }),
    ev.signUp({ taskId: 't3', personId: P.vol1, day: '2020-01-26' }),
    ev.attended({ taskId: 't1', personId: P.vol1, day: '2020-01-26', hours: 3 }),
    ev.attended({ taskId: 't1', personId: P.vol2, day: '2020-01-26', hours: 2.5 }),
    ev.attended({ taskId: 't3', personId: P.vol1, day: '2020-01-27', hours: 2 }),
  ]);

  it('keeps the registry, tasks, sign-ups and attendance', () => {
    expect(tableGet(l.volunteers, P.vol1)).toEqual({ personId: P.vol1, teamId: U.paVol, skills: ['screening', 'publicity'] });
    expect(tableGet(l.tasks, 't1')).toEqual({
      id: 't1',
      campaignId: C.vs,
      kind: 'screening',
      unitId: U.wjg,
      day: '2020-01-26',
      places: 2,
      hours: 3,
      postedAt: t1.at,
      signUps: [P.vol1, P.vol2],
      attended: [
        { personId: P.vol1, hours: 3 },
        { personId: P.vol2, hours: 2.5 },
      ],
    });
  });

  it('sign-up is refused before the task was posted, even on the same day, naming the instant', () => {
    // t2 was posted on 2020-01-26 at 07:00
    const early = thrown(() => apply(l, [ev.signUp({ taskId: 't2', personId: P.vol3, day: '2020-01-26', at: at('2020-01-26', '06:59') })]));
    expect(found(early.issues)).toEqual([[[0, 'at'], 'before_posted']]);
    expect(early.issues[0]?.message).toContain('2020-01-26T07:00:00+08:00');
    // a day before
    expect(found(thrown(() => apply(l, [ev.signUp({ taskId: 't2', personId: P.vol3, day: '2020-01-25' })])).issues)).toEqual([[[0, 'at'], 'before_posted']]);
    // at the instant of posting, or after, it is accepted
    const onTime = apply(l, [ev.signUp({ taskId: 't2', personId: P.vol3, day: '2020-01-26', at: at('2020-01-26', '07:00') })]);
    expect(tableGet(onTime.tasks, 't2')?.signUps).toContain(P.vol3);
  });

  it('sign-up is refused when the task is full', () => {
    const e = thrown(() => apply(l, [ev.signUp({ taskId: 't1', personId: P.vol3, day: '2020-01-25' })]));
    expect(found(e.issues)).toEqual([[[0, 'taskId'], 'task_full']]);
  });

  it('sign-up is refused for someone who is not a registered volunteer', () => {
    expect(found(thrown(() => apply(l, [ev.signUp({ taskId: 't2', personId: P.wjg1, day: '2020-01-26' })])).issues)).toEqual([
      [[0, 'personId'], 'not_a_volunteer'],
    ]);
    expect(found(thrown(() => apply(baseLedger(), [t1, ev.signUp({ taskId: 't1', personId: P.vol1, day: '2020-01-25' })])).issues)).toEqual([
      [[1, 'personId'], 'not_a_volunteer'],
    ]);
  });

  it('sign-up is refused twice', () => {
    expect(found(thrown(() => apply(l, [ev.signUp({ taskId: 't2', personId: P.vol1, day: '2020-01-26' })])).issues)).toEqual([
      [[0, 'personId'], 'already_signed_up'],
    ]);
    expect(
      found(
        thrown(() =>
          apply(registered, [ev.signUp({ taskId: 't2', personId: P.vol2, day: '2020-01-26' }), ev.signUp({ taskId: 't2', personId: P.vol2, day: '2020-01-26' })]),
        ).issues,
      ),
    ).toEqual([[[1, 'personId'], 'already_signed_up']]);
  });

  it('sign-up is refused after the task day and for an unknown task', () => {
    expect(found(thrown(() => apply(l, [ev.signUp({ taskId: 't2', personId: P.vol2, day: '2020-01-27' })])).issues)).toEqual([[[0, 'taskId'], 'past_task']]);
    expect(found(thrown(() => apply(l, [ev.signUp({ taskId: 'tX', personId: P.vol2, day: '2020-01-26' })])).issues)).toEqual([[[0, 'taskId'], 'unknown_task']]);
  });

  it('attendance is recorded only after sign-up, once, not before the task day', () => {
    expect(found(thrown(() => apply(l, [ev.attended({ taskId: 't2', personId: P.vol2, day: '2020-01-26' })])).issues)).toEqual([
      [[0, 'personId'], 'not_signed_up'],
    ]);
    expect(found(thrown(() => apply(l, [ev.attended({ taskId: 't1', personId: P.vol1, day: '2020-01-26' })])).issues)).toEqual([
      [[0, 'personId'], 'already_attended'],
    ]);
    expect(found(thrown(() => apply(l, [ev.attended({ taskId: 't2', personId: P.vol1, day: '2020-01-25' })])).issues)).toEqual([[[0, 'at'], 'before_task']]);
    expect(() => apply(l, [ev.attended({ taskId: 't2', personId: P.vol1, day: '2020-01-26' })])).not.toThrow();
    // sign-up and attendance in one batch
    expect(() => apply(l, [ev.signUp({ taskId: 't2', personId: P.vol2, day: '2020-01-26' }), ev.attended({ taskId: 't2', personId: P.vol2, day: '2020-01-26' })])).not.toThrow();
  });

  it('openTasks lists the tasks of the day with places left, in scope', () => {
    expect(openTasks(l, day('2020-01-26')).map((t) => t.id)).toEqual(['t2']);
    expect(openTasks(registered, day('2020-01-26')).map((t) => t.id)).toEqual(['t1', 't2']);
    expect(openTasks(registered, day('2020-01-26'), U.pa).map((t) => t.id)).toEqual(['t1']);
    expect(openTasks(l, day('2020-01-27')).map((t) => t.id)).toEqual([]);
    expect(openTasks(registered, day('2020-01-27')).map((t) => t.id)).toEqual(['t3']);
    expect(openTasks(l, day('2020-01-28'))).toEqual([]);
  });

  it('volunteerHours sums the hours served per volunteer, optionally up to a day', () => {
    expect(volunteerHours(l)).toEqual(
      new Map([
        [P.vol1, 5],
        [P.vol2, 2.5],
      ]),
    );
    expect(volunteerHours(l, day('2020-01-26'))).toEqual(
      new Map([
        [P.vol1, 3],
        [P.vol2, 2.5],
      ]),
    );
    expect(volunteerHours(l, day('2020-01-25')).size).toBe(0);
  });

  it('volunteer figures per unit and day', () => {
    expect(figures('volunteerService', l, '2020-01-26')).toEqual({ kind: 'volunteerService', volunteers: 3, tasks: 2, places: 5, signUps: 3, attended: 2, hours: 5.5, openTasks: 1 });
    expect(figures('volunteerService', l, '2020-01-26', 'wjg')).toEqual({ kind: 'volunteerService', volunteers: 0, tasks: 1, places: 2, signUps: 2, attended: 2, hours: 5.5, openTasks: 0 });
    expect(figures('volunteerService', l, '2020-01-26', 'pa.volunteers')).toMatchObject({ volunteers: 3, tasks: 0 });
    expect(figures('volunteerService', l, '2020-01-26', 'pa')).toMatchObject({ volunteers: 3, tasks: 1 });
    expect(figures('volunteerService', l, '2020-01-26', 'jl')).toMatchObject({ volunteers: 0, tasks: 1, places: 3, signUps: 1, openTasks: 1 });
    expect(figures('volunteerService', l, '2020-01-27')).toMatchObject({ tasks: 1, places: 1, signUps: 1, attended: 1, hours: 2, openTasks: 0 });
  });

  it('a volunteer is registered once, in a volunteer team, and must be a known person', () => {
    expect(found(thrown(() => apply(l, [ev.volunteer({ personId: P.vol1 })])).issues)).toEqual([[[0, 'personId'], 'duplicate_id']]);
    expect(found(thrown(() => apply(baseLedger(), [ev.volunteer({ personId: P.vol1, teamId: U.paDis })])).issues)).toEqual([[[0, 'teamId'], 'unit_kind']]);
    expect(found(thrown(() => apply(baseLedger(), [ev.volunteer({ personId: 'ghost' })])).issues)).toEqual([[[0, 'personId'], 'unknown_person']]);
  });

  it('a task is posted for today or later, in a covered unit, on a day of a volunteer-service campaign, with at least one place', () => {
    expect(found(thrown(() => apply(l, [ev.task({ unitId: U.wjg, day: '2020-01-25', postedOn: '2020-01-26' })])).issues)).toEqual([[[0, 'day'], 'past_task']]);
    expect(found(thrown(() => apply(l, [ev.task({ unitId: U.wjg, day: '2020-01-23', at: '2020-01-22T10:00:00+08:00' })])).issues)).toEqual([
      [[0, 'campaignId'], 'outside_campaign'],
    ]);
    expect(found(thrown(() => apply(l, [ev.task({ unitId: 'nowhere', day: '2020-01-26' })])).issues)).toEqual([[[0, 'unitId'], 'unknown_unit']]);
    expect(found(thrown(() => apply(l, [ev.task({ taskId: 't1', unitId: U.wjg, day: '2020-01-27' })])).issues)).toEqual([[[0, 'taskId'], 'duplicate_id']]);
    expect(thrown(() => apply(l, [ev.task({ unitId: U.wjg, day: '2020-01-27', places: 0 })])).issues[0]?.path).toEqual([0, 'places']);
  });
});
