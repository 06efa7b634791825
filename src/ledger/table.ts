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

/**
 * 64 empty slots as a packed array: `new Array(64)` would be holey, and freezing a holey array
 * turns it into a slow dictionary.
 */
function nullSlots(): null[] {
  const slots: null[] = [];
  for (let i = 0; i < FAN; i++) slots.push(null);
  return slots;
}

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
  return { size: 0, slots: nullSlots() };
}

/**
 * @internal While a plain replay runs onto a base ledger, each of its tables is an overlay: new and
 * changed records go into the overlay's own slots, reads fall through to the base, and
 * {@link mergeOverlay} folds the overlay into a copy of the base's paths at the end. The base is
 * never touched, and nothing needs to track which objects are whose.
 */
interface Overlay<T> extends Table<T> {
  readonly base: Table<T>;
  /** New and changed records, by id. */
  readonly delta: Map<string, T>;
  /** Ids of `delta` that replace a record of the base (the others are new). */
  readonly replaced: Set<string>;
}

function baseOf<T>(table: Table<T>): Table<T> | undefined {
  return (table as Partial<Overlay<T>>).base;
}

function deltaOf<T>(table: Table<T>): Map<string, T> | undefined {
  return (table as Partial<Overlay<T>>).delta;
}

function bucketOf<T>(table: Table<T>, h: number): readonly (string | T)[] | null | undefined {
  return table.slots[h & MASK]?.[(h >>> 6) & MASK]?.[(h >>> 12) & MASK];
}

function find(bucket: readonly unknown[], id: string): number {
  for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === id) return i;
  return -1;
}

function lookup<T>(table: Table<T>, id: string, h: number): T | undefined {
  const delta = deltaOf(table);
  if (delta !== undefined) {
    const v = delta.get(id);
    return v !== undefined ? v : lookup((table as Overlay<T>).base, id, h);
  }
  const bucket = bucketOf(table, h);
  if (bucket != null) {
    const i = find(bucket, id);
    if (i >= 0) return bucket[i + 1] as T;
  }
  return undefined;
}

/**
 * The record with this id, or `undefined`.
 *
 * @example
 * tableGet(ledger.households, 'h0000001'); // => the household, or undefined
 * @category Ledger
 */
export function tableGet<T>(table: Table<T>, id: string): T | undefined {
  const delta = deltaOf(table);
  if (delta !== undefined) {
    const v = delta.get(id);
    if (v !== undefined) return v;
    const base = (table as Overlay<T>).base;
    return base.size === 0 ? undefined : lookup(base, id, hashId(id));
  }
  return lookup(table, id, hashId(id));
}

/**
 * True when the table has a record with this id.
 *
 * @example
 * tableHas(ledger.people, 'p0000001'); // => true
 * @category Ledger
 */
