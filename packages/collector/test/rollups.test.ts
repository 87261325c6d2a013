import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderEventId } from '@waymark/schema';
import { insertEvents } from '../src/events/queries.ts';
import { BACKFILL_STATUS, backfillChunk } from '../src/rollups/queries.ts';
import type { StoredEvent } from '../src/events/storedEvent.ts';
import { funnelReport } from '../src/reports/funnelReport.ts';
import { localDays } from '../src/lib/timeZone.ts';
import { call, createSite } from './helpers.ts';
import { bearer } from './exportHelpers.ts';
import { referenceFunnel, oneHourDrift, referenceRollups, storedRollups, type RawEvent } from './rollupReference.ts';

const DAY0 = Date.UTC(2025, 10, 10);
const QUARTER_HOUR = 900_000;
let nextSite = 50_000;

const TYPES = [
  ['landing', 1], ['page_view', 2], ['product_list_view', 2], ['product_view', 2], ['site_search', 2],
  ['cart_add', 3], ['cart_remove', 3], ['checkout_start', 3], ['order_complete', 4],
  ['order_tracking_view', 5], ['return_start', 5], ['support_contact', 5], ['feedback', 5], ['web_vitals', 2],
  ['cart_view', 3], ['wishlist_add', 2], ['account_view', 5], ['support_contact', 3], ['size_guide_open', 2],
  ['cross_sell_click', 2], ['cross_sell_click', 3], ['subscription_renew', 5], ['subscription_cancel', 5],
  // A measurement like web_vitals (SPEC §3): in no rollup of touchpoints.
  ['feedback_prompt', 4],
] as const;
const CHANNELS = [['organic_search', 'google'], ['organic_search', 'bing'], ['email', null], ['direct', null], [null, null]] as const;

/** One generated touchpoint: small pools of visitors, visits, products and orders so they collide. */
const touchpoint = fc.record({
  visitor: fc.integer({ min: 0, max: 4 }),
  visit: fc.integer({ min: 0, max: 2 }),
  // Commerce types more often, so that days with carts and several orders come up.
  kind: fc.oneof({ arbitrary: fc.integer({ min: 0, max: TYPES.length - 1 }), weight: 2 }, { arbitrary: fc.constantFrom(5, 8), weight: 1 }),
  // Quarter hours over three days, plus a few ms: ties on ts, shared hours and days.
  at: fc.integer({ min: 0, max: 3 * 96 }),
  ms: fc.constantFrom(0, 0, 1, 7),
  product: fc.integer({ min: 0, max: 3 }),
  price: fc.constantFrom(10, 19.9, 0.5),
  quantity: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  currency: fc.constantFrom('EUR', 'EUR', 'USD', undefined),
  order: fc.integer({ min: 0, max: 30 }),
  coupon: fc.constantFrom(undefined, '', 'WELCOME'),
  rating: fc.integer({ min: 1, max: 5 }),
  channel: fc.integer({ min: 0, max: CHANNELS.length - 1 }),
  device: fc.constantFrom('mobile', 'desktop'),
  country: fc.constantFrom('FR', 'DE', undefined),
  vital: fc.constantFrom(96, 1800, 2500, 0.05, 0.1),
});
type Touchpoint = typeof touchpoint extends fc.Arbitrary<infer T> ? T : never;

function stored(siteId: number, t: Touchpoint, index: number): StoredEvent {
  const [type, stage] = TYPES[t.kind]!;
  const ts = DAY0 + t.at * QUARTER_HOUR + t.ms;
  const product = { id: `SKU-${t.product}`, price: t.price, ...(t.currency ? { currency: t.currency } : {}), ...(t.quantity ? { quantity: t.quantity } : {}) };
  const props: Record<string, Record<string, unknown>> = {
    product_view: { product },
    cart_add: { product },
    order_complete: { order_id: `O-${t.order}`, revenue: t.price * 3, ...(t.currency ? { currency: t.currency } : {}), ...(t.coupon !== undefined ? { coupon: t.coupon } : {}) },
    feedback: { rating: t.rating, about: 'purchase' },
    web_vitals: { lcp: t.vital, inp: 96, cls: 0.1, page_type: 'product_view' },
    feedback_prompt: { prompt: 'after_order', about: 'purchase', action: 'shown' },
    site_search: { query: 'shirt' },
  };
  const [channel, searchEngine] = CHANNELS[t.channel]!;
  const row: StoredEvent = {
    siteId,
    // An order is stored once, whichever visit or time sends it (orderEventId, as enrichEvent does).
    id: type === 'order_complete' ? orderEventId(`O-${t.order}`) : `e_${index.toString().padStart(4, '0')}`,
    ts,
    receivedAt: ts,
    type,
    stage,
    visitor: `v${t.visitor}`,
    session: `v${t.visitor}_s${t.visit}`,
    url: `https://shop.example/${type}`,
    device: t.device,
  };
  if (t.country) row.country = t.country;
  if (type === 'landing' && channel) row.channel = channel;
  if (type === 'landing' && searchEngine) row.searchEngine = searchEngine;
  if (props[type]) row.props = JSON.stringify(props[type]);
  return row;
}

