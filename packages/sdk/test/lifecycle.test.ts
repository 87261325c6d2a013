import { afterEach, describe, expect, test, vi } from 'vitest';
import { init } from '../src/index.ts';
import { VISIT_TIMEOUT_MS } from '../src/core/visits.ts';
import { byType, capture, flushPromises, loadPage, pageEvents, recordFetch } from './helpers.ts';

const blank = '<!doctype html><html><head></head><body><h1>Home</h1></body></html>';
const dataLayer = () => (window as any).dataLayer as unknown[];

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('headless storefront with a GA4 dataLayer (SPA)', () => {
  test('each History API page once, with the dataLayer facts; replaceState and same-path pushes not counted', async () => {
    loadPage('https://headless.example/', blank, { dataLayer: [] });
    const item = { item_id: 'SKU-1', item_name: 'Blue shirt', price: '19.99', item_brand: 'Acme', item_category: 'Shirts', item_variant: 'M', quantity: 1 };
    const events = await capture(() => {
      history.pushState({}, '', '/p/blue-shirt');
      dataLayer().push({ ecommerce: null });
      dataLayer().push({ event: 'view_item', ecommerce: { currency: 'eur', value: 19.99, items: [item] } });
      dataLayer().push({ event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 39.98, items: [{ ...item, quantity: 2 }] } });
      history.replaceState({}, '', '/p/blue-shirt?color=blue');
      history.pushState({}, '', '/p/blue-shirt');
      history.pushState({}, '', '/cart');
      dataLayer().push({ event: 'view_cart', ecommerce: { currency: 'EUR', value: 39.98, items: [{ ...item, quantity: 2 }] } });
      history.pushState({}, '', '/checkout');
      dataLayer().push({ event: 'begin_checkout', ecommerce: { currency: 'EUR', value: 39.98, items: [item] } });
      history.pushState({}, '', '/checkout/shipping');
      dataLayer().push({ event: 'add_shipping_info', ecommerce: { currency: 'EUR', value: 39.98, shipping_tier: 'Ground', items: [item] } });
      history.pushState({}, '', '/checkout/payment');
      dataLayer().push(['event', 'add_payment_info', { currency: 'EUR', value: 39.98, payment_type: 'Card', items: [item] }]);
      history.pushState({}, '', '/order/confirmation');
      dataLayer().push({ event: 'purchase', ecommerce: { transaction_id: 'T-1001', value: 44.97, tax: 3.1, shipping: 4.99, currency: 'EUR', coupon: 'SUMMER', items: [{ ...item, quantity: 2 }] } });
    });
    expect(pageEvents(events).map((event) => event.type)).toEqual(['page_view', 'product_view', 'cart_view', 'checkout_start', 'checkout_step', 'checkout_step', 'order_complete']);
    expect(byType(events, 'landing')).toHaveLength(1);
    const product = { id: 'SKU-1', name: 'Blue shirt', price: 19.99, currency: 'EUR', brand: 'Acme', category: 'Shirts', variant: 'M', quantity: 1 };
    expect(byType(events, 'product_view')[0]?.props?.product).toEqual(product);
    expect(byType(events, 'cart_add')[0]?.props?.product).toEqual({ ...product, quantity: 2 });
    expect(byType(events, 'cart_view')[0]?.props).toMatchObject({ value: 39.98, currency: 'EUR' });
    expect(byType(events, 'checkout_step').map((event) => event.props?.step)).toEqual(['shipping', 'payment']);
    expect(byType(events, 'order_complete')[0]?.props).toEqual({ order_id: 'T-1001', revenue: 44.97, tax: 3.1, shipping: 4.99, currency: 'EUR', coupon: 'SUMMER', items: [{ ...product, quantity: 2 }] });
  });

  test('one-page checkout: a step pushed after the page settled is a checkout_step of its own', async () => {
    vi.useFakeTimers();
    loadPage('https://headless.example/checkout', blank, { dataLayer: [{ event: 'begin_checkout', ecommerce: { currency: 'EUR', value: 5, items: [] } }] });
    const events = await capture(async () => {
      await vi.advanceTimersByTimeAsync(3000);
      dataLayer().push({ event: 'add_shipping_info', ecommerce: { currency: 'EUR', value: 5, items: [] } });
      vi.useRealTimers();
    });
    expect(pageEvents(events).map((event) => [event.type, event.props?.step])).toEqual([['checkout_start', undefined], ['checkout_step', 'shipping']]);
  });

  test('a purchase pushed after the thank-you page settled is still the order', async () => {
    vi.useFakeTimers();
    loadPage('https://headless.example/done', blank, { dataLayer: [] });
    const events = await capture(async () => {
      await vi.advanceTimersByTimeAsync(3000);
      dataLayer().push({ event: 'purchase', ecommerce: { transaction_id: 'T-9', value: 10, currency: 'EUR', items: [] } });
      vi.useRealTimers();
    });
    expect(pageEvents(events).map((event) => event.type)).toEqual(['page_view', 'order_complete']);
  });
});

