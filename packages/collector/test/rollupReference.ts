import { isTouchpointType } from '@waymark/schema';
import type { FunnelRows } from '../src/reports/queries.ts';

/** Built-in types without a visitor_hours column of their own: counted as custom types are, by type and stage. */
const BY_TYPE_AND_STAGE = new Set(['feedback', 'cross_sell_click', 'support_contact', 'subscription_renew', 'subscription_cancel']);

/**
 * What the rollups must hold, computed from raw stored events in the test: the funnel
 * report's SQL as it was before rollups (over a range of `events`), and the rollup tables
 * rebuilt in plain TypeScript.
 */

export interface RawEvent {
  ts: number;
  id: string;
  type: string;
  stage: number;
  visitor: string;
  session: string;
  channel: string | null;
  search_engine: string | null;
  country: string | null;
  device: string | null;
  props: string | null;
}

const SCOPE = `scope AS (
  SELECT visitor, session, stage, type, channel, search_engine, props, ts FROM events
  WHERE site_id = ?1 AND ts >= ?2 AND ts < ?3
    AND (?4 IS NULL OR visitor IN (
      SELECT visitor FROM events
      WHERE site_id = ?1 AND ts >= ?2 AND ts < ?3 AND type = 'landing'
        AND channel IN (SELECT value FROM json_each(?4))))
)`;

const REFERENCE = {
  shapes: `WITH ${SCOPE}
SELECT furthest, touched, count(*) AS visitors FROM (
  SELECT max(stage) AS furthest,
         max(stage = 1) | (max(stage = 2) << 1) | (max(stage = 3) << 2) | (max(stage = 4) << 3) | (max(stage = 5) << 4) AS touched
  FROM scope WHERE type NOT IN ('web_vitals', 'feedback_prompt') GROUP BY visitor)
GROUP BY furthest, touched`,
  touchpoints: `WITH ${SCOPE}
SELECT stage, type, count(*) AS touchpoints, count(DISTINCT visitor) AS visitors
FROM scope WHERE type NOT IN ('web_vitals', 'feedback_prompt') GROUP BY stage, type ORDER BY stage, touchpoints DESC, type`,
  landings: `WITH ${SCOPE}
SELECT coalesce(channel, 'unknown') AS channel, search_engine, count(*) AS landings, count(DISTINCT visitor) AS visitors
FROM scope WHERE type = 'landing' GROUP BY 1, 2 ORDER BY landings DESC, 1, 2`,
  carts: `WITH ${SCOPE},
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
          GROUP BY 1 ORDER BY 1)) AS value`,
  revenue: `WITH ${SCOPE}
SELECT props ->> '$.currency' AS currency, count(*) AS orders, count(DISTINCT visitor) AS buyers,
       sum(CASE WHEN json_type(props, '$.revenue') IN ('integer', 'real') THEN props ->> '$.revenue' END) AS revenue
FROM scope WHERE type = 'order_complete' GROUP BY 1 ORDER BY orders DESC, 1`,
  // Exact nearest-rank quantiles, of values in the rollup's two-significant-digit buckets.
  vitals: `WITH ${SCOPE},
samples AS (
  SELECT s.stage, m.key AS metric, CAST(printf('%.1e', m.value) AS REAL) AS value
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
FROM ranked GROUP BY stage, metric ORDER BY stage, metric`,
  days: `WITH days AS (SELECT value ->> 0 AS day, value ->> 1 AS start, value ->> 2 AS end FROM json_each(?5))
SELECT d.day, count(DISTINCT e.visitor) AS visitors, count(DISTINCT e.visitor || ' ' || e.session) AS visits,
       coalesce(sum(e.type = 'order_complete'), 0) AS orders
FROM days d LEFT JOIN events e
  ON e.site_id = ?1 AND e.ts >= d.start AND e.ts < d.end AND e.type NOT IN ('web_vitals', 'feedback_prompt')
  AND (?4 IS NULL OR e.visitor IN (
    SELECT visitor FROM events
    WHERE site_id = ?1 AND ts >= ?2 AND ts < ?3 AND type = 'landing'
      AND channel IN (SELECT value FROM json_each(?4))))
GROUP BY d.day ORDER BY d.day`,
};

export interface ReferenceVitals {
  stage: number;
  metric: string;
  samples: number;
  median: number;
  p75: number;
}

