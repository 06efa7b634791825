import type { Table } from '../store/table.js';
import type { DailyReport } from './records.js';

/**
 * Reporting's part of a ledger: the units' daily reports.
 *
 * @example
 * const reporting: ReportingTables = emptyLedger();
 * reporting.reports.size; // => 0
 * @category Ledger
 */
export interface ReportingTables {
  /** Daily reports by `unitId|day`. */
  readonly reports: Table<DailyReport>;
}

/** @internal This domain's tables, by name. */
export const REPORTING_TABLE_NAMES = ['reports'] as const satisfies readonly (keyof ReportingTables)[];
