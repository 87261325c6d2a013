// `node bench/export.mjs` (collector): exports 1 M events from a local `wrangler dev` and
// prints rows/s and the peak memory of the Worker's workerd process (which also hosts the
// local D1) and of this client, for NDJSON pages of 1000 and 10 000 rows and CSV, then the
// cost of a funnel report over the whole range. Rows read per row returned by the export
// queries are asserted in test/queryPlans.test.ts (local `wrangler d1 execute` reports no
// rows_read). Self-contained: a fresh D1 in a temp dir, seeded by SQL (bench/seed.mjs,
// rolled up by the triggers as it goes in), removed at the end.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { exportEvents } from '../src/client/exportEvents.ts';
import { startCollector } from '../test-e2e/localCollector.ts';
import { seedFile } from './seed.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PAGE = 10_000;
const START = Date.UTC(2025, 9, 1);
const token = 'wm_exp_' + randomBytes(32).toString('base64url');

let collector;
try {
  let seconds = 0;
  collector = await startCollector({
    env: 'bench',
    beforeStart: async (wrangler) => {
      seconds = await timed(() => wrangler(['d1', 'execute', 'DB', '--file', seedFile({ rows: ROWS, start: START, token })]));
    },
  });
  console.log(`seeded ${ROWS.toLocaleString('en')} events (one every 2.6 s over a month, a shop's touchpoint mix) in ${seconds.toFixed(1)} s`);
  const { base: endpoint, port } = collector;
  const workerd = findWorkerd(port);
  const range = { from: START, to: START + 31 * 86_400_000 };

  for (const [format, pageSize] of [['ndjson', 1000], ['ndjson', PAGE], ['csv', PAGE]]) {
    const memory = sampleMemory(workerd);
    const before = rssOf(workerd);
    let rows = 0;
    let bytes = 0;
    seconds = await timed(async () => {
      if (format === 'ndjson') {
        for await (const event of exportEvents({ endpoint, token, ...range, pageSize, fetch: patientFetch })) {
          rows += 1;
          bytes += event.id.length;
        }
      } else {
        ({ rows, bytes } = await rawCsvWalk(endpoint, range));
      }
    });
    const peak = memory.stop();
    if (rows !== ROWS) throw new Error(`${format}: exported ${rows} rows, expected ${ROWS}`);
    console.log(
      `${format.padEnd(6)} pages of ${String(pageSize).padStart(5)}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s` +
        (format === 'csv' ? ` (${(bytes / 1e6).toFixed(0)} MB)` : '') +
        ` · workerd RSS ${mb(before)} before, peak ${mb(peak.workerd)} · client peak RSS ${mb(peak.client)}`,
    );
  }

  const funnelStart = performance.now();
  const funnel = await fetch(`${endpoint}/v1/reports/funnel?from=${range.from}&to=${range.to}`, { headers: { Authorization: `Bearer ${token}` } });
  await funnel.json();
  console.log(`funnel report over all ${ROWS.toLocaleString('en')} rows: ${((performance.now() - funnelStart) / 1000).toFixed(2)} s, ${Number(funnel.headers.get('X-Rows-Read')).toLocaleString('en')} rows read (8 statements over the rollups)`);
} finally {
  await collector?.stop();
}

/** CSV pages fetched raw, following Link headers; rows counted by record (header excluded). */
async function rawCsvWalk(endpoint, range) {
  let url = `${endpoint}/v1/export?from=${range.from}&to=${range.to}&format=csv&limit=${PAGE}`;
  let rows = 0;
  let bytes = 0;
  while (url) {
    const response = await patientFetch(new Request(url, { headers: { Authorization: `Bearer ${token}` } }));
    if (response.status !== 200) throw new Error(`csv page answered ${response.status}`);
    const text = await response.text();
    bytes += text.length;
    rows += text.split('\r\n').length - 2;
    url = response.headers.get('Link')?.match(/<([^>]+)>/)?.[1];
  }
  return { rows, bytes };
}

/**
 * fetch that waits out a refused connection: `wrangler dev` restarts its Worker when files it
 * watches change (another build writing public/), and a page request is safe to repeat.
 */
async function patientFetch(request) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(request.clone());
    } catch (error) {
      if (attempt === 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function sampleMemory(pid) {
  const peak = { workerd: 0, client: 0 };
  const sample = () => {
    peak.workerd = Math.max(peak.workerd, rssOf(pid));
    peak.client = Math.max(peak.client, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  return { stop: () => (clearInterval(timer), sample(), peak) };
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)[1]) * 1024;
}

/** The workerd serving our port (wrangler → workerd), found by its command line. */
function findWorkerd(port) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('workerd') && cmd.includes(`127.0.0.1:${port}`)) return Number(entry);
    } catch {}
  }
  throw new Error('workerd process not found');
}

async function timed(work) {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

function mb(bytes) {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}
