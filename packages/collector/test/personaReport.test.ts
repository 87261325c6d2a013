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

/** A random shopper's events over the last 300 days: the kinds of touchpoints persona features count. */
const shopper = (visitor: number, now: number) =>
  fc.array(
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
  ).map((steps) =>
    steps.map((s, i) => {
      const id = `rnd_${visitor}_${i}_${now.toString(36)}`;
      const props = {
        product_view: { product: { id: s.product, price: 10 * s.n, currency: 'EUR' } },
        cart_add: { product: { id: s.product, price: 10 * s.n, currency: 'EUR' } },
        order_complete: { order_id: id, revenue: 25 * s.n, currency: 'EUR', ...(s.coupon === undefined ? {} : { coupon: s.coupon }) },
        site_search: { query: `q${s.n}` },
        feedback: { rating: s.n },
        web_vitals: { lcp: 1000 * s.n, page_type: 'product_view' },
      }[s.kind as string];
      return {
        id,
        type: s.kind,
        ts: now - s.age,
        url: s.kind === 'landing' && s.ref === undefined && s.n === 5 ? `${SHOP}/?utm_medium=affiliate&utm_source=deals` : `${SHOP}/p/${i}`,
        anon: `a_rnd_${visitor}_${now.toString(36)}`,
        session: `s_rnd_${visitor}_${s.session}`,
        ...(s.kind === 'landing' && s.ref ? { ref: s.ref } : {}),
        ...(props ? { props } : {}),
      };
    }),
  );

/** Per persona: visitors of the range and their buyers, from raw events and the rules evaluated in JavaScript. */
async function referenceCounts(site: string, rules: readonly Persona[], fromHour: number, toHour: number, now: number) {
  const rows = await storedEvents(site);
  const counts = new Map<string, { visitors: number; buyers: number }>();
  for (const visitor of new Set(rows.map((r) => r.visitor))) {
    const own = rows.filter((r) => r.visitor === visitor);
    const inRange = own.filter((r) => r.type !== 'web_vitals' && r.ts >= fromHour * HOUR && r.ts < toHour * HOUR);
    if (inRange.length === 0) continue;
    const persona = primaryPersona(rules, featuresFromEvents(own, now));
    const entry = counts.get(persona) ?? { visitors: 0, buyers: 0 };
    entry.visitors += 1;
    entry.buyers += inRange.some((r) => r.type === 'order_complete') ? 1 : 0;
    counts.set(persona, entry);
  }
  return counts;
}

describe('persona report', () => {
  it('counts each persona’s visitors and buyers as the rules say over raw events (random shoppers, random rules, random ranges)', async () => {
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
          const expected = await referenceCounts(site, valid, fromHour, toHour, now);
          const got = new Map(report.personas.filter((p) => p.visitors > 0).map((p) => [p.key, { visitors: p.visitors, buyers: p.buyers }]));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
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
