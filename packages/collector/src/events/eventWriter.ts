import { compactRows } from './compactRows.ts';
import { forgetNumbers } from './knownNumbers.ts';
import { insertEvents, insertEventsIfNumbersHold } from './queries.ts';
import type { StoredEvent } from './storedEvent.ts';

/**
 * The write path's one interface (SPEC §8): the collect route hands it enriched rows and
 * learns how many were new. D1 directly today; a Queue in front of D1, or a database per
 * site and period, slot in behind the same `write`.
 */
export interface EventWriter {
  /** Stores the rows; resolves to the number that were new (not replays). Rejects when storage fails. */
  write(rows: readonly StoredEvent[]): Promise<number>;
}

export function d1EventWriter(db: D1Database): EventWriter {
  return {
    async write(rows) {
      if (rows.length === 0) return 0;
      const batch = await compactRows(db, rows, true);
      if (batch.remembered) {
        const stored = await insertEventsIfNumbersHold(db, batch.rows, batch.remembered);
        if (stored !== undefined) return stored;
        // The database forgot numbers this isolate remembers (restored, or rolled back): ask it again.
        forgetNumbers();
      }
      const fresh = batch.remembered ? await compactRows(db, rows, false) : batch;
      return (await insertEvents(db, fresh.rows).all()).results.length;
    },
  };
}
