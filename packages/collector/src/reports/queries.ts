import { STAGES, TOUCHPOINT_STAGE, type TouchpointType } from '@waymark/schema';
import { expandRows } from '../events/expandRows.ts';
import { EXPORT_COLUMNS, type ExportRow } from '../export/exportRow.ts';
import { usedParams } from '../lib/usedParams.ts';
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
function picked(personaCase: string) {
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
 * vitals and feedback prompts are no touchpoint; feedback takes the stage it is about, so it
 * is counted with the custom types, by stage).
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
} as const satisfies Record<Exclude<TouchpointType, 'web_vitals' | 'feedback' | 'feedback_prompt'>, string>;
const BUILT_IN = Object.entries(TYPE_COLUMNS) as [keyof typeof TYPE_COLUMNS, string][];

/** The report's statements for a site's persona rules (compiled; see FunnelScope.persona). */
export function funnelSql(personaCase: string) {
  const PICKED = picked(personaCase);

  /** Per visitor: furthest stage and the bit set of stages touched, OR-ed over the range's hours. */
  const JOURNEY_SHAPES = `WITH ${PICKED}
  SELECT furthest, touched, count(*) AS visitors FROM (
    SELECT max(furthest) AS furthest,
           max(stages & 1) | max(stages & 2) | max(stages & 4) | max(stages & 8) | max(stages & 16) AS touched
    FROM visitor_hours WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${KEPT} GROUP BY visitor)
  GROUP BY furthest, touched`;


  /**
   * Built-in types in one pass over the visitors: per visitor the sum of each type's column,
   * then per type the touchpoints and the visitors with at least one (one row, two columns a type).
   */
  const BUILT_IN_TOUCHPOINTS = `WITH ${PICKED},
  per AS (SELECT ${BUILT_IN.map(([type, column]) => `sum(${column}) AS ${type}`).join(', ')}
    FROM visitor_hours WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${KEPT} GROUP BY visitor)
  SELECT ${BUILT_IN.map(([type]) => `sum(${type}) AS ${type}, sum(${type} > 0) AS ${type}_visitors`).join(', ')} FROM per`;

  const CUSTOM_TOUCHPOINTS = `WITH ${PICKED}
  SELECT stage, type, sum(touchpoints) AS touchpoints, count(DISTINCT visitor) AS visitors
  FROM visitor_hour_types WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${KEPT}
  GROUP BY stage, type`;

  const LANDINGS = `WITH ${PICKED}
  SELECT channel, nullif(search_engine, '') AS search_engine, sum(landings) AS landings, count(DISTINCT visitor) AS visitors
  FROM visitor_hour_landings WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${KEPT}
  GROUP BY 1, 2 ORDER BY landings DESC, 1, 2`;

  /** Visitors with a cart_add and no order_complete in the range, and what they had added. */
  const ABANDONED_CARTS = `WITH ${PICKED},
  carts AS MATERIALIZED (
    SELECT visitor, sum(cart_adds) AS adds, sum(orders) AS orders
    FROM visitor_hours WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND ${KEPT} GROUP BY visitor),
  abandoned AS MATERIALIZED (SELECT visitor FROM carts WHERE adds > 0 AND orders = 0)
  SELECT (SELECT count(*) FROM carts WHERE adds > 0) AS cart_visitors,
         (SELECT count(*) FROM abandoned) AS abandoned,
         (SELECT sum(adds) FROM carts WHERE adds > 0 AND orders = 0) AS cart_adds,
         (SELECT json_group_array(json_array(currency, value)) FROM (
            SELECT currency, sum(amount) AS value FROM visitor_hour_money
            WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND kind = 'cart' AND visitor IN (SELECT visitor FROM abandoned)
            GROUP BY 1 ORDER BY 1)) AS value`;

  const REVENUE = `WITH ${PICKED}
  SELECT nullif(currency, '') AS currency, sum(events) AS orders, count(DISTINCT visitor) AS buyers, sum(amount) AS revenue
  FROM visitor_hour_money WHERE site_id = ?1 AND hour >= ?2 AND hour < ?3 AND kind = 'order' AND ${KEPT}
  GROUP BY currency ORDER BY orders DESC, 1`;

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

  /** Day buckets of the report's zone, bound as one JSON array of [day, start hour, end hour]. */
  const DAYS = `WITH ${PICKED},
  days AS (SELECT value ->> 0 AS day, value ->> 1 AS start, value ->> 2 AS end FROM json_each(?5))
  SELECT d.day, count(DISTINCT v.visitor) AS visitors, count(DISTINCT v.session) AS visits,
         coalesce((SELECT sum(orders) FROM visitor_hours h
           WHERE h.site_id = ?1 AND h.hour >= d.start AND h.hour < d.end AND ${KEPT.replace('visitor IN', 'h.visitor IN')}), 0) AS orders
  FROM days d LEFT JOIN visit_hours v
    ON v.site_id = ?1 AND v.hour >= d.start AND v.hour < d.end AND ${KEPT.replace('visitor IN', 'v.visitor IN')}
  GROUP BY d.day ORDER BY d.day`;

  return { JOURNEY_SHAPES, BUILT_IN_TOUCHPOINTS, CUSTOM_TOUCHPOINTS, LANDINGS, ABANDONED_CARTS, REVENUE, WEB_VITALS, WEB_VITALS_OF_KEPT, DAYS };
}

/** The statements with the default personas, for the query-plan test. */
export const FUNNEL_SQL = funnelSql(personaCaseSql(DEFAULT_PERSONAS, visitorFeatureSql(6), 7).sql);

export interface FunnelRows {
  shapes: { furthest: number; touched: number; visitors: number }[];
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
  const { JOURNEY_SHAPES, BUILT_IN_TOUCHPOINTS, CUSTOM_TOUCHPOINTS, LANDINGS, ABANDONED_CARTS, REVENUE, WEB_VITALS, WEB_VITALS_OF_KEPT, DAYS } = funnelSql(scope.persona.sql);
  const filtered = scope.channels || scope.devices || scope.personas;
  const params = scopeParams(scope, days);
  const bind = (sql: string) => db.prepare(sql).bind(...usedParams(sql, params));
  const results = await db.batch([
    bind(JOURNEY_SHAPES),
    bind(BUILT_IN_TOUCHPOINTS),
    bind(CUSTOM_TOUCHPOINTS),
    bind(LANDINGS),
    bind(ABANDONED_CARTS),
    bind(REVENUE),
    bind(filtered ? WEB_VITALS_OF_KEPT : WEB_VITALS),
    bind(DAYS),
  ]);
  const rows = <T>(index: number) => results[index]!.results as T[];
  const builtIn = rows<Record<string, number | null>>(1)[0]!;
  const touchpoints = [
    ...BUILT_IN.map(([type]) => ({ stage: STAGES.indexOf(TOUCHPOINT_STAGE[type]) + 1, type, touchpoints: builtIn[type] ?? 0, visitors: builtIn[`${type}_visitors`] ?? 0 })),
    ...rows<FunnelRows['touchpoints'][number]>(2),
  ]
    .filter((t) => t.touchpoints > 0)
    .sort((a, b) => a.stage - b.stage || b.touchpoints - a.touchpoints || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return {
    shapes: rows(0),
    touchpoints,
    landings: rows(3),
    carts: rows<FunnelRows['carts']>(4)[0]!,
    revenue: rows(5),
    vitals: rows(6),
    days: rows(7),
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
function scopeParams(scope: FunnelScope, days: DayHours[]): unknown[] {
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
