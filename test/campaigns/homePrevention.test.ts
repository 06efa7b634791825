import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  FrontlineError,
  OBSERVATION_EDITIONS,
  apply,
  campaignProgress,
  followUp,
  followUps,
  observationEnd,
  tableGet,
  type HomePreventionMetrics,
  type Issue,
  type Ledger,
  type LedgerEvent,
  type Observation,
  type OrgId,
} from '../../src/index.js';
import { C, DAY0, H, P, U, baseLedger, day, ev, ledgerWith, plus } from '../ledgerFixtures.js';

function thrown(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}
const found = (issues: readonly Issue[]): [PropertyKey[], string][] => issues.map((i) => [[...i.path], i.code]);

/** An arrival on 2020-01-24 (declared that day) under observation from that day, and the ledger holding it. */
function arrival(extra: (id: string) => LedgerEvent[] = () => []): { l: Ledger; id: string; obs: () => Observation } {
  const start = ev.observe({ personId: P.wjg1, fromDay: '2020-01-24', day: '2020-01-24' });
  const l = ledgerWith([ev.travel({ personId: P.wjg1, arrivalDay: '2020-01-24' }), start, ...extra(start.observationId)]);
  const obs = (): Observation => {
    const o = tableGet(l.observations, start.observationId);
    if (o === undefined) throw new Error('no observation');
    return o;
  };
  return { l, id: start.observationId, obs };
}
const obsOf = (l: Ledger, id: string): Observation => {
  const o = tableGet(l.observations, id);
  if (o === undefined) throw new Error(`no observation ${id}`);
  return o;
};

