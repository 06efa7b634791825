/**
 * The journal store's benchmarks, each in a fresh process (`store.bench.ts` starts them):
 *
 *   append PGURL              batches of 1,000 events (a county at scale 0.05) appended with
 *                             `journal.append` vs a plain multi-row INSERT of the same JSON rows,
 *                             on PGlite and on PostgreSQL
 *   full PGURL PGLITEDIR      the full county's fortnight: the in-memory trusted replay (baseline),
 *                             COPY import into PostgreSQL and PGlite, a snapshot 100,000 events
 *                             before the end, and the cold start (snapshot + tail) on each
 *   rebuild pg|pglite TARGET  a full rebuild from the journal alone, streamed in pages (run under
 *                             --trace-gc for the peak heap), and the heap the ledger keeps
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { countyEvents, emptyLedger, generateCounty, replay, simulateCampaigns, type Ledger, type LedgerEvent } from '../src/index.js';
import { fromPGlite, fromPgClient, openJournal, type SqlDatabase } from '../src/entries/store.js';
import { simulatedFortnight } from './fixtures.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const progress = (s: string): void => {
  process.stderr.write(`@@progress ${s}\n`);
};

/** A PostgreSQL connection as the store's database, and its client for plain statements. */
async function server(url: string): Promise<{ db: SqlDatabase; client: pg.Client }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { db: fromPgClient(client, { copyFrom }), client };
}

/** Records' counts that two ledgers must share. */
function counts(l: Ledger): Record<string, number> {
  return { events: l.eventCount, people: l.people.size, households: l.households.size, visits: l.visits.size, screenings: l.screenings.size, observations: l.observations.size, tasks: l.tasks.size };
}

export interface AppendReport {
  readonly mode: 'append';
  readonly events: number;
  readonly batch: number;
  /** Per backend: ms per batch of ours and of the plain INSERT, each batch in turn. */
  readonly backends: readonly { readonly name: string; readonly ours: number[]; readonly plain: number[]; readonly validate: number[] }[];
}

async function append(url: string): Promise<AppendReport> {
  const BATCH = 1_000;
  const BATCHES = 40;
  const county = generateCounty({ scale: 0.05 });
  const register = countyEvents(county);
  const base = replay(register, undefined, { trusted: true });
  const journal = simulateCampaigns(base);
  if (journal.length < BATCH * BATCHES) throw new Error(`append: the journal has only ${journal.length} events`);
  const backends: { name: string; ours: number[]; plain: number[]; validate: number[] }[] = [];
  for (const name of ['PGlite', 'PostgreSQL']) {
    let db: SqlDatabase;
    let plainQuery: (text: string, params: unknown[]) => Promise<unknown>;
    let close: () => Promise<void>;
    if (name === 'PGlite') {
      const instance = await PGlite.create();
      db = fromPGlite(instance);
      plainQuery = (text, params) => instance.query(text, params);
      close = () => instance.close();
    } else {
      const s = await server(url);
      db = s.db;
      plainQuery = (text, params) => s.client.query(text, params);
      close = () => s.client.end();
    }
    const stream = `bench_append_${process.pid}`;
    const j = await openJournal(db, { stream });
    let state = await j.import(await j.load(), register, { ledger: base });
    const table = `bench_plain_${process.pid}`;
    await plainQuery(
      `CREATE TABLE ${table} (stream text NOT NULL, position bigint NOT NULL, id text NOT NULL, type text NOT NULL, size integer NOT NULL, event jsonb NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (stream, position), UNIQUE (stream, id))`,
      [],
    );
    const ours: number[] = [];
    const plain: number[] = [];
    const validate: number[] = [];
    progress(`append on ${name}: ${BATCHES} batches of ${BATCH}`);
    for (let b = 0; b < BATCHES; b++) {
      const batch = journal.slice(b * BATCH, (b + 1) * BATCH);
      // the validation alone (what append does before it writes)
      let t = performance.now();
      replay(batch, state.ledger, { trusted: true });
      validate.push(performance.now() - t);
      t = performance.now();
      state = await j.append(state, batch);
      ours.push(performance.now() - t);
      // the same JSON rows, one plain multi-row INSERT on the same connection
      t = performance.now();
      const params: unknown[] = [];
      const values: string[] = [];
      for (let i = 0; i < batch.length; i++) {
        const e = batch[i] as LedgerEvent;
        const text = JSON.stringify(e);
        const k = params.length;
        params.push('plain', b * BATCH + i + 1, e.id, e.type, text.length, text);
        values.push(`($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5}, $${k + 6})`);
      }
      await plainQuery(`INSERT INTO ${table} (stream, position, id, type, size, event) VALUES ${values.join(', ')}`, params);
      plain.push(performance.now() - t);
    }
    const stored = await j.load({ snapshot: false });
    if (JSON.stringify(counts(stored.ledger)) !== JSON.stringify(counts(state.ledger))) throw new Error(`append on ${name}: the stored journal does not rebuild the ledger`);
    await close();
    backends.push({ name, ours, plain, validate });
  }
  return { mode: 'append', events: BATCH * BATCHES, batch: BATCH, backends };
}

export interface FullReport {
  readonly mode: 'full';
  readonly events: number;
  readonly register: number;
  /** The in-memory trusted replay of the same events (register, then fortnight), ms. */
  readonly replayMs: number;
  readonly counts: Record<string, number>;
  readonly tail: number;
  readonly backends: readonly {
    readonly name: string;
    readonly importMs: number;
    readonly snapshotMs: number;
    readonly snapshotRows: number;
    readonly coldStartMs: number;
    readonly agrees: boolean;
  }[];
}