describe('pages and visits', () => {
  test('a back/forward-cache restore is a new page', async () => {
    loadPage('https://shop.example/about', blank);
    const events = await capture(() => {
      // happy-dom leaves `persisted` out of PageTransitionEvent.
      const restored = Object.defineProperty(new Event('pageshow'), 'persisted', { value: true });
      window.dispatchEvent(new Event('pagehide'));
      window.dispatchEvent(restored);
    });
    expect(pageEvents(events).map((event) => event.type)).toEqual(['page_view', 'page_view']);
  });

  test('30 minutes without activity start a new visit: a second landing, a new session', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    loadPage('https://shop.example/', blank);
    const events = await capture((waymark) => {
      waymark.page();
      vi.setSystemTime(Date.now() + 10 * 60_000);
      history.pushState({}, '', '/a');
      vi.setSystemTime(Date.now() + VISIT_TIMEOUT_MS + 1000);
      history.pushState({}, '', '/b');
    });
    const landings = byType(events, 'landing');
    expect(landings).toHaveLength(2);
    expect(landings[0]!.session).not.toBe(landings[1]!.session);
    expect(new Set(events.map((event) => event.anon)).size).toBe(1);
  });

  test('landing carries the referrer, scrubbed', async () => {
    loadPage('https://shop.example/?utm_source=newsletter&utm_medium=email', blank);
    vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://mail.example/read?email=jane@example.com&id=3');
    const events = await capture();
    expect(byType(events, 'landing')[0]).toMatchObject({
      ref: 'https://mail.example/read?email=redacted&id=3',
      props: { campaign: { source: 'newsletter', medium: 'email' } },
    });
  });

  test('URL rule overrides', async () => {
    loadPage('https://boutique.example/panier', blank);
    const events = await capture(() => {}, { pages: { cart_view: '^/panier', account_view: false } });
    expect(pageEvents(events)[0]?.type).toBe('cart_view');
  });

  test('web_vitals once when the page is hidden, with the page type', async () => {
    const report = (value: number) => (callback: (metric: any) => void) => callback({ value });
    const vitals = { onLCP: report(1234.4), onCLS: report(0.123456), onINP: report(88), onFCP: report(900), onTTFB: report(120.6) };
    vi.doMock('web-vitals', () => vitals);
    vi.resetModules();
    // The browser's fetch exists before the SDK is evaluated (the SDK keeps the one it found).
    const { events } = recordFetch();
    const { init: freshInit } = await import('../src/index.ts');
    loadPage('https://shop.example/about', blank);
    const waymark = freshInit({ site: 'wm_test', endpoint: 'https://collector.test' });
    waymark.page('page_view');
    window.dispatchEvent(new Event('load'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    waymark.shutdown();
    await flushPromises();
    expect(byType(events(), 'web_vitals').map((event) => event.props)).toEqual([
      { lcp: 1234, cls: 0.1235, inp: 88, fcp: 900, ttfb: 121, page_type: 'page_view' },
    ]);
    vi.doUnmock('web-vitals');
  });
});

describe('privacy', () => {
  test("consent 'required': nothing stored or sent until consent(true)", async () => {
    loadPage('https://shop.example/products/x', blank);
    const { events, fetch } = recordFetch();
    const waymark = init({ site: 'wm_test', endpoint: 'https://collector.test', consent: 'required' });
    waymark.identify('customer-1');
    waymark.track('cart_add', { product: { id: 'X' } });
    await waymark.flush();
    expect(fetch).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    waymark.consent(true);
    waymark.shutdown();
    await flushPromises();
    expect(events().map((event) => event.type)).toEqual(['landing', 'cart_add', 'product_view']);
    expect(events().every((event) => event.anon?.startsWith('a_') && event.user == 'customer-1')).toBe(true);
  });

  test('consent(false) erases the ids and the queue', async () => {
    loadPage('https://shop.example/', blank);
    recordFetch();
    const waymark = init({ site: 'wm_test', endpoint: 'https://collector.test' });
    waymark.track('newsletter_signup');
    // Storage is touched once the page is idle or hidden, or when asked to send.
    expect(localStorage.getItem('wm_a')).toBeNull();
    await waymark.flush();
    expect(localStorage.getItem('wm_a')).toBeTruthy();
    waymark.consent(false);
    waymark.shutdown();
    expect(Object.keys(localStorage).filter((key) => key.startsWith('wm_'))).toEqual([]);
  });

  test("consent 'required': a hidden page stores nothing, not even the tab lock", async () => {
    loadPage('https://shop.example/', blank);
    recordFetch();
    // A localStorage that remembers every write, even one deleted right after.
    const written: string[] = [];
    const items = new Map<string, string>();
    const recording = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void (written.push(key), items.set(key, value)),
      removeItem: (key: string) => void items.delete(key),
    };
    vi.stubGlobal('localStorage', recording);
    try {
      const waymark = init({ site: 'wm_test', endpoint: 'https://collector.test', consent: 'required' });
      waymark.track('newsletter_signup');
      window.dispatchEvent(new Event('pagehide'));
      window.dispatchEvent(new Event('online'));
      await flushPromises();
      waymark.shutdown();
      expect(written).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(localStorage.length).toBe(0);
  });

  test('consent(false) also erases the retry time and the lock', async () => {
    loadPage('https://shop.example/', blank);
    recordFetch(() => new Response('', { status: 503 }));
    const waymark = init({ site: 'wm_test', endpoint: 'https://collector.test' });
    waymark.track('newsletter_signup');
    await waymark.flush();
    await flushPromises();
    expect(localStorage.getItem('wm_r')).toBeTruthy();
    localStorage.setItem('wm_l_wm_test', 'tab.' + (Date.now() + 15_000));
    waymark.consent(false);
    waymark.shutdown();
    expect([...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key.startsWith('wm_'))).toEqual([]);
  });

  test('Global Privacy Control and Do Not Track: cookieless, no anon id, nothing in localStorage', async () => {
    for (const [key, value] of [['globalPrivacyControl', true], ['doNotTrack', '1']] as const) {
      loadPage('https://shop.example/', blank);
      vi.stubGlobal('navigator', Object.create(navigator, { [key]: { value } }));
      const events = await capture();
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((event) => event.anon === undefined && event.session.startsWith('s_'))).toBe(true);
      expect(Object.keys(localStorage)).toEqual([]);
      vi.unstubAllGlobals();
    }
  });

  test('e-mail addresses and secret query values are scrubbed from URLs', async () => {
    loadPage('https://shop.example/account/jane.doe%40example.com?token=abc123&access_token=x&q=shoes&utm_source=mail#reset=1', blank);
    const [event] = await capture();
    expect(event?.url).toBe('https://shop.example/account/redacted?token=redacted&access_token=redacted&q=shoes&utm_source=mail#reset=1');
  });
});

