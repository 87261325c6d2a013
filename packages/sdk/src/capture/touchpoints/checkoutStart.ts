import type { Signals } from '../pageSignals.ts';
import { ga4Cart } from '../signals/dataLayer.ts';
import { ask } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';

/** The checkout page: the dataLayer's `begin_checkout`, a body class or URL rule (with the platform's cart). */
export function checkoutStart(s: Signals): Props | undefined {
  const begin = s.dl('begin_checkout');
  return begin ? ga4Cart(begin) : s.rule('checkout_start') ? (ask((adapter) => adapter.cart?.()) ?? {}) : undefined;
}
