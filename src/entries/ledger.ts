/**
 * `frontline/ledger`: The ledger (台账): its tables, its events, `apply`, `applyAs` and `replay`, settings and actors.
 *
 * @module ledger
 */

export type { Ledger } from '../ledger/ledger.js';
export type { JournalTables } from '../store/journal.js';
export type { RegisterTables } from '../register/tables.js';
export { emptyLedger, ledgerTree } from '../ledger/ledger.js';
export { DEFAULT_SETTINGS, LedgerSettings, OBSERVATION_EDITIONS } from '../store/settings.js';
export { emptyTable, tableForEach, tableGet, tableHas, tableMap, tableOf, tableValues } from '../store/table.js';
export type { Table } from '../store/table.js';
export { Actor, ActorRole } from '../store/actor.js';
export { apply, applyAs, replay, tryApply, tryApplyAs, tryReplay } from '../ledger/apply.js';
export type { ApplyOptions } from '../ledger/apply.js';
export { EVENT_TYPES, LedgerEvent } from '../ledger/events.js';
export { CommandSet, HouseholdsRegistered, PeopleRegistered, SettingsChanged, UnitsAdded } from '../register/events.js';
export type { LedgerEventType } from '../ledger/events.js';
