import { describeValue, refusal } from './guards.js';
/**
 * A seeded pseudo-random generator (mulberry32 over a 32-bit state): the same seed gives the same
 * sequence on every machine, so everything generated from it is reproducible.
 *
 * @example
 * const r = createRandom(42);
 * r.int(10); // => 6 (a whole number from 0 to 9, the same for seed 42 every time)
 * @category Core
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** A whole number in [min, max], both included. */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A normally distributed number (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** A new array with the items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one, for a sub-task. */
  fork(): Random;
}

/**
 * Creates a {@link Random} from a seed (any number; non-integers are hashed).
 *
 * @param seed - Any number: the same seed gives the same draws.
 * @returns A new generator.
 * @example
 * createRandom(7).next() === createRandom(7).next(); // => true
 * @category Core
 */
export function createRandom(seed: number): Random {
  if (typeof seed !== 'number' || Number.isNaN(seed)) throw refusal('invalid_input', 'invalid seed', ['seed'], 'invalid_type', `a seed is a number, got ${describeValue(seed)}`);
  return fromState(hashSeed(seed));
}

/** A generator whose 32-bit state is `start`: forks start from a fresh 32-bit draw, with no seed hash in between. */
function fromState(start: number): Random {
  let state = start;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const random: Random = {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (!Array.isArray(items) || items.length === 0)
        throw refusal('invalid_input', 'nothing to pick from', ['items'], 'too_small', `pick needs a non-empty array, got ${describeValue(items)}`);
      return items[int(items.length)] as T;
    },
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    fork: () => fromState(Math.floor(next() * 4294967296) | 0),
  };
  return random;
}

/**
 * Mixes a seed into a 32-bit state. A whole-number seed is split exactly into its low and high
 * 32-bit words (a float product would lose the low bits of a large seed, such as a time stamp, and
 * make different seeds collide); any other number is mixed through the bits of its float.
 */
function hashSeed(seed: number): number {
  let lo: number;
  let hi: number;
  if (Number.isSafeInteger(seed)) {
    lo = seed >>> 0;
    hi = Math.floor(seed / 4294967296) | 0;
  } else {
    FLOAT_VIEW.setFloat64(0, seed);
    hi = FLOAT_VIEW.getInt32(0) ^ 0x5bd1e995;
    lo = FLOAT_VIEW.getUint32(4);
  }
  let h = Math.imul(lo, 2654435761) ^ hi;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

const FLOAT_VIEW = new DataView(new ArrayBuffer(8));
