import { describe, expect, it } from 'vitest';
import { apply, dailyDispatch, ledgerRoster, type LedgerEvent } from '../../src/index.js';
import { P, at, rosteredLedger } from '../supervision/supervisionFixtures.js';

describe('the dispatch counts a leader seat for every shift', () => {
  it('a shift whose leader seat the roster leaves out is a shift without a leading cadre, not one fewer shift', () => {
    const l = rosteredLedger();
    const before = dailyDispatch(l, '2020-01-27').total.duty;
    const r1 = ledgerRoster(l, 'r1');
    const seats: Record<string, string | null> = { ...r1.seats };
    delete seats['cp-wjg/2020-01-27/day/L'];
    // a second roster of the same posts and days, the leader seat of one day shift left out
    const onlyR2 = apply(l, [
      { type: 'rosterPublished', id: 'pub-r2', at: at('2020-01-25', '20:00'), by: P.mayor, rosterId: 'r2', roster: { ...r1, seats } } as unknown as LedgerEvent,
    ]);
    const both = dailyDispatch(onlyR2, '2020-01-27').total.duty;
    // r2 has as many shifts as r1, one of them without its leader seat
    expect(both.leaderSeats).toBe(2 * before.leaderSeats);
    expect(both.leadersFilled).toBe(2 * before.leadersFilled - 1);
  });
});
