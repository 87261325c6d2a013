/** The five stages (SPEC §3), as a test: `STAGE.test(value)`. */
export const STAGE = /^(?:awareness|consideration|decision|purchase|loyalty)$/;

/**
 * The touchpoint types of SPEC §3 (`@waymark/schema`'s TOUCHPOINT_STAGE keys, kept as
 * a pattern here: the table itself is the collector's business and costs bytes).
 */
export const TOUCHPOINT =
  /^(?:landing|page_view|product_list_view|product_view|site_search|wishlist_add|cart_add|cart_remove|cart_view|checkout_start|checkout_step|order_complete|order_tracking_view|return_start|account_view|review_submit|newsletter_signup|subscription_renew|subscription_cancel|cross_sell_click|support_contact|feedback|feedback_prompt|web_vitals)$/;

/**
 * The field each touchpoint cannot go without (the collector's rule, `validateEvent`):
 * one table for `track()` and `page()`.
 */
export const REQUIRED: Record<string, string> = { product_view: 'product', cart_add: 'product', cart_remove: 'product', site_search: 'query', feedback: 'rating', feedback_prompt: 'prompt', support_contact: 'via' };

/** True when the collector would refuse the event: a malformed type, a custom type without stage, a touchpoint without its field. */
export const refused = (type: string, props: object, stage?: string): boolean =>
  !/^[a-z][a-z0-9_]{0,63}$/.test(type) || (!TOUCHPOINT.test(type) && !stage) || (!!REQUIRED[type] && !(REQUIRED[type] in props));
