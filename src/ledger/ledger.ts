import type { Instant } from '../core/day.js';
import type { Campaign } from '../campaigns/campaign.js';
import type {
  ClassificationHistory,
  HouseholdScreening,
  LetterDelivery,
  Observation,
  ServiceRequest,
  Site,
  SiteDisinfections,
  TravelDeclaration,
  Visit,
  Volunteer,
  VolunteerTask,
} from '../campaigns/records.js';
import { createOrgTree, type OrgTree } from '../org/tree.js';
import type { OrgUnit } from '../org/unit.js';
import type { Household, Person } from '../people/person.js';
import type { Post } from '../roster/model.js';
import type { AbsenceRecord, Duty, PublishedRoster } from '../roster/records.js';
import type { Finding, Inspection } from '../supervision/records.js';
import type { Deed, ThreeShowsEntry } from '../evaluation/records.js';
import type { DailyReport } from '../report/records.js';
import type { AdmissionCase } from '../admission/model.js';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import { describeValue, isRecord, refusal } from '../core/guards.js';
import { CommandStructure } from '../org/command.js';
import { DEFAULT_SETTINGS, LedgerSettings } from './settings.js';
import { emptyTable, type Table } from './table.js';

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
export interface Ledger {
  /** The data format version. */
  readonly version: 1;
  /** Local practice: observation edition, misses before lost, fever line, revisit interval. */
  readonly settings: LedgerSettings;
  /** The organization units (build the tree with {@link ledgerTree}). */
  readonly units: readonly OrgUnit[];
  /** The "1+1+10" command structure, once set. */
  readonly command: CommandStructure | null;
  /** People by id. */
  readonly people: Table<Person>;
  /** The household register, by id. */
  readonly households: Table<Household>;
  /** Campaigns by id. */
  readonly campaigns: Table<Campaign>;
  /** Letters delivered, by `campaignId|householdId`. */
  readonly letters: Table<LetterDelivery>;
  /** Travel-history declarations by id. */
  readonly declarations: Table<TravelDeclaration>;
  /** Medical observations by id. */
  readonly observations: Table<Observation>;
  /** Door-knocking visits by id. */
  readonly visits: Table<Visit>;
  /** Each household's state in each door-knocking campaign, by `campaignId|householdId`. */
  readonly screenings: Table<HouseholdScreening>;
  /** Classification histories by household id. */
  readonly classifications: Table<ClassificationHistory>;
  /** Service requests by id. */
  readonly serviceRequests: Table<ServiceRequest>;
  /** Sites to disinfect by id. */
  readonly sites: Table<Site>;
  /** Disinfections per site and day, by site id. */
  readonly disinfections: Table<SiteDisinfections>;
  /** Registered volunteers by person id. */
  readonly volunteers: Table<Volunteer>;
  /** Volunteer tasks by id. */
  readonly tasks: Table<VolunteerTask>;
  /** Staffed posts (checkpoints, duty rooms, hotlines) by id. */
  readonly posts: Table<Post>;
  /** Absences (leave, sickness, blocked days) by id. */
  readonly absences: Table<AbsenceRecord>;
  /** Published rosters by id. */
  readonly rosters: Table<PublishedRoster>;
  /** Seats of published rosters and who holds them, by `rosterId|seatId`. */
  readonly duties: Table<Duty>;
  /** Inspections by supervision groups, by id. */
  readonly inspections: Table<Inspection>;
  /** Supervision findings and their rectification, by id. */
  readonly findings: Table<Finding>;
  /** Concrete deeds of people and units, by id. */
  readonly deeds: Table<Deed>;
  /** Three-shows entries, by id. */
  readonly threeShows: Table<ThreeShowsEntry>;
  /** Daily reports by `unitId|day`. */
  readonly reports: Table<DailyReport>;
  /** Member-development cases by id. */
  readonly admissions: Table<AdmissionCase>;
  /** The instant of every event applied, by event id: a replayed id is refused. */
  readonly events: Table<Instant>;
  /** How many events were applied. */
  readonly eventCount: number;
}

/**
 * A ledger with no records and the default settings (or the settings given, checked: bad ones
 * throw a {@link FrontlineError}, `invalid_input`).
 *
 * @example
 * emptyLedger().people.size; // => 0
 * @category Ledger
 */
export function emptyLedger(settings: LedgerSettings = DEFAULT_SETTINGS): Ledger {
  const checked = settings === DEFAULT_SETTINGS ? settings : LedgerSettings.safeParse(settings);
  if ('success' in checked && !checked.success) throw new FrontlineError('invalid_input', 'invalid ledger settings', issuesFromZod(checked.error, ['settings']));
  return {
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
  };
}

