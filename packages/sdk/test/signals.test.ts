import { describe, expect, test, vi } from 'vitest';
import { bodyFields } from '../src/lib/bodyFields.ts';
import { cartFields } from '../src/capture/signals/cartFields.ts';
import { patch } from '../src/core/hooks/patch.ts';
import { schemaListProducts, schemaOrder, schemaProduct } from '../src/capture/signals/schemaOrg.ts';
import { scrubUrl } from '../src/lib/scrubUrl.ts';
import { storage } from '../src/core/delivery/storage.ts';
import { tabLock } from '../src/core/delivery/tabLock.ts';
import { toNumber } from '../src/lib/toNumber.ts';
import { toProduct } from '../src/lib/toProduct.ts';
import { dataLayer } from '../src/core/hooks/dataLayer.ts';
import { jsonLd } from '../src/capture/signals/jsonLd.ts';
import { isType } from '../src/capture/signals/schemaTypes.ts';
import { microdata } from '../src/capture/signals/microdata.ts';
import { openGraph } from '../src/capture/signals/openGraph.ts';
import { pageClass } from '../src/capture/signals/pageClasses.ts';
import { searchQuery } from '../src/capture/signals/searchParams.ts';
import { ask, useAdapters } from '../src/core/platform.ts';
import { prestashop } from '../src/platforms/prestashop.ts';
import { shopify } from '../src/platforms/shopify.ts';
import { orderIdInUrl, urlRule } from '../src/capture/signals/urlRules.ts';
import type { PageType } from '../src/core/types.ts';
import { shopifyProduct } from './fixtures/shopify.ts';
import { capture, loadPage, pageEvents } from './helpers.ts';

const page = (html: string, url = 'https://shop.example/') => loadPage(url, `<!doctype html><html><head></head><body>${html}</body></html>`);

describe('jsonLd', () => {
  test('unfolds @graph and arrays, skips broken blocks, tolerates raw line breaks', () => {
    page(`<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Product","Thing"],"name":"A"}]}</script>
<script type="application/ld+json">[{"@type":"schema:ItemList"}]</script>
<script type="application/ld+json">{"@type":"Product", oops}</script>
<script type="application/ld+json">{"@type":"Offer","description":"two
lines"}</script>`);
    const nodes = jsonLd(document);
    expect(nodes.map((node) => node['@type'])).toEqual(['WebPage', ['Product', 'Thing'], 'schema:ItemList', 'Offer']);
    expect(nodes.filter((node) => isType(node, 'Product', 'ItemList'))).toHaveLength(2);
  });
  test("a subtype of Product is a product, as schema.org's hierarchy says; other types are not", () => {
    for (const type of ['IndividualProduct', 'ProductModel', 'SomeProducts', 'Car', 'https://schema.org/Vehicle', 'schema:DietarySupplement']) {
      expect(isType({ '@type': type }, 'Product')).toBe(true);
    }
    for (const type of ['Offer', 'ProductGroupX', 'CreativeWork', 'Thing']) expect(isType({ '@type': type }, 'Product')).toBe(false);
  });
});

describe('schema.org mapping', () => {
  test('Product with AggregateOffer, brand object, gtin fallback', () => {
    expect(schemaProduct({ '@type': 'Product', name: 'Lamp', gtin13: '4006381333931', brand: { '@type': 'Brand', name: 'Lux' }, offers: { '@type': 'AggregateOffer', lowPrice: '12.50', priceCurrency: 'gbp' } })).toEqual({
      id: '4006381333931', name: 'Lamp', brand: 'Lux', price: 12.5, currency: 'GBP',
    });
  });
  test('ItemList of ListItems', () => {
    expect(schemaListProducts({ itemListElement: [{ '@type': 'ListItem', item: { '@type': 'Product', name: 'A', sku: '1' } }, { '@type': 'ListItem', url: '/b' }] })).toEqual([{ id: '1', name: 'A' }]);
  });
  test('Order with accepted offers', () => {
    expect(schemaOrder({ '@type': 'Order', orderNumber: 'ORD-1', priceCurrency: 'EUR', price: '30.00', acceptedOffer: [{ '@type': 'Offer', itemOffered: { '@type': 'Product', name: 'A', sku: 'A1' }, price: '15', priceCurrency: 'EUR', eligibleQuantity: { value: 2 } }] })).toMatchObject({
      order_id: 'ORD-1', revenue: 30, currency: 'EUR', items: [{ id: 'A1', name: 'A', price: 15, currency: 'EUR', quantity: 2 }],
    });
  });
});

