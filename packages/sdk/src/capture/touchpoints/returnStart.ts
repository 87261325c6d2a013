import type { Signals } from '../pageSignals.ts';
import { orderIdInUrl } from '../signals/urlRules.ts';
import type { Props } from '../../core/types.ts';

/** A returns page (RMA, merchandise returns, a new return), with the order of the URL. */
export function returnStart(s: Signals): Props | undefined {
  if (!s.rule('return_start')) return undefined;
  const order_id = orderIdInUrl(s.url);
  return order_id ? { order_id } : {};
}
