import { safely } from '../lib/safely.ts';
import type { Signals } from '../pageSignals.ts';
import { ga4Cart } from '../signals/dataLayer.ts';
import { prestashopCart } from '../signals/prestashop.ts';
import { urlRule } from '../signals/urlRules.ts';
import type { Props } from '../types.ts';

/** A page's address without query, but with PrestaShop's controller (`index.php?controller=order`). */
const place = (url: string) => url.replace(/[?#].*/, '') + /controller=\w+/.exec(url);

/** GA4's checkout-step events and the step each one means. */
export const CHECKOUT_STEPS: Record<string, string> = { add_shipping_info: 'shipping', add_payment_info: 'payment' };

/**
 * A checkout page that is a later step: the dataLayer's `add_payment_info` or
 * `add_shipping_info` pushed for the page (the later step wins), PrestaShop's current step,
 * or a URL that names the step (`/checkout/shipping`, Shopify's legacy `?step=payment_method`,
 * Magento's `#payment`).
 */
export function checkoutStep(s: Signals): Props | undefined {
  for (const name of ['add_payment_info', 'add_shipping_info']) {
    const data = s.dl(name);
    if (data) return { step: CHECKOUT_STEPS[name], ...ga4Cart(data) };
  }
  // PrestaShop's one-page checkout marks its current step (`#checkout-delivery-step`,
  // `#checkout-payment-step`); each step reloads the page, so arriving from another page (a
  // returning customer lands on a later step) is the checkout's start. A referrer without
  // a path (`no-referrer`, `strict-origin` policies) tells nothing: a step then.
  const current = /delivery|payment/.exec(document.querySelector('.checkout-step.-current')?.id ?? '')?.[0];
  const arrived = /\/\/[^/]+\/[^?#]/.test(document.referrer) && place(document.referrer) != place(location.href);
  if (current && !arrived) return { step: current == 'delivery' ? 'shipping' : current, ...prestashopCart() };
  // Salesforce SFRA's one-page checkout names its stage; after shipping, each is a step.
  const stage = document.querySelector('[data-checkout-stage]')?.getAttribute('data-checkout-stage');
  if (stage && !/shipping|customer/.test(stage)) return { step: stage == 'placeOrder' ? 'review' : stage };
  const match = s.rule('checkout_step');
  return match ? { step: match === true ? undefined : match[1]!.toLowerCase() } : undefined;
}

/**
 * Magento 2 (and other one-page checkouts) move between steps with the hash: each move
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
