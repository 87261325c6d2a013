import { schemaOrder } from '../lib/schemaOrg.ts';
import { compact } from '../lib/compact.ts';
import { toAmount, toCurrency, toText } from '../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Cart } from '../signals/dataLayer.ts';
import { prestashopCurrency } from '../signals/prestashop.ts';
import { orderIdInUrl } from '../signals/urlRules.ts';
import type { Props } from '../types.ts';

/** Where thank-you pages print the order number, last in the text: WooCommerce, Magento 2 (customer, guest), Shopware 6, SFRA. */
const ORDER_NUMBER = '.woocommerce-order-overview__order strong,.checkout-success .order-number strong,.checkout-success p>span,.finish-ordernumber,.confirm-details .order-number';
/**
 * Where they print the order total: WooCommerce (classic overview, block totals),
 * PrestaShop's confirmation table, BigCommerce's checkout ("Total (USD)"), Shopware's and SFRA's summaries.
 */
const ORDER_TOTAL = '.woocommerce-order-overview__total .amount,dd.checkout-aside-summary-total,.grand-total-sum,.wc-block-order-confirmation-totals tfoot tr:last-child .amount,#order-items .total-value td:last-child,[data-test=cart-total] [data-test=cart-price-value]';

/**
 * The thank-you page, from the most to the least detailed signal: the dataLayer's
 * `purchase`, a schema.org `Order`, Shopify's `Shopify.checkout` on the legacy thank-you
 * page, or a body class or URL rule with the order number of the URL or the page and the
 * total the page prints.
 */
export function orderComplete(s: Signals): Props | undefined {
  const purchase = s.dl('purchase');
  const node = s.nodes('Order')[0];
  const shop = /\/thank[-_]?you(?![\w-])/.test(s.url.pathname) ? s.shop()?.order : undefined;
  const order = (purchase && ga4Cart(purchase, true)) || (node && schemaOrder(node)) || shop;
  if (!order && !s.rule('order_complete')) return undefined;
  // Checkout pages print totals too: the printed one counts only on a page known as the thank-you page.
  const total = document.querySelector(ORDER_TOTAL)?.textContent;
  return {
    order_id: orderIdInUrl(s.url) ?? document.querySelector(ORDER_NUMBER)?.textContent?.match(/([\w-]+)\s*$/)?.[1],
    ...compact(
      order ?? {
        revenue: toAmount(total),
        // WooCommerce prints only a symbol; PrestaShop names its currency, BigCommerce's label does.
        currency: toCurrency(prestashopCurrency() ?? /\(([A-Z]{3})\)/.exec(document.querySelector('[data-test=cart-total]')?.textContent ?? '')?.[1]),
      },
    ),
  };
}
