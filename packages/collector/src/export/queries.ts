import { EXPORT_COLUMNS, type ExportRow } from './exportRow.ts';
import { DEFAULT_PERSONAS } from '../personas/defaultPersonas.ts';
import { personaCaseSql } from '../personas/personaSql.ts';
import { visitorFeatureSql } from '../personas/visitorFeatureSql.ts';
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
  devices?: string[];
  /** Primary persona keys to keep (`other` included). */
  personas?: string[];
  /** The site's persona rules compiled (personaCaseSql with now at ?9 and the values at ?10), and now in ms. */
  persona: { sql: string; values: unknown[]; now: number };
}

/**
 * Rows strictly after `after` in (ts, id) order. The table is clustered on its primary key
 * (site_id, ts, id), so the row-value bound and the ORDER BY are one range of the table
 * itself: no sort, no second lookup per row. Each row's persona is its visitor's primary
 * persona now: the site's rules over the visitor's lifetime rollup (one primary-key lookup;
 * NULL for a visitor with no touchpoint stored). Filters are bound as JSON arrays (NULL = no
 * filter); the SQL text changes only with the site's rules.
 */
function exportSql(personaCase: string) {
  const persona = `(SELECT ${personaCase} FROM visitor_totals t WHERE t.site_id = ?1 AND t.visitor = events.visitor)`;
  const selection = `site_id = ?1 AND ts >= ?2 AND ts < ?3 AND (ts, id) > (?4, ?5)
  AND (?6 IS NULL OR stage IN (SELECT value FROM json_each(?6)))
  AND (?7 IS NULL OR type IN (SELECT value FROM json_each(?7)))
  AND (?8 IS NULL OR channel IN (SELECT value FROM json_each(?8)))
  AND (?11 IS NULL OR device IN (SELECT value FROM json_each(?11)))
  AND (?12 IS NULL OR ${persona} IN (SELECT value FROM json_each(?12)))`;
  return {
    chunk: `SELECT ${EXPORT_COLUMNS}, ${persona} AS persona FROM events
  WHERE ${selection} AND (ts, id) <= (?13, ?14)
  ORDER BY ts, id LIMIT ?15`,
    pageEnd: `SELECT ts, id FROM events WHERE ${selection} ORDER BY ts, id LIMIT 2 OFFSET ?13`,
  };
}

/** The statements for the default personas, for the query-plan test. */
export const EXPORT_SQL = exportSql(personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(9), 10).sql);

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
    selection.persona.now,
    JSON.stringify(selection.persona.values),
    list(selection.devices),
    list(selection.personas),
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
    .prepare(exportSql(selection.persona.sql).chunk)
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
    .prepare(exportSql(selection.persona.sql).pageEnd)
    .bind(...selectionParams(selection, after), limit - 1)
    .all<Position>();
  const [last, next] = results;
  return { end: last ?? END_OF_RANGE, more: next !== undefined };
}
