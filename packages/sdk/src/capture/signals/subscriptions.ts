import { query } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { toText } from '../../lib/toProduct.ts';
import { urlRule, type PageRules, type SubscriptionAction } from './urlRules.ts';

/** A subscription's number in a URL: `/subscriptions/123`, `view-subscription/123`, `?subscription_id=123`. */
const SUBSCRIPTION_ID = /subscriptions?(?:_id=|[/-])(\d+)/i;

/**
 * A subscription action seen: an element of the platform's subscription apps (`css`)
 * clicked or submitted, or a form or script request sent to a URL that the action's rule
 * matches. Its `subscription_id` comes from a `data-subscription-id`, the action's URL or
 * the page's, its product from where the platform's subscription page names it.
 */
export function subscriptionAction(type: SubscriptionAction, css: string, element: Element | undefined, url: string | undefined, rules: PageRules | undefined): Props | undefined {
  const link = element?.closest('a[href],form[action]');
  const target = url ?? link?.getAttribute('href') ?? link?.getAttribute('action') ?? '';
  if (!(css && element?.closest(css)) && !(url && urlRule(type, new URL(url, location.href), rules))) return undefined;
  const name = toText(query((adapter) => adapter.subscriptionProduct)?.textContent?.trim());
  return {
    subscription_id: toText(element?.closest<HTMLElement>('[data-subscription-id]')?.dataset.subscriptionId) ?? SUBSCRIPTION_ID.exec(target + ' ' + location.pathname + location.search)?.[1],
    product: name && { name },
  };
}
