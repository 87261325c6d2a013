import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const collectorDir = fileURLToPath(new URL('..', import.meta.url));

export interface LocalCollector {
  base: string;
  port: number;
  adminToken: string;
  /** The folder holding the local D1 (and the rest of wrangler's local state). */
  persist: string;
  stop(): Promise<void>;
}

export interface LocalCollectorOptions {
  /** A wrangler environment of wrangler.jsonc (`bench`: roomy rate limits). */
  env?: string;
  /** Runs wrangler commands against the migrated, not yet started collector (to seed it). */
  beforeStart?: (wrangler: (args: string[]) => string) => void | Promise<void>;
  /** Keep the local state after `stop()` (the caller removes `persist`). */
  keepState?: boolean;
}

/**
 * `wrangler dev --local` on a free port over a fresh D1 in a temp dir, migrated by wrangler
 * itself: the collector as a developer runs it. Shared by the end-to-end tests and the
 * benches. `stop()` ends it (its whole process group) and removes the state.
 */
export async function startCollector({ env, beforeStart, keepState = false }: LocalCollectorOptions = {}): Promise<LocalCollector> {
  const persist = mkdtempSync(join(tmpdir(), 'waymark-local-'));
  const adminToken = 'local-admin-' + Math.random().toString(36).slice(2);
  const scope = [...(env ? ['--env', env] : []), '--local', '--persist-to', persist];
  const wrangler = (args: string[]) => {
    const result = spawnSync('pnpm', ['exec', 'wrangler', ...args, ...scope], { cwd: collectorDir, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (result.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null) {
      process.kill(-server.pid!, 'SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
      await groupGone(server.pid!);
    }
    if (!keepState) rmSync(persist, { recursive: true, force: true });
  };
  try {
    wrangler(['d1', 'migrations', 'apply', 'DB']);
    await beforeStart?.(wrangler);
    const port = await freePort();
    server = spawn('pnpm', ['exec', 'wrangler', 'dev', ...scope, '--port', String(port), '--ip', '127.0.0.1', '--var', `ADMIN_TOKEN:${adminToken}`, '--log-level', 'error'], {
      cwd: collectorDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilUp(base);
    return { base, port, adminToken, persist, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * pnpm exits before the workerd it started: until the whole process group is gone, the
 * local D1 file may still be locked ("database is locked" when a bench then reads it).
 */
async function groupGone(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.kill(-pid, 'SIGKILL');
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

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
