/**
 * The journal store's semantics, each on PGlite and on a real PostgreSQL server: atomic batches
 * under optimistic concurrency, validation before writing, unique event ids, reads in pages,
 * snapshots, migrations and a refused newer schema, bulk import, and 8 concurrent writers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrontlineError, LedgerEvent, countyEvents, emptyLedger, generateCounty, replay, simulateCampaigns, type Ledger } from '../../src/index.js';
import { SCHEMA_VERSION, migrate, openJournal, type Journal, type JournalState } from '../../src/entries/store.js';
import { C, DAY0, H, P, at, plus, registerOf, setupEvents, tinyCounty } from '../ledgerFixtures.js';
import { BACKENDS, newStream, type TestDatabase } from './backends.js';

const HOUSEHOLDS = Object.values(H);

/** A visit that is valid on the small ledger in any order, with ids made from `tag`. */
function visit(tag: string, n: number): Record<string, unknown> {
  return {
    type: 'visitRecorded',
    id: `e-${tag}`,
    at: at(plus(DAY0, n % 10), `${String(8 + (n % 10)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`),
    by: P.mayor,
    visitId: `v-${tag}`,
    campaignId: C.dk,
    householdId: HOUSEHOLDS[n % HOUSEHOLDS.length],
    outcome: n % 3 === 0 ? 'nobodyHome' : 'screened',
    visitors: [P.wjgSec],
  };
}

/** Every stored event of a journal, read in pages. */
async function stored(journal: Journal, pageSize?: number): Promise<LedgerEvent[]> {
  const all: LedgerEvent[] = [];
  for await (const page of journal.read(0)) {
    if (pageSize !== undefined) expect(page.events.length).toBeLessThanOrEqual(pageSize);
    expect(page.to - page.from).toBe(page.events.length);
    all.push(...page.events);
  }
  return all;
}

/** The error a promise rejects with. */
async function rejection(p: Promise<unknown>): Promise<FrontlineError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError');
}

/** The events stored in a journal, appended rows and imported segments together: how many, how many distinct ids, the lowest and highest position. */
async function count(t: TestDatabase, stream: string): Promise<{ rows: number; ids: number; lo: number; hi: number }> {
  const r = await t.db.query(
    `WITH all_events AS (
       SELECT position, id FROM frontline_events WHERE stream = $1
       UNION ALL
       SELECT s.first + e.ord - 1, e.value->>'id' FROM frontline_segments s, jsonb_array_elements(s.events::jsonb) WITH ORDINALITY AS e(value, ord) WHERE s.stream = $1
     )
     SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids, min(position)::int AS lo, max(position)::int AS hi FROM all_events`,
    [stream],
  );
  return r.rows[0] as { rows: number; ids: number; lo: number; hi: number };
}

