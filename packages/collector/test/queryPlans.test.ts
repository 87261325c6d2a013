import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { d1EventWriter } from '../src/events/eventWriter.ts';
import { expandRows } from '../src/events/expandRows.ts';
import { insertEvents } from '../src/events/queries.ts';
import { createSite, call } from './helpers.ts';
import { bearer } from './exportHelpers.ts';
import { EXPORT_SQL, END_OF_RANGE, selectionParams } from '../src/export/queries.ts';
import { FEEDBACK_SQL, FUNNEL_SQL, JOURNEY_SQL } from '../src/reports/queries.ts';
import { usedParams } from '../src/lib/usedParams.ts';
import type { ExportRow } from '../src/export/exportRow.ts';
import { DEFAULT_PERSONAS } from '../src/personas/defaultPersonas.ts';
import { personaCaseSql } from '../src/personas/personaSql.ts';
import { visitorFeatureSql } from '../src/personas/visitorFeatureSql.ts';

/** The plan's detail lines, e.g. `SEARCH events USING PRIMARY KEY (site_id=? AND ts>? AND ts<?)`. */
async function plan(sql: string, params: unknown[]): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

const RANGE_SEARCH = 'SEARCH events USING PRIMARY KEY (site_id=? AND ts>? AND ts<?)';
const DEFAULT_RULES = personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(9), 10);
const PERSONA = { rules: DEFAULT_PERSONAS, now: Date.now() };
const SELECTION = [1, 0, 10, 0, '', null, null, null, PERSONA.now, JSON.stringify(DEFAULT_RULES.values), '["mobile"]', '["other"]'];

