import type { Metric } from 'web-vitals';
import type { Props } from '../../core/types.ts';

type OnMetric = (report: (metric: Metric) => void, options: { reportAllChanges: boolean }) => void;
export type WebVitalsApi = Record<'onCLS' | 'onFCP' | 'onINP' | 'onLCP' | 'onTTFB', OnMetric>;

/**
 * The page's Core Web Vitals, for one `web_vitals` event when the page is hidden.
 * `reportAllChanges` keeps every value current: web-vitals reports CLS and INP from its
 * own visibilitychange listener, which runs after ours (it is added later), so waiting for
 * its final report would miss the flush.
 */
export function webVitals(load: () => Promise<WebVitalsApi>) {
  let values: Props | undefined = {};
  load().then(
    (api) => {
      for (const name of ['CLS', 'FCP', 'INP', 'LCP', 'TTFB'] as const) {
        api[`on${name}`]((metric) => {
          if (values) values[name.toLowerCase()] = name == 'CLS' ? +metric.value.toFixed(4) : Math.round(metric.value);
        }, { reportAllChanges: true });
      }
    },
    () => {},
  );
  return {
    /** The props to send now, once per page; undefined when sent already or nothing measured. */
    take(pageType: string): Props | undefined {
      const props = values && Object.keys(values).length ? { ...values, page_type: pageType } : undefined;
      if (props) values = undefined;
      return props;
    },
    /** A page restored from the back/forward cache measures anew. */
    reset: () => void (values = {}),
  };
}
