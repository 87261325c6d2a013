import { MAX_ITEMS, MAX_LIST_PRODUCTS } from '@waymark/schema';
import type { AdapterFactory, PlatformPage } from '../core/adapter.ts';
import type { PageType } from '../core/types.ts';
import type { Loose } from '../lib/toProduct.ts';
import { PIXEL_KEY } from './shopifyPixel.ts';

/** The variant field of a theme's add-to-cart form (a hidden input in Dawn, a `<select>` in older themes). */
const CART_FORM_ID = 'form[action*="/cart/add"] [name=id]';
/** Shopify's `pageType`s that name a touchpoint. */
const PAGE_TYPES: Record<string, PageType> = { product: 'product_view', collection: 'product_list_view', cart: 'cart_view' };

/**
 * Shopify (Online Store themes, Dawn and its successors) and Hydrogen storefronts.
 * `ShopifyAnalytics.meta` holds prices in cents, the product title only inside each
 * variant's name ("Shirt - Blue / M"), and the currency apart.
 */
export const shopify: AdapterFactory = ({ pick, toProduct, toAmount, toCurrency, toText }) => ({
  newsletterForm: '[name="contact[tags]"][value*=newsletter]',
  orderPageNumber: '.customer.order h2,.account-order h2',
  page(url) {
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
    const page: PlatformPage = {
      type: PAGE_TYPES[meta?.page?.pageType],
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
    // The legacy checkout's thank-you and order status pages.
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
  },
  // Hydrogen's CartForm posts its mutation as JSON in `cartFormInput`.
  cartRequest(_, fields) {
    if (!fields.cartFormInput) return undefined;
    const { action, inputs } = JSON.parse(fields.cartFormInput);
    const line = inputs?.lines?.[0] ?? {};
    const variant = line.selectedVariant ?? {};
    const change = action == 'LinesAdd' ? 'cart_add' : action == 'LinesRemove' || (action == 'LinesUpdate' && line.quantity == 0) ? 'cart_remove' : undefined;
    return change && [change, { id: variant.sku || line.merchandiseId, name: variant.product?.title, price: variant.price?.amount, currency: variant.price?.currencyCode, variant: variant.title, quantity: line.quantity }];
  },
  // Dawn and its successors change and remove lines by `line` (1-based); their cart rows
  // name the variant and the product.
  cartProduct(_, { line }, product) {
    const row = /^\d+$/.test(line) && document.querySelector(`#CartItem-${line},#CartDrawer-Item-${line}`);
    return row ? { id: row.querySelector<HTMLElement>('[data-quantity-variant-id]')?.dataset.quantityVariantId, name: row.querySelector('.cart-item__name')?.textContent, ...product } : product;
  },
  // The checkout runs no theme script: the cart form's checkout button is where we see it
  // start, unless the checkout pixel reports the checkout (it marks itself, daily).
  form(form, fields) {
    if (!('checkout' in fields && /\/cart\/?$/.test(form.getAttribute('action')!))) return undefined;
    let marked: string | null = null;
    try {
      marked = localStorage.getItem(PIXEL_KEY);
    } catch {}
    return Date.now() - +marked! < 864e5 ? '' : 'checkout_start';
  },
});
