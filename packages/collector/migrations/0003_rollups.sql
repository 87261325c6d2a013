-- Rollups (SPEC §7): reports read these, never a range of raw events. They are kept by
-- AFTER INSERT triggers on `events`, so they change in the statement that stores the
-- events, on every write path, and only for rows really inserted: a replay that
-- `INSERT OR IGNORE` skips fires nothing. Every update is a delta that does not depend on
-- the order events arrive in, so late and out-of-order events keep every number exact.
-- Time buckets are UTC hours (hour = ts / 3 600 000): a report in any whole-hour time zone
-- sums whole hours (docs/analytics.md, "Rollups").

-- Events already stored wait here, unrolled, until `scripts/backfillRollups.ts` moves them
-- into `events` in key order, where the triggers roll them up like any late event. Its
-- indexes are dropped: the move reads it by primary key only, and the names go to `events`.
ALTER TABLE events RENAME TO events_before_rollups;
DROP INDEX events_by_id;
DROP INDEX events_by_visitor;

CREATE TABLE events (
  site_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,              -- skew-corrected event time, ms since epoch (UTC)
  id TEXT NOT NULL,
  received_delay INTEGER NOT NULL,  -- received_at − ts, ms (≥ 0)
  type TEXT NOT NULL,
  stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
  visitor TEXT NOT NULL,            -- SDK anonymous id, or h_… daily-salted hash when cookieless
  session TEXT NOT NULL,
  user_id TEXT,
  url TEXT NOT NULL,
  referrer TEXT,
  channel TEXT,
  search_engine TEXT,
  country TEXT,
  device TEXT,
  props TEXT,                       -- JSON object, NULL when empty
  PRIMARY KEY (site_id, ts, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX events_by_id ON events (site_id, id);
CREATE INDEX events_by_visitor ON events (site_id, visitor);

-- Per visitor and UTC hour: the funnel's journey shapes, carts, orders and a count of every
-- built-in touchpoint type (web vitals are measurements: they go to hour_vitals only). first_* and
-- landing_* remember which event (ts, id) set device/country and channel, so an earlier
-- late event can take its place.
CREATE TABLE visitor_hours (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  stages INTEGER NOT NULL,          -- bit (stage − 1) for each stage touched
  furthest INTEGER NOT NULL,        -- highest stage touched
  touchpoints INTEGER NOT NULL,
  visits INTEGER NOT NULL,          -- distinct sessions with a touchpoint in the hour
  product_views INTEGER NOT NULL,
  list_views INTEGER NOT NULL,
  distinct_products INTEGER NOT NULL,
  site_searches INTEGER NOT NULL,
  cart_adds INTEGER NOT NULL,
  cart_removes INTEGER NOT NULL,
  checkouts INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  returns INTEGER NOT NULL,
  order_tracking_views INTEGER NOT NULL,
  support_contacts INTEGER NOT NULL,
  feedback_count INTEGER NOT NULL,
  feedback_rating_sum REAL NOT NULL,
  -- The other built-in types of @waymark/schema, so that every built-in type has a column.
  landings INTEGER NOT NULL,
  page_views INTEGER NOT NULL,
  wishlist_adds INTEGER NOT NULL,
  cart_views INTEGER NOT NULL,
  checkout_steps INTEGER NOT NULL,
  account_views INTEGER NOT NULL,
  review_submits INTEGER NOT NULL,
  newsletter_signups INTEGER NOT NULL,
  first_at INTEGER NOT NULL,
  first_id TEXT NOT NULL,
  device TEXT,
  country TEXT,
  landing_at INTEGER,
  landing_id TEXT,
  channel TEXT,
  search_engine TEXT,
  PRIMARY KEY (site_id, hour, visitor)
) WITHOUT ROWID;

-- Sessions per visitor and hour: a day's distinct visits, and visitor_hours.visits.
CREATE TABLE visit_hours (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  session TEXT NOT NULL,
  PRIMARY KEY (site_id, hour, visitor, session)
) WITHOUT ROWID;

-- Custom touchpoint types (not in @waymark/schema's table) and feedback (whose stage is the
-- one it is about) per visitor, hour and stage: their counts and distinct visitors. The
-- other built-in types are columns of visitor_hours.
CREATE TABLE visitor_hour_types (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  type TEXT NOT NULL,
  stage INTEGER NOT NULL,
  touchpoints INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour, visitor, type, stage)
) WITHOUT ROWID;

-- Landings per visitor, hour, channel ('unknown' when none) and search engine ('' when
-- none): landings by channel with distinct visitors, and the channel filter.
CREATE TABLE visitor_hour_landings (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  channel TEXT NOT NULL,
  search_engine TEXT NOT NULL,
  landings INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour, visitor, channel, search_engine)
) WITHOUT ROWID;

