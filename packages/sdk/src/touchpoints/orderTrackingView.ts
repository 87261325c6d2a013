import { toText } from '../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { orderIdInUrl } from '../signals/urlRules.ts';
import type { Props } from '../types.ts';

/**
 * Where order pages print the order number, last in the text: Shopify's customer order page
 * ("Order #1042"), Magento's customer and guest order views ("Order # 000000012"),
 * WooCommerce's order tracking result, Shopware's and Hydrogen's order pages.
 */
const PRINTED_ORDER_NUMBER = '.account-order h2,.order-table-header-order-number>span,.confirm-details .order-number,.customer.order h2,.sales-order-view .page-title .base,.sales-guest-view .page-title .base,mark.order-number';

/**
 * An order-tracking or order-detail page: a schema.org `ParcelDelivery`, a body class or
 * URL rule (Shopify's order status page, WooCommerce's view-order, Magento's sales order
 * view, BigCommerce's order status, PrestaShop's order detail), with the order number of
 * the markup, Shopify's `Shopify.checkout`, the page's text or the URL when the page shows one.
 */
export function orderTrackingView(s: Signals): Props | undefined {
  const delivery = s.nodes('ParcelDelivery')[0];
  if (!delivery && !s.rule('order_tracking_view')) return undefined;
  const order_id =
    toText(delivery?.partOfOrder?.orderNumber) ??
    s.shop()?.order?.order_id ??
    // The number the page prints, ahead of the URL's: Magento's URL holds the order's entity id.
    document.querySelector(PRINTED_ORDER_NUMBER)?.textContent?.match(/([\w-]+)\s*$/)?.[1] ??
    orderIdInUrl(s.url);
  return order_id ? { order_id } : {};
}