describe('query plans', () => {
  it('export chunks are a range of the clustered primary key in its order, no sort', async () => {
    const detail = await plan(EXPORT_SQL.chunk, [...SELECTION, 5, 'x', 500]);
    expect(detail[0]).toBe(RANGE_SEARCH);
    expect(detail.join('\n')).not.toMatch(/TEMP B-TREE|SCAN events/);
  });

  it('the page-end look-ahead is the same range', async () => {
    const detail = await plan(EXPORT_SQL.pageEnd, [...SELECTION, 999]);
    expect(detail[0]).toBe(RANGE_SEARCH);
    expect(detail.join('\n')).not.toMatch(/TEMP B-TREE|SCAN events/);
  });

  it.each(Object.entries(FUNNEL_SQL))('funnel %s reads rollups by a range of their key, never a range of events', async (name, sql) => {
    const rules = personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(6), 7);
    const filters = JSON.stringify({ channels: ['email'], devices: ['mobile'], personas: ['other'] });
    const params = [1, 0, 10, filters, '[["2025-11-10",0,10]]', Date.now(), JSON.stringify(rules.values)];
    const detail = await plan(sql, usedParams(sql, params));
    // A persona filter looks each kept visitor up in their lifetime rollup by its key.
    for (const line of detail.filter((l) => /^(SCAN|SEARCH) (t|visitor_totals)( |$)/.test(l))) expect(line).toBe('SEARCH t USING PRIMARY KEY (site_id=? AND visitor=?)');
    const reads = detail.filter((line) =>
      /^(SCAN|SEARCH) (events|e|visitor_hours|visitor_hour_types|visitor_hour_landings|visitor_hour_money|visit_hours|hour_vitals|hour_visitors|hour_visitor_landings|hour_visitor_money|h|v|l|m)( |$)/.test(line) && !line.includes('VIRTUAL TABLE'),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const line of reads) {
      // The channel-filtered vitals read only the kept visitors' events, one index range each.
      if (name === 'WEB_VITALS_OF_KEPT' && line.startsWith('SEARCH e ')) {
        expect(line).toBe('SEARCH e USING INDEX events_by_visitor (site_id=? AND visitor=? AND ts>? AND ts<?)');
        continue;
      }
      expect(line).toMatch(
        new RegExp(
          [
            // A range of hours: of a rollup's key, or of a partial index (returning visitors' rows, abandoned carts).
            /^SEARCH \S+ USING PRIMARY KEY \(site_id=\? AND hour>\? AND hour<\?/,
            /^SEARCH \S+ USING INDEX visitor_hours_(returning|abandoned) \(site_id=\? AND hour>\? AND hour<\?\)$/,
            // A returning visitor's hours, then that hour's rows by their key.
            /^SEARCH h USING COVERING INDEX visitor_hours_by_visitor \(site_id=\? AND visitor=\? AND hour>\? AND hour<\?\)$/,
            /^SEARCH [vlm] USING PRIMARY KEY \(site_id=\? AND hour=\? AND visitor=\?/,
          ]
            .map((r) => r.source)
            .join('|'),
        ),
      );
    }
  });

  it.each(Object.entries(FEEDBACK_SQL))('feedback %s reads its rollups by a range of their key, events only one by one by their key', async (_name, sql) => {
    const rules = personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(6), 7);
    for (const filters of [null, JSON.stringify({ channels: ['email'], devices: ['mobile'], personas: ['other'] })]) {
      const params = [1, 0, 10, filters, '[["2025-11-10",0,10]]', Date.now(), JSON.stringify(rules.values)];
      const detail = await plan(sql, usedParams(sql, params));
      for (const line of detail.filter((l) => /^(SCAN|SEARCH) (t|visitor_totals)( |$)/.test(l))) expect(line).toBe('SEARCH t USING PRIMARY KEY (site_id=? AND visitor=?)');
      const reads = detail.filter((line) => /^(SCAN|SEARCH) (events|e|f|c|visitor_hours|visitor_hour_types|h)( |$)/.test(line));
      expect(reads.length).toBeGreaterThan(0);
      for (const line of reads) {
        // A comment's text: one event by its unique key.
        if (/^SEARCH e /.test(line)) expect(line).toBe('SEARCH e USING INDEX events_by_id (site_id=? AND id=? AND ts=?)');
        else expect(line).toMatch(/^SEARCH \S+ USING PRIMARY KEY \(site_id=\? AND (hour|ts)>\? AND (hour|ts)<\?\)/);
      }
      expect(detail.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('a journey is a range of events_by_visitor, in its order', async () => {
    const detail = await plan(JOURNEY_SQL, [1, 'a_x', 0, 10, 100]);
    expect(detail).toEqual(['SEARCH events USING INDEX events_by_visitor (site_id=? AND visitor=? AND ts>? AND ts<?)']);
  });
});

describe('rows read per row returned', () => {
  it('an export page deep in the range reads only its own rows, however many pages, sites and hours surround it', async () => {
    const rows = [];
    for (let i = 0; i < 3000; i++) {
      rows.push({ siteId: 900 + (i % 3), id: `rr_${i.toString().padStart(6, '0')}`, ts: 1_000_000 + i, receivedAt: 1_000_000 + i, type: 'page_view', stage: 2, visitor: 'v', session: 's', url: 'https://shop.example/' });
    }
    for (let i = 0; i < rows.length; i += 100) await insertEvents(env.DB, rows.slice(i, i + 100)).run();
    // Site 901's range [1 000 000, 1 002 700), resumed from a cursor 600 of its rows in.
    const selection = { siteId: 901, from: 1_000_000, to: 1_002_700, persona: PERSONA };
    const cursor = { ts: 1_001_801, id: 'rr_001801' };
    const chunk = await env.DB.prepare(EXPORT_SQL.chunk)
      .bind(...selectionParams(selection, cursor), END_OF_RANGE.ts, END_OF_RANGE.id, 250)
      .all<{ id: string }>();
    expect(chunk.results).toHaveLength(250);
    expect(chunk.results[0]!.id).toBe('rr_001804');
    expect(chunk.meta.rows_read).toBeLessThanOrEqual(252);
    // A page over one chunk first finds its last row: one more pass over the page's rows.
    const pageEnd = await env.DB.prepare(EXPORT_SQL.pageEnd).bind(...selectionParams(selection, cursor), 199).all();
    expect(pageEnd.results).toHaveLength(2);
    expect(pageEnd.meta.rows_read).toBeLessThanOrEqual(202);
  });

  it('compact rows cost one more row read per distinct page and product of a chunk, not per row', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      siteId: 950, id: `cr_${i.toString().padStart(6, '0')}`, ts: 2_000_000 + i, receivedAt: 2_000_000 + i, type: 'product_view', stage: 2,
      visitor: `v${i % 30}`, session: `s${i % 30}`, url: `https://shop.example/products/p${i % 4}?i=${i}`,
      props: JSON.stringify({ product: { id: `SKU-${i % 4}`, name: `Shirt ${i % 4}`, price: 10 } }),
    }));
    for (let i = 0; i < rows.length; i += 100) await d1EventWriter(env.DB).write(rows.slice(i, i + 100));
    const selection = { siteId: 950, from: 2_000_000, to: 2_000_300, persona: PERSONA };
    const chunk = await env.DB.prepare(EXPORT_SQL.chunk)
      .bind(...selectionParams(selection, { ts: 2_000_000, id: '' }), END_OF_RANGE.ts, END_OF_RANGE.id, 300)
      .all<ExportRow>();
    expect(chunk.results).toHaveLength(300);
    expect(chunk.meta.rows_read).toBeLessThanOrEqual(302);
    // Four pages and four products, each read once by its key (D1 counts the element of the
    // bound list it looked up as a row too).
    expect(await expandRows(env.DB, 950, chunk.results)).toBe(2 * 8);
    expect(chunk.results.map((row) => [row.url, row.props])).toEqual(rows.map((row) => [row.url, row.props]));
  });

  it('a funnel report reads rollup rows, fewer than the events of its range', async () => {
    const { site, export_token } = await createSite();
    const id = (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(site).first<{ id: number }>())!.id;
    const types = [['landing', 1], ['product_view', 2], ['cart_add', 3], ['order_complete', 4], ['web_vitals', 2]] as const;
    // 300 visitors, each with a visit of 10 events within a minute, two hours apart: January.
    const at = (i: number) => Date.UTC(2025, 0, 1) + (i % 300) * 7_200_000 + Math.floor(i / 300) * 5000;
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      siteId: id, id: `fr_${i.toString().padStart(6, '0')}`, ts: at(i), receivedAt: at(i),
      type: types[i % 5]![0], stage: types[i % 5]![1], visitor: `v${i % 300}`, session: `s${i % 300}`, url: 'https://shop.example/',
      props: i % 5 === 4 ? '{"lcp":100,"inp":20}' : undefined,
    }));
    for (let i = 0; i < rows.length; i += 100) await insertEvents(env.DB, rows.slice(i, i + 100)).run();
    const response = await call('/v1/reports/funnel?from=2025-01-01&to=2025-02-01', { headers: bearer(export_token) });
    expect(response.status).toBe(200);
    // The report reads rows per visitor and hour (300 in each rollup table here), not per
    // event: seven statements over them, D1 counting the rows of their sorts too (4010 today;
    // the raw-event report read 15 rows per event, 45 000).
    expect(Number(response.headers.get('X-Rows-Read'))).toBeLessThan(300 * 15);
  });
});
