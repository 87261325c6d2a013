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
  ['order_tracking_view', 'loyalty'],
] as const;

const touchpoints = (rows: ExportedEvent[], visitor: string) => touchpointsOf(rows, visitor, JOURNEY);

describe('static shop (script tag): a full journey in Chromium, read back from D1', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('captures search landing → category → product → cart → checkout → order → tracking', async () => {
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

    const rows = await waitForEvents(stack.events, (all) => touchpoints(all, visitor!).length >= JOURNEY.length);
    const journey = touchpoints(rows, visitor!);
    expect(journey.map((e) => [e.type, e.stage])).toEqual(JOURNEY);

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
});