/** The funnel's rows read from raw events (vitals apart: exact quantiles, not histograms). */
export async function referenceFunnel(
  db: D1Database,
  scope: { siteId: number; from: number; to: number; channels?: string[] },
  days: { day: string; start: number; end: number }[],
): Promise<{ rows: FunnelRows; vitals: ReferenceVitals[] }> {
  const params = [scope.siteId, scope.from, scope.to, scope.channels ? JSON.stringify(scope.channels) : null];
  const all = async <T>(sql: string, extra: unknown[] = []) => (await db.prepare(sql).bind(...params, ...extra).all<T>()).results;
  return {
    rows: {
      stages: stageCounts(await all(REFERENCE.shapes)),
      touchpoints: await all(REFERENCE.touchpoints),
      landings: await all(REFERENCE.landings),
      carts: (await all<FunnelRows['carts']>(REFERENCE.carts))[0]!,
      revenue: await all(REFERENCE.revenue),
      vitals: [],
      days: await all(REFERENCE.days, [JSON.stringify(days.map((d) => [d.day, d.start, d.end]))]),
      rowsRead: 0,
    },
    vitals: await all<ReferenceVitals>(REFERENCE.vitals),
  };
}

/** Per stage, visitors who reached it (furthest at it or later) and who touched it, from the shapes. */
function stageCounts(shapes: { furthest: number; touched: number; visitors: number }[]): FunnelRows['stages'] {
  const total = (keep: (s: (typeof shapes)[number]) => boolean) => shapes.filter(keep).reduce((n, s) => n + s.visitors, 0);
  return [1, 2, 3, 4, 5].map((stage) => ({ reached: total((s) => s.furthest >= stage), visitors: total((s) => (s.touched & (1 << (stage - 1))) !== 0) }));
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Money and ratings to 6 decimals: sums in another order differ in the last bits. */
export const money = (value: number) => Math.round(value * 1e6) / 1e6;

interface Props {
  product?: { id?: string; price?: unknown; currency?: string; quantity?: unknown };
  revenue?: unknown;
  currency?: string;
  coupon?: unknown;
  rating?: unknown;
}
const propsOf = (e: RawEvent): Props => (e.props === null ? {} : (JSON.parse(e.props) as Props));
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const earlier = (a: RawEvent, b: RawEvent) => a.ts < b.ts || (a.ts === b.ts && a.id < b.id);
const byTime = (a: RawEvent, b: RawEvent) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const family = (events: RawEvent[], type: string) => events.filter((e) => e.type === type).length;
const distinctProducts = (events: RawEvent[]) =>
  new Set(events.filter((e) => e.type === 'product_view').map((e) => propsOf(e).product?.id).filter((id) => id !== undefined)).size;
const ratingSum = (events: RawEvent[]) =>
  money(events.filter((e) => e.type === 'feedback').reduce((s, e) => s + (num(propsOf(e).rating) ?? 0), 0));

/** Every rollup table's rows for one site, as the triggers should have left them. */
export function referenceRollups(events: RawEvent[]) {
  const touch = events.filter((e) => e.type !== 'web_vitals' && e.type !== 'feedback_prompt').sort(byTime);
  const visitorHours = [...groupBy(touch, (e) => `${Math.floor(e.ts / HOUR)} ${e.visitor}`).values()].map((group) => {
    const first = group[0]!;
    const landing = group.find((e) => e.type === 'landing');
    return {
      hour: Math.floor(first.ts / HOUR),
      visitor: first.visitor,
      stages: group.reduce((bits, e) => bits | (1 << (e.stage - 1)), 0),
      furthest: Math.max(...group.map((e) => e.stage)),
      touchpoints: group.length,
      visits: new Set(group.map((e) => e.session)).size,
      product_views: family(group, 'product_view'),
      list_views: family(group, 'product_list_view'),
      distinct_products: distinctProducts(group),
      site_searches: family(group, 'site_search'),
      cart_adds: family(group, 'cart_add'),
      cart_removes: family(group, 'cart_remove'),
      checkouts: family(group, 'checkout_start'),
      orders: family(group, 'order_complete'),
      returns: family(group, 'return_start'),
      order_tracking_views: family(group, 'order_tracking_view'),
      support_contacts: family(group, 'support_contact'),
      feedback_count: family(group, 'feedback'),
      feedback_rating_sum: ratingSum(group),
      landings: family(group, 'landing'),
      page_views: family(group, 'page_view'),
      wishlist_adds: family(group, 'wishlist_add'),
      cart_views: family(group, 'cart_view'),
      checkout_steps: family(group, 'checkout_step'),
      account_views: family(group, 'account_view'),
      review_submits: family(group, 'review_submit'),
      newsletter_signups: family(group, 'newsletter_signup'),
      device: first.device,
      country: first.country,
      channel: landing?.channel ?? null,
      search_engine: landing?.search_engine ?? null,
    };
  });

  // Each row's links to the visitor's neighbouring hours with a row (migration 0007).
  const hoursOf = new Map([...groupBy(visitorHours, (row) => row.visitor)].map(([visitor, rows]) => [visitor, rows.map((r) => r.hour).sort((a, b) => a - b)]));
  const linkedHours = visitorHours.map((row) => {
    const hours = hoursOf.get(row.visitor)!;
    const at = hours.indexOf(row.hour);
    return { ...row, prev_hour: hours[at - 1] ?? null, next_hour: hours[at + 1] ?? null };
  });

  const visitHours = new Set(touch.map((e) => `${Math.floor(e.ts / HOUR)} ${e.visitor} ${e.session}`)).size;

  const types = [...groupBy(touch.filter((e) => !isTouchpointType(e.type) || BY_TYPE_AND_STAGE.has(e.type)), (e) => JSON.stringify([Math.floor(e.ts / HOUR), e.visitor, e.type, e.stage]))].map(
    ([key, group]) => [key, group.length] as const,
  );
  const landings = [
    ...groupBy(touch.filter((e) => e.type === 'landing'), (e) => JSON.stringify([Math.floor(e.ts / HOUR), e.visitor, e.channel ?? 'unknown', e.search_engine ?? ''])),
  ].map(([key, group]) => [key, group.length] as const);

  const money_ = new Map<string, { events: number; amount: number }>();
  for (const e of touch) {
    const props = propsOf(e);
    let key: string | undefined;
    let amount = 0;
    if (e.type === 'cart_add' && props.product?.currency !== undefined && num(props.product.price) !== undefined) {
      key = JSON.stringify([Math.floor(e.ts / HOUR), e.visitor, 'cart', props.product.currency]);
      amount = num(props.product.price)! * Number(props.product.quantity ?? 1);
    } else if (e.type === 'order_complete') {
      key = JSON.stringify([Math.floor(e.ts / HOUR), e.visitor, 'order', props.currency ?? '']);
      amount = num(props.revenue) ?? 0;
    }
    if (key === undefined) continue;
    const entry = money_.get(key) ?? { events: 0, amount: 0 };
    money_.set(key, { events: entry.events + 1, amount: money(entry.amount + amount) });
  }

  // One row per visit (visit_paths, migration 0008): its touchpoints in (ts, id) order.
  const paths = [...groupBy(touch, (e) => `${e.visitor} ${e.session}`).values()].map((visit) => ({
    visitor: visit[0]!.visitor,
    session: visit[0]!.session,
    start_hour: Math.floor(visit[0]!.ts / HOUR),
    started_at: visit[0]!.ts,
    last_at: visit.at(-1)!.ts,
    types: visit.map((e) => e.type).join(' '),
    stages: visit.map((e) => e.stage).join(''),
    offsets: visit.map((e) => e.ts - visit[0]!.ts).join(' '),
  }));

  const vitals = new Map<string, number>();
  for (const e of events.filter((e) => e.type === 'web_vitals')) {
    for (const [metric, value] of Object.entries(propsOf(e) as Record<string, unknown>)) {
      if (!['lcp', 'inp', 'cls', 'fcp', 'ttfb'].includes(metric) || typeof value !== 'number') continue;
      // Test values have two significant digits at most, so a bucket is the value itself.
      const key = JSON.stringify([Math.floor(e.ts / HOUR), e.stage, metric, value]);
      vitals.set(key, (vitals.get(key) ?? 0) + 1);
    }
  }

  const totals = [...groupBy(touch, (e) => e.visitor).values()].map((group) => {
    const first = group[0]!;
    const landing = group.find((e) => e.type === 'landing');
    const at = (type: string) => group.filter((e) => e.type === type).map((e) => e.ts);
    const orders = at('order_complete');
    const cartDays = groupBy(group.filter((e) => e.type === 'cart_add' || e.type === 'order_complete'), (e) => String(Math.floor(e.ts / DAY)));
    return {
      visitor: first.visitor,
      first_seen: first.ts,
      last_seen: Math.max(...group.map((e) => e.ts)),
      first_channel: landing?.channel ?? null,
      first_search_engine: landing?.search_engine ?? null,
      device: first.device,
      country: first.country,
      visits: new Set(group.map((e) => e.session)).size,
      product_views: family(group, 'product_view'),
      distinct_products: distinctProducts(group),
      site_searches: family(group, 'site_search'),
      cart_adds: family(group, 'cart_add'),
      checkouts: family(group, 'checkout_start'),
      orders: orders.length,
      revenue: money(group.filter((e) => e.type === 'order_complete').reduce((s, e) => s + (num(propsOf(e).revenue) ?? 0), 0)),
      coupon_orders: group.filter((e) => e.type === 'order_complete' && ![undefined, null, ''].includes(propsOf(e).coupon as string)).length,
      returns: family(group, 'return_start'),
      order_tracking_views: family(group, 'order_tracking_view'),
      support_contacts: family(group, 'support_contact'),
      feedback_count: family(group, 'feedback'),
      feedback_rating_sum: ratingSum(group),
      first_order_at: orders.length ? Math.min(...orders) : null,
      last_order_at: orders.length ? Math.max(...orders) : null,
      first_product_view_at: at('product_view').length ? Math.min(...at('product_view')) : null,
      first_cart_add_at: at('cart_add').length ? Math.min(...at('cart_add')) : null,
      abandoned_carts: [...cartDays.values()].filter((day) => family(day, 'cart_add') > 0 && family(day, 'order_complete') === 0).length,
    };
  });

  const sorted = <T>(entries: Iterable<T>) => [...entries].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    visitorHours: sorted(linkedHours),
    visitHours,
    types: sorted(types),
    landings: sorted(landings),
    money: sorted(money_),
    paths: sorted(paths),
    vitals: sorted(vitals),
    totals: sorted(totals),
  };
}

