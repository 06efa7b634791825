/** @internal A sum rounded to a millionth, so that the order of its terms cannot change it (and so no ranking). */
export const settle = (x: number): number => Math.round(x * 1e6) / 1e6;

/** @internal A figure for display: two decimals at most. */
export const round = (x: number): number => Math.round(x * 100) / 100;
