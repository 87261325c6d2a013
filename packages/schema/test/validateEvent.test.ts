import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_LENGTH, validateEvent } from '../src/index.ts';

const base = {
  id: 'V1StGXR8_Z5jdHi6B-myT',
  type: 'product_view',
  ts: 1763900000000,
  url: 'https://shop.example/products/blue-shirt',
  session: 's_abc',
  anon: 'a_abc',
  props: { product: { id: 'SKU-1', name: 'Blue shirt', price: 19.99, currency: 'EUR' } },
};
const reasonOf = (patch: Record<string, unknown>) => {
  const check = validateEvent({ ...base, ...patch });
  return check.ok ? 'ok' : check.reason;
};

describe('validateEvent', () => {
  it('accepts the SPEC example and drops unknown top-level fields', () => {
    const check = validateEvent({ ...base, extra: 1 });
    expect(check.ok).toBe(true);
    expect(check.ok && 'extra' in check.event).toBe(false);
  });

  it.each([
    [{ id: 'short' }, /^id /],
    [{ id: 'has space in it' }, /^id /],
    [{ id: 'x'.repeat(65) }, /^id /],
    [{ type: 'Bad-Type' }, /^type /],
    [{ type: 42 }, /^type /],
    [{ ts: '1763900000000' }, /^ts /],
    [{ ts: Number.NaN }, /^ts /],
    [{ ts: 1e300 }, /^ts /],
    [{ url: 'javascript:alert(1)' }, /^url /],
    [{ url: 'https://x.example/' + 'a'.repeat(2048) }, /^url /],
    [{ session: '' }, /^session /],
    [{ session: undefined }, /^session /],
    [{ anon: 7 }, /^anon /],
    [{ stage: 'funnel' }, /^stage /],
    [{ type: 'landing', ref: '=HYPERLINK("x")' }, /^ref must be a URL/],
    [{ props: [] }, /^props must be an object/],
    [{ props: { blob: 'x'.repeat(9000) } }, /^props is \d+ bytes/],
    [{ props: { product: { id: 'SKU', price: '19.99' } } }, /^props\.product\.price/],
    [{ props: { product: { id: 'SKU', currency: 'eur' } } }, /^props\.product\.currency/],
    [{ props: {} }, /^product_view needs props\.product/],
    [{ type: 'site_search', props: {} }, /^site_search needs props\.query/],
    [{ type: 'feedback', props: { rating: 6 } }, /^props\.rating/],
    [{ type: 'feedback', props: { rating: 4, about: 'joy' } }, /^props\.about/],
    [{ type: 'feedback', props: { rating: 4, prompt: '<script>' } }, /^props\.prompt must match/],
    [{ type: 'feedback_prompt', props: { prompt: 'after_order', action: 'answered' } }, /^props\.action must be shown or dismissed/],
    [{ type: 'feedback_prompt', props: { action: 'shown' } }, /^props\.prompt must match/],
    [{ type: 'feedback_prompt', props: { prompt: 'after_order', action: 'shown', about: 'joy' } }, /^props\.about/],
    [{ type: 'order_complete', props: { order_id: 'A1', revenue: '12' } }, /^props\.revenue/],
    [{ type: 'product_list_view', props: { products: Array(51).fill({ id: 'a' }) } }, /^props\.products holds 51/],
    [{ type: 'web_vitals', props: { lcp: -1 } }, /^props\.lcp/],
    [{ type: 'support_contact', props: {} }, /^support_contact needs props\.via/],
    [{ type: 'support_contact', props: { via: 'pigeon' } }, /^props\.via must be one of form, chat, email, phone/],
    [{ type: 'support_contact', props: { via: 'form', order_id: 1001 } }, /^props\.order_id must be a string/],
    [{ type: 'cross_sell_click', props: { product: { id: 'SKU-2', price: 'cheap' }, list: 'Related products' } }, /^props\.product\.price/],
    [{ type: 'cross_sell_click', props: { product: { id: 'SKU-2' }, page_type: 7 } }, /^props\.page_type must be a string/],
    [{ type: 'subscription_cancel', props: { subscription_id: 42 } }, /^props\.subscription_id must be a string/],
  ])('rejects %j with a reason naming the field', (patch, reason) => {
    expect(reasonOf(patch)).toMatch(reason);
  });

  it('takes a referrer of any scheme a browser reports, and a custom type named like an Object method', () => {
    expect(reasonOf({ type: 'landing', ref: 'android-app://com.google.android.gm/' })).toBe('ok');
    expect(reasonOf({ type: 'constructor', stage: 'decision', props: undefined })).toBe('ok');
  });

  it('accepts custom types with a stage and touchpoints without optional facts', () => {
    expect(reasonOf({ type: 'gift_wrap', stage: 'decision', props: undefined })).toBe('ok');
    expect(reasonOf({ type: 'order_complete', props: { order_id: '#1001' } })).toBe('ok');
    expect(reasonOf({ type: 'feedback', props: { rating: 5, about: 'purchase', comment: 'fast' } })).toBe('ok');
    expect(reasonOf({ type: 'feedback_prompt', props: { prompt: 'after_order', about: 'purchase', action: 'dismissed' } })).toBe('ok');
    expect(reasonOf({ type: 'cross_sell_click', props: { product: { id: 'SKU-2', name: 'Belt', price: 19 }, list: 'You may also like', page_type: 'product_view' } })).toBe('ok');
    expect(reasonOf({ type: 'cross_sell_click', props: { list: 'Related products' } })).toBe('ok');
    for (const via of ['form', 'chat', 'email', 'phone']) expect(reasonOf({ type: 'support_contact', props: { via, page_type: 'order_tracking_view', order_id: '#1001' } })).toBe('ok');
    expect(reasonOf({ type: 'subscription_renew', props: undefined })).toBe('ok');
    expect(reasonOf({ type: 'subscription_cancel', props: { subscription_id: '8812', product: { name: 'Coffee beans' } } })).toBe('ok');
  });

  it('cuts a feedback comment to its limit instead of refusing the answer, leaving the sent object alone', () => {
    const props = { rating: 2, comment: '<b>x</b>'.repeat(1300) };
    const check = validateEvent({ ...base, type: 'feedback', props });
    expect(check.ok && (check.event.props!.comment as string).length).toBe(MAX_COMMENT_LENGTH);
    expect(props.comment.length).toBe(10400);
  });
});
