import type { WireEvent } from '@waymark/schema';
import { nanoid } from 'nanoid';
import type { InitOptions, Waymark } from './init.ts';
import { anonId } from './lib/anonId.ts';
import { cartFields } from './lib/cartFields.ts';
import { compact } from './lib/compact.ts';
import { fitProps } from './lib/fitProps.ts';
import { normaliseProps } from './lib/normaliseProps.ts';
import { onNavigate } from './lib/onNavigate.ts';
import { outbox } from './lib/outbox.ts';
import { safely } from './lib/safely.ts';
import { scrubEmails, scrubUrl } from './lib/scrubUrl.ts';
import { refused, TOUCHPOINT } from './lib/stages.ts';
import { storage } from './lib/storage.ts';
import type { Loose } from './lib/toProduct.ts';
import { VISIT_TIMEOUT_MS, visits } from './lib/visits.ts';
import { whenIdle } from './lib/whenIdle.ts';
import { pageSignals, type Signals } from './pageSignals.ts';
import { duePrompts } from './prompts/duePrompt.ts';
import type { ShowPrompt } from './prompts/promptConfig.ts';
import { cartRequest, pageRequests, type CartAction } from './signals/pageRequests.ts';
import { dataLayer, ga4Cart, ga4Items } from './signals/dataLayer.ts';
import { marked, markedElements, markedTarget } from './signals/dataAttributes.ts';
import { formSubmits } from './signals/formSubmits.ts';
import { accountView } from './touchpoints/accountView.ts';
import { CART_FORM, cartActions, RANK, variationPrice } from './touchpoints/cartAdd.ts';
import { cartView } from './touchpoints/cartView.ts';
import { checkoutStart } from './touchpoints/checkoutStart.ts';
import { CHECKOUT_STEPS, checkoutStep, onCheckoutHash } from './touchpoints/checkoutStep.ts';
import { feedback } from './touchpoints/feedback.ts';
import { landing } from './touchpoints/landing.ts';
import { isNewsletterForm } from './touchpoints/newsletterSignup.ts';
import { orderComplete } from './touchpoints/orderComplete.ts';
import { orderTrackingView } from './touchpoints/orderTrackingView.ts';
import { productListView } from './touchpoints/productListView.ts';
import { productView } from './touchpoints/productView.ts';
import { returnStart } from './touchpoints/returnStart.ts';
import { isReviewForm } from './touchpoints/reviewSubmit.ts';
import { siteSearch } from './touchpoints/siteSearch.ts';
import { webVitals, type WebVitalsApi } from './touchpoints/webVitals.ts';
import { PIXEL_KEY } from './shopifyPixel.ts';
import type { Capture, PageType, Props } from './types.ts';

/** Page detectors, the most specific first: a page is the first type that matches. */
const DETECTORS: [PageType, (s: Signals) => Props | undefined][] = [
  ['order_complete', orderComplete],
  ['order_tracking_view', orderTrackingView],
  ['return_start', returnStart],
  ['cart_view', cartView],
  ['checkout_step', checkoutStep],
  ['checkout_start', checkoutStart],
  ['site_search', siteSearch],
  ['product_view', productView],
  ['product_list_view', productListView],
  ['account_view', accountView],
];
const PAGE_TYPES: string[] = ['page_view', ...DETECTORS.map(([type]) => type)];
/** dataLayer events that describe the page rather than an action on it. */
const PAGE_EVENTS = /^(?:view_item(?:_list)?|view_cart|begin_checkout|purchase|search|view_search_results)$/;
const CART_EVENTS: Loose = { add_to_cart: 'cart_add', remove_from_cart: 'cart_remove', add_to_wishlist: 'wishlist_add' };
const CART_TYPES = /^(?:cart_add|cart_remove|wishlist_add)$/;
const USER_KEY = 'wm_u';
const ORDERS_KEY = 'wm_o';
/** Events held in memory while consent is pending. */
const MAX_HELD = 100;

interface Page {
  url: URL;
  ts: number;
  signals: Signals;
  type?: string;
  props?: Props;
  waited?: 1;
}

/**
 * The SDK: pages and their touchpoints, interactions, identity, consent and delivery.
 * `loadVitals` fetches web-vitals: a dynamic import for npm, a script next to
 * `waymark.js` for the script tag; `loadPrompt` the feedback prompt widget.
 */
