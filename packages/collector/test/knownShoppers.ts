import { SHOP } from './helpers.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Step {
  type: string;
  /** When, as an age before now. */
  ago: number;
  path?: string;
  ref?: string;
  props?: Record<string, unknown>;
}

const product = (id: string, price = 25) => ({ product: { id, name: `Product ${id}`, price, currency: 'EUR' } });
const order = (id: string, revenue: number, extra: Record<string, unknown> = {}) => ({ order_id: id, revenue, currency: 'EUR', ...extra });
const visit = (ago: number, ref?: string): Step => ({ type: 'landing', ago, path: '/', ...(ref ? { ref } : {}) });

/**
 * One shopper of each kind the default personas describe, as the journeys a shop would
 * see, with the persona a shop would expect for each (docs/analytics.md, "Personas").
 */
export const KNOWN_SHOPPERS: { expected: string; steps: Step[] }[] = [
  {
    expected: 'loyal_customer',
    steps: [
      visit(40 * DAY, 'https://www.google.com/'),
      { type: 'product_view', ago: 40 * DAY - MINUTE, props: product('tee') },
      { type: 'cart_add', ago: 40 * DAY - 20 * MINUTE, props: product('tee') },
      { type: 'order_complete', ago: 40 * DAY - 25 * MINUTE, props: order('L-1', 25) },
      visit(5 * DAY),
      { type: 'product_view', ago: 5 * DAY - MINUTE, props: product('cap') },
      { type: 'cart_add', ago: 5 * DAY - 2 * MINUTE, props: product('cap') },
      { type: 'order_complete', ago: 5 * DAY - 5 * MINUTE, props: order('L-2', 18) },
    ],
  },
  {
    expected: 'lapsed_customer',
    steps: [
      visit(200 * DAY, 'https://www.bing.com/'),
      { type: 'product_view', ago: 200 * DAY - MINUTE, props: product('boots', 120) },
      { type: 'cart_add', ago: 200 * DAY - 30 * MINUTE, props: product('boots', 120) },
      { type: 'order_complete', ago: 200 * DAY - 35 * MINUTE, props: order('P-1', 120) },
      visit(2 * DAY),
    ],
  },
  {
    expected: 'service_heavy',
    steps: [
      visit(30 * DAY),
      { type: 'product_view', ago: 30 * DAY - MINUTE, props: product('lamp', 60) },
      { type: 'cart_add', ago: 30 * DAY - 15 * MINUTE, props: product('lamp', 60) },
      { type: 'order_complete', ago: 30 * DAY - 20 * MINUTE, props: order('S-1', 60) },
      visit(20 * DAY),
      { type: 'order_tracking_view', ago: 20 * DAY - MINUTE, path: '/account/orders/S-1', props: { order_id: 'S-1' } },
      { type: 'support_contact', ago: 20 * DAY - 2 * MINUTE, path: '/contact', props: { via: 'form', order_id: 'S-1' } },
      visit(10 * DAY),
      { type: 'support_contact', ago: 10 * DAY - MINUTE, path: '/contact', props: { via: 'chat' } },
    ],
  },
  {
    expected: 'bargain_hunter',
    steps: [
      { type: 'landing', ago: 10 * DAY, path: '/?utm_source=dealsite&utm_medium=affiliate' },
      { type: 'product_view', ago: 10 * DAY - MINUTE, props: product('jacket', 90) },
      { type: 'product_view', ago: 10 * DAY - 9 * MINUTE, props: product('coat', 140) },
      { type: 'cart_add', ago: 10 * DAY - 30 * MINUTE, props: product('jacket', 90) },
      { type: 'order_complete', ago: 10 * DAY - 35 * MINUTE, props: order('B-1', 72, { coupon: 'SAVE20' }) },
    ],
  },
  {
    expected: 'impulse_buyer',
    steps: [
      visit(3 * DAY, 'https://www.instagram.com/'),
      { type: 'product_view', ago: 3 * DAY - MINUTE, props: product('socks', 9) },
      { type: 'cart_add', ago: 3 * DAY - 3 * MINUTE, props: product('socks', 9) },
      { type: 'order_complete', ago: 3 * DAY - 6 * MINUTE, props: order('I-1', 9) },
    ],
  },
  {
    expected: 'serial_cart_abandoner',
    steps: [
      visit(6 * DAY),
      { type: 'product_view', ago: 6 * DAY - MINUTE, props: product('bag', 80) },
      { type: 'cart_add', ago: 6 * DAY - 10 * MINUTE, props: product('bag', 80) },
      visit(2 * DAY),
      { type: 'cart_view', ago: 2 * DAY - MINUTE, path: '/cart' },
      { type: 'cart_add', ago: 2 * DAY - 5 * MINUTE, props: product('belt', 30) },
    ],
  },
  {
    expected: 'researcher',
    steps: [
      visit(4 * DAY, 'https://duckduckgo.com/'),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id, i): Step => ({ type: 'product_view', ago: 4 * DAY - (i + 1) * MINUTE, props: product(`tv-${id}`, 500) })),
      ...[1, 2, 3].map((i): Step => ({ type: 'site_search', ago: 4 * DAY - (20 + i) * MINUTE, path: `/search?q=tv${i}`, props: { query: `tv ${i}` } })),
    ],
  },
  {
    expected: 'window_shopper',
    steps: [visit(DAY), { type: 'product_view', ago: DAY - MINUTE, props: product('vase', 45) }, { type: 'product_view', ago: DAY - 2 * MINUTE, props: product('bowl', 30) }],
  },
  { expected: 'other', steps: [visit(DAY / 2), { type: 'page_view', ago: DAY / 2 - MINUTE, path: '/about' }] },
];

/** The shoppers' journeys as wire events, one visitor each and one session per landing. */
export function knownShopperEvents(now: number) {
  return KNOWN_SHOPPERS.flatMap(({ expected, steps }, shopper) => {
    let session = 0;
    return steps.map((step, i) => {
      if (step.type === 'landing') session += 1;
      return {
        id: `known_${expected}_${i.toString().padStart(3, '0')}`,
        type: step.type,
        ts: now - step.ago,
        url: `${SHOP}${step.path ?? `/p/${i}`}`,
        anon: `a_known_${shopper}_${expected}`,
        session: `s_known_${shopper}_${session}`,
        ...(step.ref ? { ref: step.ref } : {}),
        ...(step.props ? { props: step.props } : {}),
      };
    });
  });
}
