import { query } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { toText } from '../../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { orderIdInUrl } from '../signals/urlRules.ts';

/**
 * An order-tracking or order-detail page: a schema.org `ParcelDelivery`, a body class or
 * URL rule, with the order number of the markup, the platform's order object, the number
 * the page prints or the URL's, when the page shows one.
 */
export function orderTrackingView(s: Signals): Props | undefined {
  const delivery = s.nodes('ParcelDelivery')[0];
  if (!delivery && !s.rule('order_tracking_view')) return undefined;
  const order_id =
    toText(delivery?.partOfOrder?.orderNumber) ??
    s.platform()?.order?.order_id ??
    // The number the page prints, ahead of the URL's: some URLs hold the order's entity id.
    query((adapter) => adapter.orderPageNumber)?.textContent?.match(/([\w-]+)\s*$/)?.[1] ??
    orderIdInUrl(s.url);
  return order_id ? { order_id } : {};
}
