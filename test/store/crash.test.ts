/**
 * A writer process killed with SIGKILL in the middle of a batch (its rows inserted, not committed)
 * leaves no part of the batch stored, and the next start-up rebuilds the ledger it had before.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerEvent, replay } from '../../src/index.js';
import { fromPGlite, openJournal, type JournalState, type SqlDatabase } from '../../src/entries/store.js';
import { setupEvents } from '../ledgerFixtures.js';
import { BACKENDS, newStream, type Backend } from './backends.js';
import { crashBatch } from './crashBatch.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Runs the child writer and kills it with SIGKILL once it has inserted its batch's rows. */
function killMidBatch(kind: 'pglite' | 'postgres', target: string, stream: string): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-child.ts'), kind, target, stream], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the writer never reached its batch's INSERT:\n${out}\n${err}`));
    }, 90_000);
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('@@inserted\n')) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (!out.includes('@@inserted')) reject(new Error(`the writer ended before its batch's INSERT:\n${out}\n${err}`));
      else resolve({ signal, out });
    });
  });
}

async function rowsOf(db: SqlDatabase, stream: string): Promise<number> {
  const r = await db.query(`SELECT count(*)::int AS n FROM frontline_events WHERE stream = $1`, [stream]);
  return (r.rows[0] as { n: number }).n;
}

describe.each(BACKENDS)('a writer killed mid-batch on $name', (backend: Backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('leaves no part of the batch stored; the next start-up rebuilds the same ledger as before the batch', async () => {
    const stream = newStream('k');
    let open: () => Promise<{ db: SqlDatabase; close(): Promise<void> }>;
    let target: string;
    if (backend.name === 'PGlite') {
      // PGlite is a database in a folder, used by one process at a time
      const dir = mkdtempSync(join(tmpdir(), 'frontline-crash-'));
      cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
      target = dir;
      open = async () => {
        const instance = await PGlite.create(dir);
        return { db: fromPGlite(instance), close: () => instance.close() };
      };
    } else {
      const t = await backend.fresh();
      cleanups.push(() => t.close());
      target = t.url as string;
      open = () => Promise.resolve({ db: t.db, close: () => Promise.resolve() });
    }
    let before: JournalState;
    {
      const { db, close } = await open();
      const journal = await openJournal(db, { stream });
      before = await journal.append(await journal.load(), setupEvents());
      await close();
    }
    const { signal, out } = await killMidBatch(backend.name === 'PGlite' ? 'pglite' : 'postgres', target, stream);
    expect(signal).toBe('SIGKILL');
    expect(out).toContain(`@@loaded ${before.position}`);
    expect(out).not.toContain('@@committed');
    const { db, close } = await open();
    try {
      const journal = await openJournal(db, { stream });
      expect(await journal.position()).toBe(before.position);
      expect(await rowsOf(db, stream)).toBe(before.position);
      const after = await journal.load();
      expect(after).toEqual(before);
      expect(after.ledger).toEqual(replay(setupEvents()));
      // the batch's ids were never taken: the same batch goes in now
      const batch = crashBatch();
      const done = await journal.append(after, batch);
      expect(done.position).toBe(before.position + batch.length);
      expect((await journal.load()).ledger).toEqual(replay([...setupEvents(), ...batch].map((e) => LedgerEvent.parse(e))));
    } finally {
      await close();
    }
  });
});
