import { z } from 'zod';
import { Day, addDays, instantAt } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { EventId, PersonId } from '../core/ids.js';
import { createRandom } from '../core/random.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerTree, type Ledger } from '../ledger/ledger.js';
import { tableForEach } from '../store/table.js';
import type { OrgUnit } from '../org/unit.js';
import { isTownshipLevel } from '../org/unit.js';

/**
 * Options of {@link simulateReporting}.
 *
 * @example
 * ReportingSimulationOptions.parse({ startDay: '2020-01-26', days: 13 });
 * @category Simulation
 */
export const ReportingSimulationOptions = z
  .object({
    /** The first day. */
    startDay: Day,
    /** Days (default 13). */
    days: z.number().int().min(1).max(60).optional(),
    /** The seed (default 2020). */
    seed: z.number().int().optional(),
  })
  .strict();
/**
 * Options of {@link simulateReporting}.
 *
 * @interface
 * @category Simulation
 */
export type ReportingSimulationOptions = z.input<typeof ReportingSimulationOptions>;

/**
 * Simulated daily reporting as ledger events: most villages and communities submit their report
 * in the evening (some late, a few not at all), their township signs them off that night, the
 * headquarters the next morning; townships report and are signed off by the headquarters.
 * Deterministic for a seed.
 *
 * @param ledger - A ledger with the county's register and command structure.
 * @param options - {@link ReportingSimulationOptions}: the first day, the days and the seed.
 * @returns The events, in time order; apply them with {@link replay}.
 * @throws {@link FrontlineError} `invalid_input` for invalid options or a ledger with no command structure.
 * @example
 * const events = simulateReporting(replay(journal), { startDay: '2020-01-26', days: 13 });
 * events.every((e) => e.type === 'dailyReportSubmitted' || e.type === 'dailyReportSignedOff'); // => true
 * @category Simulation
 */
export function simulateReporting(ledger: Ledger, options: ReportingSimulationOptions): LedgerEvent[] {
  const parsed = ReportingSimulationOptions.safeParse(options);
  if (!parsed.success) throw new FrontlineError('invalid_input', 'invalid options of simulateReporting', issuesFromZod(parsed.error, ['options']));
  const o = parsed.data;
  if (ledger.command === null) throw new FrontlineError('invalid_input', 'cannot simulate reporting', [{ path: ['ledger'], code: 'no_command', message: 'the ledger needs its command structure' }]);
  const rng = createRandom(o.seed ?? 2020);
  const hq = ledger.command.headquarters.commander;
  const tree = ledgerTree(ledger);
  const cadreOf = new Map<string, PersonId>();
  tableForEach(ledger.people, (p) => {
    if (p.cadreLevel !== undefined && !cadreOf.has(p.unitId)) cadreOf.set(p.unitId, p.id);
  });
  const townshipOf = (i: number): OrgUnit | undefined => {
    for (let p = tree.parentIndex[i] as number; p >= 0; p = tree.parentIndex[p] as number) {
      const u = tree.units[p] as OrgUnit;
      if (isTownshipLevel(u.kind)) return u;
    }
    return undefined;
  };
  const events: { e: LedgerEvent; ms: number; n: number }[] = [];
  let seq = 0;
  const push = (e: Omit<LedgerEvent, 'id'>): void => {
    const full = { ...e, id: `rep-${(++seq).toString(36).padStart(6, '0')}` as EventId } as LedgerEvent;
    events.push({ e: full, ms: Date.parse(full.at), n: events.length });
  };
  const time = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  for (let d = 0; d < (o.days ?? 13); d++) {
    const day = addDays(o.startDay, d);
    const next = addDays(day, 1);
    tree.units.forEach((unit, i) => {
      const village = unit.kind === 'village' || unit.kind === 'community';
      const township = isTownshipLevel(unit.kind);
      if (!village && !township) return;
      const by = cadreOf.get(unit.id) ?? hq;
      if (village && rng.chance(0.02)) return; // missing
      const late = rng.chance(village ? 0.05 : 0.02);
      const at = late ? instantAt(day, time(21 + rng.int(2), rng.int(60))) : instantAt(day, time(17 + rng.int(3), rng.int(60)));
      push({ type: 'dailyReportSubmitted', at, by, unitId: unit.id, day } as Omit<LedgerEvent, 'id'>);
      if (village) {
        const t = townshipOf(i);
        if (t === undefined || rng.chance(0.03)) return;
        push({ type: 'dailyReportSignedOff', at: instantAt(day, '23:30'), by: cadreOf.get(t.id) ?? hq, unitId: unit.id, day, level: 'township' } as Omit<LedgerEvent, 'id'>);
      }
      if (rng.chance(0.97)) push({ type: 'dailyReportSignedOff', at: instantAt(next, '08:30'), by: hq, unitId: unit.id, day, level: 'headquarters' } as Omit<LedgerEvent, 'id'>);
    });
  }
  events.sort((a, b) => a.ms - b.ms || a.n - b.n);
  return events.map((x) => x.e);
}
