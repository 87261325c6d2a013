/**
 * The visitor features persona rules may test (SPEC §6 "Personas"): a fixed table, so a
 * rule names a feature and never a column or an expression. Each is a lifetime fact of the
 * visitor, read from the per-visitor rollup when a report asks (definitions in
 * docs/analytics.md, "Personas").
 */
export const PERSONA_FIELDS = {
  first_channel: 'string',
  first_search_engine: 'string',
  device: 'string',
  country: 'string',
  visits: 'number',
  product_views: 'number',
  distinct_products: 'number',
  site_searches: 'number',
  cart_adds: 'number',
  abandoned_carts: 'number',
  orders: 'number',
  revenue: 'number',
  coupon_orders: 'number',
  returns: 'number',
  order_tracking_views: 'number',
  support_contacts: 'number',
  avg_feedback_rating: 'number',
  days_since_first_seen: 'number',
  days_since_last_order: 'number',
  minutes_to_first_cart_add: 'number',
} as const;

export type PersonaField = keyof typeof PERSONA_FIELDS;

/** One visitor's features; `null` where the fact does not exist (no order, no rating…). */
export type VisitorFeatures = Record<PersonaField, string | number | null>;

export function isPersonaField(name: unknown): name is PersonaField {
  return typeof name === 'string' && Object.hasOwn(PERSONA_FIELDS, name);
}
