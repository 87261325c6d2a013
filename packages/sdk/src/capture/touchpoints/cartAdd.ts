import type { Product } from '@waymark/schema';
import { mergeProducts, toProduct, type Loose } from '../../lib/toProduct.ts';
import type { CartAction } from '../../core/adapter.ts';
import { selector } from '../../core/platform.ts';
import type { Capture } from '../../core/types.ts';
import { safely } from '../../lib/safely.ts';

/** Add-to-cart forms: those posting to `/cart/add`, marked ones, and the platform's. */
export const cartForm = (): string => ['form[action*="/cart/add"],form[data-add-to-cart]', selector((adapter) => adapter.cartForm)].filter(Boolean).join(',');

/** How much each signal is trusted for a product's fields. */
export const RANK = { form: 1, request: 2, page: 3, dataLayer: 5, marked: 6 };

/** One click can reach us three times in a second: form submit, cart request, dataLayer push. */
const SAME_ACTION_MS = 1500;

/**
 * `cart_add` (and `cart_remove`, `wishlist_add`, seen by the same signals): the signals of
 * one action are merged into one event, field by field, the more trusted first; on a
 * product page the page's product fills in what the request does not say (name, price)
 * when the request names no other product.
 */
export function cartActions(capture: Capture, pageProduct: () => { product: Product; ids: string[] } | undefined) {
  let pending: { type: CartAction; ts: number; products: [number, Product][]; timer: ReturnType<typeof setTimeout> } | undefined;

  // Runs from a timer too: nothing it throws may reach the page.
  const release = safely(() => {
    if (!pending) return;
    clearTimeout(pending.timer);
    const { type, ts, products } = pending;
    pending = undefined;
    let product = mergeProducts(...products.sort((a, b) => b[0] - a[0]).map(([, product]) => product));
    // An add to the wishlist is of the page's product too; a removal is of a cart line.
    const page = type != 'cart_remove' ? pageProduct() : undefined;
    if (page && (!product.id || page.ids.includes(product.id))) {
      // The quantity of a product page's product (GA4's view_item says 1) is not the added quantity.
      const { quantity, ...viewed } = page.product;
      product = mergeProducts(...products.filter(([rank]) => rank > RANK.page).map(([, p]) => p), viewed, product);
    }
    // The time of the first signal: when the shopper acted, not when the merge ended.
    capture(type, { product }, { ts });
  });

  return {
    add(type: CartAction, fields: Loose, rank: number): void {
      if (pending && pending.type != type) release();
      pending ??= { type, ts: Date.now(), products: [], timer: setTimeout(release, SAME_ACTION_MS) };
      pending.products.push([rank, toProduct(fields)]);
    },
    /** Sends what is pending now: the page is going away. */
    release,
  };
}
