import type { CartProps, OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS } from '@waymark/schema';
import { patch } from '../lib/patch.ts';
import { hasFacts, pick, toAmount, toCurrency, toProduct, toText, type Loose } from '../lib/toProduct.ts';

type DataLayerListener = (name: string, data: Loose, past: boolean) => void;

/**
 * Observes the shop's `dataLayer` (GTM) without breaking the page's tags: pushes go
 * through the original `push` first (GTM replaces it with its own, which we then wrap, or
 * wraps ours), and entries pushed before Waymark loaded are read once as `past`. Every
 * entry reaches `listener` as a GA4 event name and its ecommerce object, from GA4 pushes
 * (`{event, ecommerce}`) and gtag calls (`['event', name, params]`) alike. Returns a function that hooks `window.dataLayer` again
 * when the page replaced the array, and a stop function.
 */
export function dataLayer(listener: DataLayerListener) {
  const hooked = new WeakSet<object>();
  const stops: (() => void)[] = [];
  const read = (entry: Loose, past: boolean) => {
    if (!entry || typeof entry != 'object') return;
    if (entry[0] == 'event' && typeof entry[1] == 'string') return listener(entry[1], entry[2] ?? {}, past);
    if (typeof entry.event == 'string') listener(entry.event, entry.ecommerce ?? entry, past);
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

/** The products of a GA4 `items` array. */
export function ga4Items(data: Loose, max = MAX_ITEMS): Product[] {
  return (Array.isArray(data.items) ? data.items : [])
    .slice(0, max)
    .map((item: Loose) =>
      toProduct({ currency: data.currency, ...pick(item, 'item_id item_name price currency item_brand item_category item_variant quantity') }),
    )
    .filter(hasFacts);
}

/** `view_cart`, `begin_checkout`, `add_*_info` → cart props; `purchase` → order props. */
export function ga4Cart(data: Loose, order?: boolean): CartProps | OrderProps {
  const amounts = { currency: toCurrency(data.currency), items: ga4Items(data) };
  return order
    ? { ...amounts, order_id: toText(data.transaction_id), revenue: toAmount(data.value), shipping: toAmount(data.shipping), tax: toAmount(data.tax), coupon: toText(data.coupon) }
    : { ...amounts, value: toAmount(data.value) };
}