-- Money per visitor, hour and currency ('' = none given): kind 'cart' is the value of cart
-- adds with a numeric price (price × quantity), kind 'order' the orders and their revenue.
CREATE TABLE visitor_hour_money (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  kind TEXT NOT NULL,
  currency TEXT NOT NULL,
  events INTEGER NOT NULL,
  amount REAL NOT NULL,
  PRIMARY KEY (site_id, hour, visitor, kind, currency)
) WITHOUT ROWID;

-- Transitions between consecutive touchpoints of a visit (session), in the hour of the
-- later one; from_type '' is a visit start, to_type '' an exit (in the hour of the last).
CREATE TABLE hour_transitions (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  from_type TEXT NOT NULL,
  to_type TEXT NOT NULL,
  transitions INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour, from_type, to_type)
) WITHOUT ROWID;

-- Web-vital samples per hour, stage of the page and metric, in fixed buckets: the value
-- rounded to two significant digits by printf('%.1e') (1840 → 1800, 0.023 → 0.023, 96 → 96).
CREATE TABLE hour_vitals (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  metric TEXT NOT NULL,
  bucket REAL NOT NULL,
  samples INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour, stage, metric, bucket)
) WITHOUT ROWID;

-- Per visitor, lifetime: the features personas use (SPEC §6). Touchpoints only (no web
-- vitals). first_channel/first_search_engine are of the first landing, device/country of
-- the first touchpoint; abandoned_carts counts UTC days with a cart_add and no order.
CREATE TABLE visitor_totals (
  site_id INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  first_channel TEXT,
  first_search_engine TEXT,
  device TEXT,
  country TEXT,
  visits INTEGER NOT NULL,
  product_views INTEGER NOT NULL,
  distinct_products INTEGER NOT NULL,
  site_searches INTEGER NOT NULL,
  cart_adds INTEGER NOT NULL,
  checkouts INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  revenue REAL NOT NULL,
  coupon_orders INTEGER NOT NULL,
  returns INTEGER NOT NULL,
  order_tracking_views INTEGER NOT NULL,
  support_contacts INTEGER NOT NULL,
  feedback_count INTEGER NOT NULL,
  feedback_rating_sum REAL NOT NULL,
  first_order_at INTEGER,
  last_order_at INTEGER,
  first_product_view_at INTEGER,
  first_cart_add_at INTEGER,
  abandoned_carts INTEGER NOT NULL,
  first_id TEXT NOT NULL,           -- id of the first touchpoint (ties on ts broken by id)
  first_landing_at INTEGER,
  first_landing_id TEXT,
  PRIMARY KEY (site_id, visitor)
) WITHOUT ROWID;

-- What the lifetime counts need to stay distinct: sessions, products viewed, and per UTC
-- day cart adds and orders (abandoned_carts).
CREATE TABLE visitor_sessions (
  site_id INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  session TEXT NOT NULL,
  PRIMARY KEY (site_id, visitor, session)
) WITHOUT ROWID;

