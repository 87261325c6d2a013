import { describe, expect, it } from 'vitest';
import { call, collect, createSite, SHOP } from './helpers.ts';
import { bearer } from './exportHelpers.ts';

const T = Date.UTC(2025, 10, 10, 10);
const RANGE = 'from=2025-11-10&to=2025-11-11';
let sequence = 0;

/** A touchpoint of visitor `v` in visit `visit`, `step` tens of ms into the visitor's second. */
function touch(v: number, step: number, type: string, extra: Record<string, unknown> = {}, visit = 1) {
  sequence += 1;
  return {
    id: `fn_${v}_${step}_${sequence.toString().padStart(4, '0')}`,
    type,
    ts: T + v * 1000 + step * 10,
    url: `${SHOP}/${type}`,
    anon: `a_funnel_${v}`,
    session: `s_funnel_${v}_${visit}`,
    ...extra,
  };
}
const product = (price: number, quantity?: number) => ({ props: { product: { id: `SKU-${price}`, price, currency: 'EUR', ...(quantity ? { quantity } : {}) } } });
const vitals = (pageType: string, lcp: number) => ({ props: { lcp, inp: 50, cls: 0.1, page_type: pageType } });

/**
 * Six shoppers:
 * 1 google → product → cart (2 × 20) → checkout → order 45.50 → next visit: order tracking
 * 2 e-mail → product → cart (10) → gone (its order comes the next day, outside the range)
 * 3 bing → list → product
 * 4 direct landing only (asked a feedback prompt about the decision stage, dismissed: a
 *   measurement, never a touchpoint)
 * 5 google → product → cart (15) → order 15
 * 6 a returning customer: order tracking only
 */
const JOURNEYS = [
  touch(1, 0, 'landing', { ref: 'https://www.google.com/' }),
  touch(1, 1, 'product_view', product(20)),
  touch(1, 2, 'web_vitals', vitals('product_view', 1000)),
  touch(1, 3, 'cart_add', product(20, 2)),
  touch(1, 4, 'checkout_start'),
  touch(1, 5, 'web_vitals', vitals('checkout_start', 1500)),
  touch(1, 6, 'order_complete', { props: { order_id: 'F-1', revenue: 45.5, currency: 'EUR' } }),
  touch(1, 90, 'order_tracking_view', { props: { order_id: 'F-1' } }, 2),
  touch(2, 0, 'landing', { url: `${SHOP}/?utm_source=news&utm_medium=email`, ref: 'https://mail.example/' }),
  touch(2, 1, 'product_view', product(10)),
  touch(2, 2, 'web_vitals', vitals('product_view', 2000)),
  touch(2, 3, 'cart_add', product(10)),
  { ...touch(2, 4, 'order_complete', { props: { order_id: 'F-2', revenue: 10, currency: 'EUR' } }), ts: T + 86_400_000 },
  touch(3, 0, 'landing', { ref: 'https://www.bing.com/' }),
  touch(3, 1, 'product_list_view', { props: { list: 'Shirts' } }),
  touch(3, 2, 'product_view', product(30)),
  touch(3, 3, 'web_vitals', vitals('product_view', 3000)),
  touch(4, 0, 'landing'),
  touch(4, 1, 'feedback_prompt', { props: { prompt: 'cart_help', about: 'decision', action: 'shown' } }),
  touch(4, 2, 'feedback_prompt', { props: { prompt: 'cart_help', about: 'decision', action: 'dismissed' } }),
  touch(5, 0, 'landing', { ref: 'https://www.google.com/' }),
  touch(5, 1, 'product_view', product(15)),
  touch(5, 2, 'web_vitals', vitals('product_view', 4000)),
  touch(5, 3, 'cart_add', product(15)),
  touch(5, 4, 'order_complete', { props: { order_id: 'F-5', revenue: 15, currency: 'EUR' } }),
  touch(6, 0, 'order_tracking_view'),
];

async function seededShop() {
  const shop = await createSite();
  const response = await collect({ site: shop.site, events: JOURNEYS });
  expect(await response.json()).toMatchObject({ accepted: JOURNEYS.length, rejected: [] });
  const noise = await createSite();
  await collect({ site: noise.site, events: [touch(1, 0, 'landing'), touch(1, 1, 'cart_add', product(99))] });
  return shop;
}

