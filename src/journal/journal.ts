import { FrontlineError, type Issue } from '../core/errors.js';
import type { Actor } from '../store/actor.js';
import { apply, applyAs, replay, tryReplay } from '../ledger/apply.js';
import { LedgerEvent } from '../ledger/events.js';
import { emptyLedger, type Ledger } from '../ledger/ledger.js';
import { createStream, migrateIn } from './schema.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import type { SqlDatabase, SqlQueryable, SqlTransaction } from './sql.js';

/**
 * A ledger together with the position of the journal it was built from: how many of the journal's
 * events it holds. Every write names the position its writer read; the store refuses it when the
 * journal has moved on since.
 *
 * @example
 * const state: JournalState = await store.load();
 * state.position; // => 100 (the county's registration)
 * state.ledger.eventCount; // => 100
 * @category Store
 */
export interface JournalState {
  /** The ledger of the journal's first `position` events. */
  readonly ledger: Ledger;
  /** How many events of the journal the ledger holds. */
  readonly position: number;
}

/**
 * A page of a journal read in order: the events at positions `from + 1 … to`.
 *
 * @example
 * const pages: JournalPage[] = [];
 * for await (const page of store.read()) pages.push(page);
 * pages.map((page) => [page.from, page.to, page.events.length]); // => [[0, 100, 100]]
 * @category Store
 */
export interface JournalPage {
  /** The position before the page's first event. */
  readonly from: number;
  /** The position of the page's last event. */
  readonly to: number;
  /** The events, as stored (each was validated when it was appended). */
  readonly events: readonly LedgerEvent[];
}

/**
 * Options of {@link openJournal}.
 *
 * @example
 * const paged = await openJournal(db, { stream: store.stream, pageSize: 40 }); // the journal of `store`, in pages of 40
 * const bounds: number[][] = [];
 * for await (const page of paged.read()) bounds.push([page.from, page.to]);
 * bounds; // => [[0, 40], [40, 80], [80, 100]]
 * @category Store
 */
export interface JournalOptions {
  /**
   * The journal: a county's division code (GB/T 2260, such as `511621`), or any name of lowercase
   * letters, digits and `_` (at most 40). Each journal is a partition of the events table.
   */
  readonly stream: string;
  /** Events per page when reading (default 20,000). */
  readonly pageSize?: number;
  /** At most about this many characters of event JSON per page (default 16 MiB; a page holds at least one event). */
  readonly pageChars?: number;
}

/**
 * Options of {@link Journal.append}.
 *
 * @example
 * const opened = { type: 'campaignOpened', id: 'e1', at: '2020-01-25T08:00:00+08:00', by: 'p0000002', campaignId: 'dk-2020', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-25' };
 * const worker = { personId: 'p0028490', role: 'villageWorker', unitId: 'yc.v119212' } as const; // of 吴家沟村
 * const state = await store.load();
 * await store.append(state, [{ ...opened, by: 'p0028490' }], { actor: worker }); // throws: rejected the event
 * const hq = { personId: 'p0000002', role: 'headquarters', unitId: 'yc' } as const; // the commander
 * (await store.append(state, [opened], { actor: hq })).ledger.campaigns.size; // => 1
 * @category Store
 */
export interface AppendOptions {
  /** Record on behalf of this actor: the events are checked with `applyAs` instead of `apply`. */
  readonly actor?: Actor;
}

/**
 * Options of {@link Journal.appendWithRetry}.
 *
 * @example
 * const opened = { type: 'campaignOpened', id: 'e1', at: '2020-01-25T08:00:00+08:00', by: 'p0000002', campaignId: 'dk-2020', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-25' };
 * const state = await store.load();
 * await store.append(state, [opened]); // another writer appends first
 * let conflicts = 0;
 * const build = (ledger: Ledger) => [{ ...opened, id: `e${ledger.eventCount + 1}`, campaignId: 'hp-2020', kind: 'homePrevention', name: '居家防控行动' }];
 * const next = await store.appendWithRetry(state, build, { retries: 3, onConflict: () => conflicts++ });
 * [conflicts, next.position]; // => [1, 102]
 * @category Store
 */
