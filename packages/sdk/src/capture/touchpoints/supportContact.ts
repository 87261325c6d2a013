import { selector } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';

/**
 * Chat launchers by the names their widgets give their elements (tag, id, class, name, an
 * iframe's title) — Intercom (`intercom-launcher`), Zendesk (`iframe#launcher`), Tidio
 * (`#tidio-chat-iframe`), Gorgias (`#gorgias-chat-container`), Crisp (`#crisp-chatbox`),
 * LiveChat (`#chat-widget-container`), Drift and HubSpot (frames titled "… Chat …"),
 * Tawk.to ("chat widget"), custom elements such as `<inbox-online-store-chat>` — any element
 * calling itself a chat or a launcher.
 */
const CHAT = /chat|launcher/i;

/**
 * How a click reaches support: a `mailto:` link (email), a `tel:` link (phone), or a chat
 * launcher — among the clicked element and its five nearest ancestors (`path`, through
 * shadow roots: some widgets draw their button in one), or the widget's iframe that took
 * the focus (clicks inside a widget's frame never reach the page).
 */
export function supportVia(path: Element[]): 'chat' | 'email' | 'phone' | undefined {
  const scheme = /^(mailto|tel):/i.exec(path[0]?.closest('a[href]')?.getAttribute('href') ?? '')?.[1]!.toLowerCase();
  if (scheme) return scheme == 'tel' ? 'phone' : 'email';
  for (const element of path.slice(0, 6)) {
    if (element == document.body) break;
    if (CHAT.test([element.tagName, element.id, element.getAttribute('class'), element.getAttribute('name'), element.tagName == 'IFRAME' && element.getAttribute('title')].join(' '))) return 'chat';
  }
  return undefined;
}

/** An element and its ancestors, nearest first. */
export const ancestors = (element: Element | null): Element[] => (element ? [element, ...ancestors(element.parentElement)] : []);

/** A contact form: its action, id or class says contact, or it is the platform's. */
export function isContactForm(form: HTMLFormElement): boolean {
  const platform = selector((adapter) => adapter.contactForm);
  return /contact/i.test(form.getAttribute('action') + ' ' + form.id + ' ' + form.className) || (!!platform && !!form.closest(platform));
}

/** `support_contact`: how, on which page, and the order the page shows (an order page's, a thank-you page's). */
export function supportContact(via: string, pageType: string | undefined, pageProps: Props | undefined): Props {
  return { via, page_type: pageType, order_id: pageProps?.order_id };
}