/** The same shapes read from the rollup tables of `siteId`. */
export async function storedRollups(db: D1Database, siteId: number) {
  const all = async <T>(sql: string) => (await db.prepare(sql).bind(siteId).all<T>()).results;
  const sorted = <T>(entries: Iterable<T>) => [...entries].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  const visitorHours = await all<Record<string, unknown>>(
    `SELECT hour, visitor, stages, furthest, touchpoints, visits, product_views, list_views, distinct_products, site_searches,
       cart_adds, cart_removes, checkouts, orders, returns, order_tracking_views, support_contacts, feedback_count,
       feedback_rating_sum, landings, page_views, wishlist_adds, cart_views, checkout_steps, account_views, review_submits,
       newsletter_signups, device, country, channel, search_engine, prev_hour, next_hour FROM visitor_hours WHERE site_id = ?1`,
  );
  const totals = await all<Record<string, unknown>>(
    `SELECT visitor, first_seen, last_seen, first_channel, first_search_engine, device, country, visits, product_views,
       distinct_products, site_searches, cart_adds, checkouts, orders, revenue, coupon_orders, returns, order_tracking_views,
       support_contacts, feedback_count, feedback_rating_sum, first_order_at, last_order_at, first_product_view_at,
       first_cart_add_at, abandoned_carts FROM visitor_totals WHERE site_id = ?1`,
  );
  const round = (row: Record<string, unknown>, ...keys: string[]) => {
    for (const key of keys) row[key] = money(row[key] as number);
    return row;
  };
  type Keyed = { key: string; n: number };
  return {
    visitorHours: sorted(visitorHours.map((r) => round(r, 'feedback_rating_sum'))),
    visitHours: (await all<{ n: number }>('SELECT count(*) AS n FROM visit_hours WHERE site_id = ?1'))[0]!.n,
    types: sorted(
      (await all<Keyed>(`SELECT json_array(hour, visitor, type, stage) AS key, touchpoints AS n FROM visitor_hour_types WHERE site_id = ?1`)).map(
        (r) => [r.key, r.n] as const,
      ),
    ),
    landings: sorted(
      (await all<Keyed>(`SELECT json_array(hour, visitor, channel, search_engine) AS key, landings AS n FROM visitor_hour_landings WHERE site_id = ?1`)).map(
        (r) => [r.key, r.n] as const,
      ),
    ),
    money: sorted(
      (await all<{ key: string; events: number; amount: number }>(
        `SELECT json_array(hour, visitor, kind, currency) AS key, events, amount FROM visitor_hour_money WHERE site_id = ?1`,
      )).map((r) => [r.key, { events: r.events, amount: money(r.amount) }] as const),
    ),
    paths: sorted(
      await all<Record<string, unknown>>('SELECT visitor, session, start_hour, started_at, last_at, types, stages, offsets FROM visit_paths WHERE site_id = ?1'),
    ),
    vitals: sorted(
      (await all<{ hour: number; stage: number; metric: string; bucket: number; samples: number }>(
        'SELECT hour, stage, metric, bucket, samples FROM hour_vitals WHERE site_id = ?1',
      )).map((r) => [JSON.stringify([r.hour, r.stage, r.metric, r.bucket]), r.samples] as const),
    ),
    totals: sorted(totals.map((r) => round(r, 'revenue', 'feedback_rating_sum'))),
  };
}

