/** The five stages of the customer journey, in the order a shopper moves through them. */
export const STAGES = ['awareness', 'consideration', 'decision', 'purchase', 'loyalty'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Touchpoint type → stage: the one table that decides where a touchpoint sits in the
 * journey (SPEC §3). `web_vitals`, `cross_sell_click` and `support_contact` have no stage
 * of their own: they take the stage of the page's touchpoint, named in their
 * `props.page_type` (PAGE_STAGED). `feedback` and `feedback_prompt` take the stage they
 * are `about` (loyalty when they name none).
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
  subscription_renew: 'loyalty',
  subscription_cancel: 'loyalty',
  cross_sell_click: null,
  support_contact: null,
  feedback: null,
  feedback_prompt: null,
  web_vitals: null,
} as const satisfies Record<string, Stage | null>;

export type TouchpointType = keyof typeof TOUCHPOINT_STAGE;

/**
 * Touchpoints tagged with the stage of their page's touchpoint (`props.page_type`), and the
 * stage they take on a page with no shop stage (none named, a plain `page_view`, a type
 * without a stage): a recommended product is still being considered, a shopper asking for
 * help is most often one who bought.
 */
export const PAGE_STAGED: Partial<Record<TouchpointType, Stage>> = {
  web_vitals: 'consideration',
  cross_sell_click: 'consideration',
  support_contact: 'loyalty',
};

/** How a shopper reached support (SPEC §3 `support_contact.via`). */
export const SUPPORT_CHANNELS = ['form', 'chat', 'email', 'phone'] as const;

/** Touchpoints that describe a whole page: at most one of them per page (SPEC §4). */
export type PageTouchpointType = Exclude<
  TouchpointType,
  | 'landing'
  | 'web_vitals'
  | 'cart_add'
  | 'cart_remove'
  | 'wishlist_add'
  | 'review_submit'
  | 'newsletter_signup'
  | 'feedback'
  | 'feedback_prompt'
  | 'cross_sell_click'
  | 'support_contact'
  | 'subscription_renew'
  | 'subscription_cancel'
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
  const unstaged = isTouchpointType(type) ? PAGE_STAGED[type] : undefined;
  if (unstaged) {
    const pageType = props?.page_type;
    const pageStage = typeof pageType === 'string' && pageType !== 'page_view' && isTouchpointType(pageType) ? TOUCHPOINT_STAGE[pageType] : null;
    return pageStage ?? unstaged;
  }
  if (type === 'feedback' || type === 'feedback_prompt') return isStage(props?.about) ? props.about : 'loyalty';
  if (isTouchpointType(type)) return TOUCHPOINT_STAGE[type] ?? undefined;
  const override = siteOverrides[type];
  if (override && isStage(override)) return override;
  return isStage(eventStage) ? eventStage : undefined;
}
