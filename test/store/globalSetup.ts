/**
 * Gives the store's tests a PostgreSQL server: `FRONTLINE_PG_URL` when it is set, else a throwaway
 * cluster started here from Debian's binaries (`scripts/pg-cluster.sh`) and stopped at the end.
 * When neither is possible, the tests on PostgreSQL fail with the reason (they never pass without
 * a server).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the PostgreSQL server of the store's tests, or '' when there is none. */
    pgUrl: string;
    /** Why there is no server, when there is none. */
    pgProblem: string;
  }
}

/** A TCP port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env['FRONTLINE_PG_URL'];
  if (given !== undefined && given !== '') {
    project.provide('pgUrl', given);
    project.provide('pgProblem', '');
    return undefined;
  }
  const script = join(project.config.root, 'scripts', 'pg-cluster.sh');
  const dir = mkdtempSync(join(tmpdir(), 'frontline-pg-'));
  const port = await freePort();
  // fsync off: a throwaway cluster for tests (the crash test kills a client, not the server)
  const started = spawnSync('bash', [script, 'start', dir, String(port)], { encoding: 'utf8', env: { ...process.env, PG_SETTINGS: '-c fsync=off' } });
  if (started.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    project.provide('pgUrl', '');
    project.provide(
      'pgProblem',
      `no PostgreSQL server for the store's tests: set FRONTLINE_PG_URL=postgres://user@host:port/db to use one, or install the server binaries ` +
        `(sudo apt-get install -y postgresql) so that a throwaway cluster starts by itself.\n${started.stderr.trim()}`,
    );
    return undefined;
  }
  project.provide('pgUrl', started.stdout.trim());
  project.provide('pgProblem', '');
  return () => {
    spawnSync('bash', [script, 'stop', dir], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
  };
}
