import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type LocalCollector } from '../packages/collector/test-e2e/localCollector.ts';
import { launchChromium } from './lib/browser.ts';
import { createSite } from './lib/createSite.ts';
import { exportedEvents, waitForEvents } from './lib/exportedEvents.ts';

/**
 * What Shopify does with a custom pixel, in Chromium: the pasted code runs in a sandboxed
 * iframe (`allow-scripts` only, so an opaque origin and `Origin: null`) with `analytics`
 * and `browser` of the Web Pixels API, here stand-ins that publish a `checkout_completed`
 * shaped as Shopify documents it and answer the storefront's localStorage.
 */
function sandboxedCheckout(pixel: string, site: string, endpoint: string): string {
  const shopify = `
    const stored = { wm_a: 'a_pixelVisitor00000001', wm_s: 's_pixelVisit000000001.' + (Date.now() - 60000) };
    const subscribers = {};
    const analytics = { subscribe: (name, callback) => { subscribers[name] = callback; } };
    const browser = { localStorage: { getItem: async (key) => stored[key] ?? null, setItem: async (key, value) => { stored[key] = value; } } };
    const WAYMARK = { site: ${JSON.stringify(site)}, endpoint: ${JSON.stringify(endpoint)} };
    ${pixel}
    const line = { quantity: 2, title: 'Oxford Shirt', variant: { id: '41002', sku: 'OX-M', title: 'M', price: { amount: 49.9, currencyCode: 'EUR' },
      product: { id: '8001', title: 'Oxford Shirt', vendor: 'Acme', type: 'Shirts' } } };
    subscribers.checkout_completed({
      id: 'sh-3c1f0a9e-4B2D-4C8A-9F1E-7D6C5B4A3F20', name: 'checkout_completed', timestamp: new Date().toISOString(),
      context: { document: { location: { href: 'https://acme.example/checkouts/cn/c1-9f8e7d/thank-you' } } },
      data: { checkout: { currencyCode: 'EUR', lineItems: [line], totalPrice: { amount: 104.75, currencyCode: 'EUR' },
        shippingLine: { price: { amount: 4.95, currencyCode: 'EUR' } }, totalTax: { amount: 16.72, currencyCode: 'EUR' },
        discountApplications: [], order: { id: '6100000001' } } },
    });`;
  return `<!doctype html><iframe sandbox="allow-scripts" srcdoc="${`<script>${shopify}</script>`.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`;
}

describe('the Shopify checkout pixel, pasted as Shopify runs it', () => {
  let collector: LocalCollector;
  let browser: Browser;
  beforeAll(async () => {
    collector = await startCollector();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it("sends the order from the sandbox's opaque origin, to a site that allows null, in the storefront visitor's journey", async () => {
    const pixel = readFileSync(new URL('../packages/sdk/dist/waymark-shopify-pixel.js', import.meta.url), 'utf8');
    const allowing = await createSite(collector.base, collector.adminToken, ['https://acme.example', 'null']);
    const refusing = await createSite(collector.base, collector.adminToken, ['https://acme.example']);
    const page = await browser.newPage();
    await page.setContent(sandboxedCheckout(pixel, allowing.site, collector.base) + sandboxedCheckout(pixel, refusing.site, collector.base));
    const rows = await waitForEvents(() => exportedEvents(collector.base, allowing.site, allowing.export_token), (all) => all.length > 0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'order_complete', stage: 'purchase', visitor: 'a_pixelVisitor00000001', session: 's_pixelVisit000000001' });
    expect(rows[0]!.props).toEqual({
      order_id: '6100000001',
      revenue: 104.75,
      currency: 'EUR',
      shipping: 4.95,
      tax: 16.72,
      items: [{ id: 'OX-M', name: 'Oxford Shirt', price: 49.9, currency: 'EUR', brand: 'Acme', category: 'Shirts', variant: 'M', quantity: 2 }],
    });
    // A site that does not list `null` refuses the sandbox (403): nothing stored, however long we wait.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await exportedEvents(collector.base, refusing.site, refusing.export_token)).toEqual([]);
    await page.close();
  });
});
