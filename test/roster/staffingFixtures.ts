/** The rostering benchmark instances of `test/fixtures/rostering/` (see its README for source and licence). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Inrc2Files } from '../../src/index.js';

const root = join(import.meta.dirname, '../fixtures/rostering');
const text = (path: string): string => readFileSync(join(root, path), 'utf8');

/** The files of a static INRC-II instance: `inrc2Files('n005w4', 0, [1, 2, 3, 3])` is n005w4_0_1-2-3-3. */
export function inrc2Files(scenario: string, history: number, weeks: readonly number[]): Inrc2Files {
  return {
    scenario: text(`inrc2/${scenario}/Sc-${scenario}.txt`),
    history: text(`inrc2/${scenario}/H0-${scenario}-${history}.txt`),
    weeks: weeks.map((w) => text(`inrc2/${scenario}/WD-${scenario}-${w}.txt`)),
  };
}

/** The text of Curtois–Qu `InstanceN.txt`. */
export const curtoisQuText = (n: number): string => text(`curtois-qu/Instance${n}.txt`);
