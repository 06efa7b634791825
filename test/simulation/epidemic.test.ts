import { fc } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EPIDEMIC_ANCHORS,
  FrontlineError,
  checkEpidemicAnchors,
  countyEvents,
  generateCounty,
  replay,
  simulateCampaigns,
  type EpidemicCheck,
  type Ledger,
  type LedgerEvent,
  type Period,
} from '../../src/index.js';
import { H, P, U, ev, ledgerWith, registerOf } from '../ledgerFixtures.js';

const FORTNIGHT = { from: '2020-01-25', to: '2020-02-07' } as Period;
const figures = (c: EpidemicCheck): Record<string, string> =>
  Object.fromEntries(c.results.map((r) => [r.figure, r.denominator === null ? String(r.value) : `${r.numerator}/${r.denominator}`]));

describe('checkEpidemicAnchors on hand-made events', () => {
  // wjg-1 and wjg-2 live together (h-wjg-1); wjg-3 alone (h-wjg-2); cb-2 and cb-3 together (h-cb-2)
  const events = [
    ev.observe({ personId: P.wjg1, fromDay: '2020-01-25', day: '2020-01-25' }),
    ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-28', category: 'confirmed', source: { kind: 'imported' } }),
    ev.observe({ observationId: 'obs-c2', personId: P.wjg2, fromDay: '2020-01-28', day: '2020-01-29', category: 'closeContact', basis: 'lastContact' }),
    ev.temperature({ observationId: 'obs-c2', day: '2020-01-29' }),
    ev.observe({ personId: P.cb2, fromDay: '2020-01-27', day: '2020-01-29', category: 'closeContact', basis: 'lastContact' }),
    ev.classify({ householdId: H.wjg1, personId: P.wjg2, day: '2020-02-02', category: 'confirmed', source: { kind: 'case', personId: P.wjg1 } }),
    ev.classify({ householdId: H.wjg2, personId: P.wjg3, day: '2020-02-03', category: 'confirmed', source: { kind: 'unclear' } }),
    // outside the fortnight: not counted
    ev.classify({ householdId: H.cb2, personId: P.cb3, day: '2020-02-09', category: 'confirmed' }),
  ];
  const ledger: Ledger = ledgerWith(events);
  const check = checkEpidemicAnchors(ledger, FORTNIGHT);

  it('counts cases, contacts, the traced, the later confirmed and the household rate with their denominators', () => {
    expect(figures(check)).toEqual({
      confirmedCases: '3',
      closeContacts: '2',
      contactsTraced: '1/2',
      contactsConfirmed: '1/2',
      // h-wjg-1: first case wjg-1, one member living with it, confirmed later; wjg-3 lives alone
      householdAttackRate: '1/1',
    });
    expect(check.results.map((r) => r.anchor)).toEqual([...EPIDEMIC_ANCHORS]);
  });

  it('says which figures meet their anchors, and met only when all do', () => {
    // 3 cases: single digits; 2 contacts: far fewer than 365; 50% traced; 50% confirmed; 100% household rate
    expect(check.results.map((r) => r.met)).toEqual([true, false, false, false, false]);
    expect(check.met).toBe(false);
  });

  it('a share with no denominator is not met and its value is NaN', () => {
    const empty = checkEpidemicAnchors(ledgerWith([]), FORTNIGHT);
    expect(empty.results[2]?.denominator).toBe(0);
    expect(empty.results[2]?.value).toBeNaN();
    expect(empty.results[2]?.met).toBe(false);
  });

  it('counts a case once however often it is registered, and an unnamed household registration only without a named case', () => {
    const twice = ledgerWith([
      ...events.slice(0, 2),
      ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-30', category: 'confirmed' }),
      ev.classify({ householdId: H.wjg1, day: '2020-01-30', category: 'confirmed' }),
      ev.classify({ householdId: H.cb1, day: '2020-01-30', category: 'confirmed' }),
    ]);
    expect(checkEpidemicAnchors(twice, FORTNIGHT).results[0]?.value).toBe(2);
  });

  it('rejects an invalid period', () => {
    expect(() => checkEpidemicAnchors(ledger, { from: '2020-02-07', to: '2020-01-25' } as Period)).toThrow(FrontlineError);
  });

  it('names every anchor in both languages, with at least one source each', () => {
    for (const a of EPIDEMIC_ANCHORS) {
      expect(a.zh.length * a.en.length).toBeGreaterThan(0);
      expect(a.sources.length).toBeGreaterThan(0);
      expect(a.min).toBeLessThanOrEqual(a.max);
      for (const s of a.sources) expect(s.url).toMatch(/^https:\/\//);
    }
    expect(U.wjg).toBe('wjg');
  });
});

describe('the simulated epidemic', () => {
  it('home prevention comes out the same whichever other campaigns are simulated', () => {
    const { base } = registerOf(generateCounty({ seed: 5, scale: 0.05 }));
    const options = { days: 14, seed: 3, arrivalShare: 0.02 };
    const all = replay(simulateCampaigns(base, options), base);
    const alone = replay(simulateCampaigns(base, { ...options, campaigns: ['homePrevention'] }), base);
    expect(figures(checkEpidemicAnchors(alone, FORTNIGHT))).toEqual(figures(checkEpidemicAnchors(all, FORTNIGHT)));
    expect(alone.observations.size).toBe(all.observations.size);
    expect(alone.campaigns.size).toBe(1);
  });

  describe("the default seed's fortnight at full scale", () => {
    // the demo's county and fortnight, simulated once for the tests below; home prevention alone
    // draws the same epidemic as the four campaigns together (test above)
    let journal: readonly LedgerEvent[] = [];
    let ledger: Ledger;
    beforeAll(() => {
      const base = replay(countyEvents(generateCounty({ seed: 2020 })), undefined, { trusted: true });
      journal = simulateCampaigns(base, { campaigns: ['homePrevention'] });
      ledger = replay(journal, base);
    }, 300_000);

    it('meets every anchor', () => {
      const check = checkEpidemicAnchors(ledger, FORTNIGHT);
      expect(check.results.filter((r) => !r.met).map((r) => `${r.figure} ${r.numerator}/${r.denominator}`)).toEqual([]);
      expect(check.met).toBe(true);
    });

    it('names the source of every confirmed case, and a source case is confirmed before the cases it infected', () => {
      const confirmedAt = new Map<string, string>();
      let cases = 0;
      let fromCases = 0;
      for (const e of journal) {
        if (e.type !== 'householdClassified' || e.category !== 'confirmed') continue;
        cases++;
        expect(e.source, e.id).toBeDefined();
        if (e.source?.kind === 'case') {
          fromCases++;
          expect(confirmedAt.get(e.source.personId) ?? 'never', e.id).not.toBe('never');
          expect(confirmedAt.get(e.source.personId)! < e.at, e.id).toBe(true);
        }
        confirmedAt.set(e.personId ?? '', e.at);
      }
      expect(cases).toBeGreaterThan(3);
      expect(fromCases).toBeGreaterThan(0);
    });
  });

  it('most seeds meet every anchor: at least 6 of 8', () => {
    // A county of a tenth of Yuechi with ten times the arrivals has the same epidemic in
    // absolute numbers as the full county (cases and contacts come from the arrivals, households are
    // as large), at a tenth of the cost. Why not every seed: the household rate is a ratio of small
    // counts. The number of household cases is the published rate times the household contacts,
    // rounded; with fewer than 7 household contacts (the fortnight's cases living alone or in small
    // households) no whole number of cases lies within 6–16%; and the confirmed count, a sum of a
    // few draws each within one of its expectation, can reach 10. Measured on seeds 1–26 of the
    // county of real divisions: 25 meet every anchor (seed 1 has 1 household case of 6 contacts).
    const county = generateCounty({ seed: 2020, scale: 0.1 });
    const base = replay(countyEvents(county), undefined, { trusted: true });
    const seeds = fc.sample(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { seed: 15, numRuns: 8 });
    const failed: string[] = [];
    for (const seed of seeds) {
      const ledger = replay(simulateCampaigns(base, { seed, arrivalShare: 0.02, campaigns: ['homePrevention'] }), base);
      const check = checkEpidemicAnchors(ledger, FORTNIGHT);
      // every seed: contacts of the order of 365, nearly all traced, cases in the single digits or just above
      expect(check.results[1]?.met, `seed ${seed}`).toBe(true);
      expect(check.results[2]?.met, `seed ${seed}`).toBe(true);
      expect(check.results[0]?.value, `seed ${seed}`).toBeLessThan(13);
      if (!check.met) failed.push(`seed ${seed}: ${JSON.stringify(figures(check))}`);
    }
    expect(failed.length, failed.join('\n')).toBeLessThanOrEqual(8 - 6);
  }, 300_000);
});
