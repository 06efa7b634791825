import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  SIMULATED_CAMPAIGNS,
  apply,
  countyEvents,
  dayOf,
  emptyLedger,
  generateCounty,
  replay,
  simulateCampaigns,
  tableGet,
  tableForEach,
  tableHas,
  observationEnd,
  type LedgerEvent,
  type Observation,
} from '../../src/index.js';
import { registerOf, tinyCounty } from '../ledgerFixtures.js';

const KINDS = ['homePrevention', 'doorKnocking', 'cleaning', 'volunteerService'] as const;
/** Event types that belong to each campaign kind. */
const WORK: Record<(typeof KINDS)[number], readonly LedgerEvent['type'][]> = {
  homePrevention: ['letterDelivered', 'travelDeclared', 'observationStarted', 'temperatureChecked'],
  doorKnocking: ['visitRecorded', 'householdClassified', 'serviceRequested', 'serviceFulfilled'],
  cleaning: ['siteRegistered', 'siteDisinfected'],
  volunteerService: ['volunteerRegistered', 'volunteerTaskPosted', 'volunteerSignedUp', 'volunteerAttended'],
};

describe('countyEvents', () => {
  it('brings a generated county into a new ledger', () => {
    const county = generateCounty({ seed: 1, scale: 0.005 });
    const events = countyEvents(county);
    expect(events[0]?.type).toBe('unitsAdded');
    expect(events.at(-1)?.type).toBe('commandSet');
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const l = replay(events);
    expect(l.units).toHaveLength(county.units.length);
    expect(l.people.size).toBe(county.people.length);
    expect(l.households.size).toBe(county.households.length);
    expect(l.command).toEqual(county.command);
  });
});

describe('simulateCampaigns on a tiny generated county (scale 0.005)', () => {
  const county = generateCounty({ seed: 2, scale: 0.005 });
  const { register, base } = registerOf(county);
  const baseJson = JSON.stringify(base);
  const journal = simulateCampaigns(base, { days: 3, seed: 1 });

  it('every event passes apply: replay onto the register does not throw and counts every event', () => {
    const l = replay(journal, base);
    expect(l.eventCount).toBe(register.length + journal.length);
    expect(l.letters.size).toBeGreaterThan(0);
    for (const e of journal) if (!tableHas(l.events, e.id)) throw new Error(`event ${e.id} missing`);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    expect(JSON.stringify(simulateCampaigns(base, { days: 3, seed: 1 })) === JSON.stringify(journal)).toBe(true);
    expect(JSON.stringify(simulateCampaigns(base, { days: 3, seed: 2 })) === JSON.stringify(journal)).toBe(false);
  });

  it('does not change the ledger it reads', () => {
    simulateCampaigns(base, { days: 2, seed: 4 });
    expect(JSON.stringify(base) === baseJson).toBe(true);
  });

  it('keeps people under observation (or transferred) at home: they neither disinfect nor volunteer', () => {
    const c = generateCounty({ seed: 3, scale: 0.02 });
    const { base: b } = registerOf(c);
    const fortnight = simulateCampaigns(b, { days: 14, seed: 3, arrivalShare: 0.01 });
    const l = replay(fortnight, b);
    const byPerson = new Map<string, Observation[]>();
    tableForEach(l.observations, (o) => byPerson.set(o.personId, [...(byPerson.get(o.personId) ?? []), o]));
    expect(byPerson.size).toBeGreaterThan(100);
    const away = (person: string, day: string): boolean =>
      (byPerson.get(person) ?? []).some((o) => o.startedOn <= day && (o.ended?.outcome === 'transferred' || day <= observationEnd(o)));
    let field = 0;
    const wrong: string[] = [];
    for (const e of fortnight) {
      const who = e.type === 'siteDisinfected' ? e.by : e.type === 'volunteerSignedUp' || e.type === 'volunteerAttended' ? e.personId : undefined;
      if (who === undefined) continue;
      field++;
      if (away(who, dayOf(e.at))) wrong.push(`${e.type} by ${who} on ${dayOf(e.at)}`);
    }
    expect(field).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });

  it('opens the four campaigns and produces events of all four kinds', () => {
    const opened = journal.filter((e): e is Extract<LedgerEvent, { type: 'campaignOpened' }> => e.type === 'campaignOpened');
    expect(opened.map((e) => e.kind).sort()).toEqual([...KINDS].sort());
    for (const e of opened) expect(e.campaignId).toBe(SIMULATED_CAMPAIGNS[e.kind]);
    const types = new Set(journal.map((e) => e.type));
    for (const kind of KINDS) for (const t of WORK[kind]) expect(types.has(t), `${kind}: ${t}`).toBe(true);
  });

  it('gives every event a fresh id, recorded by a registered person, day by day from the start day', () => {
    const ids = new Set(journal.map((e) => e.id));
    expect(ids.size).toBe(journal.length);
    for (const e of register) expect(ids.has(e.id)).toBe(false);
    let last = '';
    for (const e of journal) {
      if (!tableHas(base.people, e.by)) throw new Error(`unknown recorder ${e.by} of ${e.id}`);
      const d = dayOf(e.at);
      if (d < last) throw new Error(`${e.id} on ${d} comes after an event of ${last}`);
      last = d;
    }
    expect(dayOf(journal[0]!.at)).toBe('2020-01-25');
    expect(last).toBe('2020-01-27');
  });
});

