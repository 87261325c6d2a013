import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForEvents } from './lib/exportedEvents.ts';
import { serveShop } from './lib/serveShop.ts';
import { startStack, type Stack } from './lib/startStack.ts';

/**
 * A Shopify product page (its CDN preconnect and a theme's `ShopifyAnalytics.meta`) on its own
 * loopback origin (a routed page would be a public address space, which Chromium's Private
 * Network Access keeps from the loopback collector), with the script tag served by the collector: the sniff names Shopify, so
 * `waymark.js` fetches its adapter chunk from next to itself — the collector serves it.
 */
const shopifyProductPage = (collector: string, site: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Linen apron</title>
<link rel="preconnect" href="https://cdn.shopify.com">
<script>window.ShopifyAnalytics = { meta: { currency: 'EUR', page: { pageType: 'product', resourceType: 'product', resourceId: 4242 },
  product: { id: 4242, vendor: 'Atelier', type: 'Aprons', variants: [{ id: 42421, price: 2900, name: 'Linen apron - Sand', sku: 'APR-SAND' }] } } };</script>
<script defer src="${collector}/waymark.js" data-site="${site}"></script>
</head><body><main><h1>Linen apron</h1></main></body></html>`;

describe('a platform page served the script tag by the collector, in Chromium', () => {
  let stack: Stack;
  let shopify: Awaited<ReturnType<typeof serveShop>>;
  let origin: string;
  beforeAll(async () => {
    stack = await startStack();
    shopify = await serveShop(stack, () => shopifyProductPage(stack.proxy.url, stack.site));
    origin = shopify.origin;
  });
  afterAll(async () => {
    shopify?.close();
    await stack?.stop();
  });

  it("fetches its platform's adapter chunk from the collector and captures the product view", async () => {
    const context = await stack.newVisitor();
    const page = await context.newPage();
    const chunks: { url: string; status: number }[] = [];
    page.on('response', (response) => response.url().includes('/waymark-adapter-') && chunks.push({ url: response.url(), status: response.status() }));
    await page.goto(`${origin}/products/linen-apron`);
    const rows = await waitForEvents(stack.events, (events) => events.some((e) => e.type === 'product_view'));
    expect(chunks).toEqual([{ url: `${stack.proxy.url}/waymark-adapter-shopify.js`, status: 200 }]);
    expect(rows.find((e) => e.type === 'product_view')?.props?.product).toMatchObject({ id: 'APR-SAND', price: 29, currency: 'EUR' });
    await context.close();
  });
});
