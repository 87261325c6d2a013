import type { OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS, MAX_LIST_PRODUCTS } from '@waymark/schema';
import { isType } from '../signals/jsonLd.ts';
import { hasFacts, pick, toAmount, toCurrency, toProduct, toText, type Loose } from '../../lib/toProduct.ts';

const first = (value: unknown): Loose => ([] as Loose[]).concat((value as Loose) ?? [])[0] ?? {};

/**
 * A schema.org `Product` or `ProductGroup` (its first variant's offer when it has none). Of
 * several offers, the one of the product's own SKU (headless storefronts list every variant's and name
 * the selected one in `sku`), else the first.
 */
export function schemaProduct(node: Loose): Product {
  const offers = node.offers ?? first(node.hasVariant).offers;
  const o = ([] as Loose[]).concat(offers ?? []).find((offer) => offer?.sku && offer.sku == node.sku) ?? first(offers);
  return toProduct(
    pick(
      { ...node, o, s: first(o.priceSpecification) },
      'sku|productID|productGroupID|gtin13|gtin|mpn name o.price|o.lowPrice|s.price o.priceCurrency|s.priceCurrency brand|manufacturer category',
    ),
  );
}

/** The products of an `ItemList`: its `ListItem`s' items, or products listed directly. */
export function schemaListProducts(list: Loose): Product[] {
  return ([] as Loose[])
    .concat(list.itemListElement ?? [])
    .map((element) => (isType(element, 'ListItem') ? element.item : element))
    .filter((item) => item && isType(item, 'Product', 'ProductGroup'))
    .map(schemaProduct)
    .filter(hasFacts)
    .slice(0, MAX_LIST_PRODUCTS);
}

/** An `Order` (the order markup of confirmation pages and e-mails). */
export function schemaOrder(node: Loose): OrderProps {
  const items = ([] as Loose[]).concat(node.acceptedOffer ?? node.orderedItem ?? []).map((offer) =>
    toProduct({
      ...schemaProduct(first(offer.itemOffered ?? offer.orderedItem)),
      ...pick({ ...offer, q: first(offer.eligibleQuantity) }, '_ _ price priceCurrency _ _ _ q.value|orderQuantity'),
    }),
  );
  const total = first(node.totalPaymentDue);
  return {
    order_id: toText(node.orderNumber ?? node.confirmationNumber),
    revenue: toAmount(node.price ?? total.price ?? total.value),
    currency: toCurrency(node.priceCurrency ?? total.priceCurrency ?? items[0]?.currency),
    coupon: toText(node.discountCode),
    items: items.filter(hasFacts).slice(0, MAX_ITEMS),
  };
}
