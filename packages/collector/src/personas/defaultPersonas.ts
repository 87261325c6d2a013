import type { Persona } from './personaRules.ts';

/**
 * The personas of a site that sets none: kinds of shopper most shops recognise, in the
 * order they are tried (the first match is the visitor's primary persona, so the more
 * telling behaviours come first). docs/analytics.md lists them with the same definitions.
 */
export const DEFAULT_PERSONAS: readonly Persona[] = [
  {
    key: 'loyal_customer',
    name: 'Loyal customer',
    description: 'Ordered at least twice, the last time within 180 days.',
    when: { all: [{ field: 'orders', gte: 2 }, { field: 'days_since_last_order', lte: 180 }] },
  },
  {
    key: 'lapsed_customer',
    name: 'Lapsed customer',
    description: 'Ordered before, but not for more than 180 days.',
    when: { field: 'days_since_last_order', gte: 180 },
  },
  {
    key: 'service_heavy',
    name: 'Service-heavy',
    description: 'Needs help after buying: two or more support contacts or returns, or four or more order-tracking views.',
    when: { any: [{ field: 'support_contacts', gte: 2 }, { field: 'returns', gte: 2 }, { field: 'order_tracking_views', gte: 4 }] },
  },
  {
    key: 'bargain_hunter',
    name: 'Bargain hunter',
    description: 'Ordered with a coupon, or came from an affiliate (deal and cashback sites).',
    when: { any: [{ field: 'coupon_orders', gte: 1 }, { field: 'first_channel', eq: 'affiliate' }] },
  },
  {
    key: 'impulse_buyer',
    name: 'Impulse buyer',
    description: 'Ordered, adding to the cart within 5 minutes of the first product viewed, after looking at 3 products or fewer.',
    when: { all: [{ field: 'orders', gte: 1 }, { field: 'minutes_to_first_cart_add', lte: 5 }, { field: 'distinct_products', lte: 3 }] },
  },
  {
    key: 'serial_cart_abandoner',
    name: 'Serial cart abandoner',
    description: 'Left a filled cart without ordering on two or more days.',
    when: { field: 'abandoned_carts', gte: 2 },
  },
  {
    key: 'researcher',
    name: 'Researcher',
    description: 'Compares before buying: 8 or more distinct products, or 3 or more site searches.',
    when: { any: [{ field: 'distinct_products', gte: 8 }, { field: 'site_searches', gte: 3 }] },
  },
  {
    key: 'window_shopper',
    name: 'Window shopper',
    description: 'Looked at products but never added one to the cart.',
    when: { all: [{ field: 'product_views', gte: 1 }, { field: 'cart_adds', eq: 0 }] },
  },
];
