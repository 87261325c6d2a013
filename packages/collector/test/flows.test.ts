import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { flowsReport } from '../src/client/index.ts';
import { visitPathsSql } from '../src/flows/queries.ts';
import { DEFAULT_PERSONAS } from '../src/personas/defaultPersonas.ts';
import { personaCaseSql } from '../src/personas/personaSql.ts';
import { visitorFeatureSql } from '../src/personas/visitorFeatureSql.ts';
import { call, collect, createSite, SHOP } from './helpers.ts';
import { bearer } from './exportHelpers.ts';

const T = Date.UTC(2025, 11, 1, 10);
const RANGE = 'from=2025-12-01&to=2025-12-02';
const SECOND = 1000;
let sequence = 0;

/** A touchpoint of shopper `v`'s visit `visit`, `at` seconds after 10:00. */
function touch(v: number, visit: number, at: number, type: string, extra: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    id: `fl_${v}_${visit}_${at}_${sequence.toString().padStart(4, '0')}`,
    type,
    ts: T + v * 3 * 60 * SECOND + at * SECOND,
    url: `${SHOP}/${type}`,
    anon: `a_flows_${v}`,
    session: `s_flows_${v}_${visit}`,
    ...(type === 'product_view' || type === 'cart_add' ? { props: { product: { id: `SKU-${v}`, price: 10, currency: 'EUR' } } } : {}),
    ...extra,
  };
}

/**
 * Six shoppers, an exit at every stage:
 * 1 landing → list → product → list → product (a loop) → cart → checkout → order; a second visit: order tracking
 * 2 landing only (a one-page visit: exit at awareness)
 * 3 landing → product (exit at consideration), with a web vital and a prompt that are no touchpoints
 * 4 landing → product → cart (exit at decision)
 * 5 landing → search → product → cart → checkout → order (exit at purchase)
 * 6 order tracking only (exit at loyalty)
 */
const JOURNEYS = [
  touch(1, 1, 0, 'landing', { ref: 'https://www.google.com/' }),
  touch(1, 1, 10, 'product_list_view'),
  touch(1, 1, 20, 'product_view'),
  touch(1, 1, 30, 'product_list_view'),
  touch(1, 1, 40, 'product_view'),
  touch(1, 1, 70, 'cart_add'),
  touch(1, 1, 80, 'checkout_start'),
  touch(1, 1, 120, 'order_complete', { props: { order_id: 'FL-1', revenue: 20, currency: 'EUR' } }),
  touch(1, 2, 3600, 'order_tracking_view'),
  touch(2, 1, 0, 'landing'),
  touch(3, 1, 0, 'landing', { ref: 'https://www.bing.com/' }),
  touch(3, 1, 5, 'product_view'),
  touch(3, 1, 6, 'web_vitals', { props: { lcp: 3000, page_type: 'product_view' } }),
  touch(3, 1, 7, 'feedback_prompt', { props: { prompt: 'p', about: 'decision', action: 'shown' } }),
  touch(4, 1, 0, 'landing', { ref: 'https://www.google.com/' }),
  touch(4, 1, 20, 'product_view'),
  touch(4, 1, 50, 'cart_add'),
  touch(5, 1, 0, 'landing'),
  touch(5, 1, 10, 'site_search', { props: { query: 'shirt' } }),
  touch(5, 1, 20, 'product_view'),
  touch(5, 1, 40, 'cart_add'),
  touch(5, 1, 60, 'checkout_start'),
  touch(5, 1, 100, 'order_complete', { props: { order_id: 'FL-5', revenue: 10, currency: 'EUR' } }),
  touch(6, 1, 0, 'order_tracking_view'),
];

/** The journeys stored in a shuffled order, in small batches: late and out-of-order events must land in their place. */
async function seededShop() {
  const shop = await createSite();
  const shuffled = [...JOURNEYS].reverse();
  shuffled.push(shuffled.splice(3, 1)[0]!);
  for (let i = 0; i < shuffled.length; i += 5) {
    const response = await collect({ site: shop.site, events: shuffled.slice(i, i + 5) });
    expect(await response.json()).toMatchObject({ rejected: [] });
  }
  const replay = await collect({ site: shop.site, events: JOURNEYS.slice(0, 4) });
  expect(await replay.json()).toEqual({ accepted: 0, duplicates: 4, rejected: [] });
  return shop;
}

