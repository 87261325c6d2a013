import { safely } from '../../lib/safely.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Cart } from '../signals/dataLayer.ts';
import { ask } from '../../core/platform.ts';
import { urlRule } from '../signals/urlRules.ts';
import type { Props } from '../../core/types.ts';

/** GA4's checkout-step events and the step each one means. */
export const CHECKOUT_STEPS: Record<string, string> = { add_shipping_info: 'shipping', add_payment_info: 'payment' };

/**
 * A checkout page that is a later step: the dataLayer's `add_payment_info` or
 * `add_shipping_info` pushed for the page (the later step wins), the step a one-page
 * checkout shows, or a URL that names the step (`/checkout/shipping`, `?step=payment_method`,
 * `#payment`).
 */
export function checkoutStep(s: Signals): Props | undefined {
  for (const name of ['add_payment_info', 'add_shipping_info']) {
    const data = s.dl(name);
    if (data) return { step: CHECKOUT_STEPS[name], ...ga4Cart(data) };
  }
  // A one-page checkout's step, as its platform shows it.
  const shown = ask((adapter) => adapter.checkoutStep?.());
  if (shown) return shown;
  const match = s.rule('checkout_step');
  return match ? { step: match === true ? undefined : match[1]!.toLowerCase() } : undefined;
}

/**
 * One-page checkouts that move between steps with the hash: each move
 * to a named step of a checkout page is a `checkout_step`.
 */
export function onCheckoutHash(listener: (props: Props) => void): () => void {
  let last: string | undefined;
  const onHash = safely(() => {
    const step = /^#(\w+)$/.exec(location.hash)?.[1];
    if (step && step != last && urlRule('checkout_start', new URL(location.href))) listener({ step: (last = step) });
  });
  addEventListener('hashchange', onHash);
  return () => removeEventListener('hashchange', onHash);
}
