import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonLd } from '../src/capture/signals/jsonLd.ts';
import { microdata } from '../src/capture/signals/microdata.ts';
import { schemaPageProduct, schemaProduct } from '../src/capture/signals/schemaOrg.ts';
import { isType } from '../src/capture/signals/schemaTypes.ts';
import { capture, loadPage, pageEvents } from './helpers.ts';

const page = (body: string, url = 'https://shop.example/') => loadPage(url, `<!doctype html><html><head></head><body>${body}</body></html>`);
const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe('the type hierarchy', () => {
  test('every schema.org subtype of Product is a product; a sold CreativeWork only with an offer', () => {
    for (const type of ['ProductGroup', 'ProductModel', 'IndividualProduct', 'SomeProducts', 'ProductCollection', 'Vehicle', 'Car', 'Motorcycle', 'http://schema.org/MotorizedBicycle', 'schema:BusOrCoach', 'Drug', 'DietarySupplement']) {
      expect(isType({ '@type': type }, 'Product')).toBe(true);
    }
    for (const type of ['Book', 'Audiobook', 'Movie', 'MusicAlbum', 'VideoGame', 'Course', 'SoftwareApplication']) {
      expect(isType({ '@type': type, offers: { price: 1 } }, 'Product')).toBe(true);
      expect(isType({ '@type': type }, 'Product')).toBe(false);
    }
    for (const type of ['Offer', 'Article', 'Brand', 'ProductGroupX']) expect(isType({ '@type': type, offers: {} }, 'Product')).toBe(false);
  });
  test("microdata's itemtype may list several types", () => {
    expect(isType({ '@type': 'https://schema.org/Thing https://schema.org/Car' }, 'Product')).toBe(true);
  });
});

describe('JSON-LD nodes wherever nested', () => {
  test('@id references resolved across blocks; mainEntity and mainEntityOfPage reach the page; nested products stay nested', () => {
    page(
      ld({ '@graph': [{ '@type': 'WebPage', '@id': '#page', mainEntity: { '@id': '#p' } }, { '@type': 'Organization', name: 'Shop' }] }) +
        ld({ '@type': 'Product', '@id': '#p', name: 'Lamp', offers: { '@id': '#o' }, isRelatedTo: { '@type': 'Product', name: 'Bulb' } }) +
        ld({ '@type': 'Offer', '@id': '#o', price: '12.00', priceCurrency: 'EUR' }) +
        ld({ '@type': 'CollectionPage', mainEntity: { '@type': 'ItemList', name: 'Lamps' } }),
    );
    const nodes = jsonLd(document);
    expect(nodes.filter((node) => isType(node, 'Product')).map((node) => schemaProduct(node))).toEqual([{ name: 'Lamp', price: 12, currency: 'EUR' }]);
    expect(nodes.filter((node) => isType(node, 'ItemList'))).toHaveLength(1);
  });
  test('reference loops end', () => {
    page(ld([{ '@type': 'ProductGroup', '@id': '#g', name: 'G', hasVariant: { '@id': '#v' } }, { '@type': 'Product', '@id': '#v', name: 'V', isVariantOf: { '@id': '#g' } }]));
    const [group, variant] = jsonLd(document);
    expect(group!.hasVariant).toBe(variant);
    expect(variant!.isVariantOf).toBe(group);
  });
});

describe('microdata itemref', () => {
  test("an item's properties include the elements its itemref names, in tree order", () => {
    page(`<p id="brand"><span itemprop="brand">Lux</span></p>
<div itemscope itemtype="https://schema.org/Product" itemref="brand offer"><span itemprop="name">Lamp</span></div>
<div id="offer" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="9.50"><meta itemprop="priceCurrency" content="EUR"></div>`);
    const [item] = microdata(document);
    expect(schemaProduct(item!)).toEqual({ name: 'Lamp', brand: 'Lux', price: 9.5, currency: 'EUR' });
  });
  test('an itemref loop (an item referring to its own holder) ends', () => {
    page(`<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Lamp</span>
<div id="a" itemprop="isRelatedTo" itemscope itemtype="https://schema.org/Product"><div itemprop="isRelatedTo" itemscope itemref="a"></div></div></div>`);
    expect(microdata(document)[0]).toMatchObject({ name: 'Lamp', isRelatedTo: { isRelatedTo: {} } });
  });
});

describe('prices', () => {
  test("a priceSpecification's price, not the struck-through one beside it", () => {
    expect(
      schemaProduct({
        name: 'Trinket',
        offers: { '@type': 'Offer', priceSpecification: [{ '@type': 'UnitPriceSpecification', priceType: 'https://schema.org/StrikethroughPrice', price: 14.99, priceCurrency: 'USD' }, { '@type': 'UnitPriceSpecification', price: 10.49, priceCurrency: 'USD' }] },
      }),
    ).toEqual({ name: 'Trinket', price: 10.49, currency: 'USD' });
  });
});

