/**
 * The store of the demo and the REPL: `--store memory | pglite:DIR | postgres://…` (default
 * `pglite:out/store`). The first run stores the county's register and simulated fortnight (an
 * import: segments of events, with `COPY`) and a snapshot; a later run with the same county continues from what is stored.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { County, Ledger, LedgerEvent } from '../src/index.js';
import { fromPGlite, fromPgPool, openJournal, type Journal, type JournalState, type SqlDatabase } from '../src/entries/store.js';

/** The default store: an embedded PostgreSQL (PGlite) in a folder under `out/`. */
export const DEFAULT_STORE = 'pglite:out/store';

/** An open store, or none (`memory`). */
export interface DemoStore {
  /** What it is, as given (`pglite:out/store`, a URL without its password, or `memory`). */
  readonly label: string;
  /** The database, or undefined for `memory`. */
  readonly db: SqlDatabase | undefined;
  close(): Promise<void>;
}

/** Opens the store named by `--store`. */
export async function openDemoStore(spec: string): Promise<DemoStore> {
  if (spec === 'memory') return { label: 'memory', db: undefined, close: () => Promise.resolve() };
  if (spec.startsWith('pglite:')) {
    const dir = spec.slice('pglite:'.length);
    if (dir === '') throw new RangeError(`--store pglite:DIR needs a folder, as in ${DEFAULT_STORE}`);
    mkdirSync(dir, { recursive: true });
    const instance = await PGlite.create(dir);
    return { label: spec, db: fromPGlite(instance), close: () => instance.close() };
  }
  if (spec.startsWith('postgres://') || spec.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: spec, max: 2 });
    const url = new URL(spec);
    url.password = '';
    return { label: url.toString(), db: fromPgPool(pool, { copyFrom }), close: () => pool.end() };
  }
  throw new RangeError(`unknown --store '${spec}': use memory, pglite:DIR or postgres://user@host:port/db`);
}

/** The demo's journal in a store: named after the county's division code, its divisions (real or drawn) and the run's parameters. */
export function demoStream(county: County, days: number): string {
  return `c${county.divisionCode}${county.divisions === 'synthetic' ? 'syn' : 'nbs'}_s${county.seed}_x${Math.round(county.scale * 10_000)}_d${days}`;
}

/** What a run found in the store, or stored in it. */
export interface StoredRun {
  readonly state: JournalState;
  /** Events of the fortnight (the register's events left out), by type. */
  readonly byType: Map<string, number>;
  /** How long loading or storing took, ms. */
  readonly ms: number;
  /** The position of the snapshot the load started from, if any. */
  readonly snapshotAt: number | undefined;
}

const REGISTER_TYPES = ['unitsAdded', 'peopleRegistered', 'householdsRegistered', 'commandSet'];

/** The fortnight's events by type, counted by the database. */
async function typeCounts(db: SqlDatabase, stream: string): Promise<Map<string, number>> {
  // appended events are a row each; imported ones a segment of many, with the count of each type
  const r = await db.query(
    `SELECT type, sum(n)::int AS n FROM (
       SELECT type, count(*) AS n FROM frontline_events WHERE stream = $1 GROUP BY type
       UNION ALL
       SELECT t.key, sum(t.value::int) FROM frontline_segments s, jsonb_each_text(s.types) t WHERE s.stream = $1 GROUP BY t.key
     ) x WHERE type <> ALL($2::text[]) GROUP BY type`,
    [stream, REGISTER_TYPES],
  );
  return new Map((r.rows as { type: string; n: number }[]).map((x) => [x.type, x.n]));
}

/** The stored run of this county, when a previous run stored one: its latest snapshot and the events after it. */
export async function resume(store: DemoStore, stream: string): Promise<StoredRun | undefined> {
  if (store.db === undefined) return undefined;
  const t = performance.now();
  const journal = await openJournal(store.db, { stream });
  if ((await journal.position()) === 0) return undefined;
  const snapshotAt = (await journal.snapshots())[0];
  const state = await journal.load();
  return { state, byType: await typeCounts(store.db, stream), ms: performance.now() - t, snapshotAt };
}

/** Stores the register and the fortnight (one import with COPY) and a snapshot of the ledger they make. */
export async function save(store: DemoStore, stream: string, register: readonly LedgerEvent[], fortnight: readonly LedgerEvent[], ledger: Ledger): Promise<StoredRun | undefined> {
  if (store.db === undefined) return undefined;
  const t = performance.now();
  const journal: Journal = await openJournal(store.db, { stream });
  const state = await journal.import(await journal.load(), [...register, ...fortnight], { ledger });
  await journal.saveSnapshot(state);
  return { state, byType: await typeCounts(store.db, stream), ms: performance.now() - t, snapshotAt: state.position };
}
