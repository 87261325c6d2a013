import type { OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS, MAX_LIST_PRODUCTS } from '@waymark/schema';
import { isType } from '../signals/jsonLd.ts';
import { hasFacts, toAmount, toCurrency, toProduct, toText, type Loose } from './toProduct.ts';

const first = (value: unknown): Loose => ([] as Loose[]).concat((value as Loose) ?? [])[0] ?? {};

/** A schema.org `Product` or `ProductGroup` (its first variant's offer when it has none). */
export function schemaProduct(node: Loose): Product {
  const offer = first(node.offers ?? first(node.hasVariant).offers);
  const spec = first(offer.priceSpecification);
  return toProduct({
    id: node.sku ?? node.productID ?? node.productGroupID ?? node.gtin13 ?? node.gtin ?? node.mpn,
    name: node.name,
    price: offer.price ?? offer.lowPrice ?? spec.price,
    currency: offer.priceCurrency ?? spec.priceCurrency,
    brand: node.brand ?? node.manufacturer,
    category: node.category,
  });
}

/** The products of an `ItemList`: its `ListItem`s' items, or products listed directly. */
export function schemaListProducts(list: Loose): Product[] {
  return ([] as Loose[])
    .concat(list.itemListElement ?? [])
    .map((element) => (isType(element, 'ListItem') ? element.item : element))
    .filter((item) => item && typeof item == 'object' && isType(item, 'Product', 'ProductGroup'))
    .map(schemaProduct)
    .filter(hasFacts)
    .slice(0, MAX_LIST_PRODUCTS);
}

/** An `Order` (the order markup of confirmation pages and e-mails). */
export function schemaOrder(node: Loose): OrderProps {
  const items = ([] as Loose[]).concat(node.acceptedOffer ?? node.orderedItem ?? []).map((offer) =>
    toProduct({
      ...schemaProduct(first(offer.itemOffered ?? offer.orderedItem)),
      ...(offer.price !== undefined && { price: offer.price }),
      ...(offer.priceCurrency && { currency: offer.priceCurrency }),
      quantity: first(offer.eligibleQuantity).value ?? offer.orderQuantity,
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
