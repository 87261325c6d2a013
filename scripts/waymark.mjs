#!/usr/bin/env node
// The one entry a newcomer needs: `npm run demo`, `npm test`, `npm run deploy` (or
// `pnpm dev|test|deploy`) all come here. It runs on whatever Node ships with the machine's
// npm (Node 20 is end-of-life, and wrangler and vitest need 22.12+), so it is plain ESM
// with no dependencies: it makes Node 22 and pnpm 10 available in the git-ignored .tools/,
// installs the workspace when node_modules is missing or older than the lockfile, installs
// Debian's Chromium for the tests when it can, then hands over to the real task under
// Node 22. Every step is skipped when already done, so a second run costs a second or two.
//
//   node scripts/waymark.mjs demo | test | deploy [args…] | env
//
// `env` prints `export PATH=…` for a shell: `eval "$(node scripts/waymark.mjs env)"`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tools = join(root, '.tools');
const NODE_MIN = [22, 12];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TASKS = {
  demo: { run: ['node', 'scripts/dev.mjs'] },
  test: { run: ['pnpm', 'run', 'test:all'], browser: true },
  deploy: { run: ['node', 'packages/collector/scripts/deploy.mjs'] },
  env: {},
};

const [task, ...args] = process.argv.slice(2);
if (!(task in TASKS)) {
  console.error(`usage: node scripts/waymark.mjs ${Object.keys(TASKS).join('|')} [args…]`);
  process.exit(2);
}

// npm and pnpm pass their own settings down as npm_* variables; the tools started below
// must read the repo's settings, not those of the npm (and Node) that launched this script.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const paths = [];
ensureNode();
ensurePnpm();
env.PATH = [...paths, env.PATH].join(delimiter);

if (task === 'env') {
  console.log(`export PATH=${JSON.stringify(paths.join(delimiter))}:"$PATH"`);
  process.exit(0);
}
ensureInstalled();
if (TASKS[task].browser) ensureChromium();
const [command, ...commandArgs] = TASKS[task].run;
process.exit(run(command, [...commandArgs, ...args]));

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: 'inherit', ...options });
  if (result.error) {
    console.error(`waymark: ${command} could not start: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function must(command, commandArgs, what) {
  if (run(command, commandArgs, { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
    console.error(`waymark: ${what} failed (${command} ${commandArgs.join(' ')})`);
    process.exit(1);
  }
}

function versionOf(command) {
  const result = spawnSync(command, ['--version'], { env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '').split('.').map(Number) : null;
}

function newEnough([major, minor] = [], [wantMajor, wantMinor] = NODE_MIN) {
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

function ensureNode() {
  const local = join(tools, 'node/node_modules/node/bin');
  if (existsSync(join(local, 'node'))) paths.push(local);
  else if (!newEnough(process.versions.node.split('.').map(Number))) {
    console.error(`waymark: Node ${process.versions.node} is older than ${NODE_MIN.join('.')}; installing Node 22 into .tools/node (once)`);
    must('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', join(tools, 'node'), 'node@22'], 'installing Node 22');
    paths.push(local);
  } else return;
  env.PATH = [local, env.PATH].join(delimiter);
}

function ensurePnpm() {
  const local = join(tools, 'pnpm/node_modules/.bin');
  if (existsSync(join(local, 'pnpm'))) return void paths.push(local);
  if (versionOf('pnpm')?.[0] === 10) return;
  console.error('waymark: installing pnpm 10 into .tools/pnpm (once)');
  must('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', join(tools, 'pnpm'), 'pnpm@10'], 'installing pnpm 10');
  paths.push(local);
}

/** node_modules is current when it was installed from this lockfile, by this Node major. */
function ensureInstalled() {
  const stamp = join(root, 'node_modules/.waymark-installed');
  const node = versionOf('node')?.[0];
  const want = createHash('sha256').update(readFileSync(join(root, 'pnpm-lock.yaml'))).update(`node${node}`).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  console.error('waymark: installing the workspace (pnpm install)');
  if (run('pnpm', ['install', '--frozen-lockfile']) !== 0) process.exit(1);
  writeFileSync(stamp, want);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { env }).status === 0;
  if (!isRoot || !apt) {
    console.error(`waymark: the browser tests need Chromium at ${CHROMIUM}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH), then try again`);
    process.exit(1);
  }
  console.error("waymark: installing Chromium from Debian's packages (once)");
  const quiet = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const step of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    if (run('apt-get', step, { env: quiet, stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
      console.error('waymark: installing Chromium failed; run `apt-get install -y chromium` by hand');
      process.exit(1);
    }
  }
}
