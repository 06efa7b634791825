import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { FrontlineError, createRandom, type Random } from '../../src/index.js';

const take = (r: Random, n: number): number[] => Array.from({ length: n }, () => r.next());
const seed = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

describe('createRandom', () => {
  test.prop([seed])('the same seed gives the same sequence', (s) => {
    expect(take(createRandom(s), 20)).toEqual(take(createRandom(s), 20));
  });

  test('different seeds give different sequences', () => {
    const firsts = new Set(Array.from({ length: 1000 }, (_, i) => createRandom(i).next()));
    expect(firsts.size).toBe(1000);
    expect(take(createRandom(0.5), 5)).not.toEqual(take(createRandom(1.5), 5));
  });

  test('large whole seeds (time stamps) and seeds a step apart give different sequences', () => {
    for (const base of [1_700_000_000_000, 2 ** 40, 3_000_000_000, -1_700_000_000_000]) {
      const firsts = new Set(Array.from({ length: 5000 }, (_, k) => createRandom(base + k).next()));
      expect(firsts.size).toBe(5000);
    }
    expect(take(createRandom(2 ** 40), 3)).not.toEqual(take(createRandom(2 ** 40 + 1), 3));
    expect(take(createRandom(Number.MAX_SAFE_INTEGER), 3)).not.toEqual(take(createRandom(Number.MAX_SAFE_INTEGER - 1), 3));
  });

  test('the sequence of a seed is pinned (reproducible across versions and machines)', () => {
    const r = createRandom(42);
    const values = [r.next(), r.next(), r.int(1000), r.between(1, 6), r.int(1_000_000)];
    expect(values).toEqual(PINNED_42);
  });

  test.prop([seed])('next() is in [0, 1)', (s) => {
    for (const v of take(createRandom(s), 50)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  test.prop([seed, fc.integer({ min: 1, max: 1_000_000 })])('int(n) is a whole number in [0, n)', (s, n) => {
    const r = createRandom(s);
    for (let i = 0; i < 20; i++) {
      const v = r.int(n);
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(n);
    }
  });

  test.prop([seed, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 })])(
    'between(min, max) is a whole number in [min, max]',
    (s, min, width) => {
      const r = createRandom(s);
      for (let i = 0; i < 20; i++) {
        const v = r.between(min, min + width);
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(min);
        expect(v).toBeLessThanOrEqual(min + width);
      }
    },
  );

  test('int and between reach both ends', () => {
    const r = createRandom(3);
    const ints = new Set(Array.from({ length: 500 }, () => r.int(6)));
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const dice = new Set(Array.from({ length: 500 }, () => r.between(1, 6)));
    expect([...dice].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('chance(0) never, chance(1) always, chance(0.3) about 30%', () => {
    const r = createRandom(11);
    expect(Array.from({ length: 200 }, () => r.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 200 }, () => r.chance(1)).every(Boolean)).toBe(true);
    const hits = Array.from({ length: 10_000 }, () => r.chance(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2800);
    expect(hits).toBeLessThan(3200);
  });

  test('pick returns an element and refuses an empty array', () => {
    const r = createRandom(5);
    const items = ['a', 'b', 'c'] as const;
    const picked = new Set(Array.from({ length: 100 }, () => r.pick(items)));
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow(FrontlineError);
  });

  test('normal has about the asked mean and standard deviation', () => {
    const r = createRandom(9);
    const xs = Array.from({ length: 20_000 }, () => r.normal(50, 10));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeGreaterThan(49.6);
    expect(mean).toBeLessThan(50.4);
    expect(sd).toBeGreaterThan(9.7);
    expect(sd).toBeLessThan(10.3);
    expect(xs.every(Number.isFinite)).toBe(true);
  });
});

describe('shuffle', () => {
  test.prop([seed, fc.array(fc.integer(), { maxLength: 60 })])('is a permutation and leaves the input alone', (s, items) => {
    const before = [...items];
    const frozen = Object.freeze([...items]);
    const out = createRandom(s).shuffle(frozen);
    expect(out).not.toBe(frozen);
    expect(out).toHaveLength(items.length);
    expect([...out].sort((a, b) => a - b)).toEqual([...before].sort((a, b) => a - b));
    expect(frozen).toEqual(before);
  });

  test('is deterministic per seed and actually reorders', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(createRandom(1).shuffle(items)).toEqual(createRandom(1).shuffle(items));
    const orders = new Set(Array.from({ length: 50 }, (_, s) => createRandom(s).shuffle(items).join(',')));
    expect(orders.size).toBe(50);
  });

  test('every position can receive every item', () => {
    const seen = Array.from({ length: 4 }, () => new Set<number>());
    const r = createRandom(2);
    for (let i = 0; i < 400; i++) r.shuffle([0, 1, 2, 3]).forEach((v, pos) => seen[pos]?.add(v));
    for (const s of seen) expect(s.size).toBe(4);
  });
});

describe('fork', () => {
  test('many forks of one generator are all different', () => {
    const parent = createRandom(2020);
    const firsts = new Set(Array.from({ length: 20_000 }, () => take(parent.fork(), 2).join(',')));
    expect(firsts.size).toBe(20_000);
  });


  test.prop([seed])('is deterministic', (s) => {
    const a = createRandom(s);
    const b = createRandom(s);
    expect(take(a.fork(), 10)).toEqual(take(b.fork(), 10));
    expect(take(a, 10)).toEqual(take(b, 10));
  });

  test.prop([seed])('gives a sequence unlike its parent’s', (s) => {
    const parent = createRandom(s);
    const child = parent.fork();
    const c = take(child, 10);
    const p = take(parent, 10);
    expect(c).not.toEqual(p);
    expect(c).not.toEqual(take(createRandom(s), 10));
  });

  test('using the fork does not change the parent’s sequence', () => {
    const a = createRandom(77);
    const b = createRandom(77);
    const fa = a.fork();
    b.fork();
    take(fa, 100);
    expect(take(a, 10)).toEqual(take(b, 10));
  });

  test('successive forks differ', () => {
    const r = createRandom(8);
    expect(take(r.fork(), 5)).not.toEqual(take(r.fork(), 5));
  });
});

const PINNED_42 = [0.653411308536306, 0.9404526622965932, 854, 5, 548824];
