import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDays, followUp, observationEnd, tableGet, type Day, type Ledger, type LedgerEvent } from '../../src/index.js';
import { P, ev, ledgerWith } from '../ledgerFixtures.js';
import { thrownIssues } from '../fixtures.js';

/** A close contact (wjg-2) whose last contact was 2020-01-24: observed through 2020-02-07. */
const start = (): LedgerEvent & { observationId: string } =>
  ev.observe({ observationId: 'obs-x', personId: P.wjg2, fromDay: '2020-01-24', day: '2020-01-24', category: 'closeContact', basis: 'lastContact' }) as LedgerEvent & { observationId: string };
const reexposed = (exposedOn: string, day: string, id?: string): LedgerEvent =>
  ({ type: 'observationReexposed', id: id ?? `re-${exposedOn}-${day}`, at: `${day}T16:00:00+08:00`, by: P.wjgSec, observationId: 'obs-x', exposedOn }) as LedgerEvent;
const codes = (run: () => unknown): string[] => thrownIssues(run).map((i) => i.code);

describe('observationReexposed', () => {
  it('restarts the count from the contact of the re-exposure: 14 days after it', () => {
    const l = ledgerWith([start(), reexposed('2020-02-01', '2020-02-03')]);
    const obs = tableGet(l.observations, 'obs-x')!;
    expect(observationEnd(obs)).toBe('2020-02-15');
    expect(obs.exposures).toEqual([{ day: '2020-02-01', on: '2020-02-03', by: P.wjgSec, eventId: 're-2020-02-01-2020-02-03' }]);
    expect(followUp(obs, '2020-02-10' as Day, l.settings).due).toBe(2);
    // as it stood before the re-exposure was recorded
    expect(observationEnd(obs, '2020-02-02' as Day)).toBe('2020-02-07');
  });

  it('supersedes the changes decided before it, not those after', () => {
    const l: Ledger = ledgerWith([
      start(),
      ev.extend({ observationId: 'obs-x', days: 7, day: '2020-02-01' }) as LedgerEvent,
      reexposed('2020-02-02', '2020-02-03'),
      ev.extend({ observationId: 'obs-x', days: 2, day: '2020-02-05' }) as LedgerEvent,
    ]);
    // 2020-02-02 + 14 + 2 (the 7 days decided before the re-exposure no longer count)
    expect(observationEnd(tableGet(l.observations, 'obs-x')!)).toBe('2020-02-18');
  });

  it('refuses an exposure after its own day, before the day the count runs from, or on an ended observation', () => {
    expect(codes(() => ledgerWith([start(), reexposed('2020-02-04', '2020-02-03')]))).toEqual(['future_exposure']);
    expect(codes(() => ledgerWith([start(), reexposed('2020-01-20', '2020-02-03')]))).toEqual(['not_latest']);
    expect(codes(() => ledgerWith([start(), reexposed('2020-02-01', '2020-02-02'), reexposed('2020-01-30', '2020-02-03')]))).toEqual(['not_latest']);
    expect(codes(() => ledgerWith([start(), ev.ended({ observationId: 'obs-x', day: '2020-02-08' }) as LedgerEvent, reexposed('2020-02-08', '2020-02-09')]))).toEqual([
      'observation_ended',
    ]);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 })])(
    'after any series of re-exposures the count runs 14 days from the latest contact, and as of each day from the latest recorded by then',
    (gaps) => {
      // exposures on increasing days, each recorded the day after its contact
      const days: Day[] = [];
      let d = '2020-01-24' as Day;
      for (const g of gaps) days.push((d = addDays(d, g)));
      const l = ledgerWith([start(), ...days.map((x, i) => reexposed(x, addDays(x, 1), `re-${i}`))]);
      const obs = tableGet(l.observations, 'obs-x')!;
      expect(observationEnd(obs)).toBe(addDays(days.at(-1)!, 14));
      days.forEach((x, i) => expect(observationEnd(obs, addDays(x, 1))).toBe(addDays(days[i]!, 14)));
      expect(observationEnd(obs, '2020-01-24' as Day)).toBe('2020-02-07');
    },
  );
});
