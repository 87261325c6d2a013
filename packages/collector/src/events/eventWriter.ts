import { compactRows } from './compactRows.ts';
import { storeEvents } from './queries.ts';
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
      return rows.length === 0 ? 0 : storeEvents(db, compactRows(rows));
    },
  };
}
