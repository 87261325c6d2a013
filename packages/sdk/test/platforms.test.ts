import { describe, expect, test } from 'vitest';
import * as bigcommerce from './fixtures/bigcommerce.ts';
import * as magento from './fixtures/magento.ts';
import * as prestashop from './fixtures/prestashop.ts';
import * as shopify from './fixtures/shopify.ts';
import * as woo from './fixtures/woocommerce.ts';
import { byType, capture, loadPage, pageEvents } from './helpers.ts';

interface Fixture {
  url: string;
  html: string;
  globals?: Record<string, unknown>;
}

async function pageOf(fixture: Fixture) {
  loadPage(fixture.url, fixture.html, fixture.globals);
  const events = await capture();
  const pages = pageEvents(events);
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

describe('Shopify (Dawn)', () => {
  test('product page: the selected variant, price from cents, vendor and type', async () => {
    const event = await pageOf(shopify.shopifyProduct);
    expect(event.type).toBe('product_view');
    expect(event.props?.product).toEqual({ id: 'BS-M', name: 'Blue shirt', price: 21.99, currency: 'EUR', brand: 'Acme', category: 'Shirts', variant: 'M' });
  });
  test('collection page', async () => {
    const event = await pageOf(shopify.shopifyCollection);
    expect(event.type).toBe('product_list_view');
    expect(event.props?.list).toBe('Shirts');
    expect(event.props?.products).toHaveLength(2);
    expect((event.props?.products as any[])[1]).toEqual({ id: 'RS-1', name: 'Red shirt', price: 25, currency: 'EUR', brand: 'Acme', category: 'Shirts' });
  });
  test('search page', async () => {
    expect(await pageOf(shopify.shopifySearch)).toMatchObject({ type: 'site_search', props: { query: 'blue shirt' } });
  });
  test('cart page', async () => {
    expect((await pageOf(shopify.shopifyCart)).type).toBe('cart_view');
  });
  test('thank-you page: the order of Shopify.checkout', async () => {
    const event = await pageOf(shopify.shopifyThankYou);
    expect(event.type).toBe('order_complete');
    expect(event.props).toEqual({
      order_id: '5123456789',
      revenue: 63,
      currency: 'EUR',
      shipping: 4.99,
      tax: 10.06,
      coupon: 'WELCOME10',
      items: [
        { id: 'BS-M', name: 'Blue shirt', price: 21.99, currency: 'EUR', brand: 'Acme', variant: 'M', quantity: 2 },
        { id: 'RS-1', name: 'Red shirt', price: 25, currency: 'EUR', brand: 'Acme', quantity: 1 },
      ],
    });
  });
  test('order status page is order tracking, its key scrubbed from the URL', async () => {
    const event = await pageOf(shopify.shopifyOrderStatus);
    expect(event).toMatchObject({ type: 'order_tracking_view', props: { order_id: '5123456789' } });
    expect(event.url).toBe('https://acme.example/60123456/orders/0d0f2ab3c1e6c2a9?key=redacted');
  });
});

describe('WooCommerce (Storefront)', () => {
  test('product page from WC JSON-LD @graph', async () => {
    const event = await pageOf(woo.wooProduct);
    expect(event).toMatchObject({ type: 'product_view', props: { product: { id: 'woo-hoodie-with-logo', name: 'Hoodie with Logo', price: 45, currency: 'EUR' } } });
  });
  test('category page by body class, named by its h1', async () => {
    expect(await pageOf(woo.wooCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Hoodies' } });
  });
  test('product search (?s=)', async () => {
    expect(await pageOf(woo.wooSearch)).toMatchObject({ type: 'site_search', props: { query: 'hoodie' } });
  });
  test('cart and checkout', async () => {
    expect((await pageOf(woo.wooCart)).type).toBe('cart_view');
    expect((await pageOf(woo.wooCheckout)).type).toBe('checkout_start');
  });
  test('order-received page: the order id of the URL, the key scrubbed', async () => {
    const event = await pageOf(woo.wooThankYou);
    expect(event).toMatchObject({ type: 'order_complete', props: { order_id: '1234' } });
    expect(event.url).toBe('https://woo.example/checkout/order-received/1234/?key=redacted');
  });
  test('account and view-order', async () => {
    expect((await pageOf(woo.wooAccount)).type).toBe('account_view');
    expect(await pageOf(woo.wooViewOrder)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '1234' } });
  });
});

describe('Magento 2 (Luma)', () => {
  test('product page from microdata on <body> and Open Graph', async () => {
    const event = await pageOf(magento.magentoProduct);
    expect(event).toMatchObject({ type: 'product_view', props: { product: { id: '24-MB01', name: 'Joust Duffle Bag', price: 34, currency: 'USD' } } });
  });
  test('category, search, cart, checkout', async () => {
    expect(await pageOf(magento.magentoCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Bags' } });
    expect(await pageOf(magento.magentoSearch)).toMatchObject({ type: 'site_search', props: { query: 'duffle' } });
    expect((await pageOf(magento.magentoCart)).type).toBe('cart_view');
    expect((await pageOf(magento.magentoCheckout)).type).toBe('checkout_start');
  });
  test('success page: the order number printed on it', async () => {
    expect(await pageOf(magento.magentoSuccess)).toMatchObject({ type: 'order_complete', props: { order_id: '000000012' } });
  });
  test('order view and account', async () => {
    expect(await pageOf(magento.magentoOrderView)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '000000012' } });
    expect((await pageOf(magento.magentoAccount)).type).toBe('account_view');
  });
});

describe('BigCommerce (Cornerstone)', () => {
  test('product page', async () => {
    expect(await pageOf(bigcommerce.bigcommerceProduct)).toMatchObject({
      type: 'product_view',
      props: { product: { id: 'OTL', name: '[Sample] Orbit Terrarium - Large', price: 109, currency: 'USD', brand: 'OFS' } },
    });
  });
  test('category page by its list cards', async () => {
    expect(await pageOf(bigcommerce.bigcommerceCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Shop All' } });
  });
  test('search, cart, checkout, confirmation, order status', async () => {
    expect(await pageOf(bigcommerce.bigcommerceSearch)).toMatchObject({ type: 'site_search', props: { query: 'terrarium' } });
    expect((await pageOf(bigcommerce.bigcommerceCart)).type).toBe('cart_view');
    expect((await pageOf(bigcommerce.bigcommerceCheckout)).type).toBe('checkout_start');
    expect(await pageOf(bigcommerce.bigcommerceConfirmation)).toMatchObject({ type: 'order_complete', props: { order_id: '142' } });
    expect(await pageOf(bigcommerce.bigcommerceOrderStatus)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '142' } });
  });
});

describe('PrestaShop (classic)', () => {
  test('product page from JSON-LD', async () => {
    expect(await pageOf(prestashop.prestashopProduct)).toMatchObject({
      type: 'product_view',
      props: { product: { id: 'demo_1', name: 'Hummingbird printed t-shirt', price: 23.9, currency: 'EUR', brand: 'Studio Design', category: 'Men' } },
    });
  });
  test('category (no friendly URLs), search, cart, checkout', async () => {
    expect(await pageOf(prestashop.prestashopCategory)).toMatchObject({ type: 'product_list_view', props: { list: 'Clothes' } });
    expect(await pageOf(prestashop.prestashopSearch)).toMatchObject({ type: 'site_search', props: { query: 't-shirt' } });
    expect((await pageOf(prestashop.prestashopCart)).type).toBe('cart_view');
    expect((await pageOf(prestashop.prestashopCheckout)).type).toBe('checkout_start');
  });
  test('order confirmation with id_order, order detail, returns, account', async () => {
    expect(await pageOf(prestashop.prestashopConfirmation)).toMatchObject({ type: 'order_complete', props: { order_id: '5' } });
    expect(await pageOf(prestashop.prestashopOrderDetail)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '5' } });
    expect((await pageOf(prestashop.prestashopReturns)).type).toBe('return_start');
    expect((await pageOf(prestashop.prestashopAccount)).type).toBe('account_view');
  });
});

