import { validateEvent, type CollectBatch } from '@waymark/schema';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { shopifyPixel, type ShopifyPixelApi } from '../src/platforms/shopifyPixel.ts';
import { recordFetch } from './helpers.ts';

/**
 * A `checkout_completed` as the Web Pixels API delivers it (shopify.dev, "Customer events"
 * reference: Checkout, CheckoutLineItem, ProductVariant, MoneyV2; amounts are numbers).
 */
const line = (sku: string, title: string, variant: string, amount: number, quantity: number) => ({
  id: 'gid-line-' + sku,
  quantity,
  title,
  finalLinePrice: { amount: amount * quantity, currencyCode: 'EUR' },
  discountAllocations: [],
  variant: {
    id: '41002',
    sku,
    title: variant,
    untranslatedTitle: variant,
    price: { amount, currencyCode: 'EUR' },
    image: { src: '//cdn.shopify.com/s/files/1/shirt.jpg' },
    product: { id: '8001', title, untranslatedTitle: title, type: 'Shirts', vendor: 'Acme', url: '/products/' + sku.toLowerCase() },
  },
});
const checkout = {
  currencyCode: 'EUR',
  email: 'jane.doe@example.com',
  token: 'c1-9f8e7d',
  lineItems: [line('OX-M', 'Oxford Shirt', 'M', 49.9, 2), line('TIE-1', 'Linen Tie', 'Default Title', 29, 1)],
  subtotalPrice: { amount: 128.8, currencyCode: 'EUR' },
  shippingLine: { price: { amount: 4.95, currencyCode: 'EUR' } },
  totalTax: { amount: 21.36, currencyCode: 'EUR' },
  totalPrice: { amount: 133.75, currencyCode: 'EUR' },
  discountApplications: [{ allocationMethod: 'ACROSS', targetSelection: 'ALL', targetType: 'LINE_ITEM', title: 'SUMMER10', type: 'DISCOUNT_CODE', value: { percentage: 10 } }],
  order: { id: '5123456789', customer: { id: '7001', isFirstOrder: true } },
};
const shopifyEvent = (name: string) => ({
  id: 'sh-88153c5a-8F2D-4CCA-3231-EF5C032A4C3B',
  name,
  type: 'standard',
  clientId: 'xxx-yyy',
  timestamp: new Date(Date.now() - 50).toISOString(),
  context: { document: { location: { href: 'https://acme.example/checkouts/cn/c1-9f8e7d/thank-you' }, referrer: '', title: 'Thank you' } },
  data: { checkout },
});

/** Shopify's side of a custom pixel: subscriptions, and the storefront's localStorage (async). */
function pixelApi(storage: Record<string, string>) {
  const subscribers = new Map<string, (event: object) => void>();
  const api: ShopifyPixelApi = {
    analytics: { subscribe: (name, callback) => void subscribers.set(name, callback) },
    browser: { localStorage: { getItem: async (key) => storage[key] ?? null, setItem: async (key, value) => void (storage[key] = value) } },
  };
  const publish = async (name: string) => {
    subscribers.get(name)?.(shopifyEvent(name));
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0));
  };
  let sent: unknown[] = [];
  return { api, publish, setSent: (list: unknown[]) => (sent = list), subscribers };
}

const storefront = () => ({ wm_a: 'a_V1StGXR8_Z5jdHi6B-myT', wm_s: 's_4f90d13a42.' + (Date.now() - 60_000) });

