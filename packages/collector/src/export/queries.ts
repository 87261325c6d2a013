import { expandRows } from '../events/expandRows.ts';
import { EXPORT_COLUMNS, type ExportRow } from './exportRow.ts';
import { DEFAULT_PERSONAS } from '../personas/defaultPersonas.ts';
import { personaCaseSql } from '../personas/personaSql.ts';
import { visitorFeatureSql } from '../personas/visitorFeatureSql.ts';
import { usedParams } from '../lib/usedParams.ts';
import type { Persona } from '../personas/personaRules.ts';
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
  /** The site's persona rules in effect, and "now" for their features (ms). */
  persona: { rules: readonly Persona[]; now: number };
}

/**
 * Rows strictly after `after` in (ts, id) order. The table is clustered on its primary key
 * (site_id, ts, id), so the row-value bound and the ORDER BY are one range of the table
 * itself: no sort, no second lookup per row. A persona filter looks each row's visitor up
 * in their lifetime rollup (the site's rules compiled, now at ?9, values at ?10). Filters
 * are bound as JSON arrays (NULL = no filter); the SQL text changes only with the rules.
 */
function exportSql(personaCase: string) {
  const selection = `site_id = ?1 AND ts >= ?2 AND ts < ?3 AND (ts, id) > (?4, ?5)
  AND (?6 IS NULL OR stage IN (SELECT value FROM json_each(?6)))
  AND (?7 IS NULL OR type IN (SELECT value FROM json_each(?7)))
  AND (?8 IS NULL OR channel IN (SELECT value FROM json_each(?8)))
  AND (?11 IS NULL OR device IN (SELECT value FROM json_each(?11)))
  AND (?12 IS NULL OR (SELECT ${personaCase} FROM visitor_totals t WHERE t.site_id = ?1 AND t.visitor = events.visitor)
    IN (SELECT value FROM json_each(?12)))`;
  return {
    chunk: `SELECT ${EXPORT_COLUMNS} FROM events
  WHERE ${selection} AND (ts, id) <= (?13, ?14)
  ORDER BY ts, id LIMIT ?15`,
    pageEnd: `SELECT ts, id FROM events WHERE ${selection} ORDER BY ts, id LIMIT 2 OFFSET ?13`,
  };
}

/** The statements for the default personas, for the query-plan test. */
export const EXPORT_SQL = exportSql(personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(9), 10).sql);

/**
 * The primary persona now of each visitor of a chunk: one lookup of their lifetime rollup
 * per distinct visitor, not per row. A visitor with no touchpoint stored has none.
 */
async function personasOf(db: D1Database, siteId: number, visitors: string[], persona: ExportSelection['persona']): Promise<Map<string, string>> {
  const { sql, values } = personaCaseSql(persona.rules, visitorFeatureSql(3), 4);
  const statement = `SELECT t.visitor, ${sql} AS persona FROM visitor_totals t WHERE t.site_id = ?1 AND t.visitor IN (SELECT value FROM json_each(?2))`;
  const { results } = await db
    .prepare(statement)
    .bind(...usedParams(statement, [siteId, JSON.stringify(visitors), persona.now, JSON.stringify(values)]))
    .all<{ visitor: string; persona: string }>();
  return new Map(results.map((r) => [r.visitor, r.persona]));
}

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
    JSON.stringify(personaCaseSql(selection.persona.rules, visitorFeatureSql(9), 10).values),
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
    .prepare(exportSql(personaCaseSql(selection.persona.rules, visitorFeatureSql(9), 10).sql).chunk)
    .bind(...selectionParams(selection, after), until.ts, until.id, limit)
    .all<ExportRow>();
  if (results.length === 0) return results;
  // Independent lookups (pages and product facts; the visitors' personas): one wait, not two.
  const [, personas] = await Promise.all([
    expandRows(db, selection.siteId, results),
    personasOf(db, selection.siteId, [...new Set(results.map((row) => row.visitor))], selection.persona),
  ]);
  for (const row of results) row.persona = personas.get(row.visitor) ?? null;
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
    .prepare(exportSql(personaCaseSql(selection.persona.rules, visitorFeatureSql(9), 10).sql).pageEnd)
    .bind(...selectionParams(selection, after), limit - 1)
    .all<Position>();
  const [last, next] = results;
  return { end: last ?? END_OF_RANGE, more: next !== undefined };
}
