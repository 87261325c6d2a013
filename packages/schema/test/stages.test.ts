import { describe, expect, it } from 'vitest';
import { orderEventId, stageOf, STAGES, TOUCHPOINT_STAGE } from '../src/index.ts';

describe('stageOf', () => {
  it('tags every touchpoint type with its SPEC stage', () => {
    const byStage = Object.fromEntries(STAGES.map((s) => [s, [] as string[]]));
    for (const type of Object.keys(TOUCHPOINT_STAGE)) {
      const stage = stageOf(type, undefined, { page_type: 'order_complete' });
      byStage[stage!]!.push(type);
    }
    expect(byStage).toEqual({
      awareness: ['landing'],
      consideration: ['page_view', 'product_list_view', 'product_view', 'site_search', 'wishlist_add'],
      decision: ['cart_add', 'cart_remove', 'cart_view', 'checkout_start', 'checkout_step'],
      purchase: ['order_complete', 'web_vitals'],
      loyalty: ['order_tracking_view', 'return_start', 'account_view', 'review_submit', 'newsletter_signup', 'feedback', 'feedback_prompt'],
    });
  });

  it('gives feedback and feedback_prompt the stage they are about, loyalty when they name none or no stage', () => {
    for (const type of ['feedback', 'feedback_prompt']) {
      for (const about of STAGES) expect(stageOf(type, undefined, { about })).toBe(about);
      expect(stageOf(type, 'awareness', {})).toBe('loyalty');
      expect(stageOf(type, undefined, { about: 'joy' })).toBe('loyalty');
    }
  });

  it('gives web_vitals the stage of its page and custom types their override, own stage or none', () => {
    expect(stageOf('web_vitals', undefined, { page_type: 'cart_view' })).toBe('decision');
    expect(stageOf('gift_wrap', 'decision', undefined, { gift_wrap: 'purchase' })).toBe('purchase');
    expect(stageOf('gift_wrap', 'decision', undefined)).toBe('decision');
    expect(stageOf('gift_wrap', undefined, undefined)).toBeUndefined();
    expect(stageOf('cart_add', 'loyalty', undefined, { cart_add: 'loyalty' })).toBe('decision');
  });
});

describe('orderEventId', () => {
  it('is the same valid event id for the same order and differs between orders', () => {
    expect(orderEventId('#1001')).toBe(orderEventId('#1001'));
    expect(orderEventId('#1001')).not.toBe(orderEventId('#1002'));
    expect(orderEventId('#1001')).toMatch(/^order_[a-z0-9]{22}$/);
  });
});
