import type { WireEvent } from '@waymark/schema';
import { nanoid } from 'nanoid';
import { storage, type Store } from './storage.ts';

export const TAB_KEY = 'wm_t';

/** A tab's queue: `t` last write, `e` events, `f` the time each event's batch left, while in flight. */
export interface Queue {
  t: number;
  e: WireEvent[];
  f: Record<string, number>;
}

/**
 * The persisted queue of this tab (`wm_q_{site}.{tab}`, the tab's id in sessionStorage so a
 * reload keeps it), and the queues of the site's other tabs: Chromium's localStorage is not
 * consistent across renderer processes from one moment to the next, so tabs appending to
 * one shared queue lose events.
 */
export function tabQueue(store: Store, site: string) {
  const tabs = storage('sessionStorage');
  const tab = tabs.get(TAB_KEY) || nanoid(8);
  const prefix = 'wm_q_' + site + '.';
  const mine = prefix + tab;
  return {
    tabs,
    tab,
    read(key = mine): Queue {
      try {
        const queue = JSON.parse(store.get(key)!);
        queue.f ||= {};
        return queue;
      } catch {
        return { t: 0, e: [], f: {} };
      }
    },
    // Beyond 500 events the oldest go: a shop offline for days must not fill the quota.
    write: ({ e, f }: Queue) => (e[0] ? store.set(mine, JSON.stringify({ t: Date.now(), e: e.slice(-500), f })) : store.del(mine)),
    others: () => store.keys().filter((key) => key.startsWith(prefix) && key != mine),
  };
}
