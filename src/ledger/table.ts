/**
 * A large keyed collection shaped for cheap immutable updates: records sit in 64 × 64 × 64 hash
 * buckets, so writing one record copies three 64-slot arrays and one bucket of a few records, never
 * the whole collection, so an immer update stays cheap at county scale. Plain JSON data: empty slots
 * are `null`. Read it with {@link tableGet}, {@link tableForEach} and {@link tableValues}.
 *
 * @example
 * const t = tableOf([{ id: 'a', n: 1 }], (r) => r.id);
 * tableGet(t, 'a'); // => { id: 'a', n: 1 }
 * @category Ledger
 */
export interface Table<T> {
  /** The number of records. */
  readonly size: number;
  /** Three levels of 64 slots; a bucket lists ids and records in turn: `[id, record, id, record, …]`. */
  readonly slots: readonly (readonly (readonly (readonly (string | T)[] | null)[] | null)[] | null)[];
}

const FAN = 64;
const MASK = FAN - 1;

/** @internal FNV-1a hash of an id. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A table with no records.
 *
 * @example
 * emptyTable<number>().size; // => 0
 * @category Ledger
 */
export function emptyTable<T>(): Table<T> {
  return { size: 0, slots: new Array<null>(FAN).fill(null) };
}

function bucketOf<T>(table: Table<T>, id: string): readonly (string | T)[] | null | undefined {
  const h = hashId(id);
  return table.slots[h & MASK]?.[(h >>> 6) & MASK]?.[(h >>> 12) & MASK];
}

function find(bucket: readonly unknown[], id: string): number {
  for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === id) return i;
  return -1;
}

/**
 * The record with this id, or `undefined`.
 *
 * @example
 * tableGet(ledger.households, 'h0000001'); // => the household, or undefined
 * @category Ledger
 */
export function tableGet<T>(table: Table<T>, id: string): T | undefined {
  const bucket = bucketOf(table, id);
  if (bucket == null) return undefined;
  const i = find(bucket, id);
  return i < 0 ? undefined : (bucket[i + 1] as T);
}

/**
 * True when the table has a record with this id.
 *
 * @example
 * tableHas(ledger.people, 'p0000001'); // => true
 * @category Ledger
 */
export function tableHas<T>(table: Table<T>, id: string): boolean {
  const bucket = bucketOf(table, id);
  return bucket != null && find(bucket, id) >= 0;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type Bucket<T> = (string | T)[];
type MutableTable<T> = { size: number; slots: (((Bucket<T> | null)[] | null)[] | null)[] };

/**
 * @internal While a plain replay runs onto a base, the objects it may change in place: the slot
 * arrays, buckets and records it created or already copied; everything else is shared with the
 * base and copied on first write. `null` under immer (drafts copy on write by themselves) and when
 * a replay starts from nothing (every object is its own).
 */
let owned: Set<object> | null = null;

/** @internal Runs `fn` with copy-on-write of base records (plain replay onto a base). */
export function withCopyOnWrite<R>(fn: () => R): R {
  const saved = owned;
  owned = new Set();
  try {
    return fn();
  } finally {
    owned = saved;
  }
}

/**
 * Writes a record into a table **in place**: for use inside an effect recipe, on an immer draft or
 * on a fresh plain table being built. Never call it on a ledger you hold: use `apply`. Recipes
 * replace a record's nested arrays (`r.list = [...r.list, x]`) rather than push into them, so that a
 * plain replay onto a base never touches the base.
 *
 * @example
 * const t = emptyTable<number>();
 * tableSet(t, 'a', 1); // t now holds a → 1
 * @category Ledger
 */
export function tableSet<T>(table: Table<T>, id: string, value: T): void {
  const t = table as unknown as MutableTable<T>;
  const h = hashId(id);
  const a = h & MASK;
  const b = (h >>> 6) & MASK;
  const c = (h >>> 12) & MASK;
  let level2 = t.slots[a];
  if (level2 == null) {
    level2 = new Array<null>(FAN).fill(null);
    t.slots[a] = level2;
    owned?.add(level2);
  } else if (owned !== null && !owned.has(level2)) {
    level2 = level2.slice();
    t.slots[a] = level2;
    owned.add(level2);
  }
  let level3 = level2[b];
  if (level3 == null) {
    level3 = new Array<null>(FAN).fill(null);
    level2[b] = level3;
    owned?.add(level3);
  } else if (owned !== null && !owned.has(level3)) {
    level3 = level3.slice();
    level2[b] = level3;
    owned.add(level3);
  }
  let bucket = level3[c];
  if (bucket == null) {
    const created = [id, value];
    level3[c] = created;
    owned?.add(created);
    t.size++;
    if (owned !== null && typeof value === 'object' && value !== null) owned.add(value);
    return;
  }
  if (owned !== null && !owned.has(bucket)) {
    bucket = bucket.slice();
    level3[c] = bucket;
    owned.add(bucket);
  }
  const i = find(bucket, id);
  if (i < 0) {
    bucket.push(id, value);
    t.size++;
  } else bucket[i + 1] = value;
  if (owned !== null && typeof value === 'object' && value !== null) owned.add(value);
}

/**
 * The record with this id, for changing in place inside an effect recipe (a draft under immer, the
 * record itself when building plain state). Throws when there is none: recipes run after checks.
 *
 * @example
 * const h = tableEdit(draft.households, 'h0000001');
 * @category Ledger
 */
export function tableEdit<T extends object>(table: Table<T>, id: string): Writable<T> {
  const value = tableGet(table, id);
  if (value === undefined) throw new Error(`frontline: internal: no record '${id}' to edit`);
  if (owned !== null && !owned.has(value)) {
    const copy = { ...value };
    tableSet(table, id, copy);
    return copy as Writable<T>;
  }
  return value as Writable<T>;
}

/**
 * Calls `fn` for every record, in bucket order (stable for the same contents).
 *
 * @example
 * let n = 0;
 * tableForEach(ledger.households, () => n++);
 * @category Ledger
 */
export function tableForEach<T>(table: Table<T>, fn: (value: T, id: string) => void): void {
  for (const level2 of table.slots) {
    if (level2 == null) continue;
    for (const level3 of level2) {
      if (level3 == null) continue;
      for (const bucket of level3) {
        if (bucket == null) continue;
        for (let i = 0; i < bucket.length; i += 2) fn(bucket[i + 1] as T, bucket[i] as string);
      }
    }
  }
}

/**
 * Every record, as an array (in bucket order).
 *
 * @example
 * tableValues(ledger.campaigns).map((c) => c.kind);
 * @category Ledger
 */
export function tableValues<T>(table: Table<T>): T[] {
  const out: T[] = [];
  tableForEach(table, (v) => out.push(v));
  return out;
}

/**
 * A new plain table holding the given records under their keys (a later duplicate replaces an
 * earlier one).
 *
 * @example
 * tableOf([{ id: 'a' }], (r) => r.id).size; // => 1
 * @category Ledger
 */
export function tableOf<T>(records: Iterable<T>, key: (record: T) => string): Table<T> {
  const t = emptyTable<T>();
  for (const r of records) tableSet(t, key(r), r);
  return t;
}

/** @internal A copy of a table's top level for a copy-on-write run: deeper levels are copied when written. */
export function copyTable<T>(table: Table<T>): Table<T> {
  const copy = { size: table.size, slots: table.slots.slice() };
  owned?.add(copy.slots);
  return copy;
}

export type { Writable };
