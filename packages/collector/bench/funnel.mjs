// `node bench/funnel.mjs` (collector): the funnel and persona reports' latency and rows read
// (D1's rows_read, the X-Rows-Read header) over a day, a week and a month — the persona
// report with the 8 default persona rules — on shops seeded with
// 100 k and 1 M events in that month (BENCH_FUNNEL_ROWS=100000,1000000,10000000 to choose),
// each in a fresh local D1; the seed goes through the rollup triggers like live ingest.
// Then bytes per event: events with their indexes, and the rollup tables apart.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { startCollector } from '../test-e2e/localCollector.ts';
import { findSqlite } from './localD1.mjs';
import { seedFile } from './seed.mjs';

const SIZES = (process.env.BENCH_FUNNEL_ROWS ?? '100000,1000000').split(',').map(Number);
const START = Date.UTC(2025, 9, 1);
const MONTH = 31 * 86_400_000;
const RUNS = 5;
const EVENT_TABLES = ['events', 'events_by_id', 'events_by_visitor'];
const ROLLUP_TABLES = ['visitor_hours', 'visit_hours', 'visitor_hour_types', 'visitor_hour_landings', 'visitor_hour_money', 'hour_transitions', 'hour_vitals', 'visitor_totals', 'visitor_sessions', 'visitor_products', 'visitor_cart_days', 'visitor_hour_feedback', 'feedback_comments'];

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
    for (const [report, [name, days]] of ['funnel', 'personas'].flatMap((r) => [['day', 1], ['week', 7], ['month', 31]].map((range) => [r, range]))) {
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

/** Bytes per event of the events table with its indexes, and of the rollups, from the D1 file. */
function reportBytes(persist) {
  const db = new DatabaseSync(findSqlite(persist), { readOnly: true });
  const count = db.prepare('SELECT count(*) AS n FROM events').get().n;
  const sizes = new Map(db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all().map((r) => [r.name, r.bytes]));
  db.close();
  const per = (names) => names.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0) / count;
  const rollups = ROLLUP_TABLES.map((name) => `${name} ${((sizes.get(name) ?? 0) / count).toFixed(0)}`).join(', ');
  console.log(`  bytes per event at ${count.toLocaleString('en')}: events + indexes ${per(EVENT_TABLES).toFixed(0)} B, rollups ${per(ROLLUP_TABLES).toFixed(0)} B (${rollups})`);
}
