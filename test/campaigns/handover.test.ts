import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { followUps, tableGet, tracingIndicators, type Day, type LedgerEvent, type OrgId, type Period } from '../../src/index.js';
import { P, U, ev, ledgerWith } from '../ledgerFixtures.js';
import { thrownIssues } from '../fixtures.js';

const start = (): LedgerEvent =>
  ev.observe({ observationId: 'obs-h', personId: P.wjg2, fromDay: '2020-01-25', day: '2020-01-25', category: 'closeContact', basis: 'lastContact' }) as LedgerEvent;
const handover = (toUnitId: string, day: string, stayUnitId?: string, id?: string): LedgerEvent =>
  ({ type: 'observationHandedOver', id: id ?? `ho-${toUnitId}-${day}`, at: `${day}T15:00:00+08:00`, by: P.mayor, observationId: 'obs-h', toUnitId, ...(stayUnitId === undefined ? {} : { stayUnitId }) }) as LedgerEvent;
const checks = (days: string[]): LedgerEvent[] => days.map((d) => ev.temperature({ observationId: 'obs-h', day: d }) as LedgerEvent);
const codes = (run: () => unknown): string[] => thrownIssues(run).map((i) => i.code);

describe('observationHandedOver', () => {
  it('hands the follow-up over with its history: the new unit is responsible, the readings stay', () => {
    const l = ledgerWith([start(), ...checks(['2020-01-25', '2020-01-26']), handover(U.cb, '2020-01-27', U.lsc), ...checks(['2020-01-28'])]);
    const obs = tableGet(l.observations, 'obs-h')!;
    expect([obs.unitId, obs.stayUnitId]).toEqual([U.cb, U.lsc]);
    expect(obs.readings.map((r) => r.day)).toEqual(['2020-01-25', '2020-01-26', '2020-01-28']);
    expect(obs.handovers).toEqual([{ day: '2020-01-27', fromUnitId: U.wjg, toUnitId: U.cb, by: P.mayor, eventId: `ho-${U.cb}-2020-01-27` }]);
    expect(followUps(l, '2020-01-28' as Day, U.jl).map((f) => f.observationId)).toEqual(['obs-h']);
    expect(followUps(l, '2020-01-28' as Day, U.pa)).toEqual([]);
  });

  it('refuses an unknown unit, a unit that does not follow people, the same unit, or an ended observation', () => {
    expect(codes(() => ledgerWith([start(), handover('nowhere', '2020-01-27')]))).toEqual(['unknown_unit']);
    expect(codes(() => ledgerWith([start(), handover(U.paVol, '2020-01-27')]))).toEqual(['unit_kind']);
    expect(codes(() => ledgerWith([start(), handover(U.wjg, '2020-01-27')]))).toEqual(['same_unit']);
    expect(codes(() => ledgerWith([start(), ev.ended({ observationId: 'obs-h', day: '2020-02-09' }) as LedgerEvent, handover(U.cb, '2020-02-10')]))).toEqual([
      'observation_ended',
    ]);
  });

  test.prop([fc.array(fc.constantFrom(U.cb, U.lsc, U.wjg, U.jl), { minLength: 1, maxLength: 4 })])(
    'after any series of handovers the county counts the contact once, at the last unit responsible, with every reading',
    (units) => {
      const moves: LedgerEvent[] = [];
      let current: string = U.wjg;
      units.forEach((u, i) => {
        if (u === current) return;
        moves.push(handover(u, `2020-01-${27 + i}`, undefined, `ho-${i}`));
        current = u;
      });
      const l = ledgerWith([start(), ...checks(['2020-01-25', '2020-01-26']), ...moves]);
      const t = tracingIndicators(l, { from: '2020-01-25', to: '2020-02-07' } as Period);
      expect(t.total.contacts).toBe(1);
      expect(t.byUnit.get(current as OrgId)?.contacts).toBe(1);
      expect(tableGet(l.observations, 'obs-h')?.readings).toHaveLength(2);
      expect(tableGet(l.observations, 'obs-h')?.handovers ?? []).toHaveLength(moves.length);
    },
  );
});
