import { own } from '../hooks/requests.ts';

/** The browser's own fetch, not a wrapper (a wrapper may throw, or swallow keepalive requests). */
const native = (f: unknown): f is typeof fetch => /^function fetch\(\) {\s*\[native/.test(String(f));
// Taken as the script is evaluated: a tag that replaces fetch later cannot stand in the way.
const early = globalThis.fetch;

/**
 * Sends a batch (SPEC §5) and resolves with the answer, undefined when no answer can be
 * known (a beacon), or rejects on a network error. The native fetch with keepalive first:
 * it outlives the page and answers. When the page has no native fetch (missing, replaced,
 * wrapped: a wrapper may throw or swallow keepalive requests), or, as the page goes away,
 * keepalive fails (its 64 KiB quota is shared by the page's scripts): sendBeacon while
 * leaving (it outlives the page), then XMLHttpRequest. A live page skips the beacon: XHR
 * answers, so its events can leave the queue instead of waiting for the next page to send
 * them again. A string body goes as `text/plain`, so no request needs a CORS preflight.
 * The SDK's own requests are marked so its request hooks let them pass.
 */
export function transport(): (url: string, body: string, leaving?: unknown) => Promise<Response | undefined> {
  // And the one at start: the module may have been evaluated before a polyfill installed fetch.
  const started = globalThis.fetch;
  return async (url, body, leaving) => {
    const send = [early, started, globalThis.fetch].find(native);
    try {
      const init: RequestInit = { method: 'POST', body, keepalive: true };
      own.add(init);
      return await send!(url, init);
    } catch (error) {
      // A live page's native fetch failing is the network: the caller retries later.
      if (send && !leaving) throw error;
    }
    try {
      if (leaving && navigator.sendBeacon(url, body)) return;
    } catch {}
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      own.add(request);
      request.open('POST', url);
      // What the outbox reads of a Response; building one could throw on an odd status.
      request.onload = () =>
        resolve({ status: request.status, headers: { get: (name: string) => request.getResponseHeader(name) }, json: async () => JSON.parse(request.response) } as Response);
      request.onerror = reject;
      request.send(body);
    });
  };
}
