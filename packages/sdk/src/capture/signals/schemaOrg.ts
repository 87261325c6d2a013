import type { OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS, MAX_LIST_PRODUCTS } from '@waymark/schema';
import { isType } from './schemaTypes.ts';
import { mergeProducts, named, pick, toAmount, toCurrency, toProduct, toText, type Loose } from '../../lib/toProduct.ts';

const list = (value: unknown): Loose[] => ([] as Loose[]).concat((value as Loose) ?? []);
const first = (value: unknown): Loose => list(value)[0] ?? {};

/**
 * How closely the `url` of a node or offer (relative ones too) names the page: 0 when it
 * does not (another path, or a query parameter the page sets otherwise), else 1 and one
 * more per query parameter it shares, so `/coat?size=large` beats `/coat` on `/coat?size=large`.
 */
function pageMatch(node: Loose, url: URL): number {
  try {
    const target = new URL(node.url, url);
    let score = +(!!node.url && target.pathname == url.pathname);
    target.searchParams.forEach((value, name) => (score = url.searchParams.get(name) == value && score ? score + 1 : 0));
    return score;
  } catch {
    return 0;
  }
}

/** The option of the highest score above 0. */
const best = (options: Loose[], score: (option: Loose) => number): Loose | undefined =>
  options.reduce<[number, Loose?]>((top, option) => (score(option) > top[0] ? [score(option), option] : top), [0])[1];

/**
 * A schema.org `Product` (or sold `CreativeWork`, `ProductGroup`). Of several offers, the
 * one of the product's own SKU (headless storefronts list every variant's and name the
 * selected one in `sku`), else the one whose `url` names the page best, else the first; its price is the `Offer`'s, an `AggregateOffer`'s `lowPrice`, or its
 * `priceSpecification`'s (not the struck-through or list price Google's merchant listings show beside it).
 */
export function schemaProduct(node: Loose, url?: URL): Product {
  const offers = list(node.offers);
  const o = offers.find((offer) => offer.sku && offer.sku == node.sku) ?? (url && best(offers, (offer) => pageMatch(offer, url))) ?? offers[0] ?? {};
  const s = list(o.priceSpecification).find((spec) => !/Strikethrough|ListPrice/.test(spec.priceType)) ?? {};
  return toProduct(
    pick(
      { ...node, o, s },
      'sku|productID|productGroupID|isbn|gtin13|gtin14|gtin|mpn name o.price|o.lowPrice|s.price o.priceCurrency|s.priceCurrency brand|manufacturer category',
    ),
  );
}

/** True when a product is a variant of a group: in its `hasVariant`, or naming it in `isVariantOf` or `inProductGroupWithID`. */
const belongs = (variant: Loose, group: Loose): boolean =>
  group != variant && (group == variant.isVariantOf || list(group.hasVariant).includes(variant) || (!!group.productGroupID && group.productGroupID == variant.inProductGroupWithID));

/** The products the page names, each group's variants left to their group. */
export const schemaPageProducts = (nodes: Loose[]): Loose[] => nodes.filter((node) => !nodes.some((group) => belongs(node, group)));

/**
 * The product of a product page, as Google's "Product variants" documentation
 * (https://developers.google.com/search/docs/appearance/structured-data/product-variants)
 * has a `ProductGroup` tell it: the variant whose SKU the page's `?variant=` names, or
 * whose offer `url` or own `url` names the page best (`pageMatch`), with the group's facts filling in and
 * the values of its `variesBy` properties as `variant`; else the group's own facts, its
 * `productGroupID` as id. A variant page's `isVariantOf` group fills in the same way.
 */
export function schemaPageProduct(node: Loose, nodes: Loose[], url: URL): Product {
  const selected = url.searchParams.get('variant');
  const variant = best([...list(node.hasVariant), ...nodes.filter((other) => belongs(other, node))], (option) =>
    selected && [option.sku, option.productID].includes(selected) ? 99 : Math.max(...[option, ...list(option.offers)].map((offer) => pageMatch(offer, url))),
  );
  const label = list(node.variesBy).map((property) => toText(variant?.[String(property).replace(/^.*[/:#]/, '')]));
  return variant
    ? mergeProducts(toProduct({ ...schemaProduct(variant, url), variant: label.filter(Boolean).join(' / ') }), schemaProduct(node, url))
    : mergeProducts(schemaProduct(node, url), node.isVariantOf && schemaProduct(node.isVariantOf, url));
}

/** The products of an `ItemList`: its `ListItem`s' items, or products listed directly. */
export function schemaListProducts(itemList: Loose): Product[] {
  return list(itemList.itemListElement)
    .map((element) => (isType(element, 'ListItem') ? element.item : element))
    .filter((item) => item && isType(item, 'Product'))
    .map((item) => schemaProduct(item))
    .filter(named)
    .slice(0, MAX_LIST_PRODUCTS);
}

/** An `Order` (the order markup of confirmation pages and e-mails). */
export function schemaOrder(node: Loose): OrderProps {
  const items = list(node.acceptedOffer ?? node.orderedItem).map((offer) =>
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
    items: items.filter(named).slice(0, MAX_ITEMS),
  };
}