describe('microdata', () => {
  test('nested offers, meta and content attributes, repeated props as lists', () => {
    page(`<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Mug</h1><span itemprop="sku">M-1</span>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="9.50">€9,50</span><meta itemprop="priceCurrency" content="EUR"></div>
<span itemprop="category">Kitchen</span><span itemprop="category">Cups</span></div>
<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Not a product</span></div>`);
    const [item, other] = microdata(document);
    expect(isType(other!, 'Product')).toBe(false);
    expect(item).toMatchObject({ name: 'Mug', sku: 'M-1', category: ['Kitchen', 'Cups'], offers: { price: '9.50', priceCurrency: 'EUR' } });
    expect(schemaProduct(item!)).toEqual({ id: 'M-1', name: 'Mug', price: 9.5, currency: 'EUR', category: 'Kitchen' });
  });
});

describe('openGraph', () => {
  test("Shopify's og:price:amount in the shop's locale", () => {
    loadPage(shopifyProduct.url, shopifyProduct.html);
    expect(openGraph(document)).toEqual({ name: 'Blue shirt', price: 19.99, currency: 'EUR' });
  });
  test('not a product page', () => {
    page('');
    expect(openGraph(document)).toBeUndefined();
  });
});

describe('normalisation', () => {
  test.each([
    [19.99, 19.99], ['19.99', 19.99], ['19,99', 19.99], ['1.234,56', 1234.56], ['$1,234.56', 1234.56], ['1,234', 1234],
    ['19.99 EUR', 19.99], ['€ 45', 45], ['abc', undefined], [NaN, undefined], [null, undefined],
    ['185.130001', 185.13], ['1,234.567', 1234.567], ['1.234.567', 1234567], ['19.', 19],
  ])('toNumber(%j) = %j', (input, expected) => expect(toNumber(input)).toBe(expected));
  test('names with HTML entities are decoded, as text', () => {
    expect(toProduct({ name: 'The best is yet to come&#039; Framed poster &amp; Caf&eacute; &ndash; Men&rsquo;s &lt;b&gt;' }).name).toBe(
      "The best is yet to come' Framed poster & Caf\u00e9 \u2013 Men\u2019s <b>",
    );
  });
  test('where Trusted Types forbid innerHTML, numeric and basic entities are decoded by hand', () => {
    const innerHTML = vi.spyOn(HTMLTextAreaElement.prototype, 'innerHTML', 'set').mockImplementation(() => {
      throw new TypeError("This document requires 'TrustedHTML' assignment.");
    });
    try {
      expect(toProduct({ name: 'Poster&#039;s &amp; more &#x2013; &eacute;t&eacute; &#xZZ; &#99999999;' }).name).toBe("Poster's & more \u2013 &eacute;t&eacute; &#xZZ; &#99999999;");
    } finally {
      innerHTML.mockRestore();
    }
  });
  test('toProduct keeps only facts the collector accepts', () => {
    expect(toProduct({ id: 123, name: ' Shirt ', price: '-5', currency: 'euro', quantity: 0, brand: { name: 'Acme' }, category: ['A', 'B'] })).toEqual({ id: '123', name: 'Shirt', brand: 'Acme', category: 'A' });
  });
});

describe('scrubUrl', () => {
  test.each([
    ['https://a.example/p?utm_source=x&gclid=y&q=red', 'https://a.example/p?utm_source=x&gclid=y&q=red'],
    ['https://a.example/r?password=hunter2&keyword=lamp', 'https://a.example/r?password=redacted&keyword=lamp'],
    ['https://a.example/u/jane%40example.com?customer[email]=x', 'https://a.example/u/redacted?customer[email]=redacted'],
    ['https://a.example/cb#access_token=abc&state=1', 'https://a.example/cb#access_token=redacted&state=1'],
  ])('%s', (url, expected) => expect(scrubUrl(url)).toBe(expected));
  test('at most 2048 chars', () => expect(scrubUrl('https://a.example/?x=' + 'y'.repeat(5000))).toHaveLength(2048));
});

