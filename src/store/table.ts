import { INSPECT, inspectMethod, thousands, type InspectFn, type InspectOptions } from '../internal/inspect.js';

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

/** Records a table's summary shows (see {@link showTable}). */
const SHOWN = 2;

/**
 * The prototype of the tables made here: no data, only a summary where Node prints a table
 * (`Table(1,207,809) { 'p0000001' => {…}, … }`) and immer's mark that a table may be drafted (so
 * immer's copies keep the prototype). It has no own `constructor`: a table's `constructor` is still
 * `Object`, so strict deep equality with plain JSON copies holds.
 */
const TABLE_PROTO: object = Object.create(Object.prototype, {
  [INSPECT]: { value: inspectMethod(showTable) },
  [Symbol.for('immer-draftable')]: { value: true },
});

/** @internal A table of these slots, with the table prototype (its summary where Node prints it). */
export function tableFromSlots<T>(size: number, slots: Table<T>['slots']): Table<T> {
  const t = Object.create(TABLE_PROTO) as { size: number; slots: Table<T>['slots'] };
  t.size = size;
  t.slots = slots;
  return t;
}

/** The first records of a table, in bucket order. */
function firstRecords<T>(table: Table<T>, n: number): [string, T][] {
  const out: [string, T][] = [];
  for (const level2 of table.slots) {
    if (level2 == null) continue;
    for (const level3 of level2) {
      if (level3 == null) continue;
      for (const bucket of level3) {
        if (bucket == null) continue;
        for (let i = 0; i < bucket.length && out.length < n; i += 2) out.push([bucket[i] as string, bucket[i + 1] as T]);
        if (out.length >= n) return out;
      }
    }
  }
  return out;
}

/** A table's summary: its size and first records. */
function showTable(table: Table<unknown>, depth: number, options: InspectOptions, inspect: InspectFn | undefined): string {
  const head = `Table(${thousands(table.size)})`;
  if (table.size === 0) return `${head} {}`;
  if (depth < 0 || inspect === undefined || baseOf(table) !== undefined) return `[${head}]`;
  const inner = { ...options, depth: depth === Infinity ? null : depth - 1 };
  const shown = firstRecords(table, SHOWN).map(([id, v]) => `${inspect(id, inner)} => ${inspect(v, inner)}`);
  const rest = table.size - shown.length;
  if (rest > 0) shown.push(`… ${thousands(rest)} more`);
  const oneLine = `${head} { ${shown.join(', ')} }`;
  if (!oneLine.includes('\n') && oneLine.length <= (options.breakLength ?? 80)) return oneLine;
  return `${head} {\n${shown.map((line) => `  ${line.replaceAll('\n', '\n  ')}`).join(',\n')}\n}`;
}

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
 * @returns A new, empty table.
 * @example
 * emptyTable<number>().size; // => 0
 * @category Ledger
 */
export function emptyTable<T>(): Table<T> {
  return tableFromSlots<T>(0, nullSlots());
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
  /** For a small base, its records by id, built on the first look-up (a Map look-up is cheaper). */
  small: Map<string, T> | undefined;
  /** For a big base, the records already looked up. */
  seen: Map<string, T> | undefined;
  /** Look-ups made in the base so far. */
  lookups: number;
}

/**
 * @internal While a plain replay runs: the records written by the event being handled, to be
 * frozen (with what they hold) once its recipe is done — while they are still in the cache. A
 * frozen record is copied before it is changed again. `null` outside a replay (under immer, drafts
 * are frozen by immer).
 */
let written: object[] | null = null;

/** @internal Runs `fn` while tracking written records; see {@link freezeWritten}. */
export function trackingWrites<R>(fn: () => R): R {
  const saved = written;
  written = [];
  try {
    return fn();
  } finally {
    written = saved;
  }
}

/** @internal Freezes, deeply, the records written since the last call. */
export function freezeWritten(freeze: (value: object) => void): void {
  if (written === null) return;
  for (const v of written) freeze(v);
  written.length = 0;
}

/** Bases up to this size are indexed in a Map while an overlay runs on them… */
const SMALL_BASE = 1 << 16;
/** …once the overlay has looked this many records up in it. */
const SMALL_INDEX_AFTER = 1 << 12;

