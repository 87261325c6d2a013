import { schemaOrder } from '../lib/schemaOrg.ts';
import { compact } from '../lib/compact.ts';
import { toText } from '../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Cart } from '../signals/dataLayer.ts';
import { orderIdInUrl } from '../signals/urlRules.ts';
import type { Props } from '../types.ts';

/** Where thank-you pages print the order number: WooCommerce, Magento 2 (customer, guest). */
const ORDER_NUMBER = '.woocommerce-order-overview__order strong,.checkout-success .order-number strong,.checkout-success p>span';

/**
 * The thank-you page, from the most to the least detailed signal: the dataLayer's
 * `purchase`, a schema.org `Order`, Shopify's `Shopify.checkout` on the legacy thank-you
 * page, or a body class or URL rule with the order number of the URL or the page. The
 * order id becomes the event id, so reloading the page stores the order once.
 */
export function orderComplete(s: Signals): Props | undefined {
  const purchase = s.dl('purchase');
  const node = s.ld('Order')[0] ?? s.micro('Order')[0];
  const shop = /\/thank[-_]?you(?![\w-])/.test(s.url.pathname) ? s.shop()?.order : undefined;
  const order = (purchase && ga4Cart(purchase, true)) || (node && schemaOrder(node)) || shop;
  if (!order && !s.rule('order_complete')) return undefined;
  return {
    order_id: orderIdInUrl(s.url) ?? toText(document.querySelector(ORDER_NUMBER)?.textContent),
    ...compact(order ?? {}),
  };
}
