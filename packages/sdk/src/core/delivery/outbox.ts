import type { CollectResponse, WireEvent } from '@waymark/schema';
import { MAX_BODY_BYTES } from '@waymark/schema';
import { utf8Bytes } from '../../lib/utf8Bytes.ts';
import { TAB_KEY, tabQueue, toJson } from './queue.ts';
import type { Store } from './storage.ts';
import { tabLock } from './tabLock.ts';
import { transport } from './transport.ts';

const RETRY_KEY = 'wm_r';
/** A queue nobody wrote for this long belongs to a tab that is gone: another tab sends it. */
const ORPHAN_MS = 60_000;
/**
 * A batch in flight for this long without a recorded answer is sent again: its page is
 * gone (or its request is lost). Shorter would send again batches whose answer is about
 * to be recorded (a hidden tab, a page back from the back/forward cache).
 */
export const IN_FLIGHT_MS = 5000;

interface OutboxOptions {
  site: string;
  endpoint: string;
  store: Store;
  warn: (message: string, detail?: unknown) => void;
  /** The transport, taken as the SDK starts (before its hooks wrap `fetch`). */
  send?: ReturnType<typeof transport>;
}

/**
 * Delivery of SPEC §5, at least once: events wait in a persisted queue and leave it only
 * when their batch has an answer: 2xx, or a 4xx that sending again cannot change (400,
 * 403, 404, 413, 422…: a malformed batch, an unknown site or origin, a body too large).
 * 408, 425, 429, 5xx and network errors keep the events for a retry (jittered exponential
 * backoff; 429: its Retry-After), the retry time in the store so every tab and the next
 * page honour it. Batches leave a second after their first event was queued, or at once
 * when the page is hidden.
 *
 * A batch stays in the queue while in flight, marked with its send time: when the page
 * goes away before the answer (a navigation, a closed tab), nothing can record it, so the
 * next page that reads the queue sends the batch again once it has been in flight for
 * IN_FLIGHT_MS. The collector dedups by id: a re-send costs bytes, never a stored duplicate.
 *
 * Each tab has its own queue (`queue.ts`). The lock lets one tab send at a time, and the
 * queues of tabs that are gone, in-flight batches included, are adopted by the next tab
 * that sends.
 */
