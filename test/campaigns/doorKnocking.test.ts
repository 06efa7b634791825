import { describe, expect, it, test } from 'vitest';
import {
  FrontlineError,
  apply,
  campaignProgress,
  classificationHistory,
  coverage,
  dueRevisits,
  openServiceRequests,
  tableGet,
  tableValues,
  unscreenedHouseholds,
  type CampaignId,
  type DoorKnockingMetrics,
  type HouseholdId,
  type Instant,
  type Issue,
  type Ledger,
  type OrgId,
} from '../../src/index.js';
import { C, H, P, U, at, baseLedger, day, ev, ledgerWith } from '../ledgerFixtures.js';

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

function dk(l: Ledger, d: string, unit = 'total', campaignId: string = C.dk): DoorKnockingMetrics {
  const p = campaignProgress(l, campaignId as CampaignId, day(d));
  const m = unit === 'total' ? p.total : p.rolledUp.get(unit as OrgId);
  if (m?.kind !== 'doorKnocking') throw new Error(`no door-knocking figures for ${unit}`);
  return m;
}

/** 2020-01-25: h-wjg-1 screened, h-wjg-2 nobody home, h-cb-1 screened, h-cb-2 refused. */
const firstRound = ledgerWith([
  ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.wjgSec, visitors: [P.wjgSec, P.wjg3] }),
  ev.visit({ householdId: H.wjg2, day: '2020-01-25', outcome: 'nobodyHome', by: P.wjgSec }),
  ev.visit({ householdId: H.cb1, day: '2020-01-25', by: P.cbSec }),
  ev.visit({ householdId: H.cb2, day: '2020-01-25', outcome: 'refused', by: P.cbSec }),
]);

