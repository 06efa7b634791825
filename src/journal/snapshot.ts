import { FrontlineError } from '../core/errors.js';
import { TABLE_NAMES, ledgerObject, type Ledger } from '../ledger/ledger.js';
import { tableFromSlots, type Table } from '../store/table.js';
import type { SqlQueryable, SqlTransaction } from './sql.js';

/**
 * A ledger is plain JSON data, but a whole county's is about 750 MB of it: more than the longest
 * string Node builds. A snapshot is stored in chunks: each table as its size (part -1) and one row
 * per non-empty top-level slot (parts 0 … 63, each about 1/64 of the table), every other field as
 * one row (part 0).
 */
const TABLES = new Set<string>(TABLE_NAMES);

/** One stored chunk of a snapshot. */
interface Chunk {
  readonly field: string;
  readonly part: number;
  readonly data: string;
}

/** @internal The chunks of a ledger, made one at a time (only one chunk's JSON is alive at once). */
function* chunksOf(ledger: Ledger): Generator<Chunk> {
  for (const [field, value] of Object.entries(ledger)) {
    if (TABLES.has(field)) {
      const table = value as Table<unknown>;
      yield { field, part: -1, data: JSON.stringify({ size: table.size, slots: table.slots.length }) };
      for (let i = 0; i < table.slots.length; i++) {
        const slot = table.slots[i];
        if (slot !== null && slot !== undefined) yield { field, part: i, data: JSON.stringify(slot) };
      }
    } else yield { field, part: 0, data: JSON.stringify(value) };
  }
}

/** Rows per INSERT and characters per INSERT while writing a snapshot. */
const WRITE_ROWS = 200;
const WRITE_CHARS = 16 * 2 ** 20;

/** @internal Writes a ledger's chunks at a position, in multi-row INSERTs of bounded size. */
export async function writeSnapshot(tx: SqlTransaction, stream: string, position: number, ledger: Ledger): Promise<number> {
  let params: unknown[] = [];
  let values: string[] = [];
  let chars = 0;
  let rows = 0;
  const flush = async (): Promise<void> => {
    if (values.length === 0) return;
    await tx.query(`INSERT INTO frontline_snapshots (stream, position, field, part, data) VALUES ${values.join(', ')}`, params);
    params = [];
    values = [];
    chars = 0;
  };
  for (const chunk of chunksOf(ledger)) {
    const k = params.length;
    params.push(stream, position, chunk.field, chunk.part, chunk.data);
    values.push(`($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5})`);
    chars += chunk.data.length;
    rows++;
    if (values.length >= WRITE_ROWS || chars >= WRITE_CHARS) await flush();
  }
  await flush();
  return rows;
}

/** Rows per page while reading a snapshot back. */
const READ_ROWS = 16;

/**
 * @internal Reads the snapshot at a position back into a ledger (plain, not frozen yet), a page
 * of chunks at a time.
 */
export async function readSnapshot(sql: SqlQueryable, stream: string, position: number): Promise<Ledger> {
  const out: Record<string, unknown> = {};
  let lastField = '';
  let lastPart = -2;
  for (;;) {
    const r = await sql.query(
      `SELECT field, part, data FROM frontline_snapshots
       WHERE stream = $1 AND position = $2 AND (field, part) > ($3, $4)
       ORDER BY field, part LIMIT $5`,
      [stream, position, lastField, lastPart, READ_ROWS],
    );
    const rows = r.rows as readonly { field: string; part: number; data: string }[];
    for (const row of rows) {
      const part = Number(row.part);
      const value: unknown = JSON.parse(row.data);
      if (TABLES.has(row.field)) {
        if (part === -1) {
          const head = value as { size: number; slots: number };
          out[row.field] = tableFromSlots(head.size, new Array<null>(head.slots).fill(null));
        } else ((out[row.field] as { slots: unknown[] }).slots[part] = value);
      } else out[row.field] = value;
      lastField = row.field;
      lastPart = part;
    }
    if (rows.length < READ_ROWS) break;
  }
  if (out['version'] !== 1)
    throw new FrontlineError('unsupported_version', `the snapshot of '${stream}' at position ${position} is not a ledger this version reads`, [
      { path: ['snapshot', 'version'], code: 'unsupported_version', message: `ledger version ${JSON.stringify(out['version'])}; this version of frontline reads version 1` },
    ]);
  return ledgerObject(out) as unknown as Ledger;
}
