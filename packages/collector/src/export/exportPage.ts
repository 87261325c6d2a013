import type { Position } from './cursor.ts';
import type { ExportRow } from './exportRow.ts';
import { END_OF_RANGE, findPageEnd, readChunk, type ExportSelection } from './queries.ts';

/**
 * Rows fetched per D1 query: what one page holds in memory at a time (≈ 0.5 MB), whatever its
 * limit. The default page is one chunk, so it costs one query and no look-ahead.
 */
export const CHUNK_ROWS = 1000;

export interface ExportPage {
  /** The page's rows, chunk by chunk, read only as the response stream pulls them. */
  chunks: AsyncIterable<ExportRow[]>;
  /** Where the next page starts, when rows follow this one. */
  next: Position | undefined;
}

/**
 * A page of at most `limit` rows after `after`. A page that fits in one chunk is one query
 * (`limit + 1` rows tell whether more follow); a larger one first finds its last row, so the
 * `Link` header can be sent before the body, then streams by keyset chunks up to that row.
 */
export async function openExportPage(db: D1Database, selection: ExportSelection, after: Position, limit: number): Promise<ExportPage> {
  if (limit <= CHUNK_ROWS) {
    const rows = await readChunk(db, selection, after, END_OF_RANGE, limit + 1);
    const more = rows.length > limit;
    if (more) rows.length = limit;
    return { chunks: once(rows), next: more ? positionOf(rows[rows.length - 1]!) : undefined };
  }
  const { end, more } = await findPageEnd(db, selection, after, limit);
  return { chunks: chunksUntil(db, selection, after, end), next: more ? end : undefined };
}

async function* once(rows: ExportRow[]): AsyncIterable<ExportRow[]> {
  yield rows;
}

async function* chunksUntil(db: D1Database, selection: ExportSelection, after: Position, end: Position): AsyncIterable<ExportRow[]> {
  let position = after;
  while (true) {
    const rows = await readChunk(db, selection, position, end, CHUNK_ROWS);
    if (rows.length > 0) yield rows;
    if (rows.length < CHUNK_ROWS) return;
    position = positionOf(rows[rows.length - 1]!);
  }
}

function positionOf(row: ExportRow): Position {
  return { ts: row.ts, id: row.id };
}
