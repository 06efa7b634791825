import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  EVENT_TYPES,
  FrontlineError,
  apply,
  applyAs,
  campaignProgress,
  emptyLedger,
  generateCounty,
  ledgerTree,
  replay,
  simulateCampaigns,
  tryApply,
  tryApplyAs,
  type Actor,
  type DoorKnockingMetrics,
  type Ledger,
  type LedgerEvent,
} from '../../src/index.js';
import { C, DAY0, H, P, U, baseLedger, deepFreeze, ev, plus, registerOf, snapshot, tinyCounty } from '../ledgerFixtures.js';

// Journals of a tiny simulated county: its register (countyEvents) and a few days of the four
// campaigns, for two seeds.
const county = tinyCounty(generateCounty({ seed: 3, scale: 0.005 }), 4);
const { register, base: registered } = registerOf(county);
const journals = [5, 6].map((seed) => [...register, ...simulateCampaigns(registered, { days: 4, seed, arrivalShare: 0.05 })]);
const replayed = journals.map((j) => replay(j));
const replayedJson = replayed.map((l) => JSON.stringify(l));
const journal = (k: number): LedgerEvent[] => journals[k] as LedgerEvent[];

/** Sorted distinct cut points inside a journal of length n. */
const cutsArb = (n: number, maxLength: number): fc.Arbitrary<number[]> =>
  fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength }).map((c) => [...c].sort((a, b) => a - b));

/** The journal cut into batches at the cut points. */
function batches<T>(events: readonly T[], cuts: readonly number[]): T[][] {
  const out: T[][] = [];
  let from = 0;
  for (const c of [...cuts, events.length]) {
    out.push(events.slice(from, c));
    from = c;
  }
  return out;
}

const minLength = Math.min(...journals.map((j) => j.length));

