import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  SIMULATED_CAMPAIGNS,
  apply,
  campaignProgress,
  coverage,
  emptyMetrics,
  generateCounty,
  ledgerTree,
  mergeMetrics,
  metricsMonoid,
  replay,
  rollup,
  simulateCampaigns,
  type CampaignId,
  type CampaignMetrics,
  type Day,
  type DoorKnockingMetrics,
  type Ledger,
  type OrgId,
} from '../../src/index.js';
import { C, H, P, U, baseLedger, day, ev, ledgerWith, plus, registerOf, snapshot, tinyCounty } from '../ledgerFixtures.js';

/** The small ledger with some work in each of the four campaigns. */
const small = ledgerWith([
  ev.letter({ householdId: H.wjg1 }),
  ev.letter({ householdId: H.cb2, day: '2020-01-25' }),
  ev.visit({ householdId: H.wjg1, day: '2020-01-25' }),
  ev.visit({ householdId: H.lsc1, day: '2020-01-25', outcome: 'nobodyHome' }),
  ev.visit({ householdId: H.cb2, day: '2020-01-25' }),
  ev.site({ siteId: 's1', unitId: U.wjg, responsibleUnitId: U.paDis, timesPerDay: 2 }),
  ev.site({ siteId: 's2', unitId: U.cb, responsibleUnitId: U.housing, timesPerDay: 1 }),
  ev.disinfect({ siteId: 's1', day: '2020-01-25' }),
  ev.volunteer({ personId: P.vol1 }),
  ev.task({ taskId: 't1', unitId: U.cb, day: '2020-01-25', places: 2 }),
  ev.signUp({ taskId: 't1', personId: P.vol1, day: '2020-01-25' }),
]);

/** Checks the three views of a progress agree: rolledUp is the rollup of byUnit, total is the merge of byUnit. */
function checkConsistent(l: Ledger, campaignId: CampaignId, d: Day): void {
  const p = campaignProgress(l, campaignId, d);
  const tree = ledgerTree(l);
  const kind = p.campaign.kind;
  const expected = rollup(tree, p.byUnit as ReadonlyMap<string, CampaignMetrics>, metricsMonoid(kind) as never);
  expect(p.rolledUp.size).toBe(tree.units.length);
  for (const [id, m] of expected) expect(p.rolledUp.get(id)).toEqual(m);
  let total: CampaignMetrics = emptyMetrics(kind);
  for (const m of p.byUnit.values()) total = mergeMetrics(total, m);
  expect(p.total).toEqual(total);
  for (const m of p.rolledUp.values()) for (const [k, v] of Object.entries(m)) if (k !== 'kind') expect(v).toBeGreaterThanOrEqual(0);
}

