import { FrontlineError } from '../core/errors.js';
import type { SqlDatabase, SqlQueryable, SqlTransaction } from './sql.js';

/**
 * The schema, one list of statements per version: version `n` is reached by running the lists
 * `1 … n` in order. A new version appends a list; a published one never changes.
 *
 * - `frontline_schema`: one row, the version of the schema the database holds.
 * - `frontline_streams`: one row per journal (a county, by its division code) with its position,
 *   the number of events stored: an append moves it with `UPDATE … WHERE position = expected`.
 * - `frontline_events`: the events, partitioned by journal (`PARTITION BY LIST (stream)`, one
 *   partition per county); `(stream, position)` is the key and `(stream, id)` unique.
 * - `frontline_snapshots`: ledgers at a position, in chunks (a table's top-level slot a row).
 * - `frontline_segments` (version 2): the events of a bulk import, a run of positions
 *   `first … last` a row, as one JSON array, with the count of each event type. A row per event
 *   costs the embedded database about 40 µs; a row per 2,000 events lets an import store a
 *   county's fortnight (1.5 million events) in seconds. Positions of segments and of event rows
 *   never overlap; readers merge the two in position order.
 */
const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE frontline_streams (
      stream text PRIMARY KEY,
      position bigint NOT NULL CHECK (position >= 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE frontline_events (
      stream text NOT NULL,
      position bigint NOT NULL CHECK (position > 0),
      id text NOT NULL,
      type text NOT NULL,
      size integer NOT NULL,
      event jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (stream, position),
      UNIQUE (stream, id)
    ) PARTITION BY LIST (stream)`,
    `CREATE TABLE frontline_snapshots (
      stream text NOT NULL,
      position bigint NOT NULL,
      field text NOT NULL,
      part integer NOT NULL,
      data text NOT NULL,
      PRIMARY KEY (stream, position, field, part)
    )`,
    // chunks of a few MB each, written and read whole: compressing them costs more time than it saves
    `ALTER TABLE frontline_snapshots ALTER COLUMN data SET STORAGE EXTERNAL`,
  ],
  [
    `CREATE TABLE frontline_segments (
      stream text NOT NULL,
      first bigint NOT NULL CHECK (first > 0),
      last bigint NOT NULL CHECK (last >= first),
      types jsonb NOT NULL,
      size integer NOT NULL,
      events text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (stream, first)
    )`,
    `CREATE INDEX frontline_segments_last ON frontline_segments (stream, last)`,
    `ALTER TABLE frontline_segments ALTER COLUMN events SET STORAGE EXTERNAL`,
  ],
];

/**
 * The version of the database schema this version of the library writes and reads. A database of
 * a later version (written by a newer library) is refused with code `unsupported_version`.
 *
 * @example
 * SCHEMA_VERSION; // => 2
 * @category Store
 */
export const SCHEMA_VERSION: number = MIGRATIONS.length;

/** The key of the advisory lock that serialises migrations and the creation of partitions. */
const MIGRATION_LOCK = 0x66726f6e; // 'fron'

/** @internal The version a database holds (0 for one without the store's tables). */
async function versionOf(sql: SqlQueryable): Promise<number> {
  const r = await sql.query(`SELECT version FROM frontline_schema WHERE id = 1`);
  const row = r.rows[0] as { version: unknown } | undefined;
  return row === undefined ? 0 : Number(row.version);
}

/** @internal The error for a database of a later schema version. */
function newerVersion(found: number): FrontlineError {
  return new FrontlineError('unsupported_version', `the database holds a journal of schema version ${found}; this version of frontline reads version ${SCHEMA_VERSION} and older`, [
    {
      path: ['frontline_schema', 'version'],
      code: 'unsupported_version',
      message: `schema version ${found} was written by a newer version of frontline: upgrade frontline (it refuses to read or write it rather than corrupt it)`,
    },
  ]);
}

/**
 * @internal Runs the missing migrations inside `tx`, under a transaction-scoped advisory lock so
 * that concurrent starts migrate once. Refuses a newer schema.
 */
export async function migrateIn(tx: SqlTransaction): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK]);
  await tx.query(`CREATE TABLE IF NOT EXISTS frontline_schema (
    id integer PRIMARY KEY CHECK (id = 1),
    version integer NOT NULL,
    migrated_at timestamptz NOT NULL DEFAULT now()
  )`);
  const found = await versionOf(tx);
  if (found > SCHEMA_VERSION) throw newerVersion(found);
  for (let v = found; v < SCHEMA_VERSION; v++) for (const statement of MIGRATIONS[v] as readonly string[]) await tx.query(statement);
  if (found < SCHEMA_VERSION)
    await tx.query(
      `INSERT INTO frontline_schema (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()`,
      [SCHEMA_VERSION],
    );
  return found;
}

/**
 * Creates the store's tables in a database, or brings them to {@link SCHEMA_VERSION}, in one
 * transaction; returns the version found before (0 for a new database). A database written by a
 * newer version of the library is refused with a {@link FrontlineError} of code
 * `unsupported_version`, and nothing is changed. {@link openJournal} calls it.
 *
 * @param db - The database.
 * @returns The schema version the database held before: 0 for a database without the store's tables.
 * @throws A {@link FrontlineError} of code `unsupported_version` for a database written by a newer version of the library (nothing is changed).
 * @example
 * await migrate(db); // => 0 (a new database)
 * await migrate(db); // => SCHEMA_VERSION (migrated already: nothing to do)
 * @category Store
 */
export async function migrate(db: SqlDatabase): Promise<number> {
  return db.transaction((tx) => migrateIn(tx));
}

/** @internal Creates the partition of a journal and its stream row, under the migration lock. */
export async function createStream(tx: SqlTransaction, stream: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK]);
  const exists = await tx.query(`SELECT 1 FROM frontline_streams WHERE stream = $1`, [stream]);
  if (exists.rows.length > 0) return;
  // the stream was checked to be [a-z0-9_]: safe as part of a name and as a literal
  await tx.query(`CREATE TABLE IF NOT EXISTS frontline_events_${stream} PARTITION OF frontline_events FOR VALUES IN ('${stream}')`);
  await tx.query(`INSERT INTO frontline_streams (stream, position) VALUES ($1, 0) ON CONFLICT (stream) DO NOTHING`, [stream]);
}
