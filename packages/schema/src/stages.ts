/** The five stages of the customer journey, in the order a shopper moves through them. */
export const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'loyalty'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Touchpoint type → stage: the one table that decides where a touchpoint sits in the
 * journey (SPEC §3). `web_vitals` has no stage of its own: it takes the stage of the
 * page's touchpoint, named in its `props.page_type`. `feedback` and `feedback_prompt`
 * take the stage they are `about` (loyalty when they name none).
 */
export const TOUCHPOINT_STAGE = {
  landing: 'awareness',
  page_view: 'consideration',
  product_list_view: 'consideration',
  product_view: 'consideration',
  site_search: 'consideration',
  wishlist_add: 'consideration',
  cart_add: 'decision',
  cart_remove: 'decision',
  cart_view: 'decision',
  checkout_start: 'decision',
  checkout_step: 'decision',
  order_complete: 'purchase',
  order_tracking_view: 'loyalty',
  return_start: 'loyalty',
  account_view: 'loyalty',
  review_submit: 'loyalty',
  newsletter_signup: 'loyalty',
  feedback: null,
  feedback_prompt: null,
  web_vitals: null,
} as const satisfies Record<string, Stage | null>;

export type TouchpointType = keyof typeof TOUCHPOINT_STAGE;

/** Touchpoints that describe a whole page: at most one of them per page (SPEC §4). */
export type PageTouchpointType = Exclude<
  TouchpointType,
  'landing' | 'web_vitals' | 'cart_add' | 'cart_remove' | 'wishlist_add' | 'review_submit' | 'newsletter_signup' | 'feedback' | 'feedback_prompt'
>;

export function isTouchpointType(type: string): type is TouchpointType {
  return Object.prototype.hasOwnProperty.call(TOUCHPOINT_STAGE, type);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/**
 * The stage the collector stores for an event, or undefined when none can be decided
 * (a custom type without its own stage and without a site override).
 * A site's override wins for custom types only: the built-in table is the contract.
 */
export function stageOf(
  type: string,
  eventStage: unknown,
  props: Record<string, unknown> | undefined,
  siteOverrides: Readonly<Record<string, Stage>> = {},
): Stage | undefined {
  if (type === 'web_vitals') {
    const pageType = props?.page_type;
    const pageStage = typeof pageType === 'string' && isTouchpointType(pageType) ? TOUCHPOINT_STAGE[pageType] : null;
    return pageStage ?? 'consideration';
  }
  if (type === 'feedback' || type === 'feedback_prompt') return isStage(props?.about) ? props.about : 'loyalty';
  if (isTouchpointType(type)) return TOUCHPOINT_STAGE[type] ?? undefined;
  const override = siteOverrides[type];
  if (override && isStage(override)) return override;
  return isStage(eventStage) ? eventStage : undefined;
}
