import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import { describeValue, isRecord, refusal } from '../core/guards.js';
import { CommandStructure } from '../org/command.js';
import { LedgerSettings } from './settings.js';

/** The data format version of the ledgers this library writes and reads. */
export const LEDGER_VERSION = 1;

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
 * units, command structure, event count and the named tables in place (`invalid_input` otherwise).
 * Each domain's read models name the tables they read; the records inside the tables are not
 * checked again: they were checked as events made them.
 */
export function requireLedgerShape<L>(value: unknown, tables: readonly string[], path: PropertyKey = 'ledger'): L {
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
  for (const name of tables) {
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
  return value as unknown as L;
}