describe('simulateCampaigns: a fortnight on a smaller register', () => {
  const county = tinyCounty(generateCounty({ seed: 4, scale: 0.005 }), 5);
  const { base } = registerOf(county);

  it('simulates 14 days by default, from 2020-01-25, and every event passes apply in one batch', () => {
    const journal = simulateCampaigns(base, { seed: 7, arrivalShare: 0.05 });
    const days = new Set(journal.map((e) => dayOf(e.at)));
    expect(days.size).toBe(14);
    expect([...days].sort()[0]).toBe('2020-01-25');
    expect([...days].sort().at(-1)).toBe('2020-02-07');
    const viaReplay = replay(journal, base);
    expect(JSON.stringify(apply(base, journal)) === JSON.stringify(viaReplay)).toBe(true);
    // observations run their course: some are released after 14 days
    const ended = journal.filter((e) => e.type === 'observationEnded');
    expect(ended.length).toBeGreaterThan(0);
    for (const e of ended) expect(tableGet(viaReplay.observations, e.observationId)?.ended).toBeDefined();
  });

  it('takes its start day from the options', () => {
    const journal = simulateCampaigns(base, { days: 2, seed: 1, startDay: '2020-02-01' });
    expect(dayOf(journal[0]!.at)).toBe('2020-02-01');
    expect(() => replay(journal, base)).not.toThrow();
  });

  test.prop([fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 6 })], { numRuns: 5 })(
    'every event of any seed passes apply',
    (seed, days) => {
      const journal = simulateCampaigns(base, { days, seed, arrivalShare: 0.05 });
      expect(replay(journal, base).eventCount).toBe(base.eventCount + journal.length);
    },
  );

  it('refuses a ledger without a register and invalid options', () => {
    for (const run of [
      () => simulateCampaigns(emptyLedger()),
      () => simulateCampaigns(base, { days: 0 }),
      () => simulateCampaigns(base, { days: 61 }),
      () => simulateCampaigns(base, { seed: 1.5 }),
      () => simulateCampaigns(base, { arrivalShare: 0.5 }),
      () => simulateCampaigns(base, { startDay: '2020-02-30' }),
      () => simulateCampaigns(base, { extra: true } as never),
    ])
      expect(run).toThrow(FrontlineError);
    const unitsOnly = replay(countyEvents(county).slice(0, 1));
    expect(() => simulateCampaigns(unitsOnly)).toThrow(FrontlineError);
  });
});
