import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const collectorDir = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'waymark-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Workers' script size limit on the Free plan (after compression); the paid plan allows 10 MiB. */
const WORKER_LIMIT_GZIP = 3 * 1024 * 1024;

describe('the Worker deploys', () => {
  for (const env of [undefined, 'queue']) {
    it(`wrangler deploy --dry-run${env ? ` --env ${env}` : ''} bundles under the Workers size limit`, () => {
      const outdir = join(work, `dry-run-${env ?? 'default'}`);
      const result = spawnSync('pnpm', ['exec', 'wrangler', 'deploy', '--dry-run', '--outdir', outdir, ...(env ? ['--env', env] : [])], {
        cwd: collectorDir,
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      const files = readdirSync(outdir).filter((file) => file.endsWith('.js'));
      expect(files.length).toBeGreaterThan(0);
      const bundle = Buffer.concat(files.map((file) => readFileSync(join(outdir, file))));
      const gzip = gzipSync(bundle, { level: 9 }).length;
      console.log(`[deploy] ${env ?? 'default'} environment: Worker bundle ${bundle.length} B, ${gzip} B gzip (limit ${WORKER_LIMIT_GZIP} B gzip)`);
      expect(gzip).toBeLessThan(WORKER_LIMIT_GZIP);
    });
  }
});

/**
 * A stand-in for wrangler talking to a Cloudflare account (this machine reaches none): it
 * keeps the account's databases, queues, secrets and deployments in a JSON file and logs
 * every call, so the deploy script's decisions can be checked run after run.
 */
const FAKE_WRANGLER = `#!/usr/bin/env node
const fs = require('node:fs');
const file = process.env.FAKE_ACCOUNT;
const account = JSON.parse(fs.readFileSync(file, 'utf8'));
const args = process.argv.slice(2).filter((a, i, all) => a !== '--config' && all[i - 1] !== '--config');
account.calls.push(args.join(' '));
const save = () => fs.writeFileSync(file, JSON.stringify(account));
const is = (...words) => words.every((w, i) => args[i] === w);
let code = 0;
if (is('whoami')) code = account.loggedIn ? 0 : 1;
else if (is('d1', 'list')) process.stdout.write(JSON.stringify(account.databases));
else if (is('d1', 'create')) {
  const uuid = '5e1f3c2a-0b7d-4c1e-9a8f-' + String(account.databases.length + 1).padStart(12, '0');
  account.databases.push({ uuid, name: args[2] });
  process.stdout.write('Created database ' + args[2] + '\\n  "database_id": "' + uuid + '"\\n');
} else if (is('queues', 'info')) code = account.queues.includes(args[2]) ? 0 : 1;
else if (is('queues', 'create')) account.queues.push(args[2]);
else if (is('secret', 'list')) process.stdout.write(JSON.stringify(account.secrets.map((name) => ({ name, type: 'secret_text' }))));
else if (is('secret', 'put')) {
  const value = fs.readFileSync(0, 'utf8');
  if (!value) code = 1; else account.secrets.push(args[2]);
}
save();
process.exit(code);
`;

function deploy(account: string, config: string, ...args: string[]) {
  const result = spawnSync('node', ['scripts/deploy.mjs', '--no-build', '--config', config, ...args], {
    cwd: collectorDir,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER: join(work, 'wrangler'), FAKE_ACCOUNT: account },
  });
  const state = JSON.parse(readFileSync(account, 'utf8')) as { calls: string[]; databases: { uuid: string }[]; queues: string[]; secrets: string[] };
  return { ...result, state };
}

describe('npm run deploy', () => {
  writeFileSync(join(work, 'wrangler'), FAKE_WRANGLER);
  chmodSync(join(work, 'wrangler'), 0o755);
  const newAccount = (name: string, loggedIn = true) => {
    const account = join(work, `${name}.json`);
    writeFileSync(account, JSON.stringify({ loggedIn, calls: [], databases: [], queues: [], secrets: [] }));
    const config = join(work, `${name}.jsonc`);
    copyFileSync(join(collectorDir, 'wrangler.jsonc'), config);
    return { account, config };
  };

  it('creates the database, migrates, deploys and prints a new ADMIN_TOKEN once; a second run creates nothing', () => {
    const { account, config } = newAccount('fresh');
    const first = deploy(account, config);
    expect(first.status, first.stderr).toBe(0);
    const id = first.state.databases[0]!.uuid;
    expect(first.state.calls).toEqual([
      'whoami',
      'd1 list --json',
      'd1 create waymark',
      'd1 migrations apply DB --remote',
      'deploy',
      'secret list --format json',
      'secret put ADMIN_TOKEN',
    ]);
    const written = readFileSync(config, 'utf8');
    expect(written.match(new RegExp(id, 'g'))).toHaveLength(2);
    expect(written).toContain('"database_id": "00000000-0000-0000-0000-000000000001"');
    expect(first.stdout).toMatch(/ADMIN_TOKEN=[A-Za-z0-9_-]{43}\n/);

    const again = deploy(account, config);
    expect(again.status, again.stderr).toBe(0);
    expect(again.state.calls.slice(first.state.calls.length)).toEqual(['whoami', 'd1 migrations apply DB --remote', 'deploy', 'secret list --format json']);
    expect(again.state.databases).toHaveLength(1);
    expect(again.stdout).not.toContain('ADMIN_TOKEN=');
    expect(readFileSync(config, 'utf8')).toBe(written);
  });

  it('reuses an existing database, and with --env queue creates the missing queues', () => {
    const { account, config } = newAccount('queue');
    const state = JSON.parse(readFileSync(account, 'utf8'));
    writeFileSync(account, JSON.stringify({ ...state, databases: [{ uuid: '0b0b0b0b-1111-4222-8333-444444444444', name: 'waymark' }], queues: ['waymark-events'] }));
    const run = deploy(account, config, '--env', 'queue');
    expect(run.status, run.stderr).toBe(0);
    expect(run.state.calls).not.toContain('d1 create waymark');
    expect(run.state.calls).toContain('queues create waymark-events-dead');
    expect(run.state.calls).not.toContain('queues create waymark-events');
    expect(run.state.calls).toContain('deploy --env queue');
    expect(readFileSync(config, 'utf8')).toContain('0b0b0b0b-1111-4222-8333-444444444444');
  });

  it('stops with what to do when wrangler is not logged in', () => {
    const { account, config } = newAccount('anonymous', false);
    const run = deploy(account, config);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('wrangler login');
    expect(run.state.calls).toEqual(['whoami']);
  });
});
