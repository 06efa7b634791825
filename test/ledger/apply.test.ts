import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  FrontlineError,
  LedgerEvent,
  apply,
  emptyLedger,
  replay,
  tableGet,
  tableHas,
  tryApply,
  tryReplay,
  type Issue,
  type Ledger,
} from '../../src/index.js';
import { C, DAY0, H, P, U, at, baseLedger, deepFreeze, ev, setupEvents, snapshot } from '../ledgerFixtures.js';

const paths = (issues: readonly Issue[]): PropertyKey[][] => issues.map((i) => [...i.path]);
const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);

/** The error thrown by `run`, or a failure when nothing is thrown. */
function thrown(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}

/** Every top-level field of a ledger (tables by reference), to check that a refused batch touched nothing. */
const fieldsOf = (l: Ledger): unknown[] => Object.values(l);

describe('apply: the small ledger', () => {
  it('is built by replaying its setup events', () => {
    const l = baseLedger();
    expect(l.eventCount).toBe(setupEvents().length);
    expect(l.units).toHaveLength(9);
    expect(l.people.size).toBe(19);
    expect(l.households.size).toBe(6);
    expect(l.campaigns.size).toBe(4);
    expect(tableGet(l.campaigns, C.dk)).toEqual({
      id: 'dk',
      kind: 'doorKnocking',
      name: 'doorKnocking 2020',
      ownerUnitId: 'yc',
      covers: ['yc'],
      startDay: DAY0,
      status: 'active',
    });
    for (const e of setupEvents()) expect(tableGet(l.events, e.id)).toBe(e.at);
    expect(Object.isFrozen(l)).toBe(true);
    expect(Object.isFrozen(l.households)).toBe(true);
  });

  it('apply with the same events in one batch gives the same ledger as replay', () => {
    expect(apply(emptyLedger(), setupEvents())).toEqual(replay(setupEvents()));
  });
});

