import { loadChunk } from './core/loadChunk.ts';
import type { InitOptions, Waymark } from './core/options.ts';
import { useAdapters } from './core/platform.ts';
import { createWaymark } from './core/waymark.ts';
import type { Loose } from './lib/toProduct.ts';
import { PLATFORMS } from './platforms/index.ts';

/**
 * The script-tag entry (`waymark.js`):
 * `<script defer src="https://collector.example/waymark.js" data-site="wm_…"></script>`.
 * Options come from `data-*` attributes; calls queued by the `window.waymark` stub before
 * the script loaded are replayed (its chunks, web-vitals and the feedback prompt, are loaded from next to it), and `window.waymark(method, ...args)` calls the API from
 * then on. Without `data-site`, a queued `waymark('init', options)` starts it.
 */
try {
  const w = window as Loose;
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src || location.href;
  const data: Loose = script?.dataset ?? {};
  const queued: IArguments[] = w.waymark?.q ?? [];
  let api: Waymark | undefined;
  const start = (options?: Partial<InitOptions>) =>
    (useAdapters(Object.values(PLATFORMS)),
    api = createWaymark(
      {
        site: data.site,
        endpoint: data.endpoint || new URL(src).origin,
        consent: data.consent,
        autocapture: data.autocapture != 'false',
        cookieless: 'cookieless' in data,
        debug: 'debug' in data,
        pages: data.pages && JSON.parse(data.pages),
        ...options,
      },
      () => loadChunk(new URL('waymark-vitals.js', src).href, 'waymarkVitals'),
      () => loadChunk(new URL('waymark-prompt.js', src).href, 'waymarkPrompt'),
    ));
  w.waymark = (method: string, ...args: unknown[]) =>
    method == 'init' ? api || start(args[0] as InitOptions) : (api as Loose)?.[method]?.(...args);
  if (data.site) start();
  for (const args of queued) w.waymark(...args);
} catch {}