async function funnel(token: string, query = RANGE) {
  const response = await call(`/v1/reports/funnel?${query}`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}

describe('GET /v1/reports/funnel', () => {
  it('counts a hand-built journey dataset', async () => {
    const { site, export_token } = await seededShop();
    const report = await funnel(export_token);
    expect(report).toMatchObject({ site, from: '2025-11-10T00:00:00.000Z', to: '2025-11-11T00:00:00.000Z', tz: 'UTC', channel: null, visitors: 6 });
    const stages = report.stages as Record<string, any>[];
    expect(stages.map((s) => s.stage)).toEqual(['awareness', 'consideration', 'decision', 'purchase', 'loyalty']);
    expect(stages.map((s) => s.reached)).toEqual([6, 5, 4, 3, 2]);
    expect(stages.map((s) => s.visitors)).toEqual([5, 4, 3, 2, 2]);
    expect(stages.map((s) => s.touchpoints)).toEqual([5, 5, 4, 2, 2]);
    expect(stages.map((s) => s.conversion_to_next)).toEqual([0.8333, 0.8, 0.75, 0.6667, null]);
    expect(stages.map((s) => s.drop_off_to_next)).toEqual([1, 1, 1, 1, null]);
    expect(stages.map((s) => s.drop_off_rate)).toEqual([0.1667, 0.2, 0.25, 0.3333, null]);
    expect(stages[1]!.by_type).toEqual([
      { type: 'product_view', touchpoints: 4, visitors: 4 },
      { type: 'product_list_view', touchpoints: 1, visitors: 1 },
    ]);
    expect(stages[2]!.by_type).toEqual([
      { type: 'cart_add', touchpoints: 3, visitors: 3 },
      { type: 'checkout_start', touchpoints: 1, visitors: 1 },
    ]);
    expect(stages[1]!.web_vitals).toEqual({
      lcp: { median: 2500, p75: 3000, samples: 4 },
      inp: { median: 50, p75: 50, samples: 4 },
      cls: { median: 0.1, p75: 0.1, samples: 4 },
    });
    expect(stages[2]!.web_vitals.lcp).toEqual({ median: 1500, p75: 1500, samples: 1 });
    expect(stages[0]!.web_vitals).toEqual({});
    expect(report.conversion).toBe(0.5);
    expect(report.landings).toEqual({
      total: 5,
      by_channel: [
        { channel: 'organic_search', landings: 3, search_engines: [{ search_engine: 'google', landings: 2, visitors: 2 }, { search_engine: 'bing', landings: 1, visitors: 1 }] },
        { channel: 'direct', landings: 1, search_engines: [] },
        { channel: 'email', landings: 1, search_engines: [] },
      ],
    });
    expect(report.abandoned_carts).toEqual({ visitors: 1, cart_visitors: 3, rate: 0.3333, cart_adds: 1, value: [{ currency: 'EUR', value: 10 }] });
    expect(report.orders).toBe(2);
    expect(report.revenue).toEqual([{ currency: 'EUR', orders: 2, buyers: 2, revenue: 60.5 }]);
    expect(report.days).toEqual([{ day: '2025-11-10', visitors: 6, visits: 7, orders: 2 }]);
  });

  it('keeps only visitors who landed from the chosen channels', async () => {
    const { export_token } = await seededShop();
    const organic = await funnel(export_token, `${RANGE}&channel=organic_search`);
    expect(organic.channel).toEqual(['organic_search']);
    expect(organic.stages.map((s: any) => s.reached)).toEqual([3, 3, 2, 2, 1]);
    expect(organic.abandoned_carts).toMatchObject({ visitors: 0, cart_visitors: 2, value: [] });
    expect(organic.revenue).toEqual([{ currency: 'EUR', orders: 2, buyers: 2, revenue: 60.5 }]);
    const email = await funnel(export_token, `${RANGE}&channel=email,sms`);
    expect(email.stages.map((s: any) => s.reached)).toEqual([1, 1, 1, 0, 0]);
    expect(email.stages[3].conversion_to_next).toBeNull();
    expect(email.abandoned_carts).toMatchObject({ visitors: 1, value: [{ currency: 'EUR', value: 10 }] });
  });

  it('buckets days in the asked time zone and answers zeros for an empty range', async () => {
    const { export_token } = await seededShop();
    const tokyo = await funnel(export_token, 'from=2025-11-10&to=2025-11-12&tz=Asia/Tokyo');
    expect(tokyo.from).toBe('2025-11-09T15:00:00.000Z');
    expect(tokyo.days).toEqual([
      { day: '2025-11-10', visitors: 6, visits: 7, orders: 2 },
      { day: '2025-11-11', visitors: 1, visits: 1, orders: 1 },
    ]);
    const empty = await funnel(export_token, 'from=2020-01-01&to=2020-01-02');
    expect(empty).toMatchObject({ visitors: 0, conversion: null, orders: 0, revenue: [], landings: { total: 0, by_channel: [] } });
    expect(empty.stages.map((s: any) => [s.reached, s.conversion_to_next])).toEqual([[0, null], [0, null], [0, null], [0, null], [0, null]]);
  });

  it.each([
    ['', /from is required/],
    ['from=2025-11-10&to=2025-11-09', /to must be after from/],
    [`${RANGE}&channel=radio`, /channel "radio" is not valid/],
    [`${RANGE}&stage=purchase`, /unknown parameter "stage"/],
    ['from=2024-01-01&to=2025-06-01', /at most 400/],
    [`${RANGE}&tz=`, /tz "" is not an IANA time zone/],
    ['from=2025-11-10T09:30Z&to=2025-11-11', /from 2025-11-10T09:30:00.000Z is not on a whole hour/],
    [`${RANGE}&tz=Asia/Kolkata`, /tz Asia\/Kolkata starts its days off the whole UTC hour/],
  ])('answers 400 for ?%s', async (query, error) => {
    const { export_token } = await createSite();
    const response = await call(`/v1/reports/funnel?${query}`, { headers: bearer(export_token) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(error);
  });

  it('needs the site’s export token', async () => {
    const { site } = await seededShop();
    const other = await createSite();
    expect((await call(`/v1/reports/funnel?${RANGE}`)).status).toBe(401);
    expect((await call(`/v1/reports/funnel?site=${site}&${RANGE}`, { headers: bearer(other.export_token) })).status).toBe(403);
    expect((await call('/v1/reports/journey?visitor=a_funnel_1', { headers: bearer('wrong') })).status).toBe(401);
  });
});

describe('GET /v1/reports/journey', () => {
  it('lists one visitor’s touchpoints in order across visits', async () => {
    const { site, export_token } = await seededShop();
    const response = await call('/v1/reports/journey?visitor=a_funnel_1', { headers: bearer(export_token) });
    expect(response.status).toBe(200);
    const journey = (await response.json()) as Record<string, any>;
    expect(journey).toMatchObject({
      site,
      visitor: 'a_funnel_1',
      first_seen: new Date(T + 1000).toISOString(),
      last_seen: new Date(T + 1900).toISOString(),
      furthest_stage: 'loyalty',
      truncated: false,
      visits: [
        { session: 's_funnel_1_1', channel: 'organic_search', search_engine: 'google', touchpoints: 7 },
        { session: 's_funnel_1_2', channel: null, touchpoints: 1 },
      ],
    });
    expect(journey.touchpoints.map((t: any) => t.type)).toEqual([
      'landing', 'product_view', 'web_vitals', 'cart_add', 'checkout_start', 'web_vitals', 'order_complete', 'order_tracking_view',
    ]);
    expect(journey.touchpoints[3]).toMatchObject({ stage: 'decision', props: { product: { price: 20, quantity: 2 } }, path: '/cart_add' });
  });

  it('narrows to a range, and finds nothing for a visitor of another site', async () => {
    const { export_token } = await seededShop();
    const visit = await call(`/v1/reports/journey?visitor=a_funnel_2&to=${T + 86_400_000}`, { headers: bearer(export_token) });
    expect(((await visit.json()) as any).touchpoints).toHaveLength(4);
    const other = await createSite();
    const none = await call('/v1/reports/journey?visitor=a_funnel_1', { headers: bearer(other.export_token) });
    expect(await none.json()).toMatchObject({ touchpoints: [], visits: [], furthest_stage: null, first_seen: null });
  });

  it.each([
    ['', /visitor is required/],
    [`visitor=${'x'.repeat(65)}`, /visitor is required/],
    ['visitor=a&from=soon', /from "soon"/],
    ['visitor=a&from=10&to=5', /to must be after from/],
    ['visitor=a&session=b', /unknown parameter "session"/],
  ])('answers 400 for ?%s', async (query, error) => {
    const { export_token } = await createSite();
    const response = await call(`/v1/reports/journey?${query}`, { headers: bearer(export_token) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(error);
  });
});
