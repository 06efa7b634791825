/**
 * Child process of `county.bench.ts`: one measurement in a fresh process, so its time and memory
 * are not mixed with the parent's.
 *
 *   node --expose-gc --trace-gc --import tsx bench/county-child.ts county
 *   node --expose-gc --trace-gc --import tsx bench/county-child.ts plain <count>
 *
 * `county` times `generateCounty()` at full scale; `plain <count>` is the baseline: the same number of
 * plain person-shaped objects allocated by a trivial loop (no randomness, no validation, no
 * households or units). Prints one line `@@result {json}`. The parent reads the peak heap from the
 * `--trace-gc` lines (the heap in use just before each GC, the highest point between collections)
 * and the final sample printed here; the peak RSS comes from `process.resourceUsage().maxRSS`.
 */
import { generateCounty } from '../src/index.js';

/** What the child reports (bytes and milliseconds). */
export interface ChildReport {
  readonly mode: 'county' | 'plain';
  /** Wall time of the measured call. */
  readonly ms: number;
  /** Objects produced (people). */
  readonly count: number;
  /** Units produced (county mode). */
  readonly units: number;
  /** heapUsed after a full GC before the call (the loaded program). */
  readonly heapBefore: number;
  /** heapUsed right after the call, before any forced GC. */
  readonly heapAfter: number;
  /** heapUsed after a full GC with the result still referenced. */
  readonly heapRetained: number;
  /** Peak resident set size of the whole process. */
  readonly maxRss: number;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳'];
const STATUSES = ['nonMember', 'nonMember', 'nonMember', 'fullMember', 'activist'];

/** The baseline: person-shaped plain objects with their own id, name, resident id and phone strings. */
function plainPeople(n: number): object[] {
  const days: string[] = [];
  for (let y = 1930; y < 2020; y++) for (let d = 1; d <= 28; d++) days.push(`${y}-0${1 + (d % 9)}-${String(d).padStart(2, '0')}`);
  const unitIds: string[] = [];
  for (let v = 0; v < 869; v++) unitIds.push(`yc.t${String(1 + (v % 27)).padStart(2, '0')}.v${String(v).padStart(3, '0')}`);
  const out: object[] = new Array<object>(n);
  for (let i = 0; i < n; i++) {
    const birthDate = days[i % days.length] as string;
    out[i] = {
      id: `p${String(i + 1).padStart(7, '0')}`,
      name: (SURNAMES[i % 10] as string) + (GIVEN[i % 12] as string) + (GIVEN[(i >> 4) % 12] as string),
      sex: (i & 1) === 0 ? 'male' : 'female',
      birthDate,
      residentId: `511621${birthDate.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}X`,
      phone: `138${String(i).padStart(8, '0')}`,
      unitId: unitIds[i % unitIds.length],
      householdId: `h${String(Math.floor(i / 3)).padStart(6, '0')}`,
      partyStatus: STATUSES[i % STATUSES.length],
    };
  }
  return out;
}

function main(): void {
  const mode = process.argv[2];
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('county-child: run with --expose-gc');
  if (mode !== 'county' && mode !== 'plain') throw new Error(`county-child: unknown mode '${String(mode)}' (county | plain <count>)`);
  const plainCount = Number(process.argv[3] ?? '0');
  if (mode === 'plain' && !(Number.isInteger(plainCount) && plainCount > 0)) throw new Error('county-child: plain needs a positive count');

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result: { people: readonly unknown[]; units: readonly unknown[] } =
    mode === 'county' ? generateCounty() : { people: plainPeople(plainCount), units: [] };
  const ms = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  gc();
  const heapRetained = process.memoryUsage().heapUsed;
  const report: ChildReport = {
    mode,
    ms,
    count: result.people.length, // read after the GC: the result was alive through it
    units: result.units.length,
    heapBefore,
    heapAfter,
    heapRetained,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`@@result ${JSON.stringify(report)}\n`);
}

main();
