import type { Table } from '../store/table.js';
import type { Finding, Inspection } from './records.js';
import type { RegisterTables } from '../register/tables.js';

/**
 * Supervision's part of a ledger: the inspections and their findings.
 *
 * @example
 * const supervision: SupervisionTables = emptyLedger();
 * supervision.findings.size; // => 0
 * @category Ledger
 */
export interface SupervisionTables {
  /** Inspections by supervision groups, by id. */
  readonly inspections: Table<Inspection>;
  /** Supervision findings and their rectification, by id. */
  readonly findings: Table<Finding>;
}

/**
 * The parts of a ledger that supervision's read models (`findingsOn`, `uninspectedUnits`, …) read. A whole {@link Ledger} is one.
 *
 * @example
 * const view: SupervisionLedger = emptyLedger();
 * @category Ledger
 */
export type SupervisionLedger = RegisterTables & SupervisionTables;
