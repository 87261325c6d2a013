import { nanoid } from 'nanoid';
import type { Store } from './delivery/storage.ts';

/** A visit ends after 30 minutes without activity, as in GA and most analytics tools. */
export const VISIT_TIMEOUT_MS = 30 * 60 * 1000;
const KEY = 'wm_s';

/**
 * The visit (`session`) id, shared by the tabs of one store, as `id.lastActivity`.
 */
export function visits(store: Store) {
  const read = (now: number) => {
    const [id, last] = (store.get(KEY) ?? '').split('.');
    return id && now - Number(last) < VISIT_TIMEOUT_MS ? id : undefined;
  };
  return {
    /** The current visit, without touching it; undefined when the next page starts a visit. */
    current: read,
    /** Records activity, starting a visit when none is current; returns its id. */
    touch(now: number): string {
      const id = read(now) ?? 's_' + nanoid();
      store.set(KEY, id + '.' + now);
      return id;
    },
  };
}