export interface RetryOptions extends AppendOptions {
  /** How many times to catch up and retry after a conflict (default 10); then the conflict is thrown. */
  readonly retries?: number;
  /** Called on each conflict, before catching up. */
  readonly onConflict?: (error: FrontlineError, attempt: number) => void;
}

/**
 * Options of {@link Journal.load} and {@link Journal.catchUp}.
 *
 * @example
 * let pages = 0;
 * const state = await store.load({ snapshot: false, onPage: () => pages++ }); // from the journal alone
 * [state.position, pages]; // => [100, 1]
 * @category Store
 */
export interface LoadOptions {
  /** Start from the latest snapshot (default true); false rebuilds from the journal alone. */
  readonly snapshot?: boolean;
  /**
   * Replay the stored events without shape validation (default true: every stored event was
   * validated before it was written). References are checked either way.
   */
  readonly trusted?: boolean;
  /** Called after each page is applied, for progress. */
  readonly onPage?: (page: JournalPage) => void;
}

/**
 * Options of {@link Journal.import}.
 *
 * @example
 * const yuechi = await openJournal(db, { stream: '511621' });
 * const events = journal.map((e) => LedgerEvent.parse(e)); // parsed, as a ledger holds them
 * const state = await yuechi.import(await yuechi.load(), events, { ledger: replay(events), batchSize: 50 }); // checked once, by replay
 * state.position; // => 100
 * @category Store
 */
export interface ImportOptions {
  /**
   * The ledger the events make on `state.ledger`, when the caller has built it already (with
   * `replay`, which validates): the events are then not checked again. They must be the parsed
   * events, as the ledger holds them.
   */
  readonly ledger?: Ledger;
  /**
   * Events per stored segment (default 2,000): an import stores its events as segments, a row of
   * the `frontline_segments` table each (a run of positions and its events as one JSON array),
   * with `COPY` where the driver has it. Readers see the same events in the same order as appended ones.
   */
  readonly batchSize?: number;
}

/**
 * Options of {@link Journal.saveSnapshot}.
 *
 * @example
 * const opened = { type: 'campaignOpened', id: 'e1', at: '2020-01-25T08:00:00+08:00', by: 'p0000002', campaignId: 'dk-2020', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-25' };
 * let state = await store.load();
 * await store.saveSnapshot(state);
 * state = await store.append(state, [opened]);
 * await store.saveSnapshot(state, { keep: 1 });
 * await store.snapshots(); // => [101] (the one at 100 dropped)
 * @category Store
 */
export interface SnapshotOptions {
  /** How many snapshots of the journal to keep, the latest ones (default 2). */
  readonly keep?: number;
}

/**
 * A county's journal in a PostgreSQL database (a server through node-postgres, or PGlite): events
 * appended in validated, atomic batches under optimistic concurrency, read back in pages, and
 * snapshots of the ledger at a position. Made by {@link openJournal}.
 *
 * @example
 * const yuechi = await openJournal(db, { stream: '511621' }); // 岳池县, a new journal
 * let state = await yuechi.load(); // the latest snapshot and the events after it: none yet
 * state = await yuechi.import(state, journal); // the county's registration
 * await yuechi.saveSnapshot(state);
 * (await yuechi.load()).position; // => 100 (from the snapshot)
 * @category Store
 */
