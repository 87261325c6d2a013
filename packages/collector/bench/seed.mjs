// The benches' seeded shop: one site (id 1, its export token's hash) and `rows` events in a
// single INSERT … SELECT over a counter — a shop's touchpoint mix, one visit (and visitor)
// per ten events, one event every `spacing` ms from `start`. The rollup triggers roll the
// rows up as they go in, as they would at ingest. Rows are stored compact, as the collector
// writes them (src/events/compactEvent.ts): 500 product pages and the Google referrer in
// event_pages, 500 products in product_facts.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function seedFile({ rows, start, token, spacing = 2678 }) {
  const hash = createHash('sha256').update(token).digest('hex');
  const sql = `
INSERT INTO sites (id, key, name, origins, export_token_hash, created_at) VALUES (1, 'wm_bench_export', 'Bench shop', '["*"]', '${hash}', 0);
WITH RECURSIVE p(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM p WHERE j < 499)
INSERT INTO event_pages (site_id, id, page) SELECT 1, j, 'https://shop.example/products/shirt-' || j FROM p;
INSERT INTO event_pages (site_id, id, page) VALUES (1, 500, 'https://www.google.com/');
WITH RECURSIVE p(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM p WHERE j < 499)
INSERT INTO product_facts (site_id, id, facts)
SELECT 1, j, '{"id":"SKU-' || j || '","name":"Oxford shirt, \\"slim\\"","price":39.9,"currency":"EUR","brand":"Acme","category":"Shirts"}' FROM p;
INSERT INTO events (site_id, ts, id, received_delay, type, stage, visitor, session, user_id, url, referrer, channel, search_engine, country, device, props)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows - 1})
SELECT 1, ${start} + i * ${spacing}, printf('evt_%012d_bench', i), 120 + i % 900,
  CASE i % 10 WHEN 0 THEN 'landing' WHEN 1 THEN 'product_list_view' WHEN 2 THEN 'product_view' WHEN 3 THEN 'page_view'
    WHEN 4 THEN 'product_view' WHEN 5 THEN 'cart_add' WHEN 6 THEN 'cart_view' WHEN 7 THEN 'checkout_start'
    WHEN 8 THEN 'web_vitals' ELSE 'order_complete' END,
  CASE i % 10 WHEN 0 THEN 1 WHEN 5 THEN 3 WHEN 6 THEN 3 WHEN 7 THEN 3 WHEN 8 THEN 3 WHEN 9 THEN 4 ELSE 2 END,
  printf('a_%019d', i / 10), printf('s_%019d', i / 10), NULL,
  (i % 500) || '?variant=' || (i % 7),
  CASE i % 10 WHEN 0 THEN '500' END,
  CASE i % 10 WHEN 0 THEN 'organic_search' END,
  CASE i % 10 WHEN 0 THEN 'google' END,
  'FR', 'mobile',
  CASE WHEN i % 10 IN (2, 4, 5) THEN '{"product":{"id":"SKU-' || (i % 500) || '","price":39.9,"currency":"EUR","#":' || (i % 500) || '}}'
       WHEN i % 10 = 8 THEN '{"lcp":' || (1200 + i % 1500) || ',"inp":96,"cls":0.02,"fcp":900,"ttfb":210,"page_type":"checkout_start"}'
       WHEN i % 10 = 9 THEN '{"order_id":"#' || i || '","revenue":44.85,"currency":"EUR","shipping":4.95}' END
FROM n;`;
  const file = join(mkdtempSync(join(tmpdir(), 'waymark-seed-')), 'seed.sql');
  writeFileSync(file, sql);
  return file;
}
