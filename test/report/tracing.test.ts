import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TRACING_MONOID, generateCounty, replay, simulateCampaigns, tracingIndicators, tracingShares, type LedgerEvent, type OrgId, type Period, type TracingCounts } from '../../src/index.js';
import { H, P, U, ev, ledgerWith, registerOf, tinyCounty } from '../ledgerFixtures.js';

const PERIOD = { from: '2020-01-25', to: '2020-02-07' } as Period;
const contact = (personId: string, id: string, day: string, contactOf?: string): LedgerEvent =>
  ({ ...ev.observe({ observationId: id, personId, fromDay: day, day, category: 'closeContact', basis: 'lastContact' }), ...(contactOf === undefined ? {} : { contactOf }) }) as LedgerEvent;

describe('tracingIndicators on hand-made events', () => {
  // wjg-1 confirmed on 01-26; its contacts wjg-2 (traced 01-27: within 24 h) and lsc-1 (01-29: late);
  // wjg-2 was seen on 01-27 only, then confirmed on 02-01 (a case from the contact list)
  const events = [
    ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-26', category: 'confirmed', source: { kind: 'imported' } }),
    contact(P.wjg2, 'c-wjg2', '2020-01-27', P.wjg1),
    ev.temperature({ observationId: 'c-wjg2', day: '2020-01-27' }),
    ev.temperature({ observationId: 'c-wjg2', day: '2020-01-27', slot: 'evening' }),
    contact(P.lsc1, 'c-lsc1', '2020-01-29', P.wjg1),
    ev.classify({ householdId: H.wjg1, personId: P.wjg2, day: '2020-02-01', category: 'confirmed', source: { kind: 'case', personId: P.wjg1 } }),
  ] as LedgerEvent[];
  const l = ledgerWith(events);
  const t = tracingIndicators(l, PERIOD);

  it('counts each indicator with its denominator', () => {
    expect(t.total).toMatchObject({ newCases: 2, casesFromContacts: 1, casesWithContacts: 1, tracedWithin24h: 0, contacts: 2 });
    // wjg-2: due 01-27 … 02-07 (12 days), seen on 1; lsc-1: due 01-29 … 02-07 (10 days), seen on none
    expect(t.total.contactDaysDue).toBe(22);
    expect(t.total.contactDaysSeen).toBe(1);
    const shares = tracingShares(t.total);
    expect(shares.map((s) => s.indicator)).toEqual(['seenDaily', 'followedFully', 'casesFromContacts', 'tracedWithin24h', 'lostToFollowUp']);
    expect(shares[2]).toEqual({ indicator: 'casesFromContacts', numerator: 1, denominator: 2, share: 0.5 });
  });

  it('counts contacts at the unit of their observation and cases at their household, rolled up the tree', () => {
    expect(t.byUnit.get(U.wjg)?.newCases).toBe(2);
    expect(t.byUnit.get(U.lsc)?.contacts).toBe(1);
    expect(t.rolledUp.get(U.pa)?.contacts).toBe(2);
    expect(t.rolledUp.get('yc' as OrgId)).toEqual(t.total);
  });

  it('a case whose contacts were all traced by the next day counts as traced within 24 h', () => {
    const quick = tracingIndicators(ledgerWith(events.filter((e) => (e as { observationId?: string }).observationId !== 'c-lsc1')), PERIOD);
    expect(quick.total.tracedWithin24h).toBe(1);
  });
});

describe('tracingIndicators on simulated fortnights', () => {
  const { base } = registerOf(tinyCounty(generateCounty({ seed: 4, scale: 0.1 }), 150));
  it('every share lies in [0, 1], a numerator never exceeds its denominator, and each unit rolls up to the sum of its own and its children’s counts', () => {
    const seeds = fc.sample(fc.integer({ min: 1, max: 1_000_000 }), { seed: 3, numRuns: 4 });
    for (const seed of seeds) {
      const l = replay(simulateCampaigns(base, { seed, arrivalShare: 0.05, campaigns: ['homePrevention'] }), base);
      const t = tracingIndicators(l, PERIOD);
      expect(t.total.contacts, `seed ${seed}`).toBeGreaterThan(0);
      for (const counts of t.rolledUp.values())
        for (const s of tracingShares(counts)) {
          expect(s.numerator, `${seed} ${s.indicator}`).toBeLessThanOrEqual(s.denominator);
          if (s.share !== null) expect(s.share).toBeGreaterThanOrEqual(0);
        }
      // the total is the sum of the units' own counts, merged in any order
      const own = [...t.byUnit.values()];
      const merged = (xs: TracingCounts[]): TracingCounts => xs.reduce(TRACING_MONOID.combine, TRACING_MONOID.empty);
      expect(merged(own)).toEqual(t.total);
      expect(merged([...own].reverse())).toEqual(t.total);
    }
  }, 300_000);
});
