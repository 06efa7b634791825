/**
 * A province in small: four counties' journals on two PostgreSQL servers (two local clusters
 * standing for two machines, two counties each), each county's ledger rebuilt by its own process,
 * and the province's dispatch merged from the county summaries (`mergeSummaries`); then one process
 * doing all four, for the time and to check that the figures agree.
 *
 *   npm run province                               two throwaway clusters, 4 counties at scale 0.25
 *   npm run province -- --scale 0.05               smaller counties
 *   npm run province -- --servers URL1,URL2        servers of your own
 *
 * Each server holds the events table partitioned by county (`PARTITION BY LIST (stream)`, the
 * stream being the county's division code): the partitions of its two counties.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { countyEvents, dailyDispatch, emptySummary, generateCounty, mergeSummaries, replay, simulateCampaigns, type DispatchSummary } from '../src/index.js';
import { fromPgPool, openJournal } from '../src/entries/store.js';

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
/** The day of the dispatch: the fortnight's last day. */
const DAY = '2020-02-07';
/** Synthetic counties named by the division codes of Guang'an's counties (each a generated Yuechi with its own seed). */
const COUNTIES = [
  { code: '511621', seed: 2020 },
  { code: '511622', seed: 2021 },
  { code: '511623', seed: 2022 },
  { code: '511681', seed: 2023 },
] as const;

/** A county's journal on a server. */
async function withJournal<T>(url: string, code: string, fn: (journal: Awaited<ReturnType<typeof openJournal>>) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await fn(await openJournal(fromPgPool(pool, { copyFrom }), { stream: code }));
  } finally {
    await pool.end();
  }
}

/** Child: generates a county, simulates its fortnight and stores it (one import with COPY). */
async function storeCounty(url: string, code: string, seed: number, scale: number): Promise<{ events: number }> {
  const county = generateCounty({ seed, scale });
  const register = countyEvents(county);
  const base = replay(register, undefined, { trusted: true });
  const fortnight = simulateCampaigns(base, { seed });
  const ledger = replay(fortnight, base);
  return withJournal(url, code, async (journal) => {
    const state = await journal.import(await journal.load(), [...register, ...fortnight], { ledger });
    return { events: state.position };
  });
}

/** Child (or the single process): rebuilds a county's ledger from its journal and reports its summary. */
async function countySummary(url: string, code: string): Promise<{ code: string; events: number; ms: number; summary: DispatchSummary }> {
  const t = performance.now();
  return withJournal(url, code, async (journal) => {
    const state = await journal.load();
    const summary = dailyDispatch(state.ledger, DAY).total;
    return { code, events: state.position, ms: performance.now() - t, summary };
  });
}

