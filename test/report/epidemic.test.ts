import { describe, expect, it } from 'vitest';
import { communityStates, dailyDispatch, renderDispatch, replay, type Ledger } from '../../src/index.js';
import { H, P, U, baseLedger, ev, setupEvents } from '../ledgerFixtures.js';

function withCases(cases: { household: string; person: string; day: string }[]): Ledger {
  return replay(
    cases.map((c) => ev.classify({ householdId: c.household, personId: c.person, day: c.day, category: 'confirmed' })),
    baseLedger(),
  );
}

describe('community epidemic states (社区防控工作方案)', () => {
  it('one confirmed case is a case; two in one household an outbreak; two households community transmission', () => {
    const one = communityStates(withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-01-28' }]), '2020-02-01' as never);
    expect(one.get(U.wjg)).toMatchObject({ state: 'case', confirmed: 1, households: 1 });
    const cluster = communityStates(withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-01-28' }, { household: H.wjg1, person: P.wjg2, day: '2020-01-30' }]), '2020-02-01' as never);
    expect(cluster.get(U.wjg)?.state).toBe('outbreak');
    const spread = communityStates(withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-01-28' }, { household: H.wjg2, person: P.wjg3, day: '2020-01-30' }]), '2020-02-01' as never);
    expect(spread.get(U.wjg)?.state).toBe('communityTransmission');
  });

  it('counts only the 14 days up to the day, and leaves units with no case out', () => {
    const l = withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-01-25' }]);
    expect(communityStates(l, '2020-02-07' as never).get(U.wjg)?.state).toBe('case');
    expect(communityStates(l, '2020-02-08' as never).has(U.wjg)).toBe(false);
    expect(communityStates(l, '2020-02-07' as never).has(U.cb)).toBe(false);
  });

  it('follows the rule edition in force: from 2020-09-15 a cluster is 5 or more', () => {
    const l = withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-01-28' }, { household: H.wjg1, person: P.wjg2, day: '2020-01-28' }]);
    expect(communityStates(l, '2020-02-01' as never).get(U.wjg)).toMatchObject({ state: 'outbreak', edition: '1st–6th editions' });
    const autumn = withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-09-20' }, { household: H.wjg1, person: P.wjg2, day: '2020-09-20' }]);
    expect(communityStates(autumn, '2020-09-21' as never).get(U.wjg)).toMatchObject({ state: 'case', confirmed: 2, edition: '7th edition' });
    // only clusters changed: two sporadic cases in two households are still community transmission
    const sporadic = withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-09-20' }, { household: H.wjg2, person: P.wjg3, day: '2020-09-20' }]);
    expect(communityStates(sporadic, '2020-09-21' as never).get(U.wjg)).toMatchObject({ state: 'communityTransmission', edition: '7th edition' });
  });

  it('counts people, not registrations: a household registered confirmed twice without naming a member is one case', () => {
    const twice = replay(
      [ev.classify({ householdId: H.wjg1, day: '2020-01-28', category: 'confirmed' }), ev.classify({ householdId: H.wjg1, day: '2020-01-29', category: 'confirmed' })],
      baseLedger(),
    );
    expect(communityStates(twice, '2020-02-01' as never).get(U.wjg)).toMatchObject({ state: 'case', confirmed: 1, households: 1 });
    // a member registered twice is one case too, and a household-level registration adds none when a member is named
    const named = replay(
      [
        ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-28', category: 'confirmed' }),
        ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-29', category: 'confirmed' }),
        ev.classify({ householdId: H.wjg1, day: '2020-01-29', category: 'confirmed' }),
      ],
      baseLedger(),
    );
    expect(communityStates(named, '2020-02-01' as never).get(U.wjg)).toMatchObject({ state: 'case', confirmed: 1 });
  });

  it('community transmission needs two cases of unclear source: a case that names its source is not one', () => {
    const two = (source: { kind: string; personId?: string } | undefined): Ledger =>
      replay(
        [
          ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-28', category: 'confirmed' }),
          ev.classify({ householdId: H.wjg2, personId: P.wjg3, day: '2020-01-30', category: 'confirmed', ...(source === undefined ? {} : { source }) }),
        ],
        baseLedger(),
      );
    // no source stated: unclear, as before sources could be named
    expect(communityStates(two(undefined), '2020-02-01' as never).get(U.wjg)).toMatchObject({ state: 'communityTransmission', confirmed: 2, unclear: 2 });
    expect(communityStates(two({ kind: 'unclear' }), '2020-02-01' as never).get(U.wjg)).toMatchObject({ state: 'communityTransmission', unclear: 2 });
    // the second case was infected by the first: a chain, not sporadic cases of unclear source
    expect(communityStates(two({ kind: 'case', personId: P.wjg1 }), '2020-02-01' as never).get(U.wjg)).toMatchObject({ state: 'case', confirmed: 2, unclear: 1 });
    expect(communityStates(two({ kind: 'imported' }), '2020-02-01' as never).get(U.wjg)).toMatchObject({ state: 'case', confirmed: 2, unclear: 1 });
    // a later registration that states the source settles it
    const settled = replay(
      [ev.classify({ householdId: H.wjg2, personId: P.wjg3, day: '2020-01-31', category: 'confirmed', source: { kind: 'case', personId: P.wjg1 } })],
      two(undefined),
    );
    expect(communityStates(settled, '2020-02-01' as never).get(U.wjg)?.state).toBe('case');
  });

  it('is part of the daily dispatch and its rendering', () => {
    const l = withCases([{ household: H.wjg1, person: P.wjg1, day: '2020-01-28' }]);
    const report = dailyDispatch(l, '2020-01-29');
    expect(report.communities.map((c) => [c.unit.id, c.state])).toEqual([[U.wjg, 'case']]);
    expect(renderDispatch(report, { locale: 'en' })).toContain('1 with a case');
    expect(dailyDispatch(l, '2020-01-29', U.jl).communities).toEqual([]);
  });

  it('a day whose only record is an outbreak has data: the outbreak shows, not "nothing recorded"', () => {
    // the register only (no campaign running), then two confirmed cases in one household
    const register = replay(setupEvents().filter((e) => e.type !== 'campaignOpened'));
    const l = replay(
      [ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-20', category: 'confirmed' }), ev.classify({ householdId: H.wjg1, personId: P.wjg2, day: '2020-01-20', category: 'confirmed' })],
      register,
    );
    const report = dailyDispatch(l, '2020-01-20');
    expect(report.hasData).toBe(true);
    expect(report.recorded).toEqual(['epidemic']);
    expect(report.communities.map((c) => [c.unit.id, c.state, c.confirmed])).toEqual([[U.wjg, 'outbreak', 2]]);
    const text = renderDispatch(report, { locale: 'en' });
    expect(text).toContain('community epidemic state: 0 with a case, 1 outbreak, 0 with community transmission');
    expect(text).not.toMatch(/nothing was recorded for 2020-01-20:/);
    // the parts with no records are named, and their zeros are not printed as figures
    expect(text).toMatch(/nothing was recorded for 2020-01-20 of door-knocking, .*, member development, reports: those figures are not shown/);
    expect(text).not.toContain('screening coverage');
    expect(renderDispatch(report, { locale: 'en', format: 'html' })).toContain('1 outbreak,');
    // the state holds for 14 days, and the day before had nothing at all
    expect(dailyDispatch(l, '2020-02-02').recorded).toEqual(['epidemic']);
    expect(dailyDispatch(l, '2020-02-03').hasData).toBe(false);
    expect(dailyDispatch(l, '2020-01-19').hasData).toBe(false);
    expect(report.previous).toBeNull();
  });

  it('a day whose only record is a daily report has data', () => {
    const register = replay(setupEvents().filter((e) => e.type !== 'campaignOpened'));
    const l = replay([{ type: 'dailyReportSubmitted', id: 'zero-1', at: '2020-01-20T18:00:00+08:00', by: P.wjgSec, unitId: U.wjg, day: '2020-01-20', nothingToReport: true } as never], register);
    const report = dailyDispatch(l, '2020-01-20');
    expect(report.recorded).toEqual(['reporting']);
    expect(renderDispatch(report, { locale: 'en' })).toContain('villages and communities 1/3 (1 on time, 0 late, 2 missing, 1 with nothing to report');
  });
});
