import type { EventWriter } from './eventWriter.ts';
import type { StoredEvent } from './storedEvent.ts';

/** The body of one queue message: enriched rows of one collect request. */
export type EventRows = StoredEvent[];

/** Queue messages may hold 128 KB; rows are grouped well under it, counted in UTF-8 bytes (props travel escaped). */
const MESSAGE_BYTES = 96 * 1024;
const encoder = new TextEncoder();

/**
 * The write path past one D1's statement rate (SPEC §8): the collect request only enqueues
 * its rows and answers; `drainEventQueue` writes them to D1 in 100-row statements. Dedup
 * then happens in the consumer, so the request reports every valid event as accepted and
 * none as duplicate — `INSERT OR IGNORE` still stores a replayed id once.
 */
export function queueEventWriter(queue: Queue): EventWriter {
  return {
    async write(rows) {
      const messages: { body: EventRows }[] = [];
      let size = MESSAGE_BYTES;
      for (const row of rows) {
        const rowSize = encoder.encode(JSON.stringify(row)).length;
        if (size + rowSize > MESSAGE_BYTES) {
          messages.push({ body: [] });
          size = 0;
        }
        messages.at(-1)!.body.push(row);
        size += rowSize;
      }
      if (messages.length > 0) await queue.sendBatch(messages.map((m) => ({ ...m, contentType: 'json' as const })));
      return rows.length;
    },
  };
}