/** The journeys cut into batches, sent in a shuffled order, some of them twice. */
const shop = fc
  .array(touchpoint, { minLength: 1, maxLength: 80, size: 'max' })
  .chain((touchpoints) =>
    fc.record({
      touchpoints: fc.constant(touchpoints),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, touchpoints.length - 1) }), { maxLength: 6 }),
      order: fc.func(fc.integer()),
      replays: fc.array(fc.nat(), { maxLength: 3 }),
    }),
  );

function batchesOf(rows: StoredEvent[], cuts: number[], order: (i: number) => number, replays: number[]): StoredEvent[][] {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b).filter((c) => c < rows.length), rows.length];
  const batches = bounds.slice(1).map((end, i) => rows.slice(bounds[i], end)).filter((b) => b.length > 0);
  const shuffled = batches.map((b, i) => [order(i), i, b] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , b]) => b);
  return shuffled.length === 0 ? [] : [...shuffled, ...replays.map((r) => shuffled[r % shuffled.length]!)];
}

/** Rows as migration 0003 found them: in the old table, without rollups. */
async function storeBeforeRollups(rows: StoredEvent[]) {
  if (rows.length === 0) return;
  await env.DB.prepare(
    `INSERT OR IGNORE INTO events_before_rollups (site_id, ts, id, received_delay, type, stage, visitor, session, url, channel, search_engine, country, device, props)
     SELECT value->>'siteId', value->>'ts', value->>'id', 0, value->>'type', value->>'stage', value->>'visitor', value->>'session', value->>'url',
            value->>'channel', value->>'searchEngine', value->>'country', value->>'device', value->>'props' FROM json_each(?1)`,
  ).bind(JSON.stringify(rows)).run();
}

async function rawEvents(siteId: number): Promise<RawEvent[]> {
  const { results } = await env.DB.prepare(
    'SELECT ts, id, type, stage, visitor, session, channel, search_engine, country, device, props FROM events WHERE site_id = ?1',
  )
    .bind(siteId)
    .all<RawEvent>();
  return results;
}

