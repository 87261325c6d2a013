import { expect, test } from 'vitest';
import { bcCategory, wooSimpleProduct } from '../fixtures/realWooBigCommerce.ts';
import { lumaProduct, psProduct } from '../fixtures/realMagentoPrestaShop.ts';
import { oc3, sfra } from '../fixtures/realOpenCartSfra.ts';
import { dawnProduct } from '../fixtures/realShopify.ts';
import { product as shopwareProduct } from '../fixtures/realShopware.ts';
import { capturingChromium } from './capturingChromium.ts';
import { shopPage } from './pages.ts';

// waymark.js carries no platform's knowledge: on a platform's page it fetches that
// platform's adapter chunk, and only it; on a page of no known platform, none.

const stage = capturingChromium();

const PAGES: [platform: string | undefined, fixture: { html: string; globals?: Record<string, unknown> }][] = [
  ['shopify', dawnProduct],
  ['woocommerce', wooSimpleProduct],
  ['magento', lumaProduct],
  ['bigcommerce', bcCategory],
  ['prestashop', psProduct],
  ['shopware', shopwareProduct],
  ['opencart', oc3.product],
  ['sfra', sfra.product],
  [
    undefined,
    {
      html: `<!doctype html><html><head><title>Trail shoe</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","sku":"TS-1","name":"Trail shoe","offers":{"@type":"Offer","price":"89.00","priceCurrency":"EUR"}}</script></head><body><h1>Trail shoe</h1></body></html>`,
    },
  ],
];

test.each(PAGES)('the adapter chunk of %s (none on a page of no known platform), and no other, is fetched on its page', async (platform, fixture) => {
  const path = `/page-${platform ?? 'generic'}`;
  // The page's `<base href>` (OpenCart's) would send the script tag to the shop's origin.
  stage.server.route(path, { body: shopPage({ ...fixture, html: fixture.html.replace(/<base [^>]*>/, '') }) });
  const page = await stage.browser.newPage();
  const chunks: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => /waymark-adapter-/.test(request.url()) && chunks.push(new URL(request.url()).pathname));
  // The page's own scripts may fail here (their libraries are not served); Waymark's may not.
  page.on('pageerror', (error) => /waymark/.test(error.stack ?? '') && errors.push(error.message));
  const seen = stage.server.events().length;
  await page.goto(stage.server.url + path);
  // The page's touchpoint is decided when idle, after the adapter arrived.
  await stage.server.waitFor((events) => events.slice(seen).some((event) => event.type != 'landing'));
  expect(chunks).toEqual(platform ? [`/waymark-adapter-${platform}.js`] : []);
  expect(errors).toEqual([]);
  await page.close();
});

test('waymark.shopify.js has the adapter inline: no chunk fetched, the variant named by the platform object', async () => {
  stage.server.route('/inline-shopify', { body: shopPage(dawnProduct).replace('src="/waymark.js"', 'src="/waymark.shopify.js"') });
  const page = await stage.browser.newPage();
  const chunks: string[] = [];
  page.on('request', (request) => /waymark-adapter-/.test(request.url()) && chunks.push(request.url()));
  const seen = stage.server.events().length;
  await page.goto(stage.server.url + '/inline-shopify');
  const [view] = (await stage.server.waitFor((events) => events.slice(seen).some((event) => event.type == 'product_view'))).slice(seen).filter((event) => event.type == 'product_view');
  expect(chunks).toEqual([]);
  // The SKU of the URL's variant comes from ShopifyAnalytics.meta, which only the adapter reads.
  expect(view!.props?.product).toMatchObject({ id: 'OX-M-BLU', variant: 'M' });
  await page.close();
});

test('data-platform names the adapter: fetched without a sniff', async () => {
  stage.server.route('/named-platform', { body: shopPage(PAGES.at(-1)![1], '', 'data-site="wm_test" data-platform="magento"') });
  const page = await stage.browser.newPage();
  const chunks: string[] = [];
  page.on('request', (request) => /waymark-adapter-/.test(request.url()) && chunks.push(new URL(request.url()).pathname));
  const seen = stage.server.events().length;
  await page.goto(stage.server.url + '/named-platform');
  await stage.server.waitFor((events) => events.slice(seen).some((event) => event.type == 'product_view'));
  expect(chunks).toEqual(['/waymark-adapter-magento.js']);
  await page.close();
});