describe.each(BACKENDS)('the journal store on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.fresh();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates its schema (a version table) and a partition per journal; a new journal is empty', async () => {
    const stream = newStream();
    const journal = await openJournal(t.db, { stream });
    expect(await journal.position()).toBe(0);
    const state = await journal.load();
    expect(state.position).toBe(0);
    expect(state.ledger).toEqual(emptyLedger());
    const version = await t.db.query(`SELECT version FROM frontline_schema`);
    expect(version.rows).toEqual([{ version: SCHEMA_VERSION }]);
    const partitions = await t.db.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'frontline_events' AND c.relname = $1`,
      [`frontline_events_${stream}`],
    );
    expect(partitions.rows).toHaveLength(1);
    // opening again changes nothing
    expect(await migrate(t.db)).toBe(SCHEMA_VERSION);
    expect(await (await openJournal(t.db, { stream })).position()).toBe(0);
  });

  it('refuses a journal name that is not a division code or a plain name', async () => {
    const e = await rejection(openJournal(t.db, { stream: "x'; DROP TABLE frontline_events; --" }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues[0]?.path).toEqual(['stream']);
  });

  it('appends a batch atomically and reads it back in order, in pages of bounded size', async () => {
    const journal = await openJournal(t.db, { stream: newStream(), pageSize: 7 });
    const setup = setupEvents();
    let state = await journal.append(await journal.load(), setup);
    expect(state.position).toBe(setup.length);
    const visits = Array.from({ length: 30 }, (_, i) => visit(`a${i}`, i));
    state = await journal.append(state, visits);
    expect(state.position).toBe(setup.length + 30);
    expect(await journal.position()).toBe(state.position);
    const all = await stored(journal, 7);
    expect(all).toEqual([...setup, ...visits].map((e) => LedgerEvent.parse(e)));
    expect(state.ledger).toEqual(replay([...setup, ...visits]));
    expect((await journal.load()).ledger).toEqual(state.ledger);
    // a page holds at least one event, however small its character budget
    const tiny = await openJournal(t.db, { stream: journal.stream, pageChars: 1 });
    let pages = 0;
    for await (const page of tiny.read(setup.length)) {
      expect(page.events).toHaveLength(1);
      pages++;
    }
    expect(pages).toBe(30);
    // from a position, up to a position
    const some: LedgerEvent[] = [];
    for await (const page of journal.read(setup.length + 10, setup.length + 12)) some.push(...page.events);
    expect(some.map((e) => e.id)).toEqual(['e-a10', 'e-a11']);
  });

  it('validates before writing: a refused batch writes nothing and says why, with paths', async () => {
    const stream = newStream();
    const journal = await openJournal(t.db, { stream });
    const state = await journal.append(await journal.load(), setupEvents());
    const before = await count(t, stream);
    const bad = [visit('ok', 1), { ...visit('b1', 2), householdId: 'h-nowhere' }, { ...visit('b2', 3), outcome: 'screend' }];
    const e = await rejection(journal.append(state, bad));
    expect(e.code).toBe('invalid_input');
    expect(e.issues.map((i) => i.path)).toEqual([
      [2, 'outcome'],
      [1, 'householdId'],
    ]);
    const refusedAs = await rejection(journal.append(state, [visit('as', 1)], { actor: { personId: P.cbSec, role: 'villageWorker', unitId: 'cb' } as never }));
    expect(refusedAs.code).toBe('not_authorized');
    expect(await count(t, stream)).toEqual(before);
    expect(await journal.position()).toBe(state.position);
  });

  it('optimistic concurrency: a writer whose position is stale gets `conflict`, catches up and retries', async () => {
    const stream = newStream();
    const a = await openJournal(t.db, { stream });
    const other = await t.connection();
    try {
      const b = await openJournal(other.db, { stream });
      const start = await a.append(await a.load(), setupEvents());
      const seenByB = await b.load();
      expect(seenByB).toEqual(start);
      const afterA = await a.append(start, [visit('first', 1)]);
      const e = await rejection(b.append(seenByB, [visit('second', 2)]));
      expect(e.code).toBe('conflict');
      expect(e.issues[0]).toMatchObject({ path: ['position'], code: 'stale_position' });
      expect(e.message).toContain(`is at position ${afterA.position}, not ${start.position}`);
      expect(await a.position()).toBe(afterA.position);
      // re-read and retry
      const caught = await b.catchUp(seenByB);
      expect(caught).toEqual(afterA);
      const done = await b.append(caught, [visit('second', 2)]);
      expect(done.position).toBe(afterA.position + 1);
      // appendWithRetry does the same by itself
      let conflicts = 0;
      const again = await a.appendWithRetry(afterA, () => [visit('third', 3)], { onConflict: () => conflicts++ });
      expect(conflicts).toBe(1);
      expect(again.position).toBe(done.position + 1);
      expect(again.ledger).toEqual(replay((await stored(a)) as unknown[]));
    } finally {
      await other.close();
    }
  });

  it('announces each append on the channel frontline_events once it is committed (LISTEN instead of polling)', async () => {
    const stream = newStream();
    const journal = await openJournal(t.db, { stream });
    const heard: string[] = [];
    const stop = await t.listen('frontline_events', (payload) => heard.push(payload));
    try {
      const state = await journal.append(await journal.load(), setupEvents());
      await rejection(journal.append(state, [{ ...visit('bad', 1), householdId: 'h-nowhere' }]));
      const next = await journal.append(state, [visit('n1', 1)]);
      for (let i = 0; i < 50 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual([`${stream}:${state.position}`, `${stream}:${next.position}`]);
    } finally {
      await stop();
    }
  });

  it('event ids are unique in a journal by a database constraint', async () => {
    const stream = newStream();
    const journal = await openJournal(t.db, { stream });
    const setup = await journal.append(await journal.load(), setupEvents());
    const once = await journal.append(setup, [visit('dup', 1)]);
    // a writer whose ledger lacks the stored event but whose position is current: the constraint refuses it
    const forged: JournalState = { ledger: setup.ledger, position: once.position };
    const e = await rejection(journal.append(forged, [visit('dup', 1)]));
    expect(e.code).toBe('conflict');
    expect(e.issues[0]?.code).toBe('duplicate_event');
    expect(await journal.position()).toBe(once.position);
    expect(await count(t, stream)).toEqual({ rows: once.position, ids: once.position, lo: 1, hi: once.position });
    // and straight in SQL
    await expect(
      t.db.query(`INSERT INTO frontline_events (stream, position, id, type, size, event) VALUES ($1, $2, 'e-dup', 'visitRecorded', 2, '{}')`, [stream, once.position + 1]),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('snapshots: stored with their position, in chunks; start-up is the latest snapshot and the tail', async () => {
    const stream = newStream();
    const journal = await openJournal(t.db, { stream });
    let state = await journal.append(await journal.load(), setupEvents());
    state = await journal.append(state, Array.from({ length: 20 }, (_, i) => visit(`s${i}`, i)));
    await journal.saveSnapshot(state);
    const snapshotAt = state.position;
    state = await journal.append(state, Array.from({ length: 5 }, (_, i) => visit(`t${i}`, i)));
    expect(await journal.snapshots()).toEqual([snapshotAt]);
    const chunks = await t.db.query(`SELECT count(*)::int AS n FROM frontline_snapshots WHERE stream = $1 AND position = $2`, [stream, snapshotAt]);
    expect((chunks.rows[0] as { n: number }).n).toBeGreaterThan(25);
    let pages = 0;
    const loaded = await journal.load({ onPage: () => pages++ });
    expect(pages).toBe(1); // only the tail was read
    expect(loaded).toEqual(state);
    expect(Object.isFrozen(loaded.ledger.visits)).toBe(true);
    expect(await journal.load({ snapshot: false })).toEqual(state);
    // a snapshot with no tail after it, and pruning to the latest `keep`
    await journal.saveSnapshot(state, { keep: 1 });
    expect(await journal.snapshots()).toEqual([state.position]);
    expect(await journal.load()).toEqual(state);
    // a state beyond the journal is not a snapshot of it
    const e = await rejection(journal.saveSnapshot({ ...state, position: state.position + 1 }));
    expect(e.issues[0]?.code).toBe('beyond_journal');
  });

  it('imports a whole journal in one transaction (COPY where the driver has it), validated unless the ledger is given', async () => {
    const county = tinyCounty(generateCounty({ seed: 11, scale: 0.02 }), 2);
    const { register, base } = registerOf(county);
    const journal = await openJournal(t.db, { stream: newStream() });
    let state = await journal.import(await journal.load(), register);
    expect(state.position).toBe(register.length);
    expect(state.ledger).toEqual(base);
    const fortnight = simulateCampaigns(base, { days: 3, seed: 5 });
    const next = replay(fortnight, base);
    state = await journal.import(state, fortnight, { ledger: next, batchSize: 1_000 });
    expect(state.position).toBe(register.length + fortnight.length);
    const loaded = await journal.load();
    expect(loaded.position).toBe(state.position);
    expect(loaded.ledger).toEqual(next);
    // a refused import writes nothing
    const e = await rejection(journal.import(state, [{ ...fortnight[0], id: 'e-new' } as unknown]));
    expect(e.code).toBe('invalid_input');
    expect(await journal.position()).toBe(state.position);
    // an imported event's id is refused in a later append, as an appended one's is
    const again = await rejection(journal.append(state, [fortnight[0] as unknown]));
    expect(again.issues.some((i) => i.code === 'duplicate_event')).toBe(true);
  });

  it('reads imported segments and appended rows as one journal, in order, in pages of any size across their bounds', async () => {
    const county = tinyCounty(generateCounty({ seed: 12, scale: 0.02 }), 2);
    const { register, base } = registerOf(county);
    const fortnight = simulateCampaigns(base, { days: 2, seed: 9 });
    const stream = newStream();
    const journal = await openJournal(t.db, { stream });
    // imported in segments of 7, then appended rows, then imported again
    const cut = Math.floor(fortnight.length / 2);
    let state = await journal.import(await journal.load(), register, { batchSize: 7 });
    state = await journal.append(state, fortnight.slice(0, 25));
    state = await journal.import(state, fortnight.slice(25, cut), { batchSize: 7 });
    state = await journal.append(state, fortnight.slice(cut));
    const all = [...register, ...fortnight].map((e) => LedgerEvent.parse(e));
    expect(await count(t, stream)).toEqual({ rows: all.length, ids: all.length, lo: 1, hi: all.length });
    for (const pageSize of [1, 5, 7, 50, 20_000]) {
      const paged = await openJournal(t.db, { stream, pageSize });
      const events: LedgerEvent[] = [];
      let at = 0;
      for await (const page of paged.read()) {
        expect(page.from).toBe(at);
        expect(page.to - page.from).toBe(page.events.length);
        expect(page.events.length).toBeGreaterThan(0);
        expect(page.events.length).toBeLessThanOrEqual(pageSize);
        events.push(...page.events);
        at = page.to;
      }
      expect(events).toEqual(all);
      // a window of the journal
      const window: LedgerEvent[] = [];
      for await (const page of paged.read(3, 40)) window.push(...page.events);
      expect(window).toEqual(all.slice(3, 40));
    }
    expect((await journal.load({ snapshot: false })).ledger).toEqual(state.ledger);
  });

  it('8 writers on separate connections append 10,000 events with retries: none lost, none twice, the ledger equals a serial replay', async () => {
    // a small county (40 households a village, about 4,000 in all) and its door-knocking campaign
    const county = tinyCounty(generateCounty({ seed: 3, scale: 0.02 }), 40);
    const by = county.command.headquarters.commander;
    const root = county.units[0]?.id as string;
    const opened = { type: 'campaignOpened', id: 'dk-open', at: at(DAY0, '08:00'), by, campaignId: 'dk', kind: 'doorKnocking', name: '入户敲门', ownerUnitId: root, covers: [root], startDay: DAY0 };
    const stream = newStream('c');
    const journal = await openJournal(t.db, { stream });
    const setup = await journal.import(await journal.load(), [...countyEvents(county), opened]);
    const WRITERS = 8;
    const PER_WRITER = 1_250;
    const BATCH = 250;
    const households = county.households;
    const visitOf = (w: number, n: number): Record<string, unknown> => {
      const h = households[(w * PER_WRITER + n) % households.length] as (typeof households)[number];
      return { type: 'visitRecorded', id: `e-w${w}-${n}`, at: at(plus(DAY0, n % 10)), by, visitId: `v-w${w}-${n}`, campaignId: 'dk', householdId: h.id, outcome: n % 4 === 0 ? 'nobodyHome' : 'screened', visitors: [by] };
    };
    const connections = await Promise.all(Array.from({ length: WRITERS }, () => t.connection()));
    let conflicts = 0;
    try {
      await Promise.all(
        connections.map(async (c, w) => {
          const j = await openJournal(c.db, { stream });
          // every writer starts from what it read (the same state); a conflict makes it read again
          let state = setup;
          for (let n = 0; n < PER_WRITER; n += BATCH) {
            const batch = Array.from({ length: BATCH }, (_, k) => visitOf(w, n + k));
            state = await j.appendWithRetry(state, () => batch, { retries: 1_000, onConflict: () => conflicts++ });
          }
        }),
      );
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
    const total = WRITERS * PER_WRITER;
    expect(conflicts).toBeGreaterThan(0);
    expect(await journal.position()).toBe(setup.position + total);
    expect(await count(t, stream)).toEqual({ rows: setup.position + total, ids: setup.position + total, lo: 1, hi: setup.position + total });
    const events = await stored(journal);
    const ids = new Set<string>(events.map((e) => e.id));
    expect(ids.size).toBe(events.length);
    for (let w = 0; w < WRITERS; w++) for (let n = 0; n < PER_WRITER; n++) if (!ids.has(`e-w${w}-${n}`)) expect.fail(`lost e-w${w}-${n}`);
    const serial: Ledger = replay(events as unknown[]);
    expect((await journal.load()).ledger).toEqual(serial);
  });

  it('refuses a database written by a newer version, clearly, and changes nothing', async () => {
    const own = await backend.fresh();
    try {
      await openJournal(own.db, { stream: 'yc' });
      await own.db.query(`UPDATE frontline_schema SET version = $1`, [SCHEMA_VERSION + 1]);
      const e = await rejection(openJournal(own.db, { stream: 'yc' }));
      expect(e.code).toBe('unsupported_version');
      expect(e.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
      expect(e.issues[0]?.message).toContain('upgrade frontline');
      expect((await rejection(migrate(own.db))).code).toBe('unsupported_version');
      const version = await own.db.query(`SELECT version FROM frontline_schema`);
      expect(version.rows).toEqual([{ version: SCHEMA_VERSION + 1 }]);
    } finally {
      await own.close();
    }
  });
});