describe('rollups kept at ingest', () => {
  it('equal the same numbers computed from the raw events, whatever the batches, order, replays and late arrivals', async () => {
    await fc.assert(
      fc.asyncProperty(shop, async ({ touchpoints, cuts, order, replays }) => {
        const siteId = nextSite++;
        const rows = touchpoints.map((t, i) => stored(siteId, t, i));
        for (const batch of batchesOf(rows, cuts, order, replays)) await insertEvents(env.DB, batch).run();
        expect(await storedRollups(env.DB, siteId)).toEqual(referenceRollups(await rawEvents(siteId)));
        expect(await oneHourDrift(env.DB, siteId)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('answer the funnel report as the raw-event queries do, for any whole-hour range, zone and channel filter', async () => {
    const { site, export_token } = await createSite();
    const siteId = (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(site).first<{ id: number }>())!.id;
    const query = fc.record({
      fromHour: fc.integer({ min: -6, max: 72 }),
      hours: fc.integer({ min: 1, max: 80 }),
      tz: fc.constantFrom('UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/Paris'),
      channels: fc.option(fc.subarray(['organic_search', 'email', 'direct'], { minLength: 1 }), { nil: undefined }),
    });
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(shop, fc.array(query, { minLength: 1, maxLength: 3 }), async ({ touchpoints, cuts, order, replays }, queries) => {
        // One site gathers every run's events, each run a little later: reports also see older runs.
        const rows = touchpoints.map((t, i) => ({ ...stored(siteId, t, sent + i), id: `f${sent + i}` }));
        for (const row of rows) if (row.type === 'order_complete') row.id = orderEventId(`O-${touchpoints[rows.indexOf(row)]!.order}-${sent % 7}`);
        sent += rows.length;
        for (const batch of batchesOf(rows, cuts, order, replays)) await insertEvents(env.DB, batch).run();
        for (const q of queries) {
          const from = DAY0 + q.fromHour * 3_600_000;
          const to = from + q.hours * 3_600_000;
          const params = new URLSearchParams({ from: String(from), to: String(to), tz: q.tz });
          if (q.channels) params.set('channel', q.channels.join(','));
          const response = await call(`/v1/reports/funnel?${params}`, { headers: bearer(export_token) });
          expect(response.status).toBe(200);
          const report = (await response.json()) as ReturnType<typeof funnelReport> & Record<string, unknown>;
          const reference = await referenceFunnel(env.DB, { siteId, from, to, channels: q.channels }, localDays(from, to, q.tz));
          const expected = funnelReport(reference.rows);
          const withoutVitals = (r: typeof expected) => ({ ...r, stages: r.stages.map((s) => ({ ...s, web_vitals: {} })) });
          const body = Object.fromEntries(Object.keys(expected).map((key) => [key, report[key as keyof typeof expected]])) as typeof expected;
          expect(withoutVitals(body)).toEqual(withoutVitals(expected));
          for (const v of reference.vitals) {
            const metric = report.stages[v.stage - 1]!.web_vitals[v.metric as 'lcp'];
            expect(metric).toEqual({ median: Math.round(v.median * 100) / 100, p75: Math.round(v.p75 * 100) / 100, samples: v.samples });
          }
          const reported = report.stages.reduce((n, s) => n + Object.keys(s.web_vitals).length, 0);
          expect(reported).toBe(reference.vitals.length);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('stay exact when events stored before the rollups are backfilled in chunks while live events, replays and late ones arrive', async () => {
    await fc.assert(
      fc.asyncProperty(shop, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 9 }), async ({ touchpoints, cuts, order, replays }, split, chunk) => {
        const siteId = nextSite++;
        const rows = touchpoints.map((t, i) => stored(siteId, t, i));
        // Stored before migration 0003, never rolled up; some ids come again live (replays).
        await storeBeforeRollups(rows.slice(0, split));
        const live = batchesOf(rows.slice(Math.max(0, split - 3)), cuts, order, replays);
        for (let step = 0; ; step++) {
          if (step < live.length) await insertEvents(env.DB, live[step]!).run();
          await env.DB.exec(backfillChunk(chunk));
          const status = await env.DB.prepare(BACKFILL_STATUS).first<{ pending: number }>();
          if (!status!.pending && step >= live.length) break;
        }
        const raw = await rawEvents(siteId);
        expect(new Set(raw.map((e) => e.id))).toEqual(new Set(rows.map((r) => r.id)));
        expect(await storedRollups(env.DB, siteId)).toEqual(referenceRollups(raw));
        expect(await oneHourDrift(env.DB, siteId)).toEqual([]);
      }),
      { numRuns: 30 },
    );
    const { results } = await env.DB.prepare('SELECT count(*) AS n FROM events_before_rollups').all<{ n: number }>();
    expect(results[0]!.n).toBe(0);
  });

  it('counts a day with a cart add and two orders as no abandoned cart, and a later day with only a cart add as one', async () => {
    const siteId = nextSite++;
    const at = (hours: number, type: string, id: string): StoredEvent => ({
      siteId, id, ts: DAY0 + hours * 3_600_000, receivedAt: DAY0 + hours * 3_600_000, type, stage: 3, visitor: 'v', session: 's', url: 'https://shop.example/',
    });
    await insertEvents(env.DB, [at(1, 'cart_add', 'a'), at(2, 'order_complete', 'b'), at(3, 'order_complete', 'c'), at(30, 'cart_add', 'd')]).run();
    await insertEvents(env.DB, [at(0, 'order_complete', 'e'), at(29, 'cart_add', 'f')]).run();
    const totals = await env.DB.prepare('SELECT abandoned_carts, orders, cart_adds FROM visitor_totals WHERE site_id = ?1').bind(siteId).first();
    expect(totals).toEqual({ abandoned_carts: 1, orders: 3, cart_adds: 3 });
  });

  it('puts web vitals in two-significant-digit buckets', async () => {
    const siteId = nextSite++;
    const values = [1840, 2549, 96, 0.023, 0.0251, 12_345, 0];
    await insertEvents(env.DB, values.map((lcp, i) => ({
      siteId, id: `wv_${i}`, ts: DAY0, receivedAt: DAY0, type: 'web_vitals', stage: 2, visitor: 'v', session: 's',
      url: 'https://shop.example/', props: JSON.stringify({ lcp }),
    }))).run();
    const { results } = await env.DB.prepare('SELECT bucket FROM hour_vitals WHERE site_id = ?1 ORDER BY bucket').bind(siteId).all<{ bucket: number }>();
    expect(results.map((r) => r.bucket)).toEqual([0, 0.023, 0.025, 96, 1800, 2500, 12_000]);
  });

  it('puts a late event between two stored ones of its visit in its place', async () => {
    const siteId = nextSite++;
    const at = (minute: number, type: string, id: string): StoredEvent => ({
      siteId, id, ts: DAY0 + minute * 60_000, receivedAt: DAY0 + minute * 60_000, type, stage: 2, visitor: 'v', session: 's', url: 'https://shop.example/',
    });
    await insertEvents(env.DB, [at(0, 'landing', 'a'), at(10, 'cart_add', 'c')]).run();
    await insertEvents(env.DB, [at(5, 'product_view', 'b')]).run();
    const path = await env.DB.prepare('SELECT types, offsets FROM visit_paths WHERE site_id = ?1').bind(siteId).first();
    expect(path).toEqual({ types: 'landing product_view cart_add', offsets: '0 300000 600000' });
  });

});