/** The data format version of the ledgers this library writes and reads. */
const LEDGER_VERSION = 1;

/** Settings and command structures already checked (only frozen ones: they cannot change since). */
const checkedParts = new WeakSet<object>();

/** Checks a part of a ledger with its schema, once for a frozen part. */
function partIssues(schema: typeof LedgerSettings | typeof CommandStructure, value: unknown, path: readonly PropertyKey[]): Issue[] {
  if (typeof value === 'object' && value !== null && checkedParts.has(value)) return [];
  const r = schema.safeParse(value);
  if (!r.success) return issuesFromZod(r.error, path);
  if (typeof value === 'object' && value !== null && Object.isFrozen(value)) checkedParts.add(value);
  return [];
}

/**
 * @internal Checks that a value is a ledger this library can read, before any work: an object of
 * data format version 1 (another version is `unsupported_version`, naming it), with its settings,
 * units, command structure, tables and event count in place (`invalid_input` otherwise). The
 * records inside the tables are not checked again: they were checked as events made them.
 */
export function requireLedger(value: unknown, path: PropertyKey = 'ledger'): Ledger {
  if (!isRecord(value))
    throw refusal('invalid_input', 'invalid ledger', [path], 'invalid_type', `expected a ledger (from emptyLedger, apply or replay), got ${describeValue(value)}`);
  const version = value['version'];
  if (version !== LEDGER_VERSION) {
    if (version === undefined)
      throw refusal('invalid_input', 'invalid ledger', [path, 'version'], 'invalid_type', 'not a ledger: it has no version (a ledger comes from emptyLedger, apply or replay)');
    throw refusal(
      'unsupported_version',
      `unsupported ledger version ${describeValue(version)}`,
      [path, 'version'],
      'unsupported_version',
      `ledger version ${describeValue(version)} is not supported: this library reads version ${LEDGER_VERSION}`,
    );
  }
  const issues: Issue[] = [...partIssues(LedgerSettings, value['settings'], [path, 'settings'])];
  if (!Array.isArray(value['units'])) issues.push({ path: [path, 'units'], code: 'invalid_type', message: `units must be an array, got ${describeValue(value['units'])}` });
  const command = value['command'];
  if (command !== null) issues.push(...partIssues(CommandStructure, command, [path, 'command']));
  for (const name of TABLE_NAMES) {
    const table = value[name];
    const slots = isRecord(table) ? table['slots'] : undefined;
    const size = isRecord(table) ? table['size'] : undefined;
    if (!Array.isArray(slots) || slots.length !== 64 || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      issues.push({ path: [path, name], code: 'invalid_table', message: `${name} is not a table (its size and 64 slots), got ${describeValue(table)}` });
  }
  const count = value['eventCount'];
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
    issues.push({ path: [path, 'eventCount'], code: 'invalid_type', message: `eventCount must be a whole number, got ${describeValue(count)}` });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid ledger', issues);
  return value as unknown as Ledger;
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

const trees = new WeakMap<readonly OrgUnit[], OrgTree>();

/**
 * The organization tree of a ledger, built once per version of its units and cached.
 *
 * @example
 * isWithin(ledgerTree(ledger), 'yc.t03.v201' as OrgId, 'yc.t03' as OrgId); // => true
 * @category Ledger
 */
export function ledgerTree(ledger: Pick<Ledger, 'units'>): OrgTree {
  if (ledger.units.length === 0) return EMPTY_TREE;
  let tree = trees.get(ledger.units);
  if (tree === undefined) {
    tree = createOrgTree(ledger.units);
    trees.set(ledger.units, tree);
  }
  return tree;
}

/** @internal Caches the tree a driver already built for a new ledger's units. */
export function rememberTree(ledger: Pick<Ledger, 'units'>, tree: OrgTree): void {
  if (ledger.units.length > 0 && tree.units.length === ledger.units.length) trees.set(ledger.units, tree);
}

/** @internal The tree of a ledger with no units. */
const EMPTY_TREE: OrgTree = Object.freeze({
  units: [],
  root: '' as OrgTree['root'],
  indexOf: new Map<string, number>(),
  parentIndex: new Int32Array(0),
  subtreeEnd: new Int32Array(0),
  depthOf: new Int32Array(0),
});

/** @internal The key of a record kept per campaign and household. */
export function pairKey(campaignId: string, householdId: string): string {
  return `${campaignId}|${householdId}`;
}