describe('door-knocking: visits and coverage', () => {
  it('a visit is kept with its outcome, visitors and unit, and the household screening state follows', () => {
    const visits = tableValues(firstRound.visits);
    expect(visits).toHaveLength(4);
    const v = visits.find((x) => x.householdId === H.wjg1);
    expect(v).toMatchObject({ campaignId: C.dk, unitId: U.wjg, day: '2020-01-25', outcome: 'screened', visitors: [P.wjgSec, P.wjg3] });
    const s = tableGet(firstRound.screenings, `${C.dk}|${H.wjg1}`);
    expect(s).toEqual({ campaignId: C.dk, householdId: H.wjg1, unitId: U.wjg, lastVisitOn: '2020-01-25', lastOutcome: 'screened', visits: 1, firstScreenedOn: '2020-01-25', lastScreenedOn: '2020-01-25', log: [{ day: '2020-01-25', outcome: 'screened' }] });
    const n = tableGet(firstRound.screenings, `${C.dk}|${H.wjg2}`);
    expect(n).toEqual({ campaignId: C.dk, householdId: H.wjg2, unitId: U.wjg, lastVisitOn: '2020-01-25', lastOutcome: 'nobodyHome', visits: 1, log: [{ day: '2020-01-25', outcome: 'nobodyHome' }] });
  });

  it('coverage = screened / registered households per unit: a village and its township (rolled up), the county', () => {
    expect(dk(firstRound, '2020-01-25', 'wjg')).toMatchObject({ households: 3, screened: 1 });
    expect(coverage(dk(firstRound, '2020-01-25', 'wjg'))).toBeCloseTo(1 / 3);
    expect(coverage(dk(firstRound, '2020-01-25', 'lsc'))).toBe(0);
    expect(dk(firstRound, '2020-01-25', 'pa')).toMatchObject({ households: 4, screened: 1 });
    expect(coverage(dk(firstRound, '2020-01-25', 'pa'))).toBe(0.25);
    expect(coverage(dk(firstRound, '2020-01-25', 'cb'))).toBe(0.5);
    expect(coverage(dk(firstRound, '2020-01-25', 'jl'))).toBe(0.5);
    expect(coverage(dk(firstRound, '2020-01-25', 'yc'))).toBeCloseTo(2 / 6);
    expect(coverage(dk(firstRound, '2020-01-25'))).toBeCloseTo(2 / 6);
    // per day: nothing was screened the day before
    expect(dk(firstRound, '2020-01-24')).toMatchObject({ households: 6, screened: 0, visits: 0 });
  });

  it("counts the day's visits and their outcomes, and the newly screened", () => {
    expect(dk(firstRound, '2020-01-25')).toEqual({
      kind: 'doorKnocking',
      households: 6,
      screened: 2,
      newlyScreened: 2,
      visits: 4,
      nobodyHome: 1,
      refused: 1,
      dueRevisit: 0,
      servicesOpen: 0,
      servicesOverdue: 0,
      servicesFulfilled: 0,
    });
    expect(dk(firstRound, '2020-01-26')).toMatchObject({ screened: 2, newlyScreened: 0, visits: 0 });
  });

  it('a nobody-home visit does not count as screened and makes the household due a revisit the next day', () => {
    expect(dk(firstRound, '2020-01-25', 'wjg')).toMatchObject({ screened: 1, nobodyHome: 1, dueRevisit: 0 });
    expect(dk(firstRound, '2020-01-26', 'wjg')).toMatchObject({ screened: 1, dueRevisit: 1 });
    expect(dueRevisits(firstRound, C.dk, day('2020-01-25')).map((s) => s.householdId)).toEqual([]);
    expect(dueRevisits(firstRound, C.dk, day('2020-01-26')).map((s) => s.householdId)).toEqual([H.cb2, H.wjg2]);
    expect(dueRevisits(firstRound, C.dk, day('2020-01-26'), U.wjg).map((s) => s.householdId)).toEqual([H.wjg2]);
    expect(dueRevisits(firstRound, C.dk, day('2020-01-26'), U.pa).map((s) => s.householdId)).toEqual([H.wjg2]);
  });

  it('a revisit that screens the household raises coverage and clears the revisit', () => {
    const l = apply(firstRound, [ev.visit({ householdId: H.wjg2, day: '2020-01-26' })]);
    expect(dk(l, '2020-01-26', 'wjg')).toMatchObject({ screened: 2, newlyScreened: 1, dueRevisit: 0 });
    expect(dk(l, '2020-01-25', 'wjg')).toMatchObject({ screened: 1 });
    expect(tableGet(l.screenings, `${C.dk}|${H.wjg2}`)).toMatchObject({ visits: 2, lastOutcome: 'screened', firstScreenedOn: '2020-01-26' });
    expect(dueRevisits(l, C.dk, day('2020-01-27')).map((s) => s.householdId)).toEqual([H.cb2]);
  });

  it('a screened household is due a revisit after settings.revisitAfterDays (7 by default)', () => {
    expect(firstRound.settings.revisitAfterDays).toBe(7);
    expect(dueRevisits(firstRound, C.dk, day('2020-01-31')).map((s) => s.householdId)).toEqual([H.cb2, H.wjg2]);
    expect(dueRevisits(firstRound, C.dk, day('2020-02-01')).map((s) => s.householdId)).toEqual([H.cb1, H.cb2, H.wjg1, H.wjg2]);
    expect(dk(firstRound, '2020-01-31').dueRevisit).toBe(2);
    expect(dk(firstRound, '2020-02-01').dueRevisit).toBe(4);
    const quick = apply(firstRound, [ev.settingsChanged({ settings: { revisitAfterDays: 3 } })]);
    expect(dueRevisits(quick, C.dk, day('2020-01-27')).map((s) => s.householdId)).toEqual([H.cb2, H.wjg2]);
    expect(dueRevisits(quick, C.dk, day('2020-01-28')).map((s) => s.householdId)).toEqual([H.cb1, H.cb2, H.wjg1, H.wjg2]);
    expect(dk(quick, '2020-01-28').dueRevisit).toBe(4);
  });

  it('a late-recorded earlier visit does not move the last visit back', () => {
    const l = ledgerWith([ev.visit({ householdId: H.wjg3, day: '2020-01-27' }), ev.visit({ householdId: H.wjg3, day: '2020-01-26', outcome: 'nobodyHome' })]);
    expect(tableGet(l.screenings, `${C.dk}|${H.wjg3}`)).toMatchObject({ visits: 2, lastVisitOn: '2020-01-27', lastOutcome: 'screened', firstScreenedOn: '2020-01-27' });
    expect(dueRevisits(l, C.dk, day('2020-01-28'))).toEqual([]);
    // a late-recorded earlier screening moves the first screening back
    const l2 = apply(l, [ev.visit({ householdId: H.wjg3, day: '2020-01-25' })]);
    expect(tableGet(l2.screenings, `${C.dk}|${H.wjg3}`)).toMatchObject({ visits: 3, firstScreenedOn: '2020-01-25', lastScreenedOn: '2020-01-27' });
    expect(dk(l2, '2020-01-25', 'wjg').screened).toBe(1);
  });

  it('two visits of one day give the same outcome in either order: a screening wins', () => {
    const morning = ev.visit({ householdId: H.wjg3, day: '2020-01-25', outcome: 'nobodyHome' });
    const afternoon = ev.visit({ householdId: H.wjg3, day: '2020-01-25' });
    for (const order of [[morning, afternoon], [afternoon, morning]]) {
      const l = ledgerWith(order);
      expect(tableGet(l.screenings, `${C.dk}|${H.wjg3}`)).toMatchObject({ visits: 2, lastVisitOn: '2020-01-25', lastOutcome: 'screened' });
      expect(dueRevisits(l, C.dk, day('2020-01-26'))).toEqual([]);
      expect(dk(l, '2020-01-26', 'wjg').dueRevisit).toBe(0);
    }
  });

  // the screening log keeps every visit, so figures of a past day ignore visits recorded for later days
  test('the households due a revisit on a past day do not change when a later visit is recorded', () => {
    const before = ledgerWith([ev.visit({ householdId: H.wjg1, day: '2020-01-25' })]);
    const after = apply(before, [ev.visit({ householdId: H.wjg1, day: '2020-02-05' })]);
    expect(dk(before, '2020-02-02').dueRevisit).toBe(1);
    expect(dueRevisits(before, C.dk, day('2020-02-02'))).toHaveLength(1);
    expect(dk(after, '2020-02-02').dueRevisit).toBe(1);
    expect(dueRevisits(after, C.dk, day('2020-02-02'))).toHaveLength(1);
  });

  it('unscreenedHouseholds lists the registered households of covered units not screened by the day', () => {
    const ids = (hs: readonly { id: HouseholdId }[]): string[] => hs.map((h) => h.id);
    expect(ids(unscreenedHouseholds(firstRound, C.dk, day('2020-01-24')))).toEqual([H.cb1, H.cb2, H.lsc1, H.wjg1, H.wjg2, H.wjg3]);
    expect(ids(unscreenedHouseholds(firstRound, C.dk, day('2020-01-25')))).toEqual([H.cb2, H.lsc1, H.wjg2, H.wjg3]);
    expect(ids(unscreenedHouseholds(firstRound, C.dk, day('2020-01-25'), U.pa))).toEqual([H.lsc1, H.wjg2, H.wjg3]);
    expect(ids(unscreenedHouseholds(firstRound, C.dk, day('2020-01-25'), U.cb))).toEqual([H.cb2]);
    // a campaign covering the township only
    const paOnly = apply(firstRound, [ev.campaignOpened({ kind: 'doorKnocking', campaignId: 'dk-pa', ownerUnitId: U.pa, covers: [U.pa] })]);
    expect(ids(unscreenedHouseholds(paOnly, 'dk-pa' as CampaignId, day('2020-01-25')))).toEqual([H.lsc1, H.wjg1, H.wjg2, H.wjg3]);
    expect(() => unscreenedHouseholds(firstRound, 'nope' as CampaignId, day('2020-01-25'))).toThrow(FrontlineError);
    expect(() => dueRevisits(firstRound, 'nope' as CampaignId, day('2020-01-25'))).toThrow(FrontlineError);
  });

  it('visits of one campaign do not count in another', () => {
    const other = apply(firstRound, [ev.campaignOpened({ kind: 'doorKnocking', campaignId: 'dk-2' })]);
    expect(dk(other, '2020-01-25', 'total', 'dk-2')).toMatchObject({ households: 6, screened: 0, visits: 0 });
    expect(unscreenedHouseholds(other, 'dk-2' as CampaignId, day('2020-01-25'))).toHaveLength(6);
  });
});