describe('apply: good batches', () => {
  it('returns a new frozen ledger, counts the events, and leaves the input ledger as it was', () => {
    const l = baseLedger();
    const before = snapshot(l);
    const events = deepFreeze([ev.letter({ householdId: H.wjg1 }), ev.visit({ householdId: H.cb1, day: '2020-01-25' })]);
    const copy = snapshot(events);
    const next = apply(l, events);
    expect(next).not.toBe(l);
    expect(next.eventCount).toBe(l.eventCount + 2);
    expect(next.letters.size).toBe(1);
    expect(next.visits.size).toBe(1);
    expect(tableHas(next.events, events[0]!.id)).toBe(true);
    expect(tableHas(l.events, events[0]!.id)).toBe(false);
    expect(snapshot(l)).toEqual(before);
    expect(snapshot(events)).toEqual(copy);
    expect(Object.isFrozen(next)).toBe(true);
    expect(Object.isFrozen(next.letters)).toBe(true);
  });

  it('copies only what changed: untouched tables are shared with the input ledger', () => {
    const l = baseLedger();
    const next = apply(l, [ev.letter({ householdId: H.wjg1 })]);
    expect(next.letters).not.toBe(l.letters);
    expect(next.events).not.toBe(l.events);
    for (const name of ['people', 'households', 'campaigns', 'visits', 'observations', 'tasks', 'sites'] as const) expect(next[name]).toBe(l[name]);
    expect(next.units).toBe(l.units);
    expect(next.settings).toBe(l.settings);
  });

  it('an empty batch changes nothing', () => {
    const l = baseLedger();
    expect(apply(l, [])).toEqual(l);
    expect(replay([], l)).toEqual(l);
  });

  it('later events of a batch see the records of earlier ones', () => {
    const obs = ev.observe({ personId: P.wjg1, fromDay: DAY0 });
    const next = apply(baseLedger(), [obs, ev.temperature({ observationId: obs.observationId, day: DAY0, slot: 'evening' })]);
    expect(tableGet(next.observations, obs.observationId)?.readings).toHaveLength(1);
  });

  it("an event's day is its day in China Standard Time, whatever the offset of `at`", () => {
    const l = baseLedger();
    // 2020-01-24T01:00 in Beijing: inside the campaign, which starts on 2020-01-24
    const early = ev.visit({ householdId: H.wjg1, day: DAY0, at: '2020-01-23T17:00:00Z' });
    expect(tableGet(apply(l, [early]).visits, early.visitId)?.day).toBe('2020-01-24');
    // 2020-01-23T23:59 in Beijing: the day before the campaign
    const late = ev.visit({ householdId: H.wjg1, day: DAY0, at: '2020-01-23T15:59:00Z' });
    expect(codes(thrown(() => apply(l, [late])).issues)).toEqual(['outside_campaign']);
  });

  it('replay onto a base copies the records it changes: the base is untouched, also when it is unfrozen (read back from JSON)', () => {
    const obs = ev.observe({ personId: P.wjg1, fromDay: DAY0 });
    const task = ev.task({ unitId: U.wjg, day: '2020-01-26', postedOn: '2020-01-25', places: 3 });
    const first = [
      obs,
      ev.visit({ householdId: H.wjg1, day: '2020-01-25', outcome: 'nobodyHome' }),
      ev.site({ siteId: 's1', unitId: U.wjg, responsibleUnitId: U.paDis }),
      ev.disinfect({ siteId: 's1', day: '2020-01-25' }),
      ev.volunteer({ personId: P.vol1 }),
      ev.volunteer({ personId: P.vol2 }),
      task,
      ev.signUp({ taskId: task.taskId, personId: P.vol1, day: '2020-01-25' }),
      ev.classify({ householdId: H.wjg1, day: '2020-01-25', category: 'fromWuhan' }),
    ];
    const second = [
      ev.temperature({ observationId: obs.observationId, day: '2020-01-26', celsius: 37.8 }),
      ev.extend({ observationId: obs.observationId, days: 3, day: '2020-01-26' }),
      ev.visit({ householdId: H.wjg1, day: '2020-01-26' }),
      ev.disinfect({ siteId: 's1', day: '2020-01-25', time: '16:00' }),
      ev.disinfect({ siteId: 's1', day: '2020-01-26' }),
      ev.signUp({ taskId: task.taskId, personId: P.vol2, day: '2020-01-26' }),
      ev.classify({ householdId: H.wjg1, day: '2020-01-26', category: 'fever' }),
      ev.campaignClosed({ campaignId: C.cl, endDay: '2020-01-26' }),
      ev.settingsChanged({ settings: { revisitAfterDays: 5 }, day: '2020-01-26' }),
    ];
    const frozenBase = replay(first, baseLedger());
    const expected = apply(frozenBase, second);
    for (const base of [frozenBase, snapshot(frozenBase), apply(baseLedger(), first)]) {
      const before = JSON.stringify(base);
      const next = replay(second, base);
      expect(JSON.stringify(base)).toBe(before);
      expect(next).toEqual(expected);
      expect(tableGet(next.observations, obs.observationId)?.readings).toHaveLength(1);
      expect(tableGet(base.observations, obs.observationId)?.readings).toHaveLength(0);
      expect(tableGet(next.tasks, task.taskId)?.signUps).toEqual([P.vol1, P.vol2]);
      expect(tableGet(base.tasks, task.taskId)?.signUps).toEqual([P.vol1]);
      expect(tableGet(next.campaigns, C.cl)?.status).toBe('closed');
      expect(tableGet(base.campaigns, C.cl)?.status).toBe('active');
    }
  });

  it('the trusted option skips shape validation but not the references', () => {
    const journal = setupEvents();
    expect(replay(journal, undefined, { trusted: true })).toEqual(replay(setupEvents()));
    const bad = ev.letter({ householdId: 'h-nowhere' });
    expect(codes(thrown(() => apply(baseLedger(), [bad], { trusted: true })).issues)).toEqual(['unknown_household']);
  });
});

