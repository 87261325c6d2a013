import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitForHttp } from './waitForHttp.ts';

const spaDir = fileURLToPath(new URL('../../examples/spa-shop/', import.meta.url));

/** The SPA example under Vite's dev server, pointed at `endpoint` with `site`. */
export async function startSpaShop(port: number, endpoint: string, site: string) {
  const child = spawn('pnpm', ['exec', 'vite', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--logLevel', 'warn'], {
    cwd: spaDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, VITE_WAYMARK_ENDPOINT: endpoint, VITE_WAYMARK_SITE: site },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, 60_000);
  return {
    url,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {}
      await new Promise((resolve) => child.once('exit', resolve).once('error', resolve));
    },
  };
}
