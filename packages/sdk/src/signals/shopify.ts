import type { OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS, MAX_LIST_PRODUCTS } from '@waymark/schema';
import { pick, toAmount, toCurrency, toProduct, toText, type Loose } from '../lib/toProduct.ts';

/** The variant field of a theme's add-to-cart form (a hidden input in Dawn, a `<select>` in older themes). */
const CART_FORM_ID = 'form[action*="/cart/add"] [name=id]';

export interface ShopifyPage {
  /** `ShopifyAnalytics.meta.page.pageType`: product, collection, searchresults, cart, … */
  pageType?: string;
  /** The product page's product, as its selected variant. */
  product?: Product;
  /** A collection's products. */
  products: Product[];
  /** A variant id (what `/cart/add.js` receives) → its product. */
  variant(id: string): Product | undefined;
  /** The legacy checkout's `Shopify.checkout` (thank-you and order status pages). */
  order?: OrderProps;
}

/**
 * Shopify's platform objects. `ShopifyAnalytics.meta` holds prices in cents, the product
 * title only inside each variant's name ("Shirt - Blue / M"), and the currency apart.
 */
export function shopify(url: URL): ShopifyPage | undefined {
  const { ShopifyAnalytics, Shopify } = window as Loose;
  const meta: Loose | undefined = ShopifyAnalytics?.meta;
  const checkout: Loose | undefined = Shopify?.checkout;
  if (!meta && !checkout) return undefined;
  const fromVariant = (product: Loose, variant: Loose = product.variants?.[0] ?? {}) =>
    toProduct({
      ...pick(product, 'id _ _ _ vendor type'),
      ...pick(variant, 'sku _ _ _ _ _ public_title'),
      name: variant.name?.replace(' - ' + variant.public_title, ''),
      price: typeof variant.price == 'number' ? variant.price / 100 : undefined,
      currency: meta?.currency ?? Shopify?.currency?.active,
    });
  const products: Loose[] = meta?.products ?? [];
  const page: ShopifyPage = {
    pageType: meta?.page?.pageType,
    products: products.slice(0, MAX_LIST_PRODUCTS).map((product) => fromVariant(product)),
    variant(id) {
      for (const product of [meta?.product ?? {}, ...products]) {
        const variant = product.variants?.find((variant: Loose) => String(variant.id) == id);
        if (variant) return fromVariant(product, variant);
      }
      return undefined;
    },
  };
  // The variant the URL names, else the one the page's cart form would add (Dawn renders
  // the first available one there, which is not the first when that is sold out).
  const selected = url.searchParams.get('variant') || document.querySelector<HTMLInputElement>(CART_FORM_ID)?.value;
  if (meta?.product) page.product = page.variant(selected!) ?? fromVariant(meta.product);
  if (checkout) {
    const currency = checkout.currency ?? checkout.presentment_currency;
    page.order = {
            order_id: toText(checkout.order_id),
      revenue: toAmount(checkout.total_price),
      currency: toCurrency(currency),
      shipping: toAmount(checkout.shipping_rate?.price),
      tax: toAmount(checkout.total_tax),
      coupon: toText(checkout.discount?.code),
      items: (checkout.line_items ?? [])
        .slice(0, MAX_ITEMS)
        .map((item: Loose) => toProduct({ currency, ...pick(item, 'sku|product_id title price _ vendor _ variant_title quantity') })),
    };
  }
  return page;
}
