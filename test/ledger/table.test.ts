import { describe, expect, it } from 'vitest';
import { emptyTable, tableForEach, tableGet, tableHas, tableOf, tableValues, type Table } from '../../src/index.js';
// `tableSet` writes in place and is for effect recipes; it is not exported from the package index
import { tableSet } from '../../src/store/table.js';

interface Row {
  readonly id: string;
  readonly n: number;
}

const N = 100_000;
const rows: Row[] = Array.from({ length: N }, (_, n) => ({ id: `p${String(n).padStart(7, '0')}`, n }));
const big = tableOf(rows, (r) => r.id);

describe('emptyTable', () => {
  it('has no records', () => {
    const t = emptyTable<number>();
    expect(t.size).toBe(0);
    expect(tableGet(t, 'a')).toBeUndefined();
    expect(tableHas(t, 'a')).toBe(false);
    let calls = 0;
    tableForEach(t, () => calls++);
    expect(calls).toBe(0);
    expect(tableValues(t)).toEqual([]);
  });

  it('is plain JSON data', () => {
    const t = emptyTable<number>();
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});

describe('tableSet / tableGet / tableHas', () => {
  it('adds, finds and replaces records in place', () => {
    const t = emptyTable<string>();
    tableSet(t, 'a', 'first');
    tableSet(t, 'b', 'second');
    expect(t.size).toBe(2);
    expect(tableGet(t, 'a')).toBe('first');
    expect(tableHas(t, 'b')).toBe(true);
    expect(tableHas(t, 'c')).toBe(false);
    tableSet(t, 'a', 'again');
    expect(t.size).toBe(2);
    expect(tableGet(t, 'a')).toBe('again');
  });

  it('keeps falsy records apart from missing ones', () => {
    const t = emptyTable<number | string | boolean>();
    tableSet(t, 'zero', 0);
    tableSet(t, 'empty', '');
    tableSet(t, 'no', false);
    expect(t.size).toBe(3);
    expect(tableHas(t, 'zero')).toBe(true);
    expect(tableGet(t, 'zero')).toBe(0);
    expect(tableGet(t, 'empty')).toBe('');
    expect(tableGet(t, 'no')).toBe(false);
  });

  it('takes any string as an id', () => {
    const ids = ['', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '城北社区|h-1', 'a'.repeat(10_000), '\u0000', '😷'];
    const t = emptyTable<number>();
    ids.forEach((id, i) => tableSet(t, id, i));
    expect(t.size).toBe(ids.length);
    ids.forEach((id, i) => expect(tableGet(t, id)).toBe(i));
    expect(tableHas(t, 'valueOf')).toBe(false);
    expect(tableGet(t, 'a'.repeat(9_999))).toBeUndefined();
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});

describe(`tableOf with ${N.toLocaleString('en')} ids`, () => {
  it('holds every record: size, every id found with its record', () => {
    expect(big.size).toBe(N);
    for (const r of rows) {
      if (tableGet(big, r.id) !== r) throw new Error(`record ${r.id} not found`);
      if (!tableHas(big, r.id)) throw new Error(`tableHas(${r.id}) is false`);
    }
  });

  it('finds no id it does not hold', () => {
    for (let n = N; n < N + 10_000; n++) {
      const id = `p${String(n).padStart(7, '0')}`;
      if (tableHas(big, id) || tableGet(big, id) !== undefined) throw new Error(`${id} found`);
    }
    expect(tableHas(big, 'P0000001')).toBe(false);
    expect(tableHas(big, 'p000001')).toBe(false);
  });

  it('iterates every record exactly once, with its id', () => {
    const seen = new Set<string>();
    let calls = 0;
    tableForEach(big, (value, id) => {
      calls++;
      if (value.id !== id) throw new Error(`record ${value.id} under ${id}`);
      seen.add(id);
    });
    expect(calls).toBe(N);
    expect(seen.size).toBe(N);
    const values = tableValues(big);
    expect(values).toHaveLength(N);
    expect(new Set(values).size).toBe(N);
  });

  it('iterates in the same order for the same insertions', () => {
    const again = tableOf(rows, (r) => r.id);
    expect(tableValues(again).map((r) => r.id)).toEqual(tableValues(big).map((r) => r.id));
  });

  it('a later duplicate replaces an earlier one', () => {
    const t = tableOf([...rows.slice(0, 1000), { id: rows[5]!.id, n: -1 }], (r) => r.id);
    expect(t.size).toBe(1000);
    expect(tableGet(t, rows[5]!.id)).toEqual({ id: rows[5]!.id, n: -1 });
  });

  it('survives a JSON round trip', () => {
    const t: Table<Row> = JSON.parse(JSON.stringify(big));
    expect(t.size).toBe(N);
    expect(tableGet(t, rows[12_345]!.id)).toEqual(rows[12_345]);
    let calls = 0;
    tableForEach(t, () => calls++);
    expect(calls).toBe(N);
  });

  it('tableOf does not touch its input records', () => {
    const input = [{ id: 'x', n: 1 }];
    Object.freeze(input[0]);
    const t = tableOf(input, (r) => r.id);
    expect(tableGet(t, 'x')).toBe(input[0]);
  });
});