/** Runs this script in a child process and returns what it printed on its `@@result` line. */
function child<R>(args: readonly string[]): Promise<R> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--max-old-space-size=6000', '--import', 'tsx', self, ...args], { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    p.on('error', reject);
    p.on('close', (status) => {
      const line = out.split('\n').find((l) => l.startsWith('@@result '));
      if (status !== 0 || line === undefined) reject(new Error(`province ${args.join(' ')} exited with ${String(status)}\n${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('@@result '.length)) as R);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      server.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}

/** The province's report, as the bench reads it. */
export interface ProvinceReport {
  readonly scale: number;
  readonly counties: readonly { code: string; server: number; events: number; ms: number }[];
  /** Wall time of the four county processes running at once, ms. */
  readonly parallelMs: number;
  /** Wall time of one process rebuilding and reporting all four in turn, ms. */
  readonly singleMs: number;
  readonly agree: boolean;
  readonly merged: DispatchSummary;
}

async function orchestrate(scale: number, servers: readonly string[] | undefined): Promise<ProvinceReport> {
  const clusters: string[] = [];
  const urls: string[] = servers === undefined ? [] : [...servers];
  if (servers === undefined) {
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), `frontline-province-${i}-`));
      const started = spawnSync('bash', [join(here, 'pg-cluster.sh'), 'start', dir, String(await freePort())], { encoding: 'utf8' });
      if (started.status !== 0) throw new Error(`cannot start a PostgreSQL cluster (sudo apt-get install -y postgresql, or --servers URL1,URL2):\n${started.stderr}`);
      clusters.push(dir);
      urls.push(started.stdout.trim());
    }
  }
  try {
    const serverOf = (i: number): string => urls[i < 2 ? 0 : 1] as string;
    console.error(`storing ${COUNTIES.length} counties at scale ${scale}: ${COUNTIES.map((c, i) => `${c.code} on server ${i < 2 ? 1 : 2}`).join(', ')}`);
    // store: the two servers' counties in two processes at a time
    for (const pair of [
      [0, 2],
      [1, 3],
    ])
      await Promise.all(pair.map((i) => child<{ events: number }>(['store', serverOf(i), COUNTIES[i]?.code as string, String(COUNTIES[i]?.seed), String(scale)])));
    console.error('each county rebuilt by its own process, the summaries merged');
    let t = performance.now();
    const parts = await Promise.all(COUNTIES.map((c, i) => child<Awaited<ReturnType<typeof countySummary>>>(['county', serverOf(i), c.code])));
    const parallelMs = performance.now() - t;
    const merged = parts.map((p) => p.summary).reduce(mergeSummaries, emptySummary());
    console.error('one process doing all four');
    t = performance.now();
    const single = await child<DispatchSummary>(['all', ...COUNTIES.map((c, i) => `${serverOf(i)}|${c.code}`)]);
    const singleMs = performance.now() - t;
    return {
      scale,
      counties: parts.map((p, i) => ({ code: p.code, server: i < 2 ? 1 : 2, events: p.events, ms: p.ms })),
      parallelMs,
      singleMs,
      agree: JSON.stringify(single) === JSON.stringify(merged),
      merged,
    };
  } finally {
    for (const dir of clusters) {
      spawnSync('bash', [join(here, 'pg-cluster.sh'), 'stop', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'store') {
    const [url, code, seed, scale] = rest as [string, string, string, string];
    process.stdout.write(`@@result ${JSON.stringify(await storeCounty(url, code, Number(seed), Number(scale)))}\n`);
    return;
  }
  if (mode === 'county') {
    const [url, code] = rest as [string, string];
    process.stdout.write(`@@result ${JSON.stringify(await countySummary(url, code))}\n`);
    return;
  }
  if (mode === 'all') {
    let merged = emptySummary();
    for (const target of rest) {
      const [url, code] = target.split('|') as [string, string];
      merged = mergeSummaries(merged, (await countySummary(url, code)).summary);
    }
    process.stdout.write(`@@result ${JSON.stringify(merged)}\n`);
    return;
  }
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.25' }, servers: { type: 'string' } } });
  const servers = values.servers?.split(',');
  if (servers !== undefined && servers.length !== 2) throw new RangeError('--servers takes two URLs, separated by a comma');
  const report = await orchestrate(Number(values.scale), servers);
  const n = (x: number): string => x.toLocaleString('en-US');
  const m = report.merged;
  console.log(`Province of ${report.counties.length} counties at scale ${report.scale}, dispatch of ${DAY}`);
  for (const c of report.counties) console.log(`  county ${c.code} on server ${c.server}: ${n(c.events)} events, rebuilt and reported in ${n(Math.round(c.ms))} ms`);
  console.log(`  merged: ${n(m.doorKnocking.screened)}/${n(m.doorKnocking.households)} households screened, ${n(m.homePrevention.underObservation)} under observation`);
  console.log(`  four processes at once: ${n(Math.round(report.parallelMs))} ms; one process doing all four: ${n(Math.round(report.singleMs))} ms`);
  console.log(`  the merged summaries ${report.agree ? 'equal' : 'DIFFER FROM'} the single process's`);
  process.stdout.write(`@@result ${JSON.stringify({ ...report, merged: undefined })}\n`);
  if (!report.agree) process.exitCode = 1;
}

await main();