test('every page of a first visit starts with one landing', async () => {
  loadPage(woo.wooProduct.url + '?utm_source=google&utm_medium=cpc&utm_campaign=hoodies&gclid=abc', woo.wooProduct.html);
  const events = await capture();
  const [landing] = byType(events, 'landing');
  expect(events[0]).toBe(landing);
  expect(landing?.props).toEqual({ campaign: { source: 'google', medium: 'cpc', name: 'hoodies' } });
  expect(landing?.url).toContain('gclid=abc');
});

describe('structured data beats URL rules (SPEC §4: URL rules last)', () => {
  const productLd = (sku: string) =>
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","sku":"${sku}","name":"${sku}","offers":{"@type":"Offer","price":"12.00","priceCurrency":"EUR"}}</script>`;
  const listLd = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"ItemList","name":"Tracksuits","itemListElement":[{"@type":"ListItem","position":1,"item":{"@type":"Product","sku":"TS-1","name":"Tracksuit"}}]}</script>`;
  const html = (head: string) => `<!doctype html><html><head>${head}</head><body><h1>Page</h1></body></html>`;
  const typeOf = async (url: string, head = '') => {
    loadPage(url, html(head));
    return pageEvents(await capture()).map((event) => event.type);
  };

  test.each([
    ['https://shop.example/products/thank-you-card', 'product_view'],
    ['https://shop.example/products/track-jacket', 'product_view'],
    ['https://shop.example/products/return-to-sender-vinyl', 'product_view'],
    ['https://shop.example/blogs/news/checkout-our-new-range', 'product_view'],
  ])('%s with a JSON-LD Product is a %s', async (url, type) => {
    expect(await typeOf(url, productLd('SKU-1'))).toEqual([type]);
  });

  test('a collection named like a URL rule, with its ItemList, is a product_list_view', async () => {
    expect(await typeOf('https://shop.example/collections/tracksuits', listLd)).toEqual(['product_list_view']);
  });

  test('without structured data: product and collection handles are no orders, returns or checkouts', async () => {
    expect(await typeOf('https://shop.example/products/thank-you-card')).toEqual(['product_view']);
    expect(await typeOf('https://shop.example/products/track-jacket')).toEqual(['product_view']);
    expect(await typeOf('https://shop.example/collections/tracksuits')).toEqual(['product_list_view']);
    expect(await typeOf('https://shop.example/blogs/news/checkout-our-new-range')).toEqual(['page_view']);
    expect(await typeOf('https://shop.example/blogs/news/track-day-recap')).toEqual(['page_view']);
    // The platforms' real URLs still match.
    expect(await typeOf('https://shop.example/pages/track-your-order')).toEqual(['order_tracking_view']);
    expect(await typeOf('https://shop.example/checkouts/c/abc/thank_you')).toEqual(['order_complete']);
    expect(await typeOf('https://shop.example/pages/returns')).toEqual(['return_start']);
  });
});
