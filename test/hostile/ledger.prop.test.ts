// Hostile input for the ledger's entry points: apply, tryApply, applyAs, tryApplyAs, replay,
// tryReplay and emptyLedger. A refused batch leaves the ledger exactly as it was (hostileCall
// compares every argument before and after); an accepted one gives a ledger that reads back.
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { apply, applyAs, emptyLedger, replay, tryApply, tryApplyAs, tryReplay, type Actor, type Ledger, type LedgerEvent } from '../../src/index.js';
import { H, P, U, baseLedger, ev, setupEvents } from '../ledgerFixtures.js';
import { argsAround, around, badInstant, countInput, holed, hostile, hostileCall, hostileTry, inputCount, mutated, runs, wrongType } from './hostile.js';

const ledger = baseLedger();
const observation = ev.observe({ personId: P.wjg1, fromDay: '2020-01-25', by: P.wjgSec });
/** One valid event of several kinds, each recorded by the village secretary inside their village. */
const events: readonly LedgerEvent[] = [
  ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.wjgSec }),
  ev.letter({ householdId: H.wjg2, day: '2020-01-25', by: P.wjgSec }),
  observation,
  ev.temperature({ observationId: observation.observationId, day: '2020-01-25', slot: 'evening', by: P.wjgSec }),
  ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-01-25', category: 'fromWuhan', by: P.wjgSec }),
  ev.serviceRequested({ householdId: H.wjg1, day: '2020-01-25', due: '2020-01-25T18:00:00+08:00', by: P.wjgSec }),
  ev.site({ unitId: U.wjg, responsibleUnitId: U.paDis, day: '2020-01-25', by: P.mayor }),
];
const villageWorker = { personId: P.wjgSec, role: 'villageWorker', unitId: U.wjg } as Actor;
const headquarters = { personId: P.mayor, role: 'headquarters', unitId: U.yc } as Actor;

/** A batch: valid events, mutated ones, hostile elements and holes, or anything at all. */
const batch: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...events) }, { weight: 4, arbitrary: fc.constantFrom(...events).chain((e) => mutated(e, badInstant)) }, { weight: 1, arbitrary: hostile }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.sparseArray(fc.constantFrom(...events), { maxLength: 4 }) },
  { weight: 1, arbitrary: holed },
  { weight: 2, arbitrary: hostile },
);

/** A ledger: the valid one, one of another version, one with a part of its envelope broken, or anything. */
const ledgerArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(ledger) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(0, 2, 1.5, '1', -1, null), hostile).map((version) => ({ ...ledger, version })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ key: fc.constantFrom(...Object.keys(ledger)), value: hostile, drop: fc.boolean() })
      .map(({ key, value, drop }) => {
        const out: Record<string, unknown> = { ...ledger };
        if (drop) delete out[key];
        else out[key] = value;
        return out;
      }),
  },
  { weight: 1, arbitrary: mutated(ledger.settings).map((settings) => ({ ...ledger, settings })) },
  { weight: 1, arbitrary: mutated(ledger.units).map((units) => ({ ...ledger, units })) },
  { weight: 1, arbitrary: fc.constantFrom(null, {}, [], emptyLedger(), { version: 1 }, JSON.parse(JSON.stringify(ledger)) as unknown) },
  { weight: 1, arbitrary: hostile },
);

/** Options: none, the valid ones (shape checks on), or anything but `trusted: true`, which turns the checks off by contract. */
const optionsArb: fc.Arbitrary<unknown> = fc
  .oneof(fc.constant(undefined), fc.constant({}), fc.constant({ trusted: false }), hostile, wrongType)
  .filter((o) => !(typeof o === 'object' && o !== null && (o as { trusted?: unknown }).trusted === true));

/** After an accepted batch, the new ledger is one the library reads again. */
function readsBack(out: unknown): void {
  const next = out as Ledger;
  expect(next.version).toBe(1);
  expect(apply(next, []).eventCount).toBe(next.eventCount);
}

