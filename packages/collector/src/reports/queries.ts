import { EXPORT_COLUMNS, type ExportRow } from '../export/exportRow.ts';
import type { LocalDay } from '../lib/timeZone.ts';

/** What a funnel report covers: a site's range, optionally only visitors who landed from `channels`. */
export interface FunnelScope {
  siteId: number;
  from: number;
  to: number;
  channels?: string[];
}

/**
 * The report's rows: one range of the clustered primary key (site_id, ts, id). The channel
 * filter keeps the visitors with a landing from one of the channels in the range; it is a
 * second pass over the same range, evaluated once (NULL = every visitor).
 */
const SCOPE = `scope AS (
  SELECT visitor, session, stage, type, channel, search_engine, props, ts FROM events
  WHERE site_id = ?1 AND ts >= ?2 AND ts < ?3
    AND (?4 IS NULL OR visitor IN (
      SELECT visitor FROM events
      WHERE site_id = ?1 AND ts >= ?2 AND ts < ?3 AND type = 'landing'
        AND channel IN (SELECT value FROM json_each(?4))))
)`;

/** Per visitor: furthest stage and the bit set of stages touched (web-vitals and feedback prompts shown or dismissed are measurements, not touchpoints). */
const JOURNEY_SHAPES = `WITH ${SCOPE}
SELECT furthest, touched, count(*) AS visitors FROM (
  SELECT max(stage) AS furthest,
         max(stage = 1) | (max(stage = 2) << 1) | (max(stage = 3) << 2) | (max(stage = 4) << 3) | (max(stage = 5) << 4) AS touched
  FROM scope WHERE type NOT IN ('web_vitals', 'feedback_prompt') GROUP BY visitor)
GROUP BY furthest, touched`;

const TOUCHPOINTS = `WITH ${SCOPE}
SELECT stage, type, count(*) AS touchpoints, count(DISTINCT visitor) AS visitors
FROM scope WHERE type NOT IN ('web_vitals', 'feedback_prompt') GROUP BY stage, type ORDER BY stage, touchpoints DESC, type`;

const LANDINGS = `WITH ${SCOPE}
SELECT coalesce(channel, 'unknown') AS channel, search_engine, count(*) AS landings, count(DISTINCT visitor) AS visitors
FROM scope WHERE type = 'landing' GROUP BY 1, 2 ORDER BY landings DESC, 1, 2`;

/** Visitors with a cart_add and no order_complete in the range, and what they had added. */
const ABANDONED_CARTS = `WITH ${SCOPE},
carts AS (
  SELECT visitor, sum(type = 'cart_add') AS adds, sum(type = 'order_complete') AS orders
  FROM scope WHERE type IN ('cart_add', 'order_complete') GROUP BY visitor),
abandoned AS (SELECT visitor FROM carts WHERE adds > 0 AND orders = 0)
SELECT (SELECT count(*) FROM carts WHERE adds > 0) AS cart_visitors,
       (SELECT count(*) FROM abandoned) AS abandoned,
       (SELECT sum(adds) FROM carts WHERE adds > 0 AND orders = 0) AS cart_adds,
       (SELECT json_group_array(json_array(currency, value)) FROM (
          SELECT props ->> '$.product.currency' AS currency,
                 sum((props ->> '$.product.price') * coalesce(props ->> '$.product.quantity', 1)) AS value
          FROM scope WHERE type = 'cart_add' AND visitor IN (SELECT visitor FROM abandoned)
            AND json_type(props, '$.product.price') IN ('integer', 'real')
          GROUP BY 1 ORDER BY 1)) AS value`;

const REVENUE = `WITH ${SCOPE}
SELECT props ->> '$.currency' AS currency, count(*) AS orders, count(DISTINCT visitor) AS buyers,
       sum(CASE WHEN json_type(props, '$.revenue') IN ('integer', 'real') THEN props ->> '$.revenue' END) AS revenue
FROM scope WHERE type = 'order_complete' GROUP BY 1 ORDER BY orders DESC, 1`;

/** Median and 75th percentile (nearest rank) of each web-vital per stage of the page. */
const WEB_VITALS = `WITH ${SCOPE},
samples AS (
  SELECT s.stage, m.key AS metric, m.value AS value
  FROM scope s, json_each(s.props) m
  WHERE s.type = 'web_vitals' AND m.key IN ('lcp', 'inp', 'cls', 'fcp', 'ttfb') AND m.type IN ('integer', 'real')),
ranked AS (
  SELECT stage, metric, value,
         row_number() OVER (PARTITION BY stage, metric ORDER BY value) AS rank,
         count(*) OVER (PARTITION BY stage, metric) AS n
  FROM samples)
SELECT stage, metric, max(n) AS samples,
       avg(CASE WHEN rank IN ((n + 1) / 2, (n + 2) / 2) THEN value END) AS median,
       max(CASE WHEN rank = (3 * n + 3) / 4 THEN value END) AS p75
FROM ranked GROUP BY stage, metric ORDER BY stage, metric`;

