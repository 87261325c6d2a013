import { describe, expect, test } from 'vitest';
import { anvilAggregateOffer, anvilMicrodata, anvilOffer, catcherJsonLd, catcherMicrodata, cheeseGraterReview, kenmoreJsonLd, kenmoreMicrodata, trinketSale, trinketSaleSpecifications } from './fixtures/structuredData.ts';
import { gmailOrder, gmailParcelDelivery } from './fixtures/orderMarkup.ts';
import { coatLightBlue, coatNested, coatSeparate } from './fixtures/productVariants.ts';
import { pageOf } from './realPages.ts';

// The documentation's own markup through the SDK's detection, as a new user would drop the
// script into it: what the collector-bound page event carries.

describe("schema.org's examples", () => {
  test('Product, microdata: the offer priced in its content attribute (1,000.00 printed)', async () => {
    expect(await pageOf(kenmoreMicrodata)).toMatchObject({ type: 'product_view', props: { product: { name: 'Kenmore White 17" Microwave', price: 1000, currency: 'USD' } } });
  });
  test('Product, JSON-LD', async () => {
    expect((await pageOf(kenmoreJsonLd)).props).toEqual({ product: { name: 'Kenmore White 17" Microwave', price: 55, currency: 'USD' } });
  });
  test("a Book with an Offer, the WebPage's mainEntity, is the page's product: microdata on <body> and JSON-LD alike", async () => {
    for (const fixture of [catcherMicrodata, catcherJsonLd]) {
      expect((await pageOf(fixture)).props).toEqual({ product: { id: '0316769487', name: 'The Catcher in the Rye', price: 6.99, currency: 'USD' } });
    }
  });
});

describe("Google's product snippet examples", () => {
  const anvil = { id: '0446310786', name: 'Executive Anvil', price: 119.99, currency: 'USD', brand: 'ACME' };
  test('Offer, JSON-LD and microdata alike', async () => {
    expect((await pageOf(anvilOffer)).props).toEqual({ product: anvil });
    expect((await pageOf(anvilMicrodata)).props).toEqual({ product: anvil });
  });
  test("AggregateOffer: its lowPrice", async () => {
    expect((await pageOf(anvilAggregateOffer)).props).toEqual({ product: anvil });
  });
  test("a review's pros and cons (ItemLists inside the Review) make no listing", async () => {
    expect(await pageOf(cheeseGraterReview)).toMatchObject({ type: 'product_view', props: { product: { name: 'Cheese Grater Pro' } } });
  });
});

describe("Google's merchant listing examples", () => {
  test('a sale: the active price, never the struck-through original, whether the offer or a priceSpecification holds it', async () => {
    for (const fixture of [trinketSale, trinketSaleSpecifications]) {
      expect((await pageOf(fixture)).props).toEqual({ product: { name: 'Nice trinket', price: 10, currency: 'GBP' } });
    }
  });
});

describe("Google's product variant examples: the variant the URL selects", () => {
  const group = { id: '44E01', name: 'Wool winter coat', brand: 'Good brand' };
  test('variants nested in the ProductGroup: the one whose offer url is the page, with the values of variesBy', async () => {
    expect((await pageOf({ url: 'https://www.example.com/coat?size=large&color=lightblue', html: coatNested })).props).toEqual({
      product: { id: '44E01-X1100000', name: 'Large light blue coat', price: 49.99, currency: 'USD', brand: 'Good brand', variant: 'large / light blue' },
    });
  });
  test('query parameters in another order, and campaign parameters beside them, select the same variant', async () => {
    const view = await pageOf({ url: 'https://www.example.com/coat?utm_source=news&color=green&size=small', html: coatNested });
    expect(view.props?.product).toMatchObject({ id: '44E01-M11000', name: 'Small green coat', price: 39.99, variant: 'small / Green' });
  });
  test('no variant selected: the group, its productGroupID as id, never a variant guessed', async () => {
    expect((await pageOf({ url: 'https://www.example.com/coat', html: coatNested })).props).toEqual({ product: group });
  });
  test('?variant= naming a SKU selects it', async () => {
    const view = await pageOf({ url: 'https://www.example.com/coat?variant=44E01-K11000', html: coatNested });
    expect(view.props?.product).toMatchObject({ id: '44E01-K11000', name: 'Small light blue coat', price: 39.99 });
  });
  test('variants apart from the group (isVariantOf its @id, the documentation\'s // comments included): one product page, not a listing of four', async () => {
    expect(await pageOf({ url: 'https://www.example.com/coat?size=small&color=lightblue', html: coatSeparate })).toMatchObject({
      type: 'product_view',
      // The variants carry no SKU: the group's id stands for them.
      props: { product: { id: '44E01', name: 'Small dark blue coat', price: 39.99, currency: 'USD', brand: 'Good brand', variant: 'small / light blue' } },
    });
    expect((await pageOf({ url: 'https://www.example.com/coat', html: coatSeparate })).props).toEqual({ product: group });
  });
  test('multi-page website: the variant of this page\'s path and query', async () => {
    expect((await pageOf({ url: 'https://www.example.com/coat/lightblue?size=large', html: coatLightBlue })).props?.product).toMatchObject({
      name: 'Large light blue coat',
      price: 49.99,
      variant: 'large / light blue',
    });
    expect((await pageOf({ url: 'https://www.example.com/coat/lightblue', html: coatLightBlue })).props).toEqual({ product: group });
  });
});

describe("Gmail's order markup on the shop's pages", () => {
  test('Order: order_complete with its number, total, currency and items', async () => {
    expect(await pageOf(gmailOrder)).toMatchObject({
      type: 'order_complete',
      props: {
        order_id: '123-4567890-1234567',
        revenue: 539,
        currency: 'USD',
        items: [
          { id: 'B009LL9VDG', name: 'Samsung Chromebook', price: 249.99, currency: 'USD', quantity: 2 },
          { id: 'B00DR0PDNE', name: 'Google Chromecast', price: 29.99, currency: 'USD', quantity: 1 },
        ],
      },
    });
  });
  test('ParcelDelivery, microdata: order_tracking_view of its order, not a product_view of the item shipped', async () => {
    expect(await pageOf(gmailParcelDelivery)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '176057' } });
  });
});
