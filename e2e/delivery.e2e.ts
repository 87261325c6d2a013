import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anonOf, count, deliveryScenarios } from './lib/deliveryScenario.ts';
import { startStack, type Stack } from './lib/startStack.ts';

/**
 * Delivery reliability, one scenario per test: every event that left the browser is in
 * D1 (zero loss) and each touchpoint is stored as often as it happened (zero duplicates
 * stored). Re-sends are allowed (the collector dedups by id). Each scenario prints its counts.
 */
describe('delivery: no event lost, none stored twice', () => {
  let stack: Stack;
  const scenario = deliveryScenarios(() => stack);
  const { visitor, attempts } = scenario;
  beforeAll(async () => {
    stack = await startStack({ spa: true });
  });
  afterAll(() => stack?.stop());
  afterEach(() => scenario.close());


  it('navigation right after an add-to-cart', async () => {
    const page = await visitor();
    await page.goto(`${stack.shop}/products/linen-shirt`);
    await page.click('button.add-to-cart');
    await page.waitForURL('**/cart');
    const id = await anonOf(page);
    await page.close();
    const rows = await scenario.settle('navigation after add-to-cart', id, (r) => count(r, 'cart_add') === 1 && count(r, 'cart_view') === 1);
    expect(count(rows, 'product_view')).toBe(1);
  });

  it('tab closed right after an event', async () => {
    const page = await visitor();
    await page.goto(`${stack.spa}/products/rain-jacket`);
    await page.waitForSelector('#add-to-cart');
    const id = await anonOf(page);
    await page.click('#add-to-cart');
    await page.close({ runBeforeUnload: true });
    // Whatever the closing tab could not send waits in localStorage for the next page of the shop.
    const next = await scenario.context().newPage();
    await next.goto(`${stack.spa}/`);
    await scenario.settle('tab closed after add-to-cart', id, (r) => count(r, 'cart_add') === 1 && count(r, 'product_view') === 1);
  });

  it('back/forward cache restores count as new pages', async () => {
    const page = await visitor();
    await page.addInitScript(() => addEventListener('pageshow', (e) => e.persisted && sessionStorage.setItem('restored', '1')));
    await page.goto(`${stack.shop}/products/chino-trousers`);
    await page.waitForTimeout(1200);
    await page.goto(`${stack.shop}/collections/shirts`);
    await page.waitForTimeout(1200);
    // A restore fires pageshow, not load: wait for the commit only.
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => sessionStorage.getItem('restored'))).toBe('1');
    await page.goForward({ waitUntil: 'commit' });
    await page.waitForTimeout(500);
    const id = await anonOf(page);
    await page.close();
    await scenario.settle('bfcache back/forward', id, (r) => count(r, 'product_view') === 2 && count(r, 'product_list_view') === 2);
  });

  it('offline for a while, then online again', async () => {
    const page = await visitor();
    await page.goto(`${stack.spa}/`);
    await page.waitForTimeout(1500);
    const id = await anonOf(page);
    await scenario.context().setOffline(true);
    await page.click('text=Denim shirt');
    await page.click('#add-to-cart');
    await page.click('text=Cart');
    await page.waitForTimeout(4000);
    const whileOffline = (await stack.events()).filter((r) => r.visitor === id && r.type === 'cart_add').length;
    expect(whileOffline).toBe(0);
    await scenario.context().setOffline(false);
    await scenario.settle('offline then online', id, (r) => count(r, 'product_view') === 1 && count(r, 'cart_add') === 1 && count(r, 'cart_view') === 1);
  });

  it('collector answering 503, then recovering', async () => {
    const page = await visitor();
    stack.proxy.setFault({ status: 503 });
    await page.goto(`${stack.spa}/products/flannel-shirt`);
    await page.waitForSelector('#add-to-cart');
    await page.click('#add-to-cart');
    const id = await anonOf(page);
    await page.waitForTimeout(3500);
    expect(attempts().some((a) => a.status === 503)).toBe(true);
    stack.proxy.setFault(undefined);
    await scenario.settle('503 then recovery', id, (r) => count(r, 'landing') === 1 && count(r, 'cart_add') === 1);
  });

  it('429 with Retry-After is honoured', async () => {
    const page = await visitor();
    stack.proxy.setFault({ status: 429, retryAfter: 3 });
    await page.goto(`${stack.spa}/products/denim-shirt`);
    await page.waitForTimeout(1500);
    const id = await anonOf(page);
    const limitedAt = attempts().find((a) => a.status === 429)?.at;
    expect(limitedAt).toBeDefined();
    stack.proxy.setFault(undefined);
    await scenario.settle('429 with Retry-After: 3', id, (r) => count(r, 'product_view') === 1);
    const retried = attempts().filter((a) => a.at > limitedAt!);
    expect(retried.length).toBeGreaterThan(0);
    expect(retried[0]!.at - limitedAt!).toBeGreaterThanOrEqual(2900);
  });

  it('two tabs open at once', async () => {
    const first = await visitor();
    const second = await scenario.context().newPage();
    await Promise.all([first.goto(`${stack.spa}/products/rain-jacket`), second.goto(`${stack.spa}/products/denim-shirt`)]);
    await first.waitForSelector('#add-to-cart');
    await second.waitForSelector('#add-to-cart');
    await Promise.all([first.click('#add-to-cart'), second.click('#add-to-cart')]);
    const id = await anonOf(first);
    await scenario.settle('two tabs', id, (r) => count(r, 'product_view') === 2 && count(r, 'cart_add') === 2);
  });

  it('a reloaded thank-you page is one order', async () => {
    const page = await visitor();
    await page.goto(`${stack.shop}/products/wool-socks`);
    await page.click('button.add-to-cart');
    await page.waitForURL('**/cart');
    await page.click('a.checkout');
    await page.click('button.continue');
    await page.click('button.continue');
    await page.click('button.continue');
    await page.waitForURL('**/checkout/thank_you**');
    await page.reload();
    await page.reload();
    const other = await scenario.context().newPage();
    await other.goto(page.url());
    const id = await anonOf(page);
    await page.close();
    await other.close();
    const rows = await scenario.settle('thank-you page reloaded twice and opened in a second tab', id, (r) => count(r, 'order_complete') >= 1 && count(r, 'cart_add') === 1);
    expect(count(rows, 'order_complete')).toBe(1);
  });
});
