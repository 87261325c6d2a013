import type { CartAction } from '../../core/adapter.ts';
import { ask, each } from '../../core/platform.ts';
import type { Loose } from '../../lib/toProduct.ts';
import { bodyFields } from '../../lib/bodyFields.ts';
import { cartFields } from './cartFields.ts';

/**
 * The cart endpoints of the common storefronts, by what their paths and queries say
 * (`/cart/add`, `cart.add`, `Cart-AddProduct`, `?wc-ajax=add_to_cart`, `line-item/add`,
 * `cart.php?action=add`, a Storefront API's `/carts`); each adapter adds its platform's
 * conventions (flags in the body, ids in the path).
 */
const ADD = /cart[/.-]add(?:product)?(?![\w-])|add_to_cart|add-item|line-item\/add|cart\.php\?action=add|\/api\/storefront\/carts/i;
const REMOVE = /remove_from_cart|remove-item|remove(?:product)?(?:line)?_?item|checkout\/cart[/.](?:delete|remove)(?![\w-])|line-item\/delete|cart\.php\?action=remove/i;
const WISHLIST = /wishlist[/.](?:index\/)?add(?:[/?&]|$)|add_to_wishlist|wishlist\.php\?action=add|addProductToWishlist/;

function actionOf(method: string, url: string, body: Loose): CartAction | undefined {
  // A REST DELETE of a cart's item removes its line.
  if (/delete/i.test(method)) return /\/items\//.test(url) ? 'cart_remove' : undefined;
  if (ADD.test(url)) return 'cart_add';
  const platform = ask((adapter) => adapter.cartAction?.(url, body));
  if (platform) return platform;
  if (REMOVE.test(url)) return 'cart_remove';
  // A cart line changed or updated to quantity 0 is removed.
  if (/\/cart\/(?:change|update)/.test(url) && (body.quantity ?? body['items[0][quantity]']) == 0) return 'cart_remove';
  if (WISHLIST.test(url)) return 'wishlist_add';
  return undefined;
}

/**
 * The cart action of a request the page makes (fetch, XHR, form post or followed link)
 * and the product fields of its body and query string, if any.
 */
export function cartRequest(method: string | undefined, url: unknown, body: unknown): [CartAction, Loose] | undefined {
  const target = String(url);
  method ||= 'GET';
  // Cheap tests first: most requests of a page are not cart requests.
  if (!/cart|wishlist|removeItem|line-item|\/batch/i.test(target)) return;
  if (!/post|delete/i.test(method) && !/[?&](?:add|delete)=1|action=(?:add|remove)|remove(?:product)?(?:line)?_?item/i.test(target)) return;
  const { pathname, searchParams } = new URL(target, location.href);
  const fields = each<Loose | false>({ ...Object.fromEntries(searchParams), ...bodyFields(body) }, (adapter, fields) => fields && (adapter.requestFields?.(pathname, fields) ?? fields));
  if (!fields) return;
  const carried = ask((adapter) => adapter.cartRequest?.(target, fields, cartRequest));
  if (carried) return carried;
  const action = actionOf(method, target, fields);
  return action && [action, each(cartFields(fields), (adapter, product) => adapter.cartProduct?.(target, fields, product) ?? product)];
}
