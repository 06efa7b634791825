import type { CommandStructure } from '../org/command.js';
import type { OrgUnit } from '../org/unit.js';
import type { Household, Person } from '../people/person.js';
import type { LedgerSettings } from '../store/settings.js';
import type { Table } from '../store/table.js';

/**
 * The register's part of a ledger: its settings, the organization units, the command structure,
 * the people and the households. Every domain's read models may read it.
 *
 * @example
 * const register: RegisterTables = emptyLedger();
 * register.people.size; // => 0
 * @category Ledger
 */
export interface RegisterTables {
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
}

/** @internal The register's tables, by name. */
export const REGISTER_TABLE_NAMES = ['people', 'households'] as const satisfies readonly (keyof RegisterTables)[];
