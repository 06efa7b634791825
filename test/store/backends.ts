/**
 * The two databases every semantic test of the store runs on: PGlite (in this process) and a real
 * PostgreSQL server (`FRONTLINE_PG_URL`, or the throwaway cluster of `globalSetup.ts`).
 *
 * Each test file gets its own database (a PGlite instance; a database created on the server) and
 * each test its own journal (stream) in it; `fresh()` gives a database of its own.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { inject } from 'vitest';
import { fromPGlite, fromPgClient, fromPgPool, type SqlDatabase } from '../../src/entries/store.js';

/** A database of a test, and how to let it go. */
export interface TestDatabase {
  readonly db: SqlDatabase;
  /** The database's URL (PostgreSQL only). */
  readonly url?: string;
  /** Listens on a channel (on a connection of its own for PostgreSQL); resolves to a function that stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Another connection to the same database (the same instance for PGlite, which has one). */
  connection(): Promise<{ db: SqlDatabase; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** One of the two backends. */
export interface Backend {
  readonly name: 'PGlite' | 'PostgreSQL';
  /** A new, empty database of its own. */
  fresh(): Promise<TestDatabase>;
}

let streams = 0;
/** A journal name not used before in this process. */
export function newStream(prefix = 't'): string {
  streams += 1;
  return `${prefix}_${process.pid}_${streams}`;
}

let template: Promise<PGlite> | undefined;

/** PGlite: each database a clone of one instance made per test file (a clone skips initdb). */
export const pglite: Backend = {
  name: 'PGlite',
  async fresh() {
    template ??= PGlite.create();
    const instance = await (await template).clone();
    const db = fromPGlite(instance);
    return {
      db,
      async listen(channel, onPayload) {
        const stop = await instance.listen(channel, onPayload);
        return () => stop();
      },
      connection: () => Promise.resolve({ db, close: () => Promise.resolve() }),
      close: () => instance.close(),
    };
  },
};

/** The server's URL, or an error saying how to get one. */
export function serverUrl(): string {
  const url = inject('pgUrl');
  if (url === '') throw new Error(inject('pgProblem'));
  return url;
}

/** The URL of another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let databases = 0;
/** PostgreSQL: each database created on the server (and dropped when closed). */
export const postgres: Backend = {
  name: 'PostgreSQL',
  async fresh() {
    const url = serverUrl();
    databases += 1;
    const name = `frontline_test_${process.pid}_${databases}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const connectionString = databaseUrl(url, name);
    const pool = new pg.Pool({ connectionString, max: 4 });
    // the database is dropped WITH (FORCE) when the test closes it: a connection still open then is
    // terminated by the server (57P01), which is expected, not a failure of the test
    const terminated = (e: Error & { code?: string }): void => {
      if (e.code !== '57P01') throw e;
    };
    pool.on('error', terminated);
    const opened: pg.Client[] = [];
    return {
      db: fromPgPool(pool, { copyFrom }),
      url: connectionString,
      async listen(channel, onPayload) {
        const client = new pg.Client({ connectionString });
        await client.connect();
        client.on('notification', (n) => {
          if (n.channel === channel) onPayload(n.payload ?? '');
        });
        await client.query(`LISTEN ${channel}`);
        return () => client.end();
      },
      async connection() {
        const client = new pg.Client({ connectionString });
        client.on('error', terminated);
        await client.connect();
        opened.push(client);
        return { db: fromPgClient(client, { copyFrom }), close: () => client.end() };
      },
      async close() {
        await Promise.all(opened.map((c) => c.end().catch(() => undefined)));
        await pool.end();
        const admin2 = new pg.Client({ connectionString: url });
        await admin2.connect();
        try {
          await admin2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await admin2.end();
        }
      },
    };
  },
};

/** Both backends, for `describe.each`. */
export const BACKENDS: readonly Backend[] = [pglite, postgres];
