/**
 * What the journal store needs from a database: plain SQL with positional parameters, and
 * transactions on one connection. PGlite is such a database as it is; node-postgres' `Pool` and
 * `Client` become one through {@link fromPgPool} and {@link fromPgClient}. Nothing here imports a
 * driver: the app brings its own.
 */

/**
 * The result of a query: its rows, as objects keyed by column name (both node-postgres and PGlite
 * return them so).
 *
 * @example
 * const r: SqlResult = { rows: [{ position: 42 }] };
 * @category Store
 */
export interface SqlResult {
  /** The rows returned (empty for a statement that returns none). */
  readonly rows: readonly unknown[];
}

/**
 * Anything that runs one SQL statement with positional parameters (`$1`, `$2`, …): a PGlite
 * instance or transaction, a node-postgres `Pool` or `Client`.
 *
 * @example
 * const sql: SqlQueryable = pglite; // a PGlite instance
 * (await sql.query('SELECT $1::int AS n', [1])).rows; // => [{ n: 1 }]
 * @category Store
 */
export interface SqlQueryable {
  /**
   * Runs one statement.
   *
   * @param text - the SQL, with `$1`, `$2`, … for the parameters
   * @param params - the parameters' values
   * @returns The rows the statement returns.
   * @throws The database's error, as the driver reports it.
   */
  query(text: string, params?: unknown[]): Promise<SqlResult>;
}

/**
 * One transaction on one connection, as the store uses it: statements, and when the driver can,
 * `COPY … FROM STDIN` for bulk imports.
 *
 * @example
 * await db.transaction(async (tx: SqlTransaction) => (await tx.query('SELECT 1 AS one')).rows); // => [{ one: 1 }]
 * await db.transaction(async (tx: SqlTransaction) => tx.copyFrom !== undefined); // => true (fromPGlite's transactions COPY)
 * @category Store
 */
export interface SqlTransaction extends SqlQueryable {
  /**
   * Runs `COPY table (columns) FROM STDIN` (text format) with the given data, when the driver
   * supports it; without it the store imports with large multi-row `INSERT`s.
   */
  readonly copyFrom?: (sql: string, chunks: Iterable<string>) => Promise<void>;
}

/**
 * A database the store can write to: statements, and `transaction(fn)`, which runs `fn` on one
 * connection between `BEGIN` and `COMMIT` (and rolls back when `fn` throws). A PGlite instance is
 * one as it is; wrap node-postgres with {@link fromPgPool} or {@link fromPgClient}, and PGlite with
 * {@link fromPGlite} to give its transactions `COPY`.
 *
 * @example
 * const sql: SqlDatabase = pglite; // a PGlite instance, as it is
 * await sql.transaction(async (tx) => { await tx.query('CREATE TABLE t (n int)'); throw new Error('changed my mind'); }); // throws: changed my mind
 * (await sql.query(`SELECT to_regclass('t') AS t`)).rows; // => [{ t: null }] (rolled back)
 * @category Store
 */
export interface SqlDatabase extends SqlQueryable {
  /**
   * Runs `fn` in a transaction on one connection: committed when it resolves, rolled back when it
   * throws (the error is rethrown).
   *
   * @param fn - The work of the transaction, on the transaction's connection.
   * @returns What `fn` resolves to, once committed.
   * @throws The error of `fn` once rolled back, or the database's.
   */
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}

/**
 * The part of a node-postgres `PoolClient` (or `Client`) the adapters use: a `Client`, connected
 * (`await client.connect()`) before the store uses it, or a client checked out of a `Pool`.
 *
 * @example
 * const client: PgClientLike = new pg.Client({ connectionString: process.env.DATABASE_URL });
 * const server = fromPgClient(client);
 * @category Store
 */
export interface PgClientLike extends SqlQueryable {
  /**
   * Runs one statement. (A node-postgres client also takes the `COPY` streams of
   * `pg-copy-streams`, which the adapters pass it when given `copyFrom`.)
   */
  query(text: string, params?: unknown[]): Promise<SqlResult>;
}

/**
 * A client checked out of a node-postgres `Pool` (a `PoolClient`), as far as the adapters use it:
 * what `await pool.connect()` resolves to. {@link fromPgPool} checks one out for each transaction
 * and calls `client.release()` after it (`client.release(error)` when its `ROLLBACK` failed too, so
 * that the pool destroys the connection).
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL }); // it connects on first use
 * const checkOut = (): Promise<PgPooledClientLike> => pool.connect();
 * @category Store
 */
