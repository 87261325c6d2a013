import type { Signals } from '../pageSignals.ts';
import { ga4Cart } from '../signals/dataLayer.ts';
import { ask } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';

/** The cart page: the dataLayer's `view_cart` (value and items), a body class or URL rule (with the platform's cart). */
export function cartView(s: Signals): Props | undefined {
  const view = s.dl('view_cart');
  return view ? ga4Cart(view) : s.rule('cart_view') ? (ask((adapter) => adapter.cart?.()) ?? {}) : undefined;
}