describe('Shopify custom pixel', () => {
  let recorded: ReturnType<typeof recordFetch>;
  beforeEach(() => {
    recorded = recordFetch();
  });
  afterEach(() => vi.useRealTimers());

  test('checkout_completed is the order, in the visit and of the visitor the storefront started', async () => {
    const shop = pixelApi(storefront());
    shop.setSent(recorded.sent);
    shopifyPixel({ site: 'wm_test', endpoint: 'https://collector.test/' }, shop.api);
    expect([...shop.subscribers.keys()].sort()).toEqual(['checkout_completed', 'checkout_shipping_info_submitted', 'checkout_started', 'payment_info_submitted']);
    await shop.publish('checkout_completed');
    const { url, batch } = recorded.sent[0]!;
    expect(url).toBe('https://collector.test/v1/collect');
    const [event] = batch.events;
    expect(validateEvent(event)).toMatchObject({ ok: true });
    // The checkout token of the thank-you page's path opens the order status page: redacted.
    expect(event).toMatchObject({ type: 'order_complete', anon: 'a_V1StGXR8_Z5jdHi6B-myT', session: 's_4f90d13a42', url: 'https://acme.example/checkouts/cn/redacted/thank-you' });
    expect(event!.props).toEqual({
      order_id: '5123456789',
      revenue: 133.75,
      currency: 'EUR',
      shipping: 4.95,
      tax: 21.36,
      coupon: 'SUMMER10',
      items: [
        { id: 'OX-M', name: 'Oxford Shirt', price: 49.9, currency: 'EUR', brand: 'Acme', category: 'Shirts', variant: 'M', quantity: 2 },
        { id: 'TIE-1', name: 'Linen Tie', price: 29, currency: 'EUR', brand: 'Acme', category: 'Shirts', quantity: 1 },
      ],
    });
    expect(JSON.stringify(batch)).not.toContain('jane.doe');
  });

  test("legacy checkout URLs lose their token too (/{shop}/checkouts/{token}/thank_you?key=…)", async () => {
    const shop = pixelApi(storefront());
    shopifyPixel({ site: 'wm_test', endpoint: 'https://collector.test' }, shop.api);
    const event = shopifyEvent('checkout_completed');
    event.context.document.location.href = 'https://acme.example/55555/checkouts/0123456789abcdef0123456789abcdef/thank_you?key=secret';
    shop.subscribers.get('checkout_completed')!(event);
    await vi.waitFor(() => expect(recorded.events()).toHaveLength(1));
    expect(recorded.events()[0]!.url).toBe('https://acme.example/55555/checkouts/redacted/thank_you?key=redacted');
  });

  test('it marks itself in the storefront, so waymark.js leaves the checkout start to it', async () => {
    const storage: Record<string, string> = {};
    shopifyPixel({ site: 'wm_test', endpoint: 'https://collector.test' }, pixelApi(storage).api);
    await vi.waitFor(() => expect(Date.now() - +storage.wm_px!).toBeLessThan(1000));
  });

  test('checkout start and its shipping and payment steps carry the cart', async () => {
    const shop = pixelApi(storefront());
    shopifyPixel({ site: 'wm_test', endpoint: 'https://collector.test' }, shop.api);
    for (const name of ['checkout_started', 'checkout_shipping_info_submitted', 'payment_info_submitted']) {
      shop.setSent(recorded.sent);
      shop.subscribers.get(name)!(shopifyEvent(name));
    }
    await vi.waitFor(() => expect(recorded.events()).toHaveLength(3));
    const events = recorded.events();
    for (const event of events) expect(validateEvent(event)).toMatchObject({ ok: true });
    expect(events.map((event) => [event.type, event.props?.step])).toEqual([['checkout_start', undefined], ['checkout_step', 'shipping'], ['checkout_step', 'payment']]);
    expect(events[0]!.props).toMatchObject({ value: 133.75, currency: 'EUR', items: [{ id: 'OX-M' }, { id: 'TIE-1' }] });
  });

  test('without the storefront ids (another device, cookieless, an old visit): one new visit for the whole checkout, no visitor id', async () => {
    const storage: Record<string, string> = { wm_s: 's_old.' + (Date.now() - 31 * 60_000) };
    const shop = pixelApi(storage);
    shopifyPixel({ site: 'wm_test', endpoint: 'https://collector.test' }, shop.api);
    for (const name of ['checkout_started', 'checkout_shipping_info_submitted', 'payment_info_submitted', 'checkout_completed']) {
      shop.subscribers.get(name)!(shopifyEvent(name));
      await vi.waitFor(() => expect(recorded.events().length).toBeGreaterThan(0));
    }
    await vi.waitFor(() => expect(recorded.events()).toHaveLength(4));
    const events = recorded.events();
    for (const event of events) expect(validateEvent(event)).toMatchObject({ ok: true });
    expect(events.every((event) => event.anon === undefined)).toBe(true);
    expect(new Set(events.map((event) => event.session)).size).toBe(1);
    expect(events[0]!.session).toMatch(/^s_[\w-]{21}$/);
    expect(storage.wm_s).toMatch(new RegExp('^' + events[0]!.session + '\\.\\d+$'));
  });

  test('a big order is cut to what the collector takes (8 KiB of props), not lost; no e-mail leaves', async () => {
    const shop = pixelApi(storefront());
    shopifyPixel({ site: 'wm_test', endpoint: 'https://collector.test' }, shop.api);
    const lines = Array.from({ length: 100 }, (_, i) => line(`SKU-${i}-jane.doe@example.com`, 'A rather long product title for a big order ' + i, 'Size XL / Colour Forest Green', 19.9, 1));
    const event = shopifyEvent('checkout_completed');
    shop.subscribers.get('checkout_completed')!({ ...event, data: { checkout: { ...checkout, lineItems: lines } } });
    await vi.waitFor(() => expect(recorded.events()).toHaveLength(1));
    const [order] = recorded.events();
    expect(validateEvent(order)).toMatchObject({ ok: true });
    expect((order!.props!.items as unknown[]).length).toBeGreaterThan(10);
    expect(JSON.stringify(order)).not.toContain('@');
  });

  test('a collector that fails is tried again; a broken event or storage never throws', async () => {
    vi.useFakeTimers();
    const answers = [new Response('', { status: 503 }), undefined];
    recorded = recordFetch((batch: CollectBatch) => answers.shift() ?? new Response('{}', { status: 202 }));
    const shop = pixelApi(storefront());
    shop.api.browser.localStorage.getItem = () => Promise.reject(new Error('blocked'));
    shopifyPixel({ site: 'wm_test', endpoint: 'https://collector.test' }, shop.api);
    shop.subscribers.get('checkout_completed')!(shopifyEvent('checkout_completed'));
    expect(() => shop.subscribers.get('checkout_started')!({ data: null })).not.toThrow();
    await vi.advanceTimersByTimeAsync(0);
    expect(recorded.sent.filter(({ batch }) => batch.events[0]!.type == 'order_complete')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(recorded.sent.filter(({ batch }) => batch.events[0]!.type == 'order_complete')).toHaveLength(2);
  });
});

test('the built pixel runs as pasted into Shopify, after the WAYMARK line', async () => {
  const recorded = recordFetch();
  const shop = pixelApi(storefront());
  shop.setSent(recorded.sent);
  const code = readFileSync('dist/waymark-shopify-pixel.js', 'utf8');
  new Function('analytics', 'browser', `const WAYMARK = { site: 'wm_test', endpoint: 'https://collector.test' };\n${code}`)(shop.api.analytics, shop.api.browser);
  await shop.publish('checkout_completed');
  expect(recorded.events()[0]).toMatchObject({ type: 'order_complete', props: { order_id: '5123456789' } });
});
