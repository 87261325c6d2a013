import { bodyFields, cartFields } from '../lib/cartFields.ts';
import { patch } from '../lib/patch.ts';
import type { Loose } from '../lib/toProduct.ts';

export type CartAction = 'cart_add' | 'cart_remove' | 'wishlist_add';

/**
 * The cart endpoints of the common platforms. PrestaShop posts every cart change to its
 * cart controller (`/cart` or `?controller=cart`) and tells them apart in the body
 * (`add=1`, `delete=1`; `ps_shoppingcart` gets `action=add-to-cart`). Shopware 6 names the
 * product or line in the path (`/checkout/line-item/delete/{id}`, `/wishlist/add/{id}`).
 * OpenCart 4 routes with a dot (`checkout/cart.add`), Salesforce SFRA with controllers
 * (`Cart-AddProduct`, `Cart-RemoveProductLineItem`).
 */
function actionOf(method: string, url: string, body: Loose): CartAction | undefined {
  const prestashopCart = /controller=cart|\/cart(?:\?|$)|ps_shoppingcart/.test(url);
  // BigCommerce's Storefront API deletes a line with DELETE …/carts/{cart}/items/{item}.
  if (/delete/i.test(method)) return /\/items\//.test(url) ? 'cart_remove' : undefined;
  if (/cart[/.-]add(?:product)?(?![\w-])|add_to_cart|add-item|line-item\/add|cart\.php\?action=add|\/api\/storefront\/carts/i.test(url)) return 'cart_add';
  if (prestashopCart && (body.add == 1 || body.action == 'add-to-cart')) return 'cart_add';
  if (/remove_from_cart|remove-item|remove(?:product)?(?:line)?_?item|checkout\/cart[/.](?:delete|remove)(?![\w-])|line-item\/delete|cart\.php\?action=remove/i.test(url)) return 'cart_remove';
  if (prestashopCart && body.delete == 1) return 'cart_remove';
  // Shopify's /cart/change.js and BigCommerce's /remote/v1/cart/update with quantity 0 remove the line.
  if (/\/cart\/(?:change|update)/.test(url) && (body.quantity ?? body['items[0][quantity]']) == 0) return 'cart_remove';
  if (/wishlist[/.](?:index\/)?add(?:[/?&]|$)|add_to_wishlist|wishlist\.php\?action=add|addProductToWishlist/.test(url)) return 'wishlist_add';
  return undefined;
}

/**
 * The product of a cart line by its number: Dawn and its successors change and remove lines
 * by `line` (1-based), and their cart rows name the variant and the product.
 */
function lineOf(line: string): Loose | undefined {
  const row = /^\d+$/.test(line) && document.querySelector(`#CartItem-${line},#CartDrawer-Item-${line}`);
  return row ? { id: row.querySelector<HTMLElement>('[data-quantity-variant-id]')?.dataset.quantityVariantId, name: row.querySelector('.cart-item__name')?.textContent } : undefined;
}

/**
 * The product of a WooCommerce cart item key: the cart's and mini cart's remove links name it.
 */
function itemOf(key: unknown): Loose | undefined {
  const link = /^\w+$/.test(key as string) && document.querySelector<HTMLElement>(`[data-cart_item_key="${key}"]`);
  return link ? { id: link.dataset.product_sku || link.dataset.product_id } : undefined;
}

/**
 * The product of a Magento cart item: `checkout/cart/delete` posts the item's id, and the
 * cart's quantity field of that item names the product's SKU. Never the item id as product.
 */
function magentoItem(id: unknown): Loose {
  return { id: /^\d+$/.test(id as string) ? document.querySelector<HTMLElement>(`[name="cart[${id}][qty]"]`)?.dataset.cartItemId : undefined };
}

/**
 * The cart action of a request the page makes (fetch, XHR or form post) and the product
 * fields of its body and query string (PrestaShop names the product in the URL), if any.
 */
export function cartRequest(method: string | undefined, url: unknown, body: unknown): [CartAction, Loose] | undefined {
  const target = String(url);
  method ||= 'GET';
  // Cheap tests first: most requests of a page (and Waymark's own) are not cart requests.
  if (!/cart|wishlist|removeItem|line-item|\/batch/i.test(target)) return;
  if (!/post|delete/i.test(method) && !/[?&](?:add|delete)=1|action=(?:add|remove)|remove(?:product)?(?:line)?_?item/i.test(target)) return;
  const { pathname, searchParams } = new URL(target, location.href);
  // Shopware names the product or line in the path (32 hex digits) when the body does not;
  // a promotion's line is no product.
  const id = /(?:line-item|wishlist)\/.*\/([\da-f]{32})$/.exec(pathname)?.[1];
  if (id && document.querySelector(`.line-item-promotion [data-product-id="${id}"]`)) return;
  const fields: Loose = { id, ...Object.fromEntries(searchParams), ...bodyFields(body) };
  // WooCommerce's block cart and buttons send their Store API calls in batches.
  for (const request of /\/batch/.test(target) && Array.isArray(fields.requests) ? fields.requests : []) {
    const found = request && cartRequest(request.method, request.path, JSON.stringify(request.body ?? {}));
    if (found) return found;
  }
  // Shopify Hydrogen's CartForm posts its mutation as JSON in `cartFormInput`.
  if (fields.cartFormInput) {
    const { action, inputs } = JSON.parse(fields.cartFormInput);
    const line = inputs?.lines?.[0] ?? {};
    const variant = line.selectedVariant ?? {};
    const change = action == 'LinesAdd' ? 'cart_add' : action == 'LinesRemove' || (action == 'LinesUpdate' && line.quantity == 0) ? 'cart_remove' : undefined;
    return change && [change, { id: variant.sku || line.merchandiseId, name: variant.product?.title, price: variant.price?.amount, currency: variant.price?.currencyCode, variant: variant.title, quantity: line.quantity }];
  }
  const action = actionOf(method, target, fields);
  const product = { ...lineOf(fields.line), ...itemOf(fields.cart_item_key || fields.remove_item), ...cartFields(fields) };
  return action && [action, /cart\/delete/.test(target) ? { ...product, ...magentoItem(fields.id) } : product];
}

/**
 * Calls `listener` for each cart request the page makes, by fetch or XHR, at the moment
 * it leaves (an add to cart counts even when its answer comes after the page is gone), and
 * for newsletter sign-ups, reviews and checkout steps posted that way.
 */
export function pageRequests(listener: (action: CartAction | 'newsletter_signup' | 'review_submit' | 'checkout_step', fields: Loose) => void): () => void {
  const seen = (method: string | undefined, url: unknown, body: unknown) => {
    const request = cartRequest(method, url, body);
    const target = String(url);
    const step = /checkout\/(shipping|payment)_method[/.]save/.exec(target)?.[1];
    if (request) listener(...request);
    // What forms post by script, without a submit: newsletter sign-ups (Shopware's CMS form
    // and account checkbox, SFRA's footer), OpenCart's reviews and checkout steps.
    else if ((/newsletter/.test(target) && /^(?:subscribe|direct)$/.test(bodyFields(body).option)) || /EmailSubscribe-Subscribe/.test(target)) listener('newsletter_signup', {});
    else if (/product\/(?:product\/write|review[/.]write)/.test(target)) listener('review_submit', {});
    else if (step) listener('checkout_step', { step });
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
