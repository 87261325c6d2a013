import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForEvents, type ExportedEvent } from './lib/exportedEvents.ts';
import { startStack, type Stack } from './lib/startStack.ts';
import { touchpointsOf } from './lib/touchpointsOf.ts';

const JOURNEY = [
  ['landing', 'awareness'],
  ['product_list_view', 'consideration'],
  ['product_view', 'consideration'],
  ['cart_add', 'decision'],
  ['cart_view', 'decision'],
  ['checkout_start', 'decision'],
  ['checkout_step', 'decision'],
  ['checkout_step', 'decision'],
  ['order_complete', 'purchase'],
  ['account_view', 'loyalty'],
  ['order_tracking_view', 'loyalty'],
] as const;

const touchpoints = (rows: ExportedEvent[], visitor: string) => touchpointsOf(rows, visitor, JOURNEY);

describe('SPA shop (npm init()): a full journey over History API navigations, read back from D1', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ spa: true });
  });
  afterAll(() => stack?.stop());

  it('captures the journey from JSON-LD, the GA4 dataLayer and the URL, one touchpoint per route', async () => {
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

    const rows = await waitForEvents(stack.events, (all) => touchpoints(all, visitor!).length >= JOURNEY.length);
    const journey = touchpoints(rows, visitor!);
    expect(journey.map((e) => [e.type, e.stage])).toEqual(JOURNEY);

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
