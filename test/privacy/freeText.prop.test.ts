import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  emptyLedger,
  makeResidentId,
  maskPhone,
  maskResidentId,
  redact,
  sensitiveFields,
  tableGet,
  tableOf,
  type Day,
  type Ledger,
  type RedactionPolicyInput,
  type Table,
} from '../../src/index.js';
import { RECORD_SCHEMAS } from '../../src/privacy/redact.js';

/**
 * The free-text property of `redact`: a resident id or a mobile number typed anywhere into any
 * free-text field of any table is gone from the copy. The fields are those the record schemas mark
 * `freeText`, table by table; each table gets one record carrying the text in every such field.
 */

/** Every table with free text, and the paths of its free-text fields (`'*'`: each element). */
const TEXT_TABLES = Object.entries(RECORD_SCHEMAS)
  .map(([table, schema]) => [table, sensitiveFields(schema).filter((f) => f.sensitivity === 'freeText').map((f) => f.path)] as const)
  .filter(([, paths]) => paths.length > 0);

/** A record with `text` at each path (one element per array), plus what `redact` reads of the table's records. */
function recordWith(table: string, paths: readonly (readonly string[])[], text: string): Record<string, unknown> {
  const record: Record<string, unknown> = { id: 'r1' };
  for (const path of paths) {
    let at: Record<string, unknown> = record;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      if (key === '*') return;
      const isArray = path[i + 1] === '*';
      if (last) at[key] = text;
      else {
        at[key] ??= isArray ? [{}] : {};
        const next = at[key] as Record<string, unknown> | Record<string, unknown>[];
        at = Array.isArray(next) ? (next[0] as Record<string, unknown>) : next;
      }
    });
  }
  if (table === 'observations') Object.assign(record, { readings: [], changes: record['changes'] ?? [] });
  if (table === 'admissions') Object.assign(record, { person: 'p1', birthDate: '1990-05-04' });
  return record;
}

/** A ledger whose every table with free text holds one record with `text` in each free-text field. */
function ledgerWithText(text: string): Ledger {
  const l = emptyLedger() as unknown as Record<string, unknown>;
  for (const [table, paths] of TEXT_TABLES) l[table] = tableOf([recordWith(table, paths, text)], (r) => r['id'] as string);
  return l as unknown as Ledger;
}

/** The free texts of the copy, as one string. */
function texts(copy: Ledger): string {
  const tables = copy as unknown as Record<string, Table<unknown>>;
  return JSON.stringify(TEXT_TABLES.map(([table]) => tableGet(tables[table] as Table<unknown>, 'r1')));
}

/** A text as a search reads it: full-width digits and X as ASCII, lowercase x as X, no separators inside numbers. */
const plain = (text: string): string =>
  text
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xＸｘ]/g, 'X')
    .replace(/[ \-\u00a0\u3000\uff0d]/g, '');

const fullWidth = (s: string): string => s.replace(/[0-9X]/g, (c) => (c === 'X' ? 'Ｘ' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
const sep = fc.constantFrom(' ', '-', '\u3000');

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2019-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10) as Day);
const id18 = fc.tuple(fc.stringMatching(/^\d{6}$/), day, fc.integer({ min: 0, max: 999 })).map(([a, d, s]) => makeResidentId(a, d, s));
const id15 = fc
  .tuple(fc.stringMatching(/^\d{6}$/), day.filter((d) => d < '2000'), fc.integer({ min: 0, max: 999 }))
  .map(([a, d, s]) => `${a}${d.slice(2).replaceAll('-', '')}${String(s).padStart(3, '0')}`);
const phone = fc.stringMatching(/^1[3-9]\d{9}$/);

/** A number and how it is typed: its digits (what must be gone) and its written form. */
const typed: fc.Arbitrary<{ digits: string; written: string }> = fc.oneof(
  id18.map((id) => ({ digits: id, written: id })),
  id18.filter((id) => id.endsWith('X')).map((id) => ({ digits: id, written: id.toLowerCase() })),
  fc.tuple(id18, sep).map(([id, s]) => ({ digits: id, written: `${id.slice(0, 6)}${s}${id.slice(6, 14)}${s}${id.slice(14)}` })),
  id18.map((id) => ({ digits: id, written: fullWidth(id) })),
  id15.map((id) => ({ digits: id, written: id })),
  phone.map((p) => ({ digits: p, written: p })),
  phone.map((p) => ({ digits: p, written: `+86${p}` })),
  fc.tuple(phone, sep, fc.constantFrom('', '+86 ', '(+86)')).map(([p, s, cc]) => ({ digits: p, written: `${cc}${p.slice(0, 3)}${s}${p.slice(3, 7)}${s}${p.slice(7)}` })),
  phone.map((p) => ({ digits: p, written: fullWidth(p) })),
);
/** Text around the number: digits, separators and words pressed against it. */
const around = fc.string({ unit: fc.constantFrom(...'0123456789 -+xX张某电话身份证号，：:'.split(''), '\n'), maxLength: 12 });