CREATE TABLE visitor_products (
  site_id INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  product TEXT NOT NULL,
  PRIMARY KEY (site_id, visitor, product)
) WITHOUT ROWID;

CREATE TABLE visitor_cart_days (
  site_id INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  day INTEGER NOT NULL,             -- ts / 86 400 000
  cart_adds INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  PRIMARY KEY (site_id, visitor, day)
) WITHOUT ROWID;

-- Statements that read another table before writing (visits, distinct products,
-- abandoned carts) come before the write that changes what they read.
CREATE TRIGGER rollup_touchpoint AFTER INSERT ON events WHEN NEW.type NOT IN ('web_vitals', 'feedback_prompt')
BEGIN
  INSERT INTO visitor_hours (site_id, hour, visitor, stages, furthest, touchpoints, visits,
    product_views, list_views, distinct_products, site_searches, cart_adds, cart_removes,
    checkouts, orders, returns, order_tracking_views, support_contacts, feedback_count,
    feedback_rating_sum, landings, page_views, wishlist_adds, cart_views, checkout_steps,
    account_views, review_submits, newsletter_signups, first_at, first_id, device, country,
    landing_at, landing_id, channel, search_engine)
  VALUES (NEW.site_id, NEW.ts / 3600000, NEW.visitor, 1 << (NEW.stage - 1), NEW.stage, 1,
    NOT EXISTS (SELECT 1 FROM visit_hours WHERE site_id = NEW.site_id AND hour = NEW.ts / 3600000
      AND visitor = NEW.visitor AND session = NEW.session),
    NEW.type = 'product_view', NEW.type = 'product_list_view',
    NEW.type = 'product_view' AND NEW.props ->> '$.product.id' IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM events INDEXED BY events_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor
        AND ts >= NEW.ts / 3600000 * 3600000 AND ts < (NEW.ts / 3600000 + 1) * 3600000
        AND type = 'product_view' AND id <> NEW.id AND props ->> '$.product.id' = NEW.props ->> '$.product.id'),
    NEW.type = 'site_search', NEW.type = 'cart_add', NEW.type = 'cart_remove',
    NEW.type = 'checkout_start', NEW.type = 'order_complete', NEW.type = 'return_start',
    NEW.type = 'order_tracking_view', NEW.type = 'support_contact', NEW.type = 'feedback',
    CASE WHEN NEW.type = 'feedback' AND json_type(NEW.props, '$.rating') IN ('integer', 'real') THEN NEW.props ->> '$.rating' ELSE 0 END,
    NEW.type = 'landing', NEW.type = 'page_view', NEW.type = 'wishlist_add', NEW.type = 'cart_view',
    NEW.type = 'checkout_step', NEW.type = 'account_view', NEW.type = 'review_submit', NEW.type = 'newsletter_signup',
    NEW.ts, NEW.id, NEW.device, NEW.country,
    CASE WHEN NEW.type = 'landing' THEN NEW.ts END, CASE WHEN NEW.type = 'landing' THEN NEW.id END,
    CASE WHEN NEW.type = 'landing' THEN NEW.channel END, CASE WHEN NEW.type = 'landing' THEN NEW.search_engine END)
  ON CONFLICT (site_id, hour, visitor) DO UPDATE SET
    stages = stages | excluded.stages,
    furthest = max(furthest, excluded.furthest),
    touchpoints = touchpoints + 1,
    visits = visits + excluded.visits,
    product_views = product_views + excluded.product_views,
    list_views = list_views + excluded.list_views,
    distinct_products = distinct_products + excluded.distinct_products,
    site_searches = site_searches + excluded.site_searches,
    cart_adds = cart_adds + excluded.cart_adds,
    cart_removes = cart_removes + excluded.cart_removes,
    checkouts = checkouts + excluded.checkouts,
    orders = orders + excluded.orders,
    returns = returns + excluded.returns,
    order_tracking_views = order_tracking_views + excluded.order_tracking_views,
    support_contacts = support_contacts + excluded.support_contacts,
    feedback_count = feedback_count + excluded.feedback_count,
    feedback_rating_sum = feedback_rating_sum + excluded.feedback_rating_sum,
    landings = landings + excluded.landings,
    page_views = page_views + excluded.page_views,
    wishlist_adds = wishlist_adds + excluded.wishlist_adds,
    cart_views = cart_views + excluded.cart_views,
    checkout_steps = checkout_steps + excluded.checkout_steps,
    account_views = account_views + excluded.account_views,
    review_submits = review_submits + excluded.review_submits,
    newsletter_signups = newsletter_signups + excluded.newsletter_signups,
    device = CASE WHEN (excluded.first_at, excluded.first_id) < (first_at, first_id) THEN excluded.device ELSE device END,
    country = CASE WHEN (excluded.first_at, excluded.first_id) < (first_at, first_id) THEN excluded.country ELSE country END,
    first_id = CASE WHEN (excluded.first_at, excluded.first_id) < (first_at, first_id) THEN excluded.first_id ELSE first_id END,
    first_at = CASE WHEN (excluded.first_at, excluded.first_id) < (first_at, first_id) THEN excluded.first_at ELSE first_at END,
    channel = CASE WHEN excluded.landing_at IS NOT NULL AND (landing_at IS NULL OR (excluded.landing_at, excluded.landing_id) < (landing_at, landing_id)) THEN excluded.channel ELSE channel END,
    search_engine = CASE WHEN excluded.landing_at IS NOT NULL AND (landing_at IS NULL OR (excluded.landing_at, excluded.landing_id) < (landing_at, landing_id)) THEN excluded.search_engine ELSE search_engine END,
    landing_id = CASE WHEN excluded.landing_at IS NOT NULL AND (landing_at IS NULL OR (excluded.landing_at, excluded.landing_id) < (landing_at, landing_id)) THEN excluded.landing_id ELSE landing_id END,
    landing_at = CASE WHEN excluded.landing_at IS NOT NULL AND (landing_at IS NULL OR (excluded.landing_at, excluded.landing_id) < (landing_at, landing_id)) THEN excluded.landing_at ELSE landing_at END;

  INSERT OR IGNORE INTO visit_hours (site_id, hour, visitor, session)
  VALUES (NEW.site_id, NEW.ts / 3600000, NEW.visitor, NEW.session);

  INSERT INTO visitor_hour_types (site_id, hour, visitor, type, stage, touchpoints)
  SELECT NEW.site_id, NEW.ts / 3600000, NEW.visitor, NEW.type, NEW.stage, 1
  WHERE NEW.type NOT IN ('landing', 'page_view', 'product_list_view', 'product_view', 'site_search',
    'wishlist_add', 'cart_add', 'cart_remove', 'cart_view', 'checkout_start', 'checkout_step',
    'order_complete', 'order_tracking_view', 'return_start', 'account_view', 'review_submit',
    'newsletter_signup')
  ON CONFLICT (site_id, hour, visitor, type, stage) DO UPDATE SET touchpoints = touchpoints + 1;

  INSERT INTO visitor_hour_landings (site_id, hour, visitor, channel, search_engine, landings)
  SELECT NEW.site_id, NEW.ts / 3600000, NEW.visitor, coalesce(NEW.channel, 'unknown'), coalesce(NEW.search_engine, ''), 1
  WHERE NEW.type = 'landing'
  ON CONFLICT (site_id, hour, visitor, channel, search_engine) DO UPDATE SET landings = landings + 1;

  INSERT INTO visitor_hour_money (site_id, hour, visitor, kind, currency, events, amount)
  SELECT NEW.site_id, NEW.ts / 3600000, NEW.visitor, 'cart', NEW.props ->> '$.product.currency', 1,
    (NEW.props ->> '$.product.price') * coalesce(NEW.props ->> '$.product.quantity', 1)
  WHERE NEW.type = 'cart_add' AND NEW.props ->> '$.product.currency' IS NOT NULL
    AND json_type(NEW.props, '$.product.price') IN ('integer', 'real')
  UNION ALL
  SELECT NEW.site_id, NEW.ts / 3600000, NEW.visitor, 'order', coalesce(NEW.props ->> '$.currency', ''), 1,
    CASE WHEN json_type(NEW.props, '$.revenue') IN ('integer', 'real') THEN NEW.props ->> '$.revenue' ELSE 0 END
  WHERE NEW.type = 'order_complete'
  ON CONFLICT (site_id, hour, visitor, kind, currency) DO UPDATE SET
    events = events + 1, amount = amount + excluded.amount;

  -- The visit's touchpoints just before and just after this one (by ts, then id): the
  -- link between them, if any, is replaced by two links through this one.
  INSERT INTO hour_transitions (site_id, hour, from_type, to_type, transitions)
  SELECT NEW.site_id, link.hour, link.from_type, link.to_type, sum(link.delta) FROM (
    SELECT CASE k.step WHEN 0 THEN coalesce(n.ts, p.ts) WHEN 1 THEN NEW.ts ELSE coalesce(n.ts, NEW.ts) END / 3600000 AS hour,
           CASE k.step WHEN 2 THEN NEW.type ELSE coalesce(p.type, '') END AS from_type,
           CASE k.step WHEN 1 THEN NEW.type ELSE coalesce(n.type, '') END AS to_type,
           CASE k.step WHEN 0 THEN -1 ELSE 1 END AS delta
    FROM (SELECT 0 AS step UNION ALL SELECT 1 UNION ALL SELECT 2) k
    LEFT JOIN (
      SELECT type, ts FROM events INDEXED BY events_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND ts <= NEW.ts AND (ts < NEW.ts OR id < NEW.id)
        AND session = NEW.session AND type NOT IN ('web_vitals', 'feedback_prompt') ORDER BY ts DESC, id DESC LIMIT 1) p
    LEFT JOIN (
      SELECT type, ts FROM events INDEXED BY events_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND ts >= NEW.ts AND (ts > NEW.ts OR id > NEW.id)
        AND session = NEW.session AND type NOT IN ('web_vitals', 'feedback_prompt') ORDER BY ts, id LIMIT 1) n
    WHERE k.step > 0 OR p.type IS NOT NULL OR n.type IS NOT NULL
  ) AS link
  GROUP BY link.hour, link.from_type, link.to_type
  ON CONFLICT (site_id, hour, from_type, to_type) DO UPDATE SET transitions = transitions + excluded.transitions;

  INSERT INTO visitor_totals (site_id, visitor, first_seen, last_seen, first_channel,
    first_search_engine, device, country, visits, product_views, distinct_products,
    site_searches, cart_adds, checkouts, orders, revenue, coupon_orders, returns,
    order_tracking_views, support_contacts, feedback_count, feedback_rating_sum,
    first_order_at, last_order_at, first_product_view_at, first_cart_add_at, abandoned_carts,
    first_id, first_landing_at, first_landing_id)
  VALUES (NEW.site_id, NEW.visitor, NEW.ts, NEW.ts,
    CASE WHEN NEW.type = 'landing' THEN NEW.channel END, CASE WHEN NEW.type = 'landing' THEN NEW.search_engine END,
    NEW.device, NEW.country,
    NOT EXISTS (SELECT 1 FROM visitor_sessions WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session),
    NEW.type = 'product_view',
    NEW.type = 'product_view' AND NEW.props ->> '$.product.id' IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM visitor_products WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND product = NEW.props ->> '$.product.id'),
    NEW.type = 'site_search', NEW.type = 'cart_add', NEW.type = 'checkout_start', NEW.type = 'order_complete',
    CASE WHEN NEW.type = 'order_complete' AND json_type(NEW.props, '$.revenue') IN ('integer', 'real') THEN NEW.props ->> '$.revenue' ELSE 0 END,
    NEW.type = 'order_complete' AND coalesce(NEW.props ->> '$.coupon', '') <> '',
    NEW.type = 'return_start', NEW.type = 'order_tracking_view', NEW.type = 'support_contact', NEW.type = 'feedback',
    CASE WHEN NEW.type = 'feedback' AND json_type(NEW.props, '$.rating') IN ('integer', 'real') THEN NEW.props ->> '$.rating' ELSE 0 END,
    CASE WHEN NEW.type = 'order_complete' THEN NEW.ts END, CASE WHEN NEW.type = 'order_complete' THEN NEW.ts END,
    CASE WHEN NEW.type = 'product_view' THEN NEW.ts END, CASE WHEN NEW.type = 'cart_add' THEN NEW.ts END,
    -- A cart add opens an abandoned day unless the day already had a cart add or an order;
    -- an order closes it if the day had cart adds and no order yet.
    CASE NEW.type
      WHEN 'cart_add' THEN NOT EXISTS (SELECT 1 FROM visitor_cart_days WHERE site_id = NEW.site_id AND visitor = NEW.visitor
        AND day = NEW.ts / 86400000 AND (cart_adds > 0 OR orders > 0))
      WHEN 'order_complete' THEN -EXISTS (SELECT 1 FROM visitor_cart_days WHERE site_id = NEW.site_id AND visitor = NEW.visitor
        AND day = NEW.ts / 86400000 AND cart_adds > 0 AND orders = 0)
      ELSE 0 END,
    NEW.id, CASE WHEN NEW.type = 'landing' THEN NEW.ts END, CASE WHEN NEW.type = 'landing' THEN NEW.id END)
  ON CONFLICT (site_id, visitor) DO UPDATE SET
    first_seen = min(first_seen, excluded.first_seen),
    last_seen = max(last_seen, excluded.last_seen),
    device = CASE WHEN (excluded.first_seen, excluded.first_id) < (first_seen, first_id) THEN excluded.device ELSE device END,
    country = CASE WHEN (excluded.first_seen, excluded.first_id) < (first_seen, first_id) THEN excluded.country ELSE country END,
    first_id = CASE WHEN (excluded.first_seen, excluded.first_id) < (first_seen, first_id) THEN excluded.first_id ELSE first_id END,
    first_channel = CASE WHEN excluded.first_landing_at IS NOT NULL AND (first_landing_at IS NULL OR (excluded.first_landing_at, excluded.first_landing_id) < (first_landing_at, first_landing_id)) THEN excluded.first_channel ELSE first_channel END,
    first_search_engine = CASE WHEN excluded.first_landing_at IS NOT NULL AND (first_landing_at IS NULL OR (excluded.first_landing_at, excluded.first_landing_id) < (first_landing_at, first_landing_id)) THEN excluded.first_search_engine ELSE first_search_engine END,
    first_landing_id = CASE WHEN excluded.first_landing_at IS NOT NULL AND (first_landing_at IS NULL OR (excluded.first_landing_at, excluded.first_landing_id) < (first_landing_at, first_landing_id)) THEN excluded.first_landing_id ELSE first_landing_id END,
    first_landing_at = CASE WHEN excluded.first_landing_at IS NOT NULL AND (first_landing_at IS NULL OR (excluded.first_landing_at, excluded.first_landing_id) < (first_landing_at, first_landing_id)) THEN excluded.first_landing_at ELSE first_landing_at END,
    visits = visits + excluded.visits,
    product_views = product_views + excluded.product_views,
    distinct_products = distinct_products + excluded.distinct_products,
    site_searches = site_searches + excluded.site_searches,
    cart_adds = cart_adds + excluded.cart_adds,
    checkouts = checkouts + excluded.checkouts,
    orders = orders + excluded.orders,
    revenue = revenue + excluded.revenue,
    coupon_orders = coupon_orders + excluded.coupon_orders,
    returns = returns + excluded.returns,
    order_tracking_views = order_tracking_views + excluded.order_tracking_views,
    support_contacts = support_contacts + excluded.support_contacts,
    feedback_count = feedback_count + excluded.feedback_count,
    feedback_rating_sum = feedback_rating_sum + excluded.feedback_rating_sum,
    first_order_at = coalesce(min(first_order_at, excluded.first_order_at), first_order_at, excluded.first_order_at),
    last_order_at = coalesce(max(last_order_at, excluded.last_order_at), last_order_at, excluded.last_order_at),
    first_product_view_at = coalesce(min(first_product_view_at, excluded.first_product_view_at), first_product_view_at, excluded.first_product_view_at),
    first_cart_add_at = coalesce(min(first_cart_add_at, excluded.first_cart_add_at), first_cart_add_at, excluded.first_cart_add_at),
    abandoned_carts = abandoned_carts + excluded.abandoned_carts;

  INSERT OR IGNORE INTO visitor_sessions (site_id, visitor, session) VALUES (NEW.site_id, NEW.visitor, NEW.session);

  INSERT OR IGNORE INTO visitor_products (site_id, visitor, product)
  SELECT NEW.site_id, NEW.visitor, NEW.props ->> '$.product.id'
  WHERE NEW.type = 'product_view' AND NEW.props ->> '$.product.id' IS NOT NULL;

  INSERT INTO visitor_cart_days (site_id, visitor, day, cart_adds, orders)
  SELECT NEW.site_id, NEW.visitor, NEW.ts / 86400000, NEW.type = 'cart_add', NEW.type = 'order_complete'
  WHERE NEW.type IN ('cart_add', 'order_complete')
  ON CONFLICT (site_id, visitor, day) DO UPDATE SET
    cart_adds = cart_adds + excluded.cart_adds, orders = orders + excluded.orders;
