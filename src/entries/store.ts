/**
 * frontline/store — a county's journal in PostgreSQL: a real server through node-postgres, or
 * PGlite (PostgreSQL in WebAssembly) embedded in the process. Validated, atomic appends under
 * optimistic concurrency, reads in pages, snapshots, a migrated schema, one partition per county.
 * The entry point imports no database driver: pass your own client. An app opens its county's
 * journal with `openJournal(fromPGlite(await PGlite.create('data/store')), { stream: '511621' })`
 * (`openJournal` and `fromPGlite` of `frontline/store`, `PGlite` of `@electric-sql/pglite`); below,
 * `db` is such a database, in memory.
 *
 * @example
 * const yuechi = await openJournal(db, { stream: '511621' });
 * let state = await yuechi.load(); // the latest snapshot and the events after it: none yet
 * state = await yuechi.import(state, journal); // the county's registration
 * state.position; // => 100
 *
 * @packageDocumentation
 */
export { openJournal } from '../journal/journal.js';
export type { AppendOptions, ImportOptions, Journal, JournalOptions, JournalPage, JournalState, LoadOptions, RetryOptions, SnapshotOptions } from '../journal/journal.js';
export { SCHEMA_VERSION, migrate } from '../journal/schema.js';
export { fromPGlite, fromPgClient, fromPgPool } from '../journal/sql.js';
export type { PGliteLike, PgClientLike, PgCopyFrom, PgOptions, PgPooledClientLike, PgPoolLike, SqlDatabase, SqlQueryable, SqlResult, SqlTransaction } from '../journal/sql.js';
