// One example of each class of hostile input that crashed with a raw TypeError or RangeError, or
// was accepted, before the entry points checked their arguments. The property suites beside this
// file cover each class with generated inputs.
import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  Instant,
  apply,
  applyAs,
  campaignProgress,
  closeUnit,
  dailyDispatch,
  dayOf,
  emptyMetrics,
  emptySummary,
  findingsOn,
  followUps,
  isValidResidentId,
  label,
  maskPhone,
  maskResidentId,
  mergeMetrics,
  mergeSummaries,
  nextSteps,
  onDuty,
  openAdmissionCase,
  parseDay,
  parseResidentId,
  redact,
  renderDispatch,
  replay,
  tryAdvance,
  tryApply,
  tryApplyAs,
  tryCreateOrgTree,
  tryParseResidentId,
  tryReplay,
  validateRoster,
  buildRoster,
  type Actor,
  type CampaignMetrics,
  type Day,
  type DispatchSummary,
  type Ledger,
  type OrgId,
} from '../../src/index.js';
import { fixtureTree } from '../fixtures.js';
import { C, H, P, U, baseLedger, ev, setupEvents } from '../ledgerFixtures.js';
import { TWO_SHIFTS, problemOf } from '../roster/rosterFixtures.js';
import { BASE } from '../admission/admissionFixtures.js';

/** The error a call throws, which must be a FrontlineError with issues that have paths. */
function refusal(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (!(e instanceof FrontlineError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(Array.isArray(i.path)).toBe(true);
    return e;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}
const codes = (e: FrontlineError): [string, string[]] => [e.code, e.issues.map((i) => i.code)];

const ledger = baseLedger();
const visit = ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.wjgSec });

describe('a batch that is not an array of events', () => {
  it('null, an array-like object or a string is refused, and the ledger is unchanged', () => {
    const before = JSON.stringify(ledger);
    for (const events of [null, undefined, { length: 1, 0: visit }, 'visitRecorded', 42]) {
      const e = refusal(() => apply(ledger, events as unknown as unknown[]));
      expect(codes(e)).toEqual(['invalid_input', ['invalid_type']]);
    }
    expect(JSON.stringify(ledger)).toBe(before);
  });

  it('a hole is refused by apply and by replay alike, naming its index (replay used to skip it)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = [, visit] as unknown[];
    const e = refusal(() => apply(ledger, holed));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([[[0], 'missing_element']]);
    const journal = setupEvents() as unknown[];
    // eslint-disable-next-line no-sparse-arrays
    const r = refusal(() => replay([journal[0], , ...journal.slice(1)]));
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([[[1], 'missing_element']]);
    expect(tryApply(ledger, holed).ok).toBe(false);
  });
});

describe('an instant whose day in China is not a day of the years 0001–9999', () => {
  it("'9999-12-31T23:59:59-12:00' is not an Instant: dayOf refuses it, and so does apply", () => {
    const late = '9999-12-31T23:59:59-12:00';
    expect(Instant.safeParse(late).success).toBe(false);
    expect(Instant.safeParse('9999-12-31T15:59:59Z').success).toBe(true);
    expect(codes(refusal(() => dayOf(late)))).toEqual(['invalid_day', ['invalid_instant']]);
    expect(codes(refusal(() => dayOf(new Date('9999-12-31T16:00:00Z'))))).toEqual(['invalid_day', ['out_of_range']]);
    const e = refusal(() => apply(ledger, [{ ...visit, at: late }]));
    expect(e.issues.map((i) => i.path)).toEqual([[0, 'at']]);
  });

  it('the year 0 is refused, rather than read as the year 1', () => {
    expect(codes(refusal(() => dayOf('0000-06-01T00:00:00+08:00')))).toEqual(['invalid_day', ['invalid_instant']]);
    expect(codes(refusal(() => parseDay('0000-06-01')))[0]).toBe('invalid_day');
    expect(dayOf('0001-01-01T00:00:00Z')).toBe('0001-01-01');
  });
});

