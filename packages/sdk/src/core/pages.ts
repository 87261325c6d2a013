import { detect } from '../capture/detect.ts';
import { pageSignals, type Signals } from '../capture/pageSignals.ts';
import { landing } from '../capture/touchpoints/landing.ts';
import { safely } from '../lib/safely.ts';
import { scrubUrl } from '../lib/scrubUrl.ts';
import type { Loose } from '../lib/toProduct.ts';
import type { InitOptions } from './options.ts';
import { adapterPending, whenAdapter } from './platform.ts';
import type { Capture, Props } from './types.ts';
import { VISIT_TIMEOUT_MS } from './visits.ts';
import { whenIdle } from './whenIdle.ts';

export interface Page {
  url: URL;
  ts: number;
  signals: Signals;
  type?: string;
  props?: Props;
  waited?: 1;
}

/**
 * The pages of the tab (SPEC §4): each starts (the first after the calls made right after
 * init, later ones on SPA navigations and back/forward restores), gets a `landing` when it
 * starts a visit, and is decided once — when the main thread is idle, or at once when the
 * page is left or navigated away from first.
 */
export function pageLifecycle(
  { autocapture = true, pages: rules }: InitOptions,
  capture: Capture,
  whenReady: (run: () => void) => void,
  visitOf: (ts: number) => unknown,
  lastActivity: () => number,
  onType: (type: string) => void,
) {
  let page: Page | undefined;
  let started: unknown;
  let timer: ReturnType<typeof setTimeout>;
  let cancelIdle: (() => void) | undefined;
  /** The dataLayer events pushed for the current page, by name. */
  let dlEvents = new Map<string, Loose>();

  const setType = (type: string, props: Props = {}) => {
    page!.type = type;
    page!.props = props;
    onType(type);
    capture(type, props, { ts: page!.ts, url: scrubUrl(page!.url.href) });
  };

  /** Decides the page's type; `idle`: called when the page went quiet, not because it is left. */
  const settle = (idle?: unknown) => {
    if (!page || page.type) return;
    // The platform's adapter is on its way: it decides better (unless the page is left first).
    if (idle && adapterPending()) return whenAdapter(() => settle(idle));
    clearTimeout(timer);
    cancelIdle?.();
    const [type, props] = autocapture ? detect(page.signals) : ['page_view'];
    // A thank-you page known by its URL or markup alone often gets its purchase pushed late
    // (tag modules loaded through a module loader): its order waits up to 5 s more for it.
    if (idle && type == 'order_complete' && !props!.revenue && !page.waited) {
      page.waited = 1;
      timer = setTimeout(safely(settle), 5000);
    } else setType(type, props);
  };

  const start = (type?: string, props?: Props) => {
    started = 1;
    settle();
    const ts = Date.now();
    const url = new URL(location.href);
    // Whether a visit is current is in storage: asked once storage may be touched (in order,
    // before this page's events are released).
    if (ts - lastActivity() > VISIT_TIMEOUT_MS) {
      const ref = (!page && document.referrer && scrubUrl(document.referrer)) || undefined;
      whenReady(() => visitOf(ts) || capture('landing', landing(url), { ts, ref }));
    }
    if (page) dlEvents = new Map();
    page = { url, ts, signals: pageSignals(url, rules, dlEvents) };
    if (type) setType(type, props);
    // Give the page (a framework's render after pushState, GTM's pushes) a moment, then
    // decide when the main thread is free.
    else if (autocapture) timer = setTimeout(() => (cancelIdle = whenIdle(safely(() => settle(1)), 2000)), 500);
    else settle();
  };

  return {
    start,
    settle,
    setType,
    /** The first page starts with the first call or event. */
    begin: () => started || start(),
    page: () => page,
    dlEvents: () => dlEvents,
    stop() {
      clearTimeout(timer);
      cancelIdle?.();
    },
  };
}

export type Pages = ReturnType<typeof pageLifecycle>;
