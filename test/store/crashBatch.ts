/** The batch that `crash-child.ts` is killed in the middle of: 300 visits on the small ledger. */
import { C, DAY0, H, P, at, plus } from '../ledgerFixtures.js';

const HOUSEHOLDS = Object.values(H);

export function crashBatch(): Record<string, unknown>[] {
  return Array.from({ length: 300 }, (_, n) => ({
    type: 'visitRecorded',
    id: `e-crash-${n}`,
    at: at(plus(DAY0, 1 + (n % 5))),
    by: P.mayor,
    visitId: `v-crash-${n}`,
    campaignId: C.dk,
    householdId: HOUSEHOLDS[n % HOUSEHOLDS.length],
    outcome: 'screened',
    visitors: [P.wjgSec],
  }));
}
