import type { OrderProps, Product } from '@waymark/schema';
import { MAX_ITEMS, MAX_LIST_PRODUCTS } from '@waymark/schema';
import { toAmount, toCurrency, toProduct, toText, type Loose } from '../lib/toProduct.ts';

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
  const meta: Loose = ShopifyAnalytics?.meta;
  const checkout: Loose = Shopify?.checkout;
  if (!meta && !checkout) return undefined;
  const currency = meta?.currency ?? Shopify?.currency?.active;
  const fromVariant = (product: Loose, variant: Loose = {}) =>
    toProduct({
      id: variant.sku || product.id,
      name: variant.public_title ? variant.name?.replace(' - ' + variant.public_title, '') : variant.name,
      price: typeof variant.price == 'number' ? variant.price / 100 : undefined,
      currency,
      brand: product.vendor,
      category: product.type,
      variant: variant.public_title,
    });
  const products: Loose[] = [meta?.product, ...(meta?.products ?? [])].filter(Boolean);
  const page: ShopifyPage = {
    pageType: meta?.page?.pageType,
    products: (meta?.products ?? []).slice(0, MAX_LIST_PRODUCTS).map((product: Loose) => fromVariant(product, product.variants?.[0])),
    variant(id) {
      for (const product of products) {
        const variant = product.variants?.find((variant: Loose) => String(variant.id) == id);
        if (variant) return fromVariant(product, variant);
      }
      return undefined;
    },
  };
  if (meta?.product) {
    const selected = url.searchParams.get('variant');
    page.product = (selected && page.variant(selected)) || fromVariant(meta.product, meta.product.variants?.[0]);
  }
  if (checkout) {
    const orderCurrency = toCurrency(checkout.currency ?? checkout.presentment_currency);
    page.order = {
      order_id: toText(checkout.order_id),
      revenue: toAmount(checkout.total_price),
      currency: orderCurrency,
      shipping: toAmount(checkout.shipping_rate?.price),
      tax: toAmount(checkout.total_tax),
      coupon: toText(checkout.discount?.code),
      items: (checkout.line_items ?? []).slice(0, MAX_ITEMS).map((item: Loose) =>
        toProduct({
          id: item.sku || item.product_id,
          name: item.title,
          price: item.price,
          currency: orderCurrency,
          brand: item.vendor,
          variant: item.variant_title,
          quantity: item.quantity,
        }),
      ),
    };
  }
  return page;
}