export interface Journal {
  /** The journal's name (the county's division code). */
  readonly stream: string;
  /**
   * How many events the journal holds now.
   *
   * @returns The journal's position: the number of its events.
   * @throws The database's error when the query fails.
   * @example
   * await store.position(); // => 100
   */
  position(): Promise<number>;
  /**
   * Validates a batch against `state.ledger` (as `apply`, or `applyAs` with an actor) and stores it
   * atomically, only if the journal is still at `state.position`; returns the new state. A refused
   * batch throws a {@link FrontlineError} (`invalid_input`) and writes nothing; when another writer
   * appended first, it throws one with code `conflict` and writes nothing: catch up and retry (see
   * {@link Journal.appendWithRetry}). An empty batch writes nothing.
   *
   * @param state - The state the writer read: its ledger checks the batch, its position must still be the journal's.
   * @param events - The batch, as received (checked here).
   * @param options - {@link AppendOptions}: the actor to check the events as.
   * @returns The state after the batch (`state` itself for an empty batch).
   * @throws A {@link FrontlineError}: `invalid_input` for a refused batch or actor, `conflict` when the journal moved on since `state` (nothing is written either way); `TypeError` when `events` is not an array.
   * @example
   * const opened = { type: 'campaignOpened', id: 'e1', at: '2020-01-25T08:00:00+08:00', by: 'p0000002', campaignId: 'dk-2020', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-25' };
   * const before = await store.load();
   * const after = await store.append(before, [opened]);
   * [before.position, after.position]; // => [100, 101]
   * await store.append(before, [{ ...opened, id: 'e2', campaignId: 'cl-2020' }]); // throws: moved on
   */
  append(state: JournalState, events: readonly unknown[], options?: AppendOptions): Promise<JournalState>;
  /**
   * {@link Journal.append} with retries: `build(ledger)` makes the batch from the current ledger;
   * on a conflict the state catches up with the journal and `build` runs again on the new ledger.
   *
   * @param state - The state the writer holds.
   * @param build - Makes the batch from a ledger: from `state.ledger` first, then from the ledger caught up after each conflict.
   * @param options - {@link RetryOptions}: the actor, how many retries, a callback on each conflict.
   * @returns The state after the batch.
   * @throws A {@link FrontlineError}: `invalid_input` for a refused batch or actor; `conflict` after `retries` conflicts in a row; whatever `build` throws.
   * @example
   * const opened = (ledger: Ledger) => [{ type: 'campaignOpened', id: `e${ledger.eventCount + 1}`, at: '2020-01-25T08:00:00+08:00', by: 'p0000002', campaignId: 'dk-2020', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-25' }];
   * const state = await store.appendWithRetry(await store.load(), opened);
   * state.ledger.campaigns.size; // => 1
   */
  appendWithRetry(state: JournalState, build: (ledger: Ledger) => readonly unknown[], options?: RetryOptions): Promise<JournalState>;
  /**
   * Bulk import: stores a whole journal (or a long batch) in one transaction, under the same
   * position check as `append`, as segments of events (a row per 2,000 events, written with `COPY`
   * when the database offers it): a county's fortnight of 1.5 million events is stored in seconds
   * where a row per event would take minutes. Validated by `replay` unless `options.ledger` is
   * given; the ledger's check of event ids keeps them unique in the journal.
   *
   * @param state - The state the writer read (the empty ledger at position 0 for a new journal).
   * @param events - The events, in order.
   * @param options - {@link ImportOptions}: the ledger the events make, if built already; events per statement.
   * @returns The state after the events.
   * @throws A {@link FrontlineError}: `invalid_input` listing the problems of the events, `conflict` when the journal moved on since `state` (nothing is written either way); `RangeError` for an invalid `batchSize`.
   * @example
   * const yuechi = await openJournal(db, { stream: '511621' });
   * const state = await yuechi.import(await yuechi.load(), journal);
   * state.ledger.households.size; // => county.households.length
   */
  import(state: JournalState, events: readonly unknown[], options?: ImportOptions): Promise<JournalState>;
  /**
   * Reads the events after position `from` (exclusive) in pages, in order: a read model or another
   * process catches up from the position it holds. Pages are bounded by events and characters, so
   * no string grows near Node's limit.
   *
   * @param from - The position to read after (default 0: from the first event).
   * @param to - The last position to read (default: to the end).
   * @returns The pages, in order, as an async iterable (`for await`).
   * @throws The database's error when a query fails.
   * @example
   * const types: string[] = [];
   * for await (const page of store.read(98)) types.push(...page.events.map((e) => e.type));
   * types; // => ['householdsRegistered', 'commandSet'] (positions 99 and 100)
   */
  read(from?: number, to?: number): AsyncIterable<JournalPage>;
  /**
   * Applies the events stored after `state.position` to `state.ledger`, page by page.
   *
   * @param state - The state to bring up to date.
   * @param options - {@link LoadOptions} (`snapshot` aside): `trusted`, and `onPage` for progress.
   * @returns The state at the journal's position.
   * @throws A {@link FrontlineError}: `invalid_input` when the stored events do not apply to `state.ledger` (a state of another journal).
   * @example
   * const opened = { type: 'campaignOpened', id: 'e1', at: '2020-01-25T08:00:00+08:00', by: 'p0000002', campaignId: 'dk-2020', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-25' };
   * const mine = await store.load();
   * await store.append(mine, [opened]); // another writer
   * const state = await store.catchUp(mine); // as after a conflict
   * [state.position, state.ledger.campaigns.size]; // => [101, 1]
   */
  catchUp(state: JournalState, options?: LoadOptions): Promise<JournalState>;
  /**
   * Start-up: the latest snapshot (if any) and the events after it, read in pages; the empty
   * ledger at position 0 for a new journal.
   *
   * @param options - {@link LoadOptions}: whether to start from the latest snapshot, `trusted`, `onPage`.
   * @returns The state at the journal's position.
   * @throws A {@link FrontlineError}: `invalid_input` when the stored events do not apply (a database written by other means).
   * @example
   * const state = await store.load(); // no snapshot yet: the journal's 100 events
   * await store.saveSnapshot(state);
   * (await store.load()).ledger; // => state.ledger (read back from the snapshot)
   */
  load(options?: LoadOptions): Promise<JournalState>;
  /**
   * Stores the ledger at its position (in chunks, in one transaction) and drops older snapshots
   * beyond `keep`. The state must be one of this journal's: at most at its position.
   *
   * @param state - The state to store: a ledger of this journal and its position.
   * @param options - {@link SnapshotOptions}: how many snapshots to keep.
   * @throws A {@link FrontlineError}: `invalid_input` when `state.position` is beyond the journal's; `RangeError` for an invalid `keep`.
   * @example
   * await store.saveSnapshot(await store.load());
   * await store.snapshots(); // => [100]
   */
  saveSnapshot(state: JournalState, options?: SnapshotOptions): Promise<void>;
  /**
   * The positions of the stored snapshots, latest first.
   *
   * @returns The positions, latest first (empty when there is none).
   * @throws The database's error when the query fails.
   * @example
   * await store.snapshots(); // => [] (none saved yet)
   */
  snapshots(): Promise<number[]>;
}

