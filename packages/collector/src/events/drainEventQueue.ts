import { d1EventWriter } from './eventWriter.ts';
import type { EventRows } from './queueEventWriter.ts';

const ROWS_PER_STATEMENT = 100;

/**
 * The Queue consumer of the queued write path: gathers the rows of a message batch and
 * writes them in statements of 100 rows. A failed statement retries the whole batch —
 * rows already written are ignored the second time (`INSERT OR IGNORE`), so a retry never
 * stores an event twice.
 */
export async function drainEventQueue(batch: MessageBatch<EventRows>, env: Env): Promise<void> {
  const rows = batch.messages.flatMap((message) => message.body);
  const writer = d1EventWriter(env.DB);
  try {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      await writer.write(rows.slice(start, start + ROWS_PER_STATEMENT));
    }
    batch.ackAll();
  } catch (error) {
    console.error('queued events not stored; retrying the batch', error);
    batch.retryAll({ delaySeconds: 5 });
  }
}
