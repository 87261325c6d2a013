import type { PageTouchpointType, Stage } from '@waymark/schema';
import type { AdapterFactory } from './adapter.ts';
import type { PageRules } from '../capture/signals/urlRules.ts';

export interface InitOptions {
  /** The site's public key, `wm_…`. */
  site: string;
  /** The collector's origin, e.g. `https://collector.example`; events go to `{endpoint}/v1/collect`. */
  endpoint: string;
  /**
   * Detect touchpoints from the page (structured data, dataLayer, platform objects,
   * cart forms and requests, `data-waymark`, URL rules) and follow SPA navigations.
   * Default `true`. With `false`, only `page()`, `track()` and the other calls send.
   */
  autocapture?: boolean;
  /** `'required'`: store and send nothing until `consent(true)`. Default `'granted'`. */
  consent?: 'granted' | 'required';
  /**
   * URL rules per page type, replacing the built-in ones: a RegExp or its source, tested
   * against `path?query#hash`; `false` turns the type's built-in detection by URL off.
   * @example { cart_view: '^/panier', order_complete: /\/merci/ }
   */
  pages?: PageRules;
  /** No persistent id (set by itself under Global Privacy Control or Do Not Track). */
  cookieless?: boolean;
  /** Log refused calls and collector rejections with `console.warn`. */
  debug?: boolean;
  /**
   * The shop's platform: its adapter, imported from `@waymark/sdk/platforms/<name>`
   * (in the bundle, no request), or its name (the package README lists them; fetched as a
   * chunk). Without it, the page's sniff picks the adapter, fetched as a chunk. Default: the one the page's sniff finds, if any.
   */
  platform?: string | AdapterFactory;
}

export interface TrackOptions {
  /** The journey stage of a custom type (required for custom types). */
  stage?: Stage;
}

export interface Waymark {
  /**
   * Records an event: a touchpoint type of SPEC §3 with its props, or a custom type
   * (`^[a-z][a-z0-9_]{0,63}$`) with its stage.
   * @example waymark.track('cart_add', { product: { id: 'SKU-1', price: 19.99, currency: 'EUR', quantity: 1 } })
   * @example waymark.track('gift_card_view', {}, { stage: 'consideration' })
   */
  track(type: string, props?: Record<string, unknown>, options?: TrackOptions): void;
  /**
   * Starts a new page: a `landing` when it starts a visit, then the given page touchpoint,
   * or, without a type, the detected one (`page_view` when autocapture is off).
   * @example waymark.page() // after a navigation the History API does not show
   * @example waymark.page('order_complete', { order_id: '1001', revenue: 59.9, currency: 'EUR' })
   */
  page(type?: PageTouchpointType, props?: Record<string, unknown>): void;
  /**
   * Names the shop's customer on this and later events; `null` on logout.
   * @example waymark.identify('customer-4711')
   */
  identify(userId: string | null): void;
  /**
   * Grants (`true`: held events are sent) or withdraws (`false`: ids and queue are erased,
   * nothing more is sent) consent.
   * @example cmp.on('accept', () => waymark.consent(true))
   */
  consent(granted: boolean): void;
  /**
   * Records a `feedback`: a rating from 1 to 5, a comment, and the stage it is about.
   * @example waymark.feedback(5, 'Quick delivery', 'purchase')
   */
  feedback(rating: number, comment?: string, about?: Stage): void;
  /**
   * Sends the queued events now.
   * @example await waymark.flush()
   */
  flush(): Promise<void>;
  /**
   * Sends what is pending and stops: listeners removed, hooks turned off.
   * @example waymark.shutdown()
   */
  shutdown(): void;
}
