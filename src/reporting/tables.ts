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