const ONE_HOUR_TYPES = ['landings', 'page_views', 'list_views', 'product_views', 'site_searches', 'wishlist_adds', 'cart_adds', 'cart_removes', 'cart_views',
  'checkouts', 'checkout_steps', 'orders', 'order_tracking_views', 'returns', 'account_views', 'review_submits', 'newsletter_signups'];

/** hour_visitors' columns as sums over one-hour visitors' visitor_hours rows (migration 0007's definitions). */
const ONE_HOUR_SUMS = [
  ['visitors', 'count(*)'],
  ...[2, 3, 4, 5].map((n) => [`reached_${n}`, `sum(furthest >= ${n})`]),
  ...[1, 2, 3, 4, 5].map((n) => [`stage_${n}`, `sum(stages & ${1 << (n - 1)} > 0)`]),
  ...ONE_HOUR_TYPES.flatMap((t) => [[t, `sum(${t})`], [`${t}_visitors`, `sum(${t} > 0)`]]),
  ['abandoned', 'sum(cart_adds > 0 AND orders = 0)'],
  ['abandoned_cart_adds', 'sum(CASE WHEN orders = 0 THEN cart_adds ELSE 0 END)'],
  ['visits', 'sum(visits)'],
];

/**
 * Rows where the per-hour sums of one-hour visitors kept by the triggers differ from the same
 * sums recomputed from the stored per-visitor rollups (themselves checked against raw events):
 * empty when exact. Rows whose visitors all came back are zero and left out.
 */
