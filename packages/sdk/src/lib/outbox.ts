import type { CollectResponse, WireEvent } from '@waymark/schema';
import { nanoid } from 'nanoid';
import { persistedQueue } from './persistedQueue.ts';
import { postBatch } from './postBatch.ts';
import { storage, type Store } from './storage.ts';
import { tabLock } from './tabLock.ts';

const LOCK_MS = 15_000;
const RETRY_KEY = 'wm_r';
const TAB_KEY = 'wm_t';
/** A queue nobody wrote for this long belongs to a tab that is gone: another tab sends it. */
const ORPHAN_MS = 60_000;

interface OutboxOptions {
  site: string;
  endpoint: string;
  store: Store;
  warn: (message: string, detail?: unknown) => void;
}

/**
 * Delivery of SPEC §5: events wait in a persisted queue, leave in batches a second after
 * they were queued or at once when the page is hidden, and come back to the queue when
 * the collector cannot take them (offline, 5xx: jittered exponential backoff; 429: its
 * Retry-After). The retry time is in the store so every tab and the next page honour it.
 * Each batch is taken out of the queue before it is sent, under the tab lock, so no event
 * leaves twice; an event the collector rejects, or a batch it refuses (400, 403, 413),
 * is dropped: sending it again would not change the answer.
 *
 * Each tab has its own queue (`wm_q_{site}.{tab}`, the tab's id in sessionStorage so a
 * reload keeps it): Chromium's localStorage is not consistent across renderer processes
 * from one moment to the next, so tabs appending to one shared queue lose events. The
 * lock still lets one tab send at a time, and the queues of tabs that are gone are
 * adopted by the next tab that sends.
 */
export function outbox({ site, endpoint, store, warn }: OutboxOptions) {
  const url = endpoint.replace(/\/+$/, '') + '/v1/collect';
  const tabs = storage('sessionStorage');
  const tab = tabs.get(TAB_KEY) ?? nanoid(8);
  const prefix = `wm_q_${site}.`;
  const queue = persistedQueue(store, prefix + tab);
  const lock = tabLock(store, 'wm_l_' + site, tab);
  const others = () => store.keys().filter((key) => key.startsWith(prefix) && key != prefix + tab);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending = false;
  let stopped = false;

  /** [retry time, attempts] */
  const retry = () => (store.get(RETRY_KEY) ?? '0.0').split('.').map(Number) as [number, number];
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  const backOff = (events: WireEvent[], ms?: number) => {
    queue.putBack(events);
    const attempt = retry()[1] + 1;
    ms ??= Math.min(300_000, 1000 * 2 ** attempt) * (0.5 + Math.random());
    store.set(RETRY_KEY, Math.round(Date.now() + ms) + '.' + attempt);
    schedule(ms);
  };

  /** Sends the next batch; true when the queue may go on. */
  async function sendNext(unloading: boolean): Promise<boolean | void> {
    const head = `{"site":${JSON.stringify(site)},"sent_at":${Date.now()},"events":[`;
    const events = queue.take(head.length + 2);
    if (!events.length) return;
    try {
      const response = await postBatch(url, head + events.map((event) => JSON.stringify(event)) + ']}', unloading);
      if (!response) return true;
      const { status } = response;
      if (status == 429) {
        const header = response.headers.get('Retry-After')!;
        const ms = +header * 1000 || Date.parse(header) - Date.now();
        // Unreadable when the collector does not expose the header to CORS.
        return backOff(events, ms > 0 ? ms : 30_000);
      }
      if (status > 499) return backOff(events);
      store.del(RETRY_KEY);
      if (status > 299) warn('batch refused with ' + status);
      else {
        const { rejected }: Partial<CollectResponse> = await response.json().catch(() => ({}));
        if (rejected?.length) warn('events rejected', rejected.map((r) => ({ ...r, event: events[r.index] })));
      }
      return true;
    } catch {
      backOff(events);
    }
  }

  /**
   * Sends what is queued, batch after batch. `unloading`: the page is being hidden or
   * left, so one batch goes out at once without waiting (the keepalive budget is 64 KiB
   * per page) and the rest stays in the queue for the next page.
   */
  async function flush(unloading?: boolean): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const wait = retry()[0] - Date.now();
    if (stopped || navigator.onLine === false) return;
    if (wait > 0) return unloading ? undefined : schedule(wait);
    if (unloading) {
      // The lock only has to cover taking the batch (synchronous); a page that goes away
      // must not leave it held for the next page of the same tab.
      if (sending || lock.acquire(LOCK_MS)) void sendNext(true);
      return lock.release();
    }
    if (sending) return;
    if (!lock.acquire(LOCK_MS)) return schedule(LOCK_MS / 3);
    sending = true;
    try {
      for (const key of others()) {
        const orphan = persistedQueue(store, key);
        if (Date.now() - orphan.written() > ORPHAN_MS) queue.putBack(orphan.take(0, true));
      }
      while (await sendNext(false));
    } finally {
      sending = false;
      lock.release();
    }
  }

  const online = () => flush();
  addEventListener('online', online);

  return {
    push(event: WireEvent): void {
      tabs.set(TAB_KEY, tab);
      queue.push(event);
      if (!timer && !stopped) schedule(1000);
    },
    flush,
    /** Forgets everything queued, in every tab (consent withdrawn). */
    clear: () => [prefix + tab, ...others()].forEach((key) => store.del(key)),
    stop(): void {
      stopped = true;
      clearTimeout(timer);
      removeEventListener('online', online);
    },
  };
}
