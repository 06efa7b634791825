import type { Table } from '../store/table.js';
import type { AdmissionCase } from './model.js';

/**
 * Member development's part of a ledger: the admission cases.
 *
 * @example
 * const admission: AdmissionTables = emptyLedger();
 * admission.admissions.size; // => 0
 * @category Ledger
 */
export interface AdmissionTables {
  /** Member-development cases by id. */
  readonly admissions: Table<AdmissionCase>;
}

/** @internal This domain's tables, by name. */
export const ADMISSION_TABLE_NAMES = ['admissions'] as const satisfies readonly (keyof AdmissionTables)[];
