import { STAGES, TOUCHPOINT_STAGE, type TouchpointType } from '@waymark/schema';
import { expandRows } from '../events/expandRows.ts';
import { EXPORT_COLUMNS, type ExportRow } from '../export/exportRow.ts';
import { usedParams } from '../lib/usedParams.ts';
import { RETURNING_ROWS, returningVisitor, soloRow } from '../rollups/visitorHourRange.ts';
import { DEFAULT_PERSONAS } from '../personas/defaultPersonas.ts';
import { personaCaseSql } from '../personas/personaSql.ts';
import { visitorFeatureSql } from '../personas/visitorFeatureSql.ts';

/**
 * What a funnel report covers: a site's whole UTC hours [fromHour, toHour) (hour = ms /
 * 3 600 000), optionally only some visitors: those who landed from `channels`, used one of
 * `devices`, or whose primary persona (the site's rules, compiled, over their lifetime
 * rollup as of `now`) is one of `personas`.
 */
export interface FunnelScope {
  siteId: number;
  fromHour: number;
  toHour: number;
  channels?: string[];
  devices?: string[];
  personas?: string[];
  /** The site's persona rules as personaCaseSql(rules, visitorFeatureSql(6), 7) gives them. */
  persona: { sql: string; values: unknown[]; now: number };
}

/** A local day of the report as whole UTC hours [start, end). */
export interface DayHours {
  day: string;
  start: number;
  end: number;
}

/**
 * Every statement reads rollups (migrations/0003_rollups.sql) by a range of their primary
 * key (site_id, hour, …), never `events`. ?4 holds the visitor filters as one JSON object
 * (NULL = every visitor): `channels` keeps visitors with a landing from one of them in the
 * range, `devices` visitors who used one of them in the range, `personas` visitors whose
 * primary persona is one of them (one lookup of their lifetime rollup each). The persona
 * rules' own values are ?6 (now) and ?7.
 */
export function picked(personaCase: string) {
  return `picked AS MATERIALIZED (
  SELECT h.visitor FROM visitor_hours h
  WHERE h.site_id = ?1 AND h.hour >= ?2 AND h.hour < ?3 AND ?4 IS NOT NULL
  GROUP BY h.visitor
  HAVING (?4 -> '$.channels' IS NULL OR h.visitor IN (
      SELECT visitor FROM visitor_hour_landings WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3
        AND channel IN (SELECT value FROM json_each(?4, '$.channels'))))
    AND (?4 -> '$.devices' IS NULL OR max(h.device IN (SELECT value FROM json_each(?4, '$.devices'))))
    AND (?4 -> '$.personas' IS NULL OR (SELECT ${personaCase} FROM visitor_totals t WHERE t.site_id = ?1 AND t.visitor = h.visitor)
      IN (SELECT value FROM json_each(?4, '$.personas'))))`;
}
const KEPT = `(?4 IS NULL OR visitor IN (SELECT visitor FROM picked))`;

/**
 * The visitor_hours column counting each built-in touchpoint type of a fixed stage (web
 * vitals and feedback prompts are no touchpoint). Feedback, cross-sell clicks and support
 * contacts take the stage of what they are about or where they happen, and subscription
 * renewals and cancellations came after the columns: these are counted with the custom
 * types, by type and stage (visitor_hour_types).
 */
const TYPE_COLUMNS = {
  landing: 'landings',
  page_view: 'page_views',
  product_list_view: 'list_views',
  product_view: 'product_views',
  site_search: 'site_searches',
  wishlist_add: 'wishlist_adds',
  cart_add: 'cart_adds',
  cart_remove: 'cart_removes',
  cart_view: 'cart_views',
  checkout_start: 'checkouts',
  checkout_step: 'checkout_steps',
  order_complete: 'orders',
  order_tracking_view: 'order_tracking_views',
  return_start: 'returns',
  account_view: 'account_views',
  review_submit: 'review_submits',
  newsletter_signup: 'newsletter_signups',
} as const satisfies Record<
  Exclude<TouchpointType, 'web_vitals' | 'feedback' | 'feedback_prompt' | 'cross_sell_click' | 'support_contact' | 'subscription_renew' | 'subscription_cancel'>,
  string