describe('apply and tryApply, given anything', () => {
  const args = argsAround([ledger, events.slice(0, 2), undefined], [ledgerArb, batch, optionsArb]);
  test.prop([args], { numRuns: runs(900) })('apply returns a ledger or throws a FrontlineError; the ledger and the batch are unchanged', (a) => {
    countInput();
    const out = hostileCall(a, () => apply(a[0] as Ledger, a[1] as unknown[], a[2] as never));
    if (out.ok) readsBack(out.value);
  });
  test.prop([args], { numRuns: runs(700) })('tryApply never throws', (a) => {
    countInput();
    const r = hostileTry(a, () => tryApply(a[0] as Ledger, a[1] as unknown[], a[2] as never));
    if (r.ok) readsBack(r.value);
  });
});

describe('applyAs and tryApplyAs, given anything', () => {
  const actorArb = fc.oneof(around(villageWorker), around(headquarters));
  const args = argsAround([villageWorker, ledger, events.slice(0, 2), undefined], [actorArb, ledgerArb, batch, optionsArb]);
  test.prop([args], { numRuns: runs(700) })('applyAs returns a ledger or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => applyAs(a[0] as Actor, a[1] as Ledger, a[2] as unknown[], a[3] as never));
    if (out.ok) readsBack(out.value);
  });
  test.prop([args], { numRuns: runs(500) })('tryApplyAs never throws', (a) => {
    countInput();
    hostileTry(a, () => tryApplyAs(a[0] as Actor, a[1] as Ledger, a[2] as unknown[], a[3] as never));
  });
  // each of these events is valid on its own
  const alone = events.filter((e) => e.by === P.wjgSec && e.type !== 'temperatureChecked');
  test.prop([fc.constantFrom(...alone), fc.constantFrom(P.cbSec, P.lscSec)], { numRuns: runs(20) })(
    "every event of another village's worker is refused as not_authorized",
    (e, by) => {
      countInput();
      const worker = { personId: by, role: 'villageWorker', unitId: by === P.cbSec ? U.cb : U.lsc } as Actor;
      const out = hostileCall([worker, ledger, [e]], () => applyAs(worker, ledger, [{ ...e, by }]));
      expect(out.ok ? 'applied' : out.error.code).toBe('not_authorized');
    },
  );
});

describe('replay and tryReplay, given anything', () => {
  const journal = setupEvents();
  const journalArb = fc.oneof({ weight: 3, arbitrary: mutated(journal, badInstant) }, { weight: 1, arbitrary: fc.constant(journal) }, { weight: 1, arbitrary: batch });
  const baseArb = fc.oneof(fc.constant(undefined), ledgerArb);
  const args = argsAround([journal, undefined, undefined], [journalArb, baseArb, optionsArb]);
  test.prop([args], { numRuns: runs(500) })('replay returns a ledger or throws a FrontlineError; the journal and the base are unchanged', (a) => {
    countInput();
    const out = hostileCall(a, () => replay(a[0] as unknown[], a[1] as Ledger | undefined, a[2] as never));
    if (out.ok) readsBack(out.value);
  });
  test.prop([args], { numRuns: runs(400) })('tryReplay never throws', (a) => {
    countInput();
    hostileTry(a, () => tryReplay(a[0] as unknown[], a[1] as Ledger | undefined, a[2] as never));
  });
});

describe('emptyLedger, given anything', () => {
  test.prop([around(ledger.settings)], { numRuns: runs(200) })('returns a ledger of version 1 or throws a FrontlineError', (settings) => {
    countInput();
    const out = hostileCall([settings], () => emptyLedger(settings as never));
    if (out.ok) readsBack(out.value);
  });
});

afterAll(() => {
  // the share of this file in the hostile suite's inputs a run
  expect(inputCount()).toBeGreaterThanOrEqual(3900);
});
