// Hostile input for what reads a ledger: dailyDispatch, renderDispatch, redact, the merging of
// figures, and the campaign and supervision queries.
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import {
  campaignProgress,
  communityStates,
  dailyDispatch,
  emptyLedger,
  emptyMetrics,
  emptySummary,
  findingsOn,
  followUps,
  mergeMetrics,
  mergeSummaries,
  openServiceRequests,
  redact,
  renderDispatch,
  reportingStatus,
  sitesDue,
  unscreenedHouseholds,
  type CampaignMetrics,
  type DailyDispatch,
  type DispatchSummary,
  type Ledger,
} from '../../src/index.js';
import { C, H, P, U, ev, ledgerWith } from '../ledgerFixtures.js';
import { argsAround, around, badDay, badInstant, countInput, hostile, hostileCall, inputCount, runs } from './hostile.js';

/** The small ledger with a day of work on 2020-01-25, so that the report has figures and a person to act on. */
const observation = ev.observe({ personId: P.wjg1, fromDay: '2020-01-25', day: '2020-01-25' });
const ledger = ledgerWith([
  ev.visit({ householdId: H.wjg1, day: '2020-01-25' }),
  observation,
  ev.temperature({ observationId: observation.observationId, day: '2020-01-25', celsius: 38.2 }),
]);
const report = dailyDispatch(ledger, '2020-01-25', undefined, { trendDays: 2 });
/** The report as it comes back from JSON: a plain object (its `byUnit` map is lost, which rendering does not read). */
const plainReport = JSON.parse(JSON.stringify(report)) as DailyDispatch;
const summary = JSON.parse(JSON.stringify(report.total)) as DispatchSummary;

/** A ledger: the valid one, of another version, with a part of its envelope broken, or anything. */
const ledgerArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(ledger) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(2, 0, '1'), hostile).map((version) => ({ ...ledger, version })) },
  {
    weight: 2,
    arbitrary: fc.record({ key: fc.constantFrom(...Object.keys(ledger)), value: hostile }).map(({ key, value }) => ({ ...ledger, [key]: value })),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, {}, emptyLedger(), JSON.parse(JSON.stringify(ledger)) as unknown) },
  { weight: 1, arbitrary: hostile },
);
const dayArb = fc.oneof(badDay, around('2020-01-25'));

describe('dailyDispatch and renderDispatch, given anything', () => {
  test.prop([argsAround([ledger, '2020-01-25', undefined, { trendDays: 2 }], [ledgerArb, dayArb, fc.oneof(fc.constantFrom(undefined, U.pa, U.cb, 'nowhere'), hostile), around({ trendDays: 2, disclose: { purpose: '流调' } })])], {
    numRuns: runs(500),
  })('dailyDispatch reports or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => dailyDispatch(a[0] as Ledger, a[1] as string, a[2] as string, a[3] as never));
    if (out.ok) expect(typeof renderDispatch(out.value)).toBe('string');
  });
  test.prop([argsAround([plainReport, { locale: 'en', format: 'html' }], [fc.oneof(around(plainReport), fc.constant(report)), around({ locale: 'en', format: 'markdown' }, fc.constantFrom('zh-CN', 'en', 'text', 'csv', 'html', 'fr'))])], {
    numRuns: runs(600),
  })('renderDispatch writes a string or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => renderDispatch(a[0] as DailyDispatch, a[1] as never));
    if (out.ok) expect(typeof out.value).toBe('string');
  });
});

describe('redact, given anything', () => {
  test.prop([argsAround([ledger, {}], [ledgerArb, around({ phone: 'keep', purpose: '流调', asOf: '2020-01-25', residentIdMask: { keepStart: 6, keepEnd: 1, maskChar: '*' } }, badDay)])], { numRuns: runs(300) })(
    'redact gives a ledger or throws a FrontlineError; the ledger is unchanged',
    (a) => {
      countInput();
      const out = hostileCall(a, () => redact(a[0] as Ledger, a[1] as never));
      if (out.ok) expect(out.value.version).toBe(1);
    },
  );
});

describe('merging figures, given anything (as from bad JSON)', () => {
  const metrics = summary.doorKnocking as CampaignMetrics;
  const metricsArb = fc.oneof(around(metrics), fc.constantFrom(...(['cleaning', 'homePrevention', 'volunteerService'] as const).map((k) => emptyMetrics(k) as CampaignMetrics)));
  test.prop([argsAround([metrics, metrics], [metricsArb, metricsArb])], { numRuns: runs(500) })('mergeMetrics adds or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => mergeMetrics(a[0] as CampaignMetrics, a[1] as CampaignMetrics));
    if (out.ok) for (const v of Object.values(out.value)) expect(typeof v === 'string' || Number.isFinite(v)).toBe(true);
  });
  test.prop([argsAround([summary, emptySummary()], [around(summary), around(emptySummary())])], { numRuns: runs(500) })('mergeSummaries adds or throws a FrontlineError', (a) => {
    countInput();
    hostileCall(a, () => mergeSummaries(a[0] as DispatchSummary, a[1] as DispatchSummary));
  });
});

describe('the ledger queries, given anything', () => {
  const queries: readonly [string, (a: readonly unknown[]) => unknown, readonly unknown[]][] = [
    ['followUps', (a) => followUps(a[0] as Ledger, a[1] as never, a[2] as never), [ledger, '2020-01-25', undefined]],
    ['unscreenedHouseholds', (a) => unscreenedHouseholds(a[0] as Ledger, a[1] as never, a[2] as never), [ledger, C.dk, '2020-01-25']],
    ['sitesDue', (a) => sitesDue(a[0] as Ledger, a[1] as never, a[2] as never), [ledger, '2020-01-25', U.pa]],
    ['openServiceRequests', (a) => openServiceRequests(a[0] as Ledger, a[1] as never), [ledger, '2020-01-25T12:00:00+08:00']],
    ['campaignProgress', (a) => campaignProgress(a[0] as Ledger, a[1] as never, a[2] as never), [ledger, C.hp, '2020-01-25']],
    ['communityStates', (a) => communityStates(a[0] as Ledger, a[1] as never), [ledger, '2020-01-25']],
    ['reportingStatus', (a) => reportingStatus(a[0] as Ledger, a[1] as never, a[2] as never), [ledger, '2020-01-25', U.pa]],
    ['findingsOn', (a) => findingsOn(a[0] as Ledger, a[1] as never, a[2] as never), [ledger, '2020-01-25', { only: 'all' }]],
  ];
  const args = fc.oneof(
    ...queries.map(([name, , valid]) =>
      argsAround(valid, [ledgerArb, ...valid.slice(1).map((v) => (typeof v === 'string' && /^\d{4}-/.test(v) ? fc.oneof(badDay, badInstant, around(v)) : around(v)))]).map((a) => [name, a] as const),
    ),
  );
  test.prop([args], { numRuns: runs(600) })('each answers or throws a FrontlineError', ([name, a]) => {
    countInput();
    const run = queries.find(([n]) => n === name)?.[1] as (a: readonly unknown[]) => unknown;
    hostileCall(a, () => run(a));
  });
});

afterAll(() => {
  // the share of this file in the hostile suite's inputs a run
  expect(inputCount()).toBeGreaterThanOrEqual(3000);
});

