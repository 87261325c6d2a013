import { bodyFields, cartFields } from '../lib/cartFields.ts';
import { patch } from '../lib/patch.ts';
import type { Loose } from '../lib/toProduct.ts';

export type CartAction = 'cart_add' | 'cart_remove' | 'wishlist_add';

/**
 * The cart endpoints of the common platforms. PrestaShop posts every cart change to its
 * cart controller (`/cart` or `?controller=cart`) and tells them apart in the body
 * (`add=1`, `delete=1`; `ps_shoppingcart` gets `action=add-to-cart`).
 */
function actionOf(url: string, body: Loose): CartAction | undefined {
  const prestashopCart = /controller=cart|\/cart(?:\?|$)|ps_shoppingcart/.test(url);
  if (/\/cart\/add|add_to_cart|add-item|cart\.php\?action=add|\/api\/storefront\/carts/.test(url)) return 'cart_add';
  if (prestashopCart && (body.add == 1 || body.action == 'add-to-cart' || /[?&]add=1/.test(url))) return 'cart_add';
  if (/remove_from_cart|remove-item|removeItem|cart\.php\?action=remove/.test(url)) return 'cart_remove';
  if (prestashopCart && (body.delete == 1 || /[?&]delete=1/.test(url))) return 'cart_remove';
  // Shopify's /cart/change.js with quantity 0 removes the line; other quantities update it.
  if (/\/cart\/change/.test(url) && body.quantity == 0) return 'cart_remove';
  if (/wishlist\/index\/add|add_to_wishlist|wishlist\.php\?action=add|addProductToWishlist/.test(url)) return 'wishlist_add';
  return undefined;
}

/**
 * The product of a cart line by its number: Dawn and its successors change and remove lines
 * by `line` (1-based), and their cart rows name the variant and the product.
 */
function lineOf(line: number): Loose | undefined {
  const row = line > 0 && document.querySelector(`#CartItem-${line},#CartDrawer-Item-${line}`);
  return row ? { id: row.querySelector<HTMLElement>('[data-quantity-variant-id]')?.dataset.quantityVariantId, name: row.querySelector('.cart-item__name')?.textContent } : undefined;
}

/**
 * Calls `listener` for each cart request the page makes, by fetch or XHR, at the moment
 * it leaves (an add to cart counts even when its answer comes after the page is gone).
 */
export function cartRequests(listener: (action: CartAction, fields: Loose) => void): () => void {
  const seen = (method: string | undefined, url: unknown, body: unknown) => {
    // Cheap tests first: most requests of a page (and Waymark's own) are not cart requests.
    if (!/cart|wishlist|removeItem/i.test(String(url))) return;
    if (!/post/i.test(method ?? 'GET') && !/[?&](?:add|delete)=1|action=(?:add|remove)/.test(String(url))) return;
    const fields = bodyFields(body);
    const action = actionOf(String(url), fields);
    if (action) listener(action, { ...lineOf(+fields.line), ...cartFields(fields) });
  };
  const xhr = XMLHttpRequest.prototype as Loose;
  const stops = [
    // Before the original: a Request's body is used once fetch took it, and can no longer be cloned.
    patch(window, 'fetch', () => {}, (_, [input, init]: (RequestInfo | URL | RequestInit | undefined)[] & any) => {
      if (input instanceof Request) {
        input.clone().text().then((text) => seen(input.method, input.url, text), () => {});
      } else seen(init?.method, input, init?.body);
    }),
    patch(xhr, 'open', (request, [method, url]) => {
      request._waymark = [method, url];
    }),
    patch(xhr, 'send', (request, [body]) => {
      if (request._waymark) seen(request._waymark[0], request._waymark[1], body);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
