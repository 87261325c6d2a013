import type { Product, WireEvent } from '@waymark/schema';
import { nanoid } from 'nanoid';
import { compact } from '../lib/compact.ts';
import { fitProps } from '../lib/fitProps.ts';
import { scrubEmails, scrubUrl } from '../lib/scrubUrl.ts';
import { toAmount, toCurrency, toProduct, toText, type Loose } from '../lib/toProduct.ts';
import { VISIT_TIMEOUT_MS } from '../core/visits.ts';

/** What a Shopify custom pixel is given: `analytics` and `browser` of the Web Pixels API. */
export interface ShopifyPixelApi {
  analytics: { subscribe(name: string, callback: (event: Loose) => void): unknown };
  browser: { localStorage: { getItem(key: string): Promise<string | null>; setItem(key: string, value: string): Promise<void> } };
}

export const PIXEL_KEY = 'wm_px';

/** Shopify's checkout events and the touchpoint each one is. */
const CHECKOUT_EVENTS: Record<string, [type: string, step?: string]> = {
  checkout_started: ['checkout_start'],
  checkout_shipping_info_submitted: ['checkout_step', 'shipping'],
  payment_info_submitted: ['checkout_step', 'payment'],
  checkout_completed: ['order_complete'],
};

/** A line item of the Web Pixels API's `Checkout` as a product of SPEC §3. */
const lineProduct = (line: Loose, currency: unknown): Product => {
  const variant: Loose = line.variant ?? {};
  const product: Loose = variant.product ?? {};
  return toProduct({
    id: variant.sku || variant.id,
    name: product.title ?? line.title,
    price: variant.price?.amount,
    currency,
    brand: product.vendor,
    category: product.type,
    // Single-variant products have the variant "Default Title".
    variant: variant.title == 'Default Title' ? undefined : variant.title,
    quantity: line.quantity,
  });
};

/** The props of a checkout event: the cart of a step, or the order of `checkout_completed`. */
export function checkoutProps(type: string, checkout: Loose, step?: string): Loose {
  const currency = checkout.currencyCode ?? checkout.totalPrice?.currencyCode;
  const amounts = {
    currency: toCurrency(currency),
    items: (checkout.lineItems ?? []).slice(0, 100).map((line: Loose) => lineProduct(line, currency)),
  };
  if (type != 'order_complete') return compact({ step, value: toAmount(checkout.totalPrice?.amount), ...amounts });
  const code = (checkout.discountApplications ?? []).find((discount: Loose) => discount.type == 'DISCOUNT_CODE');
  return compact({
    order_id: toText(checkout.order?.id),
    revenue: toAmount(checkout.totalPrice?.amount),
    shipping: toAmount(checkout.shippingLine?.price?.amount),
    tax: toAmount(checkout.totalTax?.amount),
    coupon: toText(code?.title),
    ...amounts,
  });
}

/**
 * Waymark in Shopify's checkout, which runs no theme script since checkout extensibility:
 * a custom pixel (Settings → Customer events) that sends `checkout_start`, the shipping and
 * payment `checkout_step`s and `order_complete` from the Web Pixels API's standard events.
 * The visitor and visit ids are read from the storefront's localStorage, where `waymark.js`
 * keeps them, so the order joins the journey that led to it. Custom pixels run in a
 * sandboxed iframe: requests carry `Origin: null`, which the site must allow (`"null"` in
 * its origins). Consent is Shopify's: the pixel's "Customer privacy" setting gates it.
 */
export function shopifyPixel(options: { site: string; endpoint: string }, { analytics, browser }: ShopifyPixelApi): void {
  const url = options.endpoint.replace(/\/+$/, '') + '/v1/collect';
  // The pixel runs on storefront pages too: it tells waymark.js there that the checkout is
  // its business, so the cart's checkout button is not a second checkout_start. A mark a day
  // old no longer counts (the pixel was removed).
  browser.localStorage.setItem(PIXEL_KEY, String(Date.now())).catch(() => {});
  const read = (key: string) => browser.localStorage.getItem(key).catch(() => null);
  // One visit for all of the checkout's events, kept alive in the storefront's store.
  let visit: string | undefined;
  // The thank-you page stays open a while: a failed send is tried again three times (2, 4, 8 s).
  const send = async (wire: WireEvent, attempt = 0): Promise<void> => {
    const body = JSON.stringify({ site: options.site, sent_at: Date.now(), events: [wire] });
    const response = await fetch(url, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'text/plain' } }).catch(() => undefined);
    if ((!response || response.status == 429 || response.status > 499) && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 2000 * 2 ** attempt));
      return send(wire, attempt + 1);
    }
  };
  for (const name in CHECKOUT_EVENTS) {
    analytics.subscribe(name, async (event) => {
      try {
        const [type, step] = CHECKOUT_EVENTS[name]!;
        const [anon, stored] = await Promise.all([read('wm_a'), read('wm_s')]);
        const [session, last] = (stored ?? '').split('.');
        const ts = Date.parse(event.timestamp) || Date.now();
        visit = session && ts - +last! < VISIT_TIMEOUT_MS ? session : (visit ?? 's_' + nanoid());
        // Kept alive where the storefront keeps it; nothing new is stored (cookieless shoppers).
        if (stored) browser.localStorage.setItem('wm_s', visit + '.' + ts).catch(() => {});
        const location = String(event.context?.document?.location?.href ?? 'https://checkout.shopify.com/');
        const props = fitProps(JSON.parse(scrubEmails(JSON.stringify(checkoutProps(type, event.data?.checkout ?? {}, step)))));
        if (!props) return;
        await send(
          compact({
            // Shopify's event ids (`sh-…`) are unique per event; the collector gives an order its order's id.
            id: String(event.id ?? '').replace(/[^\w-]/g, '').slice(-64).padStart(21, nanoid()),
            type,
            ts,
            // The checkout's token in the path opens its order status page: not for analytics.
            url: scrubUrl(location.replace(/(\/checkouts\/(?:[a-z]{1,2}\/)?)[^/?#]+/, '$1redacted')),
            anon: anon?.startsWith('a_') ? anon : undefined,
            session: visit,
            props,
          }),
        );
      } catch {}
    });
  }
}