export function tableHas<T>(table: Table<T>, id: string): boolean {
  return tableGet(table, id) !== undefined;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type Bucket<T> = (string | T)[];
type MutableTable<T> = { size: number; slots: (((Bucket<T> | null)[] | null)[] | null)[] };

/**
 * Writes a record into a table **in place**: for use inside an effect recipe, on an immer draft or
 * on a fresh plain table being built. Never call it on a ledger you hold: use `apply`. Recipes
 * replace a record's nested arrays (`r.list = [...r.list, x]`) rather than push into them, so that a
 * plain replay onto a base never touches the base's records.
 *
 * @example
 * const t = emptyTable<number>();
 * tableSet(t, 'a', 1); // t now holds a → 1
 * @category Ledger
 */
export function tableSet<T>(table: Table<T>, id: string, value: T): void {
  put(table, id, value, true);
}

/**
 * @internal Adds a record under a new id, in place like {@link tableSet}; returns false, changing
 * nothing, when the id is taken. One look-up where `tableHas` then `tableSet` would take two.
 */
export function tableAdd<T>(table: Table<T>, id: string, value: T): boolean {
  return put(table, id, value, false);
}

/** Writes `value` under `id` (replacing a record only when `replace`); false when it did not write. */
function put<T>(table: Table<T>, id: string, value: T, replace: boolean): boolean {
  const t = table as unknown as MutableTable<T>;
  const delta = deltaOf(table);
  if (delta !== undefined) {
    const overlay = table as Overlay<T>;
    const inDelta = delta.has(id);
    const inBase = !inDelta && tableGet(overlay.base, id) !== undefined;
    if (!replace && (inDelta || inBase)) return false;
    delta.set(id, value);
    if (inBase) overlay.replaced.add(id);
    else if (!inDelta) t.size++;
    return true;
  }
  const h = hashId(id);
  const a = h & MASK;
  const b = (h >>> 6) & MASK;
  let level2 = t.slots[a];
  if (level2 == null) {
    level2 = nullSlots();
    t.slots[a] = level2;
  }
  let level3 = level2[b];
  if (level3 == null) {
    level3 = nullSlots();
    level2[b] = level3;
  }
  const c = (h >>> 12) & MASK;
  const bucket = level3[c];
  if (bucket == null) level3[c] = [id, value];
  else {
    const i = find(bucket, id);
    if (i >= 0) {
      if (!replace) return false;
      bucket[i + 1] = value;
      return true;
    }
    bucket.push(id, value);
  }
  t.size++;
  return true;
}

/**
 * The record with this id, for changing in place inside an effect recipe (a draft under immer, the
 * record itself when building plain state, a copy when the record belongs to the base of a replay).
 * Throws when there is none: recipes run after checks.
 *
 * @example
 * const h = tableEdit(draft.households, 'h0000001');
 * @category Ledger
 */
export function tableEdit<T extends object>(table: Table<T>, id: string): Writable<T> {
  const found = tableEditIfAny(table, id);
  if (found === undefined) throw new Error(`frontline: internal: no record '${id}' to edit`);
  return found;
}

/** @internal {@link tableEdit}, or `undefined` when there is no such record. */
export function tableEditIfAny<T extends object>(table: Table<T>, id: string): Writable<T> | undefined {
  const delta = deltaOf(table);
  if (delta !== undefined) {
    const own = delta.get(id);
    if (own !== undefined) return own as Writable<T>;
    const value = tableGet((table as Overlay<T>).base, id);
    if (value === undefined) return undefined;
    const copy = { ...value };
    delta.set(id, copy);
    (table as Overlay<T>).replaced.add(id);
    return copy as Writable<T>;
  }
  return tableGet(table, id) as Writable<T> | undefined;
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
  if (baseOf(table) !== undefined) throw new Error('frontline: internal: iterate an overlay only after merging it');
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

/** @internal An empty overlay on a base table (for a plain replay onto a base). */
export function overlayOf<T>(base: Table<T>): Table<T> {
  const overlay: Overlay<T> = { size: base.size, slots: base.slots, base, delta: new Map(), replaced: new Set() };
  return overlay;
}

/**
 * @internal Folds an overlay into its base: a new table sharing every untouched path with the
 * base, copying only the slots and buckets the overlay wrote to. Everything new is frozen as it is
 * placed (`freezeRecord` freezes a record with what it holds), so the result is frozen throughout.
 */
export function mergeOverlay<T>(table: Table<T>, freezeRecord: (record: T) => void): Table<T> {
  const delta = deltaOf(table);
  if (delta === undefined) return table;
  const { base, replaced } = table as Overlay<T>;
  if (delta.size === 0) return base;
  // which slot arrays and buckets this merge already copied, by position
  const copied2 = new Uint8Array(FAN);
  const copied3 = new Uint8Array(FAN * FAN);
  const copiedBucket = new Uint8Array(FAN * FAN * FAN);
  const slots = base.slots.slice() as MutableTable<T>['slots'];
  for (const [id, value] of delta) {
    freezeRecord(value);
    const h = hashId(id);
    const a = h & MASK;
    const b = (h >>> 6) & MASK;
    const c = (h >>> 12) & MASK;
    let level2 = slots[a];
    if (copied2[a] === 0) {
      level2 = level2 == null ? nullSlots() : level2.slice();
      copied2[a] = 1;
      slots[a] = level2;
    }
    const l2 = level2 as (Bucket<T> | null)[][];
    const ab = a * FAN + b;
    let level3 = l2[b];
    if (copied3[ab] === 0) {
      level3 = level3 == null ? nullSlots() : level3.slice();
      copied3[ab] = 1;
      l2[b] = level3;
    }
    const l3 = level3 as (Bucket<T> | null)[];
    const abc = ab * FAN + c;
    let bucket = l3[c];
    if (copiedBucket[abc] === 0) {
      bucket = bucket == null ? [] : bucket.slice();
      copiedBucket[abc] = 1;
      l3[c] = bucket;
    }
    const bk = bucket as Bucket<T>;
    const i = replaced.has(id) ? find(bk, id) : -1;
    if (i >= 0) bk[i + 1] = value;
    else bk.push(id, value);
  }
  // freeze what was copied: every bucket, then the slot arrays holding them
  for (let a = 0; a < FAN; a++) {
    if (copied2[a] === 0) continue;
    const l2 = slots[a] as (Bucket<T> | null)[][];
    for (let b = 0; b < FAN; b++) {
      if (copied3[a * FAN + b] === 0) continue;
      const l3 = l2[b] as (Bucket<T> | null)[];
      for (let c = 0; c < FAN; c++) if (copiedBucket[(a * FAN + b) * FAN + c] === 1) Object.freeze(l3[c]);
      Object.freeze(l3);
    }
    Object.freeze(l2);
  }
  return Object.freeze({ size: table.size, slots: Object.freeze(slots) });
}

export type { Writable };
