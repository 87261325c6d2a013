import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { d1EventWriter } from '../src/events/eventWriter.ts';
import { expandRows } from '../src/events/expandRows.ts';
import { insertEvents } from '../src/events/queries.ts';
import type { StoredEvent } from '../src/events/storedEvent.ts';
import { collect, createSite, event, SHOP } from './helpers.ts';
import { bearer, csvObjects, parseNdjson, walkPages } from './exportHelpers.ts';

const DAY = Date.UTC(2025, 10, 3);
const RANGE = `from=${DAY}&to=${DAY + 86_400_000}`;

async function siteId(key: string): Promise<number> {
  return (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(key).first<{ id: number }>())!.id;
}

async function exported(site: string, token: string, format: 'ndjson' | 'csv' = 'ndjson') {
  const { bodies } = await walkPages(`/v1/export?site=${site}&${RANGE}&format=${format}&limit=7`, token);
  return format === 'ndjson' ? bodies.flatMap(parseNdjson) : bodies.flatMap(csvObjects);
}

const ODD_URLS = [
  `${SHOP}/products/blue-shirt?utm_source=google&gclid=Cj0K#reviews`,
  SHOP,
  `${SHOP}?q=shirts`,
  `${SHOP}#top`,
  `${SHOP}/`,
  'https://checkout.other-shop.example:8443/pay?step=2',
  'HTTPS://Shop.Example/Caf%C3%A9',
  `${SHOP}/café/größe?farbe=blau&q=été#ß`,
  `${SHOP}/a?b=1?c=2#d#e`,
  'http://user@shop.example/%F0%9F%98%80?x=%20',
  `${SHOP}/products/blue-shirt?utm_source=google&gclid=Cj0K#reviews`,
];

const product = (facts: Record<string, unknown>) => ({ id: 'SKU-1', price: 19.99, currency: 'EUR', ...facts });