export interface PgPooledClientLike extends PgClientLike {
  /**
   * Gives the client back to its pool; with an error (or `true`) the pool destroys it instead.
   *
   * @param error - why the connection is not fit to be used again, if it is not
   */
  release(error?: Error | boolean): void;
}

/**
 * The part of a node-postgres `Pool` that {@link fromPgPool} uses.
 *
 * @example
 * const pool: PgPoolLike = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 }); // it connects on first use
 * const server = fromPgPool(pool);
 * @category Store
 */
export interface PgPoolLike extends SqlQueryable {
  /** Checks a client out of the pool; `release(error)` gives it back (an error destroys it). */
  connect(): Promise<PgPooledClientLike>;
}

/**
 * `from` of `pg-copy-streams`: makes the submittable of a `COPY … FROM STDIN` statement, a
 * writable stream.
 *
 * @example
 * const copy: PgCopyFrom = copyFrom; // `from` of pg-copy-streams
 * typeof copy('COPY t (n) FROM STDIN'); // => 'object' (a stream, which a client's query sends)
 * @category Store
 */
export type PgCopyFrom = (sql: string) => unknown;

/**
 * Options of {@link fromPgPool} and {@link fromPgClient}.
 *
 * @example
 * const options: PgOptions = { copyFrom }; // `from` of pg-copy-streams
 * const server = fromPgPool(new pg.Pool({ connectionString: process.env.DATABASE_URL }), options);
 * @category Store
 */
export interface PgOptions {
  /**
   * `from` of `pg-copy-streams`, for bulk imports with `COPY … FROM STDIN`; without it imports
   * use large multi-row `INSERT`s.
   */
  readonly copyFrom?: PgCopyFrom;
}

/** The writable side of a `pg-copy-streams` stream, as far as it is used here. */
interface CopyStream {
  write(chunk: string): boolean;
  end(): void;
  once(event: string, listener: (arg?: unknown) => void): void;
  removeListener(event: string, listener: (arg?: unknown) => void): void;
}