describe('campaignProgress', () => {
  it('names the campaign and the day, and reads without changing the ledger', () => {
    const before = snapshot(small);
    const p = campaignProgress(small, C.dk, day('2020-01-25'));
    expect(p.campaign).toEqual(expect.objectContaining({ id: C.dk, kind: 'doorKnocking' }));
    expect(p.day).toBe('2020-01-25');
    expect(snapshot(small)).toEqual(before);
  });

  it('rolledUp is the rollup of byUnit, and total the merge of byUnit, for each of the four kinds', () => {
    for (const c of [C.hp, C.dk, C.cl, C.vs]) for (const d of ['2020-01-24', '2020-01-25', '2020-01-26']) checkConsistent(small, c, day(d));
  });

  it('a campaign covering the county: every unit in byUnit, total = the root rolled up', () => {
    const p = campaignProgress(small, C.dk, day('2020-01-25'));
    expect([...p.byUnit.keys()].sort()).toEqual(small.units.map((u) => u.id).sort());
    expect(p.total).toEqual(p.rolledUp.get(U.yc));
    expect(p.byUnit.get(U.pa)).toEqual(emptyMetrics('doorKnocking'));
    expect(p.rolledUp.get(U.pa)).toMatchObject({ households: 4, screened: 1, visits: 2, nobodyHome: 1 });
  });

  it('a campaign covering a township: only its subtree counts', () => {
    const l = apply(small, [ev.campaignOpened({ kind: 'doorKnocking', campaignId: 'dk-pa', ownerUnitId: U.pa, covers: [U.pa] })]);
    const withVisits = apply(l, [
      ev.visit({ householdId: H.wjg2, day: '2020-01-25', campaignId: 'dk-pa' }),
      ev.visit({ householdId: H.cb1, day: '2020-01-25' }),
    ]);
    const p = campaignProgress(withVisits, 'dk-pa' as CampaignId, day('2020-01-25'));
    expect([...p.byUnit.keys()].sort()).toEqual(['lsc', 'pa', 'pa.disinfection', 'pa.volunteers', 'wjg']);
    expect(p.total).toEqual(p.rolledUp.get(U.pa));
    expect(p.total).toMatchObject({ households: 4, screened: 1, visits: 1 });
    expect(p.rolledUp.get(U.cb)).toEqual(emptyMetrics('doorKnocking'));
    expect(p.rolledUp.get(U.jl)).toEqual(emptyMetrics('doorKnocking'));
    expect(p.rolledUp.get(U.yc)).toEqual(p.total);
    checkConsistent(withVisits, 'dk-pa' as CampaignId, day('2020-01-25'));
  });

  it('a campaign covering two villages of different townships', () => {
    const l = apply(small, [ev.campaignOpened({ kind: 'cleaning', campaignId: 'cl-2', covers: [U.wjg, U.cb] })]);
    const p = campaignProgress(l, 'cl-2' as CampaignId, day('2020-01-25'));
    expect([...p.byUnit.keys()].sort()).toEqual(['cb', 'wjg']);
    expect(p.total).toEqual({ kind: 'cleaning', sites: 2, required: 3, done: 1, sitesDue: 2, sitesOverdue: 2 });
    expect(p.rolledUp.get(U.pa)).toEqual(p.byUnit.get(U.wjg));
    checkConsistent(l, 'cl-2' as CampaignId, day('2020-01-25'));
  });

  it('throws a FrontlineError for an unknown campaign', () => {
    let error: unknown;
    try {
      campaignProgress(small, 'nope' as CampaignId, day('2020-01-25'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontlineError);
    expect((error as FrontlineError).issues[0]).toMatchObject({ path: ['campaignId'], code: 'unknown_campaign' });
  });

  test('throws a FrontlineError for a day that is not a real date', () => {
    for (const d of ['2020-02-30', '2020-13-01', 'garbage']) expect(() => campaignProgress(small, C.dk, d as Day)).toThrow(FrontlineError);
    // a day before the campaign has no figures: it says so rather than printing zeros
    expect(() => campaignProgress(small, C.dk, '2020-01-01' as Day)).toThrow(/no figures/);
  });
});

describe('metrics', () => {
  it('coverage is screened / households, 0 for no households, never above 1', () => {
    const dk = (households: number, screened: number): DoorKnockingMetrics => ({ ...emptyMetrics('doorKnocking'), households, screened });
    expect(coverage(dk(4, 3))).toBe(0.75);
    expect(coverage(dk(0, 0))).toBe(0);
    expect(coverage(dk(2, 2))).toBe(1);
    expect(coverage(dk(2, 5))).toBe(1);
  });

  it('mergeMetrics adds field by field; emptyMetrics is its identity; kinds do not mix', () => {
    const a = campaignProgress(small, C.dk, day('2020-01-25')).rolledUp.get(U.pa) as DoorKnockingMetrics;
    const b = campaignProgress(small, C.dk, day('2020-01-25')).rolledUp.get(U.jl) as DoorKnockingMetrics;
    const c = campaignProgress(small, C.dk, day('2020-01-24')).rolledUp.get(U.yc) as DoorKnockingMetrics;
    expect(mergeMetrics(a, b)).toEqual(mergeMetrics(b, a));
    expect(mergeMetrics(mergeMetrics(a, b), c)).toEqual(mergeMetrics(a, mergeMetrics(b, c)));
    expect(mergeMetrics(a, emptyMetrics('doorKnocking'))).toEqual(a);
    expect(mergeMetrics(a, b).households).toBe(a.households + b.households);
    expect(metricsMonoid('cleaning').empty).toEqual(emptyMetrics('cleaning'));
    expect(() => mergeMetrics(a as CampaignMetrics, emptyMetrics('cleaning') as CampaignMetrics)).toThrow(FrontlineError);
    for (const kind of ['homePrevention', 'doorKnocking', 'cleaning', 'volunteerService'] as const) {
      const zero = emptyMetrics(kind);
      expect(zero.kind).toBe(kind);
      for (const [k, v] of Object.entries(zero)) if (k !== 'kind') expect(v).toBe(0);
    }
  });
});

describe('campaignProgress on a simulated county', () => {
  const county = tinyCounty(generateCounty({ seed: 11, scale: 0.005 }), 4);
  const { base } = registerOf(county);
  const days = 4;
  const simulated = replay(simulateCampaigns(base, { days, seed: 5, arrivalShare: 0.05 }), base);
  const campaigns = Object.values(SIMULATED_CAMPAIGNS);

  test.prop([fc.constantFrom(...campaigns), fc.integer({ min: 0, max: days + 8 })], { numRuns: 12 })(
    'the three views agree on every day, for every campaign',
    (campaignId, offset) => {
      checkConsistent(simulated, campaignId, plus('2020-01-25', offset));
    },
  );

  it('figures are not empty for the simulated fortnight', () => {
    const d = plus('2020-01-25', days - 1);
    const dk = campaignProgress(simulated, SIMULATED_CAMPAIGNS.doorKnocking, d).total as DoorKnockingMetrics;
    expect(dk.households).toBe(county.households.length);
    expect(coverage(dk)).toBeGreaterThan(0.5);
    expect(coverage(dk)).toBeLessThanOrEqual(1);
    expect(campaignProgress(simulated, SIMULATED_CAMPAIGNS.cleaning, d).total).toMatchObject({ sites: expect.any(Number) });
    expect((campaignProgress(simulated, SIMULATED_CAMPAIGNS.cleaning, d).total as { done: number }).done).toBeGreaterThan(0);
    expect((campaignProgress(simulated, SIMULATED_CAMPAIGNS.volunteerService, d).total as { attended: number }).attended).toBeGreaterThan(0);
    expect((campaignProgress(simulated, SIMULATED_CAMPAIGNS.homePrevention, d).total as { lettersDelivered: number }).lettersDelivered).toBe(county.households.length);
  });
});

describe('per-unit figures use the ledger tree', () => {
  it('rolledUp has every unit of the tree, also for units outside the campaign', () => {
    const p = campaignProgress(baseLedger(), C.vs, day('2020-01-25'));
    for (const u of baseLedger().units) expect(p.rolledUp.has(u.id as OrgId)).toBe(true);
  });
});
