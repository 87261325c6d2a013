import type { PageType } from '../../core/types.ts';

/** A page rule: a pattern of the path, query and hash; `false` turns a built-in rule off. */
export type PageRule = string | RegExp | false;
/** Subscription actions: matched against the URL a form posts to or a script requests. */
export type SubscriptionAction = 'subscription_renew' | 'subscription_cancel';
export type PageRules = Partial<Record<PageType | SubscriptionAction, PageRule>>;

/**
 * Built-in URL rules of the common storefronts (friendly URLs and `?controller=`,
 * `route=` ones), matched against
 * `path?query#hash` of the page, or of the action for subscriptions. A site overrides any
 * of them with `pages` in its config.
 */
const RULES: PageRules = {
  order_complete:
    /\/(?:thank[-_]?you|order-received|order-confirmation|finishorder)(?![\w-])|checkout\/onepage\/success|checkout\/success|controller=order-confirmation/i,
  order_tracking_view:
    /\/orders?[/.][\w-]{3,}|view-order|sales\/order\/view|sales\/guest\/(?:view|form)|order-detail|order_status|view_order|orderstatus|order-tracking|\/track(?:ing|-(?:your-)?orders?)?(?![\w-])|guest-tracking|order-history|controller=history/i,
  return_start: /\/(?:returns?|rma)(?![\w-])|order-follow|new_return|return-request/i,
  cart_view: /^\/(?:cart|basket)\/?(?:[?#]|$)|\/cart\.php|\/checkout\/cart\/?(?:[?#]|$)|controller=cart\b/i,
  checkout_step: /checkouts?(?![\w-]).*(?:[?&]step=|\/|#(?=payment|review))(shipping|payment|review)/i,
  checkout_start: /\/checkouts?(?![\w-])|controller=order\b|^\/order\/?(?:[?#]|$)/i,
  product_view: /\/products?\/[^/?#]/i,
  product_list_view: /\/collections\/[^/?#]|product-category|\/categor(?:y|ies)\/|^\/shop\/?(?:[?#]|$)/i,
  account_view: /\/(?:my-)?account(?![\w-])|controller=(?:my-account|identity|addresses)|route=account/i,
  // A subscription's cancel, renew or reactivate action (`/subscriptions/123/cancel`,
  // `cancelSubscription`, `subscription_renewal=…`).
  subscription_cancel: /subscriptions?\b.*\bcancel|cancel-?subscription/i,
  subscription_renew: /subscriptions?\b.*\b(?:renew|reactivate|resume)|(?:renew|reactivate|resume)-?subscription|subscription_renewal/i,
};

/** The built-in or overridden rule of `type` applied to a page URL. */
export function urlRule(type: PageType | SubscriptionAction, url: URL, overrides: PageRules = {}): RegExpExecArray | null {
  const rule = type in overrides ? overrides[type] : RULES[type];
  // A product or collection is never an order, a return or a checkout, whatever its handle says.
  if (!rule || (rule == RULES[type] && /^(?:order|return|checkout)/.test(type) && /\/(?:products|collections)\//.test(url.pathname))) return null;
  return (typeof rule == 'string' ? new RegExp(rule, 'i') : rule).exec(url.pathname + url.search + url.hash);
}

/** The order number a platform puts in its thank-you or order page URL. */
export function orderIdInUrl(url: URL): string | undefined {
  return /(?:(?:order-received|order-confirmation|view-order)[=/]?|[?&/](?:id_order=|order_id[=/]|orderid=))\/?(\d+)\b/i.exec(url.pathname + url.search)?.[1];
}
