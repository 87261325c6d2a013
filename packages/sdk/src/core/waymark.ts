import type { WireEvent } from '@waymark/schema';
import { nanoid } from 'nanoid';
import { interactions } from '../capture/interactions.ts';
import { feedback } from '../capture/touchpoints/feedback.ts';
import { webVitals, type WebVitalsApi } from '../capture/touchpoints/webVitals.ts';
import { compact } from '../lib/compact.ts';
import { fitProps } from '../lib/fitProps.ts';
import { normaliseProps } from '../lib/normaliseProps.ts';
import { safely } from '../lib/safely.ts';
import { scrubProps, scrubUrl } from '../lib/scrubUrl.ts';
import { refused, TOUCHPOINT } from '../lib/stages.ts';
import type { Loose } from '../lib/toProduct.ts';
import { duePrompts } from '../prompts/duePrompt.ts';
import type { ShowPrompt } from '../prompts/promptConfig.ts';
import { anonId } from './anonId.ts';
import { outbox } from './delivery/outbox.ts';
import { transport } from './delivery/transport.ts';
import { storage } from './delivery/storage.ts';
import type { AdapterFactory } from './adapter.ts';
import type { InitOptions, Waymark } from './options.ts';
import { pageLifecycle } from './pages.ts';
import { startAdapter, withoutAdapter } from './platform.ts';
import type { Capture } from './types.ts';
import { visits } from './visits.ts';
import { whenIdle } from './whenIdle.ts';

const USER_KEY = 'wm_u';
const ORDERS_KEY = 'wm_o';
/** Events held in memory while consent is pending. */
const MAX_HELD = 100;

/**
 * The SDK: the API, identity, consent and delivery around the page lifecycle, with the
 * capture of the page's interactions when autocapture is on. `loadVitals` fetches
 * web-vitals (a dynamic import for npm, a script next to `waymark.js` for the script tag),
 * `loadPrompt` the feedback prompt widget, `loadAdapter` the platform adapter the sniff names.
 */
export function createWaymark(
  options: InitOptions,
  loadVitals: () => Promise<WebVitalsApi>,
  loadPrompt: () => Promise<ShowPrompt>,
  loadAdapter: (name: string) => Promise<AdapterFactory | undefined> = async () => undefined,
): Waymark {
  const { site, endpoint, autocapture = true, debug, cookieless: optedOut, consent } = options ?? ({} as InitOptions);
  const warn = (message: string, detail?: unknown) => debug && console.warn('[waymark] ' + message, detail ?? '');
  const nav = navigator as Loose;
  const cookieless = optedOut || nav.globalPrivacyControl || nav.doNotTrack == '1';
  // Cookieless: the visit lives in the tab (sessionStorage) and nothing outlives it.
  const store = storage(cookieless ? 'sessionStorage' : 'localStorage');
  const visit = visits(store);
  const send = transport();
  const listening = new AbortController();
  // Nothing the SDK does throws into the page, whichever listener runs it.
  const on = (target: EventTarget, type: string, listener: (event: any) => unknown) =>
    target.addEventListener(type, safely(listener), { signal: listening.signal, capture: true });
  let stops: (() => void)[] = [];
  let releaseCart = () => {};
  let granted: boolean | undefined = consent != 'required' || undefined;
  let user: string | null | undefined;
  let named: unknown;
  // Storage is touched only once the page was idle or hidden (SPEC §5): until then, what
  // needs it waits here, in order. The outbox is made then too (it reads the tab's id).
  let box: ReturnType<typeof outbox> | undefined;
  let early: (() => void)[] | undefined = [];
  const whenReady = (run: () => void) => (early ? void early.push(run) : run());
  const getReady = () => {
    const waiting = early;
    if (!waiting) return;
    // What runs now and what it starts (a landing's release) run at once, in order.
    early = undefined;
    box = outbox({ site, endpoint: endpoint ?? '', store, warn, send });
    if (!named) user = store.get(USER_KEY);
    waiting.forEach((run) => run());
  };
  let held: WireEvent[] = [];
  let lastActivity = 0;
  let stopped = !site || !endpoint;
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
    box!.push(event);
    ask?.(event, pages.page()?.type);
  };

  const capture: Capture = (type, props = {}, { ts = Date.now(), url = scrubUrl(location.href), ref, stage } = {}) => {
    if (stopped || granted === false) return;
    pages.begin();
    // No e-mail address leaves in props either (a search query, a utm value, a comment).
    const fitted = fitProps(scrubProps(compact(props)));
    if (!fitted) return void warn('refused', type);
    const event: WireEvent = compact({ id: nanoid(), type, ts, url, ref, stage, session: '', props: fitted });
    lastActivity = Math.max(lastActivity, ts);
    if (granted) whenReady(() => release(event));
    else if (held.length < MAX_HELD) held.push(event);
  };

  const pages = pageLifecycle(options ?? ({} as InitOptions), capture, whenReady, visit.current, () => lastActivity, (type) => (vitalsPageType ??= type));

  if (!cookieless) ask = duePrompts(site, endpoint, store, loadPrompt, capture);

  const onHidden = () => {
    getReady();
    withoutAdapter();
    pages.begin();
    pages.settle();
    releaseCart();
    const props = vitals?.take(vitalsPageType ?? 'page_view');
    if (props) capture('web_vitals', props);
    // Before consent, nothing is queued and nothing may be stored (not even the tab lock).
    if (granted) void box!.flush(true);
  };

  const api: Waymark = {
    track(type, props = {}, { stage } = {}) {
      if (refused(type, props, stage)) return void warn('refused', type);
      capture(type, normaliseProps(props), { stage: TOUCHPOINT.test(type) ? undefined : stage });
    },
    page(type, props) {
      if (type && refused(type, props ?? {})) return void warn('refused', type);
      pages.start(type, props && normaliseProps(props));
    },
    identify(userId) {
      user = userId && String(userId).slice(0, 256);
      named = 1;
      if (granted) whenReady(() => (user ? store.set(USER_KEY, user) : store.del(USER_KEY)));
    },
    consent(yes) {
      granted = !!yes;
      if (yes) {
        const now = held.splice(0);
        whenReady(() => {
          now.forEach(release);
          if (user) store.set(USER_KEY, user);
        });
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
    // Asked to send now: storage may be touched now.
    flush: async () => void (granted && !stopped && (getReady(), await box!.flush())),
    shutdown() {
      onHidden();
      stopped = true;
      pages.stop();
      listening.abort();
      stops.forEach((stop) => stop());
      box?.stop();
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
      pages.start();
    });
    if (autocapture) {
      startAdapter(options.platform, loadAdapter);
      const shop = interactions(pages, capture, api.track, on);
      stops = shop.stops;
      releaseCart = shop.release;
    }
    queueMicrotask(pages.begin);
    whenIdle(getReady, 2000);
    const startVitals = () => whenIdle(() => !stopped && (vitals = webVitals(loadVitals)), 5000);
    document.readyState == 'complete' ? startVitals() : on(window, 'load', startVitals);
    if (granted) setTimeout(api.flush, 1000);
  } catch (error) {
    warn('refused', error);
  }
  return api;
}