export async function oneHourDrift(db: D1Database, siteId: number) {
  const ONE = `v.site_id = ?1 AND v.prev_hour IS NULL AND v.next_hour IS NULL`;
  const diff = (expected: string, stored: string) =>
    `SELECT 'missing' AS side, * FROM (${expected} EXCEPT ${stored}) UNION ALL SELECT 'extra', * FROM (${stored} EXCEPT ${expected})`;
  const queries = [
    diff(
      `SELECT hour, ${ONE_HOUR_SUMS.map(([, sum]) => sum).join(', ')} FROM visitor_hours v WHERE ${ONE} GROUP BY hour`,
      `SELECT hour, ${ONE_HOUR_SUMS.map(([name]) => name).join(', ')} FROM hour_visitors WHERE site_id = ?1 AND visitors <> 0`,
    ),
    diff(
      `SELECT l.hour, l.channel, l.search_engine, sum(l.landings), count(*) FROM visitor_hour_landings l
         JOIN visitor_hours v ON v.site_id = l.site_id AND v.hour = l.hour AND v.visitor = l.visitor WHERE ${ONE} GROUP BY 1, 2, 3`,
      `SELECT hour, channel, search_engine, landings, visitors FROM hour_visitor_landings WHERE site_id = ?1 AND visitors <> 0`,
    ),
    diff(
      `SELECT m.hour, m.kind, m.currency, sum(m.events), round(sum(m.amount), 6), count(*) FROM visitor_hour_money m
         JOIN visitor_hours v ON v.site_id = m.site_id AND v.hour = m.hour AND v.visitor = m.visitor WHERE ${ONE} GROUP BY 1, 2, 3`,
      `SELECT hour, kind, currency, events, round(amount, 6), visitors FROM hour_visitor_money WHERE site_id = ?1 AND visitors <> 0`,
    ),
  ];
  const drift = [];
  for (const sql of queries) drift.push(...(await db.prepare(sql).bind(siteId).all()).results);
  return drift;
}
