import type { InitOptions, Waymark } from './init.ts';
import type { Loose } from './lib/toProduct.ts';
import { createTracker } from './tracker.ts';
import type { WebVitalsApi } from './touchpoints/webVitals.ts';

/**
 * The script-tag entry (`waymark.js`):
 * `<script defer src="https://collector.example/waymark.js" data-site="wm_…"></script>`.
 * Options come from `data-*` attributes; calls queued by the `window.waymark` stub before
 * the script loaded are replayed, and `window.waymark(method, ...args)` calls the API from
 * then on. Without `data-site`, a queued `waymark('init', options)` starts it.
 */
(() => {
  const w = window as Loose;
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src || location.href;
  const data = script?.dataset ?? {};
  const queued: IArguments[] = w.waymark?.q ?? [];
  let api: Waymark | undefined;
  const start = (options: Partial<InitOptions>) => {
    let pages;
    try {
      pages = data.pages && JSON.parse(data.pages);
    } catch {}
    api = createTracker(
      {
        site: data.site!,
        endpoint: data.endpoint || new URL(src).origin,
        consent: data.consent as InitOptions['consent'],
        autocapture: data.autocapture != 'false',
        cookieless: 'cookieless' in data,
        debug: 'debug' in data,
        pages,
        ...options,
      },
      () =>
        new Promise<WebVitalsApi>((resolve, reject) => {
          const chunk = document.createElement('script');
          chunk.src = new URL('waymark-vitals.js', src).href;
          chunk.onload = () => resolve(w.waymarkVitals);
          chunk.onerror = reject;
          document.head.appendChild(chunk);
        }),
    );
  };
  w.waymark = (method: string, ...args: unknown[]) => {
    if (method == 'init' && !api) return start(args[0] as InitOptions);
    return (api as Loose)?.[method]?.(...args);
  };
  if (data.site) start({});
  for (const args of queued) {
    try {
      w.waymark(...args);
    } catch {}
  }
})();