describe('apply: bad input', () => {
  /** A batch with a good event and one bad event of each kind, and the path and code each must be reported at. */
  function badBatch(): { events: unknown[]; expected: [PropertyKey[], string][] } {
    const good = ev.letter({ householdId: H.wjg1 });
    const temp = ev.temperature({ observationId: 'obs-x', day: '2020-01-25' });
    return {
      events: [
        good,
        ev.letter({ householdId: 'h-nowhere' }),
        ev.visit({ householdId: H.cb1, day: '2020-01-23' }),
        ev.visit({ householdId: H.cb2, day: '2020-01-25', id: good.id }),
        { type: 'householdDemolished', id: 'e-bogus', at: at(DAY0), by: P.mayor, householdId: H.cb2 },
        { ...ev.visit({ householdId: H.wjg2, day: '2020-01-25' }), colour: 'red' },
        { ...temp, celsius: 'hot' },
        { ...ev.task({ unitId: U.wjg, day: '2020-01-26', postedOn: '2020-01-25' }), places: -3 },
        { ...ev.classify({ householdId: H.wjg3, day: '2020-01-25', category: 'general' }), at: '2020-02-30T10:00:00+08:00' },
      ],
      expected: [
        [[1, 'householdId'], 'unknown_household'],
        [[2, 'campaignId'], 'outside_campaign'],
        [[3, 'id'], 'duplicate_event'],
        [[4, 'type'], 'unknown_event_type'],
        [[5, 'colour'], 'unrecognized_keys'],
        [[6, 'celsius'], 'invalid_type'],
        [[7, 'places'], 'too_small'],
        [[8, 'at'], 'invalid_format'],
      ],
    };
  }

  it('a batch with bad events throws one FrontlineError listing every problem with its [index, field] path', () => {
    const { events, expected } = badBatch();
    const error = thrown(() => apply(baseLedger(), events));
    expect(error.code).toBe('invalid_input');
    const found = error.issues.map((i) => [[...i.path], i.code]);
    expect(found).toHaveLength(expected.length);
    for (const e of expected) expect(found).toContainEqual(e);
    expect(error.message).toMatch(/nothing was applied/);
    expect(error.message).toContain('[1].householdId');
    expect(error.message).toContain('[2].campaignId');
    expect(error.message).toContain('[3].id');
    expect(error.message).toContain('[4].type');
  });

  it('the messages say what is wrong: the unknown type (listing the known ones), the extra field, the unknown household', () => {
    const { events } = badBatch();
    const error = thrown(() => apply(baseLedger(), events));
    const at = (i: number): string => error.issues.find((x) => x.path[0] === i)?.message ?? '';
    expect(at(1)).toContain('h-nowhere');
    expect(at(2)).toContain('2020-01-23');
    expect(at(4)).toContain('householdDemolished');
    for (const t of EVENT_TYPES) expect(at(4)).toContain(t);
    expect(at(5)).toContain('colour');
  });

  it('leaves the ledger unchanged (deep-equal, same fields) and does not mutate the (deep-frozen) input events', () => {
    const l = baseLedger();
    const before = snapshot(l);
    const fields = fieldsOf(l);
    const { events } = badBatch();
    deepFreeze(events);
    const input = snapshot(events);
    expect(() => apply(l, events)).toThrow(FrontlineError);
    expect(snapshot(l)).toEqual(before);
    fieldsOf(l).forEach((f, i) => expect(f).toBe(fields[i]));
    expect(snapshot(events)).toEqual(input);
  });

  it('also on an unfrozen ledger (read back from JSON), nothing is written into it', () => {
    const l = snapshot(baseLedger());
    const before = snapshot(l);
    const fields = fieldsOf(l);
    const { events } = badBatch();
    expect(() => apply(l, events)).toThrow(FrontlineError);
    expect(() => replay(events, l)).toThrow(FrontlineError);
    expect(l).toEqual(before);
    fieldsOf(l).forEach((f, i) => expect(f).toBe(fields[i]));
  });

  it('one bad event among good ones: nothing of the good ones is applied', () => {
    const l = baseLedger();
    const good = [ev.letter({ householdId: H.wjg1 }), ev.visit({ householdId: H.wjg1, day: '2020-01-25' })];
    const r = tryApply(l, [...good, ev.letter({ householdId: 'h-nowhere' })]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(FrontlineError);
    expect(paths(r.error.issues)).toEqual([[2, 'householdId']]);
    expect(l.letters.size).toBe(0);
    expect(l.visits.size).toBe(0);
  });

  it('tryApply returns { ok: false, error } with the same issues apply throws, and { ok: true, value } otherwise', () => {
    const { events } = badBatch();
    const r = tryApply(baseLedger(), events);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues).toEqual(thrown(() => apply(baseLedger(), events)).issues);
    const good = [ev.letter({ householdId: H.cb1 })];
    const ok = tryApply(baseLedger(), good);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.value.letters.size).toBe(1);
  });

  it('tryReplay returns { ok: false } for a bad journal', () => {
    const r = tryReplay([...setupEvents(), ev.visit({ householdId: H.cb1, day: '2020-01-23' })]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(paths(r.error.issues)).toEqual([[setupEvents().length, 'campaignId']]);
  });

  it('refuses a duplicate event id within a batch', () => {
    const a = ev.letter({ householdId: H.wjg1 });
    const b = ev.visit({ householdId: H.wjg1, day: '2020-01-25', id: a.id });
    const error = thrown(() => apply(baseLedger(), [a, b]));
    expect(error.issues.map((i) => [[...i.path], i.code])).toEqual([[[1, 'id'], 'duplicate_event']]);
    // the id of a refused event is taken too: a later event with it is reported as a duplicate
    const bad = ev.letter({ householdId: 'h-nowhere' });
    const again = ev.letter({ householdId: H.wjg2, id: bad.id });
    expect(thrown(() => apply(baseLedger(), [bad, again])).issues.map((i) => [[...i.path], i.code])).toEqual([
      [[0, 'householdId'], 'unknown_household'],
      [[1, 'id'], 'duplicate_event'],
    ]);
  });

  it('refuses a duplicate event id across batches, and a same record under a new id is refused by its own rule', () => {
    const a = ev.letter({ householdId: H.wjg1 });
    const l = apply(baseLedger(), [a]);
    const error = thrown(() => apply(l, [a]));
    expect(error.issues.map((i) => [[...i.path], i.code])).toEqual([[[0, 'id'], 'duplicate_event']]);
    expect(error.issues[0]?.message).toContain(a.id);
    const again = ev.letter({ householdId: H.wjg1 });
    expect(codes(thrown(() => apply(l, [again])).issues)).toEqual(['already_delivered']);
  });

  it('replaying the same journal onto its own result is refused (every id a duplicate), not double counted', () => {
    const journal = [
      ...setupEvents(),
      ev.letter({ householdId: H.wjg1 }),
      ev.visit({ householdId: H.wjg1, day: '2020-01-25' }),
      ev.site({ unitId: U.wjg, responsibleUnitId: U.paDis }),
    ];
    const once = replay(journal);
    for (const run of [() => replay(journal, once), () => apply(once, journal)]) {
      const error = thrown(run);
      expect(error.issues).toHaveLength(journal.length);
      expect(new Set(codes(error.issues))).toEqual(new Set(['duplicate_event']));
      expect(paths(error.issues)).toEqual(journal.map((_, i) => [i, 'id']));
    }
    // the same journal twice in one replay
    const twice = thrown(() => replay([...journal, ...journal]));
    expect(paths(twice.issues)).toEqual(journal.map((_, i) => [journal.length + i, 'id']));
    expect(once.visits.size).toBe(1);
    expect(once.eventCount).toBe(journal.length);
  });

  it('refuses an event recorded by an unknown person (path [index, "by"])', () => {
    const e = ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: 'stranger', visitors: [P.wjgSec] });
    const error = thrown(() => apply(baseLedger(), [e]));
    expect(error.issues.map((i) => [[...i.path], i.code])).toEqual([[[0, 'by'], 'unknown_person']]);
  });

  it('refuses things that are not events at all', () => {
    const error = thrown(() => apply(baseLedger(), [null, 42, 'visitRecorded', {}]));
    expect(paths(error.issues)).toEqual([
      [0, 'type'],
      [1, 'type'],
      [2, 'type'],
      [3, 'type'],
    ]);
    const arrayLike = thrown(() => apply(baseLedger(), { length: 0 } as unknown as unknown[]));
    expect([arrayLike.code, paths(arrayLike.issues)]).toEqual(['invalid_input', [[]]]);
  });

  it('every event type is in the union and rejects an extra field', () => {
    expect(EVENT_TYPES).toHaveLength(42);
    expect(new Set(EVENT_TYPES).size).toBe(42);
    for (const type of EVENT_TYPES) {
      const r = LedgerEvent.safeParse({ type, id: 'x', at: at(DAY0), by: 'p', unexpected: true });
      expect(r.success).toBe(false);
    }
  });
});

