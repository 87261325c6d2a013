import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.ts';
import { waitForHttp } from './waitForHttp.ts';

const collectorDir = fileURLToPath(new URL('../../packages/collector/', import.meta.url));
export const ADMIN_TOKEN = 'e2e-admin-token';

/**
 * The real collector: `wrangler dev` (workerd + local D1 with the real migrations) on a
 * free port, its state in a temporary folder removed on stop.
 */
export async function startCollector(): Promise<{ url: string; stop: () => Promise<void> }> {
  const persist = mkdtempSync(join(tmpdir(), 'waymark-e2e-'));
  const wrangler = (args: string[]) => spawnSync('pnpm', ['exec', 'wrangler', ...args], { cwd: collectorDir, encoding: 'utf8' });
  const migrated = wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist]);
  if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.stderr}`);
  const port = await freePort();
  const child = spawn(
    'pnpm',
    ['exec', 'wrangler', 'dev', '--local', '--persist-to', persist, '--port', String(port), '--ip', '127.0.0.1', '--var', `ADMIN_TOKEN:${ADMIN_TOKEN}`, '--log-level', 'warn'],
    { cwd: collectorDir, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/waymark.js`, 90_000);
  return {
    url,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {}
      await new Promise((resolve) => child.once('exit', resolve).once('error', resolve));
      rmSync(persist, { recursive: true, force: true });
    },
  };
}

export async function createSite(collector: string, origins: string[]): Promise<{ site: string; export_token: string }> {
  const response = await fetch(`${collector}/v1/admin/sites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'E2E shop', origins }),
  });
  if (response.status !== 201) throw new Error(`site creation answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { site: string; export_token: string };
}
