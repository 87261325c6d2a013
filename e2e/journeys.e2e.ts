import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForEvents } from './lib/exportedEvents.ts';
import { startStack, type Stack } from './lib/startStack.ts';
import { touchpointsOf } from './lib/touchpointsOf.ts';

/** A search landing on a category, then product, cart, checkout steps, order and its tracking page. */
const SHOP_JOURNEY = [
  ['landing', 'awareness'],
  ['product_list_view', 'consideration'],
  ['product_view', 'consideration'],
  ['cart_add', 'decision'],
  ['cart_view', 'decision'],
  ['checkout_start', 'decision'],
  ['checkout_step', 'decision'],
  ['checkout_step', 'decision'],
  ['order_complete', 'purchase'],
  ['order_tracking_view', 'loyalty'],
] as const;
/** The SPA lists orders under /account: an account page comes before the order's tracking page. */
const SPA_JOURNEY = [...SHOP_JOURNEY.slice(0, -1), ['account_view', 'loyalty'], SHOP_JOURNEY.at(-1)!] as const;

describe('a full journey in Chromium through each example shop, read back from D1', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ spa: true });
  });
  afterAll(() => stack?.stop());

  it('static shop (script tag): search landing → category → product → cart → checkout → order → tracking', async () => {
    const context = await stack.newVisitor();
    const page = await context.newPage();
    await page.goto(`${stack.shop}/collections/shirts?utm_source=google&utm_medium=cpc&utm_campaign=autumn`, { referer: 'https://www.google.com/' });
    await page.click('text=Oxford shirt');
    await page.waitForURL('**/products/oxford-shirt');
    await page.fill('input[name=quantity]', '2');
    await page.click('button.add-to-cart');
    await page.waitForURL('**/cart');
    await page.click('a.checkout');
    await page.waitForURL('**/checkout');
    await page.click('button.continue');
    await page.waitForURL('**/checkout/shipping**');
    await page.click('button.continue');
    await page.waitForURL('**/checkout/payment**');
    await page.click('button.continue');
    await page.waitForURL('**/checkout/thank_you**');
    await page.click('text=Track your order');
    await page.waitForURL('**/account/orders/**');
    const visitor = await page.evaluate(() => localStorage.getItem('wm_a'));
    await page.close();
    await context.close();

    const rows = await waitForEvents(stack.events, (all) => touchpointsOf(all, visitor!, SHOP_JOURNEY).length >= SHOP_JOURNEY.length);
    const journey = touchpointsOf(rows, visitor!, SHOP_JOURNEY);
    expect(journey.map((e) => [e.type, e.stage])).toEqual(SHOP_JOURNEY);

    const byType = (type: string) => journey.filter((e) => e.type === type);
    expect(byType('landing')[0]).toMatchObject({ channel: 'paid_search', search_engine: 'google', referrer: 'https://www.google.com/', path: '/collections/shirts' });
    expect(byType('product_list_view')[0]!.props).toMatchObject({ list: 'Shirts' });
    expect(byType('product_view')[0]!.props!.product).toMatchObject({ id: 'SHIRT-OX-01', name: 'Oxford shirt', price: 49.9, currency: 'EUR', brand: 'Harbour & Co' });
    expect(byType('cart_add')[0]!.props!.product).toMatchObject({ id: 'SHIRT-OX-01', quantity: 2 });
    expect(byType('checkout_step').map((e) => e.props!.step)).toEqual(['shipping', 'payment']);
    expect(byType('order_complete')[0]!.props).toMatchObject({ order_id: '#1001', revenue: 104.75, currency: 'EUR', shipping: 4.95 });
    expect(byType('order_complete')[0]!.props!.items[0]).toMatchObject({ id: 'SHIRT-OX-01', quantity: 2, price: 49.9 });
    expect(byType('order_tracking_view')[0]!.props).toMatchObject({ order_id: '#1001' });
    expect(new Set(journey.map((e) => e.session)).size).toBe(1);

    const vitals = rows.filter((r) => r.visitor === visitor && r.type === 'web_vitals');
    expect(vitals.length).toBeGreaterThan(0);
    for (const v of vitals) expect(v.props!.page_type).toBeTypeOf('string');
  });

  it('SPA shop (npm init()): the same journey over History API navigations, one touchpoint per route', async () => {
    const context = await stack.newVisitor();
    const page = await context.newPage();
    await page.goto(`${stack.spa}/collections/shirts?utm_source=google&utm_medium=organic`, { referer: 'https://www.google.com/' });
    await page.waitForSelector('h1.collection-title');
    await page.click('text=Flannel shirt');
    await page.waitForSelector('h1.product-title');
    await page.click('#add-to-cart');
    await page.click('text=Cart');
    await page.waitForSelector('#checkout');
    await page.click('#checkout');
    await page.click('#to-shipping');
    await page.click('#to-payment');
    await page.click('#pay');
    await page.waitForSelector('.order-number');
    const orderId = (await page.textContent('.order-number'))!.replace('Order ', '');
    // A replaceState that keeps the path (a storefront tidying its query) is not a new page.
    await page.evaluate(() => history.replaceState({}, '', location.pathname + location.search + '&ref=mail'));
    await page.click('text=Orders');
    await page.click(`text=${orderId}`);
    await page.waitForSelector('text=Shipped');
    const visitor = await page.evaluate(() => localStorage.getItem('wm_a'));
    await page.close();
    await context.close();

    const rows = await waitForEvents(stack.events, (all) => touchpointsOf(all, visitor!, SPA_JOURNEY).length >= SPA_JOURNEY.length);
    const journey = touchpointsOf(rows, visitor!, SPA_JOURNEY);
    expect(journey.map((e) => [e.type, e.stage])).toEqual(SPA_JOURNEY);

    const byType = (type: string) => journey.filter((e) => e.type === type);
    expect(byType('landing')[0]).toMatchObject({ channel: 'organic_search', search_engine: 'google', referrer: 'https://www.google.com/' });
    expect(byType('product_view')[0]!.props!.product).toMatchObject({ id: 'SHT-FL-11', name: 'Flannel shirt', price: 58, currency: 'USD' });
    expect(byType('cart_add')[0]!.props!.product).toMatchObject({ id: 'SHT-FL-11', quantity: 1 });
    expect(byType('checkout_step').map((e) => e.props!.step)).toEqual(['shipping', 'payment']);
    expect(byType('order_complete')[0]!.props).toMatchObject({ order_id: orderId, revenue: 58, currency: 'USD' });
    expect(byType('account_view')[0]!.path).toBe('/account/orders');
    expect(byType('order_tracking_view')[0]!.path).toBe(`/account/orders/${orderId}`);
    expect(new Set(journey.map((e) => e.session)).size).toBe(1);
  });
});