END;

CREATE TRIGGER rollup_web_vitals AFTER INSERT ON events WHEN NEW.type = 'web_vitals'
BEGIN
  INSERT INTO hour_vitals (site_id, hour, stage, metric, bucket, samples)
  SELECT NEW.site_id, NEW.ts / 3600000, NEW.stage, m.key,
    CAST(printf('%.1e', m.value) AS REAL),
    1
  FROM json_each(NEW.props) m
  WHERE m.key IN ('lcp', 'inp', 'cls', 'fcp', 'ttfb') AND m.type IN ('integer', 'real')
  ON CONFLICT (site_id, hour, stage, metric, bucket) DO UPDATE SET samples = samples + 1;
END;

-- The backfill's cursor: the last key (site_id, ts, id) of the chunk being moved, and how
-- many rows have moved. A chunk sets the cursor, then moves every row up to it, so a run
-- cut off between the two resumes from the table's front.
CREATE TABLE rollup_backfill (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  site_id INTEGER,
  ts INTEGER,
  event_id TEXT,
  moved INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER
);
INSERT INTO rollup_backfill (id) VALUES (1);

-- The backfill: deleting a row of events_before_rollups stores it in events (once; a
-- live event with the same id wins), where the triggers above roll it up.
CREATE TRIGGER rollup_backfill AFTER DELETE ON events_before_rollups
BEGIN
  INSERT OR IGNORE INTO events (site_id, ts, id, received_delay, type, stage, visitor, session,
    user_id, url, referrer, channel, search_engine, country, device, props)
  VALUES (OLD.site_id, OLD.ts, OLD.id, OLD.received_delay, OLD.type, OLD.stage, OLD.visitor,
    OLD.session, OLD.user_id, OLD.url, OLD.referrer, OLD.channel, OLD.search_engine,
    OLD.country, OLD.device, OLD.props);
END;
