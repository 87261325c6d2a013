import { toText } from '../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { orderIdInUrl } from '../signals/urlRules.ts';
import type { Props } from '../types.ts';

/**
 * An order-tracking or order-detail page: a schema.org `ParcelDelivery`, a body class or
 * URL rule (Shopify's order status page, WooCommerce's view-order, Magento's sales order
 * view, BigCommerce's order status, PrestaShop's order detail), with the order number of
 * the markup, Shopify's `Shopify.checkout`, the URL or Shopify's order page heading when the
 * page shows one.
 */
export function orderTrackingView(s: Signals): Props | undefined {
  const delivery = s.ld('ParcelDelivery')[0] ?? s.micro('ParcelDelivery')[0];
  if (!delivery && !s.rule('order_tracking_view')) return undefined;
  const order_id =
    toText(delivery?.partOfOrder?.orderNumber) ??
    s.shop()?.order?.order_id ??
    orderIdInUrl(s.url) ??
    // Shopify's customer order page (Dawn's main-order.liquid) prints the order's name, `#1042`.
    document.querySelector('.customer.order h2')?.textContent?.match(/#[\w-]+/)?.[0];
  return order_id ? { order_id } : {};
}
