import { daysBetween, dayOf, requireDay, type Day } from '../core/day.js';
import { FrontlineError } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import type { UnitKind } from '../core/vocabulary.js';
import { treeOfUnits } from '../org/treeCache.js';
import { describeValue, requireOptions } from '../core/guards.js';
import { requireLedger, type SupervisionLedger } from './tables.js';
import { tableForEach } from '../store/table.js';
import { isWithin } from '../org/queries.js';
import type { OrgUnit } from '../org/unit.js';
import { deadlineOn, type Finding } from './records.js';
import { TOWNSHIP_LEVEL } from '../org/unit.js';


/**
 * A finding as it stands on a day: still open (not passed by then), and overdue when open after
 * the deadline in force that day, by how many days.
 *
 * @example
 * const v: FindingView = findingsOn(ledger, '2020-02-07')[0];
 * v.overdue; // => true
 * @category Supervision
 */
export interface FindingView {
  /** The finding. */
  readonly finding: Finding;
  /** Not yet passed on re-check. */
  readonly open: boolean;
  /** Open after its deadline. */
  readonly overdue: boolean;
  /** Days past the deadline (0 when not overdue). */
  readonly daysOverdue: number;
}

/**
 * Options of {@link findingsOn}.
 *
 * @example
 * const o: FindingsOptions = { scope: 'yc.t119' as OrgId, only: 'overdue' };
 * @category Supervision
 */
export interface FindingsOptions {
  /** Only findings whose responsible unit lies in this unit's subtree. */
  readonly scope?: OrgId;
  /** Only this supervision group's findings. */
  readonly groupId?: string;
  /** `open` (default), `overdue`, or `all`. */
  readonly only?: 'open' | 'overdue' | 'all';
}

/**
 * The supervision findings raised by a day and where each stands on it — open, overdue — most
 * overdue first, then by severity.
 *
 * @param ledger - The ledger.
 * @param asOf - The day.
 * @param options - {@link FindingsOptions}: a scope, a supervision group, and which findings (default `open`).
 * @returns The findings with where each stands on the day, most overdue first.
 * @throws {@link FrontlineError} `invalid_input` for a day that is not a real date or an unknown `only`; `unknown_unit` for a scope not in the ledger.
 * @example
 * findingsOn(ledger, '2020-02-07', { only: 'overdue' }).map((v) => v.finding.description);
 * @category Supervision
 */
export function findingsOn(ledger: SupervisionLedger, asOf: Day, options: FindingsOptions = {}): FindingView[] {
  requireLedger(ledger);
  requireDay(asOf, 'asOf');
  requireOptions(options);
  const only = options.only ?? 'open';
  if (only !== 'open' && only !== 'overdue' && only !== 'all')
    throw new FrontlineError('invalid_input', 'invalid option', [{ path: ['only'], code: 'invalid_value', message: `'only' is 'open', 'overdue' or 'all', got ${describeValue(only)}` }]);
  const tree = treeOfUnits(ledger.units);
  if (options.scope !== undefined && !tree.indexOf.has(options.scope))
    throw new FrontlineError('unknown_unit', 'unknown scope', [{ path: ['scope'], code: 'unknown_unit', message: `unknown unit '${options.scope}'` }]);
  const out: FindingView[] = [];
  tableForEach(ledger.findings, (f) => {
    if (f.raisedOn > asOf) return;
    if (options.groupId !== undefined && f.groupId !== options.groupId) return;
    if (options.scope !== undefined && !isWithin(tree, f.unitId, options.scope)) return;
    const open = f.status !== 'passed' || (f.closedOn !== undefined && f.closedOn > asOf);
    const deadline = deadlineOn(f, asOf);
    const daysOverdue = open && asOf > deadline ? daysBetween(deadline, asOf) : 0;
    const view = { finding: f, open, overdue: daysOverdue > 0, daysOverdue };
    if (only === 'all' || (only === 'open' && open) || (only === 'overdue' && view.overdue)) out.push(view);
  });
  const rank = { critical: 0, major: 1, minor: 2 } as const;
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || rank[a.finding.severity] - rank[b.finding.severity] || (a.finding.id < b.finding.id ? -1 : 1));
}

const PLACES: ReadonlySet<UnitKind> = new Set<UnitKind>([...TOWNSHIP_LEVEL, 'village', 'community', 'institution']);

/**
 * A unit in a supervision group's scope and when the group last inspected it.
 *
 * @example
 * const u: UninspectedUnit = uninspectedUnits(ledger, 'sg-02', '2020-01-26', 1)[0]!; // the first day of inspections
 * u.lastInspected; // => null (never)
 * @category Supervision
 */
export interface UninspectedUnit {
  /** The unit. */
  readonly unit: OrgUnit;
  /** The last day the group inspected it, or `null`. */
  readonly lastInspected: Day | null;
}

/**
 * The places (townships, subdistricts, villages, communities, institutions) in a supervision
 * group's scope that the group has not inspected within the last `days` days up to `asOf`.
 *
 * @param ledger - The ledger.
 * @param groupId - The supervision group.
 * @param asOf - The last day of the window.
 * @param days - The window, in days (at least 1).
 * @returns The places not inspected in the window, each with the day the group last inspected it.
 * @throws {@link FrontlineError} `invalid_input` for a day that is not a real date, an unknown group, or a window that is not a whole number of days from 1.
 * @example
 * const units = uninspectedUnits(ledger, 'sg-02', '2020-02-07', 3); // none since 2020-02-05
 * units.every((u) => u.lastInspected === null || u.lastInspected < '2020-02-05'); // => true
 * @category Supervision
 */
export function uninspectedUnits(ledger: SupervisionLedger, groupId: string, asOf: Day, days: number): UninspectedUnit[] {
  requireLedger(ledger);
  const group = ledger.command?.supervisionGroups.find((g) => g.id === groupId);
  requireDay(asOf, 'asOf');
  if (group === undefined) throw new FrontlineError('invalid_input', 'unknown supervision group', [{ path: ['groupId'], code: 'unknown_group', message: `unknown supervision group ${describeValue(groupId)}` }]);
  if (!Number.isInteger(days) || days < 1) throw new FrontlineError('invalid_input', 'invalid window', [{ path: ['days'], code: 'too_small', message: 'the window is a whole number of days, at least 1' }]);
  const tree = treeOfUnits(ledger.units);
  const last = new Map<string, Day>();
  tableForEach(ledger.inspections, (i) => {
    if (i.groupId !== groupId) return;
    const day = dayOf(i.at);
    if (day > asOf) return;
    const prev = last.get(i.unitId);
    if (prev === undefined || day > prev) last.set(i.unitId, day);
  });
  const out: UninspectedUnit[] = [];
  const seen = new Set<string>();
  for (const cover of group.covers) {
    const at = tree.indexOf.get(cover);
    if (at === undefined) continue;
    for (let i = at; i < (tree.subtreeEnd[at] as number); i++) {
      const unit = tree.units[i] as OrgUnit;
      if (!PLACES.has(unit.kind) || seen.has(unit.id)) continue;
      seen.add(unit.id);
      const day = last.get(unit.id) ?? null;
      if (day === null || daysBetween(day, asOf) >= days) out.push({ unit, lastInspected: day });
    }
  }
  return out;
}