describe('a ledger that is not a ledger of version 1', () => {
  it('null, {} and an array are refused as invalid_input', () => {
    for (const bad of [null, {}, [], 'ledger']) {
      expect(refusal(() => apply(bad as unknown as Ledger, [visit])).code).toBe('invalid_input');
      expect(refusal(() => dailyDispatch(bad as unknown as Ledger, '2020-01-25')).code).toBe('invalid_input');
      expect(refusal(() => redact(bad as unknown as Ledger)).code).toBe('invalid_input');
    }
  });

  it('another version is refused as unsupported_version, naming the version', () => {
    const v2 = { ...ledger, version: 2 } as unknown as Ledger;
    for (const run of [() => apply(v2, [visit]), () => replay([], v2), () => followUps(v2, '2020-01-25' as Day), () => dailyDispatch(v2, '2020-01-25'), () => redact(v2)]) {
      const e = refusal(run);
      expect(codes(e)).toEqual(['unsupported_version', ['unsupported_version']]);
      expect(e.issues[0]?.path).toEqual([expect.any(String), 'version']);
      expect(e.message).toContain('version 2');
    }
  });

  it('a ledger missing a table is refused, naming the table', () => {
    const { visits: _, ...broken } = ledger;
    const e = refusal(() => apply(broken as unknown as Ledger, [visit]));
    expect(e.issues.map((i) => i.path)).toEqual([['ledger', 'visits']]);
  });
});

describe('arguments of the wrong type', () => {
  it('options: null is refused everywhere options are taken', () => {
    const problem = problemOf({ days: 1, posts: [{ id: 'cp1', shifts: TWO_SHIFTS }], people: [{ id: 'c0', cadreLevel: 'village' }] });
    const { roster } = buildRoster(problem, { iterations: 0 });
    const report = dailyDispatch(ledger, '2020-01-25');
    for (const run of [
      () => apply(ledger, [visit], null as never),
      () => replay(setupEvents(), undefined, null as never),
      () => dailyDispatch(ledger, '2020-01-25', undefined, null as never),
      () => renderDispatch(report, null as never),
      () => validateRoster(problem, roster, null as never),
      () => findingsOn(ledger, '2020-01-25' as Day, null as never),
    ])
      expect(refusal(run).code).toBe('invalid_input');
  });

  it('mergeMetrics of different kinds, or of figures from bad JSON, is refused, naming the problem', () => {
    const dk = emptyMetrics('doorKnocking') as CampaignMetrics;
    expect(codes(refusal(() => mergeMetrics(dk, emptyMetrics('cleaning') as CampaignMetrics)))).toEqual(['invalid_input', ['kind_mismatch']]);
    const fromJson = JSON.parse('{"kind":"doorKnocking","households":"12"}') as CampaignMetrics;
    expect(refusal(() => mergeMetrics(dk, fromJson)).issues[0]?.path).toEqual(['b', 'households']);
    expect(refusal(() => mergeMetrics(null as never, dk)).issues[0]?.path).toEqual(['a']);
    expect(refusal(() => mergeSummaries(emptySummary(), { ...emptySummary(), duty: null } as unknown as DispatchSummary)).issues[0]?.path).toEqual(['b', 'duty']);
  });

  it('the resident id and mask functions refuse a value that is not a string; isValidResidentId says false', () => {
    for (const bad of [null, undefined, 42, {}, Object.create(null), ['11010519491231002X']]) {
      expect(refusal(() => parseResidentId(bad as string)).code).toBe('invalid_resident_id');
      expect(tryParseResidentId(bad as string).ok).toBe(false);
      expect(isValidResidentId(bad as string)).toBe(false);
      expect(refusal(() => maskPhone(bad as string)).issues[0]?.path).toEqual(['phone']);
      expect(refusal(() => maskResidentId(bad as string)).issues[0]?.path).toEqual(['id']);
    }
  });

  it('a mask policy that keeps 10^15 characters masks at once, rather than counting down one by one', () => {
    const started = Date.now();
    expect(maskPhone('13812341234', { keepStart: 3_056_348_476_803_479, keepEnd: 4, maskChar: '*' })).toBe('1381234123*');
    expect(maskResidentId('11010519491231002X', { keepStart: 2, keepEnd: Number.MAX_SAFE_INTEGER, maskChar: '*' })).toBe('11*10519491231002X');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a value whose string conversion throws is described, not converted', () => {
    const noString = Object.create(null) as string;
    expect(refusal(() => parseDay(noString)).message).toContain('an object');
    expect(refusal(() => dailyDispatch(ledger, '2020-01-25', noString)).code).toBe('unknown_unit');
    expect(refusal(() => label(noString)).code).toBe('invalid_input');
  });
});

