import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FrontlineError,
  SIMULATED_CAMPAIGNS,
  campaignProgress,
  campaignProgressSeries,
  countyEvents,
  generateCounty,
  replay,
  simulateCampaigns,
  tableForEach,
  type Campaign,
  type CampaignId,
  type CampaignProgress,
  type Day,
  type Ledger,
} from '../../src/index.js';

/** The five simulated days, and two days after the simulation (the campaigns have no end day). */
const DAYS = ['2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30', '2020-02-03'] as Day[];

let ledger: Ledger;
let campaigns: Campaign[] = [];
/** `campaignProgress` of each campaign on each day, as plain data in JSON (the reference). */
const single = new Map<string, string>();

/** A progress as plain data: both maps as entries sorted by unit id (deep equality of maps ignores order). */
function plain(p: CampaignProgress) {
  const entries = (m: ReadonlyMap<string, unknown>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { campaign: p.campaign.id, day: p.day, byUnit: entries(p.byUnit), rolledUp: entries(p.rolledUp), total: p.total };
}
const key = (campaignId: string, day: string): string => `${campaignId} ${day}`;

beforeAll(() => {
  const county = generateCounty({ scale: 0.03, seed: 5 });
  const base = replay(countyEvents(county), undefined, { trusted: true });
  ledger = replay(simulateCampaigns(base, { days: 5, seed: 5 }), base);
  campaigns = [];
  tableForEach(ledger.campaigns, (c) => campaigns.push(c));
  for (const c of campaigns) for (const day of DAYS) single.set(key(c.id, day), JSON.stringify(plain(campaignProgress(ledger, c.id, day))));
}, 120_000);

/** Checks a series against `campaignProgress` day by day: byUnit, rolledUp and total deep-equal. */
function checkSeries(campaignId: CampaignId, days: readonly Day[]): void {
  const series = campaignProgressSeries(ledger, campaignId, days);
  expect(series).toHaveLength(days.length);
  series.forEach((p, k) => {
    const day = days[k] as Day;
    expect(p.day).toBe(day);
    expect(p.campaign.id).toBe(campaignId);
    const got = JSON.stringify(plain(p));
    const want = single.get(key(campaignId, day)) as string;
    // the cheap comparison first; a deep comparison shows the difference when there is one
    if (got !== want) expect(plain(p), `${campaignId} ${day} (index ${k} of ${days.join(',')})`).toEqual(JSON.parse(want));
  });
}

describe('campaignProgressSeries', () => {
  it('runs on a ledger with the four campaigns and figures that change from day to day', () => {
    expect(campaigns.map((c) => c.kind).sort()).toEqual(['cleaning', 'doorKnocking', 'homePrevention', 'volunteerService']);
    expect(campaigns.map((c) => c.id).sort()).toEqual(Object.values(SIMULATED_CAMPAIGNS).sort());
    for (const c of campaigns) {
      const figures = new Set(DAYS.map((day) => JSON.stringify((JSON.parse(single.get(key(c.id, day)) as string) as { total: unknown }).total)));
      expect(figures.size, c.kind).toBeGreaterThan(1);
    }
  });

  it('equals campaignProgress on each day, for every campaign, in order', () => {
    for (const c of campaigns) checkSeries(c.id, DAYS);
  });

  it('equals campaignProgress for days in reverse order and with repeats', () => {
    for (const c of campaigns) {
      checkSeries(c.id, [...DAYS].reverse());
      checkSeries(c.id, [DAYS[2], DAYS[2], DAYS[0], DAYS[2], DAYS[6], DAYS[0]] as Day[]);
      checkSeries(c.id, [DAYS[4] as Day]);
    }
  });

  const days = fc.oneof(fc.array(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 9 }), fc.shuffledSubarray(DAYS, { minLength: 1 }));
  test.prop([fc.constantFrom(0, 1, 2, 3), days], { numRuns: 24 })('equals campaignProgress for any days, in any order, with repeats', (c, ds) => {
    checkSeries((campaigns[c] as Campaign).id, ds);
  });

  it('gives [] for no days', () => {
    for (const c of campaigns) expect(campaignProgressSeries(ledger, c.id, [])).toEqual([]);
  });

  it('does not let one day of a series change another: each result is its own', () => {
    const c = campaigns.find((x) => x.kind === 'doorKnocking') as Campaign;
    const [a, b] = campaignProgressSeries(ledger, c.id, [DAYS[1], DAYS[1]] as Day[]) as [CampaignProgress, CampaignProgress];
    expect(a).not.toBe(b);
    expect(a.byUnit).not.toBe(b.byUnit);
    expect(plain(a)).toEqual(plain(b));
  });
});

describe('campaignProgressSeries: refusals', () => {
  /** The issues of a series that must fail, and the error's code. */
  function refusal(campaignId: string, days: readonly string[]): { code: string; issues: FrontlineError['issues'] } {
    try {
      campaignProgressSeries(ledger, campaignId as CampaignId, days as Day[]);
    } catch (e) {
      expect(e).toBeInstanceOf(FrontlineError);
      return { code: (e as FrontlineError).code, issues: (e as FrontlineError).issues };
    }
    return expect.unreachable(`accepted ${days.join(',')}`);
  }

  it('refuses a day that is not a day, naming its index', () => {
    const c = campaigns[0] as Campaign;
    for (const [ds, k] of [
      [['2020-01-26', '2020-02-30', '2020-01-27'], 1],
      [['2020-01-26', '2020-01-27', 'tomorrow'], 2],
      [['20200126', '2020-01-27'], 0],
      [['2020-01-26', '2020-01-26', '2020-01-26', '2020-1-26'], 3],
    ] as const) {
      const r = refusal(c.id, ds);
      expect(r.code).toBe('invalid_day');
      expect(r.issues.length).toBeGreaterThan(0);
      for (const issue of r.issues) expect(issue.path.slice(0, 2), ds.join(',')).toEqual(['days', k]);
    }
  });

  it('names the first bad day when there are several', () => {
    const r = refusal((campaigns[0] as Campaign).id, ['2020-01-26', '2020-13-01', 'x']);
    expect(r.issues.every((i) => i.path[0] === 'days' && i.path[1] === 1)).toBe(true);
  });

  it('refuses a day before the campaign starts, naming its index and the start', () => {
    for (const c of campaigns) {
      expect(c.startDay).toBe('2020-01-25');
      const r = refusal(c.id, ['2020-01-26', '2020-01-24', '2020-01-27']);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]?.path).toEqual(['days', 1]);
      expect(r.issues[0]?.code).toBe('outside_campaign');
      expect(r.issues[0]?.message).toContain(c.startDay);
    }
    // the start day itself has figures
    const c = campaigns[0] as Campaign;
    expect(campaignProgressSeries(ledger, c.id, [c.startDay, c.startDay]).map((p) => p.day)).toEqual([c.startDay, c.startDay]);
  });

  it('refuses an unknown campaign', () => {
    const r = refusal('no-such-campaign', ['2020-01-26']);
    expect(r.issues[0]?.path).toEqual(['campaignId']);
  });

  it('campaignProgress names its one day as `day`', () => {
    const c = campaigns[0] as Campaign;
    try {
      campaignProgress(ledger, c.id, '2020-01-24' as Day);
      expect.unreachable();
    } catch (e) {
      expect((e as FrontlineError).issues[0]?.path).toEqual(['day']);
    }
  });
});
