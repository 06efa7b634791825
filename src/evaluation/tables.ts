import type { Table } from '../store/table.js';
import type { Deed, ThreeShowsEntry } from './records.js';
import type { RegisterTables } from '../register/tables.js';
import type { CampaignTables } from '../campaigns/tables.js';
import type { RosterTables } from '../roster/tables.js';
import type { SupervisionTables } from '../supervision/tables.js';
import { REGISTER_TABLE_NAMES } from '../register/tables.js';
import { CAMPAIGN_TABLE_NAMES } from '../campaigns/tables.js';
import { ROSTER_TABLE_NAMES } from '../roster/tables.js';
import { SUPERVISION_TABLE_NAMES } from '../supervision/tables.js';
import { requireLedgerShape } from '../store/guard.js';

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

/** @internal This domain's tables, by name. */
export const EVALUATION_TABLE_NAMES = ['deeds', 'threeShows'] as const satisfies readonly (keyof EvaluationTables)[];

/**
 * @internal Checks that a value is a ledger with the tables these read models read, before any
 * work: see {@link requireLedgerShape}.
 */
export function requireLedger(value: unknown, path?: PropertyKey): EvaluationLedger {
  return requireLedgerShape<EvaluationLedger>(value, [...REGISTER_TABLE_NAMES, ...CAMPAIGN_TABLE_NAMES, ...ROSTER_TABLE_NAMES, ...SUPERVISION_TABLE_NAMES, ...EVALUATION_TABLE_NAMES], path);
}