describe('URL rules and page markers', () => {
  const cases: [string, PageType][] = [
    ['https://s.example/checkouts/c/abc/thank_you', 'order_complete'],
    ['https://s.example/checkout/order-received/12/?key=x', 'order_complete'],
    ['https://s.example/checkout/onepage/success/', 'order_complete'],
    ['https://s.example/checkout/order-confirmation/5', 'order_complete'],
    ['https://s.example/index.php?controller=order-confirmation&id_order=3', 'order_complete'],
    ['https://s.example/account/orders/5a1b2c', 'order_tracking_view'],
    ['https://s.example/account.php?action=view_order&order_id=9', 'order_tracking_view'],
    ['https://s.example/pages/track-order', 'order_tracking_view'],
    ['https://s.example/returns', 'return_start'],
    ['https://s.example/cart', 'cart_view'],
    ['https://s.example/checkout/cart/', 'cart_view'],
    ['https://s.example/cart.php', 'cart_view'],
    ['https://s.example/checkouts/abc?step=payment_method', 'checkout_step'],
    ['https://s.example/checkout', 'checkout_start'],
    ['https://s.example/products/x', 'product_view'],
    ['https://s.example/collections/shirts', 'product_list_view'],
    ['https://s.example/my-account/', 'account_view'],
  ];
  test.each(cases)('%s → %s', (url, type) => expect(urlRule(type, new URL(url))).toBeTruthy());
  test('rules do not overreach', () => {
    expect(urlRule('cart_view', new URL('https://s.example/cart/add.js'))).toBeFalsy();
    expect(urlRule('product_view', new URL('https://s.example/collections/shirts'))).toBeFalsy();
    expect(urlRule('checkout_step', new URL('https://s.example/checkout/#shipping'))).toBeFalsy();
  });
  test('overrides: a RegExp source replaces, false turns off', () => {
    const url = new URL('https://s.example/panier');
    expect(urlRule('cart_view', url, { cart_view: '^/panier' })).toBeTruthy();
    expect(urlRule('cart_view', new URL('https://s.example/cart'), { cart_view: false })).toBeFalsy();
  });
  test('order ids in URLs', () => {
    expect(orderIdInUrl(new URL('https://s.example/checkout/order-received/1234/?key=x'))).toBe('1234');
    expect(orderIdInUrl(new URL('https://s.example/sales/order/view/order_id/12/'))).toBe('12');
    expect(orderIdInUrl(new URL('https://s.example/order-confirmation?id_cart=7&id_order=5'))).toBe('5');
  });
  test('body classes and ids, as the platform adapter names them', () => {
    useAdapters([prestashop]);
    loadPage('https://s.example/x', '<html><head></head><body id="category" class="lang-en"></body></html>');
    expect(pageClass('product_list_view')).toBe(true);
    expect(pageClass('product_view')).toBe(false);
  });
  test('site-search parameters', () => {
    expect(searchQuery(new URL('https://s.example/search.php?search_query=tent'))).toBe('tent');
    expect(searchQuery(new URL('https://s.example/?s=+'))).toBeUndefined();
  });
});

describe('shopify', () => {
  test('the selected variant, a variant lookup, prices in cents', () => {
    Object.assign(window, shopifyProduct.globals);
    useAdapters([shopify]);
    const shop = ask((adapter) => adapter.page?.(new URL(shopifyProduct.url)))!;
    expect(shop.product).toMatchObject({ id: 'BS-M', price: 21.99, variant: 'M', name: 'Blue shirt' });
    expect(shop.variant('41001')).toMatchObject({ id: 'BS-S', price: 19.99 });
    expect(shop.variant('999')).toBeUndefined();
  });
});

