import type { AdapterFactory } from '../core/adapter.ts';

/** Salesforce Commerce Cloud SFRA: controllers in `data-action` (`Cart-Show`), the one-page checkout's stage. */
export const sfra: AdapterFactory = () => ({
  pages: {
    order_complete: '[data-action=Order-Confirm]',
    order_tracking_view: '[data-action^=Order-]',
    cart_view: '[data-action=Cart-Show]',
    checkout_start: '[data-checkout-stage]',
    product_list_view: '[data-action=Search-Show]',
    account_view: '[data-action^=Account-]',
  },
  orderNumber: '.confirm-details .order-number',
  orderTotal: '.grand-total-sum',
  orderPageNumber: '.confirm-details .order-number',
  // After shipping, each stage is a step.
  checkoutStep() {
    const stage = document.querySelector('[data-checkout-stage]')?.getAttribute('data-checkout-stage');
    return stage && !/shipping|customer/.test(stage) ? { step: stage == 'placeOrder' ? 'review' : stage } : undefined;
  },
  // The footer's newsletter form.
  request: (target) => (/EmailSubscribe-Subscribe/.test(target) ? ['newsletter_signup', {}] : undefined),
});