export function createTracker(options: InitOptions, loadVitals: () => Promise<WebVitalsApi>, loadPrompt: () => Promise<ShowPrompt>): Waymark {
  const { site, endpoint, autocapture = true, pages, debug, cookieless: optedOut, consent } = options ?? ({} as InitOptions);
  const warn = (message: string, detail?: unknown) => debug && console.warn('[waymark] ' + message, detail ?? '');
  const nav = navigator as Loose;
  const cookieless = optedOut || nav.globalPrivacyControl || nav.doNotTrack == '1';
  // Cookieless: the visit lives in the tab (sessionStorage) and nothing outlives it.
  const store = storage(cookieless ? 'sessionStorage' : 'localStorage');
  const box = outbox({ site, endpoint: endpoint ?? '', store, warn });
  const visit = visits(store);
  const listening = new AbortController();
  // Nothing the SDK does throws into the page, whichever listener runs it.
  const on = (target: EventTarget, type: string, listener: (event: any) => unknown) =>
    target.addEventListener(type, safely(listener), { signal: listening.signal, capture: true });
  let stops: (() => void)[] = [];
  let granted: boolean | undefined = consent != 'required' || undefined;
  let user = store.get(USER_KEY);
  let held: WireEvent[] = [];
  let lastActivity = 0;
  let stopped = !site || !endpoint;
  let started: unknown;
  let page: Page | undefined;
  let timer: ReturnType<typeof setTimeout>;
  let cancelIdle: (() => void) | undefined;
  let dlEvents = new Map<string, Loose>();
  let vitalsPageType: string | undefined;
  let vitals: ReturnType<typeof webVitals> | undefined;
  // Feedback prompts keep their caps in localStorage: none without a persistent visitor.
  let ask: ReturnType<typeof duePrompts> | undefined;

  const release = (event: WireEvent) => {
    // A reloaded (or re-opened) thank-you page is the same order: the collector gives an
    // order_complete the id of its order and stores it once, but it need not be sent again.
    const order = event.type == 'order_complete' && (event.props!.order_id as string);
    if (order) {
      const orders = store.get(ORDERS_KEY)?.split('\n') ?? [];
      if (orders.includes(order)) return;
      store.set(ORDERS_KEY, [order, ...orders.slice(0, 19)].join('\n'));
    }
    event.session = visit.touch(event.ts);
    if (!cookieless) event.anon = anonId(store);
    if (user) event.user = user;
    box.push(event);
    ask?.(event, page?.type);
  };

  const capture: Capture = (type, props = {}, { ts = Date.now(), url = scrubUrl(location.href), ref, stage } = {}) => {
    if (stopped || granted === false) return;
    begin();
    // No e-mail address leaves in props either (a search query, a utm value, a comment).
    const fitted = fitProps(JSON.parse(scrubEmails(JSON.stringify(compact(props)))));
    if (!fitted) return void warn('refused', type);
    const event: WireEvent = compact({ id: nanoid(), type, ts, url, ref, stage, session: '', props: fitted });
    lastActivity = Math.max(lastActivity, ts);
    if (granted) release(event);
    else if (held.length < MAX_HELD) held.push(event);
  };

  if (!cookieless) ask = duePrompts(site, endpoint, store, loadPrompt, capture);

  const cart = cartActions(capture, () => {
    const props = page?.type ? page.type == 'product_view' && page.props : page && productView(page.signals);
    // What the page's own cart form would post names this page's product too.
    const ids = [...(document.querySelector<HTMLFormElement>(CART_FORM)?.elements ?? [])].map((field) => (field as HTMLInputElement).value);
    return props && props.product ? { product: props.product, ids: [props.product.id, ...ids] } : undefined;
  });

  // A variant id the platform can resolve (Shopify) brings its product's facts, trusted
  // a little more than the signal that named it.
  const cartAction = (action: CartAction, fields: Loose, rank: number) => {
    begin();
    const platform = fields.id && page!.signals.shop()?.variant(String(fields.id));
    cart.add(action, fields, rank);
    if (platform) cart.add(action, { ...platform, quantity: fields.quantity }, rank + 0.5);
  };

  const setPageType = (type: string, props: Props = {}) => {
    page!.type = type;
    page!.props = props;
    vitalsPageType ??= type;
    capture(type, props, { ts: page!.ts, url: scrubUrl(page!.url.href) });
  };

  const detect = (s: Signals): [string, Props?] => {
    for (const element of markedElements()) {
      const found = marked(element);
      if (PAGE_TYPES.includes(found[0])) return found;
    }
    // First what the dataLayer, structured data, platform and markup say of every type;
    // URL rules only when none of them matched.
    for (const urls of [false, true]) {
      s.urls = urls;
      for (const [type, detector] of DETECTORS) {
        const props = detector(s);
        if (props) return [type, props];
      }
    }
    return ['page_view'];
  };

  /** Decides the page's type; `idle`: called when the page went quiet, not because it is left. */
  const settle = (idle?: unknown) => {
    if (!page || page.type) return;
    clearTimeout(timer);
    cancelIdle?.();
    const [type, props] = autocapture ? detect(page.signals) : ['page_view'];
    // A thank-you page known by its URL or markup alone often gets its purchase pushed late
    // (Magento's gtag module loads through RequireJS): its order waits up to 5 s more for it.
    if (idle && type == 'order_complete' && !props!.revenue && !page.waited) {
      page.waited = 1;
      timer = setTimeout(safely(settle), 5000);
    } else setPageType(type, props);
  };

  const startPage = (type?: string, props?: Props) => {
    started = 1;
    settle();
    const ts = Date.now();
    const url = new URL(location.href);
    if (!visit.current(ts) && ts - lastActivity > VISIT_TIMEOUT_MS) {
      capture('landing', landing(url), { ts, ref: (!page && document.referrer && scrubUrl(document.referrer)) || undefined });
    }
    if (page) dlEvents = new Map();
    page = { url, ts, signals: pageSignals(url, pages, dlEvents) };
    if (type) setPageType(type, props);
    // Give the page (a framework's render after pushState, GTM's pushes) a moment, then
    // decide when the main thread is free.
    else if (autocapture) timer = setTimeout(() => (cancelIdle = whenIdle(safely(() => settle(1)), 2000)), 500);
    else settle();
  };
  // The first page starts after the calls made right after init (identify, consent, the
  // stub's queue), or with the first event.
  const begin = () => started || startPage();

  const onDataLayer = (name: string, data: Loose, past: boolean) => {
    // A checkout step pushed as its page loads describes the page (a step page); pushed
    // later, it is a step taken on the page (one-page checkouts).
    if (PAGE_EVENTS.test(name) || (CHECKOUT_STEPS[name] && (past || !page?.type))) {
      dlEvents.set(name, data);
      // GTM often pushes the purchase after the thank-you page settled: the order matters most.
      if (name == 'purchase' && !past && page?.type && page.type != 'order_complete') setPageType('order_complete', orderComplete(page.signals));
    } else if (!past && CART_EVENTS[name]) cartAction(CART_EVENTS[name], ga4Items(data)[0] ?? {}, RANK.dataLayer);
    else if (!past && CHECKOUT_STEPS[name]) capture('checkout_step', { step: CHECKOUT_STEPS[name], ...ga4Cart(data) });
  };

  const onMarked = (event: Event) => {
    const element = markedTarget(event);
    // Forms count when submitted, other elements when clicked.
    if (!element || (event.type == 'submit') != element instanceof HTMLFormElement) return;
    const [type, { stage, ...props }] = marked(element);
    if (CART_TYPES.test(type)) cart.add(type as CartAction, props.product, RANK.marked);
    else if (!PAGE_TYPES.includes(type)) api.track(type, props, { stage });
  };

  const review = () => {
    // A review sent before the page settled still names the page's product.
    settle();
    capture('review_submit', page?.type == 'product_view' ? page.props : {});
  };

  // A link that adds to the cart as it is followed (BigCommerce's card button `cart.php?action=add`).
  const onLink = (event: Event) => {
    const request = cartRequest('GET', (event.target as Element).closest?.('a[href]')?.getAttribute('href'), '');
    if (request) cartAction(...request, RANK.request);
  };

  const onForm = (form: HTMLFormElement, fields: Loose) => {
    // A form posting to a cart endpoint, or an add-to-cart form posting elsewhere (WooCommerce).
    // Attributes, not `form.action`: a field named `action` (PrestaShop) shadows the property.
    const request = cartRequest(form.getAttribute('method')!, form.getAttribute('action') ?? location.href, fields);
    if (request || form.matches(CART_FORM)) {
      const [action, product] = request ?? ['cart_add', cartFields(fields)];
      cartAction(action, product, RANK.form);
      // What the form knows beyond its fields, trusted above the request and the page's product:
      // Magento's SKU (its forms post the entity id; product_view has the SKU), WooCommerce's
      // chosen variation's price (the page's product has the range's lowest).
      cart.add(action, { id: form.dataset.productSku, price: variationPrice(form, fields.variation_id) }, RANK.page + 0.5);
    }
    // Shopify's checkout runs no theme script: its cart form's checkout button is where we
    // see it start, unless the Shopify pixel reports the checkout (it marks itself, daily).
    else if ('checkout' in fields && /\/cart\/?$/.test(form.getAttribute('action')!)) {
      if (!(Date.now() - +storage('localStorage').get(PIXEL_KEY)! < 864e5)) capture('checkout_start');
    }
    // A marked form is recorded once, as marked (onMarked).
    else if (!form.hasAttribute('data-waymark')) {
      // OpenCart's account form posts newsletter=0 to opt out.
      if (isNewsletterForm(form) && fields.newsletter != 0) capture('newsletter_signup');
      else if (isReviewForm(form)) review();
    }
  };

  const onHidden = () => {
    begin();
    settle();
    cart.release();
    const props = vitals?.take(vitalsPageType ?? 'page_view');
    if (props) capture('web_vitals', props);
    // Before consent, nothing is queued and nothing may be stored (not even the tab lock).
    if (granted) void box.flush(true);
  };

  const api: Waymark = {
    track(type, props = {}, { stage } = {}) {
      if (refused(type, props, stage)) return void warn('refused', type);
      capture(type, normaliseProps(props), { stage: TOUCHPOINT.test(type) ? undefined : stage });
    },
    page(type, props) {
      if (type && refused(type, props ?? {})) return void warn('refused', type);
      startPage(type, props && normaliseProps(props));
    },
    identify(userId) {
      user = userId && String(userId).slice(0, 256);
      if (granted) user ? store.set(USER_KEY, user) : store.del(USER_KEY);
    },
    consent(yes) {
      granted = !!yes;
      if (yes) {
        held.splice(0).forEach(release);
        if (user) store.set(USER_KEY, user);
      } else {
        held = [];
        // Ids, queues of every tab, retry time, lock, orders: nothing of Waymark's stays.
        for (const kept of [store, storage('sessionStorage')]) for (const key of kept.keys()) if (/^wm_/.test(key)) kept.del(key);
      }
    },
    feedback(rating, comment, about) {
      const props = feedback(rating, comment, about);
      props ? capture('feedback', props) : warn('refused', 'feedback');
    },
    flush: async () => void (granted && !stopped && (await box.flush())),
    shutdown() {
      onHidden();
      stopped = true;
      clearTimeout(timer);
      cancelIdle?.();
      listening.abort();
      stops.forEach((stop) => stop());
      box.stop();
    },
  };
  for (const name in api) (api as Loose)[name] = safely((api as Loose)[name]);
  if (stopped) {
    warn('refused', options);
    return api;
  }

  try {
    on(window, 'pagehide', onHidden);
    on(document, 'visibilitychange', () => document.visibilityState == 'hidden' && onHidden());
    on(window, 'pageshow', (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      vitals?.reset();
      vitalsPageType = undefined;
      startPage();
    });
    if (autocapture) {
      const layer = dataLayer(onDataLayer);
      stops = [
        layer.stop,
        pageRequests((action, fields) => (CART_TYPES.test(action) ? cartAction(action as CartAction, fields, RANK.request) : action == 'review_submit' ? review() : capture(action, fields))),
        formSubmits(onForm),
        onCheckoutHash((props) => capture('checkout_step', props)),
        onNavigate((replace, url, before) => {
          begin();
          // A replaceState that keeps the path (filters, tracking params) is the same page.
          // So is SFRA's checkout pushing its `?stage=` as it loads (later, a stage is a step).
          const unstaged = (search: string) => search.replace(/[?&]stage=\w+/, '');
          if (url.pathname == page!.url.pathname && (replace || url.search == page!.url.search || (!page!.type && unstaged(url.search) == unstaged(page!.url.search)))) return;
          // Before the change the page still shows itself: decide what it was now.
          if (before) return settle();
          layer.hook();
          startPage();
        }),
      ];
      on(document, 'click', onMarked);
      on(document, 'click', onLink);
      on(document, 'submit', onMarked);
      // Some tag setups create `window.dataLayer` after us: look again once the page loaded.
      on(window, 'load', layer.hook);
    }
    queueMicrotask(begin);
    const startVitals = () => whenIdle(() => !stopped && (vitals = webVitals(loadVitals)), 5000);
    document.readyState == 'complete' ? startVitals() : on(window, 'load', startVitals);
    if (granted) setTimeout(api.flush, 1000);
  } catch (error) {
    warn('refused', error);
  }
  return api;
}