/** Writes the chunks to a COPY stream, waiting when its buffer is full; resolves once the server has taken all. */
async function writeCopy(stream: CopyStream, chunks: Iterable<string>): Promise<void> {
  let failure: unknown;
  const failed = new Promise<never>((_, reject) => {
    stream.once('error', (e) => {
      failure = e;
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
  failed.catch(() => undefined); // observed below
  for (const chunk of chunks) {
    if (failure !== undefined) break;
    if (!stream.write(chunk)) {
      await Promise.race([
        new Promise<void>((resolve) => {
          stream.once('drain', () => resolve());
        }),
        failed,
      ]);
    }
  }
  const done = new Promise<void>((resolve) => {
    stream.once('finish', () => resolve());
  });
  stream.end();
  await Promise.race([done, failed]);
}

/** A transaction on a node-postgres client: its statements, and COPY when `copyFrom` is given. */
function pgTransaction(client: PgClientLike, options: PgOptions): SqlTransaction {
  const copyFrom = options.copyFrom;
  return {
    query: (text, params) => client.query(text, params),
    ...(copyFrom === undefined
      ? {}
      : {
          copyFrom: (sql: string, chunks: Iterable<string>) =>
            writeCopy((client as unknown as { query(s: unknown): CopyStream }).query(copyFrom(sql)), chunks),
        }),
  };
}

/**
 * Runs `fn` between BEGIN and COMMIT on `client`, rolling back when it throws; `onBroken` hears of
 * a connection whose ROLLBACK failed too (it is unusable).
 */
async function inTransaction<T>(client: PgClientLike, options: PgOptions, fn: (tx: SqlTransaction) => Promise<T>, onBroken?: (e: Error) => void): Promise<T> {
  await client.query('BEGIN');
  try {
    const value = await fn(pgTransaction(client, options));
    await client.query('COMMIT');
    return value;
  } catch (e) {
    await client.query('ROLLBACK').catch((rollback: unknown) => onBroken?.(rollback instanceof Error ? rollback : new Error(String(rollback))));
    throw e;
  }
}

/**
 * A node-postgres `Pool` as a {@link SqlDatabase}: statements go to the pool, and each transaction
 * checks out a client of its own (several writers of one process then append concurrently, each
 * on its connection).
 *
 * With `import pg from 'pg'` and `import { from as copyFrom } from 'pg-copy-streams'`, as below: the
 * pool connects on first use, when `await openJournal(server, { stream: '511621' })` opens the
 * county's journal on the server.
 *
 * @param pool - A node-postgres `Pool` (or anything with its `query` and `connect`).
 * @param options - {@link PgOptions}: `copyFrom` of `pg-copy-streams`, for bulk imports with `COPY`.
 * @returns The pool as a database for {@link openJournal} and {@link migrate}.
 * @throws Nothing itself: the database's `query` and `transaction` reject with the driver's errors, and `transaction` with the error of its `fn` once rolled back.
 * @example
 * const server = fromPgPool(new pg.Pool({ connectionString: process.env.DATABASE_URL }), { copyFrom });
 * Object.keys(server); // => ['query', 'transaction']
 * @category Store
 */
export function fromPgPool(pool: PgPoolLike, options: PgOptions = {}): SqlDatabase {
  return {
    query: (text, params) => pool.query(text, params),
    async transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await inTransaction(client, options, fn, (e) => (broken = e));
      } finally {
        // a connection whose ROLLBACK failed is destroyed, not given back
        client.release(broken);
      }
    },
  };
}

/**
 * One connected node-postgres `Client` as a {@link SqlDatabase}: its transactions run one after
 * the other on that connection (a statement outside them waits for the running one).
 *
 * With `import pg from 'pg'`, as below: connect the client first (`await client.connect()`); then
 * `await openJournal(server, { stream: '511621' })` opens the county's journal on it.
 *
 * @param client - A connected node-postgres `Client` (or anything with its `query`).
 * @param options - {@link PgOptions}: `copyFrom` of `pg-copy-streams`, for bulk imports with `COPY`.
 * @returns The client as a database for {@link openJournal} and {@link migrate}.
 * @throws Nothing itself: the database's `query` and `transaction` reject with the driver's errors, and `transaction` with the error of its `fn` once rolled back.
 * @example
 * const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
 * const server = fromPgClient(client, { copyFrom });
 * Object.keys(server); // => ['query', 'transaction']
 * @category Store
 */
export function fromPgClient(client: PgClientLike, options: PgOptions = {}): SqlDatabase {
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    query: (text, params) => exclusive(() => client.query(text, params)),
    transaction: <T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> => exclusive(() => inTransaction(client, options, fn)),
  };
}

/**
 * The part of a PGlite instance that {@link fromPGlite} uses. `await PGlite.create('data/store')`
 * makes one that keeps its database in a folder (`PGlite` of `@electric-sql/pglite`; with no
 * folder, in memory).
 *
 * @example
 * const instance: PGliteLike = pglite;
 * const yuechi = await openJournal(fromPGlite(instance), { stream: '511621' });
 * await yuechi.position(); // => 0 (a new journal)
 * @category Store
 */
export interface PGliteLike extends SqlQueryable {
  /**
   * PGlite's own transaction: `fn` gets a transaction whose `query` takes PGlite's options.
   *
   * @param fn - The work of the transaction.
   * @returns What `fn` resolves to, once committed.
   */
  transaction<T>(fn: (tx: { query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<SqlResult> }) => Promise<T>): Promise<T>;
}

/**
 * A PGlite instance as a {@link SqlDatabase} whose transactions also `COPY` (through PGlite's
 * `/dev/blob` device). A PGlite instance works without it; imports then use multi-row `INSERT`s.
 *
 * @param db - A PGlite instance (`await PGlite.create('data/store')`, `PGlite` of `@electric-sql/pglite`).
 * @returns The instance as a database for {@link openJournal} and {@link migrate}, its transactions with `COPY`.
 * @throws Nothing itself: the database's `query` and `transaction` reject with PGlite's errors, and `transaction` with the error of its `fn` once rolled back.
 * @example
 * const yuechi = await openJournal(fromPGlite(pglite), { stream: '511621' });
 * const state = await yuechi.import(await yuechi.load(), journal); // with COPY
 * state.position; // => 100
 * @category Store
 */
export function fromPGlite(db: PGliteLike): SqlDatabase {
  return {
    query: (text, params) => db.query(text, params),
    transaction: <T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> =>
      db.transaction((tx) =>
        fn({
          query: (text, params) => tx.query(text, params),
          copyFrom: async (sql: string, chunks: Iterable<string>) => {
            await tx.query(sql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'"), [], { blob: new Blob([...chunks]) });
          },
        }),
      ),
  };
}
