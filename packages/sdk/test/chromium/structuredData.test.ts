import { validateEvent, type WireEvent } from '@waymark/schema';
import { expect, test } from 'vitest';
import { ga4PurchaseGtag, ga4ViewItemGtag, metaCatalogTags } from '../fixtures/ga4AndCatalog.ts';
import { gmailOrder, gmailParcelDelivery } from '../fixtures/orderMarkup.ts';
import { coatNested, coatSeparate } from '../fixtures/productVariants.ts';
import { catcherMicrodata, kenmoreJsonLd } from '../fixtures/structuredData.ts';
import { capturingChromium } from './capturingChromium.ts';
import { shopPage } from './pages.ts';

// Tried as a new user would: the built waymark.js dropped into the documentation's own
// markup and tag calls (the page's scripts run for real here), no shop code, and what
// the collector receives.

const stage = capturingChromium();

const isPageTouchpoint = (event: WireEvent) => !/^(?:landing|web_vitals)$/.test(event.type);

/** The page touchpoint the collector receives for `html` served at `path` (query included). */
async function touchpointOf(path: string, html: string): Promise<WireEvent> {
  const url = new URL(path, stage.server.url);
  stage.server.route(url.pathname, { body: shopPage({ html }) });
  const before = stage.server.events().length;
  const page = await stage.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url.href);
  const events = (await stage.server.waitFor((all) => all.slice(before).some(isPageTouchpoint))).slice(before);
  await page.close();
  expect(errors).toEqual([]);
  for (const event of events) expect(validateEvent(event)).toMatchObject({ ok: true });
  return events.find(isPageTouchpoint)!;
}

test("schema.org's Product and Book examples (JSON-LD; microdata on <body>)", async () => {
  expect(await touchpointOf('/kenmore-microwave', kenmoreJsonLd.html)).toMatchObject({
    type: 'product_view',
    props: { product: { name: 'Kenmore White 17" Microwave', price: 55, currency: 'USD' } },
  });
  expect(await touchpointOf('/catcher-in-the-rye', catcherMicrodata.html)).toMatchObject({
    type: 'product_view',
    props: { product: { id: '0316769487', name: 'The Catcher in the Rye', price: 6.99, currency: 'USD' } },
  });
});

test("Google's product variant examples: the variant of the page's URL", async () => {
  expect((await touchpointOf('/coat?size=large&color=lightblue', coatNested)).props).toEqual({
    product: { id: '44E01-X1100000', name: 'Large light blue coat', price: 49.99, currency: 'USD', brand: 'Good brand', variant: 'large / light blue' },
  });
  expect((await touchpointOf('/coat?size=small&color=green', coatSeparate)).props?.product).toMatchObject({ name: 'Small green coat', price: 39.99, variant: 'small / green' });
});

test("Gmail's Order and ParcelDelivery markup on the shop's own pages", async () => {
  expect(await touchpointOf('/orders/confirmation', gmailOrder.html)).toMatchObject({
    type: 'order_complete',
    props: { order_id: '123-4567890-1234567', revenue: 539, currency: 'USD', items: [{ id: 'B009LL9VDG', quantity: 2 }, { id: 'B00DR0PDNE', quantity: 1 }] },
  });
  expect(await touchpointOf('/shipment', gmailParcelDelivery.html)).toMatchObject({ type: 'order_tracking_view', props: { order_id: '176057' } });
});

test("GA4 gtag calls as Google documents them, and Meta's catalog tags", async () => {
  expect(await touchpointOf('/stan-and-friends-tee', ga4ViewItemGtag.html)).toMatchObject({
    type: 'product_view',
    props: { product: { id: 'SKU_12345', name: 'Stan and Friends Tee', price: 10.01, currency: 'USD', variant: 'green' } },
  });
  expect(await touchpointOf('/checkout/done', ga4PurchaseGtag.html)).toMatchObject({
    type: 'order_complete',
    props: { order_id: 'T_12345', revenue: 72.05, tax: 3.6, shipping: 5.99, currency: 'USD', coupon: 'SUMMER_SALE' },
  });
  expect(await touchpointOf('/facebook', metaCatalogTags.html)).toMatchObject({
    type: 'product_view',
    props: { product: { id: 'facebook_tshirt_001', name: 'Facebook T-Shirt', price: 9.99, currency: 'USD', brand: 'Facebook' } },
  });
});
