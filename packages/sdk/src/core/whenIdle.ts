/**
 * Runs `fn` once the main thread is idle, or after `timeout` ms at the latest; returns a
 * cancel function. Safari has no requestIdleCallback
 * (https://bugs.webkit.org/show_bug.cgi?id=164193): a timer stands in.
 */
export function whenIdle(fn: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback == 'function') {
    const handle = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, Math.min(timeout, 200));
  return () => clearTimeout(handle);
}
