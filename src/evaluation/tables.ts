import type { Table } from '../store/table.js';
import type { Deed, ThreeShowsEntry } from './records.js';
import type { RegisterTables } from '../register/tables.js';
import type { CampaignTables } from '../campaigns/tables.js';
import type { RosterTables } from '../roster/tables.js';
import type { SupervisionTables } from '../supervision/tables.js';

/**
 * Evaluation's part of a ledger: the deeds and three-shows entries recorded as evidence.
 *
 * @example
 * const evaluation: EvaluationTables = emptyLedger();
 * evaluation.deeds.size; // => 0
 * @category Ledger
 */
export interface EvaluationTables {
  /** Concrete deeds of people and units, by id. */
  readonly deeds: Table<Deed>;
  /** Three-shows entries, by id. */
  readonly threeShows: Table<ThreeShowsEntry>;
}

/**
 * The parts of a ledger that evaluation's read models (`deriveRecords`) read. A whole {@link Ledger} is one.
 *
 * @example
 * const view: EvaluationLedger = emptyLedger();
 * @category Ledger
 */
export type EvaluationLedger = RegisterTables & CampaignTables & RosterTables & SupervisionTables & EvaluationTables;
