// `npm run deploy` (after `wrangler login`): creates what the collector needs on the
// Cloudflare account when it is missing, then deploys. Safe to run again: each step first
// asks whether its resource exists.
//   1. the D1 database `waymark` (its id written into wrangler.jsonc: commit it);
//   2. with `--env queue`, the queues `waymark-events` and `waymark-events-dead`;
//   3. the D1 migrations, applied remotely (wrangler skips those already applied);
//   4. the Worker, built and deployed;
//   5. the ADMIN_TOKEN secret, generated and printed once when the Worker has none.
// Options: --env queue, --config <wrangler.jsonc>, --no-build. WRANGLER names another
// wrangler executable (the tests use a stand-in for the Cloudflare account).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const collectorDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const DATABASE = 'waymark';
const QUEUES = ['waymark-events', 'waymark-events-dead'];
const PLACEHOLDER_ID = /("database_name":\s*"waymark"[^}]*?"database_id":\s*")0{8}-0{4}-0{4}-0{4}-0{12}(")/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const { values: options } = parseArgs({
  options: {
    env: { type: 'string' },
    config: { type: 'string', default: `${collectorDir}wrangler.jsonc` },
    'no-build': { type: 'boolean', default: false },
  },
});
const wranglerBin = process.env.WRANGLER ?? `${collectorDir}node_modules/.bin/wrangler`;
const envArgs = options.env ? ['--env', options.env] : [];

function wrangler(args, { input, quiet = false } = {}) {
  const result = spawnSync(wranglerBin, [...args, '--config', options.config], {
    cwd: collectorDir,
    encoding: 'utf8',
    input,
    // No terminal on stdin: wrangler then takes its confirmations as given instead of asking.
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', quiet ? 'pipe' : 'inherit'],
  });
  return { ok: result.status === 0, out: result.stdout ?? '' };
}

function step(message) {
  console.log(`deploy: ${message}`);
}

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

function mustRun(args, what, input) {
  const result = wrangler(args, { input });
  if (!result.ok) fail(`${what} failed (wrangler ${args.join(' ')})`);
  return result.out;
}

function jsonOf(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    fail(`wrangler's answer to ${what} was not JSON`);
  }
}

if (!wrangler(['whoami'], { quiet: true }).ok) fail('not logged in to Cloudflare: run `pnpm --filter @waymark/collector exec wrangler login` first');

const configText = readFileSync(options.config, 'utf8');
if (configText.search(PLACEHOLDER_ID) >= 0) {
  const databases = jsonOf(mustRun(['d1', 'list', '--json'], 'listing D1 databases'), 'd1 list');
  let id = databases.find((db) => db.name === DATABASE)?.uuid;
  if (id) step(`using the existing D1 database ${DATABASE} (${id})`);
  else {
    id = mustRun(['d1', 'create', DATABASE], `creating the D1 database ${DATABASE}`).match(UUID)?.[0];
    if (!id) fail(`wrangler created ${DATABASE} but printed no id`);
    step(`created the D1 database ${DATABASE} (${id})`);
  }
  writeFileSync(options.config, configText.replace(PLACEHOLDER_ID, `$1${id}$2`));
  step(`wrote its id into ${options.config}; commit it`);
}

if (options.env === 'queue') {
  for (const queue of QUEUES) {
    if (wrangler(['queues', 'info', queue], { quiet: true }).ok) continue;
    mustRun(['queues', 'create', queue], `creating the queue ${queue}`);
    step(`created the queue ${queue}`);
  }
}

mustRun(['d1', 'migrations', 'apply', 'DB', '--remote', ...envArgs], 'applying the D1 migrations');
step('D1 migrations applied');

if (!options['no-build']) {
  const build = spawnSync('pnpm', ['build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) fail('pnpm build failed');
}
mustRun(['deploy', ...envArgs], 'wrangler deploy');
step('Worker deployed');

const secrets = jsonOf(mustRun(['secret', 'list', '--format', 'json', ...envArgs], 'listing secrets'), 'secret list');
if (!secrets.some((secret) => secret.name === 'ADMIN_TOKEN')) {
  const token = randomBytes(32).toString('base64url');
  mustRun(['secret', 'put', 'ADMIN_TOKEN', ...envArgs], 'setting ADMIN_TOKEN', token);
  step(`set the ADMIN_TOKEN secret; shown this once, keep it safe:\n\n    ADMIN_TOKEN=${token}\n`);
} else step('ADMIN_TOKEN is already set (rotate it with `wrangler secret put ADMIN_TOKEN`)');
