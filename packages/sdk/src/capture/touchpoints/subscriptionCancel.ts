import { selector } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { subscriptionAction } from '../signals/subscriptions.ts';
import type { PageRules } from '../signals/urlRules.ts';

/**
 * `subscription_cancel`: a cancel button, link or form of the platform's subscription apps,
 * or a form or request sent to a URL the `subscription_cancel` rule matches.
 */
export const subscriptionCancel = (element: Element | undefined, url: string | undefined, rules?: PageRules): Props | undefined =>
  subscriptionAction('subscription_cancel', selector((adapter) => adapter.subscriptionCancel), element, url, rules);
