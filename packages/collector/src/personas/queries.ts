import { PERSONA_FIELDS, type PersonaField, type VisitorFeatures } from './personaFields.ts';
import type { Persona } from './personaRules.ts';
import { personaCaseSql } from './personaSql.ts';
import { usedParams } from '../lib/usedParams.ts';
import { RETURNING_ROWS, soloRow } from '../rollups/visitorHourRange.ts';
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

const CHANNEL_VISITORS = `SELECT visitor FROM visitor_hour_landings WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3
        AND channel IN (SELECT value FROM json_each(?4))`;

/** A returning kept visitor's rows of the range, by their key (visitor_hours_by_visitor). */
const HOURS_OF_RETURNING = `CROSS JOIN visitor_hours h INDEXED BY visitor_hours_by_visitor
    ON h.site_id = ?1 AND h.visitor = p.visitor AND h.hour >= ?2 AND h.hour < ?3`;

/**
 * The visitors of the range (from the per-visitor-hour rollup: a visitor with one row in the
 * range is that row, only returning visitors' rows are grouped) with their primary persona
 * (the site's rules over their lifetime rollup, looked up by its key): read once, then
 * grouped three ways. Revenue and landings are looked up visitor by visitor, by their keys,
 * and only where the visitor's row does not already say them (a single landing's channel is
 * on the row). ?1–?3 scope, ?4 channels, ?5 devices, ?6 now, ?7 the rules' values.
 */
function personaRowsSql(personas: readonly Persona[]) {
  const { sql: persona, values } = personaCaseSql(personas, visitorFeatureSql(6), 7);
  const sql = `WITH
kept AS MATERIALIZED (
  SELECT visitor, hour, furthest, orders, cart_adds, landings, channel FROM visitor_hours
  WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${soloRow()}
    AND (?4 IS NULL OR visitor IN (${CHANNEL_VISITORS}))
    AND (?5 IS NULL OR device IN (SELECT value FROM json_each(?5)))
  UNION ALL
  SELECT visitor, NULL, max(furthest), sum(orders), sum(cart_adds), sum(landings), NULL FROM visitor_hours INDEXED BY visitor_hours_returning
  WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${RETURNING_ROWS}
  GROUP BY visitor
  HAVING (?4 IS NULL OR visitor IN (${CHANNEL_VISITORS}))
    AND (?5 IS NULL OR max(device IN (SELECT value FROM json_each(?5))))),
p AS MATERIALIZED (
  SELECT k.*, ${persona} AS persona
  FROM kept k CROSS JOIN visitor_totals t ON t.site_id = ?1 AND t.visitor = k.visitor)
SELECT 'reach' AS kind, persona, json_object('furthest', furthest, 'visitors', count(*), 'buyers', sum(orders > 0),
         'cart_visitors', sum(cart_adds > 0), 'abandoned', sum(cart_adds > 0 AND orders = 0)) AS data
  FROM p GROUP BY persona, furthest
UNION ALL
SELECT 'revenue', persona, json_object('currency', nullif(currency, ''), 'orders', sum(events), 'revenue', sum(amount)) FROM (
  SELECT p.persona, m.currency, m.events, m.amount FROM p
    CROSS JOIN visitor_hour_money m ON m.site_id = ?1 AND m.hour = p.hour AND m.visitor = p.visitor AND m.kind = 'order'
  WHERE p.orders > 0 AND p.hour IS NOT NULL
  UNION ALL
  SELECT p.persona, m.currency, m.events, m.amount FROM p ${HOURS_OF_RETURNING}
    CROSS JOIN visitor_hour_money m ON m.site_id = ?1 AND m.hour = h.hour AND m.visitor = h.visitor AND m.kind = 'order'
  WHERE p.orders > 0 AND p.hour IS NULL)
GROUP BY persona, currency
UNION ALL
SELECT 'channel', persona, json_object('channel', channel, 'landings', sum(landings), 'visitors', count(*)) FROM (
  SELECT persona, coalesce(channel, 'unknown') AS channel, landings FROM p WHERE hour IS NOT NULL AND landings = 1
  UNION ALL
  SELECT p.persona, l.channel, sum(l.landings) FROM p
    CROSS JOIN visitor_hour_landings l ON l.site_id = ?1 AND l.hour = p.hour AND l.visitor = p.visitor
  WHERE p.hour IS NOT NULL AND p.landings > 1
  GROUP BY p.persona, l.channel, p.visitor
  UNION ALL
  SELECT p.persona, l.channel, sum(l.landings) FROM p ${HOURS_OF_RETURNING}
    CROSS JOIN visitor_hour_landings l ON l.site_id = ?1 AND l.hour = h.hour AND l.visitor = h.visitor
  WHERE p.hour IS NULL AND p.landings > 0
  GROUP BY p.persona, l.channel, p.visitor)
GROUP BY persona, channel`;
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
