import type { VisitorFeatures } from '../src/personas/personaFields.ts';
import type { EventRow } from './helpers.ts';

const DAY = 86_400_000;
/** Measurements, not touchpoints (SPEC §3): they say nothing about the shopper. */
const MEASUREMENTS = ['web_vitals', 'feedback_prompt'];

/**
 * A visitor's persona features computed from their raw events, written from the
 * definitions in docs/analytics.md ("Personas") and nothing else: the reference the
 * rollup-based persona reports are checked against.
 */
export function featuresFromEvents(rows: readonly EventRow[], now: number): VisitorFeatures {
  const events = rows.filter((e) => !MEASUREMENTS.includes(e.type)).sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : 1));
  const props = (row: EventRow) => (row.props ? (JSON.parse(row.props) as Record<string, unknown>) : {});
  const ofType = (type: string) => events.filter((e) => e.type === type);
  const firstLanding = ofType('landing')[0];
  const orders = ofType('order_complete');
  const productViews = ofType('product_view');
  const cartAdds = ofType('cart_add');
  const ratings = ofType('feedback').map((e) => props(e).rating).filter((r): r is number => typeof r === 'number');
  const utcDay = (ts: number) => Math.floor(ts / DAY);
  const orderDays = new Set(orders.map((e) => utcDay(e.ts)));
  const firstView = productViews[0]?.ts;
  const firstCartAdd = cartAdds[0]?.ts;
  const lastOrder = orders.at(-1)?.ts;
  return {
    first_channel: firstLanding?.channel ?? null,
    first_search_engine: firstLanding?.search_engine ?? null,
    device: events[0]?.device ?? null,
    country: events[0]?.country ?? null,
    visits: new Set(events.map((e) => e.session)).size,
    product_views: productViews.length,
    distinct_products: new Set(productViews.map((e) => (props(e).product as { id?: string } | undefined)?.id).filter((id) => id !== undefined)).size,
    site_searches: ofType('site_search').length,
    cart_adds: cartAdds.length,
    abandoned_carts: new Set(cartAdds.map((e) => utcDay(e.ts)).filter((day) => !orderDays.has(day))).size,
    orders: orders.length,
    revenue: orders.reduce((sum, e) => sum + (typeof props(e).revenue === 'number' ? (props(e).revenue as number) : 0), 0),
    coupon_orders: orders.filter((e) => props(e).coupon !== undefined && props(e).coupon !== null && props(e).coupon !== '').length,
    returns: ofType('return_start').length,
    order_tracking_views: ofType('order_tracking_view').length,
    support_contacts: ofType('support_contact').length,
    avg_feedback_rating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    days_since_first_seen: events.length ? Math.trunc((now - events[0]!.ts) / DAY) : null,
    days_since_last_order: lastOrder === undefined ? null : Math.trunc((now - lastOrder) / DAY),
    minutes_to_first_cart_add: firstView === undefined || firstCartAdd === undefined ? null : Math.max(0, firstCartAdd - firstView) / 60_000,
  };
}
