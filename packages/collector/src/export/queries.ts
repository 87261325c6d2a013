import { EXPORT_COLUMNS, type ExportRow } from './exportRow.ts';
import type { Position } from './cursor.ts';

/** What an export page reads: a site's events in [from, to), optionally filtered. */
export interface ExportSelection {
  siteId: number;
  from: number;
  to: number;
  /** Stage ordinals (1–5). */
  stages?: number[];
  types?: string[];
  channels?: string[];
}

/**
 * Rows strictly after `after` in (ts, id) order. The table is clustered on its primary key
 * (site_id, ts, id), so the row-value bound and the ORDER BY are one range of the table
 * itself: no sort, no second lookup per row.
 * Filters are bound as JSON arrays (NULL = no filter): the SQL text never changes.
 */
const SELECTION = `site_id = ?1 AND ts >= ?2 AND ts < ?3 AND (ts, id) > (?4, ?5)
  AND (?6 IS NULL OR stage IN (SELECT value FROM json_each(?6)))
  AND (?7 IS NULL OR type IN (SELECT value FROM json_each(?7)))
  AND (?8 IS NULL OR channel IN (SELECT value FROM json_each(?8)))`;

const CHUNK = `SELECT ${EXPORT_COLUMNS} FROM events
  WHERE ${SELECTION} AND (ts, id) <= (?9, ?10)
  ORDER BY ts, id LIMIT ?11`;

const PAGE_END = `SELECT ts, id FROM events WHERE ${SELECTION} ORDER BY ts, id LIMIT 2 OFFSET ?9`;

/** The statements, for the query-plan test. */
export const EXPORT_SQL = { chunk: CHUNK, pageEnd: PAGE_END };

/** Past every real position: `(ts, id) <= END_OF_RANGE` holds for all rows. */
export const END_OF_RANGE: Position = { ts: Number.MAX_SAFE_INTEGER, id: '' };

/** The bound values of SELECTION (exported for the rows-read test). */
export function selectionParams(selection: ExportSelection, after: Position) {
  const list = (values: readonly unknown[] | undefined) => (values ? JSON.stringify(values) : null);
  return [
    selection.siteId,
    // SQLite starts the range at `ts >= ?2`, not at the row value: starting it at the cursor
    // keeps every page from re-reading the rows of the pages before it.
    Math.max(selection.from, after.ts),
    selection.to,
    after.ts,
    after.id,
    list(selection.stages),
    list(selection.types),
    list(selection.channels),
  ];
}

/** Up to `limit` rows after `after`, up to and including `until`. */
export async function readChunk(
  db: D1Database,
  selection: ExportSelection,
  after: Position,
  until: Position,
  limit: number,
): Promise<ExportRow[]> {
  const { results } = await db
    .prepare(CHUNK)
    .bind(...selectionParams(selection, after), until.ts, until.id, limit)
    .all<ExportRow>();
  return results;
}

/**
 * Where a page of `limit` rows after `after` ends, and whether rows follow it — known before
 * the page streams, for its `Link` header.
 */
export async function findPageEnd(
  db: D1Database,
  selection: ExportSelection,
  after: Position,
  limit: number,
): Promise<{ end: Position; more: boolean }> {
  const { results } = await db
    .prepare(PAGE_END)
    .bind(...selectionParams(selection, after), limit - 1)
    .all<Position>();
  const [last, next] = results;
  return { end: last ?? END_OF_RANGE, more: next !== undefined };
}
