import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { deliveryLedger } from './lib/deliveryLedger.ts';
import { waitForEvents, type ExportedEvent } from './lib/exportedEvents.ts';
import { startStack, type Stack } from './lib/startStack.ts';

/**
 * Delivery reliability, one scenario per test: every event that left the browser is in
 * D1 (zero loss), none was sent again after the collector took it, and each touchpoint
 * is stored as often as it happened (zero duplicates). Each scenario prints its counts.
 */
describe('delivery: no event lost, none stored twice', () => {
  let stack: Stack;
  let context: BrowserContext;
  let firstAttempt = 0;
  beforeAll(async () => {
    stack = await startStack({ spa: true });
  });
  afterAll(() => stack?.stop());
  afterEach(async () => {
    stack.proxy.setFault(undefined);
    await context?.close();
  });

  async function visitor(): Promise<Page> {
    context = await stack.newVisitor();
    firstAttempt = stack.proxy.attempts.length;
    return context.newPage();
  }

  /** Waits until `expected` holds for this visitor's events, then checks and reports the ledger. */
  async function settle(name: string, page: Page | undefined, visitorId: string, expected: (rows: ExportedEvent[]) => boolean) {
    const mine = (rows: ExportedEvent[]) => rows.filter((r) => r.visitor === visitorId);
    const rows = mine(await waitForEvents(stack.events, (all) => expected(mine(all)), 45_000));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const final = mine(await stack.events());
    const ledger = deliveryLedger(stack.proxy.attempts.slice(firstAttempt), visitorId, final);
    const types = final.filter((e) => e.type !== 'web_vitals').map((e) => e.type);
    console.log(`[delivery] ${name}: sent ${ledger.sent}, stored ${ledger.stored}, lost ${ledger.lost.length}, re-sent after 202 ${ledger.resentAfterAccept.length}, requests ${ledger.attempts}; touchpoints ${types.join(' ')}`);
    expect(expected(rows)).toBe(true);
    if (ledger.lost.length) console.log(`[delivery] ${name}: lost`, stack.proxy.attempts.slice(firstAttempt).flatMap((a) => a.events).filter((e) => ledger.lost.includes(e.id)));
    expect(ledger.lost).toEqual([]);
    expect(ledger.resentAfterAccept).toEqual([]);
    void page;
    return final;
  }

  const count = (rows: ExportedEvent[], type: string) => rows.filter((r) => r.type === type).length;
  const anonOf = (page: Page) => page.evaluate(() => localStorage.getItem('wm_a')) as Promise<string>;

  it('navigation right after an add-to-cart', async () => {
    const page = await visitor();
    await page.goto(`${stack.shop}/products/linen-shirt`);
    await page.click('button.add-to-cart');
    await page.waitForURL('**/cart');
    const id = await anonOf(page);
    await page.close();
    const rows = await settle('navigation after add-to-cart', page, id, (r) => count(r, 'cart_add') === 1 && count(r, 'cart_view') === 1);
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
    const next = await context.newPage();
    await next.goto(`${stack.spa}/`);
    await settle('tab closed after add-to-cart', next, id, (r) => count(r, 'cart_add') === 1 && count(r, 'product_view') === 1);
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
    await settle('bfcache back/forward', page, id, (r) => count(r, 'product_view') === 2 && count(r, 'product_list_view') === 2);
  });

  it('offline for a while, then online again', async () => {
    const page = await visitor();
    await page.goto(`${stack.spa}/`);
    await page.waitForTimeout(1500);
    const id = await anonOf(page);
    await context.setOffline(true);
    await page.click('text=Denim shirt');
    await page.click('#add-to-cart');
    await page.click('text=Cart');
    await page.waitForTimeout(4000);
    const whileOffline = (await stack.events()).filter((r) => r.visitor === id && r.type === 'cart_add').length;
    expect(whileOffline).toBe(0);
    await context.setOffline(false);
    await settle('offline then online', page, id, (r) => count(r, 'product_view') === 1 && count(r, 'cart_add') === 1 && count(r, 'cart_view') === 1);
  });

  it('collector answering 503, then recovering', async () => {
    const page = await visitor();
    stack.proxy.setFault({ status: 503 });
    await page.goto(`${stack.spa}/products/flannel-shirt`);
    await page.waitForSelector('#add-to-cart');
    await page.click('#add-to-cart');
    const id = await anonOf(page);
    await page.waitForTimeout(3500);
    expect(stack.proxy.attempts.slice(firstAttempt).some((a) => a.status === 503)).toBe(true);
    stack.proxy.setFault(undefined);
    await settle('503 then recovery', page, id, (r) => count(r, 'landing') === 1 && count(r, 'cart_add') === 1);
  });

  it('429 with Retry-After is honoured', async () => {
    const page = await visitor();
    stack.proxy.setFault({ status: 429, retryAfter: 3 });
    await page.goto(`${stack.spa}/products/denim-shirt`);
    await page.waitForTimeout(1500);
    const id = await anonOf(page);
    const limitedAt = stack.proxy.attempts.slice(firstAttempt).find((a) => a.status === 429)?.at;
    expect(limitedAt).toBeDefined();
    stack.proxy.setFault(undefined);
    await settle('429 with Retry-After: 3', page, id, (r) => count(r, 'product_view') === 1);
    const retried = stack.proxy.attempts.slice(firstAttempt).filter((a) => a.at > limitedAt!);
    expect(retried.length).toBeGreaterThan(0);
    expect(retried[0]!.at - limitedAt!).toBeGreaterThanOrEqual(2900);
  });

  it('two tabs open at once', async () => {
    const first = await visitor();
    const second = await context.newPage();
    await Promise.all([first.goto(`${stack.spa}/products/rain-jacket`), second.goto(`${stack.spa}/products/denim-shirt`)]);
    await first.waitForSelector('#add-to-cart');
    await second.waitForSelector('#add-to-cart');
    await Promise.all([first.click('#add-to-cart'), second.click('#add-to-cart')]);
    const id = await anonOf(first);
    await settle('two tabs', first, id, (r) => count(r, 'product_view') === 2 && count(r, 'cart_add') === 2);
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
    const other = await context.newPage();
    await other.goto(page.url());
    const id = await anonOf(page);
    await page.close();
    await other.close();
    const rows = await settle('thank-you page reloaded twice and opened in a second tab', page, id, (r) => count(r, 'order_complete') >= 1 && count(r, 'cart_add') === 1);
    expect(count(rows, 'order_complete')).toBe(1);
  });
});
