import { PERSONA_FIELDS, type PersonaField, type VisitorFeatures } from './personaFields.ts';
import type { Persona } from './personaRules.ts';
import { personaCaseSql } from './personaSql.ts';
import { usedParams } from '../lib/usedParams.ts';
import { RETURNING_ROWS, soloRow } from '../rollups/visitorHourRange.ts';
import { visitorFeatureSql } from './visitorFeatureSql.ts';
import { tallyPersonaRows, type PersonaGroup, type PersonaRows } from './tallyPersonaRows.ts';

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
    ON h.site_id = ?1 AND h.visitor = d.visitor AND h.hour >= ?2 AND h.hour < ?3`;

/**
 * The one currency of the orders of the range's one-hour visitors (hour_visitor_money, kept
 * with visitor_hours by migration 0007), or NULL when they paid in several. With one, a
 * one-hour visitor's lifetime orders and revenue (visitor_totals, already read for their
 * persona) are their range's, in that currency: no lookup of their money.
 */
const ONE_HOUR_CURRENCY = `SELECT CASE WHEN count(DISTINCT currency) <= 1 THEN coalesce(max(currency), '') END AS currency
  FROM hour_visitor_money WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND kind = 'order' AND events > 0`;

/**
 * The range's visitors under the position of their primary persona (the site's rules over
 * their lifetime rollup, looked up by its key), each read once, counted by persona and what
 * the report tells apart (furthest stage, bought, added to the cart, the channel of a single
 * landing), with one-hour buyers' money. A visitor whose only row in the range is one row is
 * that row (most visitors): they are counted hour by hour, in `solo` (one small grouping per
 * hour instead of one sort of every visitor of the range), into a JSON list per hour. Only
 * returning visitors' rows are grouped by visitor (`returners`). What a visitor's row cannot
 * say is looked up by key, for the few it concerns (`d`, kept apart in `solo` as groups of
 * one visitor): other buyers' orders by currency, the landings of visitors with several.
 * ?1–?3 scope, ?4 channels, ?5 devices, ?6 now, ?7 the rules' values.
 */
function personaRowsSql(personas: readonly Persona[]) {
  const { sql: persona, values } = personaCaseSql(personas, visitorFeatureSql(6), 7, 'position');
  const sql = `WITH RECURSIVE
hours(hour) AS (SELECT ?2 UNION ALL SELECT hour + 1 FROM hours WHERE hour + 1 < ?3),
one_hour_currency AS MATERIALIZED (${ONE_HOUR_CURRENCY}),
solo AS MATERIALIZED (
  SELECT hours.hour, (SELECT json_group_array(json_array(persona, furthest, bought, carted, channel, visitors, orders, revenue, lookup, landings, other_buyer)) FROM (
    SELECT persona, furthest, orders > 0 AS bought, cart_adds > 0 AS carted,
           CASE WHEN landings = 1 THEN coalesce(channel, 'unknown') END AS channel,
           count(*) AS visitors, sum(CASE WHEN revenue IS NOT NULL THEN orders END) AS orders, sum(revenue) AS revenue,
           CASE WHEN other_buyer OR landings > 1 THEN visitor END AS lookup, max(landings) AS landings, max(other_buyer) AS other_buyer
    FROM (SELECT *, orders > 0 AND revenue IS NULL AS other_buyer FROM (
      SELECT k.visitor, k.furthest, k.orders, k.cart_adds, k.landings, k.channel, ${persona} AS persona,
             CASE WHEN k.prev_hour IS NULL AND k.next_hour IS NULL AND k.orders > 0 AND (SELECT currency FROM one_hour_currency) IS NOT NULL
               THEN t.revenue END AS revenue
      FROM visitor_hours k CROSS JOIN visitor_totals t ON t.site_id = ?1 AND t.visitor = k.visitor
      WHERE k.site_id = ?1 AND k.hour = hours.hour AND ${soloRow('k.')}
        AND (?4 IS NULL OR k.visitor IN (${CHANNEL_VISITORS}))
        AND (?5 IS NULL OR k.device IN (SELECT value FROM json_each(?5)))))
    GROUP BY 1, 2, 3, 4, 5, 9)) AS groups
  FROM hours),
returners AS MATERIALIZED (
  SELECT r.visitor, r.furthest, r.orders, r.cart_adds, r.landings, ${persona} AS persona FROM (
    SELECT visitor, max(furthest) AS furthest, sum(orders) AS orders, sum(cart_adds) AS cart_adds, sum(landings) AS landings
    FROM visitor_hours INDEXED BY visitor_hours_returning
    WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${RETURNING_ROWS}
    GROUP BY visitor
    HAVING (?4 IS NULL OR visitor IN (${CHANNEL_VISITORS}))
      AND (?5 IS NULL OR max(device IN (SELECT value FROM json_each(?5))))) r
  CROSS JOIN visitor_totals t ON t.site_id = ?1 AND t.visitor = r.visitor),
