import type { AdmissionTables } from '../admission/tables.js';
import type { CampaignTables } from '../campaigns/tables.js';
import type { EvaluationTables } from '../evaluation/tables.js';
import type { OrgTree } from '../org/tree.js';
import { treeOfUnits } from '../org/treeCache.js';
import type { RegisterTables } from '../register/tables.js';
import type { ReportingTables } from '../reporting/tables.js';
import type { RosterTables } from '../roster/tables.js';
import { DEFAULT_SETTINGS, LedgerSettings } from '../store/settings.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { JournalTables } from '../store/journal.js';
import { emptyTable, type Table } from '../store/table.js';
import { INSPECT, inspectMethod, renderSummary, thousands, type InspectOptions } from '../internal/inspect.js';
import type { SupervisionTables } from '../supervision/tables.js';
import { LEDGER_VERSION, requireLedgerShape } from '../store/guard.js';

/**
 * The ledger (台账) of one headquarters: every record, as plain readonly JSON data. It changes only
 * through validated events (`apply`, `replay`); large collections are {@link Table}s so that an
 * update copies only narrow objects.
 *
 * @example
 * const ledger = emptyLedger();
 * ledger.eventCount; // => 0
 * @category Ledger
 */
export interface Ledger
  extends JournalTables,
    RegisterTables,
    CampaignTables,
    RosterTables,
    SupervisionTables,
    EvaluationTables,
    ReportingTables,
    AdmissionTables {}

/**
 * A ledger with no records and the default settings (or the settings given, checked: bad ones
 * throw a {@link FrontlineError}, `invalid_input`).
 *
 * @param settings - The ledger's settings (default {@link DEFAULT_SETTINGS}).
 * @returns A new, empty ledger.
 * @example
 * emptyLedger().people.size; // => 0
 * @category Ledger
 */
export function emptyLedger(settings: LedgerSettings = DEFAULT_SETTINGS): Ledger {
  const checked = settings === DEFAULT_SETTINGS ? settings : LedgerSettings.safeParse(settings);
  if ('success' in checked && !checked.success) throw new FrontlineError('invalid_input', 'invalid ledger settings', issuesFromZod(checked.error, ['settings']));
  return ledgerObject({
    version: LEDGER_VERSION,
    settings: { ...('success' in checked ? (checked.data as LedgerSettings) : settings) },
    units: [],
    command: null,
    people: emptyTable(),
    households: emptyTable(),
    campaigns: emptyTable(),
    letters: emptyTable(),
    declarations: emptyTable(),
    observations: emptyTable(),
    visits: emptyTable(),
    screenings: emptyTable(),
    classifications: emptyTable(),
    serviceRequests: emptyTable(),
    sites: emptyTable(),
    disinfections: emptyTable(),
    volunteers: emptyTable(),
    tasks: emptyTable(),
    posts: emptyTable(),
    absences: emptyTable(),
    rosters: emptyTable(),
    duties: emptyTable(),
    inspections: emptyTable(),
    findings: emptyTable(),
    deeds: emptyTable(),
    threeShows: emptyTable(),
    reports: emptyTable(),
    admissions: emptyTable(),
    events: emptyTable(),
    eventCount: 0,
  });
}

/**
 * The prototype of the ledgers made here: no data, only a summary where Node prints a ledger
 * (`Ledger { events: 1,483,139, units: 897, people: 1,207,809, … }`) and immer's mark that a ledger
 * may be drafted (so immer's copies keep the prototype). No own `constructor`: a ledger's
 * `constructor` is still `Object`, so strict deep equality with a plain JSON copy holds.
 */
const LEDGER_PROTO: object = Object.create(Object.prototype, {
  [INSPECT]: { value: inspectMethod(showLedger) },
  [Symbol.for('immer-draftable')]: { value: true },
});

/**
 * @internal A new ledger object holding these fields (copied, own and enumerable), with the ledger
 * prototype: where a ledger is assembled from parts, as `{ ...ledger, people }` would be, without
 * losing its summary.
 */
export function ledgerObject<L extends object>(fields: L): L {
  return Object.assign(Object.create(LEDGER_PROTO) as L, fields);
}

/** A ledger's summary: its event count, units and the size of every table that has records. */
function showLedger(ledger: Ledger, depth: number, options: InspectOptions): string {
  const events = thousands(ledger.eventCount);
  if (depth < 0) return `[Ledger: ${events} events]`;
  const fields: [string, string][] = [
    ['events', events],
    ['units', thousands(ledger.units.length)],
  ];
  for (const name of TABLE_NAMES) {
    const table = ledger[name] as Table<unknown> | undefined;
    if (name !== 'events' && table !== undefined && table.size > 0) fields.push([name, thousands(table.size)]);
  }
  return renderSummary('Ledger', fields, options);
}

/**
 * @internal Checks that a value is a ledger this library can read, before any work: an object of
 * data format version 1 (another version is `unsupported_version`, naming it), with its settings,
 * units, command structure, tables and event count in place (`invalid_input` otherwise). The
 * records inside the tables are not checked again: they were checked as events made them.
 */
export function requireLedger(value: unknown, path: PropertyKey = 'ledger'): Ledger {
  return requireLedgerShape<Ledger>(value, TABLE_NAMES, path);
}

/** The names of the ledger's tables. */
export const TABLE_NAMES = [
  'people',
  'households',
  'campaigns',
  'letters',
  'declarations',
  'observations',
  'visits',
  'screenings',
  'classifications',
  'serviceRequests',
  'sites',
  'disinfections',
  'volunteers',
  'tasks',
  'posts',
  'absences',
  'rosters',
  'duties',
  'inspections',
  'findings',
  'deeds',
  'threeShows',
  'reports',
  'admissions',
  'events',
] as const satisfies readonly (keyof Ledger)[];

/**
 * The organization tree of a ledger, built once per version of its units and cached.
 *
 * @param ledger - The ledger, or anything with its `units`.
 * @returns The tree of its units.
 * @throws {@link FrontlineError} `invalid_tree` when the units do not make a valid tree (never for a ledger's own units, checked as they entered it).
 * @example
 * isWithin(ledgerTree(ledger), 'yc.v119212' as OrgId, 'yc.t119' as OrgId); // => true
 * @category Ledger
 */
export function ledgerTree(ledger: Pick<Ledger, 'units'>): OrgTree {
  return treeOfUnits(ledger.units);
}