describe('the 14-day rule (肺炎机制发〔2020〕5号)', () => {
  it('an arrival on 2020-01-24 is observed through 2020-02-06', () => {
    const { obs } = arrival();
    const o = obs();
    expect(o).toMatchObject({ fromDay: '2020-01-24', startedOn: '2020-01-24', plannedDays: 14, edition: 'nhc-2020-5', changes: [], readings: [] });
    expect(OBSERVATION_EDITIONS['nhc-2020-5']?.days).toBe(14);
    expect(observationEnd(o)).toBe('2020-02-06');
    expect(observationEnd({ fromDay: day('2020-01-24'), plannedDays: 14, changes: [] })).toBe('2020-02-06');
    // (no checks were recorded: on its last day the person is lost to follow-up, and checks are still due)
    expect(followUp(o, day('2020-02-06'), DEFAULT_SETTINGS)).toMatchObject({ status: 'lost', endDay: '2020-02-06', due: 2 });
    expect(followUp(o, day('2020-02-07'), DEFAULT_SETTINGS)).toMatchObject({ status: 'completed', due: 0 });
  });

  it('a close contact on 2020-01-24 is observed for 14 days after it, through 2020-02-07', () => {
    const start = ev.observe({ personId: P.wjg1, fromDay: '2020-01-24', day: '2020-01-24', category: 'closeContact', basis: 'lastContact' });
    const l = ledgerWith([start]);
    expect(observationEnd(obsOf(l, start.observationId))).toBe('2020-02-07');
    expect(codes(() => apply(l, [ev.ended({ observationId: start.observationId, day: '2020-02-07' })]))).toEqual(['release_early']);
    expect(tableGet(apply(l, [ev.ended({ observationId: start.observationId, day: '2020-02-08' })]).observations, start.observationId)?.ended?.outcome).toBe('released');
    expect(followUp(obsOf(l, start.observationId), day('2020-02-07'), l.settings)).toMatchObject({ endDay: '2020-02-07', due: 2 });
  });

  it('a release recorded on 2020-02-06 is refused; one on 2020-02-07 is accepted', () => {
    const { l, id } = arrival();
    const early = thrown(() => apply(l, [ev.ended({ observationId: id, day: '2020-02-06' })]));
    expect(found(early.issues)).toEqual([[[0, 'outcome'], 'release_early']]);
    expect(early.issues[0]?.message).toContain('2020-02-06');
    const released = apply(l, [ev.ended({ observationId: id, day: '2020-02-07' })]);
    expect(obsOf(released, id).ended).toEqual({ day: '2020-02-07', outcome: 'released' });
    expect(followUp(obsOf(released, id), day('2020-02-07'), released.settings).status).toBe('released');
    // ended: nothing more is recorded on it
    expect(found(thrown(() => apply(released, [ev.temperature({ observationId: id, day: '2020-02-08' })])).issues)).toEqual([
      [[0, 'observationId'], 'observation_ended'],
    ]);
    expect(found(thrown(() => apply(released, [ev.ended({ observationId: id, day: '2020-02-08' })])).issues)).toEqual([
      [[0, 'observationId'], 'observation_ended'],
    ]);
  });

  it('a transfer may be recorded any day of the period', () => {
    const { l, id } = arrival();
    const next = apply(l, [ev.ended({ observationId: id, day: '2020-01-27', outcome: 'transferred' })]);
    expect(obsOf(next, id).ended).toEqual({ day: '2020-01-27', outcome: 'transferred' });
  });

  it('a late-recorded observation still counts from the arrival day; checks are due from the day it was recorded', () => {
    const start = ev.observe({ personId: P.cb1, fromDay: '2020-01-20', day: '2020-01-24' });
    const l = ledgerWith([start]);
    const o = obsOf(l, start.observationId);
    expect(observationEnd(o)).toBe('2020-02-02');
    expect(followUp(o, day('2020-01-24'), l.settings)).toMatchObject({ due: 2, missed: 0, missesInRow: 0, status: 'active' });
    expect(followUp(o, day('2020-01-25'), l.settings)).toMatchObject({ due: 2, missed: 2, missesInRow: 2 });
  });

  it('is not started on a day before its first day or before it was recorded, and counts nothing then', () => {
    const { obs } = arrival();
    const o = obs();
    for (const d of ['2020-01-23', '2020-01-01', '2019-12-31'])
      expect(followUp(o, day(d), DEFAULT_SETTINGS)).toMatchObject({ status: 'notStarted', due: 0, done: 0, missed: 0, missesInRow: 0, fever: false });
    expect(followUp(o, day('2020-01-24'), DEFAULT_SETTINGS).status).toBe('active');
    // recorded on 2020-01-24 for an arrival on 2020-01-20: nothing was under way before it was recorded
    const start = ev.observe({ personId: P.cb1, fromDay: '2020-01-20', day: '2020-01-24' });
    const l = ledgerWith([start]);
    const late = obsOf(l, start.observationId);
    for (const d of ['2020-01-19', '2020-01-20', '2020-01-23']) expect(followUp(late, day(d), l.settings).status, d).toBe('notStarted');
    expect(followUp(late, day('2020-01-24'), l.settings).status).toBe('active');
  });

  it('an observation cannot count from a day after it is recorded, nor be started for an unknown person or outside its campaign', () => {
    const l = baseLedger();
    expect(found(thrown(() => apply(l, [ev.observe({ personId: P.wjg1, fromDay: '2020-01-26', day: '2020-01-25' })])).issues)).toEqual([
      [[0, 'fromDay'], 'future_start'],
    ]);
    expect(found(thrown(() => apply(l, [ev.observe({ personId: 'ghost', fromDay: '2020-01-25' })])).issues)).toEqual([
      [[0, 'personId'], 'unknown_person'],
    ]);
    expect(found(thrown(() => apply(l, [ev.observe({ personId: P.wjg1, fromDay: '2020-01-20', day: '2020-01-23' })])).issues)).toEqual([
      [[0, 'campaignId'], 'outside_campaign'],
    ]);
    expect(found(thrown(() => apply(l, [ev.observe({ personId: P.wjg1, fromDay: '2020-01-25', campaignId: C.dk })])).issues)).toEqual([
      [[0, 'campaignId'], 'campaign_kind'],
    ]);
    const dup = ev.observe({ personId: P.wjg1, fromDay: '2020-01-25' });
    expect(found(thrown(() => apply(l, [dup, ev.observe({ personId: P.wjg2, fromDay: '2020-01-25', observationId: dup.observationId })])).issues)).toEqual([
      [[1, 'observationId'], 'duplicate_id'],
    ]);
  });

  it('the rule edition is kept per observation: settings carry the edition for new observations', () => {
    const { obs } = arrival();
    expect(obs().edition).toBe(DEFAULT_SETTINGS.observationEdition);
  });
});

