import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { maskWith, type MaskPolicy } from '../../src/index.js';

const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 30 });
const policy: fc.Arbitrary<MaskPolicy> = fc.record({
  keepStart: fc.integer({ min: 0, max: 40 }),
  keepEnd: fc.integer({ min: 0, max: 40 }),
  // never a digit, so a shown digit can be told from a mask character
  maskChar: fc.constantFrom('*', '•', '#', 'x', '×', ' '),
});

describe('maskWith on random digit strings and policies', () => {
  test.prop([digits, policy])('keeps the length', (value, p) => {
    expect(maskWith(value, p)).toHaveLength(value.length);
  });

  test.prop([digits.filter((s) => s.length > 0), policy])(
    'shows at most keepStart then keepEnd characters, each in place, masks all between, hides at least one',
    (value, p) => {
      const out = maskWith(value, p);
      const n = value.length;
      const first = out.indexOf(p.maskChar);
      const last = out.lastIndexOf(p.maskChar);
      expect(first).toBeGreaterThanOrEqual(0); // at least one hidden
      const shownStart = first;
      const shownEnd = n - 1 - last;
      expect(shownStart).toBeLessThanOrEqual(p.keepStart);
      expect(shownEnd).toBeLessThanOrEqual(p.keepEnd);
      expect(out.slice(0, first)).toBe(value.slice(0, first));
      expect(out.slice(last + 1)).toBe(value.slice(last + 1));
      // every character outside the kept start and end is the mask character: nothing hidden leaks
      expect(out.slice(first, last + 1)).toBe(p.maskChar.repeat(last + 1 - first));
      expect(shownStart + shownEnd).toBeLessThan(n);
    },
  );

  test.prop([digits, policy])('keeps exactly keepStart and keepEnd when the value is long enough', (value, p) => {
    fc.pre(p.keepStart + p.keepEnd < value.length);
    const n = value.length;
    expect(maskWith(value, p)).toBe(
      value.slice(0, p.keepStart) + p.maskChar.repeat(n - p.keepStart - p.keepEnd) + value.slice(n - p.keepEnd),
    );
  });

  test.prop([digits, policy])('masking twice changes nothing more', (value, p) => {
    const once = maskWith(value, p);
    const twice = maskWith(once, p);
    expect(twice).toHaveLength(once.length);
    for (let i = 0; i < once.length; i++) if (once[i] === p.maskChar) expect(twice[i]).toBe(p.maskChar);
  });
});