export function outbox({ site, endpoint, store, warn, send = transport() }: OutboxOptions) {
  const url = endpoint.replace(/\/+$/, '') + '/v1/collect';
  const { tabs, tab, read, write, others } = tabQueue(store, site);
  const lock = tabLock(store, 'wm_l_' + site, tab);
  /** Ids this page sent and awaits the answer for. */
  const pending = new Set<string>();
  /** Ends the flight of `ids`; `answered`: they leave the queue. */
  const land = (ids: string[], answered?: unknown) => {
    const queue = read();
    for (const id of ids) delete queue.f[id], pending.delete(id);
    if (answered) queue.e = queue.e.filter((event) => !ids.includes(event.id));
    write(queue);
  };
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let sending: unknown;
  let stopped: unknown;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  /** Retries after `ms` (default: backoff). */
  const backOff = (ms?: number) => {
    const attempt = +(store.get(RETRY_KEY) || '.0').split('.')[1]! + 1;
    ms ||= Math.min(3e5, 1000 * 2 ** attempt) * (0.5 + Math.random());
    store.set(RETRY_KEY, Math.round(Date.now() + ms) + '.' + attempt);
    schedule(ms);
  };

  /**
   * Sends the next batch of events neither awaited by this page nor in flight for less
   * than IN_FLIGHT_MS: at most 100 events and 64 KiB (the keepalive/beacon budget; the
   * collector answers 413 above it). Resolves true when the queue may go on.
   */
  async function sendNext(unloading?: boolean): Promise<unknown> {
    const queue = read();
    const now = Date.now();
    const head = `{"site":${JSON.stringify(site)},"sent_at":${now},"events":[`;
    const batch: string[] = [];
    const ids: string[] = [];
    // UTF-8 bytes: what the body limit counts.
    let bytes = head.length + 2;
    for (const event of queue.e) {
      if (pending.has(event.id) || now - queue.f[event.id]! < IN_FLIGHT_MS) continue;
      const json = toJson(event);
      const size = utf8Bytes(json) + 1;
      if (batch.length > 99 || (batch[0] && bytes + size > MAX_BODY_BYTES)) break;
      bytes += size;
      batch.push(json);
      ids.push(event.id);
    }
    if (!ids[0]) return;
    // An event alone over the limit can never be sent: dropped rather than block the queue.
    if (bytes > MAX_BODY_BYTES) {
      land(ids, 1);
      return 1;
    }
    for (const id of ids) (queue.f[id] = now), pending.add(id);
    write(queue);
    try {
      const response = await send(url, head + batch + ']}', unloading);
      // A beacon: no answer can be known. Sent again once overdue, by this page if it is
      // still alive (only hidden), or by the next.
      if (!response) {
        for (const id of ids) pending.delete(id);
        return 1;
      }
      const { status } = response;
      if (status == 429) {
        land(ids);
        // Unreadable when the collector does not expose the header to CORS: 30 s then.
        const header = response.headers.get('Retry-After')!;
        return backOff(Math.max(+header * 1000 || Date.parse(header) - Date.now(), 0) || 3e4);
      }
      if (status > 499 || status == 408 || status == 425) throw status;
      land(ids, 1);
      store.del(RETRY_KEY);
      if (status > 299) warn('batch refused with ' + status);
      else {
        const { rejected }: Partial<CollectResponse> = await response.json().catch(() => ({}));
        if (rejected?.[0]) warn('events rejected', rejected);
      }
      return 1;
    } catch {
      land(ids);
      backOff();
    }
  }

  /**
   * Sends what is queued, batch after batch. `unloading`: the page is being hidden or
   * left, so one batch goes out at once without waiting (the keepalive budget is 64 KiB
   * per page) and the rest stays in the queue for the next page.
   */
  async function flush(unloading?: boolean): Promise<void> {
    clearTimeout(timer);
    timer = 0;
    const wait = +(store.get(RETRY_KEY) || '0').split('.')[0]! - Date.now();
    // An empty queue needs no lock (nor a write to the store).
    if (stopped || navigator.onLine === false || !(read().e[0] || others()[0])) return;
    if (wait > 0) return unloading ? undefined : schedule(wait);
    if (unloading) {
      // The lock only has to cover taking the batch (synchronous); a page that goes away
      // must not leave it held for the next page of the same tab.
      if (sending || lock.acquire()) void sendNext(true);
      lock.release();
      // A page only hidden lives on: it sends again what has no answer by then.
      return schedule(IN_FLIGHT_MS);
    }
    if (sending) return;
    if (!lock.acquire()) return schedule(5000);
    sending = 1;
    try {
      for (const key of others()) {
        const orphan = read(key);
        if (Date.now() - orphan.t > ORPHAN_MS) {
          const queue = read();
          write({ t: 0, e: [...orphan.e, ...queue.e], f: { ...orphan.f, ...queue.f } });
          store.del(key);
        }
      }
      while (await sendNext());
      // Batches in flight that no page of this tab awaits any more, and queues of other tabs
      // (a closed tab's is adopted once it is a minute old): looked at again until done.
      const queue = read();
      if (!timer && (others()[0] || queue.e.some(({ id }) => queue.f[id] && !pending.has(id)))) schedule(IN_FLIGHT_MS);
    } finally {
      sending = 0;
      lock.release();
    }
  }

  const online = () => flush();
  addEventListener('online', online);

  return {
    push(event: WireEvent): void {
      // The tab's id outlives the page once it has a queue (a reload keeps it): written once.
      if (tabs.get(TAB_KEY) != tab) tabs.set(TAB_KEY, tab);
      const queue = read();
      queue.e.push(event);
      write(queue);
      if (!timer && !stopped) schedule(1000);
    },
    flush,
    stop(): void {
      stopped = 1;
      clearTimeout(timer);
      removeEventListener('online', online);
    },
  };
}
