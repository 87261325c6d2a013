import { selector } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { subscriptionAction } from '../signals/subscriptions.ts';
import type { PageRules } from '../signals/urlRules.ts';

/**
 * `subscription_renew`: a renew, renew-now or reactivate button, link or form of the
 * platform's subscription apps, or a form or request sent to a URL the `subscription_renew`
 * rule matches.
 */
export const subscriptionRenew = (element: Element | undefined, url: string | undefined, rules?: PageRules): Props | undefined =>
  subscriptionAction('subscription_renew', selector((adapter) => adapter.subscriptionRenew), element, url, rules);
