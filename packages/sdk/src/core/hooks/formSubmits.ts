import { bodyFields } from '../../lib/bodyFields.ts';
import { patch } from './patch.ts';
import { safely } from '../../lib/safely.ts';
import type { Loose } from '../../lib/toProduct.ts';

/**
 * Calls `listener` with each form the page submits and its fields, the clicked submit
 * button's included (add-to-cart buttons that name the product, a cart's `checkout`
 * button). Capture phase: a theme's own handler that stops the event must not
 * hide it. `form.submit()` fires no event, and `data-post` links (wishlist, cart delete)
 * and script-built forms submit that way: it is watched too.
 */
export function formSubmits(listener: (form: HTMLFormElement, fields: Loose) => void): () => void {
  // A page's own submit handler often ends in `form.submit()` (jQuery Validation): one
  // submit. The time is kept on the form itself (happy-dom's forms are proxies of themselves).
  const report = (form: HTMLFormElement & { _waymark?: number }, submitter?: HTMLButtonElement | null) => {
    if (Date.now() - form._waymark! < 1000) return;
    form._waymark = Date.now();
    const data = new FormData(form);
    // `new FormData(form, submitter)` is missing in older browsers (and happy-dom): the
    // clicked button's field is added by hand.
    if (submitter?.name) data.set(submitter.name, submitter.value);
    listener(form, bodyFields(data));
  };
  const onSubmit = safely((event: SubmitEvent) => {
    if (event.target instanceof HTMLFormElement) report(event.target, event.submitter as HTMLButtonElement | null);
  });
  const stop = patch(HTMLFormElement.prototype, 'submit', () => {}, (form) => report(form));
  document.addEventListener('submit', onSubmit, true);
  return () => {
    stop();
    document.removeEventListener('submit', onSubmit, true);
  };
}
