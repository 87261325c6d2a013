import type { WebVitalsApi } from './capture/touchpoints/webVitals.ts';
import { loadChunk } from './core/loadChunk.ts';
import type { InitOptions, Waymark } from './core/options.ts';
import { createWaymark } from './core/waymark.ts';
import { importAdapter } from './platforms/load.ts';
import type { ShowPrompt } from './prompts/promptConfig.ts';

/**
 * Starts Waymark in the page and returns its API. Importing the package does nothing;
 * this call does. Never throws into the page.
 * @example
 * import { init } from '@waymark/sdk';
 * const waymark = init({ site: 'wm_live_123', endpoint: 'https://collector.example' });
 * waymark.identify('customer-4711');
 */
export function init(options: InitOptions): Waymark {
  return createWaymark(
    options,
    () => import('web-vitals') as Promise<WebVitalsApi>,
    // The collector serves the prompt widget next to waymark.js; an SPA bundle need not carry it.
    () => loadChunk<ShowPrompt>(`${options?.endpoint}/waymark-prompt.js`, 'waymarkPrompt'),
    importAdapter,
  );
}
