import type { StoredEvent } from './storedEvent.ts';

/**
 * One statement per batch, whatever its size: the rows travel as a single JSON parameter
 * expanded by json_each, so D1's 100-bound-parameter limit never splits a batch.
 * `INSERT OR IGNORE` on the (site_id, id) key makes replays and retries harmless. The rows
 * returned are the new ones: D1's `changes` also counts what the rollup triggers
 * (migrations/0003_rollups.sql) wrote for them.
 */
const INSERT_EVENTS = `INSERT OR IGNORE INTO events
  (site_id, id, ts, received_delay, type, stage, visitor, session, user_id, url, referrer,
   channel, search_engine, country, device, props)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7,
         value->>8, value->>9, value->>10, value->>11, value->>12, value->>13, value->>14, value->>15
  FROM json_each(?1)
  RETURNING 1`;

export function insertEvents(db: D1Database, rows: readonly StoredEvent[]): D1PreparedStatement {
  const tuples = rows.map((e) => [
    e.siteId,
    e.id,
    e.ts,
    e.receivedAt - e.ts,
    e.type,
    e.stage,
    e.visitor,
    e.session,
    e.user ?? null,
    e.url,
    e.referrer ?? null,
    e.channel ?? null,
    e.searchEngine ?? null,
    e.country ?? null,
    e.device ?? null,
    e.props ?? null,
  ]);
  return db.prepare(INSERT_EVENTS).bind(JSON.stringify(tuples));
}