/** The name a notification of new events is sent on: `NOTIFY frontline_events, '<stream>:<position>'`. */
const CHANNEL = 'frontline_events';
const STREAM = /^[a-z0-9_]{1,40}$/;
/** Events per INSERT statement in an append. */
const INSERT_BATCH = 5_000;

/** @internal The events of a batch, parsed (normalized) as the ledger holds them, and the ledger they make. */
function validate(ledger: Ledger, events: readonly unknown[], actor: Actor | undefined): { next: Ledger; parsed: LedgerEvent[] } {
  if (!Array.isArray(events)) throw new TypeError('frontline: events must be an array');
  const parsed: LedgerEvent[] = [];
  for (const raw of events) {
    const r = LedgerEvent.safeParse(raw);
    if (!r.success) break;
    parsed.push(r.data);
  }
  if (parsed.length < events.length) {
    // a shape problem: the validating path names every problem of the batch, and throws
    if (actor === undefined) apply(ledger, events);
    else applyAs(actor, ledger, events);
    throw new FrontlineError('invalid_input', 'rejected a batch whose events do not parse', []);
  }
  // parsed just now: only the references are left to check. Without an actor, the bulk driver
  // (replay onto the ledger: the same checks and recipes, and a ledger equal to apply's) is the
  // faster one for a batch; a refused batch is checked again by apply for apply's own error.
  if (actor !== undefined) return { next: applyAs(actor, ledger, parsed, { trusted: true }), parsed };
  const r = tryReplay(parsed, ledger, { trusted: true });
  if (r.ok) return { next: r.value, parsed };
  apply(ledger, events);
  throw r.error;
}

