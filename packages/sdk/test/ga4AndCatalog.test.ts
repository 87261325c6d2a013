import { expect, test } from 'vitest';
import { ga4PurchaseGtag, ga4ViewItemDataLayer, ga4ViewItemGtag, metaCatalogTags } from './fixtures/ga4AndCatalog.ts';
import { capture, pageEvents } from './helpers.ts';
import { open, pageOf, type Fixture } from './realPages.ts';

// GA4 e-commerce calls and Meta's catalog tags as their documentation writes them, the
// page's only signal.

/** The page's one touchpoint; happy-dom runs no page script, so its inline scripts run here, in one global scope as a browser's classic scripts share one. */
async function pageRunning(fixture: Fixture) {
  open(fixture);
  new Function([...document.querySelectorAll('script:not([type]):not([src])')].map((script) => script.textContent).join(';\n'))();
  const pages = pageEvents(await capture());
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

const tee = { id: 'SKU_12345', name: 'Stan and Friends Tee', currency: 'USD', brand: 'Google', category: 'Apparel', variant: 'green' };

test("gtag('event', 'view_item', …): a product_view of its item", async () => {
  expect((await pageRunning(ga4ViewItemGtag)).props).toEqual({ product: { ...tee, price: 10.01, quantity: 3 } });
});

test("dataLayer.push({ event: 'view_item', ecommerce }) after the ecommerce reset: a product_view of its item", async () => {
  expect((await pageRunning(ga4ViewItemDataLayer)).props).toEqual({ product: { ...tee, price: 9.99, quantity: 1 } });
});

test("gtag('event', 'purchase', …): order_complete with id, revenue, tax, shipping, coupon and items", async () => {
  expect(await pageRunning(ga4PurchaseGtag)).toMatchObject({
    type: 'order_complete',
    props: {
      order_id: 'T_12345',
      revenue: 72.05,
      tax: 3.6,
      shipping: 5.99,
      currency: 'USD',
      coupon: 'SUMMER_SALE',
      items: [
        { ...tee, price: 10.01, quantity: 3 },
        { id: 'SKU_12346', name: "Google Grey Women's Tee", price: 21.01, currency: 'USD', brand: 'Google', category: 'Apparel', variant: 'gray', quantity: 2 },
      ],
    },
  });
});

test("Meta's catalog tags without og:type: a product_view", async () => {
  expect((await pageOf(metaCatalogTags)).props).toEqual({
    product: { id: 'facebook_tshirt_001', name: 'Facebook T-Shirt', price: 9.99, currency: 'USD', brand: 'Facebook' },
  });
});
