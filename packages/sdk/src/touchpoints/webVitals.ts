import type { Metric } from 'web-vitals';
import type { Props } from '../types.ts';

type OnMetric = (report: (metric: Metric) => void, options: { reportAllChanges: boolean }) => void;
export type WebVitalsApi = Record<'onCLS' | 'onFCP' | 'onINP' | 'onLCP' | 'onTTFB', OnMetric>;

/**
 * The page's Core Web Vitals, for one `web_vitals` event when the page is hidden.
 * `reportAllChanges` keeps every value current: web-vitals reports CLS and INP from its
 * own visibilitychange listener, which runs after ours (it is added later), so waiting for
 * its final report would miss the flush.
 */
export function webVitals(load: () => Promise<WebVitalsApi>) {
  let values: Props = {};
  let sent = false;
  load().then(
    (api) => {
      for (const name of ['CLS', 'FCP', 'INP', 'LCP', 'TTFB'] as const) {
        api[`on${name}`]((metric) => {
          values[name.toLowerCase()] = name == 'CLS' ? +metric.value.toFixed(4) : Math.round(metric.value);
        }, { reportAllChanges: true });
      }
    },
    () => {},
  );
  return {
    /** The props to send now, once per page; undefined when sent already or nothing measured. */
    take(pageType: string): Props | undefined {
      if (sent || !Object.keys(values).length) return undefined;
      sent = true;
      return { ...values, page_type: pageType };
    },
    /** A restored page measures anew. */
    reset(): void {
      values = {};
      sent = false;
    },
  };
}
