import { usedParams } from '../lib/usedParams.ts';
import type { FunnelScope } from '../reports/queries.ts';

/**
 * The range's visits (migrations/0008_visit_paths.sql), picked by the hour of their first
 * touchpoint, in (visitor, start) order. ?4 holds the visitor filters as one JSON object
 * (NULL = every visitor), with the same meaning as in every report: a landing from one of
 * `channels` in the range, a touchpoint on one of `devices` in the range, a primary persona
 * in `personas` (the site's rules compiled, their values ?6 now and ?7).
 */
export function visitPathsSql(personaCase: string) {
  return `WITH picked AS MATERIALIZED (
  SELECT h.visitor FROM visitor_hours h
  WHERE h.site_id = ?1 AND h.hour >= ?2 AND h.hour < ?3 AND ?4 IS NOT NULL
  GROUP BY h.visitor
  HAVING (?4 -> '$.channels' IS NULL OR h.visitor IN (
      SELECT visitor FROM visitor_hour_landings WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3
        AND channel IN (SELECT value FROM json_each(?4, '$.channels'))))
    AND (?4 -> '$.devices' IS NULL OR max(h.device IN (SELECT value FROM json_each(?4, '$.devices'))))
    AND (?4 -> '$.personas' IS NULL OR (SELECT ${personaCase} FROM visitor_totals t WHERE t.site_id = ?1 AND t.visitor = h.visitor)
      IN (SELECT value FROM json_each(?4, '$.personas'))))
SELECT visitor, started_at, types, stages, offsets FROM visit_paths
WHERE site_id = ?1 AND start_hour >= ?2 AND start_hour < ?3 AND (?4 IS NULL OR visitor IN (SELECT visitor FROM picked))
ORDER BY visitor, started_at, session`;
}

/** One visit as stored: its touchpoints' types, stages (digits) and offsets from its start (ms), space-separated. */
export interface VisitPathRow {
  visitor: string;
  started_at: number;
  types: string;
  stages: string;
  offsets: string;
}

export async function readVisitPaths(db: D1Database, scope: FunnelScope): Promise<{ visits: VisitPathRow[]; rowsRead: number }> {
  const sql = visitPathsSql(scope.persona.sql);
  const filtered = scope.channels || scope.devices || scope.personas;
  const filters = filtered ? JSON.stringify({ channels: scope.channels, devices: scope.devices, personas: scope.personas }) : null;
  const params = [scope.siteId, scope.fromHour, scope.toHour, filters, null, scope.persona.now, JSON.stringify(scope.persona.values)];
  const result = await db.prepare(sql).bind(...usedParams(sql, params)).all<VisitPathRow>();
  return { visits: result.results, rowsRead: result.meta.rows_read ?? 0 };
}