describe('cart request bodies', () => {
  test.each([
    ['{"items":[{"id":41002,"quantity":2}]}', { id: 41002, quantity: 2 }],
    ['product_sku=&product_id=70&quantity=1', { id: '70', quantity: '1' }],
    ['product=1&qty=3&form_key=x', { id: '1', quantity: '3' }],
    ['{"lineItems":[{"productId":107,"quantity":1}]}', { id: 107, quantity: 1 }],
    ['id_product=1&qty=2&add=1', { id: '1', quantity: '2' }],
  ])('%s', (body, expected) => expect(cartFields(bodyFields(body))).toMatchObject(expected));
  test('FormData and unreadable bodies', () => {
    const form = new FormData();
    form.append('id', '5');
    expect(cartFields(bodyFields(form))).toMatchObject({ id: '5' });
    expect(bodyFields(new Blob(['x']))).toEqual({});
    expect(bodyFields('42')).toEqual({});
  });
});

describe('dataLayer', () => {
  test('reads past entries once, then each push; gtag arguments; re-hooks a replaced array', () => {
    const seen: [string, boolean][] = [];
    (window as any).dataLayer = [{ event: 'view_item', ecommerce: { items: [] } }];
    const layer = dataLayer((name, _, past) => seen.push([name, past]));
    const push = (window as any).dataLayer.push;
    expect((window as any).dataLayer.push({ event: 'add_to_cart', ecommerce: { items: [] } })).toBe(2);
    (function gtag(..._: unknown[]) {
      (window as any).dataLayer.push(arguments);
    })('event', 'purchase', { transaction_id: 'T' });
    (window as any).dataLayer = [{ event: 'search', search_term: 'x' }];
    layer.hook();
    expect(seen).toEqual([['view_item', true], ['add_to_cart', false], ['purchase', false], ['search', true]]);
    layer.stop();
    expect(push).not.toBe(Array.prototype.push);
    delete (window as any).dataLayer;
  });
  test("a listener that throws never breaks the page's push", () => {
    (window as any).dataLayer = [];
    const layer = dataLayer(() => {
      throw new Error('boom');
    });
    expect(() => (window as any).dataLayer.push({ event: 'x' })).not.toThrow();
    layer.stop();
  });
});

describe('patch', () => {
  test('restores the original only when nobody wrapped after us', () => {
    const target = { run: (x: number) => x * 2 };
    const original = target.run;
    const after = vi.fn();
    const stop = patch(target, 'run', after);
    expect(target.run(2)).toBe(4);
    expect(after).toHaveBeenCalledWith(target, [2], 4);
    stop();
    expect(target.run).toBe(original);
    const stopAgain = patch(target, 'run', after);
    const theirs = target.run;
    target.run = (x: number) => theirs(x) + 1;
    stopAgain();
    expect(target.run(2)).toBe(5);
    expect(after).toHaveBeenCalledTimes(1);
  });
});

describe('tabLock', () => {
  test('one owner at a time; the lease expires', () => {
    localStorage.clear();
    const store = storage('localStorage');
    const a = tabLock(store, 'lock', 'a', 1000);
    const b = tabLock(store, 'lock', 'b', 1000);
    const late = tabLock(store, 'lock', 'b', -1);
    expect(a.acquire()).toBe(true);
    expect(b.acquire()).toBeFalsy();
    b.release();
    expect(b.acquire()).toBeFalsy();
    a.release();
    expect(late.acquire()).toBe(true);
    expect(a.acquire()).toBe(true);
  });
});

describe('structured data of a Product subtype', () => {
  test("a JSON-LD IndividualProduct with its Offer is the page's product_view", async () => {
    page(
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"IndividualProduct","sku":"BIKE-7","name":"Used bike","offers":{"@type":"Offer","price":"350.00","priceCurrency":"EUR"}}</script>',
      'https://shop.example/used/bike-7',
    );
    const [view] = pageEvents(await capture());
    expect(view).toMatchObject({ type: 'product_view', props: { product: { id: 'BIKE-7', name: 'Used bike', price: 350, currency: 'EUR' } } });
  });
});
