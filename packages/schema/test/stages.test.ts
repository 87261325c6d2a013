import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderEventId, PAGE_STAGED, stageOf, STAGES, TOUCHPOINT_STAGE } from '../src/index.ts';

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
      purchase: ['order_complete', 'cross_sell_click', 'support_contact', 'web_vitals'],
      loyalty: ['order_tracking_view', 'return_start', 'account_view', 'review_submit', 'newsletter_signup', 'subscription_renew', 'subscription_cancel', 'feedback', 'feedback_prompt'],
    });
  });

  it('gives feedback and feedback_prompt the stage they are about, loyalty when they name none or no stage', () => {
    for (const type of ['feedback', 'feedback_prompt']) {
      for (const about of STAGES) expect(stageOf(type, undefined, { about })).toBe(about);
      expect(stageOf(type, 'awareness', {})).toBe('loyalty');
      expect(stageOf(type, undefined, { about: 'joy' })).toBe('loyalty');
    }
  });

  it('gives cross_sell_click, support_contact and web_vitals the stage of their page, else their own default', () => {
    const pageTypes = fc.constantFrom(...Object.keys(TOUCHPOINT_STAGE), 'page_view', 'size_guide', '', undefined, 7);
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(PAGE_STAGED) as (keyof typeof PAGE_STAGED)[])), pageTypes, (type, page_type) => {
        const pageStage = typeof page_type === 'string' && page_type !== 'page_view' ? (TOUCHPOINT_STAGE as Record<string, string | null>)[page_type] : undefined;
        expect(stageOf(type, 'awareness', { page_type }, { [type]: 'awareness' })).toBe(pageStage ?? PAGE_STAGED[type]);
      }),
    );
    expect(stageOf('cross_sell_click', undefined, { page_type: 'cart_view' })).toBe('decision');
    expect(stageOf('cross_sell_click', undefined, { page_type: 'page_view' })).toBe('consideration');
    expect(stageOf('support_contact', undefined, { page_type: 'order_tracking_view' })).toBe('loyalty');
    expect(stageOf('support_contact', undefined, { page_type: 'checkout_start' })).toBe('decision');
    expect(stageOf('support_contact', undefined, { page_type: 'page_view' })).toBe('loyalty');
    expect(stageOf('support_contact', undefined, undefined)).toBe('loyalty');
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
