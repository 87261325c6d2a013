// `pnpm dev`: the demo. Builds the packages, applies the D1 migrations to the local
// database, seeds the `wm_demo` site with a fresh export token and the example shop's
// feedback prompt (thank-you page), starts the collector
// with `wrangler dev`, the static shop and the SPA shop, and prints where everything is.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEEDBACK_PROMPTS } from '../examples/static-shop/feedbackPrompts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const collectorDir = fileURLToPath(new URL('../packages/collector/', import.meta.url));
const PORT = Number(process.env.WAYMARK_PORT ?? 8787);
const DEMO_SITE = 'wm_demo';
const DEMO_ORIGINS = ['http://localhost:8788', 'http://127.0.0.1:8788', 'http://localhost:5173', 'http://127.0.0.1:5173', `http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`dev: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

run('pnpm', ['build'], root);

const devVars = `${collectorDir}.dev.vars`;
if (!existsSync(devVars)) {
  writeFileSync(devVars, `ADMIN_TOKEN=${randomBytes(24).toString('base64url')}\n`);
  console.log('dev: wrote packages/collector/.dev.vars with a new ADMIN_TOKEN (git-ignored)');
}

run('pnpm', ['exec', 'wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'], collectorDir);

const exportToken = `wm_exp_${randomBytes(32).toString('base64url')}`;
const tokenHash = createHash('sha256').update(exportToken).digest('hex');
const origins = JSON.stringify(DEMO_ORIGINS).replaceAll("'", "''");
const prompts = JSON.stringify(FEEDBACK_PROMPTS).replaceAll("'", "''");
const seed = `INSERT INTO sites (key, name, origins, prompts, export_token_hash, created_at)
  VALUES ('${DEMO_SITE}', 'Demo shop', '${origins}', '${prompts}', '${tokenHash}', ${Date.now()})
  ON CONFLICT (key) DO UPDATE SET origins = excluded.origins, prompts = excluded.prompts, export_token_hash = excluded.export_token_hash`;
run('pnpm', ['exec', 'wrangler', 'd1', 'execute', 'DB', '--local', '--command', seed.replace(/\s+/g, ' ')], collectorDir);

const collectorUrl = `http://localhost:${PORT}`;
const children = [
  spawn('pnpm', ['exec', 'wrangler', 'dev', '--port', String(PORT), '--ip', '127.0.0.1'], { cwd: collectorDir, stdio: 'inherit', detached: true }),
  spawn('node', ['server.mjs'], {
    cwd: `${root}examples/static-shop`,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, PORT: '8788', WAYMARK_COLLECTOR: collectorUrl, WAYMARK_SITE: DEMO_SITE },
  }),
  spawn('pnpm', ['exec', 'vite'], {
    cwd: `${root}examples/spa-shop`,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, PORT: '5173', VITE_WAYMARK_ENDPOINT: collectorUrl, VITE_WAYMARK_SITE: DEMO_SITE },
  }),
];

const base = `http://localhost:${PORT}`;
waitFor(`${base}/v1/openapi.json`).then(() => {
  console.log(`
  Waymark demo is running
    static shop    http://localhost:8788   (script tag)
    SPA shop       http://localhost:5173   (npm: init() from @waymark/sdk)
    collector      ${base}          (POST /v1/collect, GET /v1/export, /v1/reports/*)
    script tag     ${base}/waymark.js
    journey map    ${base}/map
    demo site key  ${DEMO_SITE}
    export token   ${exportToken}

  Try:  curl -H "Authorization: Bearer ${exportToken}" "${base}/v1/export?site=${DEMO_SITE}&from=2020-01-01&to=2100-01-01"
`);
});

// Each child leads its own process group, so stopping one stops what it started (pnpm →
// wrangler → workerd) whether the demo got Ctrl-C or a plain kill.
const stopAll = (signal) =>
  children.forEach((child) => {
    try {
      process.kill(-child.pid, signal);
    } catch {}
  });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
for (const child of children) child.on('exit', (code) => {
  stopAll('SIGTERM');
  process.exit(code ?? 0);
});

async function waitFor(url) {
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