async function flows(token: string, query = RANGE) {
  const response = await call(`/v1/reports/flows?${query}`, { headers: bearer(token) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Record<string, any>;
}

const node = (report: Record<string, any>, type: string) => report.nodes.find((n: any) => n.type === type);

describe('GET /v1/reports/flows', () => {
  it('follows branching journeys with a loop, one-page visits and an exit at every stage', async () => {
    const { site, export_token } = await seededShop();
    const report = await flows(export_token);
    expect(report).toMatchObject({ site, tz: 'UTC', start: null, end: null, steps: 20, visits: 7, visitors: 6, purchases: 2 });
    expect(report.nodes.map((n: any) => [n.stage, n.type, n.visits, n.visitors, n.entries, n.exits, n.continued])).toEqual([
      ['awareness', 'landing', 5, 5, 5, 1, 0],
      ['consideration', 'product_view', 4, 4, 0, 1, 0],
      ['consideration', 'product_list_view', 1, 1, 0, 0, 0],
      ['consideration', 'site_search', 1, 1, 0, 0, 0],
      ['decision', 'cart_add', 3, 3, 0, 1, 0],
      ['decision', 'checkout_start', 2, 2, 0, 0, 0],
      ['purchase', 'order_complete', 2, 2, 0, 2, 0],
      ['loyalty', 'order_tracking_view', 2, 2, 2, 2, 0],
    ]);
    // Entries and exits each add up to the visits.
    expect(report.nodes.reduce((a: number, n: any) => a + n.entries, 0)).toBe(7);
    expect(report.nodes.reduce((a: number, n: any) => a + n.exits + n.continued, 0)).toBe(7);
    expect(node(report, 'landing')).toMatchObject({ share: 0.7143, exit_rate: 0.2 });
    // Landing → next stage: shoppers 1, 3, 4 (10 s, 5 s, 20 s) and 5 (site search at 10 s) → median 10 s.
    expect(node(report, 'landing')).toMatchObject({ reached_next_stage: 4, median_ms_to_next_stage: 10_000 });
    // Product view (first one of the visit) → cart: 50 s (1), 30 s (4), 20 s (5).
    expect(node(report, 'product_view')).toMatchObject({ reached_next_stage: 3, median_ms_to_next_stage: 30_000 });
    expect(node(report, 'order_complete')).toMatchObject({ reached_next_stage: 0, median_ms_to_next_stage: null });

    const link = (from: string, to: string) => report.links.find((l: any) => l.from.type === from && l.to.type === to);
    expect(link('product_list_view', 'product_view')).toEqual({
      from: { type: 'product_list_view', stage: 'consideration' },
      to: { type: 'product_view', stage: 'consideration' },
      direction: 'within',
      visits: 1,
      transitions: 2,
    });
    expect(link('product_view', 'product_list_view')).toMatchObject({ direction: 'within', visits: 1, transitions: 1 });
    expect(link('landing', 'product_view')).toMatchObject({ direction: 'forward', visits: 2, transitions: 2 });
    expect(link('product_view', 'cart_add')).toMatchObject({ direction: 'forward', visits: 3, transitions: 3 });
    expect(link('checkout_start', 'order_complete')).toMatchObject({ visits: 2 });
    expect(report.links.map((l: any) => `${l.from.type}>${l.to.type}`).sort()).toEqual([
      'cart_add>checkout_start',
      'checkout_start>order_complete',
      'landing>product_list_view',
      'landing>product_view',
      'landing>site_search',
      'product_list_view>product_view',
      'product_view>cart_add',
      'product_view>product_list_view',
      'site_search>product_view',
    ]);

    expect(report.paths_to_purchase).toEqual({
      top: [
        { path: ['landing', 'product_list_view', 'product_view', 'product_list_view', 'product_view', 'cart_add', 'checkout_start', 'order_complete'], visits: 1, share: 0.5 },
        { path: ['landing', 'site_search', 'product_view', 'cart_add', 'checkout_start', 'order_complete'], visits: 1, share: 0.5 },
      ],
      other: { paths: 0, visits: 0, share: 0 },
    });
    expect(report.time_to_purchase).toMatchObject({ buyers: 2, median_ms: 110_000 });
    expect(report.time_to_purchase.distribution[0]).toEqual({ label: 'under 5 min', from_ms: 0, to_ms: 300_000, buyers: 2 });
    expect(report.visits_to_purchase).toMatchObject({ buyers: 2, median: 1 });
    expect(report.visits_to_purchase.distribution.map((d: any) => d.buyers)).toEqual([2, 0, 0, 0, 0]);
  });

  it('starts at a type, ends at a type and cuts visits after a number of steps', async () => {
    const { export_token } = await seededShop();
    const fromProduct = await flows(export_token, `${RANGE}&start=product_view`);
    expect(fromProduct).toMatchObject({ start: 'product_view', visits: 4, visitors: 4, purchases: 2 });
    expect(node(fromProduct, 'product_view')).toMatchObject({ entries: 4, exits: 1 });
    expect(node(fromProduct, 'landing')).toBeUndefined();
    expect(fromProduct.paths_to_purchase.top.map((p: any) => p.path[0])).toEqual(['product_view', 'product_view']);

    const toCart = await flows(export_token, `${RANGE}&end=cart_add`);
    expect(toCart).toMatchObject({ visits: 3, purchases: 0 });
    // Shopper 4 left at the cart; 1 and 5 went on past it.
    expect(node(toCart, 'cart_add')).toMatchObject({ exits: 1, continued: 2 });

    const twoSteps = await flows(export_token, `${RANGE}&steps=2`);
    expect(twoSteps.visits).toBe(7);
    expect(node(twoSteps, 'landing')).toMatchObject({ exits: 1, continued: 0 });
    expect(node(twoSteps, 'product_view')).toMatchObject({ exits: 1, continued: 1 });
    expect(node(twoSteps, 'order_tracking_view')).toMatchObject({ exits: 2 });
    expect(node(twoSteps, 'cart_add')).toBeUndefined();
    expect(twoSteps.nodes.reduce((a: number, n: any) => a + n.exits + n.continued, 0)).toBe(7);
  });

  it('keeps only the visitors a channel or device filter keeps', async () => {
    const { export_token } = await seededShop();
    const organic = await flows(export_token, `${RANGE}&channel=organic_search`);
    // Shoppers 1 (two visits), 3 and 4.
    expect(organic).toMatchObject({ channel: ['organic_search'], visits: 4, visitors: 3, purchases: 1 });
    expect(node(organic, 'landing')).toMatchObject({ visits: 3, exits: 0 });
    const tablets = await flows(export_token, `${RANGE}&device=tablet`);
    expect(tablets).toMatchObject({ visits: 0, visitors: 0, nodes: [], links: [] });
  });

  it('counts time and visits to purchase across a buyer\'s visits', async () => {
    const shop = await createSite();
    const events = [
      touch(7, 1, 0, 'landing'),
      touch(7, 1, 30, 'product_view'),
      touch(7, 2, 7200, 'landing'),
      touch(7, 2, 7260, 'cart_add'),
      touch(7, 3, 20_000, 'cart_view'),
      touch(7, 3, 20_100, 'order_complete', { props: { order_id: 'FL-7' } }),
      touch(7, 4, 30_000, 'order_complete', { props: { order_id: 'FL-7b' } }),
    ];
    expect(await (await collect({ site: shop.site, events })).json()).toMatchObject({ accepted: events.length, rejected: [] });
    const report = await flows(shop.export_token);
    expect(report.time_to_purchase).toMatchObject({ buyers: 1, median_ms: 20_100_000 });
    expect(report.time_to_purchase.distribution.map((d: any) => d.buyers)).toEqual([0, 0, 1, 0, 0]);
    expect(report.visits_to_purchase).toMatchObject({ buyers: 1, median: 3 });
    expect(report.visits_to_purchase.distribution.map((d: any) => d.buyers)).toEqual([0, 0, 1, 0, 0]);
    expect(report.purchases).toBe(2);
  });

  it('orders touchpoints of the same millisecond by id, whichever arrives first', async () => {
    const shop = await createSite();
    const at = T + 600_000;
    const same = (id: string, type: string) => ({ ...touch(8, 1, 0, type), id, ts: at });
    for (const batch of [[same('fl_tie_b', 'landing')], [same('fl_tie_c', 'cart_add')], [same('fl_tie_a', 'product_view')]]) {
      expect(await (await collect({ site: shop.site, events: batch })).json()).toMatchObject({ accepted: 1 });
    }
    const report = await flows(shop.export_token);
    expect(report.nodes.map((n: any) => [n.type, n.entries, n.exits])).toEqual([['landing', 0, 0], ['product_view', 1, 0], ['cart_add', 0, 1]]);
    expect(report.links.map((l: any) => `${l.from.type}>${l.to.type}`).sort()).toEqual(['landing>cart_add', 'product_view>landing']);
  });

  it.each([
    ['steps=0', /steps "0" must be a whole number from 1 to 50/],
    ['steps=51', /steps "51"/],
    ['steps=two', /steps "two"/],
    ['start=Product View', /start "Product View" is not a touchpoint type/],
    ['end=web_vitals', /end "web_vitals" is not a touchpoint type/],
    ['begin=landing', /unknown parameter "begin"/],
    ['channel=carrier_pigeon', /channel/],
  ])('answers 400 to %s', async (query, reason) => {
    const { export_token } = await createSite();
    const response = await call(`/v1/reports/flows?${RANGE}&${query}`, { headers: bearer(export_token) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
  });

  it('is read typed by the client, flowsReport(), with the collector’s 400 as an error', async () => {
    const { export_token } = await seededShop();
    const worker = (request: Request) => call(new URL(request.url).pathname + new URL(request.url).search, { headers: request.headers });
    const options = { endpoint: 'https://collector.example', token: export_token, fetch: worker, from: '2025-12-01', to: '2025-12-02' };
    const report = await flowsReport({ ...options, channel: ['organic_search'], start: 'landing', steps: 3 });
    expect(report).toMatchObject({ channel: ['organic_search'], start: 'landing', steps: 3, visits: 3 });
    expect(report.nodes[0]).toMatchObject({ type: 'landing', stage: 'awareness', entries: 3 });
    await expect(flowsReport({ ...options, steps: 0 })).rejects.toThrow(/report failed with 400: steps "0"/);
  });

  it('answers every field the OpenAPI document describes, and no other', async () => {
    const { export_token } = await seededShop();
    const report = await flows(export_token);
    const document = (await (await call('/v1/openapi.json')).json()) as any;
    const schema = document.components.schemas.FlowsReport;
    expect(Object.keys(report).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(Object.keys(report.nodes[0]).sort()).toEqual(Object.keys(schema.properties.nodes.items.properties).sort());
    expect(Object.keys(report.links[0]).sort()).toEqual(Object.keys(schema.properties.links.items.properties).sort());
    const parameters = document.paths['/v1/reports/flows'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(['site', 'from', 'to', 'tz', 'channel', 'persona', 'device', 'start', 'end', 'steps']);
  });

  it('reads the visits by a range of the rollup\'s start-hour index, never events', async () => {
    const rules = personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(6), 7);
    const sql = visitPathsSql(rules.sql);
    const filters = JSON.stringify({ channels: ['email'], devices: ['mobile'], personas: ['other'] });
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(1, 0, 10, filters, null, Date.now(), JSON.stringify(rules.values))
      .all<{ detail: string }>();
    const detail = results.map((r) => r.detail);
    expect(detail).toContain('SEARCH visit_paths USING INDEX visit_paths_by_start (site_id=? AND start_hour>? AND start_hour<?)');
    expect(detail.join('\n')).not.toMatch(/SCAN (visit_paths|events|visitor_hours)\b/);
  });

  it('answers 401 without the export token', async () => {
    expect((await call(`/v1/reports/flows?${RANGE}`)).status).toBe(401);
  });
});
