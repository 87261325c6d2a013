import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAS } from '../src/personas/defaultPersonas.ts';
import { primaryPersona } from '../src/personas/matchPersona.ts';
import { readPersonaRows } from '../src/personas/queries.ts';
import type { Persona } from '../src/personas/personaRules.ts';
import { validatePersonas } from '../src/personas/validatePersonas.ts';
import { personaReport as personaReportJson } from '../src/reports/personaReport.ts';
import { personaReport, personaRules } from '../src/client/index.ts';
import { ADMIN, call, collect, createSite, SHOP, storedEvents } from './helpers.ts';
import { knownShopperEvents } from './knownShoppers.ts';
import { personas as randomPersonas } from './personaArbitraries.ts';
import { featuresFromEvents } from './personaReference.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REFS = [undefined, 'https://www.google.com/', 'https://www.facebook.com/', 'https://news.example/'];

async function siteId(key: string): Promise<number> {
  return (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(key).first<{ id: number }>())!.id;
}

async function send(site: string, events: unknown[]) {
  for (let i = 0; i < events.length; i += 100) {
    const response = await collect({ site, sent_at: Date.now(), events: events.slice(i, i + 100) });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { rejected: unknown[] };
    expect(body.rejected).toEqual([]);
  }
}

/**
 * A random shopper's events: over the last 300 days, or all within half an hour (most often
 * one UTC hour: the one-hour visitors whose money the report takes from their lifetime
 * rollup), the kinds of touchpoints persona features count, orders in the shopper's currency
 * (EUR, USD or none) and now and then in EUR, so that visitors and ranges pay in one or several.
 */
