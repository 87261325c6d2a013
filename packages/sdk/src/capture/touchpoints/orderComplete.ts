import { ask, query } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { compact } from '../../lib/compact.ts';
import { toAmount, toCurrency } from '../../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Cart } from '../signals/dataLayer.ts';
import { schemaOrder } from '../signals/schemaOrg.ts';
import { orderIdInUrl } from '../signals/urlRules.ts';

/**
 * The thank-you page, from the most to the least detailed signal: the dataLayer's
 * `purchase`, a schema.org `Order`, the platform's order object on a thank-you page, or a
 * body class or URL rule with the order number of the URL or the page and the total the
 * page prints (where the platform prints them).
 */
export function orderComplete(s: Signals): Props | undefined {
  const purchase = s.dl('purchase');
  const node = s.nodes('Order')[0];
  const platform = /\/thank[-_]?you(?![\w-])/.test(s.url.pathname) ? s.platform()?.order : undefined;
  const order = (purchase && ga4Cart(purchase, true)) || (node && schemaOrder(node)) || platform;
  if (!order && !s.rule('order_complete')) return undefined;
  // Checkout pages print totals too: the printed one counts only on a page known as the thank-you page.
  return {
    order_id: orderIdInUrl(s.url) ?? query((adapter) => adapter.orderNumber)?.textContent?.match(/([\w-]+)\s*$/)?.[1],
    ...compact(order ?? { revenue: toAmount(query((adapter) => adapter.orderTotal)?.textContent), currency: toCurrency(ask((adapter) => adapter.currency?.())) }),
  };
}
