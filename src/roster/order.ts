import type { Compiled } from './compile.js';

const cache = new WeakMap<Compiled, Int32Array>();

/** @internal The seats in order of their start time (ties by index): a counting sort, cached per problem. */
export function seatsByStart(c: Compiled): Int32Array {
  const hit = cache.get(c);
  if (hit !== undefined) return hit;
  let max = 0;
  for (let s = 0; s < c.S; s++) if ((c.seatStart[s] as number) > max) max = c.seatStart[s] as number;
  const offs = new Int32Array(max + 2);
  for (let s = 0; s < c.S; s++) {
    const k = (c.seatStart[s] as number) + 1;
    offs[k] = (offs[k] as number) + 1;
  }
  for (let k = 0; k <= max; k++) offs[k + 1] = (offs[k + 1] as number) + (offs[k] as number);
  const order = new Int32Array(c.S);
  for (let s = 0; s < c.S; s++) {
    const k = c.seatStart[s] as number;
    order[offs[k] as number] = s;
    offs[k] = (offs[k] as number) + 1;
  }
  cache.set(c, order);
  return order;
}
