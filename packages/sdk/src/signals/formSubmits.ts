import { bodyFields } from '../lib/cartFields.ts';
import { safely } from '../lib/safely.ts';
import type { Loose } from '../lib/toProduct.ts';

/**
 * Calls `listener` with each form the page submits and its fields, the clicked submit
 * button's included (WooCommerce names the product in `add-to-cart` on the button, Shopify's
 * cart has `checkout`).
 * Capture phase: a theme's own handler that stops the event must not hide it.
 */
export function formSubmits(listener: (form: HTMLFormElement, fields: Loose) => void): () => void {
  const onSubmit = safely((event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const data = new FormData(form);
    // `new FormData(form, submitter)` is missing in older browsers and leaves out a button
    // outside the form (Dawn's `form="cart"` checkout button): added by hand.
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) data.set(submitter.name, submitter.value);
    listener(form, bodyFields(data));
  });
  document.addEventListener('submit', onSubmit, true);
  return () => document.removeEventListener('submit', onSubmit, true);
}
