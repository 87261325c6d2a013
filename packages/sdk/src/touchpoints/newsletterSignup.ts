/**
 * A newsletter form: Shopify's customer form tagged `newsletter`, Magento's subscriber
 * form, PrestaShop's ps_emailsubscription block, Mailchimp embeds, or any form whose
 * action, id or class says newsletter.
 */
export function isNewsletterForm(form: HTMLFormElement): boolean {
  return (
    /newsletter|subscribe/i.test(form.getAttribute('action') + ' ' + form.id + ' ' + form.className) ||
    !!form.querySelector('[name="contact[tags]"][value*=newsletter],[name=submitNewsletter]') ||
    !!form.closest('.block_newsletter')
  );
}
