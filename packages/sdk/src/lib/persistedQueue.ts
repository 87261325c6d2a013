import type { WireEvent } from '@waymark/schema';
import { MAX_BODY_BYTES, MAX_EVENTS_PER_BATCH } from '@waymark/schema';
import type { Store } from './storage.ts';

/** Beyond this, the oldest events go: a shop offline for days must not fill the quota. */
const MAX_QUEUED = 500;

/**
 * A queue of events waiting to be sent, in the store (`{t: last write, e: events}`), so
 * it survives reloads, crashes and offline periods.
 */
export function persistedQueue(store: Store, key: string) {
  const read = (): { t: number; e: WireEvent[] } => {
    try {
      return JSON.parse(store.get(key)!) || { t: 0, e: [] };
    } catch {
      return { t: 0, e: [] };
    }
  };
  const write = (events: WireEvent[]) =>
    events[0] ? store.set(key, JSON.stringify({ t: Date.now(), e: events.slice(-MAX_QUEUED) })) : store.del(key);
  return {
    /** When the queue was last written (0: empty). */
    written: () => read().t,
    push: (event: WireEvent) => write([...read().e, event]),
    /** Puts events that could not be delivered back at the head. */
    putBack: (events: WireEvent[]) => write([...events, ...read().e]),
    /**
     * Removes and returns the next batch: at most 100 events and a body (`overhead` bytes
     * around the events) under 64 KiB, the keepalive/beacon budget; the collector answers
     * 413 above it. `all`: empty the queue.
     */
    take(overhead: number, all?: boolean): WireEvent[] {
      const events = read().e;
      let bytes = overhead;
      let count = 0;
      for (const event of events) {
        // UTF-8 bytes: what the body limit counts.
        const size = new Blob([JSON.stringify(event)]).size + 1;
        if (!all && (count == MAX_EVENTS_PER_BATCH || (count && bytes + size > MAX_BODY_BYTES))) break;
        bytes += size;
        count++;
      }
      write(events.slice(count));
      // An event alone over the limit can never be sent: dropped rather than block the queue.
      return bytes > MAX_BODY_BYTES && !all ? [] : events.slice(0, count);
    },
  };
}
