/**
 * Sends one body to the collector. `text/plain` keeps the request "simple", so neither
 * fetch nor sendBeacon waits for a CORS preflight. keepalive lets the request outlive the
 * page. When the page is going away and fetch fails (the keepalive quota is shared by all
 * scripts of the page; Firefox before 133 drops keepalive requests on unload), sendBeacon
 * takes over: nothing could retry later anyway. On a live page a failure is thrown, for
 * the caller to retry. Resolves to undefined when only a beacon went out.
 */
export async function postBatch(url: string, body: string, unloading: boolean): Promise<Response | undefined> {
  try {
    return await fetch(url, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'text/plain' } });
  } catch (error) {
    if (unloading && navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) return undefined;
    throw error;
  }
}
