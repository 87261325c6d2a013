import type { WireEvent } from '@waymark/schema';
import { MAX_BODY_BYTES, MAX_EVENTS_PER_BATCH } from '@waymark/schema';
import type { Store } from './storage.ts';

/** Beyond this, the oldest events go: a shop offline for days must not fill the quota. */
const MAX_QUEUED = 500;
const encoder = new TextEncoder();

/**
 * The events waiting to be sent, in the store, so they survive reloads, crashes and
 * offline periods, and any tab can send them.
 */
export function persistedQueue(store: Store, key: string) {
  const read = (): WireEvent[] => {
    try {
      const events = JSON.parse(store.get(key) ?? '[]');
      return Array.isArray(events) ? events : [];
    } catch {
      return [];
    }
  };
  const write = (events: WireEvent[]) =>
    events.length ? store.set(key, JSON.stringify(events.slice(-MAX_QUEUED))) : store.del(key);
  return {
    size: () => read().length,
    push(event: WireEvent): void {
      write([...read(), event]);
    },
    /** Puts events that could not be delivered back at the head. */
    putBack(events: WireEvent[]): void {
      write([...events, ...read()]);
    },
    /**
     * Removes and returns the next batch: at most 100 events and a body under 64 KiB
     * (the keepalive/beacon budget; the collector answers 413 above it).
     */
    take(overhead: number): WireEvent[] {
      const events = read();
      let bytes = overhead;
      let count = 0;
      for (const event of events) {
        const size = encoder.encode(JSON.stringify(event)).length + 1;
        if (count == MAX_EVENTS_PER_BATCH || (count && bytes + size > MAX_BODY_BYTES)) break;
        bytes += size;
        count++;
      }
      write(events.slice(count));
      // An event alone over the limit can never be sent: drop it rather than block the queue.
      return bytes > MAX_BODY_BYTES ? [] : events.slice(0, count);
    },
    clear: () => store.del(key),
  };
}
