import { hasFacts, pick, toAmount, toCurrency, toProduct, toText } from '../lib/toProduct.ts';
import type { Adapter, AdapterFactory } from './adapter.ts';

const LIB = { pick, toProduct, toAmount, toCurrency, toText, hasFacts };

/** The adapters of the page's platform: none, or the one the sniff found (or `init` named). */
let adapters: Adapter[] = [];

/** Sets the page's adapters (a new `init` starts from none). */
export const useAdapters = (factories: AdapterFactory[]): void => void (adapters = factories.map((factory) => factory(LIB)));

/** The first answer of the page's adapters. */
export function ask<T>(question: (adapter: Adapter) => T | undefined | false | null | void): T | undefined {
  for (const adapter of adapters) {
    const answer = question(adapter);
    if (answer != null && answer !== false) return answer;
  }
  return undefined;
}

/** The adapters' selectors of one kind, as one selector ('' when none has any). */
export const selector = (read: (adapter: Adapter) => string | undefined): string => adapters.map(read).filter(Boolean).join(',');

/** The first element of the adapters' selectors of one kind. */
export const query = (read: (adapter: Adapter) => string | undefined): Element | null => {
  const css = selector(read);
  return css ? document.querySelector(css) : null;
};

/** Every adapter's transform of a value, in turn. */
export const each = <T>(value: T, step: (adapter: Adapter, value: T) => T): T => adapters.reduce((current, adapter) => step(adapter, current), value);
