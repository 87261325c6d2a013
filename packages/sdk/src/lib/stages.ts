/** The five stages (SPEC §3), as a test: `STAGE.test(value)`. */
export const STAGE = /^(?:awareness|consideration|decision|purchase|loyalty)$/;

/**
 * The touchpoint types of SPEC §3 (`@waymark/schema`'s TOUCHPOINT_STAGE keys, kept as
 * a pattern here: the table itself is the collector's business and costs bytes).
 */
export const TOUCHPOINT =
  /^(?:landing|page_view|product_list_view|product_view|site_search|wishlist_add|cart_add|cart_remove|cart_view|checkout_start|checkout_step|order_complete|order_tracking_view|return_start|account_view|review_submit|newsletter_signup|feedback|web_vitals)$/;