describe('redact: ids and phones typed into free text', () => {
  it('covers the free-text fields of findings, inspections, deeds, three shows, reports, observations and admissions', () => {
    expect(TEXT_TABLES.map(([table]) => table).sort()).toEqual(['admissions', 'deeds', 'findings', 'inspections', 'observations', 'reports', 'threeShows']);
    expect(TEXT_TABLES.reduce((n, [, paths]) => n + paths.length, 0)).toBeGreaterThanOrEqual(13);
  });

  test.prop([fc.array(fc.tuple(around, typed), { minLength: 1, maxLength: 3 }), around], { numRuns: 300 })(
    'any valid id or mobile number, anywhere in any free-text field, is gone after redact',
    (parts, tail) => {
      const text = parts.map(([before, n]) => before + n.written).join('') + tail;
      const copy = texts(redact(ledgerWithText(text)));
      for (const [, n] of parts) expect(plain(copy), `${JSON.stringify(text)} → ${copy}`).not.toContain(n.digits);
    },
  );

  it('writes each by its masked form, keeps the rest of the text, and leaves numbers that are neither', () => {
    const id = makeResidentId('511621', '1961-01-28' as Day, 345);
    const text = `户主${id}，电话 138 1234 5678，另一部+8613912345678；门牌12号，2020-01-30 上报 1,234 户`;
    const copy = texts(redact(ledgerWithText(text)));
    expect(copy).toContain(`户主${maskResidentId(id)}，电话 ${maskPhone('13812345678')}，另一部+86${maskPhone('13912345678')}；门牌12号，2020-01-30 上报 1,234 户`);
    // a legacy number is masked in its 18-character form, as maskResidentId writes it
    expect(texts(redact(ledgerWithText('旧证513621800101001')))).toContain(`旧证${maskResidentId('513621800101001')}`);
    // a landline, 11 digits starting 12, 15 digits without a real date (nor a mobile number in them), dates and counts: left
    for (const other of ['0826-5221234', '12812345678', '223344556677889', '2020-01-30 2020-01-31', '1,234,567,890']) expect(texts(redact(ledgerWithText(`号码${other}`)))).toContain(`号码${other}`);
  });

  it('reads a free text of 100,000 digits in time linear in its length', () => {
    const [table, paths] = TEXT_TABLES.find(([t]) => t === 'findings') as (typeof TEXT_TABLES)[number];
    // each digit of a run of ones starts an id-shaped and a legacy-id-shaped window, and a run of
    // legacy ids or of phones holds one number every 15 or 11 digits: checking each window against
    // every id found before took minutes
    for (const text of ['1'.repeat(100_000), '110105491231002'.repeat(6_700), '13812341234'.repeat(9_100)]) {
      const l = emptyLedger() as unknown as Record<string, unknown>;
      l[table] = tableOf([recordWith(table, paths, text)], (r) => r['id'] as string);
      const started = Date.now();
      const copy = texts(redact(l as unknown as Ledger, { residentId: 'drop', phone: 'drop' }));
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(copy).not.toMatch(/\d{11}/);
    }
  });

  it('blots them out under drop, keeps them under keep, and masks them by the policy’s masks', () => {
    const id = makeResidentId('511621', '1961-01-28' as Day, 345);
    const text = `证${id}话13812345678`;
    const run = (policy: RedactionPolicyInput): string => texts(redact(ledgerWithText(text), policy));
    expect(run({ residentId: 'drop', phone: 'drop' })).toContain(`证${'*'.repeat(18)}话${'*'.repeat(11)}`);
    expect(run({ residentId: 'keep', phone: 'keep', purpose: '核对原始台账' })).toContain(text);
    expect(run({ phoneMask: { keepStart: 0, keepEnd: 2, maskChar: '#' } })).toContain(`证${maskResidentId(id)}话#########78`);
    // a kept id keeps its digits, and the phone-shaped run inside it is not masked
    expect(run({ residentId: 'keep', purpose: '核对原始台账' })).toContain(`证${id}话138****5678`);
  });
});
