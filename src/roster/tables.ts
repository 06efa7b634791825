import type { Table } from '../store/table.js';
import type { Post } from './model.js';
import type { AbsenceRecord, Duty, PublishedRoster } from './records.js';
import type { RegisterTables } from '../register/tables.js';
import type { CampaignTables } from '../campaigns/tables.js';

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
