import type { CartProps, OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS } from '@waymark/schema';
import { patch } from '../lib/patch.ts';
import { hasFacts, toAmount, toCurrency, toProduct, toText, type Loose } from '../lib/toProduct.ts';

/** Universal Analytics enhanced-ecommerce actions, still pushed by many GTM plugins, in GA4 names. */
const UNIVERSAL: Loose = {
  detail: 'view_item',
  impressions: 'view_item_list',
  add: 'add_to_cart',
  remove: 'remove_from_cart',
  checkout: 'begin_checkout',
  purchase: 'purchase',
};

export type DataLayerListener = (name: string, data: Loose, past: boolean) => void;

/**
 * Observes the shop's `dataLayer` (GTM) without breaking the page's tags: pushes go
 * through the original `push` first (GTM replaces it with its own, which we then wrap, or
 * wraps ours), and entries pushed before Waymark loaded are read once as `past`. Every
 * entry reaches `listener` as a GA4 event name and its ecommerce object: GA4 pushes
 * (`{event, ecommerce}`), gtag calls (`['event', name, params]`) and Universal Analytics
 * enhanced-ecommerce objects alike. Returns a function that hooks `window.dataLayer` again
 * when the page replaced the array, and a stop function.
 */
export function dataLayer(listener: DataLayerListener) {
  const hooked = new WeakSet<object>();
  const stops: (() => void)[] = [];
  const read = (entry: Loose, past: boolean) => {
    if (!entry || typeof entry != 'object') return;
    if (entry[0] == 'event' && typeof entry[1] == 'string') return listener(entry[1], entry[2] ?? {}, past);
    const ecommerce = entry.ecommerce;
    if (ecommerce && typeof ecommerce == 'object' && !ecommerce.items) {
      for (const key in UNIVERSAL) {
        const action = ecommerce[key];
        if (!action) continue;
        const field = action.actionField ?? {};
        listener(
          UNIVERSAL[key],
          {
            currency: ecommerce.currencyCode,
            items: key == 'impressions' ? action : action.products,
            transaction_id: field.id,
            value: field.revenue,
            tax: field.tax,
            shipping: field.shipping,
            coupon: field.coupon,
            item_list_name: field.list,
          },
          past,
        );
      }
    } else if (typeof entry.event == 'string') listener(entry.event, ecommerce ?? entry, past);
  };
  const hook = () => {
    const layer = (window as Loose).dataLayer;
    if (!Array.isArray(layer) || hooked.has(layer)) return;
    hooked.add(layer);
    for (const entry of layer) read(entry, true);
    stops.push(patch(layer, 'push', (_, entries) => entries.forEach((entry) => read(entry, false))));
  };
  hook();
  return { hook, stop: () => stops.forEach((stop) => stop()) };
}

/** The products of a GA4 `items` array (or a Universal Analytics `products` array). */
export function ga4Items(data: Loose, max = MAX_ITEMS): Product[] {
  return (Array.isArray(data.items) ? data.items : [])
    .slice(0, max)
    .map((item: Loose) =>
      toProduct({
        id: item.item_id ?? item.id,
        name: item.item_name ?? item.name,
        price: item.price,
        currency: item.currency ?? data.currency,
        brand: item.item_brand ?? item.brand,
        category: item.item_category ?? item.category,
        variant: item.item_variant ?? item.variant,
        quantity: item.quantity,
      }),
    )
    .filter(hasFacts);
}

/** `view_cart`, `begin_checkout`, `add_*_info` → cart props. */
export function ga4Cart(data: Loose): CartProps {
  return { value: toAmount(data.value), currency: toCurrency(data.currency), items: ga4Items(data) };
}

/** `purchase` → order props. */
export function ga4Order(data: Loose): OrderProps {
  return {
    ...ga4Cart(data),
    value: undefined,
    order_id: toText(data.transaction_id),
    revenue: toAmount(data.value),
    shipping: toAmount(data.shipping),
    tax: toAmount(data.tax),
    coupon: toText(data.coupon),
  } as OrderProps;
}
