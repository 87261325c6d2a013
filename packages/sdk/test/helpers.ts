import { validateEvent, type CollectBatch, type WireEvent } from '@waymark/schema';
import { vi } from 'vitest';
import { init, type InitOptions, type Waymark } from '../src/index.ts';
import { PLATFORMS } from './adapters.ts';
import { sniff } from '../src/platforms/sniff.ts';

const GLOBALS = ['dataLayer', 'ShopifyAnalytics', 'Shopify', 'waymark', 'prestashop', 'BCData'];

/** Opens `html` at `url` as the current page, after cleaning what the last test left. */
export function loadPage(url: string, html: string, globals: Record<string, unknown> = {}): void {
  for (const name of GLOBALS) delete (window as any)[name];
  localStorage.clear();
  sessionStorage.clear();
  (window as any).happyDOM.setURL(url);
  document.open();
  document.write(html);
  document.close();
  Object.assign(window, globals);
}

export interface Sent {
  url: string;
  batch: CollectBatch;
}

/**
 * Replaces fetch with a recorder answering `respond(batch)` (202 by default) and returns
 * the bodies sent so far as they arrive.
 */
export function recordFetch(respond: (batch: CollectBatch) => Response | Promise<Response> = accept) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, request?: RequestInit) => {
    // The shop's own requests (cart endpoints) get an empty answer; a Request's body is
    // used, as a real fetch uses it.
    if (url instanceof Request) await url.text();
    if (!String(url).includes('/v1/collect')) return new Response('{}');
    const batch = JSON.parse(String(request?.body)) as CollectBatch;
    sent.push({ url: String(url), batch });
    return respond(batch);
  });
  // It stands for the browser's own fetch, which the SDK prefers to a page's wrapper.
  fetch.toString = () => 'function fetch() { [native code] }';
  (globalThis as any).fetch = fetch;
  return { sent, fetch, events: () => sent.flatMap(({ batch }) => batch.events) };
}

export const accept = (batch: CollectBatch) =>
  new Response(JSON.stringify({ accepted: batch.events.length, duplicates: 0, rejected: [] }), { status: 202 });

/**
 * Starts the SDK on the current page, lets `act` interact, then shuts it down (the
 * page is left) and returns every event sent, each checked by the collector's rules.
 */
export async function capture(
  act: (waymark: Waymark) => void | Promise<void> = () => {},
  options: Partial<InitOptions> = {},
): Promise<WireEvent[]> {
  const { events } = recordFetch();
  // The adapter the sniff names, inline (as `waymark.<platform>.js` has it): a test that
  // leaves the page at once must not race the adapter's import.
  const platform = PLATFORMS[sniff()!];
  const waymark = init({ site: 'wm_test', endpoint: 'https://collector.test', platform, ...options });
  await act(waymark);
  waymark.shutdown();
  await flushPromises();
  const all = events();
  for (const event of all) {
    const check = validateEvent(event);
    if (!check.ok) throw new Error(`invalid ${event.type}: ${check.reason}\n${JSON.stringify(event)}`);
  }
  return all;
}

const PAGE_TYPES = /^(?:page_view|product_list_view|product_view|site_search|cart_view|checkout_start|checkout_step|order_complete|order_tracking_view|return_start|account_view)$/;

/** The page touchpoints among the events. */
export function pageEvents(events: WireEvent[]): WireEvent[] {
  return events.filter((event) => PAGE_TYPES.test(event.type));
}

/** Submits `form` the way a click on `submitter` does, without navigating. */
export function submit(form: HTMLFormElement, submitter?: HTMLElement | null): void {
  const event = new Event('submit', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'submitter', { value: submitter ?? null });
  form.dispatchEvent(event);
}

export const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

export const byType = (events: WireEvent[], type: string) => events.filter((event) => event.type == type);
