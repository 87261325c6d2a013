import type { CartProps, OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS } from '@waymark/schema';
import { hasFacts, pick, toAmount, toCurrency, toProduct, toText, type Loose } from '../../lib/toProduct.ts';

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