/** @internal A number from a bigint column (a string in node-postgres, a number or bigint in PGlite). */
function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

/** @internal The conflict error: the journal is not where the writer read it. */
function conflict(stream: string, expected: number, found: number): FrontlineError {
  const issue: Issue = {
    path: ['position'],
    code: 'stale_position',
    message: `the journal '${stream}' is at position ${found}, not ${expected}: another writer appended first; catch up and retry`,
  };
  return new FrontlineError('conflict', `the journal '${stream}' moved on; nothing was written`, [issue]);
}

/** @internal Moves the stream's position from `expected` to `next`, or throws a conflict. */
async function advance(tx: SqlTransaction, stream: string, expected: number, next: number): Promise<void> {
  // the row lock makes concurrent appends to one journal wait for each other; the loser sees the
  // winner's position once it commits and updates nothing
  const r = await tx.query(`UPDATE frontline_streams SET position = $3 WHERE stream = $1 AND position = $2 RETURNING position`, [stream, expected, next]);
  if (r.rows.length === 1) return;
  const now = await tx.query(`SELECT position FROM frontline_streams WHERE stream = $1`, [stream]);
  throw conflict(stream, expected, num((now.rows[0] as { position: unknown } | undefined)?.position ?? 0));
}

/** @internal A unique violation (two writers storing the same event id or position) as a conflict. */
function asConflict(e: unknown, stream: string, expected: number): unknown {
  if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505')
    return new FrontlineError('conflict', `the journal '${stream}' already holds an event of the batch; nothing was written`, [
      { path: ['id'], code: 'duplicate_event', message: `${String((e as { detail?: unknown }).detail ?? (e as Error).message)} (expected position ${expected})` },
    ]);
  return e;
}

/** @internal Inserts events (as JSON texts) at positions `from + 1 …` with multi-row INSERTs. */
async function insertEvents(tx: SqlTransaction, stream: string, from: number, texts: readonly string[], batch: number): Promise<void> {
  for (let start = 0; start < texts.length; start += batch) {
    const part = texts.slice(start, start + batch);
    await tx.query(
      `INSERT INTO frontline_events (stream, position, id, type, size, event)
       SELECT $1, $2::bigint + t.ord, t.e->>'id', t.e->>'type', ($4::int[])[t.ord], t.e
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(e, ord)`,
      [stream, from + start, `[${part.join(',')}]`, part.map((s) => s.length)],
    );
  }
}

/** @internal A segment of events at positions `first … last`: the counts of its event types and its JSON array. */
interface Segment {
  readonly first: number;
  readonly last: number;
  readonly types: string;
  readonly events: string;
}

/** @internal The segments of `events` (stored from position `from + 1`), `size` events each, made one at a time. */
function* segmentsOf(from: number, events: readonly LedgerEvent[], size: number): Generator<Segment> {
  for (let start = 0; start < events.length; start += size) {
    const part = events.slice(start, start + size);
    const types: Record<string, number> = {};
    for (const e of part) types[e.type] = (types[e.type] ?? 0) + 1;
    yield { first: from + start + 1, last: from + start + part.length, types: JSON.stringify(types), events: JSON.stringify(part) };
  }
}