d AS MATERIALIZED (
  SELECT e.value ->> 8 AS visitor, s.hour, e.value ->> 9 AS landings, e.value ->> 0 AS persona, e.value ->> 10 AS other_buyer
  FROM solo s, json_each(s.groups) e WHERE e.value ->> 8 IS NOT NULL
  UNION ALL
  SELECT visitor, NULL, landings, persona, orders > 0 FROM returners WHERE orders > 0 OR landings > 0)
SELECT 'visitors' AS kind, persona, furthest, bought, carted, channel, sum(visitors) AS visitors, NULL AS landings, sum(orders) AS orders, sum(revenue) AS revenue,
       (SELECT currency FROM one_hour_currency) AS currency FROM (
  SELECT e.value ->> 0 AS persona, e.value ->> 1 AS furthest, e.value ->> 2 AS bought, e.value ->> 3 AS carted, e.value ->> 4 AS channel,
         e.value ->> 5 AS visitors, e.value ->> 6 AS orders, e.value ->> 7 AS revenue
  FROM solo s, json_each(s.groups) e
  UNION ALL
  SELECT persona, furthest, orders > 0, cart_adds > 0, NULL, 1, NULL, NULL FROM returners)
GROUP BY persona, furthest, bought, carted, channel
UNION ALL
SELECT 'revenue', persona, NULL, NULL, NULL, NULL, NULL, NULL, sum(events), sum(amount), currency FROM (
  SELECT d.persona, m.currency, m.events, m.amount FROM d
    CROSS JOIN visitor_hour_money m ON m.site_id = ?1 AND m.hour = d.hour AND m.visitor = d.visitor AND m.kind = 'order'
  WHERE d.other_buyer AND d.hour IS NOT NULL
  UNION ALL
  SELECT d.persona, m.currency, m.events, m.amount FROM d ${HOURS_OF_RETURNING}
    CROSS JOIN visitor_hour_money m ON m.site_id = ?1 AND m.hour = h.hour AND m.visitor = h.visitor AND m.kind = 'order'
  WHERE d.other_buyer AND d.hour IS NULL)
GROUP BY persona, currency
UNION ALL
SELECT 'channel', persona, NULL, NULL, NULL, channel, count(*), sum(landings), NULL, NULL, NULL FROM (
  SELECT d.persona, l.channel, sum(l.landings) AS landings FROM d
    CROSS JOIN visitor_hour_landings l ON l.site_id = ?1 AND l.hour = d.hour AND l.visitor = d.visitor
  WHERE d.hour IS NOT NULL AND d.landings > 1
  GROUP BY d.persona, l.channel, d.visitor
  UNION ALL
  SELECT d.persona, l.channel, sum(l.landings) FROM d ${HOURS_OF_RETURNING}
    CROSS JOIN visitor_hour_landings l ON l.site_id = ?1 AND l.hour = h.hour AND l.visitor = h.visitor
  WHERE d.hour IS NULL AND d.landings > 0
  GROUP BY d.persona, l.channel, d.visitor)
GROUP BY persona, channel`;
  return { sql, values };
}

export async function readPersonaRows(db: D1Database, scope: PersonaScope, personas: readonly Persona[]): Promise<PersonaRows> {
  const { sql, values } = personaRowsSql(personas);
  const list = (v?: string[]) => (v ? JSON.stringify(v) : null);
  const params = [scope.siteId, scope.fromHour, scope.toHour, list(scope.channels), list(scope.devices), scope.now, JSON.stringify(values)];
  const result = await db.prepare(sql).bind(...usedParams(sql, params)).all<PersonaGroup>();
  return tallyPersonaRows(personas, result.results, result.meta.rows_read ?? 0);
}

/** One visitor's features from their lifetime rollup, or null for a visitor with no touchpoint stored. */
export async function readVisitorFeatures(db: D1Database, siteId: number, visitor: string, now: number): Promise<VisitorFeatures | null> {
  const feature = visitorFeatureSql(3);
  const fields = Object.keys(PERSONA_FIELDS) as PersonaField[];
  const sql = `SELECT ${fields.map((f) => `${feature(f)} AS ${f}`).join(', ')} FROM visitor_totals t WHERE t.site_id = ?1 AND t.visitor = ?2`;
  return db.prepare(sql).bind(siteId, visitor, now).first<VisitorFeatures>();
}
