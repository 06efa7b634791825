/**
 * The journal store (`frontline/store`) on PGlite and on PostgreSQL, each part in a fresh child
 * process (`store-child.ts`). The server is `FRONTLINE_PG_URL`, or a throwaway cluster started here
 * from Debian's binaries (`scripts/pg-cluster.sh`) and stopped at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './child.js';
import { defineBenchmarks, median, type BenchResult } from './harness.js';
import type { ProvinceReport } from '../scripts/province.js';
import type { AppendReport, FullReport, RebuildReport } from './store-child.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const MB = 1e6;

/** A PostgreSQL server for a benchmark: the given one, or a throwaway cluster. */
export function withServer(port: number): { url: string; stop(): void } {
  const given = process.env['FRONTLINE_PG_URL'];
  if (given !== undefined && given !== '') return { url: given, stop: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-pg-'));
  const started = spawnSync('bash', [join(root, 'scripts', 'pg-cluster.sh'), 'start', dir, String(port)], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`no PostgreSQL server: set FRONTLINE_PG_URL or install Debian's server (sudo apt-get install -y postgresql)\n${started.stderr}`);
  return {
    url: started.stdout.trim(),
    stop: () => {
      spawnSync('bash', [join(root, 'scripts', 'pg-cluster.sh'), 'stop', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function appendRows(): Promise<BenchResult[]> {
  const server = withServer(54341);
  try {
    const { report } = await runChild<AppendReport>('store-child.ts', ['append', server.url], { traceGc: false });
    return report.backends.flatMap((b) => {
      const ours = median(b.ours);
      const plain = median(b.plain);
      const rate = (report.batch / ours) * 1000;
      const note = `${b.ours.length} batches of ${report.batch} events of the simulated fortnight at scale 0.05, each appended with journal.append (validation by replay onto the ledger, the position check, one INSERT from a jsonb array, NOTIFY, in one transaction), then the same JSON rows in one plain multi-row INSERT on the same connection; medians; validation alone ${median(b.validate).toFixed(1)} ms a batch`;
      return [
        { name: `store append, ${b.name}: 1,000-event batches`, value: rate, unit: 'events/s', baseline: (report.batch / plain) * 1000, baselineName: 'plain multi-row INSERT', ratio: null, target: { of: 'value', op: '>=', limit: 20_000 }, note },
        { name: `store append, ${b.name}: time vs plain INSERT`, value: ours, unit: 'ms/batch', baseline: plain, baselineName: 'plain multi-row INSERT of the same rows', ratio: ours / plain, ratioOf: 'append/plain', target: { of: 'ratio', op: '<=', limit: 1.5 } },
      ] satisfies BenchResult[];
    });
  } finally {
    server.stop();
  }
}

async function fullRows(): Promise<BenchResult[]> {
  const server = withServer(54342);
  const pgliteDir = mkdtempSync(join(tmpdir(), 'frontline-bench-pglite-'));
  try {
    const flags = ['--max-old-space-size=12000'];
    const { report } = await runChild<FullReport>('store-child.ts', ['full', server.url, pgliteDir], { traceGc: false, nodeFlags: flags });
    const rows: BenchResult[] = [];
    for (const b of report.backends) {
      if (!b.agrees) throw new Error(`store: the cold start on ${b.name} does not give the ledger of the in-memory replay`);
      rows.push({
        name: `store import with COPY, ${b.name}: the full fortnight`,
        value: report.events / (b.importMs / 1000),
        unit: 'events/s',
        baseline: null,
        ratio: null,
        target: { of: 'value', op: '>=', limit: 150_000 },
        note: `${report.events.toLocaleString('en-US')} events (${report.register} of the register) in ${(b.importMs / 1000).toFixed(1)} s, one transaction`,
      });
      rows.push({
        name: `store cold start, ${b.name}: snapshot + 100,000-event tail`,
        value: b.coldStartMs / 1000,
        unit: 's',
        baseline: report.replayMs / 1000,
        baselineName: 'in-memory trusted replay of the same events',
        ratio: b.coldStartMs / report.replayMs,
        ratioOf: 'cold start/replay',
        target: { of: 'ratio', op: '<=', limit: 2 },
        note: `the snapshot (${b.snapshotRows} chunks) took ${(b.snapshotMs / 1000).toFixed(1)} s to write; ledger counts ${JSON.stringify(report.counts)}`,
      });
    }
    for (const [kind, target, name] of [
      ['pg', server.url, 'PostgreSQL'],
      ['pglite', pgliteDir, 'PGlite'],
    ] as const) {
      const out = await runChild<RebuildReport>('store-child.ts', ['rebuild', kind, target], { nodeFlags: flags });
      const r = out.report;
      if (JSON.stringify(r.counts) !== JSON.stringify(report.counts)) throw new Error(`store: the rebuild on ${name} does not give the ledger of the in-memory replay`);
      const peak = Math.max(out.peakBeforeGc - r.heapBefore, r.peakHeapSampled) / MB;
      const ledgerMb = r.heapLedger / MB;
      rows.push({
        name: `store full rebuild from the journal, ${name}: streamed in pages`,
        value: r.ms / 1000,
        unit: 's',
        baseline: report.replayMs / 1000,
        baselineName: 'in-memory trusted replay of the same events',
        ratio: r.ms / report.replayMs,
        ratioOf: 'rebuild/replay',
        target: { of: 'ratio', op: '<=', limit: 1.5 },
        note: `${r.pages} pages`,
      });
      rows.push({
        name: `store full rebuild from the journal, ${name}: peak heap`,
        value: peak,
        unit: 'MB',
        baseline: ledgerMb,
        baselineName: "the ledger's own heap",
        ratio: peak / ledgerMb,
        ratioOf: 'peak/ledger',
        target: { of: 'value', op: '<=', limit: ledgerMb + 200 },
        note: `peak heap in use above the heap before the rebuild (before a GC, garbage included, from --trace-gc); peak live heap (after a full GC) ${((out.peakLive - r.heapBefore) / MB).toFixed(0)} MB; target: the ledger's own ${ledgerMb.toFixed(0)} MB + 200 MB`,
      });
    }
    return rows;
  } finally {
    server.stop();
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

async function provinceRows(): Promise<BenchResult[]> {
  const { report } = await runChild<ProvinceReport>('../scripts/province.ts', ['--scale', '0.25'], { traceGc: false });
  if (!report.agree) throw new Error('store province: the merged county summaries differ from the single process');
  return [
    {
      name: 'store province: 4 counties at scale 0.25 on two servers, dispatch merged',
      value: report.parallelMs / 1000,
      unit: 's',
      baseline: report.singleMs / 1000,
      baselineName: 'one process rebuilding and reporting all four',
      ratio: report.parallelMs / report.singleMs,
      ratioOf: 'four processes/one',
      target: null,
      note: `two local clusters, two counties each (${report.counties.map((c) => `${c.code}: ${c.events.toLocaleString('en-US')} events on server ${c.server}, ${(c.ms / 1000).toFixed(1)} s`).join('; ')}); the merged summaries equal the single process's`,
    },
  ];
}

export const benchmarks = defineBenchmarks([
  { name: 'store append', description: 'journal.append of 1,000-event batches vs a plain multi-row INSERT, PGlite and PostgreSQL', run: appendRows },
  { name: 'store province', description: 'four counties on two PostgreSQL clusters, each rebuilt by its own process, summaries merged', run: provinceRows },
  { name: 'store full county', description: 'COPY import of the fortnight, cold start from a snapshot, full rebuild in pages, PGlite and PostgreSQL', run: fullRows },
]);