/** @internal COPY text format: backslash, tab, newline and carriage return escaped (JSON text has only the backslash). */
function copyText(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/** @internal The COPY data of the segments of `events`: a row (and a chunk) a segment. */
function* segmentRows(stream: string, from: number, events: readonly LedgerEvent[], size: number): Generator<string> {
  for (const g of segmentsOf(from, events, size)) yield `${stream}\t${g.first}\t${g.last}\t${copyText(g.types)}\t${g.events.length}\t${copyText(g.events)}\n`;
}

/** @internal Inserts the segments of `events` one statement each, for a driver without COPY. */
async function insertSegments(tx: SqlTransaction, stream: string, from: number, events: readonly LedgerEvent[], size: number): Promise<void> {
  for (const g of segmentsOf(from, events, size))
    await tx.query(`INSERT INTO frontline_segments (stream, first, last, types, size, events) VALUES ($1, $2, $3, $4::jsonb, $5, $6)`, [stream, g.first, g.last, g.types, g.events.length, g.events]);
}

/**
 * Opens (and creates when needed) a county's journal in a PostgreSQL database: creates or migrates
 * the store's tables (a newer schema is refused with code `unsupported_version`), and the journal's
 * partition. `db` is any {@link SqlDatabase}: a PGlite instance as it is, node-postgres through
 * {@link fromPgPool} or {@link fromPgClient}. The library adds no driver of its own.
 *
 * Guarantees: a batch is stored whole or not at all (one transaction); it is stored only if the
 * journal is still at the position its writer read (else code `conflict`: a row lock and a check
 * in the database), so positions run 1, 2, 3, … with no gap; the events were validated against the
 * ledger of the position before them, which refuses an event id it holds, so ids are unique in a
 * journal (appended rows also under a unique constraint). A notification `'<stream>:<position>'`
 * on channel `frontline_events` follows each append (`LISTEN frontline_events`).
 *
 * In an app, `db` is a PGlite database kept in a folder, `fromPGlite(await PGlite.create('data/store'))`
 * (`PGlite` of `@electric-sql/pglite`), or a server's, `fromPgPool(new pg.Pool({ connectionString }))`.
 *
 * @param db - The database: a PGlite instance, or any {@link SqlDatabase}.
 * @param options - {@link JournalOptions}: the journal's name, and the size of the pages it is read in.
 * @returns The journal.
 * @throws A {@link FrontlineError}: `invalid_input` for an invalid journal name, `unsupported_version` for a database written by a newer version of the library; `RangeError` for an invalid `pageSize` or `pageChars`.
 * @example
 * const yuechi = await openJournal(db, { stream: '511621' }); // created on first use
 * let state = await yuechi.load(); // a new journal: the empty ledger at position 0
 * state = await yuechi.append(state, journal); // the county's registration
 * await yuechi.position(); // => 100
 * await openJournal(db, { stream: '岳池县' }); // throws: invalid journal name
 * @category Store
 */
export async function openJournal(db: SqlDatabase, options: JournalOptions): Promise<Journal> {
  const stream = options.stream;
  if (typeof stream !== 'string' || !STREAM.test(stream))
    throw new FrontlineError('invalid_input', 'invalid journal name', [
      { path: ['stream'], code: 'invalid_stream', message: `a journal is named by 1 to 40 lowercase letters, digits or '_' (a division code such as '511621'), not ${JSON.stringify(stream)}` },
    ]);
  const pageSize = options.pageSize ?? 20_000;
  const pageChars = options.pageChars ?? 16 * 2 ** 20;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`frontline: pageSize must be a positive integer, not ${pageSize}`);
  if (!(pageChars > 0)) throw new RangeError(`frontline: pageChars must be positive, not ${pageChars}`);
  await db.transaction(async (tx) => {
    await migrateIn(tx);
    await createStream(tx, stream);
  });

  const positionOf = async (sql: SqlQueryable): Promise<number> => {
    const r = await sql.query(`SELECT position FROM frontline_streams WHERE stream = $1`, [stream]);
    return num((r.rows[0] as { position: unknown } | undefined)?.position ?? 0);
  };

  /** A page of event rows after `at`, up to `last` (bounded by `pageSize` and `pageChars`), or undefined when there is none. */
  async function rowPage(at: number, last: number): Promise<JournalPage | undefined> {
    // the page's bound first (positions and sizes only), then its events as one JSON array
    const r = await db.query(
      `WITH w AS (
         SELECT position, sum(size) OVER (ORDER BY position) - size AS before
         FROM (SELECT position, size FROM frontline_events WHERE stream = $1 AND position > $2 AND position <= $3 ORDER BY position LIMIT $4) p
       ), bound AS (SELECT max(position) AS last FROM w WHERE before < $5)
       SELECT (SELECT last FROM bound)::float8 AS last,
              (SELECT '[' || string_agg(e.event::text, ',' ORDER BY e.position) || ']' FROM frontline_events e
               WHERE e.stream = $1 AND e.position > $2 AND e.position <= (SELECT last FROM bound)) AS events`,
      [stream, at, last, pageSize, pageChars],
    );
    const row = r.rows[0] as { last: unknown; events: string | null } | undefined;
    if (row === undefined || row.last === null || row.events === null) return undefined;
    return { from: at, to: num(row.last), events: JSON.parse(row.events) as LedgerEvent[] };
  }

  async function* read(from = 0, to = Number.MAX_SAFE_INTEGER): AsyncGenerator<JournalPage> {
    let at = from;
    while (at < to) {
      const limit = Math.min(to, at + pageSize);
      // the segments of bulk imports in (at, limit]; event rows fill the positions between them
      const r = await db.query(
        `SELECT first::float8 AS first, last::float8 AS last, size, events FROM frontline_segments
         WHERE stream = $1 AND last > $2 AND first <= $3 ORDER BY first`,
        [stream, at, limit],
      );
      const segments = r.rows as { first: unknown; last: unknown; size: unknown; events: string }[];
      const next = segments[0];
      if (next === undefined || num(next.first) > at + 1) {
        const page = await rowPage(at, next === undefined ? limit : num(next.first) - 1);
        if (page === undefined) return;
        yield page;
        at = page.to;
        continue;
      }
      // consecutive segments from at + 1, as many as the page's bounds allow (at least one event)
      const events: LedgerEvent[] = [];
      let chars = 0;
      for (const g of segments) {
        const first = num(g.first);
        const last = Math.min(num(g.last), limit);
        if (first > at + events.length + 1 || (events.length > 0 && chars >= pageChars)) break;
        const all = JSON.parse(g.events) as LedgerEvent[];
        const part = all.slice(at + events.length + 1 - first, last - first + 1);
        chars += (num(g.size) * part.length) / all.length;
        for (const e of part) events.push(e);
      }
      yield { from: at, to: at + events.length, events };
      at += events.length;
    }
  }

  async function catchUp(state: JournalState, opts: LoadOptions = {}): Promise<JournalState> {
    const trusted = opts.trusted ?? true;
    let { ledger, position } = state;
    let fresh = position === 0 && ledger.eventCount === 0;
    for await (const page of read(position)) {
      ledger = fresh ? replay(page.events, undefined, { trusted }) : replay(page.events, ledger, { trusted });
      fresh = false;
      position = page.to;
      opts.onPage?.(page);
    }
    return { ledger, position };
  }

  async function snapshots(): Promise<number[]> {
    const r = await db.query(
      `SELECT DISTINCT position::float8 AS position FROM frontline_snapshots
       WHERE stream = $1 AND position <= (SELECT position FROM frontline_streams WHERE stream = $1) ORDER BY 1 DESC`,
      [stream],
    );
    return (r.rows as { position: unknown }[]).map((x) => num(x.position));
  }

  async function load(opts: LoadOptions = {}): Promise<JournalState> {
    const at = opts.snapshot === false ? undefined : (await snapshots())[0];
    if (at === undefined) return catchUp({ ledger: emptyLedger(), position: 0 }, opts);
    const base = await readSnapshot(db, stream, at);
    const state = await catchUp({ ledger: base, position: at }, opts);
    // a snapshot read back is plain data: the replay of an empty tail freezes it as a ledger
    return state.position === at ? { ledger: replay([], base, { trusted: true }), position: at } : state;
  }

  async function append(state: JournalState, events: readonly unknown[], opts: AppendOptions = {}): Promise<JournalState> {
    const { next, parsed } = validate(state.ledger, events, opts.actor);
    if (parsed.length === 0) return state;
    const texts = parsed.map((e) => JSON.stringify(e));
    const position = state.position + parsed.length;
    try {
      await db.transaction(async (tx) => {
        await advance(tx, stream, state.position, position);
        await insertEvents(tx, stream, state.position, texts, INSERT_BATCH);
        await tx.query(`SELECT pg_notify($1, $2)`, [CHANNEL, `${stream}:${position}`]);
      });
    } catch (e) {
      throw asConflict(e, stream, state.position);
    }
    return { ledger: next, position };
  }

  async function appendWithRetry(state: JournalState, build: (ledger: Ledger) => readonly unknown[], opts: RetryOptions = {}): Promise<JournalState> {
    const retries = opts.retries ?? 10;
    let current = state;
    for (let attempt = 0; ; attempt++) {
      try {
        return await append(current, build(current.ledger), opts);
      } catch (e) {
        if (!(e instanceof FrontlineError) || e.code !== 'conflict' || attempt >= retries) throw e;
        opts.onConflict?.(e, attempt + 1);
        current = await catchUp(current);
      }
    }
  }

  async function importEvents(state: JournalState, events: readonly unknown[], opts: ImportOptions = {}): Promise<JournalState> {
    const batch = opts.batchSize ?? 2_000;
    if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`frontline: batchSize must be a positive integer, not ${batch}`);
    let parsed: readonly LedgerEvent[];
    let next: Ledger;
    if (opts.ledger !== undefined) {
      parsed = events as readonly LedgerEvent[];
      next = opts.ledger;
    } else {
      const checked: LedgerEvent[] = [];
      for (const raw of events) {
        const r = LedgerEvent.safeParse(raw);
        if (!r.success) break;
        checked.push(r.data);
      }
      const fresh = state.position === 0 && state.ledger.eventCount === 0;
      // a shape problem: the validating replay names every problem, and throws
      if (checked.length < events.length) replay(events, fresh ? undefined : state.ledger);
      next = replay(checked, fresh ? undefined : state.ledger, { trusted: true });
      parsed = checked;
    }
    if (parsed.length === 0) return state;
    const position = state.position + parsed.length;
    try {
      await db.transaction(async (tx) => {
        await advance(tx, stream, state.position, position);
        if (tx.copyFrom !== undefined)
          await tx.copyFrom(`COPY frontline_segments (stream, first, last, types, size, events) FROM STDIN`, segmentRows(stream, state.position, parsed, batch));
        else await insertSegments(tx, stream, state.position, parsed, batch);
        await tx.query(`SELECT pg_notify($1, $2)`, [CHANNEL, `${stream}:${position}`]);
      });
    } catch (e) {
      throw asConflict(e, stream, state.position);
    }
    return { ledger: next, position };
  }

  async function saveSnapshot(state: JournalState, opts: SnapshotOptions = {}): Promise<void> {
    const keep = opts.keep ?? 2;
    if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`frontline: keep must be a positive integer, not ${keep}`);
    await db.transaction(async (tx) => {
      const now = await positionOf(tx);
      if (state.position > now)
        throw new FrontlineError('invalid_input', `a snapshot of '${stream}' at position ${state.position}: the journal holds only ${now} events`, [
          { path: ['position'], code: 'beyond_journal', message: `position ${state.position} is beyond the journal's ${now}: is the state from another journal?` },
        ]);
      await tx.query(`DELETE FROM frontline_snapshots WHERE stream = $1 AND position = $2`, [stream, state.position]);
      await writeSnapshot(tx, stream, state.position, state.ledger);
      await tx.query(
        `DELETE FROM frontline_snapshots WHERE stream = $1 AND position NOT IN (
           SELECT DISTINCT position FROM frontline_snapshots WHERE stream = $1 ORDER BY position DESC LIMIT $2)`,
        [stream, keep],
      );
    });
  }

  return {
    stream,
    position: () => positionOf(db),
    append,
    appendWithRetry,
    import: importEvents,
    read,
    catchUp,
    load,
    saveSnapshot,
    snapshots,
  };
}