describe('extensions and shortenings', () => {
  it('an extension without a reason is accepted and recorded', () => {
    const { l, id } = arrival();
    const e = ev.extend({ observationId: id, days: 7, day: '2020-02-05' });
    const next = apply(l, [e]);
    const o = obsOf(next, id);
    expect(o.changes).toEqual([{ days: 7, on: '2020-02-05', by: P.mayor, eventId: e.id }]);
    expect(observationEnd(o)).toBe('2020-02-13');
    expect(codes(() => apply(next, [ev.ended({ observationId: id, day: '2020-02-13' })]))).toEqual(['release_early']);
    expect(() => apply(next, [ev.ended({ observationId: id, day: '2020-02-14' })])).not.toThrow();
  });

  it('an extension with a reason keeps the reason', () => {
    const { l, id } = arrival();
    const next = apply(l, [ev.extend({ observationId: id, days: 7, day: '2020-02-05', reason: '密切接触者再次暴露' })]);
    expect(obsOf(next, id).changes[0]?.reason).toBe('密切接触者再次暴露');
  });

  it('a shortening without a reason is refused with a shape error naming `reason`', () => {
    const { l, id } = arrival();
    const before = obsOf(l, id);
    for (const e of [ev.shorten({ observationId: id, days: 2, day: '2020-02-01' }), ev.shorten({ observationId: id, days: 2, day: '2020-02-01', reason: '   ' })]) {
      const error = thrown(() => apply(l, [e]));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]?.path).toEqual([0, 'reason']);
      expect(error.issues[0]?.message).toContain('reason');
    }
    expect(obsOf(l, id)).toBe(before);
  });

  it('a shortening with a reason is accepted and recorded as negative days', () => {
    const { l, id } = arrival();
    const e = ev.shorten({ observationId: id, days: 2, day: '2020-02-01', reason: '核酸检测阴性，经专家组评估' });
    const next = apply(l, [e]);
    const o = obsOf(next, id);
    expect(o.changes).toEqual([{ days: -2, reason: '核酸检测阴性，经专家组评估', on: '2020-02-01', by: P.mayor, eventId: e.id }]);
    expect(observationEnd(o)).toBe('2020-02-04');
    expect(codes(() => apply(next, [ev.ended({ observationId: id, day: '2020-02-04' })]))).toEqual(['release_early']);
    expect(() => apply(next, [ev.ended({ observationId: id, day: '2020-02-05' })])).not.toThrow();
  });

  it('a shortening that would end the observation before it starts is refused; down to one day is accepted', () => {
    const { l, id } = arrival();
    const reason = '误报';
    expect(found(thrown(() => apply(l, [ev.shorten({ observationId: id, days: 14, day: '2020-01-25', reason })])).issues)).toEqual([
      [[0, 'days'], 'end_before_start'],
    ]);
    const oneDay = apply(l, [ev.shorten({ observationId: id, days: 13, day: '2020-01-25', reason })]);
    expect(observationEnd(obsOf(oneDay, id))).toBe('2020-01-24');
    // extensions count: 14 + 7 − 21 ends before the start, 14 + 7 − 20 does not
    const extended = apply(l, [ev.extend({ observationId: id, days: 7, day: '2020-01-25' })]);
    expect(codes(() => apply(extended, [ev.shorten({ observationId: id, days: 21, day: '2020-01-26', reason })]))).toEqual(['end_before_start']);
    expect(observationEnd(obsOf(apply(extended, [ev.shorten({ observationId: id, days: 19, day: '2020-01-26', reason })]), id))).toBe('2020-01-25');
    // the same rule inside one batch: two shortenings that together go too far
    expect(
      found(
        thrown(() =>
          apply(l, [ev.shorten({ observationId: id, days: 7, day: '2020-01-25', reason }), ev.shorten({ observationId: id, days: 7, day: '2020-01-25', reason })]),
        ).issues,
      ),
    ).toEqual([[[1, 'days'], 'end_before_start']]);
  });

  it('a shortening cannot end the observation before the day before the decision (released that day at the earliest)', () => {
    const { l, id } = arrival();
    const reason = '误报';
    // observed from 2020-01-24 through 02-06; decided on 02-03: it can end 02-02 at the earliest
    expect(codes(() => apply(l, [ev.shorten({ observationId: id, days: 6, day: '2020-02-03', reason })]))).toEqual(['end_before_decision']);
    const ok = apply(l, [ev.shorten({ observationId: id, days: 4, day: '2020-02-03', reason })]);
    expect(observationEnd(obsOf(ok, id))).toBe('2020-02-02');
  });

  it('a later change does not rewrite the figures of earlier days', () => {
    const { l, id } = arrival();
    const before = campaignProgress(l, C.hp, day('2020-01-28')).total;
    const shortened = apply(l, [ev.shorten({ observationId: id, days: 4, day: '2020-02-03', reason: '误报' })]);
    expect(campaignProgress(shortened, C.hp, day('2020-01-28')).total).toEqual(before);
    expect(followUp(obsOf(shortened, id), day('2020-01-28'), shortened.settings).endDay).toBe('2020-02-06');
    expect(followUp(obsOf(shortened, id), day('2020-02-03'), shortened.settings).endDay).toBe('2020-02-02');
    expect((campaignProgress(shortened, C.hp, day('2020-02-03')).total as HomePreventionMetrics).released).toBe(1);
  });

  it('a fever case is not counted released when its period ends, awaiting transfer or transferred', () => {
    const { l, id } = arrival((obsId) => [ev.temperature({ observationId: obsId, day: '2020-02-05', celsius: 38.2 })]);
    const on = (x: Ledger, d: string): HomePreventionMetrics => campaignProgress(x, C.hp, day(d)).total as HomePreventionMetrics;
    expect(on(l, '2020-02-07')).toMatchObject({ released: 0, escalated: 1, underObservation: 1 });
    const transferred = apply(l, [ev.ended({ observationId: id, day: '2020-02-07', outcome: 'transferred' })]);
    expect(on(transferred, '2020-02-07')).toMatchObject({ released: 0, transferred: 1 });
    // without the fever the same observation is released on 02-07
    expect(on(arrival().l, '2020-02-07')).toMatchObject({ released: 1, escalated: 0 });
  });

  it('a person under observation cannot be put under a second one; after it ends, a new one is accepted', () => {
    const { l, id } = arrival();
    expect(tableGet(l.people, P.wjg1)?.observation).toBe(id);
    const again = ev.observe({ personId: P.wjg1, fromDay: '2020-01-30', day: '2020-01-30' });
    const e = thrown(() => apply(l, [again]));
    expect(found(e.issues)).toEqual([[[0, 'personId'], 'already_observed']]);
    expect(e.issues[0]?.message).toContain('extend it instead');
    // the period ran through 02-06: a new contact on 02-10 starts a new observation
    const later = apply(l, [ev.observe({ personId: P.wjg1, fromDay: '2020-02-10', day: '2020-02-10' })]);
    expect(later.observations.size).toBe(l.observations.size + 1);
    // an escalated observation awaiting transfer still holds the person
    const fever = arrival((obsId) => [ev.temperature({ observationId: obsId, day: '2020-02-05', celsius: 38.5 })]).l;
    expect(found(thrown(() => apply(fever, [ev.observe({ personId: P.wjg1, fromDay: '2020-02-10', day: '2020-02-10' })])).issues)).toEqual([
      [[0, 'personId'], 'already_observed'],
    ]);
    // the register does not take an observation
    const registered = { type: 'peopleRegistered', id: 'e-reg', at: '2020-01-25T09:00:00+08:00', by: P.mayor, people: [{ id: 'p-x', name: '某', sex: 'male', birthDate: '1990-01-01', unitId: U.wjg, partyStatus: 'nonMember', observation: id }] };
    expect(found(thrown(() => apply(l, [registered])).issues)).toEqual([[[0, 'people', 0, 'observation'], 'not_registered']]);
  });

  it('changes of an unknown or ended observation are refused', () => {
    const { l, id } = arrival();
    expect(found(thrown(() => apply(l, [ev.extend({ observationId: 'obs-x', days: 1, day: '2020-01-25' })])).issues)).toEqual([
      [[0, 'observationId'], 'unknown_observation'],
    ]);
    const ended = apply(l, [ev.ended({ observationId: id, day: '2020-01-26', outcome: 'transferred' })]);
    expect(codes(() => apply(ended, [ev.extend({ observationId: id, days: 1, day: '2020-01-27' })]))).toEqual(['observation_ended']);
    expect(codes(() => apply(ended, [ev.shorten({ observationId: id, days: 1, day: '2020-01-27', reason: 'x' })]))).toEqual(['observation_ended']);
  });
});

