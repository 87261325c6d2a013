import type { Signals } from '../pageSignals.ts';
import type { Props } from '../../core/types.ts';

/** The customer account pages, by body class or URL rule. */
export function accountView(s: Signals): Props | undefined {
  return s.rule('account_view') ? {} : undefined;
}
