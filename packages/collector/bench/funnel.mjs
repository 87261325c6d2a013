// `node bench/funnel.mjs` (collector): the funnel and persona reports' latency and rows read
// (D1's rows_read, the X-Rows-Read header) over a day, a week and a month — the persona
// report with the 8 default persona rules — on shops seeded with
// 100 k and 1 M events in that month (BENCH_FUNNEL_ROWS=100000,1000000,10000000 to choose),
// each in a fresh local D1; the seed goes through the rollup triggers like live ingest.
// Then bytes per event: events with their indexes, and the rollup tables apart.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startCollector } from '../test-e2e/localCollector.ts';
import { bytesLine, bytesPerEvent, findSqlite } from './localD1.mjs';
import { seedFile } from './seed.mjs';

const SIZES = (process.env.BENCH_FUNNEL_ROWS ?? '100000,1000000').split(',').map(Number);
const START = Date.UTC(2025, 9, 1);
const MONTH = 31 * 86_400_000;
const RUNS = 5;

console.log('events in the month | seeded in | report   | range | p50 ms | min ms | rows read');
console.log('------------------- | --------- | -------- | ----- | ------ | ------ | ---------');
for (const rows of SIZES) {
  const token = 'wm_exp_' + randomBytes(32).toString('base64url');
  let seeded = 0;
  const collector = await startCollector({
    env: 'bench',
    keepState: true,
    beforeStart: (wrangler) => {
      const started = performance.now();
      wrangler(['d1', 'execute', 'DB', '--file', seedFile({ rows, start: START, token, spacing: Math.floor(MONTH / rows) })]);
      seeded = (performance.now() - started) / 1000;
    },
  });
  try {
    for (const [report, [name, days]] of ['funnel', 'personas', 'flows'].flatMap((r) => [['day', 1], ['week', 7], ['month', 31]].map((range) => [r, range]))) {
      const from = START + 10 * 86_400_000 * (days === 1 ? 1 : 0);
      const to = Math.min(from + days * 86_400_000, START + MONTH);
      const times = [];
      let rowsRead = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const response = await fetch(`${collector.base}/v1/reports/${report}?from=${from}&to=${to}`, { headers: { Authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`${report} answered ${response.status}: ${await response.text()}`);
        await response.json();
        times.push(performance.now() - started);
        rowsRead = Number(response.headers.get('X-Rows-Read'));
      }
      times.sort((a, b) => a - b);
      console.log(
        [rows.toLocaleString('en').padStart(19), `${seeded.toFixed(0)} s`.padStart(9), report.padEnd(8), name.padEnd(5), times[RUNS >> 1].toFixed(0).padStart(6), times[0].toFixed(0).padStart(6), rowsRead.toLocaleString('en').padStart(9)].join(' | '),
      );
    }
  } finally {
    await collector.stop();
  }
  reportBytes(collector.persist);
  rmSync(collector.persist, { recursive: true, force: true });
}

function reportBytes(persist) {
  console.log(`  ${bytesLine(bytesPerEvent(findSqlite(persist)))}`);
}