function codes(run: () => unknown): string[] {
  return thrown(run).issues.map((i) => i.code);
}

describe('temperature checks and fever', () => {
  it('37.3 °C escalates to report-and-transfer; 37.2 °C does not', () => {
    const { l, id } = arrival();
    const normal = apply(l, [ev.temperature({ observationId: id, day: '2020-01-25', celsius: 37.2 })]);
    expect(obsOf(normal, id).escalation).toBeUndefined();
    expect(followUp(obsOf(normal, id), day('2020-01-25'), normal.settings)).toMatchObject({ fever: false, status: 'active', done: 1 });

    const t = ev.temperature({ observationId: id, day: '2020-01-25', slot: 'evening', celsius: 37.3 });
    const fever = apply(normal, [t]);
    expect(obsOf(fever, id).escalation).toEqual({ at: t.at, celsius: 37.3, action: 'reportAndTransfer' });
    expect(followUp(obsOf(fever, id), day('2020-01-25'), fever.settings)).toMatchObject({ fever: true, status: 'escalated', done: 2 });
    // the day before the fever, the observation was not yet escalated
    expect(followUp(obsOf(fever, id), day('2020-01-24'), fever.settings)).toMatchObject({ fever: false, status: 'active' });
  });

  it('the first fever reading is kept as the escalation', () => {
    const { l, id } = arrival();
    const first = ev.temperature({ observationId: id, day: '2020-01-25', celsius: 37.6 });
    const next = apply(l, [first, ev.temperature({ observationId: id, day: '2020-01-25', slot: 'evening', celsius: 38.4 })]);
    expect(obsOf(next, id).escalation).toEqual({ at: first.at, celsius: 37.6, action: 'reportAndTransfer' });
  });

  it('the fever line is a setting', () => {
    const { l, id } = arrival();
    const raised = apply(l, [ev.settingsChanged({ settings: { feverCelsius: 37.5 } })]);
    expect(obsOf(apply(raised, [ev.temperature({ observationId: id, day: '2020-01-25', celsius: 37.4 })]), id).escalation).toBeUndefined();
    expect(obsOf(apply(raised, [ev.temperature({ observationId: id, day: '2020-01-25', celsius: 37.5 })]), id).escalation?.celsius).toBe(37.5);
  });

  it('counts a transfer as transferred on its day, never as released', () => {
    const { l, id } = arrival();
    const fever = apply(l, [ev.temperature({ observationId: id, day: '2020-01-30', celsius: 38.1 })]);
    const transferred = apply(fever, [ev.ended({ observationId: id, day: '2020-01-30', outcome: 'transferred' })]);
    const total = (d: string): HomePreventionMetrics => campaignProgress(transferred, C.hp, day(d)).total as HomePreventionMetrics;
    expect(total('2020-01-30')).toMatchObject({ transferred: 1, released: 0 });
    expect(total('2020-01-31')).toMatchObject({ transferred: 0, released: 0 });
    // the period's end (2020-02-06) passes without a release: the person was transferred
    expect(total('2020-02-07')).toMatchObject({ transferred: 0, released: 0 });
  });

  it('a later release of an escalated observation is refused, even after its period; a transfer is accepted', () => {
    const { l, id } = arrival();
    const fever = apply(l, [ev.temperature({ observationId: id, day: '2020-01-30', celsius: 38.1 })]);
    const error = thrown(() => apply(fever, [ev.ended({ observationId: id, day: '2020-02-10' })]));
    expect(found(error.issues)).toEqual([[[0, 'outcome'], 'escalated']]);
    const transferred = apply(fever, [ev.ended({ observationId: id, day: '2020-01-30', outcome: 'transferred' })]);
    expect(followUp(obsOf(transferred, id), day('2020-01-31'), transferred.settings).status).toBe('transferred');
  });

  it('refuses a second check of the same slot and day, and a check before the observation starts', () => {
    const { l, id } = arrival();
    const once = apply(l, [ev.temperature({ observationId: id, day: '2020-01-25' })]);
    expect(found(thrown(() => apply(once, [ev.temperature({ observationId: id, day: '2020-01-25' })])).issues)).toEqual([[[0, 'slot'], 'duplicate_check']]);
    expect(found(thrown(() => apply(l, [ev.temperature({ observationId: id, day: '2020-01-23' })])).issues)).toEqual([[[0, 'at'], 'before_observation']]);
    expect(thrown(() => apply(l, [ev.temperature({ observationId: id, day: '2020-01-25', celsius: 46 })])).issues[0]?.path).toEqual([0, 'celsius']);
  });

  it('two checks are due per day inside the period and none after it', () => {
    const { l, obs } = arrival();
    const o = obs();
    for (let d = 0; d < 14; d++) expect(followUp(o, plus('2020-01-24', d), l.settings).due).toBe(2);
    for (const d of ['2020-02-07', '2020-02-08', '2020-03-01']) expect(followUp(o, day(d), l.settings).due).toBe(0);
    expect(followUp(o, day('2020-01-23'), l.settings).due).toBe(0);
  });

  it('readings after the period are still accepted while the observation is not formally ended', () => {
    const { l, id } = arrival();
    const next = apply(l, [ev.temperature({ observationId: id, day: '2020-02-08' })]);
    expect(obsOf(next, id).readings).toHaveLength(1);
  });
});

