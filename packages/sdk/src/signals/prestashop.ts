import type { CartProps } from '@waymark/schema';
import { hasFacts, pick, toAmount, toCurrency, toProduct, type Loose } from '../lib/toProduct.ts';

/** PrestaShop's `prestashop` object: the shop's currency, on every page. */
export const prestashopCurrency = (): string | undefined => (window as Loose).prestashop?.currency?.iso_code;

/** The cart of PrestaShop's cart and checkout pages (`prestashop.cart`), when it has products. */
export function prestashopCart(): CartProps | undefined {
  const cart: Loose | undefined = (window as Loose).prestashop?.cart;
  const currency = prestashopCurrency();
  const items: Loose[] = cart?.products?.map?.((product: Loose) => toProduct({ currency, ...pick(product, 'reference|id_product name price_amount _ manufacturer_name category _ quantity') })) ?? [];
  return items[0] ? { value: toAmount(cart!.totals?.total?.amount), currency: toCurrency(currency), items: items.filter(hasFacts).slice(0, 100) } : undefined;
}
