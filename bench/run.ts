/**
 * `npm run bench [-- <filter>…] [--list]`
 *
 * Finds every `bench/*.bench.ts` (each exports `benchmarks: readonly Benchmark[]`), runs those whose
 * name or file name contains one of the filters (all when none is given; case-insensitive), prints a
 * table and writes `bench-results.json` at the repository root.
 *
 * The exit code is 0 even when a target is missed: figures of a shared machine are information, not
 * a gate. It is 1 only when a benchmark fails (its contenders disagree, or it throws).
 */
import { readdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checksum, table, meets, type Benchmark, type BenchResult } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const resultsFile = join(root, 'bench-results.json');

interface Entry {
  readonly file: string;
  readonly bench: Benchmark;
}

async function discover(): Promise<Entry[]> {
  const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
  const entries: Entry[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { benchmarks?: unknown };
    if (!Array.isArray(mod.benchmarks)) throw new Error(`bench/${file} must export \`benchmarks: readonly Benchmark[]\``);
    for (const b of mod.benchmarks as Benchmark[]) entries.push({ file: basename(file, '.bench.ts'), bench: b });
  }
  return entries;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const filters = args.filter((a) => !a.startsWith('--')).map((a) => a.toLowerCase());
  const all = await discover();
  const chosen = all.filter((e) => filters.length === 0 || filters.some((f) => e.bench.name.toLowerCase().includes(f) || e.file.toLowerCase().includes(f)));

  if (list || chosen.length === 0) {
    if (!list) console.error(`no benchmark matches ${filters.map((f) => `'${f}'`).join(', ')}; available:`);
    for (const e of all) console.log(`  ${e.file}: ${e.bench.name}${e.bench.description === undefined ? '' : ` — ${e.bench.description}`}`);
    if (!list) process.exitCode = 1;
    return;
  }

  const started = Date.now();
  const cpu = cpus()[0];
  const meta = {
    date: new Date(started).toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpuCount: availableParallelism(),
    cpuModel: cpu === undefined ? 'unknown' : cpu.model,
    totalMemoryMB: Math.round(totalmem() / 1e6),
    filters,
  };
  console.log(`frontline benchmarks — ${meta.date}, Node ${meta.node}, ${meta.cpuCount} CPU (${meta.cpuModel})`);
  console.log('Ratios compare contenders measured in the same run; targets are information, never a gate.\n');

  const results: BenchResult[] = [];
  const failures: string[] = [];
  for (const { file, bench } of chosen) {
    const t0 = performance.now();
    console.log(`▶ ${bench.name} (${file}.bench.ts)`);
    try {
      const rows = await bench.run();
      results.push(...rows);
      console.log(table(rows));
    } catch (e) {
      failures.push(bench.name);
      console.error(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }

  const seconds = (Date.now() - started) / 1000;
  console.log('Summary');
  console.log(table(results, false));
  const missed = results.filter((r) => meets(r) === false).map((r) => r.name);
  console.log(`\n${results.length} rows in ${seconds.toFixed(1)} s; targets missed (info only): ${missed.length === 0 ? 'none' : missed.join('; ')}; checksum ${checksum()}`);

  const payload = { meta: { ...meta, durationSeconds: Math.round(seconds * 10) / 10, failures }, results: results.map((r) => ({ ...r, met: meets(r) ?? null })) };
  await writeFile(resultsFile, `${JSON.stringify(payload, null, 2)}\n`);
  console.log(`wrote ${resultsFile}`);
  if (failures.length > 0) {
    console.error(`failed: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
