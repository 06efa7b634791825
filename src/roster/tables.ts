import type { Table } from '../store/table.js';
import type { Post } from './model.js';
import type { AbsenceRecord, Duty, PublishedRoster } from './records.js';
import type { RegisterTables } from '../register/tables.js';
import type { CampaignTables } from '../campaigns/tables.js';
import { REGISTER_TABLE_NAMES } from '../register/tables.js';
import { CAMPAIGN_TABLE_NAMES } from '../campaigns/tables.js';
import { requireLedgerShape } from '../store/guard.js';

/**
 * The rosters' part of a ledger: posts, absences, published rosters and who holds each seat.
 *
 * @example
 * const rosters: RosterTables = emptyLedger();
 * rosters.posts.size; // => 0
 * @category Ledger
 */
export interface RosterTables {
  /** Staffed posts (checkpoints, duty rooms, hotlines) by id. */
  readonly posts: Table<Post>;
  /** Absences (leave, sickness, blocked days) by id. */
  readonly absences: Table<AbsenceRecord>;
  /** Published rosters by id. */
  readonly rosters: Table<PublishedRoster>;
  /** Seats of published rosters and who holds them, by `rosterId|seatId`. */
  readonly duties: Table<Duty>;
}

/**
 * The parts of a ledger that the rosters' read models (`rosterProblemFromLedger`, `publishedRoster`, …) read. A whole {@link Ledger} is one.
 *
 * @example
 * const view: RosterLedger = emptyLedger();
 * @category Ledger
 */
export type RosterLedger = RegisterTables & CampaignTables & RosterTables;

/** @internal This domain's tables, by name. */
export const ROSTER_TABLE_NAMES = ['posts', 'absences', 'rosters', 'duties'] as const satisfies readonly (keyof RosterTables)[];

/**
 * @internal Checks that a value is a ledger with the tables these read models read, before any
 * work: see {@link requireLedgerShape}.
 */
export function requireLedger(value: unknown, path?: PropertyKey): RosterLedger {
  return requireLedgerShape<RosterLedger>(value, [...REGISTER_TABLE_NAMES, ...CAMPAIGN_TABLE_NAMES, ...ROSTER_TABLE_NAMES], path);
}
