import { instantAt, requireDay, type Day } from '../core/day.js';
import { FrontlineError } from '../core/errors.js';
import { describeValue } from '../core/guards.js';
import type { OrgId } from '../core/ids.js';
import { pairKey } from '../store/keys.js';
import { ledgerTree, requireLedger, type Ledger } from '../ledger/ledger.js';
import { tableGet } from '../store/table.js';
import { isOpenOn, isTownshipLevel, type OrgUnit } from '../org/unit.js';

/**
 * Completeness and timeliness of the daily reports of one level (villages and communities, or
 * townships and subdistricts) for a day: expected, submitted, on time, late, missing, and fully
 * signed off (by the township and the headquarters for a village, by the headquarters for a
 * township). A zero report ("nothing to report") is a report: it counts as submitted (and on time
 * or late), and among `nothingToReport`, never as missing.
 *
 * @example
 * const v: LevelReporting = reportingStatus(ledger, '2020-02-07').levels[0]!;
 * v.level; // => 'village'
 * v.onTime + v.late; // => v.submitted
 * @category Reports
 */
export interface LevelReporting {
  /** `village` (villages and communities) or `township` (townships and subdistricts). */
  readonly level: 'village' | 'township';
  /** Units that owe a report. */
  readonly expected: number;
  /** Reports submitted. */
  readonly submitted: number;
  /** Of those, by the deadline. */
  readonly onTime: number;
  /** Of those, after the deadline. */
  readonly late: number;
  /** Units with no report. */
  readonly missing: number;
  /** Of the reports submitted, zero reports: the unit had nothing to report. */
  readonly nothingToReport: number;
  /** Reports signed off by every level above. */
  readonly signedOff: number;
}

/**
 * The reporting discipline of a day in a scope: each level's completeness and timeliness, the
 * units whose report is late or missing — visible as such, never counted as zero — and the units
 * that reported having nothing to report.
 *
 * @example
 * const r = reportingStatus(ledger, '2020-02-07');
 * r.missing.map((u) => u.name);
 * @category Reports
 */
export interface ReportingStatus {
  /** The day. */
  readonly day: Day;
  /** The deadline (China Standard Time) of that day. */
  readonly deadline: string;
  /** Villages and communities, then townships and subdistricts. */
  readonly levels: readonly LevelReporting[];
  /** Units that reported after the deadline. */
  readonly late: readonly OrgUnit[];
  /** Units that did not report. */
  readonly missing: readonly OrgUnit[];
  /** Units that filed a zero report: nothing to report (they are not missing). */
  readonly nothingToReport: readonly OrgUnit[];
}

/**
 * The daily reports of a day in a scope (the county by default): who reported, on time (by the
 * ledger's `settings.reportDeadline`) or late, who did not, and which reports every level above
 * has signed off.
 *
 * @param ledger - The ledger.
 * @param day - The day reported on.
 * @param scope - The unit whose subtree counts (default: the county).
 * @returns The status by level, with the units late and missing.
 * @throws {@link FrontlineError} `invalid_day` for a day that is not a real date; `unknown_unit` for a scope not in the ledger.
 * @example
 * reportingStatus(ledger, '2020-02-07').levels.map((l) => `${l.level}: ${l.submitted}/${l.expected}`);
 * @category Reports
 */
export function reportingStatus(ledger: Ledger, day: Day | string, scope?: OrgId | string): ReportingStatus {
  requireLedger(ledger);
  const valid = { data: requireDay(day, 'day') };
  const tree = ledgerTree(ledger);
  const scopeId = scope ?? tree.root;
  const at = tree.indexOf.get(scopeId);
  if (at === undefined) throw new FrontlineError('unknown_unit', 'unknown scope', [{ path: ['scope'], code: 'unknown_unit', message: `unknown unit ${describeValue(scopeId)}` }]);
  const deadline = ledger.settings.reportDeadline;
  const due = Date.parse(instantAt(valid.data, deadline));
  const levels = {
    village: { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, nothingToReport: 0, signedOff: 0 },
    township: { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, nothingToReport: 0, signedOff: 0 },
  };
  const late: OrgUnit[] = [];
  const missing: OrgUnit[] = [];
  const nothing: OrgUnit[] = [];
  for (let i = at; i < (tree.subtreeEnd[at] as number); i++) {
    const unit = tree.units[i] as OrgUnit;
    const level = unit.kind === 'village' || unit.kind === 'community' ? 'village' : isTownshipLevel(unit.kind) ? 'township' : undefined;
    if (level === undefined || !isOpenOn(unit, valid.data)) continue;
    const l = levels[level];
    l.expected++;
    const report = tableGet(ledger.reports, pairKey(unit.id, valid.data));
    if (report === undefined) {
      l.missing++;
      missing.push(unit);
      continue;
    }
    l.submitted++;
    if (report.nothingToReport === true) {
      l.nothingToReport++;
      nothing.push(unit);
    }
    if (Date.parse(report.submittedAt) <= due) l.onTime++;
    else {
      l.late++;
      late.push(unit);
    }
    const signed = new Set(report.signOffs.map((s) => s.level));
    if (signed.has('headquarters') && (level === 'township' || signed.has('township'))) l.signedOff++;
  }
  return {
    day: valid.data,
    deadline,
    levels: [
      { level: 'village', ...levels.village },
      { level: 'township', ...levels.township },
    ],
    late,
    missing,
    nothingToReport: nothing,
  };
}
