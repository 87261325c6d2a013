import { afterEach, beforeEach, expect, vi } from 'vitest';
import { byType, capture, loadPage, pageEvents } from './helpers.ts';

/** A storefront page rendered from a platform's own templates (fixtures/real*.ts). */
export interface Fixture {
  url: string;
  html: string;
  globals?: Record<string, unknown>;
}

/** The page's XHRs go nowhere in tests: only what the SDK sees of them matters. Call at the top of a test file. */
export function muteXhr(): void {
  const realSend = XMLHttpRequest.prototype.send;
  beforeEach(() => {
    XMLHttpRequest.prototype.send = function () {};
  });
  afterEach(() => {
    XMLHttpRequest.prototype.send = realSend;
    vi.restoreAllMocks();
  });
}

export const open = (fixture: Fixture) => loadPage(fixture.url, fixture.html, fixture.globals);

/** The one page touchpoint of a fixture. */
export async function pageOf(fixture: Fixture) {
  open(fixture);
  const pages = pageEvents(await capture());
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

/** jQuery's `$.ajax` and the platforms' own HTTP clients: an XMLHttpRequest with `X-Requested-With`. */
export const xhr = (method: string, url: string, body?: string | FormData | null) => {
  const request = new XMLHttpRequest();
  request.open(method, url);
  request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
  request.send(body ?? null);
};

/** A click as the shopper makes it; the platform's own handler prevents the default action. */
export const click = (element: Element) => {
  const prevent = (event: Event) => event.preventDefault();
  document.addEventListener('click', prevent);
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  document.removeEventListener('click', prevent);
};

/** The SDK decides the page type 0.5 s after load, when the main thread is idle (2 s at most): a shopper's review or wish-list click comes later. */
export const settled = () => new Promise((resolve) => setTimeout(resolve, 2600));

export const $ = (selector: string) => document.querySelector(selector) as HTMLElement;
export const $input = (selector: string) => document.querySelector(selector) as HTMLInputElement;
export const $form = (selector: string) => document.querySelector(selector) as HTMLFormElement;
export const productOf = (events: Awaited<ReturnType<typeof capture>>, type: string) => byType(events, type)[0]?.props?.product as Record<string, unknown> | undefined;
