import { sniff } from '../platforms/sniff.ts';
import { safely } from '../lib/safely.ts';
import { hasFacts, pick, toAmount, toCurrency, toProduct, toText } from '../lib/toProduct.ts';
import type { Adapter, AdapterFactory } from './adapter.ts';
import { whenIdle } from './whenIdle.ts';

const LIB = { pick, toProduct, toAmount, toCurrency, toText, hasFacts };

/** The adapters of the page's platform: none, or the one the sniff found (or `init` named). */
let adapters: Adapter[] = [];
/** What waits for the adapter while it is fetched. */
let waiting: (() => void)[] | undefined;
/** The wait of the adapter being fetched: a later start or shutdown makes another. */
let fetching: unknown;

/** Sets the page's adapters. */
export const useAdapters = (factories: AdapterFactory[]): void => void (adapters = factories.map((factory) => factory(LIB)));

/**
 * Picks the page's adapter: the one given, else the one the sniff names, fetched by `load`
 * (a chunk next to `waymark.js`, or a dynamic import) once the page is idle (SPEC §5: no
 * request or script of ours among the page's own as it loads). Until it arrived,
 * `whenAdapter` holds what needs it.
 */
export function startAdapter(platform: string | AdapterFactory | undefined, load: (name: string) => Promise<AdapterFactory | undefined>): void {
  adapters = [];
  waiting = fetching = undefined;
  if (typeof platform == 'function') return useAdapters([platform]);
  const name = platform || sniff();
  if (!name) return;
  const held: (() => void)[] = (waiting = fetching = []);
  const done = () => {
    if (waiting == held) waiting = undefined;
    held.splice(0).forEach((run) => run());
  };
  whenIdle(() => load(name).then((factory) => fetching == held && factory && useAdapters([factory])).then(done, done), 2000);
}

/**
 * The page is being hidden or left before its adapter arrived: what waits for it runs now,
 * without it, rather than never. An adapter arriving later still reads what follows.
 */
export function withoutAdapter(): void {
  const held = waiting;
  waiting = undefined;
  held?.splice(0).forEach((run) => run());
}

/** Runs `run` now, or once the page's adapter arrived (or failed to). */
export const whenAdapter = (run: () => void): void => void (waiting ? waiting.push(safely(run)) : run());

/** True while the page's adapter is being fetched. */
export const adapterPending = (): boolean => !!waiting;

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