describe('compact storage: pages and product facts stored once, every event read back as sent', () => {
  it('gives back odd URLs byte for byte, in NDJSON and CSV, while storing them compact', async () => {
    const { site, export_token } = await createSite();
    const events = ODD_URLS.map((url, i) => event({ url, ts: DAY + 1000 + i, ref: i === 0 ? 'https://www.google.com/search?q=é' : undefined, type: i === 0 ? 'landing' : 'page_view' }));
    expect((await collect({ site, events })).status).toBe(202);

    const stored = await env.DB.prepare('SELECT url FROM events WHERE site_id = ?1 ORDER BY ts').bind(await siteId(site)).all<{ url: string }>();
    expect(stored.results.every((row) => /^\d/.test(row.url))).toBe(true);
    // Nine distinct pages: the referrer's and eight of the URLs (a URL without a path, with
    // only a query or only a fragment is the shop's bare origin; the first and last share theirs).
    expect((await env.DB.prepare('SELECT count(*) AS n FROM event_pages WHERE site_id = ?1').bind(await siteId(site)).first<{ n: number }>())!.n).toBe(9);

    const ndjson = await exported(site, export_token);
    expect(ndjson.map((r) => r.url)).toEqual(ODD_URLS);
    expect(ndjson[0]!.referrer).toBe('https://www.google.com/search?q=é');
    expect(ndjson.map((r) => r.path)).toEqual(ODD_URLS.map((url) => new URL(url).pathname));
    const csv = await exported(site, export_token, 'csv');
    expect(csv.map((r) => r.url)).toEqual(ODD_URLS);
  });

  it('keeps each event’s own product facts when they differ between events of one product', async () => {
    const { site, export_token } = await createSite();
    const propsList = [
      { product: product({ name: 'Blue shirt', brand: 'Acme', category: 'Shirts' }) },
      { product: product({ name: 'Blue shirt', brand: 'Acme', category: 'Shirts', variant: 'XL' }) },
      { product: { ...product({ name: 'Blue shirt — sale', brand: 'Acme' }), price: 9.5 } },
      { product: { category: 'Shirts', id: 'SKU-1', '#': 'not a number', name: 'Blue "shirt"', price: 19.99, currency: 'EUR', quantity: 2 } },
      { list: 'Shirts', products: [product({ name: 'Blue shirt' }), product({ name: 'Blue shirt', variant: 'S' }), { id: 'SKU-2', name: '緑のシャツ', price: 1e21 }] },
      { value: 39.98, currency: 'EUR', items: [{ ...product({ name: 'Blue shirt' }), quantity: 2 }], product: product({ name: 'Blue shirt' }) },
      { products: [], items: [{}], note: '\u0000\u2028\ud800' },
    ];
    const types = ['product_view', 'product_view', 'product_view', 'cart_add', 'product_list_view', 'cart_view', 'cart_view'];
    const events = propsList.map((props, i) => event({ type: types[i], ts: DAY + 1000 + i, props }));
    expect((await collect({ site, events })).status).toBe(202);

    const rows = await exported(site, export_token);
    expect(rows.map((r) => JSON.stringify(r.props))).toEqual(propsList.map((props) => JSON.stringify(props)));
    const csv = await exported(site, export_token, 'csv');
    expect(csv.map((r) => r.props)).toEqual(propsList.map((props) => JSON.stringify(props)));
    const facts = await env.DB.prepare('SELECT facts FROM product_facts WHERE site_id = ?1').bind(await siteId(site)).all<{ facts: string }>();
    // Nine distinct product objects, each once: the list's first product and the cart's product are one.
    expect(facts.results).toHaveLength(9);
  });

  it('reads rows stored whole before the migration and compact rows side by side in one page', async () => {
    const { site, export_token } = await createSite();
    const id = await siteId(site);
    const props = JSON.stringify({ list: 'Shirts', products: [product({ name: 'Blue shirt' })] });
    const row = (n: number): StoredEvent => ({ siteId: id, id: `mix_${n}`, ts: DAY + n, receivedAt: DAY + n + 3, type: 'product_list_view', stage: 2, visitor: 'a_mix', session: 's_mix', url: `${SHOP}/collections/shirts?page=${n}`, referrer: 'https://www.google.com/', props });
    await insertEvents(env.DB, [row(1), row(3)]).run();
    await d1EventWriter(env.DB).write([row(2), row(4)]);
    const stored = await env.DB.prepare('SELECT url FROM events WHERE site_id = ?1 ORDER BY ts').bind(id).all<{ url: string }>();
    expect(stored.results.map((r) => /^\d/.test(r.url))).toEqual([false, true, false, true]);
    const rows = await exported(site, export_token);
    expect(rows.map((r) => [r.id, r.url, r.referrer, JSON.stringify(r.props)])).toEqual(
      [1, 2, 3, 4].map((n) => [`mix_${n}`, `${SHOP}/collections/shirts?page=${n}`, 'https://www.google.com/', props]),
    );
  });

  it('gives back any URL and props the collector stores, and rolls them up as if stored whole', async () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('#', '?', '', 'SKU-1'));
    const productArb = fc.dictionary(fc.oneof(text, fc.constantFrom('id', 'name', 'price', 'currency', 'quantity', '#', '0', '10')), fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null)), { maxKeys: 6 })
      .map((facts) => ({ ...facts, id: 'SKU-' + String(facts.id ?? '1').length, price: 5, currency: 'EUR' }));
    const propsArb = fc.record({ product: productArb, products: fc.array(productArb, { maxLength: 3 }), items: fc.array(productArb, { maxLength: 2 }), list: text }, { requiredKeys: [] });
    const urlArb = fc.tuple(fc.constantFrom(SHOP, 'https://other.example', 'HTTP://Shop.Example:80'), fc.webPath(), fc.option(fc.webQueryParameters()), fc.option(fc.webFragments()))
      .map(([origin, path, query, fragment]) => origin + path + (query === null ? '' : `?${query}`) + (fragment === null ? '' : `#${fragment}`));
    const compact = await siteId((await createSite()).site);
    const whole = await siteId((await createSite()).site);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('product_view', 'cart_add', 'cart_view'), urlArb, propsArb, fc.option(urlArb)), { minLength: 1, maxLength: 6 }), async (events) => {
        const rows = events.map(([type, url, props, referrer]): StoredEvent => {
          n += 1;
          const ts = DAY + n;
          return { siteId: compact, id: `cp_${n}`, ts, receivedAt: ts + 5, type, stage: type === 'product_view' ? 2 : 3, visitor: `a_${n % 3}`, session: `s_${n % 3}`, url, props: JSON.stringify(props), ...(referrer === null ? {} : { referrer }) };
        });
        await d1EventWriter(env.DB).write(rows);
        await insertEvents(env.DB, rows.map((row) => ({ ...row, siteId: whole }))).run();
        const read = async (site: number) => {
          const { results } = await env.DB.prepare('SELECT * FROM events WHERE site_id = ?1 AND id IN (SELECT value FROM json_each(?2)) ORDER BY id').bind(site, JSON.stringify(rows.map((r) => r.id))).all();
          return results;
        };
        const back = (await read(compact)) as never[];
        await expandRows(env.DB, compact, back);
        expect(back.map(({ url, referrer, props }: { url: string; referrer: string | null; props: string }) => [url, referrer ?? undefined, props])).toEqual(
          [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => [row.url, row.referrer, row.props]),
        );
      }),
      { numRuns: 40 },
    );
    // The rollup triggers read the same facts from compact rows as from whole ones.
    for (const table of ['visitor_totals', 'visitor_products', 'visitor_hour_money', 'visitor_hours', 'visit_paths']) {
      const rollup = async (site: number) => (await env.DB.prepare(`SELECT * FROM ${table} WHERE site_id = ?1`).bind(site).all()).results.map((row) => ({ ...row, site_id: 0 }));
      expect(await rollup(compact)).toEqual(await rollup(whole));
    }
  });
});
