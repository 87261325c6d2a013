import type { CartAction } from '../core/adapter.ts';
import { dataLayer } from '../core/hooks/dataLayer.ts';
import { formSubmits } from '../core/hooks/formSubmits.ts';
import { onNavigate } from '../core/hooks/onNavigate.ts';
import { requests } from '../core/hooks/requests.ts';
import type { Pages } from '../core/pages.ts';
import { ask, each, whenAdapter } from '../core/platform.ts';
import type { Capture, Props } from '../core/types.ts';
import type { Loose } from '../lib/toProduct.ts';
import { afterSales } from './afterSales.ts';
import { PAGE_TYPES } from './detect.ts';
import { readRequest } from './requests.ts';
import { cartFields } from './signals/cartFields.ts';
import { cartRequest } from './signals/cartRequest.ts';
import { marked, markedTarget } from './signals/dataAttributes.ts';
import { ga4Cart, ga4Items } from './signals/dataLayer.ts';
import { cartActions, cartForm, RANK } from './touchpoints/cartAdd.ts';
import { CHECKOUT_STEPS, onCheckoutHash } from './touchpoints/checkoutStep.ts';
import { isNewsletterForm } from './touchpoints/newsletterSignup.ts';
import { orderComplete } from './touchpoints/orderComplete.ts';
import { productView } from './touchpoints/productView.ts';
import { isReviewForm } from './touchpoints/reviewSubmit.ts';

/** dataLayer events that describe the page rather than an action on it. */
const PAGE_EVENTS = /^(?:view_item(?:_list)?|view_cart|begin_checkout|purchase|search|view_search_results)$/;
const CART_EVENTS: Loose = { add_to_cart: 'cart_add', remove_from_cart: 'cart_remove', add_to_wishlist: 'wishlist_add' };
const CART_TYPES = /^(?:cart_add|cart_remove|wishlist_add)$/;

/**
 * What the shop does on its pages (SPEC §4 item 4): the raw signals the hooks record —
 * dataLayer pushes, requests, form submits, clicks, navigations — read as cart actions,
 * checkout steps, sign-ups and reviews. Returns the stop functions of its hooks.
 */