describe('never throws into the page', () => {
  test('broken JSON-LD, hostile microdata and a huge page', async () => {
    const cards = Array.from({ length: 3000 }, (_, i) => `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">P${i}</span><span itemprop="price">x</span></div>`).join('');
    loadPage(
      'https://shop.example/c/all',
      `<!doctype html><html><head><script type="application/ld+json">{"@type": "Product", "name": "Broken",}</script>
<script type="application/ld+json">null</script><script type="application/ld+json">[1, "x", {"@graph": "nope"}]</script>
<meta property="og:type" content="product"><meta property="product:price:amount" content="NaN"></head><body>${cards}</body></html>`,
    );
    const events = await capture();
    expect(pageEvents(events)).toHaveLength(1);
    // 3000 cards take 2–2.5 s in happy-dom alone, twice that beside the other test worker.
  }, 15_000);

  test('a localStorage that throws, and a dead collector', async () => {
    loadPage('https://shop.example/products/x', blank);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    (globalThis as any).fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const waymark = init({ site: 'wm_test', endpoint: 'https://collector.test' });
    waymark.track('cart_add', { product: { id: 'X', price: 'abc', currency: 'euro' } });
    await expect(waymark.flush()).resolves.toBeUndefined();
    expect(() => waymark.shutdown()).not.toThrow();
    vi.restoreAllMocks();
  });

  test('bad calls are refused quietly', async () => {
    loadPage('https://shop.example/', blank);
    const events = await capture((waymark) => {
      waymark.track('Bad Type!');
      waymark.track('custom_thing');
      waymark.track('product_view');
      waymark.feedback(7);
      waymark.feedback(4, 'Nice', 'purchase');
      (waymark as any).track(null);
    });
    expect(events.filter((event) => !/landing|page_view/.test(event.type)).map((event) => event.type)).toEqual(['feedback']);
  });

  test('no site: inert', () => {
    expect(() => init({} as any).track('x')).not.toThrow();
  });
});