describe('replay of a trusted journal', () => {
  it('still names an unknown event type instead of failing inside a recipe', () => {
    const journal = [...setupEvents(), { type: 'nope', id: 'e-x', at: at('2020-01-25'), by: P.mayor }];
    expect(() => replay(journal, undefined, { trusted: true })).toThrow(/unknown event type "nope"/);
  });
});

describe('apply: who may record while a ledger is set up', () => {
  it('accepts the first people registered by anyone on an empty register, and refuses an unknown recorder afterwards, even one registering themselves', () => {
    const [units, first] = setupEvents();
    const l = baseLedger();
    const stranger = { id: 'p-new', name: '新人', sex: 'female', birthDate: '1990-01-01', unitId: U.wjg, partyStatus: 'nonMember' };
    // the register is empty: the recorder need not be known yet
    expect(apply(emptyLedger(), [units, { ...first, by: 'p-new', people: [stranger] }]).people.size).toBe(1);
    const bySelf = { type: 'peopleRegistered', id: 'e-self', at: at('2020-01-25'), by: 'p-new', people: [stranger] };
    expect(() => apply(l, [bySelf])).toThrow(/unknown recorder 'p-new'/);
    const byNobody = { type: 'peopleRegistered', id: 'e-nobody', at: at('2020-01-25'), by: 'nobody', people: [{ ...stranger, id: 'p-new-2' }] };
    expect(() => apply(l, [byNobody])).toThrow(/unknown recorder 'nobody'/);
    expect(apply(l, [{ ...bySelf, by: P.wjgSec }]).people.size).toBe(l.people.size + 1);
  });
});