const shopper = (visitor: number, now: number) =>
  fc.record({
    spread: fc.constantFrom(300 * DAY, 30 * 60_000),
    currency: fc.constantFrom('EUR', 'USD', undefined),
    steps: fc.array(
      fc.record({
        kind: fc.constantFrom('landing', 'page_view', 'product_view', 'site_search', 'cart_add', 'order_complete', 'return_start', 'order_tracking_view', 'feedback', 'web_vitals'),
        age: fc.integer({ min: 0, max: 300 * DAY }),
        session: fc.integer({ min: 0, max: 3 }),
        product: fc.constantFrom('a', 'b', 'c', 'd'),
        n: fc.integer({ min: 1, max: 5 }),
        ref: fc.constantFrom(...REFS),
        coupon: fc.constantFrom(undefined, '', 'SAVE10'),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  }).map(({ spread, currency: shopperCurrency, steps }) =>
    steps.map((s, i) => {
      const id = `rnd_${visitor}_${i}_${now.toString(36)}`;
      const currency = s.n === 1 ? 'EUR' : shopperCurrency;
      const props = {
        product_view: { product: { id: s.product, price: 10 * s.n, currency: 'EUR' } },
        cart_add: { product: { id: s.product, price: 10 * s.n, currency: 'EUR' } },
        order_complete: { order_id: id, revenue: 25 * s.n, ...(currency === undefined ? {} : { currency }), ...(s.coupon === undefined ? {} : { coupon: s.coupon }) },
        site_search: { query: `q${s.n}` },
        feedback: { rating: s.n },
        web_vitals: { lcp: 1000 * s.n, page_type: 'product_view' },
      }[s.kind as string];
      return {
        id,
        type: s.kind,
        ts: now - (s.age % spread),
        url: s.kind === 'landing' && s.ref === undefined && s.n === 5 ? `${SHOP}/?utm_medium=affiliate&utm_source=deals` : `${SHOP}/p/${i}`,
        anon: `a_rnd_${visitor}_${now.toString(36)}`,
        session: `s_rnd_${visitor}_${s.session}`,
        ...(s.kind === 'landing' && s.ref ? { ref: s.ref } : {}),
        ...(props ? { props } : {}),
      };
    }),
  );

interface ReferencePersona {
  visitors: number;
  buyers: number;
  reached: number[];
  orders: number;
  revenue: Map<string | null, { orders: number; revenue: number }>;
  channels: Map<string, { landings: number; visitors: number }>;
  cartVisitors: number;
  abandoned: number;
}

/** Per persona, from raw events and the rules evaluated in JavaScript: what the report says of the range's visitors. */
async function referenceReport(site: string, rules: readonly Persona[], fromHour: number, toHour: number, now: number) {
  const rows = await storedEvents(site);
  const personas = new Map<string, ReferencePersona>();
  for (const visitor of new Set(rows.map((r) => r.visitor))) {
    const own = rows.filter((r) => r.visitor === visitor);
    const inRange = own.filter((r) => r.type !== 'web_vitals' && r.ts >= fromHour * HOUR && r.ts < toHour * HOUR);
    if (inRange.length === 0) continue;
    const persona = primaryPersona(rules, featuresFromEvents(own, now));
    const entry = personas.get(persona) ?? { visitors: 0, buyers: 0, reached: [0, 0, 0, 0, 0], orders: 0, revenue: new Map(), channels: new Map(), cartVisitors: 0, abandoned: 0 };
    const orders = inRange.filter((r) => r.type === 'order_complete');
    const carted = inRange.some((r) => r.type === 'cart_add');
    const furthest = Math.max(...inRange.map((r) => r.stage));
    entry.visitors += 1;
    entry.buyers += orders.length > 0 ? 1 : 0;
    entry.reached = entry.reached.map((n, i) => n + (furthest >= i + 1 ? 1 : 0));
    entry.orders += orders.length;
    for (const order of orders) {
      const props = JSON.parse(order.props!) as { revenue: number; currency?: string };
      const money = entry.revenue.get(props.currency ?? null) ?? { orders: 0, revenue: 0 };
      entry.revenue.set(props.currency ?? null, { orders: money.orders + 1, revenue: money.revenue + props.revenue });
    }
    const landings = inRange.filter((r) => r.type === 'landing');
    for (const channel of new Set(landings.map((r) => r.channel ?? 'unknown'))) {
      const seen = entry.channels.get(channel) ?? { landings: 0, visitors: 0 };
      entry.channels.set(channel, { landings: seen.landings + landings.filter((r) => (r.channel ?? 'unknown') === channel).length, visitors: seen.visitors + 1 });
    }
    entry.cartVisitors += carted ? 1 : 0;
    entry.abandoned += carted && orders.length === 0 ? 1 : 0;
    personas.set(persona, entry);
  }
  return new Map(
    [...personas].map(([key, p]) => [
      key,
      {
        visitors: p.visitors,
        buyers: p.buyers,
        reached: p.reached,
        orders: p.orders,
        revenue: [...p.revenue]
          .map(([currency, m]) => ({ currency, ...m }))
          .sort((a, b) => b.orders - a.orders || String(a.currency).localeCompare(String(b.currency))),
        top_channels: [...p.channels]
          .map(([channel, c]) => ({ channel, ...c }))
          .sort((a, b) => b.visitors - a.visitors || b.landings - a.landings || a.channel.localeCompare(b.channel))
          .slice(0, 5),
        abandoned_carts: { visitors: p.abandoned, cart_visitors: p.cartVisitors },
      },
    ]),
  );
}

describe('persona report', () => {
  it('counts each persona’s visitors, stages, buyers, orders, revenue, channels and abandoned carts as the rules say over raw events (random shoppers, random rules, random ranges)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, v) => shopper(v, Date.now())))),
        fc.oneof(randomPersonas, fc.constant(DEFAULT_PERSONAS as Persona[])),
        fc.integer({ min: 0, max: 300 * 24 }),
        async (shoppers, rules, hoursBack) => {
          const { site } = await createSite();
          await send(site, shoppers.flat());
          const now = Date.now();
          const toHour = Math.floor(now / HOUR) + 1;
          const fromHour = toHour - 1 - hoursBack;
          const valid = validatePersonas(rules);
          const rows = await readPersonaRows(env.DB, { siteId: await siteId(site), fromHour, toHour, now }, valid);
          const report = personaReportJson(valid, rows);
          const expected = await referenceReport(site, valid, fromHour, toHour, now);
          const got = new Map(
            report.personas
              .filter((p) => p.visitors > 0)
              .map((p) => [
                p.key,
                {
                  visitors: p.visitors,
                  buyers: p.buyers,
                  reached: p.stages.map((s) => s.reached),
                  orders: p.orders,
                  revenue: p.revenue.map(({ currency, orders, revenue }) => ({ currency, orders, revenue })),
                  top_channels: p.top_channels,
                  abandoned_carts: { visitors: p.abandoned_carts.visitors, cart_visitors: p.abandoned_carts.cart_visitors },
                },
              ]),
          );
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives one-hour buyers’ revenue in its currency whether the range’s one-hour buyers paid in one currency or several', async () => {
    const hour = Math.floor(Date.now() / HOUR) - 2;
    const order = (visitor: string, minute: number, props: Record<string, unknown>) => ({
      id: `order_${visitor}_${minute}_${hour}`,
      type: 'order_complete',
      ts: hour * HOUR + minute * 60_000,
      url: `${SHOP}/thanks`,
      anon: `a_cur_${visitor}`,
      session: `s_cur_${visitor}`,
      props: { order_id: `o_${visitor}_${minute}`, ...props },
    });
    const rules: Persona[] = [{ key: 'buyer', name: 'Buyer', description: '', when: { field: 'orders', gte: 1 } }];
    const revenueOf = async (site: string) => {
      const rows = await readPersonaRows(env.DB, { siteId: await siteId(site), fromHour: hour, toHour: hour + 1, now: Date.now() }, rules);
      return personaReportJson(rules, rows).personas[0]!.revenue.map(({ currency, orders, revenue }) => ({ currency, orders, revenue }));
    };
    const oneCurrency = await createSite();
    await send(oneCurrency.site, [order('a', 1, { revenue: 10 }), order('a', 2, { revenue: 5 }), order('b', 3, { revenue: 7.5 })]);
    expect(await revenueOf(oneCurrency.site)).toEqual([{ currency: null, orders: 3, revenue: 22.5 }]);
    const several = await createSite();
    await send(several.site, [order('a', 1, { revenue: 10, currency: 'EUR' }), order('b', 2, { revenue: 20, currency: 'USD' }), order('b', 3, { revenue: 1, currency: 'USD' }), order('c', 4, { revenue: 3, currency: 'EUR' })]);
    expect(await revenueOf(several.site)).toEqual([
      { currency: 'EUR', orders: 2, revenue: 13 },
      { currency: 'USD', orders: 2, revenue: 21 },
    ]);
  });

  it('puts each known shopper where a shop would expect (default personas)', async () => {
    const { site, export_token } = await createSite();
    await send(site, knownShopperEvents(Date.now()));
    const response = await call(`/v1/reports/personas?from=${new Date(Date.now() - 365 * DAY).toISOString().slice(0, 13)}:00Z&to=${new Date(Date.now() + HOUR).toISOString().slice(0, 13)}:00Z`, {
      headers: { Authorization: `Bearer ${export_token}` },
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as ReturnType<typeof personaReportJson>;
    const visitorsOf = Object.fromEntries(report.personas.map((p) => [p.key, p.visitors]));
    expect(visitorsOf).toEqual({
      loyal_customer: 1,
      lapsed_customer: 1,
      service_heavy: 1,
      bargain_hunter: 1,
      impulse_buyer: 1,
      serial_cart_abandoner: 1,
      researcher: 1,
      window_shopper: 1,
      other: 1,
    });
    const loyal = report.personas.find((p) => p.key === 'loyal_customer')!;
    expect(loyal.orders).toBe(2);
    expect(loyal.revenue).toEqual([{ currency: 'EUR', orders: 2, revenue: 43, average_order_value: 21.5 }]);
    expect(loyal.stages.map((s) => s.reached)).toEqual([1, 1, 1, 1, 0]);
    expect(report.personas.find((p) => p.key === 'serial_cart_abandoner')!.abandoned_carts).toEqual({ visitors: 1, cart_visitors: 1, rate: 1 });
  });

  it('follows the site’s own rules once set, with no backfill', async () => {
    const { site, export_token } = await createSite();
    await send(site, knownShopperEvents(Date.now()));
    const patch = await call(`/v1/admin/sites/${site}`, {
      method: 'PATCH',
      headers: ADMIN,
      body: JSON.stringify({ personas: [{ key: 'buyer', name: 'Buyer', description: 'Ordered.', when: { field: 'orders', gte: 1 } }] }),
    });
    expect(patch.status).toBe(200);
    const range = `from=${new Date(Date.now() - 365 * DAY).toISOString().slice(0, 13)}:00Z&to=${new Date(Date.now() + HOUR).toISOString().slice(0, 13)}:00Z`;
    const report = (await (await call(`/v1/reports/personas?${range}`, { headers: { Authorization: `Bearer ${export_token}` } })).json()) as ReturnType<typeof personaReportJson>;
    expect(report.personas.map((p) => [p.key, p.visitors])).toEqual([
      ['buyer', 5],
      ['other', 4],
    ]);
  });

  it('filters the funnel by persona, and shows a visitor’s personas with the features behind them on the journey', async () => {
    const { site, export_token } = await createSite();
    await send(site, knownShopperEvents(Date.now()));
    const auth = { headers: { Authorization: `Bearer ${export_token}` } };
    const range = `from=${new Date(Date.now() - 365 * DAY).toISOString().slice(0, 13)}:00Z&to=${new Date(Date.now() + HOUR).toISOString().slice(0, 13)}:00Z`;
    const loyal = (await (await call(`/v1/reports/funnel?${range}&persona=loyal_customer`, auth)).json()) as { visitors: number; orders: number; persona: string[] };
    expect(loyal).toMatchObject({ visitors: 1, orders: 2, persona: ['loyal_customer'] });
    const browsing = (await (await call(`/v1/reports/funnel?${range}&persona=window_shopper,other`, auth)).json()) as { visitors: number; orders: number };
    expect(browsing).toMatchObject({ visitors: 2, orders: 0 });
    const unknown = await call(`/v1/reports/funnel?${range}&persona=big_spender`, auth);
    expect(unknown.status).toBe(400);

    const visitor = knownShopperEvents(Date.now()).find((e) => e.id.startsWith('known_loyal_customer'))!.anon;
    const journey = (await (await call(`/v1/reports/journey?visitor=${visitor}`, auth)).json()) as { personas: { primary: string; matching: { key: string; because: Record<string, unknown> }[]; features: Record<string, unknown> } };
    expect(journey.personas.primary).toBe('loyal_customer');
    expect(journey.personas.matching[0]).toEqual({ key: 'loyal_customer', name: 'Loyal customer', because: { orders: 2, days_since_last_order: 4 } });
    expect(journey.personas.features).toMatchObject({ orders: 2, revenue: 43, visits: 2, distinct_products: 2, first_channel: 'organic_search', first_search_engine: 'google' });
    const nobody = (await (await call(`/v1/reports/journey?visitor=a_nobody`, auth)).json()) as { personas: unknown };
    expect(nobody.personas).toBeNull();
  });

  it('is read typed by the client, personaReport() and personaRules(), with the collector’s 400 as an error', async () => {
    const { site, export_token } = await createSite();
    await send(site, knownShopperEvents(Date.now()));
    const worker = (request: Request) => call(new URL(request.url).pathname + new URL(request.url).search, { headers: request.headers });
    const options = { endpoint: 'https://collector.example', token: export_token, fetch: worker };
    const from = new Date(Math.floor((Date.now() - 365 * DAY) / HOUR) * HOUR);
    const to = new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR);
    const report = await personaReport({ ...options, from, to, device: 'desktop' });
    expect(report.default_personas).toBe(true);
    expect(report.device).toEqual(['desktop']);
    expect(report.personas.map((p) => p.key)).toEqual([...DEFAULT_PERSONAS.map((p) => p.key), 'other']);
    expect((await personaRules(options)).personas).toEqual(DEFAULT_PERSONAS);
    await expect(personaReport({ ...options, from: new Date(to.getTime() - DAY - 30 * 60_000), to })).rejects.toThrow(/report failed with 400: from .* is not on a whole hour/);
  });
});