test('Magento 2 checkout: each step of the hash is a checkout_step', async () => {
  loadPage('https://magento.example/checkout/#shipping', '<!doctype html><html><head></head><body class="checkout-index-index"></body></html>');
  const events = await capture(async () => {
    await Promise.resolve();
    // What Magento's step navigator does, without happy-dom's asynchronous hashchange.
    history.replaceState(null, '', '#payment');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  const steps = pageEvents(events).map((event) => [event.type, event.props?.step]);
  expect(steps).toHaveLength(2);
  expect(steps).toEqual(expect.arrayContaining([['checkout_start', undefined], ['checkout_step', 'payment']]));
});

test('a reloaded thank-you page does not send its order again', async () => {
  loadPage('https://woo.example/checkout/order-received/77/', '<!doctype html><html><head></head><body class="woocommerce-order-received"></body></html>');
  const first = await capture();
  const reloaded = await capture();
  expect(byType(first, 'order_complete')).toHaveLength(1);
  expect(byType(reloaded, 'order_complete')).toHaveLength(0);
  expect(byType(reloaded, 'page_view')).toHaveLength(0);
});

test('an e-mail address in a search query or a utm value is redacted, as in the URL', async () => {
  loadPage('https://shop.example/search?q=jane.doe%40example.com&utm_source=newsletter&utm_campaign=jane%40example.com', '<!doctype html><html><head></head><body><h1>Search</h1></body></html>', {
    dataLayer: [],
  });
  const events = await capture();
  expect(byType(events, 'site_search')[0]?.props).toEqual({ query: 'redacted' });
  expect(byType(events, 'landing')[0]?.props).toEqual({ campaign: { source: 'newsletter', name: 'redacted' } });
  loadPage('https://shop.example/results', '<!doctype html><html><head></head><body></body></html>', {
    dataLayer: [{ event: 'search', ecommerce: { search_term: 'write to jane.doe@example.com' } }],
  });
  const fromDataLayer = await capture();
  expect(byType(fromDataLayer, 'site_search')[0]?.props).toEqual({ query: 'write to redacted' });
  expect(JSON.stringify([...events, ...fromDataLayer])).not.toMatch(/@|%40/);
});
