import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ObservationEnd, addDays, followUp, followUps, tableGet, type Day, type Ledger, type LedgerEvent, type ObservationEnd as End } from '../../src/index.js';
import { H, P, ev, ledgerWith } from '../ledgerFixtures.js';
import { thrownIssues } from '../fixtures.js';

/** A close contact (wjg-2) observed from 2020-01-24 for 14 days, ended on `endDay` with `outcome`. */
function ended(outcome: End, endDay: string, reason?: string, extra: LedgerEvent[] = []): { l: Ledger; id: string } {
  const start = ev.observe({ personId: P.wjg2, fromDay: '2020-01-24', day: '2020-01-24', category: 'closeContact', basis: 'lastContact' });
  const end = { ...ev.ended({ observationId: start.observationId, day: endDay }), outcome, ...(reason === undefined ? {} : { reason }) } as LedgerEvent;
  return { l: ledgerWith([start, ...extra, end]), id: start.observationId };
}
const confirmed = (d: string): LedgerEvent => ev.classify({ householdId: H.wjg1, personId: P.wjg2, day: d, category: 'confirmed', source: { kind: 'unclear' } }) as LedgerEvent;
const rejected = (run: () => unknown): string[] => thrownIssues(run).map((i) => i.code);

describe('how follow-up ends', () => {
  it('ended as lost to follow-up: status lostToFollowUp, no check due that day or after, not among the open follow-ups', () => {
    const { l, id } = ended('lostToFollowUp', '2020-01-30');
    const obs = tableGet(l.observations, id)!;
    expect(followUp(obs, '2020-01-29' as Day, l.settings).due).toBe(2);
    expect(followUp(obs, '2020-01-30' as Day, l.settings)).toMatchObject({ status: 'lostToFollowUp', due: 0 });
    expect(followUp(obs, '2020-02-02' as Day, l.settings).due).toBe(0);
    expect(followUps(l, '2020-01-30' as Day).map((f) => f.observationId)).not.toContain(id);
  });

  it('a cancellation needs a reason, and then no check is due', () => {
    expect(rejected(() => ended('cancelled', '2020-01-28'))).toEqual(['reason_required']);
    const { l, id } = ended('cancelled', '2020-01-28', '登记错误：非密切接触者');
    const obs = tableGet(l.observations, id)!;
    expect(obs.ended).toEqual({ day: '2020-01-28', outcome: 'cancelled', reason: '登记错误：非密切接触者' });
    expect(followUp(obs, '2020-01-28' as Day, l.settings)).toMatchObject({ status: 'cancelled', due: 0 });
  });

  it('converted to a case only once the person is registered as confirmed', () => {
    expect(rejected(() => ended('convertedToCase', '2020-01-29'))).toEqual(['not_confirmed']);
    expect(rejected(() => ended('convertedToCase', '2020-01-29', undefined, [confirmed('2020-01-30')]))).toEqual(['not_confirmed']);
    const { l, id } = ended('convertedToCase', '2020-01-29', undefined, [confirmed('2020-01-29')]);
    const obs = tableGet(l.observations, id)!;
    expect(followUp(obs, '2020-01-29' as Day, l.settings)).toMatchObject({ status: 'convertedToCase', due: 2 });
    expect(followUp(obs, '2020-01-30' as Day, l.settings).due).toBe(0);
  });

  it('no check can be recorded after follow-up ended', () => {
    const { l, id } = ended('lostToFollowUp', '2020-01-30');
    expect(rejected(() => ledgerWith([ev.temperature({ observationId: id, day: '2020-01-31' }) as LedgerEvent], l))).toEqual(['observation_ended']);
  });

  test.prop([fc.constantFrom(...ObservationEnd.options), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 20 })])(
    'whatever the outcome and the day it ended, no check falls due after it (nor on it when lost or cancelled)',
    (outcome, endsAfter, probe) => {
      const endDay = addDays('2020-01-24' as Day, endsAfter);
      const released = outcome === 'released';
      // a release comes after the period; a conversion after the registration of the case
      const on = released ? '2020-02-08' : endDay;
      const { l, id } = ended(outcome, on, outcome === 'cancelled' ? '误登记' : undefined, outcome === 'convertedToCase' ? [confirmed(on)] : []);
      const obs = tableGet(l.observations, id)!;
      const day = addDays('2020-01-24' as Day, probe);
      const f = followUp(obs, day, l.settings);
      if (day > on) expect(f.due).toBe(0);
      if (day === on && (outcome === 'lostToFollowUp' || outcome === 'cancelled')) expect(f.due).toBe(0);
      if (day < on && day <= '2020-02-07') expect(f.due).toBe(2);
      if (day >= on) expect(f.status).toBe(outcome);
    },
  );
});
