import type { Signals } from '../pageSignals.ts';
import { urlRule } from '../signals/urlRules.ts';
import type { Props } from '../types.ts';

/** GA4's checkout-step events and the step each one means. */
export const CHECKOUT_STEPS: Record<string, string> = { add_shipping_info: 'shipping', add_payment_info: 'payment' };

/**
 * A checkout page that is a later step: its URL names the step (Shopify's legacy
 * `?step=payment_method`, Magento's `#payment`).
 */
export function checkoutStep(s: Signals): Props | undefined {
  const match = s.rule('checkout_step');
  return match ? { step: match === true ? undefined : match[1]?.toLowerCase() } : undefined;
}

/**
 * Magento 2 (and other one-page checkouts) move between steps with the hash: each move
 * to a named step of a checkout page is a `checkout_step`.
 */
export function onCheckoutHash(listener: (props: Props) => void): () => void {
  let last: string | undefined;
  const onHash = () => {
    const step = /^#(\w+)$/.exec(location.hash)?.[1];
    if (step && step != last && urlRule('checkout_start', new URL(location.href))) listener({ step: (last = step) });
  };
  addEventListener('hashchange', onHash);
  return () => removeEventListener('hashchange', onHash);
}