describe('misses and lost to follow-up', () => {
  /** Readings on the given [day, slot] pairs. */
  function withReadings(readings: [string, 'morning' | 'evening'][]): { l: Ledger; o: Observation } {
    const { l, id } = arrival((obsId) => readings.map(([d, slot]) => ev.temperature({ observationId: obsId, day: d, slot })));
    return { l, o: obsOf(l, id) };
  }

  it(`misses in a row reach lost after settings.lostAfterMisses (default ${DEFAULT_SETTINGS.lostAfterMisses})`, () => {
    expect(DEFAULT_SETTINGS.lostAfterMisses).toBe(4);
    const { l, o } = withReadings([]);
    expect(followUp(o, day('2020-01-24'), l.settings)).toMatchObject({ missesInRow: 0, missed: 0, status: 'active' });
    expect(followUp(o, day('2020-01-25'), l.settings)).toMatchObject({ missesInRow: 2, missed: 2, status: 'active' });
    expect(followUp(o, day('2020-01-26'), l.settings)).toMatchObject({ missesInRow: 4, missed: 4, status: 'lost' });
  });

  it('a reading breaks the run of misses', () => {
    const { l, o } = withReadings([['2020-01-25', 'morning']]);
    expect(followUp(o, day('2020-01-26'), l.settings)).toMatchObject({ missesInRow: 1, missed: 3, status: 'active' });
    expect(followUp(o, day('2020-01-27'), l.settings)).toMatchObject({ missesInRow: 3, missed: 5, status: 'active' });
    expect(followUp(o, day('2020-01-28'), l.settings)).toMatchObject({ missesInRow: 5, missed: 7, status: 'lost' });
    // a later reading does not change how things stood on an earlier day
    const { l: l2, o: o2 } = withReadings([
      ['2020-01-25', 'morning'],
      ['2020-01-28', 'morning'],
    ]);
    expect(followUp(o2, day('2020-01-28'), l2.settings)).toMatchObject({ missesInRow: 5, status: 'lost', done: 1 });
    expect(followUp(o2, day('2020-01-29'), l2.settings)).toMatchObject({ missesInRow: 1, status: 'active' });
  });

  it('all checks done: no misses', () => {
    const { l, o } = withReadings([
      ['2020-01-24', 'morning'],
      ['2020-01-24', 'evening'],
      ['2020-01-25', 'morning'],
      ['2020-01-25', 'evening'],
    ]);
    expect(followUp(o, day('2020-01-26'), l.settings)).toMatchObject({ missesInRow: 0, missed: 0, status: 'active', done: 0, due: 2 });
  });

  it('the number of misses is a setting', () => {
    const { l, id } = arrival();
    const strict = apply(l, [ev.settingsChanged({ settings: { lostAfterMisses: 2 } })]);
    expect(followUp(obsOf(strict, id), day('2020-01-25'), strict.settings).status).toBe('lost');
    expect(followUp(obsOf(l, id), day('2020-01-25'), l.settings).status).toBe('active');
    expect(followUp(obsOf(l, id), day('2020-01-25'), { lostAfterMisses: 6 }).status).toBe('active');
  });

  it('a completed period is not lost, whatever the misses', () => {
    const { l, o } = withReadings([]);
    expect(followUp(o, day('2020-02-07'), l.settings)).toMatchObject({ status: 'completed', missed: 28 });
  });

  it('followUps lists the observations under way on a day, in scope, with lost and escalated ones', () => {
    const a = ev.observe({ personId: P.wjg1, fromDay: '2020-01-24' });
    const b = ev.observe({ personId: P.cb1, fromDay: '2020-01-24' });
    const c = ev.observe({ personId: P.lsc1, fromDay: '2020-01-25', day: '2020-01-25' });
    const l = ledgerWith([
      a,
      b,
      c,
      ev.temperature({ observationId: a.observationId, day: '2020-01-24' }),
      ev.temperature({ observationId: a.observationId, day: '2020-01-24', slot: 'evening' }),
      ev.temperature({ observationId: a.observationId, day: '2020-01-25' }),
      ev.temperature({ observationId: a.observationId, day: '2020-01-25', slot: 'evening' }),
      ev.temperature({ observationId: c.observationId, day: '2020-01-25', celsius: 38 }),
    ]);
    const list = followUps(l, day('2020-01-26'));
    expect(list.map((f) => [f.observationId, f.status, f.personId, f.unitId])).toEqual(
      [
        [a.observationId, 'active', P.wjg1, U.wjg],
        [b.observationId, 'lost', P.cb1, U.cb],
        [c.observationId, 'escalated', P.lsc1, U.lsc],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    expect(followUps(l, day('2020-01-26'), U.pa).map((f) => f.observationId).sort()).toEqual([a.observationId, c.observationId].sort());
    expect(followUps(l, day('2020-01-24')).map((f) => f.observationId).sort()).toEqual([a.observationId, b.observationId].sort());
    expect(() => followUps(l, day('2020-01-26'), 'nowhere' as OrgId)).toThrow(FrontlineError);
  });
});

describe('visits and records after the period', () => {
  it('door-knocking visits, classifications and services are still recordable after an observation ends', () => {
    const { l, id } = arrival();
    const released = apply(l, [ev.ended({ observationId: id, day: '2020-02-07' })]);
    const after = [
      ev.visit({ householdId: H.wjg1, day: '2020-02-10' }),
      ev.classify({ householdId: H.wjg1, personId: P.wjg1, day: '2020-02-10', category: 'general' }),
      ev.serviceRequested({ householdId: H.wjg1, day: '2020-02-10', due: '2020-02-10T18:00:00+08:00' }),
    ];
    const next = apply(released, after);
    expect(next.visits.size).toBe(1);
    expect(next.eventCount).toBe(released.eventCount + 3);
  });
});

describe('letters and declarations', () => {
  const l = baseLedger();

  it('a letter is delivered once per household and campaign, to a known household, in a home-prevention campaign', () => {
    const once = apply(l, [ev.letter({ householdId: H.wjg1 })]);
    expect(tableGet(once.letters, `${C.hp}|${H.wjg1}`)).toEqual({ campaignId: C.hp, householdId: H.wjg1, unitId: U.wjg, day: DAY0, by: P.mayor });
    expect(found(thrown(() => apply(once, [ev.letter({ householdId: H.wjg1 })])).issues)).toEqual([[[0, 'householdId'], 'already_delivered']]);
    expect(found(thrown(() => apply(l, [ev.letter({ householdId: 'h-x' })])).issues)).toEqual([[[0, 'householdId'], 'unknown_household']]);
    expect(found(thrown(() => apply(l, [ev.letter({ householdId: H.wjg1, campaignId: C.dk })])).issues)).toEqual([[[0, 'campaignId'], 'campaign_kind']]);
  });

  it('a declaration cannot be made before the arrival', () => {
    expect(found(thrown(() => apply(l, [ev.travel({ personId: P.cb2, arrivalDay: '2020-01-26', day: '2020-01-25' })])).issues)).toEqual([
      [[0, 'arrivalDay'], 'future_arrival'],
    ]);
    expect(found(thrown(() => apply(l, [ev.travel({ personId: 'ghost', arrivalDay: '2020-01-24' })])).issues)).toEqual([
      [[0, 'personId'], 'unknown_person'],
    ]);
  });
});

describe('campaignProgress: home prevention', () => {
  const oA = ev.observe({ personId: P.wjg1, fromDay: '2020-01-24', day: '2020-01-24' });
  const oB = ev.observe({ personId: P.cb1, fromDay: '2020-01-23', day: '2020-01-25' });
  const l = ledgerWith([
    ev.letter({ householdId: H.wjg1, day: '2020-01-24' }),
    ev.letter({ householdId: H.wjg2, day: '2020-01-25' }),
    ev.letter({ householdId: H.cb1, day: '2020-01-25' }),
    ev.travel({ personId: P.wjg1, arrivalDay: '2020-01-24', day: '2020-01-24' }),
    ev.travel({ personId: P.cb1, arrivalDay: '2020-01-23', day: '2020-01-25' }),
    oA,
    oB,
    ev.temperature({ observationId: oA.observationId, day: '2020-01-24' }),
    ev.temperature({ observationId: oA.observationId, day: '2020-01-24', slot: 'evening' }),
    ev.temperature({ observationId: oA.observationId, day: '2020-01-25', celsius: 36.6 }),
    ev.temperature({ observationId: oB.observationId, day: '2020-01-25', celsius: 37.5 }),
  ]);
  const on = (d: string, unit: string): HomePreventionMetrics => {
    const p = campaignProgress(l, C.hp, day(d));
    const m = unit === 'total' ? p.total : p.rolledUp.get(unit as OrgId);
    if (m?.kind !== 'homePrevention') throw new Error('not home-prevention figures');
    return m;
  };

  it('counts per unit on 2020-01-25', () => {
    expect(on('2020-01-25', 'wjg')).toEqual({
      kind: 'homePrevention',
      households: 3,
      lettersDelivered: 2,
      declarations: 1,
      underObservation: 1,
      newObservations: 0,
      released: 0,
      transferred: 0,
      escalated: 0,
      checksDue: 2,
      checksDone: 1,
      checksMissed: 0,
      lost: 0,
    });
    expect(on('2020-01-25', 'cb')).toEqual({
      kind: 'homePrevention',
      households: 2,
      lettersDelivered: 1,
      declarations: 1,
      underObservation: 1,
      newObservations: 1,
      released: 0,
      transferred: 0,
      escalated: 1,
      checksDue: 2,
      checksDone: 1,
      checksMissed: 0,
      lost: 0,
    });
    expect(on('2020-01-25', 'pa')).toMatchObject({ households: 4, lettersDelivered: 2, underObservation: 1 });
    expect(on('2020-01-25', 'total')).toMatchObject({ households: 6, lettersDelivered: 3, declarations: 2, underObservation: 2, escalated: 1, checksDue: 4, checksDone: 2 });
  });

  it('counts only what was recorded by the day', () => {
    expect(on('2020-01-24', 'total')).toMatchObject({ lettersDelivered: 1, declarations: 1, underObservation: 1, newObservations: 1, checksDue: 2, checksDone: 2 });
  });

  it('counts misses and people lost to follow-up', () => {
    expect(on('2020-01-27', 'wjg')).toMatchObject({ underObservation: 1, checksMissed: 3, lost: 0 });
    expect(on('2020-01-27', 'cb')).toMatchObject({ underObservation: 1, escalated: 1, checksMissed: 3, lost: 0 });
    expect(on('2020-01-28', 'wjg')).toMatchObject({ underObservation: 1, checksMissed: 5, lost: 1 });
  });

  it('counts a completed period as released on the next day, and no checks due after it', () => {
    expect(on('2020-02-07', 'wjg')).toMatchObject({ underObservation: 0, released: 1, checksDue: 0 });
    expect(on('2020-02-08', 'wjg')).toMatchObject({ underObservation: 0, released: 0, checksDue: 0 });
  });
});
