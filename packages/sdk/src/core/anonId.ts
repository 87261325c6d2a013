import { nanoid } from 'nanoid';
import type { Store } from './delivery/storage.ts';

const KEY = 'wm_a';

/** The anonymous visitor id: made once, kept in localStorage (never a cookie). */
export function anonId(store: Store): string {
  let id = store.get(KEY);
  if (!id) store.set(KEY, (id = 'a_' + nanoid()));
  return id;
}
