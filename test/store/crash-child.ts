/**
 * A writer that is killed in the middle of a batch (by `crash.test.ts`): it opens the journal,
 * reads it, and appends a batch; once the batch's rows are inserted, before COMMIT, it prints
 * `@@inserted` and waits to be killed.
 *
 *   node --import tsx test/store/crash-child.ts pglite DIR STREAM
 *   node --import tsx test/store/crash-child.ts postgres URL STREAM
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPGlite, fromPgClient, openJournal, type SqlDatabase, type SqlTransaction } from '../../src/entries/store.js';
import { crashBatch } from './crashBatch.js';

const [kind, target, stream] = process.argv.slice(2) as [string, string, string];

async function open(): Promise<SqlDatabase> {
  if (kind === 'pglite') return fromPGlite(await PGlite.create(target));
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  return fromPgClient(client);
}

/** The database, with a pause after the events' INSERT, inside the append's transaction. */
function pausing(db: SqlDatabase): SqlDatabase {
  return {
    query: (text, params) => db.query(text, params),
    transaction: (fn) =>
      db.transaction((tx) => {
        const paused: SqlTransaction = {
          async query(text, params) {
            const r = await tx.query(text, params);
            if (text.includes('INSERT INTO frontline_events')) {
              process.stdout.write('@@inserted\n');
              setInterval(() => undefined, 1_000); // keeps the process alive until it is killed
              await new Promise(() => undefined);
            }
            return r;
          },
        };
        return fn(paused);
      }),
  };
}

const journal = await openJournal(pausing(await open()), { stream });
const state = await journal.load();
process.stdout.write(`@@loaded ${state.position}\n`);
await journal.append(state, crashBatch());
process.stdout.write('@@committed\n'); // never reached
