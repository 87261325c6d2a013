import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Fault } from './lib/faultProxy.ts';
import { anonOf, count, deliveryScenarios } from './lib/deliveryScenario.ts';
import { startStack, type Stack } from './lib/startStack.ts';

/**
 * At-least-once delivery (SPEC §5) where the page that sent a batch is gone before the
 * answer comes, and where the page breaks the SDK's transport or storage: nothing lost,
 * nothing stored twice, re-sends counted. Each scenario prints its ledger.
 */
describe('delivery across page exits and broken pages', () => {
  let stack: Stack;
  const scenario = deliveryScenarios(() => stack);
  const { visitor, attempts } = scenario;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());
  afterEach(() => scenario.close());

  const until = async (done: () => boolean, what: string) => {
    for (let waited = 0; !done(); waited += 100) {
      if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const refused = (type: string) => () => attempts().some((a) => a.status !== 202 && a.events.some((e) => e.type === type));

  /** A shopper reading fast: a product page, the cart, then a third page once the collector is back. */
  async function outageOverTwoPages(name: string, fault: Fault) {
    const page = await visitor();
    stack.proxy.setFault(fault);
    await page.goto(`${stack.shop}/products/linen-shirt`);
    const id = await anonOf(page);
    await page.waitForTimeout(300);
    await page.goto(`${stack.shop}/cart`);
    await page.waitForTimeout(300);
    await page.goto(`${stack.shop}/collections/shirts`);
    // The two pages' batches left as each page went away, and failed after it was gone.
    await until(refused('product_view'), 'the product page batch to fail');
    await until(refused('cart_view'), 'the cart page batch to fail');
    stack.proxy.setFault(undefined);
    await scenario.settle(name, id, (r) => count(r, 'landing') === 1 && count(r, 'product_view') === 1 && count(r, 'cart_view') === 1 && count(r, 'product_list_view') === 1);
  }

  // The fault comes 400 ms after the request, as from a collector across the internet.
  it('503 while the product and cart pages are open, recovered on the third page', () => outageOverTwoPages('503 over two pages', { status: 503, delayMs: 400 }));

  it('connection resets while the product and cart pages are open, recovered on the third page', () =>
    outageOverTwoPages('connection resets over two pages', { reset: true, delayMs: 400 }));

  it('500 on the request sent at tab close; a new tab of the shop a day later delivers it', async () => {
    const page = await visitor((context) => context.clock.install());
    await page.goto(`${stack.shop}/products/chino-trousers`);
    const id = await anonOf(page);
    await until(() => attempts().some((a) => a.status === 202 && a.events.some((e) => e.type === 'product_view')), 'the product view to be taken');
    stack.proxy.setFault({ status: 500, delayMs: 400 });
    // The shop's own size guide reports itself, and the shopper closes the tab at once.
    await page.evaluate(() => (window as any).waymark('track', 'size_guide_open', {}, { stage: 'consideration' }));
    await page.close({ runBeforeUnload: true });
    await until(refused('size_guide_open'), 'the request sent at tab close to fail');
    stack.proxy.setFault(undefined);
    await scenario.context().clock.fastForward('24:00:00');
    const nextDay = await scenario.context().newPage();
    await nextDay.goto(`${stack.shop}/`);
    await scenario.settle('500 at tab close, next visit a day later', id, (r) => count(r, 'landing') === 2 && count(r, 'product_view') === 1 && count(r, 'size_guide_open') === 1);
    // Refused at tab close, taken from the next day's tab.
    expect(attempts().filter((a) => a.events.some((e) => e.type === 'size_guide_open')).map((a) => a.status)).toEqual([500, 202]);
  });

  /** Product page, add to cart (the form posts, the cart page opens), then a collection page left open. */
  async function shopperOn(page: Page) {
    await page.goto(`${stack.shop}/products/wool-socks`);
    await page.waitForTimeout(1500);
    await page.click('button.add-to-cart');
    await page.waitForURL('**/cart');
    await page.waitForTimeout(1500);
    await page.goto(`${stack.shop}/collections/shirts`);
    return anonOf(page);
  }
  const wholeJourney = (r: Parameters<typeof count>[0]) =>
    count(r, 'landing') === 1 && count(r, 'product_view') === 1 && count(r, 'cart_add') === 1 && count(r, 'cart_view') === 1 && count(r, 'product_list_view') === 1;

  it('the page replaced window.fetch with a throwing function before the SDK loaded', async () => {
    const page = await visitor((context) =>
      context.addInitScript(() => {
        window.fetch = () => {
          throw new TypeError('fetch is disabled by a legacy polyfill');
        };
      }),
    );
    const id = await shopperOn(page);
    await scenario.settle('window.fetch throws', id, wholeJourney);
  });

  it('a page wrapping fetch swallows keepalive requests', async () => {
    const page = await visitor((context) =>
      context.addInitScript(() => {
        const original = window.fetch;
        // A consent or ad tag that "handles" keepalive requests itself and answers for them.
        window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
          return init?.keepalive ? Promise.resolve(new Response(null, { status: 204 })) : original.call(this, input, init);
        };
      }),
    );
    const id = await shopperOn(page);
    await scenario.settle('fetch wrapper swallowing keepalive', id, wholeJourney);
  });

  it('localStorage full (quota exceeded) while events are queued', async () => {
    const page = await visitor();
    await page.goto(`${stack.shop}/products/wool-socks`);
    const id = await anonOf(page);
    await page.waitForTimeout(1500);
    // Another script of the shop fills the origin's storage to the last byte.
    const full = await page.evaluate(() => {
      let n = 0;
      for (const size of [1 << 20, 1 << 16, 1 << 12, 256, 16, 1]) {
        try {
          for (;;) localStorage.setItem(`filler${n++}`, 'x'.repeat(size));
        } catch {}
      }
      try {
        localStorage.setItem('probe', 'x');
        return false;
      } catch {
        return true;
      }
    });
    expect(full).toBe(true);
    await page.click('button.add-to-cart');
    await page.waitForURL('**/cart');
    await page.waitForTimeout(1500);
    await page.goto(`${stack.shop}/collections/shirts`);
    await scenario.settle('localStorage full while queuing', id, wholeJourney);
  });
});
