import type { PageType, Props } from '../core/types.ts';
import type { Signals } from './pageSignals.ts';
import { marked, markedElements } from './signals/dataAttributes.ts';
import { accountView } from './touchpoints/accountView.ts';
import { cartView } from './touchpoints/cartView.ts';
import { checkoutStart } from './touchpoints/checkoutStart.ts';
import { checkoutStep } from './touchpoints/checkoutStep.ts';
import { orderComplete } from './touchpoints/orderComplete.ts';
import { orderTrackingView } from './touchpoints/orderTrackingView.ts';
import { productListView } from './touchpoints/productListView.ts';
import { productView } from './touchpoints/productView.ts';
import { returnStart } from './touchpoints/returnStart.ts';
import { siteSearch } from './touchpoints/siteSearch.ts';

/** Page detectors, the most specific first: a page is the first type that matches. */
const DETECTORS: [PageType, (s: Signals) => Props | undefined][] = [
  ['order_complete', orderComplete],
  ['order_tracking_view', orderTrackingView],
  ['return_start', returnStart],
  ['cart_view', cartView],
  ['checkout_step', checkoutStep],
  ['checkout_start', checkoutStart],
  ['site_search', siteSearch],
  ['product_view', productView],
  ['product_list_view', productListView],
  ['account_view', accountView],
];

/** The page touchpoint types. */
export const PAGE_TYPES: string[] = ['page_view', ...DETECTORS.map(([type]) => type)];

/**
 * The page's touchpoint: a `data-waymark` page type, else the first detector that matches
 * from what the dataLayer, structured data, platform and markup say, and URL rules only
 * when none of them matched.
 */
export function detect(s: Signals): [string, Props?] {
  for (const element of markedElements()) {
    const found = marked(element);
    if (PAGE_TYPES.includes(found[0])) return found;
  }
  for (const urls of [false, true]) {
    s.urls = urls;
    for (const [type, detector] of DETECTORS) {
      const props = detector(s);
      if (props) return [type, props];
    }
  }
  return ['page_view'];
}
