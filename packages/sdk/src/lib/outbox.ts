import type { CollectResponse, WireEvent } from '@waymark/schema';
import { MAX_BODY_BYTES } from '@waymark/schema';
import { nanoid } from 'nanoid';
import { storage, type Store } from './storage.ts';
import { tabLock } from './tabLock.ts';

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
 * Each tab has its own queue (`wm_q_{site}.{tab}` = `{t: last write, e: events}`, the
 * tab's id in sessionStorage so a reload keeps it): Chromium's localStorage is not
 * consistent across renderer processes from one moment to the next, so tabs appending to
 * one shared queue lose events. The lock still lets one tab send at a time, and the
 * queues of tabs that are gone are adopted by the next tab that sends.
 */
export function outbox({ site, endpoint, store, warn }: OutboxOptions) {
  const url = endpoint.replace(/\/+$/, '') + '/v1/collect';
  const tabs = storage('sessionStorage');
  const tab = tabs.get(TAB_KEY) || nanoid(8);
  const prefix = 'wm_q_' + site + '.';
  const mine = prefix + tab;
  const lock = tabLock(store, 'wm_l_' + site, tab);
  const read = (key = mine): { t: number; e: WireEvent[] } => {
    try {
      return JSON.parse(store.get(key)!) || { t: 0, e: [] };
    } catch {
      return { t: 0, e: [] };
    }
  };
  // Beyond 500 events the oldest go: a shop offline for days must not fill the quota.
  const write = (events: WireEvent[]) => (events[0] ? store.set(mine, JSON.stringify({ t: Date.now(), e: events.slice(-500) })) : store.del(mine));
  const others = () => store.keys().filter((key) => key.startsWith(prefix) && key != mine);
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let sending: unknown;
  let stopped: unknown;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  /** Puts the batch back at the head of the queue and retries after `ms` (default: backoff). */
  const backOff = (events: WireEvent[], ms?: number) => {
    write([...events, ...read().e]);
    const attempt = +(store.get(RETRY_KEY) || '.0').split('.')[1]! + 1;
    ms ||= Math.min(3e5, 1000 * 2 ** attempt) * (0.5 + Math.random());
    store.set(RETRY_KEY, Math.round(Date.now() + ms) + '.' + attempt);
    schedule(ms);
  };

  /**
   * Sends the next batch: at most 100 events and 64 KiB (the keepalive/beacon budget; the
   * collector answers 413 above it). Resolves true when the queue may go on. `text/plain`
   * keeps the request "simple" (no CORS preflight); keepalive lets it outlive the page.
   * When the page is going away and fetch fails (the keepalive quota is shared by all
   * scripts of the page), sendBeacon takes over: nothing could retry later anyway.
   */
  async function sendNext(unloading?: boolean): Promise<unknown> {
    const events = read().e;
    const head = `{"site":${JSON.stringify(site)},"sent_at":${Date.now()},"events":[`;
    const batch: string[] = [];
    // UTF-8 bytes: what the body limit counts.
    let bytes = head.length + 2;
    for (const event of events) {
      const json = JSON.stringify(event);
      const size = new Blob([json]).size + 1;
      if (batch.length > 99 || (batch[0] && bytes + size > MAX_BODY_BYTES)) break;
      bytes += size;
      batch.push(json);
    }
    const sent = events.splice(0, batch.length);
    if (!sent[0]) return;
    write(events);
    // An event alone over the limit can never be sent: dropped rather than block the queue.
    if (bytes > MAX_BODY_BYTES) return 1;
    const body = head + batch + ']}';
    try {
      const response = await fetch(url, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'text/plain' } }).catch((error) => {
        if (!unloading || !navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) throw error;
      });
      if (!response) return 1;
      const { status } = response;
      if (status == 429) {
        // Unreadable when the collector does not expose the header to CORS: 30 s then.
        const header = response.headers.get('Retry-After')!;
        return backOff(sent, Math.max(+header * 1000 || Date.parse(header) - Date.now(), 0) || 3e4);
      }
      if (status > 499) return backOff(sent);
      store.del(RETRY_KEY);
      if (status > 299) warn('batch refused with ' + status);
      else {
        const { rejected }: Partial<CollectResponse> = await response.json().catch(() => ({}));
        if (rejected?.[0]) warn('events rejected', rejected);
      }
      return 1;
    } catch {
      backOff(sent);
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
      return lock.release();
    }
    if (sending) return;
    if (!lock.acquire()) return schedule(5000);
    sending = 1;
    try {
      for (const key of others()) {
        const orphan = read(key);
        if (Date.now() - orphan.t > ORPHAN_MS) {
          write([...orphan.e, ...read().e]);
          store.del(key);
        }
      }
      while (await sendNext());
    } finally {
      sending = 0;
      lock.release();
    }
  }

  const online = () => flush();
  addEventListener('online', online);

  return {
    push(event: WireEvent): void {
      tabs.set(TAB_KEY, tab);
      write([...read().e, event]);
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
