import type { Loose } from '../../lib/toProduct.ts';
import { patch } from './patch.ts';

/** Requests the SDK sends itself: its hooks let them pass unseen. */
export const own = new WeakSet<object>();

/**
 * Calls `listener` with each request the page makes by fetch or XHR (method, URL, body),
 * at the moment it leaves: an add to cart counts even when its answer comes after the page
 * is gone. Only records; what a request means is capture's business.
 */
export function requests(listener: (method: string | undefined, url: unknown, body: unknown) => void): () => void {
  const xhr = XMLHttpRequest.prototype as Loose;
  const stops = [
    // Before the original: a Request's body is used once fetch took it, and can no longer be cloned.
    patch(window, 'fetch', () => {}, (_, [input, init]: (RequestInfo | URL | RequestInit | undefined)[] & any) => {
      if (init && own.has(init)) return;
      if (input instanceof Request) {
        input.clone().text().then((text) => listener(input.method, input.url, text), () => {});
      } else listener(init?.method, input, init?.body);
    }),
    patch(xhr, 'open', (request, [method, url]) => {
      request._waymark = [method, url];
    }),
    patch(xhr, 'send', (request, [body]) => {
      if (request._waymark && !own.has(request)) listener(request._waymark[0], request._waymark[1], body);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