async function full(url: string, pgliteDir: string): Promise<FullReport> {
  const TAIL = 100_000;
  progress('full: generating the county and simulating the fortnight');
  const { journal } = simulatedFortnight();
  const register = countyEvents(generateCounty());
  const all: readonly LedgerEvent[] = [...register, ...journal];
  gc();
  progress(`full: in-memory trusted replay of ${all.length} events`);
  let t = performance.now();
  let ledger: Ledger | undefined = replay(journal, replay(register, undefined, { trusted: true }), { trusted: true });
  const replayMs = performance.now() - t;
  const want = counts(ledger);
  const backends: FullReport['backends'][number][] = [];
  const opened: { name: string; db: SqlDatabase; close: () => Promise<void> }[] = [];
  {
    const s = await server(url);
    opened.push({ name: 'PostgreSQL', db: s.db, close: () => s.client.end() });
    const instance = await PGlite.create(pgliteDir);
    opened.push({ name: 'PGlite', db: fromPGlite(instance), close: () => instance.close() });
  }
  const importMs = new Map<string, number>();
  for (const o of opened) {
    const j = await openJournal(o.db, { stream: 'c511621' });
    if ((await j.position()) !== 0) throw new Error(`full: the journal on ${o.name} is not empty`);
    gc();
    progress(`full: COPY import of ${all.length} events into ${o.name}`);
    t = performance.now();
    await j.import({ ledger: emptyLedger(), position: 0 }, all, { ledger: ledger as Ledger });
    importMs.set(o.name, performance.now() - t);
  }
  // the ledger 100,000 events before the end, snapshotted on both
  ledger = undefined;
  gc();
  progress('full: the ledger 100,000 events before the end');
  const at = all.length - TAIL;
  let early: Ledger | undefined = replay(journal.slice(0, journal.length - TAIL), replay(register, undefined, { trusted: true }), { trusted: true });
  const snapshot = new Map<string, { ms: number; rows: number }>();
  for (const o of opened) {
    const j = await openJournal(o.db, { stream: 'c511621' });
    progress(`full: snapshot at ${at} into ${o.name}`);
    t = performance.now();
    await j.saveSnapshot({ ledger: early, position: at });
    const ms = performance.now() - t;
    const r = await o.db.query(`SELECT count(*)::int AS n FROM frontline_snapshots WHERE stream = 'c511621' AND position = $1`, [at]);
    snapshot.set(o.name, { ms, rows: (r.rows[0] as { n: number }).n });
  }
  early = undefined;
  gc();
  for (const o of opened) {
    const j = await openJournal(o.db, { stream: 'c511621' });
    gc();
    progress(`full: cold start on ${o.name} (snapshot + ${TAIL} events)`);
    t = performance.now();
    const state = await j.load();
    const coldStartMs = performance.now() - t;
    const agrees = state.position === all.length && JSON.stringify(counts(state.ledger)) === JSON.stringify(want);
    backends.push({ name: o.name, importMs: importMs.get(o.name) as number, snapshotMs: snapshot.get(o.name)?.ms as number, snapshotRows: snapshot.get(o.name)?.rows as number, coldStartMs, agrees });
    gc();
  }
  for (const o of opened) await o.close();
  return { mode: 'full', events: all.length, register: register.length, replayMs, counts: want, tail: TAIL, backends };
}

export interface RebuildReport {
  readonly mode: 'rebuild';
  readonly name: string;
  readonly ms: number;
  readonly pages: number;
  readonly counts: Record<string, number>;
  /** Heap in use after a full GC before the rebuild, and with the rebuilt ledger alone, bytes. */
  readonly heapBefore: number;
  readonly heapLedger: number;
  readonly peakHeapSampled: number;
}

async function rebuild(kind: string, target: string): Promise<RebuildReport> {
  let db: SqlDatabase;
  let close: () => Promise<void>;
  if (kind === 'pglite') {
    const instance = await PGlite.create(target);
    db = fromPGlite(instance);
    close = () => instance.close();
  } else {
    const s = await server(target);
    db = s.db;
    close = () => s.client.end();
  }
  const j = await openJournal(db, { stream: 'c511621' });
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  let pages = 0;
  progress(`rebuild on ${kind}: the journal alone, in pages`);
  const t = performance.now();
  let state: Awaited<ReturnType<typeof j.load>> | undefined = await j.load({
    snapshot: false,
    onPage: () => {
      pages++;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  const ms = performance.now() - t;
  gc();
  const heapLedger = process.memoryUsage().heapUsed - heapBefore;
  const report: RebuildReport = { mode: 'rebuild', name: kind === 'pglite' ? 'PGlite' : 'PostgreSQL', ms, pages, counts: counts(state.ledger), heapBefore, heapLedger, peakHeapSampled: peak - heapBefore };
  state = undefined;
  await close();
  return report;
}

async function main(): Promise<void> {
  const [mode, a, b] = process.argv.slice(2);
  let report: AppendReport | FullReport | RebuildReport;
  if (mode === 'append' && a !== undefined) report = await append(a);
  else if (mode === 'full' && a !== undefined && b !== undefined) report = await full(a, b);
  else if (mode === 'rebuild' && a !== undefined && b !== undefined) report = await rebuild(a, b);
  else throw new Error(`store-child: usage: append PGURL | full PGURL PGLITEDIR | rebuild pg|pglite TARGET (got ${process.argv.slice(2).join(' ')})`);
  process.stdout.write(`@@result ${JSON.stringify(report)}\n`);
}

await main();
