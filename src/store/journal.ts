import type { Instant } from '../core/day.js';
import type { Table } from './table.js';

/**
 * What the engine keeps of the events themselves: the data format version, the instant of every
 * event applied (so that a replayed event id is refused) and how many were applied.
 *
 * @example
 * const journal: JournalTables = emptyLedger();
 * journal.eventCount; // => 0
 * @category Ledger
 */
export interface JournalTables {
  /** The data format version. */
  readonly version: 1;
  /** The instant of every event applied, by event id: a replayed id is refused. */
  readonly events: Table<Instant>;
  /** How many events were applied. */
  readonly eventCount: number;
}
