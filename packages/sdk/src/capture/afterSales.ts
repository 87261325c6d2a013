import type { Page, Pages } from '../core/pages.ts';
import type { Capture, Props } from '../core/types.ts';
import { safely } from '../lib/safely.ts';
import { crossSellClick } from './touchpoints/crossSellClick.ts';
import { subscriptionCancel } from './touchpoints/subscriptionCancel.ts';
import { subscriptionRenew } from './touchpoints/subscriptionRenew.ts';
import { ancestors, isContactForm, supportContact, supportVia } from './touchpoints/supportContact.ts';

/**
 * The after-sales touchpoints (SPEC §3) from what the shopper does: clicks (recommended
 * products, `mailto:`/`tel:` links, chat launchers, subscription buttons), a chat widget's
 * frame taking the focus, forms sent (contact, subscription) and the requests of
 * subscription portals. Each is recorded at once, as the click happens, without holding
 * up the navigation it starts; an action is recorded once per page (a chat opened twice,
 * a cancel button whose form also posts).
 */
export function afterSales(pages: Pages, capture: Capture) {
  const seen = new WeakMap<Page, Set<string>>();
  const once = (type: string, key: string, props: (page: Page) => Props) => {
    // The page's touchpoint is decided first: these events name its type.
    pages.begin();
    pages.settle();
    const page = pages.page()!;
    const done = seen.get(page) ?? new Set();
    seen.set(page, done);
    if (done.has(type + key)) return;
    done.add(type + key);
    capture(type, props(page));
  };
  const contact = (via: string) => once('support_contact', via, (page) => supportContact(via, page.type, page.props));
  const subscription = (element: Element | undefined, url: string | undefined) => {
    pages.begin();
    const rules = pages.page()!.signals.rules;
    for (const [type, read] of [['subscription_cancel', subscriptionCancel], ['subscription_renew', subscriptionRenew]] as const) {
      const props = read(element, url, rules);
      if (props) return once(type, '', () => props);
    }
  };

  return {
    contact,
    click(event: Event) {
      const target = event.target as Element;
      if (!target.closest) return;
      const via = supportVia(event.composedPath().filter((node): node is Element => node instanceof Element));
      if (via) return contact(via);
      const recommended = crossSellClick(target);
      if (recommended) return once('cross_sell_click', target.closest('a')!.href, (page) => ({ ...recommended, page_type: page.type }));
      subscription(target, undefined);
    },
    /** The window lost the focus to a chat widget's frame: clicks inside the frame stay there. */
    blur: () =>
      setTimeout(
        safely(() => {
          const frame = document.activeElement;
          if (frame?.tagName == 'IFRAME' && supportVia(ancestors(frame)) == 'chat') contact('chat');
        }),
      ),
    /** A form no other touchpoint claimed: a contact form, or a subscription's (posted to a matching URL). */
    form(form: HTMLFormElement) {
      if (isContactForm(form)) return contact('form');
      subscription(form, /post/i.test(form.getAttribute('method')!) ? (form.getAttribute('action') ?? location.href) : undefined);
    },
    /**
     * A script's request: a subscription portal's cancel or renew call (never a GET, which
     * only reads). Also called from a promise (a `Request`'s body read): nothing may escape.
     */
    request: safely((method: string | undefined, url: unknown) => {
      if (method && !/^get$/i.test(method)) subscription(undefined, String(url));
    }),
  };
}
