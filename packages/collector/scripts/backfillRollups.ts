// `pnpm --filter @waymark/collector backfill-rollups -- --local` (or `--remote`): builds the
// rollups of events stored before migration 0003, which left them in events_before_rollups.
// Each chunk is one `wrangler d1 execute` that saves its cursor in rollup_backfill and moves
// the rows up to it into `events`, whose triggers roll them up; stop it at any time and run
// it again to resume. Live ingest may go on meanwhile: a moved event already stored live is
// kept once, and rollups stay exact. Options: --chunk <rows> (default 2000), --env <name>,
// --persist-to <dir> (a local state directory, as `wrangler dev --persist-to`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BACKFILL_STATUS, backfillChunk } from '../src/rollups/queries.ts';

const collectorDir = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: {
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    chunk: { type: 'string', default: '2000' },
    env: { type: 'string' },
    'persist-to': { type: 'string' },
  },
});
if (options.local === options.remote) fail('say where: --local or --remote');
const chunk = backfillChunk(Number(options.chunk));
const target = [
  options.local ? '--local' : '--remote',
  ...(options.env ? ['--env', options.env] : []),
  ...(options['persist-to'] ? ['--persist-to', options['persist-to']] : []),
];
const wranglerBin = process.env.WRANGLER ?? `${collectorDir}node_modules/.bin/wrangler`;

function execute(sql: string): Record<string, unknown>[] {
  const result = spawnSync(wranglerBin, ['d1', 'execute', 'DB', ...target, '--json', '--command', sql], {
    cwd: collectorDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) fail(`wrangler d1 execute failed; run again to resume from the saved cursor`);
  const answers = JSON.parse(result.stdout) as { results: Record<string, unknown>[] }[];
  return answers.at(-1)?.results ?? [];
}

function fail(message: string): never {
  console.error(`backfill-rollups: ${message}`);
  process.exit(1);
}

// Each run of wrangler costs seconds: a chunk and the status after it go as one command.
const started = Date.now();
let [status] = execute(BACKFILL_STATUS);
while (status?.pending) {
  console.log(`backfill-rollups: ${Number(status.moved)} events rolled up (${Math.round((Date.now() - started) / 1000)} s)`);
  [status] = execute(`${chunk}\n${BACKFILL_STATUS}`);
}
console.log(`backfill-rollups: done, ${Number(status?.moved ?? 0)} events rolled up`);
