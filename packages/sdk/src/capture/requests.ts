import { ask } from '../core/platform.ts';
import type { Props } from '../core/types.ts';
import type { Loose } from '../lib/toProduct.ts';
import { bodyFields } from '../lib/bodyFields.ts';
import { cartRequest } from './signals/cartRequest.ts';

/**
 * What a request the page makes means: a cart action and its product fields, or another
 * touchpoint the platform posts by script (newsletter sign-ups, reviews, checkout steps).
 */
export function readRequest(method: string | undefined, url: unknown, body: unknown): [type: string, props: Loose | Props] | undefined {
  return cartRequest(method, url, body) ?? ask((adapter) => adapter.request?.(String(url), bodyFields(body)));
}
