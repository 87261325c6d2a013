import type { Store } from './storage.ts';

/**
 * One sending tab at a time (SPEC §5): a 15 s lease `tab.expiry` in the shared store. Web
 * Locks would be exact but are asynchronous, and a `pagehide` flush has no time to wait for
 * them; the read-back after the write settles the rare race of two tabs taking a free
 * lease. The lease expires by itself, so a tab that dies mid-send blocks nobody for long.
 */
export function tabLock(store: Store, key: string, tab: string, ms = 15_000) {
  const mine = () => store.get(key)?.startsWith(tab + '.');
  return {
    acquire(): boolean | undefined {
      const [owner, expiry] = (store.get(key) || '').split('.');
      if (owner && owner != tab && +expiry! > Date.now()) return;
      store.set(key, tab + '.' + (Date.now() + ms));
      return mine();
    },
    release: () => void (mine() && store.del(key)),
  };
}