/**
 * Day buckets of the report's zone, bound as one JSON array of [day, start, end]. Each day
 * joins its own slice of the primary key (not the report's whole range, filtered per day).
 */
const DAYS = `WITH days AS (SELECT value ->> 0 AS day, value ->> 1 AS start, value ->> 2 AS end FROM json_each(?5))
SELECT d.day, count(DISTINCT e.visitor) AS visitors, count(DISTINCT e.session) AS visits,
       coalesce(sum(e.type = 'order_complete'), 0) AS orders
FROM days d LEFT JOIN events e
  ON e.site_id = ?1 AND e.ts >= d.start AND e.ts < d.end AND e.type NOT IN ('web_vitals', 'feedback_prompt')
  AND (?4 IS NULL OR e.visitor IN (
    SELECT visitor FROM events
    WHERE site_id = ?1 AND ts >= ?2 AND ts < ?3 AND type = 'landing'
      AND channel IN (SELECT value FROM json_each(?4))))
GROUP BY d.day ORDER BY d.day`;

/** The statements, for the query-plan test. */
export const FUNNEL_SQL = { JOURNEY_SHAPES, TOUCHPOINTS, LANDINGS, ABANDONED_CARTS, REVENUE, WEB_VITALS, DAYS };

export interface FunnelRows {
  shapes: { furthest: number; touched: number; visitors: number }[];
  touchpoints: { stage: number; type: string; touchpoints: number; visitors: number }[];
  landings: { channel: string; search_engine: string | null; landings: number; visitors: number }[];
  carts: { cart_visitors: number; abandoned: number; cart_adds: number | null; value: string };
  revenue: { currency: string | null; orders: number; buyers: number; revenue: number | null }[];
  vitals: { stage: number; metric: string; samples: number; median: number; p75: number }[];
  days: { day: string; visitors: number; visits: number; orders: number }[];
  /** Rows D1 read for the whole report. */
  rowsRead: number;
}

/** Every query of a funnel report, in one D1 round trip. */
export async function readFunnel(db: D1Database, scope: FunnelScope, days: LocalDay[]): Promise<FunnelRows> {
  const params = [scope.siteId, scope.from, scope.to, scope.channels ? JSON.stringify(scope.channels) : null];
  const bind = (sql: string, extra: unknown[] = []) => db.prepare(sql).bind(...params, ...extra);
  const results = await db.batch([
    bind(JOURNEY_SHAPES),
    bind(TOUCHPOINTS),
    bind(LANDINGS),
    bind(ABANDONED_CARTS),
    bind(REVENUE),
    bind(WEB_VITALS),
    bind(DAYS, [JSON.stringify(days.map((d) => [d.day, d.start, d.end]))]),
  ]);
  const rows = <T>(index: number) => results[index]!.results as T[];
  return {
    shapes: rows(0),
    touchpoints: rows(1),
    landings: rows(2),
    carts: rows<FunnelRows['carts']>(3)[0]!,
    revenue: rows(4),
    vitals: rows(5),
    days: rows(6),
    rowsRead: results.reduce((sum, result) => sum + (result.meta.rows_read ?? 0), 0),
  };
}

/**
 * A visitor's touchpoints in (ts, id) order: `events_by_visitor (site_id, visitor)` carries the
 * primary key's (ts, id), so the range and the order come from the index. Named, because
 * without statistics the planner would rather walk the site's whole time range.
 */
const JOURNEY = `SELECT ${EXPORT_COLUMNS} FROM events INDEXED BY events_by_visitor
  WHERE site_id = ?1 AND visitor = ?2 AND ts >= ?3 AND ts < ?4
  ORDER BY ts, id LIMIT ?5`;

export const JOURNEY_SQL = JOURNEY;

export async function readJourney(
  db: D1Database,
  siteId: number,
  visitor: string,
  range: { from: number; to: number },
  limit: number,
): Promise<ExportRow[]> {
  const { results } = await db.prepare(JOURNEY).bind(siteId, visitor, range.from, range.to, limit).all<ExportRow>();
  return results;
}
