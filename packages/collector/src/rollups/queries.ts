/**
 * The rollup backfill (migrations/0003_rollups.sql): events stored before the rollups wait
 * in `events_before_rollups`; a chunk moves the next rows, in key order, into `events`,
 * whose triggers roll them up like late events. Plain SQL text with the chunk size inlined,
 * because `wrangler d1 execute --command` binds no parameters.
 */

/** At most this many rows a chunk: with their triggers, well inside D1's 30 s per statement. */
export const MAX_CHUNK = 5000;

/** Sets the cursor to the last key of the next chunk, then moves every row up to it. */
export function backfillChunk(rows: number): string {
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_CHUNK) throw new RangeError(`a chunk is 1–${MAX_CHUNK} rows, not ${rows}`);
  // One statement a line: D1's exec() takes statements by line, wrangler by semicolon.
  return [
    `UPDATE rollup_backfill SET (site_id, ts, event_id) = (SELECT site_id, ts, id FROM (SELECT site_id, ts, id FROM events_before_rollups ORDER BY site_id, ts, id LIMIT ${rows}) ORDER BY site_id DESC, ts DESC, id DESC LIMIT 1), updated_at = unixepoch() * 1000 WHERE id = 1;`,
    'DELETE FROM events_before_rollups WHERE (site_id, ts, id) <= (SELECT site_id, ts, event_id FROM rollup_backfill WHERE id = 1);',
    'UPDATE rollup_backfill SET moved = moved + changes() WHERE id = 1;',
  ].join('\n');
}

/** Whether rows still wait, and how many have moved. */
export const BACKFILL_STATUS = `SELECT EXISTS (SELECT 1 FROM events_before_rollups) AS pending, moved FROM rollup_backfill WHERE id = 1`;
