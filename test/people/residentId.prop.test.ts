import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { FrontlineError, isValidResidentId, makeResidentId, parseResidentId, type Day } from '../../src/index.js';

const address = fc.stringMatching(/^\d{6}$/);
const dayBetween = (from: string, to: string): fc.Arbitrary<Day> =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((t) => t.toISOString().slice(0, 10) as Day);
const birth = dayBetween('1900-01-01', '2020-12-31');
const sequence = fc.integer({ min: 0, max: 999 });
const validId = fc.tuple(address, birth, sequence).map(([a, b, s]) => makeResidentId(a, b, s));
const CHARS = '0123456789X';

describe('makeResidentId and parseResidentId', () => {
  test.prop([address, birth, sequence])('every made id parses back to its parts', (a, b, s) => {
    const id = makeResidentId(a, b, s);
    expect(id).toMatch(/^\d{17}[\dX]$/);
    expect(id.slice(0, 17)).toBe(`${a}${b.replaceAll('-', '')}${String(s).padStart(3, '0')}`);
    expect(isValidResidentId(id)).toBe(true);
    expect(parseResidentId(id)).toEqual({
      id,
      addressCode: a,
      birthDate: b,
      sequence: String(s).padStart(3, '0'),
      sex: s % 2 === 1 ? 'male' : 'female',
      checkChar: id.slice(17),
      legacy: false,
    });
    expect(parseResidentId(id.toLowerCase()).id).toBe(id);
  });

  test.prop([address, dayBetween('1900-01-01', '1999-12-31'), sequence])(
    'a legacy 15-digit number converts to the 18-character id of the same parts',
    (a, b, s) => {
      const legacy = `${a}${b.slice(2).replaceAll('-', '')}${String(s).padStart(3, '0')}`;
      expect(legacy).toMatch(/^\d{15}$/);
      const info = parseResidentId(legacy);
      expect(info.id).toBe(makeResidentId(a, b, s));
      expect(info.legacy).toBe(true);
      expect(info.birthDate).toBe(b);
    },
  );
});

describe('the MOD 11-2 check', () => {
  test.prop([validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 })])(
    'any single-character change (any position, any other digit or X) is rejected',
    (id, position, shift) => {
      const original = id[position] as string;
      const replacement = CHARS[(CHARS.indexOf(original) + shift) % CHARS.length] as string;
      expect(replacement).not.toBe(original);
      const changed = id.slice(0, position) + replacement + id.slice(position + 1);
      expect(changed).toHaveLength(18);
      expect(isValidResidentId(changed)).toBe(false);
      expect(() => parseResidentId(changed)).toThrow(FrontlineError);
    },
  );

  test.prop([validId], { numRuns: 200 })('exhaustively: none of the 180 single changes of an id passes', (id) => {
    for (let position = 0; position < 18; position++) {
      for (const c of CHARS) {
        if (c === id[position]) continue;
        const changed = id.slice(0, position) + c + id.slice(position + 1);
        expect(isValidResidentId(changed), changed).toBe(false);
      }
    }
  });

  test.prop([validId, fc.integer({ min: 0, max: 16 })])('swapping two different adjacent characters is rejected', (id, i) => {
    fc.pre(id[i] !== id[i + 1]);
    const swapped = id.slice(0, i) + (id[i + 1] as string) + (id[i] as string) + id.slice(i + 2);
    expect(isValidResidentId(swapped)).toBe(false);
  });
});
