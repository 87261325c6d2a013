import { MAX_ITEMS } from '@waymark/schema';
import { compact } from './compact.ts';
import { toAmount, toCurrency, toProduct, type Loose } from './toProduct.ts';

/**
 * The props of a `track()` call in the shape the collector accepts: products through
 * `toProduct`, amounts as numbers, currency upper case; other props as given.
 */
export function normaliseProps(props: Loose): Loose {
  const result: Loose = { ...props };
  if (props.product) result.product = toProduct(props.product);
  for (const key of ['items', 'products']) {
    if (Array.isArray(props[key])) result[key] = props[key].slice(0, MAX_ITEMS / (key == 'items' ? 1 : 2)).map(toProduct);
  }
  for (const key of ['value', 'revenue', 'shipping', 'tax']) if (key in props) result[key] = toAmount(props[key]);
  if ('currency' in props) result.currency = toCurrency(props.currency);
  for (const key of ['order_id', 'query', 'list', 'step', 'coupon', 'subscription_id']) {
    if (typeof props[key] == 'number') result[key] = String(props[key]);
  }
  return compact(result);
}
