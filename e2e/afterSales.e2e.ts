import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForEvents } from './lib/exportedEvents.ts';
import { serveShop } from './lib/serveShop.ts';
import { startStack, type Stack } from './lib/startStack.ts';

/** A shop page of no known platform: its product in JSON-LD, the script tag served by the collector. */
const page = (collector: string, site: string, title: string, body: string, product?: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
${product ? `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","sku":"${product}","name":"${title}","offers":{"@type":"Offer","price":"29.00","priceCurrency":"EUR"}}</script>` : ''}
<script defer src="${collector}/waymark.js" data-site="${site}"></script>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** The product page's "You may also like" row, a chat launcher as Intercom's snippet draws it before its frame loads. */
const productBody = `<section class="product-recommendations"><h2>You may also like</h2><ul class="grid">
<li class="grid__item"><a href="/products/cotton-towel"><img alt="Cotton towel" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><h3 class="card__heading">Cotton towel</h3></a><span class="price">€12,50</span></li>
<li class="grid__item"><a href="/products/wool-blanket"><h3 class="card__heading">Wool blanket</h3></a><span class="price">€89,00</span></li>
</ul></section>
<div class="intercom-lightweight-app"><div class="intercom-lightweight-app-launcher intercom-launcher" role="button" tabindex="0" aria-label="Open Intercom Messenger" style="position:fixed;bottom:20px;right:20px;width:48px;height:48px;background:#333"></div></div>`;

const orderBody = `<h2>Order #1042</h2><p>Shipped. Questions? <a href="mailto:help@shop.example?subject=Order%201042">Write to us</a>.</p>`;

describe('after-sales touchpoints clicked in Chromium, stored by the collector with their page’s stage', () => {
  let stack: Stack;
  let shop: Awaited<ReturnType<typeof serveShop>>;
  let origin: string;
  beforeAll(async () => {
    stack = await startStack();
    const pages: Record<string, string> = {
      '/products/linen-apron': page(stack.proxy.url, stack.site, 'Linen apron', productBody, 'APR-SAND'),
      '/products/cotton-towel': page(stack.proxy.url, stack.site, 'Cotton towel', '', 'TWL-1'),
      '/account/orders/1042': page(stack.proxy.url, stack.site, 'Order #1042', orderBody),
      '/thanks': page(stack.proxy.url, stack.site, 'See you', ''),
    };
    shop = await serveShop(stack, (path) => pages[path]);
    origin = shop.origin;
  });
  afterAll(async () => {
    shop?.close();
    await stack?.stop();
  });

  it('a chat opened and a recommended product followed on a product page, a mail link on an order page', async () => {
    const context = await stack.newVisitor();
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${origin}/products/linen-apron`);
    await tab.click('.intercom-launcher');
    // The click follows the link at once: the event leaves with the page.
    await Promise.all([tab.waitForURL('**/products/cotton-towel'), tab.click('text=Cotton towel')]);
    await tab.goto(`${origin}/account/orders/1042`);
    // A mail link opens the mail program; the page stays.
    await tab.evaluate(() => document.querySelector('a[href^="mailto:"]')!.addEventListener('click', (event) => event.preventDefault()));
    await tab.click('a[href^="mailto:"]');
    await tab.goto(`${origin}/thanks`);
    await context.close();

    const rows = await waitForEvents(stack.events, (events) => ['cross_sell_click', 'support_contact'].every((type) => events.some((e) => e.type === type)) && events.filter((e) => e.type === 'support_contact').length >= 2);
    const afterSales = rows.filter((e) => e.type === 'cross_sell_click' || e.type === 'support_contact').sort((a, b) => a.ts.localeCompare(b.ts));
    expect(afterSales.map((e) => [e.type, e.stage, e.path, e.props])).toEqual([
      ['support_contact', 'consideration', '/products/linen-apron', { via: 'chat', page_type: 'product_view' }],
      ['cross_sell_click', 'consideration', '/products/linen-apron', { product: { name: 'Cotton towel', price: 12.5 }, list: 'You may also like', page_type: 'product_view' }],
      ['support_contact', 'loyalty', '/account/orders/1042', { via: 'email', page_type: 'order_tracking_view' }],
    ]);
    expect(rows.filter((e) => e.type === 'product_view').map((e) => e.path)).toEqual(['/products/linen-apron', '/products/cotton-towel']);
    expect(errors).toEqual([]);
  });
});
