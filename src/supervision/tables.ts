import type { Table } from '../store/table.js';
import type { Finding, Inspection } from './records.js';
import type { RegisterTables } from '../register/tables.js';
import { REGISTER_TABLE_NAMES } from '../register/tables.js';
import { requireLedgerShape } from '../store/guard.js';

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

/** @internal This domain's tables, by name. */
export const SUPERVISION_TABLE_NAMES = ['inspections', 'findings'] as const satisfies readonly (keyof SupervisionTables)[];

/**
 * @internal Checks that a value is a ledger with the tables these read models read, before any
 * work: see {@link requireLedgerShape}.
 */
export function requireLedger(value: unknown, path?: PropertyKey): SupervisionLedger {
  return requireLedgerShape<SupervisionLedger>(value, [...REGISTER_TABLE_NAMES, ...SUPERVISION_TABLE_NAMES], path);
}