describe('classified registration', () => {
  it('keeps the full history per household, in order', () => {
    const a = ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-25', category: 'fromWuhan' });
    const b = ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-27', category: 'fever' });
    const c = ev.classify({ householdId: H.wjg1, day: '2020-01-28', category: 'general', by: P.wjgSec });
    const first = ledgerWith([a]);
    const l = apply(apply(first, [b]), [c]);
    expect(classificationHistory(l, H.wjg1)).toEqual([
      { day: '2020-01-25', category: 'fromWuhan', by: P.mayor, eventId: a.id, personId: P.wjg1 },
      { day: '2020-01-27', category: 'fever', by: P.mayor, eventId: b.id, personId: P.wjg1 },
      { day: '2020-01-28', category: 'general', by: P.wjgSec, eventId: c.id },
    ]);
    expect(classificationHistory(first, H.wjg1)).toHaveLength(1);
    expect(classificationHistory(l, H.wjg2)).toEqual([]);
    expect(tableGet(l.classifications, H.wjg1)?.unitId).toBe(U.wjg);
  });

  it('keeps the history oldest first when an earlier classification is recorded late', () => {
    const later = ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-27', category: 'fever' });
    const earlier = ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-25', category: 'general' });
    const l = ledgerWith([later, earlier]);
    expect(classificationHistory(l, H.wjg1).map((e) => [e.day, e.category])).toEqual([
      ['2020-01-25', 'general'],
      ['2020-01-27', 'fever'],
    ]);
    expect(classificationHistory(l, H.wjg1).at(-1)?.category).toBe('fever');
  });

  it('refuses a member of another household and an unknown household', () => {
    const l = baseLedger();
    expect(found(thrown(() => apply(l, [ev.classify({ householdId: H.wjg1, personId: P.cb1, day: '2020-01-25', category: 'fever' })])).issues)).toEqual([
      [[0, 'personId'], 'not_a_member'],
    ]);
    expect(found(thrown(() => apply(l, [ev.classify({ householdId: 'h-x', day: '2020-01-25', category: 'fever' })])).issues)).toEqual([
      [[0, 'householdId'], 'unknown_household'],
    ]);
    expect(thrown(() => apply(l, [ev.classify({ householdId: H.wjg1, day: '2020-01-25', category: 'zombie' })])).issues[0]?.path).toEqual([0, 'category']);
  });

  it('keeps the source a confirmed case names: another confirmed case, imported, or unclear', () => {
    const index = ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-25', category: 'confirmed', source: { kind: 'imported' } });
    const secondary = ev.classify({ householdId: H.wjg2, personId: P.wjg3, day: '2020-01-27', category: 'confirmed', source: { kind: 'case', personId: P.wjg1 } });
    const unclear = ev.classify({ householdId: H.cb1, personId: P.cb1, day: '2020-01-27', category: 'confirmed', source: { kind: 'unclear' } });
    const l = ledgerWith([index, secondary, unclear]);
    expect(classificationHistory(l, H.wjg1)[0]?.source).toEqual({ kind: 'imported' });
    expect(classificationHistory(l, H.wjg2)[0]?.source).toEqual({ kind: 'case', personId: P.wjg1 });
    expect(classificationHistory(l, H.cb1)[0]?.source).toEqual({ kind: 'unclear' });
    // the field is optional: a registration without it keeps no source
    expect(Object.hasOwn(classificationHistory(ledgerWith([ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-25', category: 'confirmed' })]), H.wjg1)[0]!, 'source')).toBe(false);
  });

  it('refuses a source that is not a known confirmed case, the case itself, or a source on another category', () => {
    const l = baseLedger();
    const confirmed = ledgerWith([ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-26', category: 'confirmed' })]);
    const feverOnly = ledgerWith([ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-26', category: 'fever' })]);
    const caseOf = (personId: string, d = '2020-01-27') => ev.classify({ householdId: H.wjg2, personId: P.wjg3, day: d, category: 'confirmed', source: { kind: 'case', personId } });
    expect(found(thrown(() => apply(l, [caseOf(P.wjg1)])).issues)).toEqual([[[0, 'source', 'personId'], 'unknown_source_case']]);
    expect(found(thrown(() => apply(feverOnly, [caseOf(P.wjg1)])).issues)).toEqual([[[0, 'source', 'personId'], 'unknown_source_case']]);
    // registered as confirmed only after the day of the case
    expect(found(thrown(() => apply(confirmed, [caseOf(P.wjg1, '2020-01-25')])).issues)).toEqual([[[0, 'source', 'personId'], 'unknown_source_case']]);
    expect(found(thrown(() => apply(l, [caseOf('nobody')])).issues)).toEqual([[[0, 'source', 'personId'], 'unknown_person']]);
    expect(found(thrown(() => apply(confirmed, [caseOf(P.wjg3)])).issues)).toEqual([[[0, 'source', 'personId'], 'own_source']]);
    expect(found(thrown(() => apply(l, [ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-25', category: 'fever', source: { kind: 'unclear' } })])).issues)).toEqual([
      [[0, 'source'], 'source_not_confirmed'],
    ]);
    expect(thrown(() => apply(l, [ev.classify({ householdId: H.wjg1, day: '2020-01-25', category: 'confirmed', source: { kind: 'rumour' } })])).issues[0]?.path).toEqual([0, 'source', 'kind']);
    // a known source case is accepted, in the same batch as its own registration
    expect(apply(l, [ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-26', category: 'confirmed' }), caseOf(P.wjg1)]).classifications.size).toBe(2);
    expect(apply(confirmed, [caseOf(P.wjg1)]).classifications.size).toBe(2);
  });
});

describe('service requests', () => {
  const r1 = ev.serviceRequested({ householdId: H.wjg1, day: '2020-01-25', time: '09:00', due: '2020-01-25T18:00:00+08:00' });
  const r2 = ev.serviceRequested({ householdId: H.cb1, day: '2020-01-25', time: '09:00', due: '2020-01-25T12:00:00+08:00', kind: 'goods' });
  const r3 = ev.serviceRequested({ householdId: H.wjg2, day: '2020-01-25', time: '10:00', due: '2020-01-26T10:00:00+08:00', kind: 'counselling' });
  const l = ledgerWith([
    r1,
    r2,
    r3,
    ev.serviceFulfilled({ requestId: r1.requestId, day: '2020-01-25', time: '15:00', by: P.wjgSec }),
    ev.serviceFulfilled({ requestId: r3.requestId, day: '2020-01-26', time: '09:00' }),
  ]);
  const open = (instant: string, scope?: string): [string, boolean][] =>
    openServiceRequests(l, instant as Instant, scope as OrgId | undefined).map((r) => [r.id, r.overdue]);

  it('are kept with their fulfilment', () => {
    expect(tableGet(l.serviceRequests, r1.requestId)).toEqual({
      id: r1.requestId,
      householdId: H.wjg1,
      unitId: U.wjg,
      kind: 'medicine',
      requestedAt: r1.at,
      dueAt: r1.dueAt,
      fulfilledAt: at('2020-01-25', '15:00'),
      fulfilledBy: P.wjgSec,
    });
  });

  it('openServiceRequests: open at an instant, sorted by due time, overdue once the due time has passed', () => {
    expect(open('2020-01-25T08:00:00+08:00')).toEqual([]);
    expect(open('2020-01-25T11:00:00+08:00')).toEqual([
      [r2.requestId, false],
      [r1.requestId, false],
      [r3.requestId, false],
    ]);
    expect(open('2020-01-25T16:00:00+08:00')).toEqual([
      [r2.requestId, true],
      [r3.requestId, false],
    ]);
    expect(open('2020-01-26T12:00:00+08:00')).toEqual([[r2.requestId, true]]);
    expect(open('2020-01-25T11:00:00+08:00', 'pa')).toEqual([
      [r1.requestId, false],
      [r3.requestId, false],
    ]);
    expect(() => openServiceRequests(l, 'yesterday' as Instant)).toThrow(FrontlineError);
    expect(() => openServiceRequests(l, '2020-01-27T10:00:00' as Instant)).toThrow(/invalid at/);
  });

  test('openServiceRequests orders by due time whatever the offset of the instants', () => {
    const utc = ev.serviceRequested({ householdId: H.wjg3, day: '2020-01-25', time: '08:00', due: '2020-01-25T05:00:00Z', requestId: 'r-utc' });
    const cst = ev.serviceRequested({ householdId: H.lsc1, day: '2020-01-25', time: '08:00', due: '2020-01-25T12:00:00+08:00', requestId: 'r-cst' });
    const l2 = ledgerWith([utc, cst]);
    expect(openServiceRequests(l2, '2020-01-25T09:00:00+08:00' as Instant).map((r) => r.id)).toEqual(['r-cst', 'r-utc']);
  });

  it('servicesOpen / servicesOverdue / servicesFulfilled figures at the end of each day', () => {
    expect(dk(l, '2020-01-24')).toMatchObject({ servicesOpen: 0, servicesOverdue: 0, servicesFulfilled: 0 });
    expect(dk(l, '2020-01-25')).toMatchObject({ servicesOpen: 2, servicesOverdue: 1, servicesFulfilled: 1 });
    expect(dk(l, '2020-01-25', 'wjg')).toMatchObject({ servicesOpen: 1, servicesOverdue: 0, servicesFulfilled: 1 });
    expect(dk(l, '2020-01-25', 'cb')).toMatchObject({ servicesOpen: 1, servicesOverdue: 1, servicesFulfilled: 0 });
    expect(dk(l, '2020-01-26')).toMatchObject({ servicesOpen: 1, servicesOverdue: 1, servicesFulfilled: 1 });
    expect(dk(l, '2020-01-27')).toMatchObject({ servicesOpen: 1, servicesOverdue: 1, servicesFulfilled: 0 });
  });

  it('refuses a second fulfilment, a fulfilment before the request, a due time before the request, an unknown request', () => {
    expect(found(thrown(() => apply(l, [ev.serviceFulfilled({ requestId: r1.requestId, day: '2020-01-26' })])).issues)).toEqual([
      [[0, 'requestId'], 'already_fulfilled'],
    ]);
    expect(found(thrown(() => apply(l, [ev.serviceFulfilled({ requestId: r2.requestId, day: '2020-01-25', time: '08:59' })])).issues)).toEqual([
      [[0, 'at'], 'before_request'],
    ]);
    expect(found(thrown(() => apply(l, [ev.serviceFulfilled({ requestId: 'req-x', day: '2020-01-25' })])).issues)).toEqual([
      [[0, 'requestId'], 'unknown_request'],
    ]);
    expect(
      found(thrown(() => apply(l, [ev.serviceRequested({ householdId: H.wjg1, day: '2020-01-25', time: '10:00', due: '2020-01-25T09:00:00+08:00' })])).issues),
    ).toEqual([[[0, 'dueAt'], 'due_before_request']]);
    expect(found(thrown(() => apply(l, [ev.serviceRequested({ householdId: H.wjg1, day: '2020-01-25', due: '2020-01-25T18:00:00+08:00', requestId: r1.requestId })])).issues)).toEqual([
      [[0, 'requestId'], 'duplicate_id'],
    ]);
  });
});
