import { selector } from '../../core/platform.ts';

/**
 * A newsletter form: any form whose action, id or class says newsletter (Mailchimp embeds
 * included), or that holds or sits in the platform's newsletter fields or block.
 */
export function isNewsletterForm(form: HTMLFormElement): boolean {
  const platform = selector((adapter) => adapter.newsletterForm);
  return /newsletter|subscribe/i.test(form.getAttribute('action') + ' ' + form.id + ' ' + form.className) || (!!platform && !!(form.querySelector(platform) || form.closest(platform)));
}
