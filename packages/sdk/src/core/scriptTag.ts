import type { Loose } from '../lib/toProduct.ts';
import type { AdapterFactory } from './adapter.ts';
import { loadChunk } from './loadChunk.ts';
import type { InitOptions, Waymark } from './options.ts';
import { createWaymark } from './waymark.ts';

/**
 * The script tag: `<script defer src="https://collector.example/waymark.js" data-site="wm_…"></script>`.
 * Options come from `data-*` attributes (`data-platform` names the adapter); calls queued
 * by the `window.waymark` stub before the script loaded are replayed, and
 * `window.waymark(method, ...args)` calls the API from then on. Without `data-site`, a
 * queued `waymark('init', options)` starts it. Its chunks (web-vitals, the feedback prompt,
 * the platform's adapter unless `inline` brings it) are fetched from next to it.
 */
export function scriptTag(inline?: AdapterFactory): void {
  try {
    const w = window as Loose;
    const script = document.currentScript as HTMLScriptElement | null;
    const src = script?.src || location.href;
    const data: Loose = script?.dataset ?? {};
    const queued: IArguments[] = w.waymark?.q ?? [];
    const chunk = (file: string, global: string) => () => loadChunk<any>(new URL(file, src).href, global);
    let api: Waymark | undefined;
    const start = (options?: Partial<InitOptions>) =>
      (api = createWaymark(
        {
          site: data.site,
          endpoint: data.endpoint || new URL(src).origin,
          consent: data.consent,
          autocapture: data.autocapture != 'false',
          cookieless: 'cookieless' in data,
          debug: 'debug' in data,
          pages: data.pages && JSON.parse(data.pages),
          platform: inline ?? data.platform,
          ...options,
        },
        chunk('waymark-vitals.js', 'waymarkVitals'),
        chunk('waymark-prompt.js', 'waymarkPrompt'),
        (name) => chunk(`waymark-adapter-${name}.js`, 'waymarkAdapter')(),
      ));
    w.waymark = (method: string, ...args: unknown[]) =>
      method == 'init' ? api || start(args[0] as InitOptions) : (api as Loose)?.[method]?.(...args);
    if (data.site) start();
    for (const args of queued) w.waymark(...args);
  } catch {}
}
