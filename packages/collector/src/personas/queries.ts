import { PERSONA_FIELDS, type PersonaField, type VisitorFeatures } from './personaFields.ts';
import type { Persona } from './personaRules.ts';
import { personaCaseSql } from './personaSql.ts';
import { usedParams } from '../lib/usedParams.ts';
import { visitorFeatureSql } from './visitorFeatureSql.ts';

/** A persona report's scope: a site's whole UTC hours [fromHour, toHour), the visitors a filter keeps, "now" for the features. */
export interface PersonaScope {
  siteId: number;
  fromHour: number;
  toHour: number;
  channels?: string[];
  devices?: string[];
  now: number;
}

/**
 * The visitors of the range (from the per-visitor-hour rollup) with their primary persona
 * (the site's rules over their lifetime rollup): read once, then grouped three ways. ?1–?3
 * scope, ?4 channels, ?5 devices, ?6 now, ?7 the rules' values.
 */
function personaRowsSql(personas: readonly Persona[]) {
  const { sql: persona, values } = personaCaseSql(personas, visitorFeatureSql(6), 7);
  const sql = `WITH
kept AS MATERIALIZED (
  SELECT visitor, max(furthest) AS furthest, sum(orders) AS orders, sum(cart_adds) AS cart_adds
  FROM visitor_hours WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3
  GROUP BY visitor
  HAVING (?4 IS NULL OR visitor IN (
      SELECT visitor FROM visitor_hour_landings WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3
        AND channel IN (SELECT value FROM json_each(?4))))
    AND (?5 IS NULL OR max(device IN (SELECT value FROM json_each(?5))))),
p AS MATERIALIZED (
  SELECT k.visitor, k.furthest, k.orders, k.cart_adds, ${persona} AS persona
  FROM kept k JOIN visitor_totals t ON t.site_id = ?1 AND t.visitor = k.visitor)
SELECT 'reach' AS kind, persona, json_object('furthest', furthest, 'visitors', count(*), 'buyers', sum(orders > 0),
         'cart_visitors', sum(cart_adds > 0), 'abandoned', sum(cart_adds > 0 AND orders = 0)) AS data
  FROM p GROUP BY persona, furthest
UNION ALL
SELECT 'revenue', p.persona, json_object('currency', nullif(m.currency, ''), 'orders', sum(m.events), 'revenue', sum(m.amount))
  FROM visitor_hour_money m JOIN p ON p.visitor = m.visitor
  WHERE m.site_id = ?1 AND m.hour >= ?2 AND m.hour < ?3 AND m.kind = 'order'
  GROUP BY p.persona, m.currency
UNION ALL
SELECT 'channel', p.persona, json_object('channel', l.channel, 'landings', sum(l.landings), 'visitors', count(DISTINCT l.visitor))
  FROM visitor_hour_landings l JOIN p ON p.visitor = l.visitor
  WHERE l.site_id = ?1 AND l.hour >= ?2 AND l.hour < ?3
  GROUP BY p.persona, l.channel`;
  return { sql, values };
}

/** The persona report's rows, each tagged with its persona. */
export interface PersonaRows {
  reach: { persona: string; furthest: number; visitors: number; buyers: number; cart_visitors: number; abandoned: number }[];
  revenue: { persona: string; currency: string | null; orders: number; revenue: number }[];
  channels: { persona: string; channel: string; landings: number; visitors: number }[];
  /** Rows D1 read. */
  rowsRead: number;
}

export async function readPersonaRows(db: D1Database, scope: PersonaScope, personas: readonly Persona[]): Promise<PersonaRows> {
  const { sql, values } = personaRowsSql(personas);
  const list = (v?: string[]) => (v ? JSON.stringify(v) : null);
  const params = [scope.siteId, scope.fromHour, scope.toHour, list(scope.channels), list(scope.devices), scope.now, JSON.stringify(values)];
  const result = await db
    .prepare(sql)
    .bind(...usedParams(sql, params))
    .all<{ kind: 'reach' | 'revenue' | 'channel'; persona: string; data: string }>();
  const rows: PersonaRows = { reach: [], revenue: [], channels: [], rowsRead: result.meta.rows_read ?? 0 };
  for (const { kind, persona, data } of result.results) {
    const fields = { persona, ...JSON.parse(data) };
    if (kind === 'reach') rows.reach.push(fields);
    else if (kind === 'revenue') rows.revenue.push(fields);
    else rows.channels.push(fields);
  }
  return rows;
}

/** One visitor's features from their lifetime rollup, or null for a visitor with no touchpoint stored. */
export async function readVisitorFeatures(db: D1Database, siteId: number, visitor: string, now: number): Promise<VisitorFeatures | null> {
  const feature = visitorFeatureSql(3);
  const fields = Object.keys(PERSONA_FIELDS) as PersonaField[];
  const sql = `SELECT ${fields.map((f) => `${feature(f)} AS ${f}`).join(', ')} FROM visitor_totals t WHERE t.site_id = ?1 AND t.visitor = ?2`;
  return db.prepare(sql).bind(siteId, visitor, now).first<VisitorFeatures>();
}
