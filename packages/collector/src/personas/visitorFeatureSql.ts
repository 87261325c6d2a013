import type { PersonaField } from './personaFields.ts';

const DAY_MS = 86_400_000;

/**
 * Each persona feature as SQL over the per-visitor lifetime rollup `visitor_totals` (alias
 * `t`), given the bound parameter that holds "now" in ms. The definitions are the ones in
 * docs/analytics.md ("Personas"); `featuresFromEvents` in the tests computes the same from
 * raw events. Ages are whole days (integer division, toward zero), the time to the first cart add is in
 * minutes; a fact that does not exist (no order, no rating) is NULL.
 */
export function visitorFeatureSql(nowParam: number): (field: PersonaField) => string {
  const now = `CAST(?${nowParam} AS INTEGER)`;
  const features: Record<PersonaField, string> = {
    first_channel: 't.first_channel',
    first_search_engine: 't.first_search_engine',
    device: 't.device',
    country: 't.country',
    visits: 't.visits',
    product_views: 't.product_views',
    distinct_products: 't.distinct_products',
    site_searches: 't.site_searches',
    cart_adds: 't.cart_adds',
    abandoned_carts: 't.abandoned_carts',
    orders: 't.orders',
    revenue: 't.revenue',
    coupon_orders: 't.coupon_orders',
    returns: 't.returns',
    order_tracking_views: 't.order_tracking_views',
    support_contacts: 't.support_contacts',
    avg_feedback_rating: '(CASE WHEN t.feedback_count > 0 THEN t.feedback_rating_sum * 1.0 / t.feedback_count END)',
    days_since_first_seen: `((${now} - t.first_seen) / ${DAY_MS})`,
    days_since_last_order: `((${now} - t.last_order_at) / ${DAY_MS})`,
    minutes_to_first_cart_add: '(max(0, t.first_cart_add_at - t.first_product_view_at) / 60000.0)',
  };
  return (field) => features[field];
}