describe('the variant a URL selects', () => {
  const group = {
    '@type': 'ProductGroup',
    productGroupID: 'G1',
    name: 'Tee',
    variesBy: ['size'],
    hasVariant: [
      { '@type': 'Product', sku: 'G1-S', size: 'S', offers: { url: '/tee?size=S', price: 10 } },
      { '@type': 'Product', sku: 'G1-L', size: 'L', offers: { url: '/tee?size=L', price: 12 } },
    ],
  };
  test('whatever other parameters the page URL carries, in whatever order, the variant of its own parameter', () => {
    fc.assert(
      fc.property(fc.constantFrom('S', 'L'), fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/).filter((name) => name != 'size' && name != 'variant'), fc.stringMatching(/^\w{0,6}$/)), fc.boolean(), (size, extra, first) => {
        const url = new URL('https://shop.example/tee');
        const params = Object.entries(extra);
        if (first) url.searchParams.append('size', size);
        for (const [name, value] of params) url.searchParams.append(name, value);
        if (!first) url.searchParams.append('size', size);
        expect(schemaPageProduct(group, [group], url)).toMatchObject({ id: `G1-${size}`, name: 'Tee', variant: size });
      }),
    );
  });
  test('another path selects none: the group', () => {
    expect(schemaPageProduct(group, [group], new URL('https://shop.example/shirt?size=S'))).toEqual({ id: 'G1', name: 'Tee' });
  });
});

describe('never an empty product', () => {
  test('structured data and catalog meta with a price but no id and no name make no product page', async () => {
    loadPage('https://shop.example/about', `<!doctype html><html><head><meta property="product:price:amount" content="9.99"></head><body>${ld({ '@type': 'Product', offers: { price: 5 } })}</body></html>`);
    expect(pageEvents(await capture()).map((event) => event.type)).toEqual(['page_view']);
  });
});

describe('the URL that names the page best', () => {
  test("a variant at the product's plain URL does not hide the one of the page's query", () => {
    const group = { productGroupID: 'C', name: 'Coat', hasVariant: [{ sku: 'C-S', url: '/coat' }, { sku: 'C-L', url: '/coat?size=large' }] };
    expect(schemaPageProduct(group, [group], new URL('https://shop.example/coat?size=large'))).toMatchObject({ id: 'C-L' });
    expect(schemaPageProduct(group, [group], new URL('https://shop.example/coat'))).toMatchObject({ id: 'C-S' });
  });
  test("of a Product's offers, the one of its SKU, else the one of the page's query", () => {
    const offers = [{ url: '/p', price: 1 }, { url: '/p?variant=2', price: 2, sku: 'B' }];
    expect(schemaProduct({ name: 'P', offers }, new URL('https://shop.example/p?variant=2'))).toMatchObject({ price: 2 });
    expect(schemaProduct({ name: 'P', sku: 'B', offers }, new URL('https://shop.example/p'))).toMatchObject({ price: 2 });
    expect(schemaProduct({ name: 'P', offers }, new URL('https://shop.example/p'))).toMatchObject({ price: 1 });
  });
});

describe('one @id, one node', () => {
  test("a product given in full twice (a WebPage's mainEntity and at the top) is one product page, its facts merged", async () => {
    page(
      ld({ '@type': 'WebPage', mainEntity: { '@type': 'Product', '@id': 'https://shop.example/p#product', name: 'Lamp', sku: 'L-1' } }) +
        ld({ '@type': 'Product', '@id': 'https://shop.example/p#product', name: 'Lamp', image: null, offers: { price: '12', priceCurrency: 'EUR' } }),
      'https://shop.example/p',
    );
    expect(pageEvents(await capture()).map(({ type, props }) => [type, props])).toEqual([['product_view', { product: { id: 'L-1', name: 'Lamp', price: 12, currency: 'EUR' } }]]);
  });
  test('a WebPage and a Product of one @id are one node of both types, whichever comes first', () => {
    for (const nodes of [[{ '@type': 'Product', name: 'Lamp' }, { '@type': 'WebPage', name: 'Lamp | Shop' }], [{ '@type': 'WebPage' }, { '@type': 'Product', name: 'Lamp' }]]) {
      page(ld(nodes.map((node) => ({ '@id': 'https://shop.example/p', ...node }))));
      const found = jsonLd(document);
      expect(found).toHaveLength(1);
      expect(isType(found[0]!, 'Product') && isType(found[0]!, 'WebPage')).toBe(true);
    }
  });
});