describe('apply: references', () => {
  const l = baseLedger();
  const issue = (e: unknown): [PropertyKey[], string][] => thrown(() => apply(l, [e])).issues.map((i) => [[...i.path], i.code]);

  it('a visit needs a known household, a door-knocking campaign running on its day and covering the unit, known visitors', () => {
    expect(issue(ev.visit({ householdId: 'h-x', day: '2020-01-25' }))).toEqual([[[0, 'householdId'], 'unknown_household']]);
    expect(issue(ev.visit({ householdId: H.wjg1, day: '2020-01-25', campaignId: C.hp }))).toEqual([[[0, 'campaignId'], 'campaign_kind']]);
    expect(issue(ev.visit({ householdId: H.wjg1, day: '2020-01-25', campaignId: 'dk-x' }))).toEqual([[[0, 'campaignId'], 'unknown_campaign']]);
    expect(issue(ev.visit({ householdId: H.wjg1, day: '2020-01-25', visitors: [P.wjgSec, 'ghost'] }))).toEqual([[[0, 'visitors', 1], 'unknown_person']]);
  });

  it('a campaign that covers a township refuses records of another township; a closed campaign refuses records after its end', () => {
    const opened = ev.campaignOpened({ kind: 'doorKnocking', ownerUnitId: U.pa, covers: [U.pa], campaignId: 'dk-pa' });
    const l2 = apply(l, [opened]);
    expect(() => apply(l2, [ev.visit({ householdId: H.lsc1, day: '2020-01-25', campaignId: 'dk-pa' })])).not.toThrow();
    const e = thrown(() => apply(l2, [ev.visit({ householdId: H.cb1, day: '2020-01-25', campaignId: 'dk-pa' })]));
    expect(e.issues.map((i) => [[...i.path], i.code])).toEqual([[[0, 'campaignId'], 'not_covered']]);

    const closed = apply(l2, [ev.campaignClosed({ campaignId: 'dk-pa', endDay: '2020-02-10' })]);
    expect(tableGet(closed.campaigns, 'dk-pa')).toMatchObject({ status: 'closed', endDay: '2020-02-10' });
    expect(() => apply(closed, [ev.visit({ householdId: H.wjg1, day: '2020-02-10', campaignId: 'dk-pa' })])).not.toThrow();
    expect(codes(thrown(() => apply(closed, [ev.visit({ householdId: H.wjg1, day: '2020-02-11', campaignId: 'dk-pa' })])).issues)).toEqual([
      'outside_campaign',
    ]);
    expect(codes(thrown(() => apply(closed, [ev.campaignClosed({ campaignId: 'dk-pa', endDay: '2020-02-12' })])).issues)).toEqual(['closed']);
  });

  it('a campaign cannot end before it starts, nor be closed on a future day', () => {
    expect(issue(ev.campaignOpened({ kind: 'cleaning', startDay: '2020-02-01', endDay: '2020-01-31' }))).toEqual([[[0, 'endDay'], 'end_before_start']]);
    expect(issue(ev.campaignClosed({ campaignId: C.cl, endDay: '2020-01-23', day: '2020-01-25' }))).toEqual([[[0, 'endDay'], 'end_before_start']]);
    expect(issue(ev.campaignClosed({ campaignId: C.cl, endDay: '2020-02-03', day: '2020-02-01' }))).toEqual([[[0, 'endDay'], 'future_end']]);
    expect(issue(ev.campaignOpened({ kind: 'cleaning', campaignId: C.cl }))).toEqual([[[0, 'campaignId'], 'duplicate_id']]);
    expect(issue(ev.campaignOpened({ kind: 'cleaning', covers: ['yc', 'nowhere'] }))).toEqual([[[0, 'covers', 1], 'unknown_unit']]);
  });

  it('a household is registered in a village or community, with known members of no other household', () => {
    const reg = (h: Record<string, unknown>): unknown => ({ type: 'householdsRegistered', id: 'e-reg', at: at(DAY0), by: P.mayor, households: [h] });
    expect(issue(reg({ id: 'h-new', unitId: 'pa', address: '普安镇1号', members: [] }))).toEqual([[[0, 'households', 0, 'unitId'], 'unit_kind']]);
    expect(issue(reg({ id: H.wjg1, unitId: 'wjg', address: 'x', members: [] }))).toEqual([[[0, 'households', 0, 'id'], 'duplicate_id']]);
    expect(issue(reg({ id: 'h-new', unitId: 'wjg', address: 'x', members: ['nobody', P.cb1] }))).toEqual([
      [[0, 'households', 0, 'members', 0], 'unknown_person'],
      [[0, 'households', 0, 'members', 1], 'other_household'],
    ]);
  });

  it('settings change only in the fields given, and are validated', () => {
    const next = apply(l, [ev.settingsChanged({ settings: { lostAfterMisses: 2 } })]);
    expect(next.settings).toEqual({ ...l.settings, lostAfterMisses: 2 });
    expect(thrown(() => apply(l, [ev.settingsChanged({ settings: { observationEdition: 'nhc-1999' } })])).issues[0]?.path).toEqual([
      0,
      'settings',
      'observationEdition',
    ]);
  });
});