describe('one error model', () => {
  it('an unknown locale is a FrontlineError (unknown_locale) in label as in renderDispatch', () => {
    const report = dailyDispatch(ledger, '2020-01-25');
    expect(codes(refusal(() => label('fullMember', 'fr' as never)))).toEqual(['invalid_input', ['unknown_locale']]);
    expect(codes(refusal(() => renderDispatch(report, { locale: 'fr' as never })))).toEqual(['invalid_input', ['unknown_locale']]);
    expect(codes(refusal(() => label('noSuchValue')))).toEqual(['invalid_input', ['unknown_value']]);
  });

  it('a bad day or instant is invalid_day wherever it is refused on its own', () => {
    const problem = problemOf({ days: 1, posts: [{ id: 'cp1', shifts: TWO_SHIFTS }], people: [{ id: 'c0', cadreLevel: 'village' }] });
    const { roster } = buildRoster(problem, { iterations: 0 });
    const c = openAdmissionCase(BASE);
    for (const run of [
      () => parseDay('2020-02-30'),
      () => dayOf('2020-02-30T10:00:00+08:00'),
      () => followUps(ledger, '2020-02-30' as Day),
      () => campaignProgress(ledger, C.dk, '2020-02-30' as Day),
      () => dailyDispatch(ledger, '2020-02-30'),
      () => findingsOn(ledger, '2020-02-30' as Day),
      () => onDuty(roster, 'cp1', '2020-02-01 10:00'),
      () => nextSteps(c, '2020-02-30'),
      () => closeUnit(fixtureTree(), 'pa' as OrgId, '2020-02-30' as Day),
    ])
      expect(refusal(run).code).toBe('invalid_day');
  });

  it('an authorization refusal has the code not_authorized; bad data under applyAs stays invalid_input', () => {
    const worker = { personId: P.wjgSec, role: 'villageWorker', unitId: U.wjg } as Actor;
    const elsewhere = ev.visit({ householdId: H.cb1, day: '2020-01-25', by: P.wjgSec });
    expect(codes(refusal(() => applyAs(worker, ledger, [elsewhere])))).toEqual(['not_authorized', ['not_authorized']]);
    const claim = { personId: P.wjg1, role: 'headquarters', unitId: U.yc } as Actor;
    expect(codes(refusal(() => applyAs(claim, ledger, [visit])))).toEqual(['not_authorized', ['not_in_role']]);
    expect(refusal(() => applyAs(worker, ledger, [{ ...visit, householdId: 'nowhere' }])).code).toBe('invalid_input');
    const r = tryApplyAs(worker, ledger, [elsewhere]);
    expect(r.ok ? 'applied' : r.error.code).toBe('not_authorized');
  });
});

describe('try… functions never throw', () => {
  it('whatever they are given', () => {
    const nasty = [null, undefined, 42, Symbol('s'), Object.create(null), { length: 1 }, [null], 10n];
    for (const x of nasty) {
      expect(tryApply(x as never, x as never, x as never).ok).toBe(false);
      expect(tryApplyAs(x as never, x as never, x as never, x as never).ok).toBe(false);
      expect(tryReplay(x as never, x as never, x as never).ok).toBe(false);
      expect(tryCreateOrgTree(x).ok).toBe(false);
      expect(tryParseResidentId(x as never).ok).toBe(false);
      expect(tryAdvance(x as never, x as never).ok).toBe(false);
    }
    expect(tryApply(ledger, [visit], null as never).ok).toBe(false);
  });
});