export function interactions(pages: Pages, capture: Capture, track: (type: string, props: Props, options: Loose) => void, on: (target: EventTarget, type: string, listener: (event: any) => unknown) => void) {
  const after = afterSales(pages, capture);
  const cart = cartActions(capture, () => {
    const page = pages.page();
    const props = page?.type ? page.type == 'product_view' && page.props : page && productView(page.signals);
    // What the page's own cart form would post names this page's product too.
    const ids = [...(document.querySelector<HTMLFormElement>(cartForm())?.elements ?? [])].map((field) => (field as HTMLInputElement).value);
    return props && props.product ? { product: props.product, ids: [props.product.id, ...ids] } : undefined;
  });

  // A variant id the platform can resolve brings its product's facts, trusted a little
  // more than the signal that named it.
  const cartAction = (action: CartAction, fields: Loose, rank: number) => {
    pages.begin();
    const platform = fields.id && pages.page()!.signals.platform()?.variant(String(fields.id));
    cart.add(action, fields, rank);
    if (platform) cart.add(action, { ...platform, quantity: fields.quantity }, rank + 0.5);
  };

  const review = () => {
    // A review sent before the page settled still names the page's product.
    pages.settle();
    const page = pages.page();
    capture('review_submit', page?.type == 'product_view' ? page.props : {});
  };

  const onDataLayer = (name: string, data: Loose, past: boolean) => {
    const page = pages.page();
    // A checkout step pushed as its page loads describes the page (a step page); pushed
    // later, it is a step taken on the page (one-page checkouts).
    if (PAGE_EVENTS.test(name) || (CHECKOUT_STEPS[name] && (past || !page?.type))) {
      pages.dlEvents().set(name, data);
      // GTM often pushes the purchase after the thank-you page settled: the order matters most.
      if (name == 'purchase' && !past && page?.type && page.type != 'order_complete') pages.setType('order_complete', orderComplete(page.signals));
    } else if (!past && CART_EVENTS[name]) cartAction(CART_EVENTS[name], ga4Items(data)[0] ?? {}, RANK.dataLayer);
    else if (!past && CHECKOUT_STEPS[name]) capture('checkout_step', { step: CHECKOUT_STEPS[name], ...ga4Cart(data) });
  };

  const onRequest = (method: string | undefined, url: unknown, body: unknown) => {
    const [type, props] = readRequest(method, url, body) ?? [];
    if (!type) return after.request(method, url);
    if (CART_TYPES.test(type)) cartAction(type as CartAction, props!, RANK.request);
    else if (type == 'review_submit') review();
    else if (type == 'support_contact') after.contact('form');
    else capture(type, props);
  };

  const onMarked = (event: Event) => {
    const element = markedTarget(event);
    // Forms count when submitted, other elements when clicked.
    if (!element || (event.type == 'submit') != element instanceof HTMLFormElement) return;
    const [type, { stage, ...props }] = marked(element);
    if (CART_TYPES.test(type)) cart.add(type as CartAction, props.product, RANK.marked);
    // A marked recommendation block: its clicked product is read by the after-sales clicks.
    else if (!PAGE_TYPES.includes(type) && type != 'cross_sell_click') track(type, props, { stage });
  };

  // A link that adds to the cart as it is followed (`cart.php?action=add` buttons of cards).
  const onLink = (event: Event) => {
    const request = cartRequest('GET', (event.target as Element).closest?.('a[href]')?.getAttribute('href'), '');
    if (request) cartAction(...request, RANK.request);
  };

  const onForm = (form: HTMLFormElement, fields: Loose) => {
    // A form posting to a cart endpoint, or an add-to-cart form posting elsewhere.
    // Attributes, not `form.action`: a field named `action` shadows the property.
    const request = cartRequest(form.getAttribute('method')!, form.getAttribute('action') ?? location.href, fields);
    const platform = request || form.matches(cartForm()) ? undefined : ask((adapter) => adapter.form?.(form, fields));
    if (request || form.matches(cartForm())) {
      const [action, product] = request ?? ['cart_add', cartFields(fields)];
      cartAction(action, product, RANK.form);
      // What the form knows beyond its fields (a SKU, a chosen variation's price), trusted
      // above the request and the page's product.
      cart.add(action, each<Loose>({}, (adapter, known) => ({ ...known, ...adapter.formProduct?.(form, fields) })), RANK.page + 0.5);
    } else if (platform !== undefined) {
      if (platform) capture(platform);
    }
    // A marked form is recorded once, as marked (onMarked).
    else if (!form.hasAttribute('data-waymark')) {
      // Account forms post newsletter=0 to opt out.
      if (isNewsletterForm(form) && fields.newsletter != 0) capture('newsletter_signup');
      else if (isReviewForm(form)) review();
      else after.form(form);
    }
  };

  // The hooks record at once; what a signal means waits for the platform's adapter.
  const later =
    <A extends unknown[]>(read: (...args: A) => void) =>
    (...args: A) =>
      whenAdapter(() => read(...args));
  const layer = dataLayer(later(onDataLayer));
  const stops = [
    layer.stop,
    requests(later(onRequest)),
    formSubmits(later(onForm)),
    onCheckoutHash((props) => capture('checkout_step', props)),
    onNavigate((replace, url, before) => {
      pages.begin();
      const page = pages.page()!;
      // A replaceState that keeps the path (filters, tracking params) is the same page. So is
      // a checkout pushing its `?stage=` as it loads (later, a stage is a step).
      const unstaged = (search: string) => search.replace(/[?&]stage=\w+/, '');
      if (url.pathname == page.url.pathname && (replace || url.search == page.url.search || (!page.type && unstaged(url.search) == unstaged(page.url.search)))) return;
      // Before the change the page still shows itself: decide what it was now.
      if (before) return pages.settle();
      layer.hook();
      pages.start();
    }),
  ];
  on(document, 'click', onMarked);
  on(document, 'click', later(onLink));
  on(document, 'click', later(after.click));
  on(window, 'blur', later(after.blur));
  on(document, 'submit', onMarked);
  // Some tag setups create `window.dataLayer` after us: look again once the page loaded.
  on(window, 'load', layer.hook);
  return { stops, release: cart.release };
}
