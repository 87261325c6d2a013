// `pnpm bench` (collector): drives POST /v1/collect of a local `wrangler dev` with batches
// of 1, 20 and 100 events over 16 connections, and the same requests against the
// parse-and-validate-only POST /v1/validate as the baseline, in the same run: the two take
// turns of one second (BENCH_SECONDS turns each), so a machine whose load changes during the
// run weighs on both alike. Prints events/s, p50/p99 latency and the ratio to the baseline,
// then bytes per stored event.
import { rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { startCollector } from '../test-e2e/localCollector.ts';
import { bytesLine, bytesPerEvent, findSqlite } from './localD1.mjs';

const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

const collector = await startCollector({ env: 'bench', keepState: true });
const { base, adminToken, persist } = collector;
try {
  const site = await createSite();
  let sequence = 0;
  // A shop's journey mix, one visit per ten events, with the SPEC §2 example product_view.
  const product = (n) => ({ id: `SKU-${n % 500}`, name: 'Oxford shirt', price: 39.9, currency: 'EUR', brand: 'Acme', category: 'Shirts' });
  const JOURNEY = [
    (n) => ({ type: 'landing', url: `https://shop.example/?utm_source=google&utm_medium=cpc&gclid=Cj0K${n}`, ref: 'https://www.google.com/' }),
    (n) => ({ type: 'product_list_view', url: 'https://shop.example/collections/shirts', props: { list: 'Shirts', products: [product(n), product(n + 1), product(n + 2), product(n + 3)] } }),
    (n) => ({ type: 'product_view', url: `https://shop.example/products/shirt-${n % 500}`, props: { product: product(n) } }),
    (n) => ({ type: 'page_view', url: 'https://shop.example/pages/size-guide' }),
    (n) => ({ type: 'product_view', url: `https://shop.example/products/shirt-${(n + 7) % 500}`, props: { product: product(n + 7) } }),
    (n) => ({ type: 'cart_add', url: `https://shop.example/products/shirt-${(n + 7) % 500}`, props: { product: { ...product(n + 7), quantity: 1 } } }),
    (n) => ({ type: 'cart_view', url: 'https://shop.example/cart', props: { value: 39.9, currency: 'EUR', items: [{ ...product(n + 7), quantity: 1 }] } }),
    (n) => ({ type: 'checkout_start', url: 'https://shop.example/checkout', props: { value: 39.9, currency: 'EUR' } }),
    (n) => ({ type: 'web_vitals', url: 'https://shop.example/checkout', props: { lcp: 1840, inp: 96, cls: 0.02, fcp: 900, ttfb: 210, page_type: 'checkout_start' } }),
    (n) => ({ type: 'order_complete', url: 'https://shop.example/thank_you', props: { order_id: `#${n}`, revenue: 44.85, currency: 'EUR', shipping: 4.95 } }),
  ];
  const batchOf = (size) => {
    const now = Date.now();
    const events = Array.from({ length: size }, () => {
      sequence += 1;
      const visit = Math.floor(sequence / JOURNEY.length);
      return {
        id: `bench_${sequence.toString(36).padStart(10, '0')}_${process.pid}`,
        ts: now - 200,
        anon: `a_${visit.toString(36).padStart(19, 'x')}`,
        session: `s_${visit.toString(36).padStart(19, 'y')}`,
        ...JOURNEY[sequence % JOURNEY.length](sequence),
      };
    });
    return JSON.stringify({ site, sent_at: now, events });
  };

  const rows = [];
  for (const size of [1, 20, 100]) {
    const baseline = newTally();
    const collect = newTally();
    for (let turn = 0; turn < SECONDS; turn += 1) {
      await drive(baseline, '/v1/validate', size, batchOf, 200);
      await drive(collect, '/v1/collect', size, batchOf, 202);
    }
    rows.push({ size, collect: summary(collect), baseline: summary(baseline) });
  }
  console.log(`\nPOST /v1/collect vs parse-and-validate baseline — ${CONNECTIONS} connections, ${SECONDS} turns of 1 s each, taken in turn, local wrangler dev (workerd + local D1)\n`);
  console.log('batch | collect events/s | p50 ms | p99 ms | baseline events/s | p50 ms | p99 ms | ratio to baseline');
  console.log('----- | ---------------- | ------ | ------ | ----------------- | ------ | ------ | -----------------');
  for (const { size, collect: c, baseline: b } of rows) {
    console.log(
      [String(size).padStart(5), fmt(c.eventsPerSecond, 16), fmt(c.p50, 6, 1), fmt(c.p99, 6, 1), fmt(b.eventsPerSecond, 17), fmt(b.p50, 6, 1), fmt(b.p99, 6, 1), `${(c.eventsPerSecond / b.eventsPerSecond).toFixed(2)}×`.padStart(17)].join(' | '),
    );
  }
} finally {
  await collector.stop();
}
reportBytesPerEvent();
rmSync(persist, { recursive: true, force: true });

function newTally() {
  return { latencies: [], events: 0, seconds: 0 };
}

/** One turn of one second: CONNECTIONS clients posting batches of `size` to `path`, tallied. */
async function drive(tally, path, size, batchOf, expectedStatus) {
  const until = performance.now() + 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const body = batchOf(size);
      const started = performance.now();
      const response = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'User-Agent': UA }, body });
      await response.arrayBuffer();
      if (response.status !== expectedStatus) throw new Error(`${path} answered ${response.status}`);
      tally.latencies.push(performance.now() - started);
      tally.events += size;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  tally.seconds += (performance.now() - started) / 1000;
}

function summary({ latencies, events, seconds }) {
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { eventsPerSecond: events / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Bytes per stored event: the events table with its indexes, the compact side tables and the rollups apart. */
function reportBytesPerEvent() {
  const file = findSqlite(persist);
  const db = new DatabaseSync(file, { readOnly: true });
  const byType = db
    .prepare("SELECT type, avg(length(id) + length(url) + length(visitor) + length(session) + coalesce(length(referrer), 0) + coalesce(length(props), 0)) AS text FROM events GROUP BY type ORDER BY text")
    .all()
    .map((row) => `${row.type} ${row.text.toFixed(0)}`)
    .join(', ');
  db.close();
  console.log(`\nstorage, the journey mix of ten touchpoint types (pages as SQLite holds them):\n  ${bytesLine(bytesPerEvent(file))}\n  text bytes per event by type: ${byType}`);
}

async function createSite() {
  const response = await fetch(`${base}/v1/admin/sites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench shop', origins: ['*'] }),
  });
  if (response.status !== 201) throw new Error(`site creation answered ${response.status}: ${await response.text()}`);
  return (await response.json()).site;
}

function fmt(value, width, digits = 0) {
  return value.toFixed(digits).padStart(width);
}