describe('replay and apply agree', () => {
  test.prop([fc.constantFrom(0, 1), cutsArb(minLength, 16)], { numRuns: 10 })(
    'replay(events) deep-equals applying the same events with apply in batches of any size',
    (k, cuts) => {
      let l = emptyLedger();
      for (const batch of batches(journal(k), cuts)) l = apply(l, batch);
      expect(l.eventCount).toBe(journal(k).length);
      expect(JSON.stringify(l) === replayedJson[k]).toBe(true);
    },
  );

  test.prop([fc.constantFrom(0, 1), fc.integer({ min: register.length, max: minLength - 1 }), fc.integer({ min: 1, max: 8 })], { numRuns: 6 })(
    'a stretch of one-event batches gives the same ledger',
    (k, from, count) => {
      const events = journal(k);
      let l = replay(events.slice(0, from));
      for (let i = from; i < Math.min(events.length, from + count); i++) l = apply(l, [events[i]]);
      l = apply(l, events.slice(from + count));
      expect(JSON.stringify(l) === replayedJson[k]).toBe(true);
    },
  );

  test.prop([fc.constantFrom(0, 1), cutsArb(minLength, 6)], { numRuns: 10 })(
    'replay(rest, base) equals replay(full journal) where base = replay(prefix), also through several bases',
    (k, cuts) => {
      const events = journal(k);
      const parts = batches(events, cuts);
      let l = replay(parts[0] ?? []);
      for (const part of parts.slice(1)) {
        const before = JSON.stringify(l);
        const next = replay(part, l);
        expect(JSON.stringify(l) === before).toBe(true); // the base is untouched
        l = next;
      }
      expect(JSON.stringify(l) === replayedJson[k]).toBe(true);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Corrupted events

const CORRUPTIONS = [
  'unknownHousehold',
  'unknownCampaign',
  'badDay',
  'negativeNumber',
  'unknownType',
  'otherType',
  'wrongFieldType',
  'unknownRecorder',
  'duplicateId',
  'extraField',
] as const;
type Corruption = (typeof CORRUPTIONS)[number];
const ALWAYS: readonly Corruption[] = ['badDay', 'unknownType', 'otherType', 'wrongFieldType', 'unknownRecorder', 'duplicateId', 'extraField'];

/** The event with one field corrupted, or undefined when that corruption does not apply to it. */
function corrupt(e: LedgerEvent, how: Corruption): Record<string, unknown> | undefined {
  const r = { ...e } as Record<string, unknown>;
  switch (how) {
    case 'unknownHousehold':
      return 'householdId' in e ? { ...r, householdId: 'h-nowhere' } : undefined;
    case 'unknownCampaign':
      // (in campaignOpened, campaignId is the new campaign's id: any id is fine there)
      return 'campaignId' in e && e.type !== 'campaignOpened' ? { ...r, campaignId: 'no-such-campaign' } : undefined;
    case 'badDay':
      return { ...r, at: `${e.at.slice(0, 10)}T25:61:00+08:00` };
    case 'negativeNumber':
      if (e.type === 'volunteerTaskPosted') return { ...r, places: -1 };
      if (e.type === 'volunteerAttended') return { ...r, hours: -1 };
      if (e.type === 'temperatureChecked') return { ...r, celsius: -36.5 };
      if (e.type === 'observationExtended' || e.type === 'observationShortened') return { ...r, days: -1 };
      return undefined;
    case 'unknownType':
      return { ...r, type: 'householdDemolished' };
    case 'otherType':
      return { ...r, type: e.type === 'letterDelivered' ? 'serviceFulfilled' : 'letterDelivered' };
    case 'wrongFieldType':
      return { ...r, id: 42 };
    case 'unknownRecorder':
      return { ...r, by: 'nobody-at-all' };
    case 'duplicateId':
      return { ...r, id: register[0]?.id };
    case 'extraField':
      return { ...r, note: 'extra' };
  }
}

describe('a batch with one corrupted event', () => {
  const sim = (k: number): number => journal(k).length - register.length;
  // bases at three points of each journal, built once
  const points = journals.map((_, k) => [0, 1, 2].map((t) => register.length + Math.floor((sim(k) * t) / 3)));
  const bases = journals.map((j, k) => (points[k] as number[]).map((c) => replay(j.slice(0, c))));

  test.prop(
    [fc.constantFrom(0, 1), fc.constantFrom(0, 1, 2), fc.integer({ min: 1, max: 60 }), fc.nat(), fc.constantFrom(...CORRUPTIONS), fc.nat()],
    { numRuns: 40 },
  )('leaves the ledger deep-equal and the same object, and does not mutate the input', (k, b, length, offsetSeed, how, fallback) => {
    const base = (bases[k] as Ledger[])[b] as Ledger;
    const start = (points[k] as number[])[b] as number;
    const batch: unknown[] = journal(k).slice(start, start + length);
    const at = offsetSeed % batch.length;
    const original = batch[at] as LedgerEvent;
    // a corruption that does not fit the event (no household, no number) falls back to one that fits every event
    const bad = corrupt(original, how) ?? corrupt(original, ALWAYS[fallback % ALWAYS.length] as Corruption);
    batch[at] = bad;
    deepFreeze(batch);
    const input = snapshot(batch);
    const before = JSON.stringify(base);
    const fields = Object.values(base);

    const r = tryApply(base, batch);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(FrontlineError);
    expect(r.error.issues.some((i) => i.path[0] === at)).toBe(true);
    expect(() => apply(base, batch)).toThrow(FrontlineError);
    expect(() => replay(batch, base)).toThrow(FrontlineError);

    expect(JSON.stringify(base) === before).toBe(true);
    Object.values(base).forEach((f, i) => expect(f).toBe(fields[i]));
    expect(snapshot(batch)).toEqual(input);
  });
});

// ---------------------------------------------------------------------------------------------
// JSON round trip

describe('the ledger survives a JSON round trip', () => {
  test.prop([fc.constantFrom(0, 1), fc.integer({ min: 0, max: minLength - 1 }), fc.integer({ min: 0, max: 400 })], { numRuns: 8 })(
    'JSON.parse(JSON.stringify(ledger)) deep-equals it, and apply / replay on it give the same as on the original',
    (k, cut, length) => {
      const events = journal(k);
      const l = replay(events.slice(0, cut));
      const rt = JSON.parse(JSON.stringify(l)) as Ledger;
      expect(rt).toStrictEqual(l);
      const batch = events.slice(cut, cut + length);
      const rtBefore = JSON.stringify(rt);
      const viaApply = JSON.stringify(apply(rt, batch));
      expect(viaApply === JSON.stringify(apply(l, batch))).toBe(true);
      expect(JSON.stringify(replay(batch, rt)) === viaApply).toBe(true);
      // nothing was written into the round-tripped (unfrozen) ledger
      expect(JSON.stringify(rt) === rtBefore).toBe(true);
      // its tree is rebuilt from its units
      expect(ledgerTree(rt).units.length).toBe(l.units.length);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Coverage

const HOUSEHOLDS = Object.values(H);
const visitArb = fc.record({
  householdId: fc.constantFrom(...HOUSEHOLDS),
  offset: fc.integer({ min: 0, max: 10 }),
  outcome: fc.constantFrom('screened' as const, 'nobodyHome' as const, 'refused' as const),
});

describe('coverage', () => {
  test.prop([fc.array(visitArb, { maxLength: 20 }), visitArb.map((v) => ({ ...v, outcome: 'screened' as const }))], { numRuns: 60 })(
    'never exceeds 1 and never decreases when a screening visit is added, for any unit and day',
    (visits, screening) => {
      const l = apply(
        baseLedger(),
        visits.map((v) => ev.visit({ householdId: v.householdId, day: plus(DAY0, v.offset), outcome: v.outcome })),
      );
      const after = apply(l, [ev.visit({ householdId: screening.householdId, day: plus(DAY0, screening.offset) })]);
      for (let d = 0; d <= 12; d++) {
        const day = plus(DAY0, d);
        const p0 = campaignProgress(l, C.dk, day);
        const p1 = campaignProgress(after, C.dk, day);
        for (const [unit, m] of p1.rolledUp) {
          const now = m as DoorKnockingMetrics;
          const was = p0.rolledUp.get(unit) as DoorKnockingMetrics;
          expect(now.screened).toBeLessThanOrEqual(now.households);
          expect(now.screened).toBeGreaterThanOrEqual(was.screened);
        }
        const total = p1.total as DoorKnockingMetrics;
        // the screened household counts from the day of the added visit
        if (d >= screening.offset) expect(total.screened).toBeGreaterThanOrEqual(1);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Authorization

const WJG_PEOPLE: Record<string, string[]> = { [H.wjg1]: [P.wjg1, P.wjg2], [H.wjg2]: [P.wjg3], [H.wjg3]: [P.wjg4] };
const workArb = fc.record({
  kind: fc.constantFrom('visit', 'letter', 'classify', 'service', 'travel', 'observe'),
  householdId: fc.constantFrom(H.wjg1, H.wjg2, H.wjg3),
  member: fc.nat(),
  offset: fc.integer({ min: 0, max: 6 }),
});
type Work = typeof workArb extends fc.Arbitrary<infer W> ? W : never;

/** A valid piece of work in 吴家沟村 recorded by `by`. */
function work(w: Work, by: string): LedgerEvent {
  const members = WJG_PEOPLE[w.householdId] as string[];
  const personId = members[w.member % members.length] as string;
  const d = plus(DAY0, w.offset);
  switch (w.kind) {
    case 'visit':
      return ev.visit({ householdId: w.householdId, day: d, by });
    case 'letter':
      return ev.letter({ householdId: w.householdId, day: d, by });
    case 'classify':
      return ev.classify({ householdId: w.householdId, personId, day: d, category: 'closeContact', by });
    case 'service':
      return ev.serviceRequested({ householdId: w.householdId, day: d, due: `${d}T20:00:00+08:00`, by });
    case 'travel':
      return ev.travel({ personId, arrivalDay: d, by });
    default:
      return ev.observe({ personId, fromDay: d, by });
  }
}

/** Actors outside 吴家沟村, with a valid piece of work inside their own scope (none for the supervisor). */
const OUTSIDERS: { actor: Actor; own: (by: string, d: string) => LedgerEvent | undefined }[] = [
  { actor: { personId: P.cbSec, role: 'villageWorker', unitId: U.cb } as Actor, own: (by, d) => ev.visit({ householdId: H.cb1, day: d, by }) },
  { actor: { personId: P.lscSec, role: 'villageWorker', unitId: U.lsc } as Actor, own: (by, d) => ev.visit({ householdId: H.lsc1, day: d, by }) },
  { actor: { personId: P.jlSec, role: 'townshipWorker', unitId: U.jl } as Actor, own: (by, d) => ev.visit({ householdId: H.cb2, day: d, by }) },
  { actor: { personId: P.sup, role: 'supervisor', unitId: U.yc } as Actor, own: () => undefined },
];

describe('authorization', () => {
  test.prop([fc.constantFrom(...OUTSIDERS), workArb, fc.integer({ min: 0, max: 3 })], { numRuns: 60 })(
    'an unauthorized event is never applied; the error names the actor, the action and the unit',
    ({ actor, own }, w, prefixLength) => {
      const l = baseLedger();
      const prefix = Array.from({ length: prefixLength }, (_, i) => own(actor.personId, plus(DAY0, i))).filter((e): e is LedgerEvent => e !== undefined);
      const event = work(w, actor.personId);
      const batch = deepFreeze([...prefix, event]);
      const before = JSON.stringify(l);

      const r = tryApplyAs(actor, l, batch);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const refusal = r.error.issues.find((i) => i.path[0] === prefix.length);
      expect(refusal?.code).toBe('not_authorized');
      expect(refusal?.message).toContain(actor.personId);
      expect(refusal?.message).toContain(event.type);
      expect(refusal?.message).toContain(`'${U.wjg}'`);
      expect(() => applyAs(actor, l, batch)).toThrow(FrontlineError);
      expect(JSON.stringify(l) === before).toBe(true);

      // the same work is fine for the village's own worker: the refusal was about scope only
      expect(() => applyAs({ personId: P.wjgSec, role: 'villageWorker', unitId: U.wjg } as Actor, l, [work(w, P.wjgSec)])).not.toThrow();
    },
  );
});

describe('sanity of the generated journals', () => {
  test.prop([fc.constantFrom(0, 1)], { numRuns: 2 })('hold all four campaigns and most event types', (k) => {
    const types = new Set(journal(k).map((e) => e.type));
    for (const t of ['campaignOpened', 'letterDelivered', 'observationStarted', 'temperatureChecked', 'visitRecorded', 'siteDisinfected', 'volunteerAttended'] as const)
      expect(types.has(t)).toBe(true);
    expect(EVENT_TYPES.filter((t) => types.has(t)).length).toBeGreaterThanOrEqual(16);
  });
});
