import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const collectorDir = fileURLToPath(new URL('..', import.meta.url));

export interface LocalCollector {
  base: string;
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev --local` on a free port over a fresh D1 in a temp dir, migrated by wrangler
 * itself; `stop()` ends it (its whole process group) and removes the state.
 */
export async function startCollector(): Promise<LocalCollector> {
  const persist = mkdtempSync(join(tmpdir(), 'waymark-e2e-'));
  const adminToken = 'e2e-admin-' + Math.random().toString(36).slice(2);
  const wrangler = (args: string[]) => spawnSync('pnpm', ['exec', 'wrangler', ...args], { cwd: collectorDir, encoding: 'utf8' });
  const migrated = wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist]);
  if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.stderr}`);
  const port = await freePort();
  const server: ChildProcess = spawn(
    'pnpm',
    ['exec', 'wrangler', 'dev', '--local', '--persist-to', persist, '--port', String(port), '--ip', '127.0.0.1', '--var', `ADMIN_TOKEN:${adminToken}`, '--log-level', 'error'],
    { cwd: collectorDir, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      process.kill(-server.pid!, 'SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(persist, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(base);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, adminToken, stop };
}

async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(`${base}/v1/openapi.json`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error('wrangler dev did not come up');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