function baseGet<T>(overlay: Overlay<T>, id: string): T | undefined {
  const base = overlay.base;
  if (base.size === 0) return undefined;
  if (base.size > SMALL_BASE) {
    // a big base (people, households): remember what was found, as the same ids come back
    let seen = overlay.seen;
    if (seen === undefined) {
      seen = new Map<string, T>();
      overlay.seen = seen;
    }
    const hit = seen.get(id);
    if (hit !== undefined) return hit;
    const v = lookup(base, id, hashId(id));
    if (v !== undefined) seen.set(id, v);
    return v;
  }
  // index a small base only once it pays: a short batch (apply's checks) just walks the table
  if (overlay.small === undefined && ++overlay.lookups < SMALL_INDEX_AFTER) return lookup(base, id, hashId(id));
  if (overlay.small === undefined) {
    const small = new Map<string, T>();
    tableForEach(base, (v, k) => small.set(k, v));
    overlay.small = small;
  }
  return overlay.small.get(id);
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

/** Look-up in a plain table (not an overlay). */
function lookup<T>(table: Table<T>, id: string, h: number): T | undefined {
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
 * @param table - The table.
 * @param id - The record's id.
 * @returns The record, or `undefined` when there is none.
 * @example
 * tableGet(ledger.households, 'h0000001')?.address; // => '九龙街道城北社区1组1号'
 * tableGet(ledger.households, 'h9999999'); // => undefined
 * @category Ledger
 */
export function tableGet<T>(table: Table<T>, id: string): T | undefined {
  const delta = deltaOf(table);
  if (delta !== undefined) {
    const v = delta.get(id);
    return v !== undefined ? v : baseGet(table as Overlay<T>, id);
  }
  return lookup(table, id, hashId(id));
}

/**
 * True when the table has a record with this id.
 *
 * @param table - The table.
 * @param id - The record's id.
 * @returns True when there is a record with this id.
 * @example
 * tableHas(ledger.people, 'p0000001'); // => true
 * @category Ledger
 */
export function tableHas<T>(table: Table<T>, id: string): boolean {
  return tableGet(table, id) !== undefined;
}

/** @internal An object whose top-level fields may be assigned. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
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
 * tableSet(t, 'a', 1);
 * tableGet(t, 'a'); // => 1
 * @category Ledger
 */
export function tableSet<T>(table: Table<T>, id: string, value: T): void {
  put(table, id, value, true);
}

/**
 * @internal Adds a record under a new id, in place like {@link tableSet}; returns false when the id
 * is taken (in a replay's overlay the entry may then be overwritten: a duplicate fails the run, and
 * the state is dropped). One look-up where `tableHas` then `tableSet` would take two.
 */
export function tableAdd<T>(table: Table<T>, id: string, value: T): boolean {
  return put(table, id, value, false);
}

/** Writes `value` under `id` (replacing a record only when `replace`); false when it did not write. */
function put<T>(table: Table<T>, id: string, value: T, replace: boolean): boolean {
  const t = table as unknown as MutableTable<T>;
  if (written !== null && typeof value === 'object' && value !== null) written.push(value);
  const delta = deltaOf(table);
  if (delta !== undefined) {
    const overlay = table as Overlay<T>;
    if (!replace) {
      // adding: one Map write; an id already in the overlay is overwritten, but the caller then
      // fails the whole run (a duplicate), so nothing of it is kept
      if (baseGet(overlay, id) !== undefined) return false;
      const before = delta.size;
      delta.set(id, value);
      if (delta.size === before) return false;
      t.size++;
      return true;
    }
    const inDelta = delta.has(id);
    const inBase = !inDelta && baseGet(overlay, id) !== undefined;
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
 * const t = emptyTable<{ id: string; visits: number }>(); // a fresh table being built, or a draft's
 * tableSet(t, 'h1', { id: 'h1', visits: 0 });
 * tableEdit(t, 'h1').visits += 1;
 * tableGet(t, 'h1'); // => { id: 'h1', visits: 1 }
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
    if (own !== undefined && !Object.isFrozen(own)) return own as Writable<T>;
    const value = own ?? baseGet(table as Overlay<T>, id);
    if (value === undefined) return undefined;
    // a frozen record is copied before it changes; the copy takes its place (no size change)
    const copy = { ...value };
    delta.set(id, copy);
    if (own === undefined) (table as Overlay<T>).replaced.add(id);
    written?.push(copy);
    return copy as Writable<T>;
  }
  const value = tableGet(table, id);
  // a record frozen earlier (in a replay, or an event's own object stored earlier in the same batch)
  // is copied before it changes; under immer, a record of the base is a draft and never frozen
  if (value === undefined || !Object.isFrozen(value)) return value as Writable<T> | undefined;
  const copy = { ...value };
  put(table, id, copy, true);
  return copy as Writable<T>;
}

/** @internal Freezes a plain table's slot arrays and buckets (not the records: they are frozen already). */
export function freezeStructure<T>(table: Table<T>): void {
  for (const level2 of table.slots) {
    if (level2 == null || Object.isFrozen(level2)) continue;
    for (const level3 of level2) {
      if (level3 == null || Object.isFrozen(level3)) continue;
      for (const bucket of level3) if (bucket != null) Object.freeze(bucket);
      Object.freeze(level3);
    }
    Object.freeze(level2);
  }
  Object.freeze(table.slots);
  Object.freeze(table);
}

/**
 * Calls `fn` for every record, in bucket order (stable for the same contents).
 *
 * @param table - The table.
 * @param fn - Called with each record and its id.
 * @example
 * let n = 0;
 * tableForEach(ledger.households, () => n++);
 * n; // => ledger.households.size
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
 * @param table - The table.
 * @returns A new array of its records.
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
 * A new table with the same ids, each record replaced by `fn(record, id)` (returning the record
 * itself keeps it): the slots are copied, the ids and their buckets' layout stay, so nothing is
 * rehashed. The new table is frozen; the records `fn` returns should be too.
 *
 * @param table - The table.
 * @param fn - Maps a record and its id to the new record.
 * @returns The new, frozen table.
 * @example
 * const masked = tableMap(ledger.people, (p) => (p.phone === undefined ? p : { ...p, phone: maskPhone(p.phone) }));
 * @category Ledger
 */
export function tableMap<T, U>(table: Table<T>, fn: (value: T, id: string) => U): Table<U> {
  if (baseOf(table) !== undefined) throw new Error('frontline: internal: map an overlay only after merging it');
  const slots = table.slots.map((level2) =>
    level2 == null
      ? null
      : Object.freeze(
          level2.map((level3) =>
            level3 == null
              ? null
              : Object.freeze(
                  level3.map((bucket) => {
                    if (bucket == null) return null;
                    const out: (string | U)[] = [];
                    for (let i = 0; i < bucket.length; i += 2) out.push(bucket[i] as string, fn(bucket[i + 1] as T, bucket[i] as string));
                    return Object.freeze(out);
                  }),
                ),
          ),
        ),
  );
  return Object.freeze(tableFromSlots<U>(table.size, Object.freeze(slots)));
}

/**
 * A new plain table holding the given records under their keys (a later duplicate replaces an
 * earlier one).
 *
 * @param records - The records.
 * @param key - Gives a record's id.
 * @returns The new table.
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
  const overlay: Overlay<T> = { size: base.size, slots: base.slots, base, delta: new Map(), replaced: new Set(), small: undefined, seen: undefined, lookups: 0 };
  return overlay;
}

/**
 * @internal Folds an overlay into its base: a new table sharing every untouched path with the
 * base, copying only the slots and buckets the overlay wrote to, and freezing them. The records
 * were frozen as they were written (see {@link freezeWritten}).
 */
export function mergeOverlay<T>(table: Table<T>): Table<T> {
  const delta = deltaOf(table);
  if (delta === undefined) return table;
  const { base, replaced } = table as Overlay<T>;
  const n = delta.size;
  if (n === 0) return base;
  // order the new records by bucket (a counting sort on the 18 bits that place them), so every slot
  // array and bucket is copied once and visited once, in memory order
  const ids = new Array<string>(n);
  const values = new Array<T>(n);
  const places = new Uint32Array(n);
  const counts = new Uint32Array(FAN * FAN * FAN + 1);
  let k = 0;
  for (const [id, value] of delta) {
    const h = hashId(id);
    const place = ((h & MASK) << 12) | (((h >>> 6) & MASK) << 6) | ((h >>> 12) & MASK);
    ids[k] = id;
    values[k] = value;
    places[k] = place;
    counts[place + 1] = (counts[place + 1] as number) + 1;
    k++;
  }
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const place = places[i] as number;
    order[counts[place] as number] = i;
    counts[place] = (counts[place] as number) + 1;
  }
  const slots = base.slots.slice() as MutableTable<T>['slots'];
  let l2: ((Bucket<T> | null)[] | null)[] | null = null;
  let l3: (Bucket<T> | null)[] | null = null;
  let bucket: Bucket<T> | null = null;
  let lastA = -1;
  let lastAB = -1;
  let lastPlace = -1;
  const closeBucket = (): void => {
    if (bucket !== null) Object.freeze(bucket);
  };
  const closeL3 = (): void => {
    closeBucket();
    if (l3 !== null) Object.freeze(l3);
  };
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    const place = places[i] as number;
    const a = place >>> 12;
    const ab = place >>> 6;
    const c = place & MASK;
    if (a !== lastA) {
      closeL3();
      if (l2 !== null) Object.freeze(l2);
      const old = slots[a];
      l2 = old == null ? nullSlots() : old.slice();
      slots[a] = l2;
      lastA = a;
      lastAB = -1;
      l3 = null;
      bucket = null;
    }
    if (ab !== lastAB) {
      closeL3();
      const b = ab & MASK;
      const old = (l2 as ((Bucket<T> | null)[] | null)[])[b];
      l3 = old == null ? nullSlots() : old.slice();
      (l2 as ((Bucket<T> | null)[] | null)[])[b] = l3;
      lastAB = ab;
      bucket = null;
    }
    if (place !== lastPlace) {
      closeBucket();
      const old = (l3 as (Bucket<T> | null)[])[c];
      bucket = old == null ? [] : old.slice();
      (l3 as (Bucket<T> | null)[])[c] = bucket;
      lastPlace = place;
    }
    const id = ids[i] as string;
    const value = values[i] as T;
    const b = bucket as Bucket<T>;
    const at = replaced.size > 0 && replaced.has(id) ? find(b, id) : -1;
    if (at >= 0) b[at + 1] = value;
    else b.push(id, value);
  }
  closeL3();
  if (l2 !== null) Object.freeze(l2);
  return Object.freeze(tableFromSlots<T>(table.size, Object.freeze(slots)));
}

