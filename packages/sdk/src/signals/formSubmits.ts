import { bodyFields } from '../lib/cartFields.ts';
import { safely } from '../lib/safely.ts';
import type { Loose } from '../lib/toProduct.ts';

/**
 * Calls `listener` with each form the page submits and its fields, the clicked submit
 * button's included (WooCommerce names the product in `add-to-cart` on the button).
 * Capture phase: a theme's own handler that stops the event must not hide it.
 */
export function formSubmits(listener: (form: HTMLFormElement, fields: Loose) => void): () => void {
  const onSubmit = safely((event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = (event as SubmitEvent).submitter;
    let data: FormData;
    try {
      data = new FormData(form, submitter);
    } catch {
      data = new FormData(form);
    }
    listener(form, bodyFields(data));
  });
  document.addEventListener('submit', onSubmit, true);
  return () => document.removeEventListener('submit', onSubmit, true);
}
