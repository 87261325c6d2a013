import type { WireEvent } from '@waymark/schema';
import { nanoid } from 'nanoid';
import { propsJson } from '../../lib/fitProps.ts';
import { storage, type Store } from './storage.ts';

export const TAB_KEY = 'wm_t';

/** A tab's queue: `t` last write, `e` events, `f` the time each event's batch left, while in flight. */
export interface Queue {
  t: number;
  e: WireEvent[];
  f: Record<string, number>;
}

/**
 * Each event's JSON, made once: the queue's writes and the batches reuse it. Its props'
 * JSON, made when they were measured against the size limit, goes in as is.
 */
const made = new WeakMap<WireEvent, string>();
export function toJson(event: WireEvent): string {
  let json = made.get(event);
  if (!json) {
    const props = event.props && propsJson.get(event.props);
    json = props ? JSON.stringify({ ...event, props: undefined }).slice(0, -1) + ',"props":' + props + '}' : JSON.stringify(event);
    made.set(event, json);
  }
  return json;
}

/**
 * The persisted queue of this tab (`wm_q_{site}.{tab}`, the tab's id in sessionStorage so a
 * reload keeps it), and the queues of the site's other tabs: Chromium's localStorage is not
 * consistent across renderer processes from one moment to the next, so tabs appending to
 * one shared queue lose events.
 *
 * Queuing is cheap: this tab's queue is parsed only when the store holds something other
 * than what this page last wrote (another tab adopted it), and a write joins the events'
 * JSON made once per event instead of serialising the whole queue again.
 */
export function tabQueue(store: Store, site: string) {
  const tabs = storage('sessionStorage');
  const tab = tabs.get(TAB_KEY) || nanoid(8);
  const prefix = 'wm_q_' + site + '.';
  const mine = prefix + tab;
  let written: string | null | undefined;
  let queue: Queue | undefined;
  return {
    tabs,
    tab,
    read(key = mine): Queue {
      const raw = store.get(key);
      if (key == mine && queue && raw == written) return queue;
      try {
        const read = JSON.parse(raw!);
        read.f ||= {};
        return read;
      } catch {
        return { t: 0, e: [], f: {} };
      }
    },
    // Beyond 500 events the oldest go: a shop offline for days must not fill the quota.
    write({ e, f }: Queue): void {
      e = e.slice(-500);
      queue = { t: Date.now(), e, f };
      written = e[0] ? `{"t":${queue.t},"e":[${e.map(toJson)}],"f":${JSON.stringify(f)}}` : null;
      written ? store.set(mine, written) : store.del(mine);
    },
    others: () => store.keys().filter((key) => key.startsWith(prefix) && key != mine),
  };
}