>;
const BUILT_IN = Object.entries(TYPE_COLUMNS) as [keyof typeof TYPE_COLUMNS, string][];

/** The report's statements for a site's persona rules (compiled; see FunnelScope.persona). */
export function funnelSql(personaCase: string) {
  const PICKED = picked(personaCase);

  /**
   * Per visitor over the range: furthest stage, stages touched and each built-in type's count,
   * then the funnel's numbers over the visitors in one row. A visitor whose only row in the
   * range is one row is that row, read in key order; only returning visitors' rows are
   * grouped by visitor (migrations/0007_one_hour_and_returning_visitors.sql). `rows` are the
   * single-row visitors to read: every kept one, or only returning visitors' (one-hour
   * visitors are summed per hour in hour_visitors).
   */
  const visitorsSql = (rows: string) => `WITH ${PICKED},
  returners AS MATERIALIZED (
    SELECT max(furthest) AS furthest, max(stages & 1) | max(stages & 2) | max(stages & 4) | max(stages & 8) | max(stages & 16) AS stages,
           ${BUILT_IN.map(([type, column]) => `sum(${column}) AS ${type}`).join(', ')}
    FROM visitor_hours INDEXED BY visitor_hours_returning
    WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${RETURNING_ROWS} AND ${KEPT} GROUP BY visitor),
  per AS (
    SELECT furthest, stages, ${BUILT_IN.map(([type, column]) => `${column} AS ${type}`).join(', ')}
    FROM ${rows}
    UNION ALL SELECT * FROM returners)
  SELECT ${STAGES.map((_, i) => `sum(furthest >= ${i + 1}) AS reached_${i + 1}, sum(stages & ${1 << i} > 0) AS visitors_${i + 1}`).join(', ')},
         ${BUILT_IN.map(([type]) => `sum(${type}) AS ${type}, sum(${type} > 0) AS ${type}_visitors`).join(', ')},
         sum(cart_add > 0) AS cart_visitors, sum(cart_add > 0 AND order_complete = 0) AS abandoned,
         sum(CASE WHEN order_complete = 0 THEN cart_add END) AS abandoned_cart_adds
  FROM per`;
  const VISITORS_OF_KEPT = visitorsSql(`visitor_hours WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${soloRow()} AND ${KEPT}`);
  const RETURNING_VISITORS = visitorsSql(
    `visitor_hours INDEXED BY visitor_hours_returning WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${returningVisitor()} AND ${soloRow()}`,
  );

  /** The same numbers for one-hour visitors: their hours' sums, with the names of VISITORS_OF_KEPT. */
  const ONE_HOUR_VISITORS = `SELECT sum(visitors) AS reached_1, ${[2, 3, 4, 5].map((n) => `sum(reached_${n}) AS reached_${n}`).join(', ')},
         ${STAGES.map((_, i) => `sum(stage_${i + 1}) AS visitors_${i + 1}`).join(', ')},
         ${BUILT_IN.map(([type, column]) => `sum(${column}) AS ${type}, sum(${column}_visitors) AS ${type}_visitors`).join(', ')},
         sum(cart_adds_visitors) AS cart_visitors, sum(abandoned) AS abandoned, sum(abandoned_cart_adds) AS abandoned_cart_adds
  FROM hour_visitors WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3`;

  const CUSTOM_TOUCHPOINTS = `WITH ${PICKED}
  SELECT stage, type, sum(touchpoints) AS touchpoints, count(DISTINCT visitor) AS visitors
  FROM visitor_hour_types WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${KEPT}
  GROUP BY stage, type`;

  const LANDINGS_OF_KEPT = `WITH ${PICKED}
  SELECT channel, nullif(search_engine, '') AS search_engine, sum(landings) AS landings, count(DISTINCT visitor) AS visitors
  FROM visitor_hour_landings WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${KEPT}
  GROUP BY 1, 2 ORDER BY landings DESC, 1, 2`;

  /** One-hour visitors' landings by hour, then each returning visitor's, by the key of their rows. */
  const LANDINGS = `SELECT channel, nullif(search_engine, '') AS search_engine, sum(landings) AS landings, sum(visitors) AS visitors FROM (
    SELECT channel, search_engine, landings, visitors FROM hour_visitor_landings WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3
    UNION ALL
    SELECT l.channel, l.search_engine, sum(l.landings), 1 FROM visitor_hours h INDEXED BY visitor_hours_returning
      CROSS JOIN visitor_hour_landings l ON l.site_id = ?1 AND l.hour = h.hour AND l.visitor = h.visitor
    WHERE h.site_id = ?1 AND h.hour >= ?2 AND h.hour < ?3 AND ${returningVisitor('h.')}
    GROUP BY l.channel, l.search_engine, h.visitor)
  GROUP BY 1, 2 HAVING sum(landings) > 0 ORDER BY landings DESC, 1, 2`;

  /**
   * What visitors with a cart_add and no order_complete in the range had added, by currency:
   * a visitor with one row in the range is one of the partial index's abandoned rows and its
   * cart money is that hour's; a returning one's is looked up
   * hour by hour (visitor_hours_by_visitor), never a scan of the range's money.
   */
  const ABANDONED_CART_VALUE = `WITH ${PICKED},
  abandoned AS MATERIALIZED (
    SELECT visitor FROM visitor_hours INDEXED BY visitor_hours_returning
    WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${RETURNING_ROWS} AND ${KEPT}
    GROUP BY visitor HAVING sum(cart_adds) > 0 AND sum(orders) = 0),
  cart AS (
    SELECT m.currency, m.amount FROM visitor_hours h INDEXED BY visitor_hours_abandoned CROSS JOIN visitor_hour_money m
      ON m.site_id = ?1 AND m.hour = h.hour AND m.visitor = h.visitor AND m.kind = 'cart'
    WHERE h.site_id = ?1 AND h.hour >= ?2 AND h.hour < ?3 AND h.cart_adds > 0 AND h.orders = 0 AND ${soloRow('h.')}
      AND ${KEPT.replace('visitor IN', 'h.visitor IN')}
    UNION ALL
    SELECT m.currency, m.amount FROM abandoned a
      CROSS JOIN visitor_hours h INDEXED BY visitor_hours_by_visitor ON h.site_id = ?1 AND h.visitor = a.visitor AND h.hour >= ?2 AND h.hour < ?3
      CROSS JOIN visitor_hour_money m ON m.site_id = ?1 AND m.hour = h.hour AND m.visitor = h.visitor AND m.kind = 'cart')
  SELECT json_group_array(json_array(currency, value)) AS value FROM (
    SELECT currency, sum(amount) AS value FROM cart GROUP BY 1 ORDER BY 1)`;

  const REVENUE_OF_KEPT = `WITH ${PICKED}
  SELECT nullif(currency, '') AS currency, sum(events) AS orders, count(DISTINCT visitor) AS buyers, sum(amount) AS revenue
  FROM visitor_hour_money WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND kind = 'order' AND ${KEPT}
  GROUP BY currency ORDER BY orders DESC, 1`;

  /** One-hour visitors' orders by hour, then each returning visitor's, by the key of their rows. */
  const REVENUE = `SELECT nullif(currency, '') AS currency, sum(events) AS orders, sum(visitors) AS buyers, sum(amount) AS revenue FROM (
    SELECT currency, events, visitors, amount FROM hour_visitor_money WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND kind = 'order'
    UNION ALL
    SELECT m.currency, sum(m.events), 1, sum(m.amount) FROM visitor_hours h INDEXED BY visitor_hours_returning
      CROSS JOIN visitor_hour_money m ON m.site_id = ?1 AND m.hour = h.hour AND m.visitor = h.visitor AND m.kind = 'order'
    WHERE h.site_id = ?1 AND h.hour >= ?2 AND h.hour < ?3 AND ${returningVisitor('h.')}
    GROUP BY m.currency, h.visitor)
  GROUP BY currency HAVING sum(events) > 0 ORDER BY orders DESC, 1`;

  /** The web-vital histograms of the range: samples per stage, metric and bucket. */
  const WEB_VITALS = `SELECT stage, metric, bucket, sum(samples) AS samples
  FROM hour_vitals WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3
  GROUP BY stage, metric, bucket ORDER BY stage, metric, bucket`;

  /**
   * Histograms are per site, not per visitor: with a channel filter the samples come from
   * the kept visitors' own web_vitals events (events_by_visitor, one range per visitor),
   * bucketed as the rollup trigger does. CROSS JOIN keeps the kept visitors as the outer
   * loop: left to choose, the planner would walk the site's whole index instead.
   */
  const WEB_VITALS_OF_KEPT = `WITH ${PICKED}
  SELECT e.stage, m.key AS metric, CAST(printf('%.1e', m.value) AS REAL) AS bucket, count(*) AS samples
  FROM picked p CROSS JOIN events e INDEXED BY events_by_visitor
    ON e.site_id = ?1 AND e.visitor = p.visitor AND e.ts >= ?2 * 3600000 AND e.ts < ?3 * 3600000,
    json_each(e.props) m
  WHERE e.type = 'web_vitals' AND m.key IN ('lcp', 'inp', 'cls', 'fcp', 'ttfb') AND m.type IN ('integer', 'real')
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

  /**
   * Day buckets of the report's zone, bound as one JSON array of [day, start hour, end hour]:
   * a day's distinct visitors are its visitor-hour rows whose visitor had no row earlier that
   * day (prev_hour), counted with its orders in one read of the day's range; its visits are
   * its distinct (visitor, session) pairs.
   */
  const DAYS_OF_KEPT = `WITH ${PICKED},
  days AS (SELECT value ->> 0 AS day, value ->> 1 AS start, value ->> 2 AS end FROM json_each(?5))
  SELECT day, counts ->> 0 AS visitors, visits, counts ->> 1 AS orders FROM (
    SELECT d.day,
      (SELECT json_array(count(*) FILTER (WHERE h.prev_hour IS NULL OR h.prev_hour < d.start), coalesce(sum(h.orders), 0))
        FROM visitor_hours h WHERE h.site_id = ?1 AND h.hour >= d.start AND h.hour < d.end AND ${KEPT.replace('visitor IN', 'h.visitor IN')}) AS counts,
      (SELECT count(*) FROM (SELECT DISTINCT v.visitor, v.session FROM visit_hours v
        WHERE v.site_id = ?1 AND v.hour >= d.start AND v.hour < d.end AND ${KEPT.replace('visitor IN', 'v.visitor IN')})) AS visits
    FROM days d)
  ORDER BY day`;

  /** The same, one-hour visitors summed by hour (their visits too: their sessions lie in that hour), returning visitors row by row. */
  const DAYS = `WITH days AS (SELECT value ->> 0 AS day, value ->> 1 AS start, value ->> 2 AS end FROM json_each(?5))
  SELECT day, (one ->> 0) + (back ->> 0) AS visitors, (one ->> 1) + back_visits AS visits, (one ->> 2) + (back ->> 1) AS orders FROM (
    SELECT d.day,
      (SELECT json_array(coalesce(sum(visitors), 0), coalesce(sum(visits), 0), coalesce(sum(orders), 0))
        FROM hour_visitors WHERE site_id = ?1 AND hour >= d.start AND hour < d.end) AS one,
      (SELECT json_array(count(*) FILTER (WHERE h.prev_hour IS NULL OR h.prev_hour < d.start), coalesce(sum(h.orders), 0))
        FROM visitor_hours h INDEXED BY visitor_hours_returning
        WHERE h.site_id = ?1 AND h.hour >= d.start AND h.hour < d.end AND ${returningVisitor('h.')}) AS back,
      (SELECT count(*) FROM (SELECT DISTINCT v.visitor, v.session FROM visitor_hours h INDEXED BY visitor_hours_returning
          CROSS JOIN visit_hours v ON v.site_id = ?1 AND v.hour = h.hour AND v.visitor = h.visitor
        WHERE h.site_id = ?1 AND h.hour >= d.start AND h.hour < d.end AND ${returningVisitor('h.')})) AS back_visits
    FROM days d)
  ORDER BY day`;

  return {
    ONE_HOUR_VISITORS, RETURNING_VISITORS, VISITORS_OF_KEPT, CUSTOM_TOUCHPOINTS, LANDINGS, LANDINGS_OF_KEPT, ABANDONED_CART_VALUE,
    REVENUE, REVENUE_OF_KEPT, WEB_VITALS, WEB_VITALS_OF_KEPT, DAYS, DAYS_OF_KEPT,
  };
}

/** The statements with the default personas, for the query-plan test. */
export const FUNNEL_SQL = funnelSql(personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(6), 7).sql);

export interface FunnelRows {
  /** Per stage in order: visitors whose furthest stage is this one or later, and visitors with a touchpoint of it. */
  stages: { reached: number; visitors: number }[];
  touchpoints: { stage: number; type: string; touchpoints: number; visitors: number }[];
  landings: { channel: string; search_engine: string | null; landings: number; visitors: number }[];
  carts: { cart_visitors: number; abandoned: number; cart_adds: number | null; value: string };
  revenue: { currency: string | null; orders: number; buyers: number; revenue: number | null }[];
  /** Web-vital histograms, in (stage, metric, bucket) order. */
  vitals: { stage: number; metric: string; bucket: number; samples: number }[];
  days: { day: string; visitors: number; visits: number; orders: number }[];
  /** Rows D1 read for the whole report. */
  rowsRead: number;
}

/** Every query of a funnel report, in one D1 round trip; touchpoints by type in (stage, touchpoints desc, type) order. */
export async function readFunnel(db: D1Database, scope: FunnelScope, days: DayHours[]): Promise<FunnelRows> {
  const sql = funnelSql(scope.persona.sql);
  const filtered = scope.channels || scope.devices || scope.personas;
  const params = scopeParams(scope, days);
  const bind = (statement: string) => db.prepare(statement).bind(...usedParams(statement, params));
  // Unfiltered, one-hour visitors come summed by hour and only returning visitors row by row.
  const results = await db.batch([
    bind(filtered ? sql.VISITORS_OF_KEPT : sql.RETURNING_VISITORS),
    bind(sql.CUSTOM_TOUCHPOINTS),
    bind(filtered ? sql.LANDINGS_OF_KEPT : sql.LANDINGS),
    bind(sql.ABANDONED_CART_VALUE),
    bind(filtered ? sql.REVENUE_OF_KEPT : sql.REVENUE),
    bind(filtered ? sql.WEB_VITALS_OF_KEPT : sql.WEB_VITALS),
    bind(filtered ? sql.DAYS_OF_KEPT : sql.DAYS),
    ...(filtered ? [] : [bind(sql.ONE_HOUR_VISITORS)]),
  ]);
  const rows = <T>(index: number) => results[index]!.results as T[];
  const visitors = rows<Record<string, number | null>>(0)[0]!;
  const oneHour = filtered ? {} : rows<Record<string, number | null>>(7)[0]!;
  const count = (name: string) => (visitors[name] ?? 0) + (oneHour[name] ?? 0);
  const touchpoints = [
    ...BUILT_IN.map(([type]) => ({ stage: STAGES.indexOf(TOUCHPOINT_STAGE[type]) + 1, type, touchpoints: count(type), visitors: count(`${type}_visitors`) })),
    ...rows<FunnelRows['touchpoints'][number]>(1),
  ]
    .filter((t) => t.touchpoints > 0)
    .sort((a, b) => a.stage - b.stage || b.touchpoints - a.touchpoints || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return {
    stages: STAGES.map((_, i) => ({ reached: count(`reached_${i + 1}`), visitors: count(`visitors_${i + 1}`) })),
    touchpoints,
    landings: rows(2),
    carts: {
      cart_visitors: count('cart_visitors'),
      abandoned: count('abandoned'),
      cart_adds: count('abandoned_cart_adds'),
      value: rows<{ value: string }>(3)[0]!.value,
    },
    revenue: rows(4),
    vitals: rows(5),
    days: rows(6),
    rowsRead: results.reduce((sum, result) => sum + (result.meta.rows_read ?? 0), 0),
  };
}

/** The latest comments a feedback report lists. */
export const LATEST_COMMENTS = 20;

/**
 * The feedback report's statements (migrations/0005_feedback_rollups.sql), with the funnel's
 * parameters and visitor filters (?1–?7, `picked`). Counts are per day of the report's zone,
 * stage and prompt; the report sums the days for its totals.
 */
export function feedbackSql(personaCase: string) {
  const PICKED = picked(personaCase);

  /** CROSS JOIN: each day a range of the rollup's key; left to choose, the planner walks the site's rows once per day. */
  const FEEDBACK_DAYS = `WITH ${PICKED},
  days AS (SELECT value ->> 0 AS day, value ->> 1 AS start, value ->> 2 AS end FROM json_each(?5))
  SELECT d.day, f.stage, f.prompt, sum(f.shown) AS shown, sum(f.dismissed) AS dismissed, sum(f.answers) AS answers,
         sum(f.rated_1) AS rated_1, sum(f.rated_2) AS rated_2, sum(f.rated_3) AS rated_3, sum(f.rated_4) AS rated_4, sum(f.rated_5) AS rated_5
  FROM days d CROSS JOIN visitor_hour_feedback f
    ON f.site_id = ?1 AND f.hour >= d.start AND f.hour < d.end AND ${KEPT.replace('visitor IN', 'f.visitor IN')}
  GROUP BY d.day, f.stage, f.prompt ORDER BY d.day, f.stage, f.prompt`;

  /**
   * Newest first: the end of the comments' key range, backwards, no sort; each comment's
   * text from its event by its unique key (events_by_id holds (site_id, id, ts)). CROSS
   * JOIN keeps the comments as the outer loop.
   */
  const LATEST_FEEDBACK_COMMENTS = `WITH ${PICKED}
  SELECT c.ts, c.visitor, e.stage, e.props ->> '$.prompt' AS prompt, e.props ->> '$.rating' AS rating, e.props ->> '$.comment' AS comment
  FROM feedback_comments c CROSS JOIN events e ON e.site_id = c.site_id AND e.ts = c.ts AND e.id = c.id
  WHERE c.site_id = ?1 AND c.ts >= ?2 * 3600000 AND c.ts < ?3 * 3600000 AND ${KEPT.replace('visitor IN', 'c.visitor IN')}
  ORDER BY c.ts DESC, c.id DESC LIMIT ${LATEST_COMMENTS}`;

  return { FEEDBACK_DAYS, LATEST_FEEDBACK_COMMENTS };
}

/** The statements with the default personas, for the query-plan test. */
export const FEEDBACK_SQL = feedbackSql(personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(6), 7).sql);

export interface FeedbackCounts {
  shown: number;
  dismissed: number;
  answers: number;
  rated_1: number;
  rated_2: number;
  rated_3: number;
  rated_4: number;
  rated_5: number;
}

export interface FeedbackRows {
  days: ({ day: string; stage: number; prompt: string } & FeedbackCounts)[];
  comments: { ts: number; visitor: string; stage: number; prompt: string | null; rating: number | null; comment: string }[];
  /** Rows D1 read for the whole report. */
  rowsRead: number;
}

/** Both queries of a feedback report, in one D1 round trip. */
export async function readFeedback(db: D1Database, scope: FunnelScope, days: DayHours[]): Promise<FeedbackRows> {
  const { FEEDBACK_DAYS, LATEST_FEEDBACK_COMMENTS } = feedbackSql(scope.persona.sql);
  const params = scopeParams(scope, days);
  const bind = (sql: string) => db.prepare(sql).bind(...usedParams(sql, params));
  const results = await db.batch([bind(FEEDBACK_DAYS), bind(LATEST_FEEDBACK_COMMENTS)]);
  return {
    days: results[0]!.results as FeedbackRows['days'],
    comments: results[1]!.results as FeedbackRows['comments'],
    rowsRead: results.reduce((sum, result) => sum + (result.meta.rows_read ?? 0), 0),
  };
}

/** ?1–?7 of the funnel and feedback statements. */
export function scopeParams(scope: FunnelScope, days: DayHours[]): unknown[] {
  const filtered = scope.channels || scope.devices || scope.personas;
  const filters = filtered ? JSON.stringify({ channels: scope.channels, devices: scope.devices, personas: scope.personas }) : null;
  return [scope.siteId, scope.fromHour, scope.toHour, filters, JSON.stringify(days.map((d) => [d.day, d.start, d.end])), scope.persona.now, JSON.stringify(scope.persona.values)];
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
  await expandRows(db, siteId, results);
  return results;
}
