import { usedParams } from '../lib/usedParams.ts';
import { picked, scopeParams, type FunnelScope } from '../reports/queries.ts';

/**
 * The range's visits (migrations/0008_visit_paths.sql), picked by the hour of their first
 * touchpoint, in (visitor, start) order, kept by the same visitor filters as every report
 * (`picked`, ?4, with the persona rules' values ?6 and ?7).
 */
export function visitPathsSql(personaCase: string) {
  return `WITH ${picked(personaCase)}
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
  const params = scopeParams(scope, []);
  const result = await db.prepare(sql).bind(...usedParams(sql, params)).all<VisitPathRow>();
  return { visits: result.results, rowsRead: result.meta.rows_read ?? 0 };
}
