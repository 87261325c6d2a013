-- Reports that stay flat as the shop grows (SPEC §8): every visitor-hour row knows the
-- visitor's previous and next hour with a row (NULL: none). A report over the hours
-- [from, to) then tells apart the visitors whose only row in the range is this one —
-- prev_hour < from and next_hour >= to, most visitors of any range — and counts them row
-- by row, in the order of the key; only returning visitors' rows (visitor_hours_returning)
-- are grouped by visitor, and a day's distinct visitors are its rows with prev_hour before
-- the day.
ALTER TABLE visitor_hours ADD COLUMN prev_hour INTEGER;
ALTER TABLE visitor_hours ADD COLUMN next_hour INTEGER;
CREATE INDEX visitor_hours_by_visitor ON visitor_hours (site_id, visitor, hour);
CREATE INDEX visitor_hours_returning ON visitor_hours (site_id, hour, visitor)
  WHERE prev_hour IS NOT NULL OR next_hour IS NOT NULL;

-- Rows rolled up before this migration.
UPDATE visitor_hours AS v SET prev_hour = w.prev_hour, next_hour = w.next_hour
FROM (
  SELECT site_id, hour, visitor,
         lag(hour) OVER visitor_rows AS prev_hour,
         lead(hour) OVER visitor_rows AS next_hour
  FROM visitor_hours
  WINDOW visitor_rows AS (PARTITION BY site_id, visitor ORDER BY hour)
) AS w
WHERE v.site_id = w.site_id AND v.hour = w.hour AND v.visitor = w.visitor
  AND (w.prev_hour IS NOT NULL OR w.next_hour IS NOT NULL);

-- A new visitor-hour row (an upsert that only updates fires nothing) links itself between
-- the visitor's neighbouring rows, wherever it falls: late and out-of-order events keep
-- the links exact, as the rows themselves are only ever added. A first-time visitor costs
-- one index probe.
CREATE TRIGGER link_visitor_hour AFTER INSERT ON visitor_hours
WHEN EXISTS (SELECT 1 FROM visitor_hours INDEXED BY visitor_hours_by_visitor
  WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND hour <> NEW.hour)
BEGIN
  UPDATE visitor_hours SET
    prev_hour = (SELECT max(hour) FROM visitor_hours INDEXED BY visitor_hours_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND hour < NEW.hour),
    next_hour = (SELECT min(hour) FROM visitor_hours INDEXED BY visitor_hours_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND hour > NEW.hour)
  WHERE site_id = NEW.site_id AND hour = NEW.hour AND visitor = NEW.visitor;
  UPDATE visitor_hours SET next_hour = NEW.hour
  WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND hour = (SELECT prev_hour FROM visitor_hours
    WHERE site_id = NEW.site_id AND hour = NEW.hour AND visitor = NEW.visitor);
  UPDATE visitor_hours SET prev_hour = NEW.hour
  WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND hour = (SELECT next_hour FROM visitor_hours
    WHERE site_id = NEW.site_id AND hour = NEW.hour AND visitor = NEW.visitor);
END;

-- One-hour visitors (SPEC §8): a visitor whose every touchpoint so far lies in one UTC hour
-- — most of a shop's visitors — is summed into its hour here, so a report adds up hours for
-- them and reads rows only for returning visitors (visitor_hours_returning). Per visitor-hour
-- row: the funnel's counts (reached_N: furthest stage ≥ N; stage_N: stage N touched; each
-- built-in type's touchpoints and visitors with one; abandoned carts; visits). A row enters
-- when it is inserted and changes with it while its visitor has no other hour; when the
-- visitor comes back (the row gets a link) its last counts, landings and money leave again.
-- Entering and leaving are upserts of a delta, so the order in which SQLite fires the triggers
-- of one insert does not matter: a returning visitor's new row enters and leaves in the same
-- statement. A change is a plain update: the hour's row exists since the visitor-hour row's insert.
CREATE TABLE hour_visitors (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitors INTEGER NOT NULL,
  reached_2 INTEGER NOT NULL,
  reached_3 INTEGER NOT NULL,
  reached_4 INTEGER NOT NULL,
  reached_5 INTEGER NOT NULL,
  stage_1 INTEGER NOT NULL,
  stage_2 INTEGER NOT NULL,
  stage_3 INTEGER NOT NULL,
  stage_4 INTEGER NOT NULL,
  stage_5 INTEGER NOT NULL,
  landings INTEGER NOT NULL,
  landings_visitors INTEGER NOT NULL,
  page_views INTEGER NOT NULL,
  page_views_visitors INTEGER NOT NULL,
  list_views INTEGER NOT NULL,
  list_views_visitors INTEGER NOT NULL,
  product_views INTEGER NOT NULL,
  product_views_visitors INTEGER NOT NULL,
  site_searches INTEGER NOT NULL,
  site_searches_visitors INTEGER NOT NULL,
  wishlist_adds INTEGER NOT NULL,
  wishlist_adds_visitors INTEGER NOT NULL,
  cart_adds INTEGER NOT NULL,
  cart_adds_visitors INTEGER NOT NULL,
  cart_removes INTEGER NOT NULL,
  cart_removes_visitors INTEGER NOT NULL,
  cart_views INTEGER NOT NULL,
  cart_views_visitors INTEGER NOT NULL,
  checkouts INTEGER NOT NULL,
  checkouts_visitors INTEGER NOT NULL,
  checkout_steps INTEGER NOT NULL,
  checkout_steps_visitors INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  orders_visitors INTEGER NOT NULL,
  order_tracking_views INTEGER NOT NULL,
  order_tracking_views_visitors INTEGER NOT NULL,
  returns INTEGER NOT NULL,
  returns_visitors INTEGER NOT NULL,
  account_views INTEGER NOT NULL,
  account_views_visitors INTEGER NOT NULL,
  review_submits INTEGER NOT NULL,
  review_submits_visitors INTEGER NOT NULL,
  newsletter_signups INTEGER NOT NULL,
  newsletter_signups_visitors INTEGER NOT NULL,
  abandoned INTEGER NOT NULL,
  abandoned_cart_adds INTEGER NOT NULL,
  visits INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour)
) WITHOUT ROWID;

CREATE TABLE hour_visitor_landings (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  channel TEXT NOT NULL,
  search_engine TEXT NOT NULL,
  landings INTEGER NOT NULL,
  visitors INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour, channel, search_engine)
) WITHOUT ROWID;

CREATE TABLE hour_visitor_money (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  kind TEXT NOT NULL,
  currency TEXT NOT NULL,
  events INTEGER NOT NULL,
  amount REAL NOT NULL,
  visitors INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour, kind, currency)
) WITHOUT ROWID;

-- A visitor's abandoned-cart rows (cart adds, no order in the hour), for the cart value.
CREATE INDEX visitor_hours_abandoned ON visitor_hours (site_id, hour, visitor) WHERE cart_adds > 0 AND orders = 0;

-- Rows rolled up before this migration.
INSERT INTO hour_visitors (site_id, hour, visitors, reached_2, reached_3, reached_4, reached_5, stage_1, stage_2, stage_3, stage_4, stage_5, landings, landings_visitors, page_views, page_views_visitors, list_views, list_views_visitors, product_views, product_views_visitors, site_searches, site_searches_visitors, wishlist_adds, wishlist_adds_visitors, cart_adds, cart_adds_visitors, cart_removes, cart_removes_visitors, cart_views, cart_views_visitors, checkouts, checkouts_visitors, checkout_steps, checkout_steps_visitors, orders, orders_visitors, order_tracking_views, order_tracking_views_visitors, returns, returns_visitors, account_views, account_views_visitors, review_submits, review_submits_visitors, newsletter_signups, newsletter_signups_visitors, abandoned, abandoned_cart_adds, visits)
SELECT site_id, hour, sum(1), sum(v.furthest >= 2), sum(v.furthest >= 3), sum(v.furthest >= 4), sum(v.furthest >= 5), sum((v.stages & 1 > 0)), sum((v.stages & 2 > 0)), sum((v.stages & 4 > 0)), sum((v.stages & 8 > 0)), sum((v.stages & 16 > 0)), sum(v.landings), sum((v.landings > 0)), sum(v.page_views), sum((v.page_views > 0)), sum(v.list_views), sum((v.list_views > 0)), sum(v.product_views), sum((v.product_views > 0)), sum(v.site_searches), sum((v.site_searches > 0)), sum(v.wishlist_adds), sum((v.wishlist_adds > 0)), sum(v.cart_adds), sum((v.cart_adds > 0)), sum(v.cart_removes), sum((v.cart_removes > 0)), sum(v.cart_views), sum((v.cart_views > 0)), sum(v.checkouts), sum((v.checkouts > 0)), sum(v.checkout_steps), sum((v.checkout_steps > 0)), sum(v.orders), sum((v.orders > 0)), sum(v.order_tracking_views), sum((v.order_tracking_views > 0)), sum(v.returns), sum((v.returns > 0)), sum(v.account_views), sum((v.account_views > 0)), sum(v.review_submits), sum((v.review_submits > 0)), sum(v.newsletter_signups), sum((v.newsletter_signups > 0)), sum((v.cart_adds > 0 AND v.orders = 0)), sum((CASE WHEN v.orders = 0 THEN v.cart_adds ELSE 0 END)), sum(v.visits)
FROM visitor_hours v WHERE prev_hour IS NULL AND next_hour IS NULL GROUP BY site_id, hour;

INSERT INTO hour_visitor_landings (site_id, hour, channel, search_engine, landings, visitors)
SELECT l.site_id, l.hour, l.channel, l.search_engine, sum(l.landings), count(*)
FROM visitor_hour_landings l JOIN visitor_hours v ON v.site_id = l.site_id AND v.hour = l.hour AND v.visitor = l.visitor
WHERE v.prev_hour IS NULL AND v.next_hour IS NULL
GROUP BY l.site_id, l.hour, l.channel, l.search_engine;

INSERT INTO hour_visitor_money (site_id, hour, kind, currency, events, amount, visitors)
SELECT m.site_id, m.hour, m.kind, m.currency, sum(m.events), sum(m.amount), count(*)
FROM visitor_hour_money m JOIN visitor_hours v ON v.site_id = m.site_id AND v.hour = m.hour AND v.visitor = m.visitor
WHERE v.prev_hour IS NULL AND v.next_hour IS NULL
GROUP BY m.site_id, m.hour, m.kind, m.currency;

CREATE TRIGGER count_one_hour_visitor AFTER INSERT ON visitor_hours
BEGIN
  INSERT INTO hour_visitors (site_id, hour, visitors, reached_2, reached_3, reached_4, reached_5, stage_1, stage_2, stage_3, stage_4, stage_5, landings, landings_visitors, page_views, page_views_visitors, list_views, list_views_visitors, product_views, product_views_visitors, site_searches, site_searches_visitors, wishlist_adds, wishlist_adds_visitors, cart_adds, cart_adds_visitors, cart_removes, cart_removes_visitors, cart_views, cart_views_visitors, checkouts, checkouts_visitors, checkout_steps, checkout_steps_visitors, orders, orders_visitors, order_tracking_views, order_tracking_views_visitors, returns, returns_visitors, account_views, account_views_visitors, review_submits, review_submits_visitors, newsletter_signups, newsletter_signups_visitors, abandoned, abandoned_cart_adds, visits)
  VALUES (NEW.site_id, NEW.hour, 1, NEW.furthest >= 2, NEW.furthest >= 3, NEW.furthest >= 4, NEW.furthest >= 5, (NEW.stages & 1 > 0), (NEW.stages & 2 > 0), (NEW.stages & 4 > 0), (NEW.stages & 8 > 0), (NEW.stages & 16 > 0), NEW.landings, (NEW.landings > 0), NEW.page_views, (NEW.page_views > 0), NEW.list_views, (NEW.list_views > 0), NEW.product_views, (NEW.product_views > 0), NEW.site_searches, (NEW.site_searches > 0), NEW.wishlist_adds, (NEW.wishlist_adds > 0), NEW.cart_adds, (NEW.cart_adds > 0), NEW.cart_removes, (NEW.cart_removes > 0), NEW.cart_views, (NEW.cart_views > 0), NEW.checkouts, (NEW.checkouts > 0), NEW.checkout_steps, (NEW.checkout_steps > 0), NEW.orders, (NEW.orders > 0), NEW.order_tracking_views, (NEW.order_tracking_views > 0), NEW.returns, (NEW.returns > 0), NEW.account_views, (NEW.account_views > 0), NEW.review_submits, (NEW.review_submits > 0), NEW.newsletter_signups, (NEW.newsletter_signups > 0), (NEW.cart_adds > 0 AND NEW.orders = 0), (CASE WHEN NEW.orders = 0 THEN NEW.cart_adds ELSE 0 END), NEW.visits)
  ON CONFLICT (site_id, hour) DO UPDATE SET
    visitors = visitors + excluded.visitors,
    reached_2 = reached_2 + excluded.reached_2,
    reached_3 = reached_3 + excluded.reached_3,
    reached_4 = reached_4 + excluded.reached_4,
    reached_5 = reached_5 + excluded.reached_5,
    stage_1 = stage_1 + excluded.stage_1,
    stage_2 = stage_2 + excluded.stage_2,
    stage_3 = stage_3 + excluded.stage_3,
    stage_4 = stage_4 + excluded.stage_4,
    stage_5 = stage_5 + excluded.stage_5,
    landings = landings + excluded.landings,
    landings_visitors = landings_visitors + excluded.landings_visitors,
    page_views = page_views + excluded.page_views,
    page_views_visitors = page_views_visitors + excluded.page_views_visitors,
    list_views = list_views + excluded.list_views,
    list_views_visitors = list_views_visitors + excluded.list_views_visitors,
    product_views = product_views + excluded.product_views,
    product_views_visitors = product_views_visitors + excluded.product_views_visitors,
    site_searches = site_searches + excluded.site_searches,
    site_searches_visitors = site_searches_visitors + excluded.site_searches_visitors,
    wishlist_adds = wishlist_adds + excluded.wishlist_adds,
    wishlist_adds_visitors = wishlist_adds_visitors + excluded.wishlist_adds_visitors,
    cart_adds = cart_adds + excluded.cart_adds,
    cart_adds_visitors = cart_adds_visitors + excluded.cart_adds_visitors,
    cart_removes = cart_removes + excluded.cart_removes,
    cart_removes_visitors = cart_removes_visitors + excluded.cart_removes_visitors,
    cart_views = cart_views + excluded.cart_views,
    cart_views_visitors = cart_views_visitors + excluded.cart_views_visitors,
    checkouts = checkouts + excluded.checkouts,
    checkouts_visitors = checkouts_visitors + excluded.checkouts_visitors,
    checkout_steps = checkout_steps + excluded.checkout_steps,
    checkout_steps_visitors = checkout_steps_visitors + excluded.checkout_steps_visitors,
    orders = orders + excluded.orders,
    orders_visitors = orders_visitors + excluded.orders_visitors,
    order_tracking_views = order_tracking_views + excluded.order_tracking_views,
    order_tracking_views_visitors = order_tracking_views_visitors + excluded.order_tracking_views_visitors,
    returns = returns + excluded.returns,
    returns_visitors = returns_visitors + excluded.returns_visitors,
    account_views = account_views + excluded.account_views,
    account_views_visitors = account_views_visitors + excluded.account_views_visitors,
    review_submits = review_submits + excluded.review_submits,
    review_submits_visitors = review_submits_visitors + excluded.review_submits_visitors,
    newsletter_signups = newsletter_signups + excluded.newsletter_signups,
    newsletter_signups_visitors = newsletter_signups_visitors + excluded.newsletter_signups_visitors,
    abandoned = abandoned + excluded.abandoned,
    abandoned_cart_adds = abandoned_cart_adds + excluded.abandoned_cart_adds,
    visits = visits + excluded.visits;
END;

CREATE TRIGGER recount_one_hour_visitor AFTER UPDATE ON visitor_hours
WHEN OLD.prev_hour IS NULL AND OLD.next_hour IS NULL AND NEW.prev_hour IS NULL AND NEW.next_hour IS NULL
BEGIN
  UPDATE hour_visitors SET
    reached_2 = reached_2 + (NEW.furthest >= 2) - (OLD.furthest >= 2),
    reached_3 = reached_3 + (NEW.furthest >= 3) - (OLD.furthest >= 3),
    reached_4 = reached_4 + (NEW.furthest >= 4) - (OLD.furthest >= 4),
    reached_5 = reached_5 + (NEW.furthest >= 5) - (OLD.furthest >= 5),
    stage_1 = stage_1 + ((NEW.stages & 1 > 0)) - ((OLD.stages & 1 > 0)),
    stage_2 = stage_2 + ((NEW.stages & 2 > 0)) - ((OLD.stages & 2 > 0)),
    stage_3 = stage_3 + ((NEW.stages & 4 > 0)) - ((OLD.stages & 4 > 0)),
    stage_4 = stage_4 + ((NEW.stages & 8 > 0)) - ((OLD.stages & 8 > 0)),
    stage_5 = stage_5 + ((NEW.stages & 16 > 0)) - ((OLD.stages & 16 > 0)),
    landings = landings + (NEW.landings) - (OLD.landings),
    landings_visitors = landings_visitors + ((NEW.landings > 0)) - ((OLD.landings > 0)),
    page_views = page_views + (NEW.page_views) - (OLD.page_views),
    page_views_visitors = page_views_visitors + ((NEW.page_views > 0)) - ((OLD.page_views > 0)),
    list_views = list_views + (NEW.list_views) - (OLD.list_views),
    list_views_visitors = list_views_visitors + ((NEW.list_views > 0)) - ((OLD.list_views > 0)),
    product_views = product_views + (NEW.product_views) - (OLD.product_views),
    product_views_visitors = product_views_visitors + ((NEW.product_views > 0)) - ((OLD.product_views > 0)),
    site_searches = site_searches + (NEW.site_searches) - (OLD.site_searches),
    site_searches_visitors = site_searches_visitors + ((NEW.site_searches > 0)) - ((OLD.site_searches > 0)),
    wishlist_adds = wishlist_adds + (NEW.wishlist_adds) - (OLD.wishlist_adds),
    wishlist_adds_visitors = wishlist_adds_visitors + ((NEW.wishlist_adds > 0)) - ((OLD.wishlist_adds > 0)),
    cart_adds = cart_adds + (NEW.cart_adds) - (OLD.cart_adds),
    cart_adds_visitors = cart_adds_visitors + ((NEW.cart_adds > 0)) - ((OLD.cart_adds > 0)),
    cart_removes = cart_removes + (NEW.cart_removes) - (OLD.cart_removes),
    cart_removes_visitors = cart_removes_visitors + ((NEW.cart_removes > 0)) - ((OLD.cart_removes > 0)),
    cart_views = cart_views + (NEW.cart_views) - (OLD.cart_views),
    cart_views_visitors = cart_views_visitors + ((NEW.cart_views > 0)) - ((OLD.cart_views > 0)),
    checkouts = checkouts + (NEW.checkouts) - (OLD.checkouts),
    checkouts_visitors = checkouts_visitors + ((NEW.checkouts > 0)) - ((OLD.checkouts > 0)),
    checkout_steps = checkout_steps + (NEW.checkout_steps) - (OLD.checkout_steps),
    checkout_steps_visitors = checkout_steps_visitors + ((NEW.checkout_steps > 0)) - ((OLD.checkout_steps > 0)),
    orders = orders + (NEW.orders) - (OLD.orders),
    orders_visitors = orders_visitors + ((NEW.orders > 0)) - ((OLD.orders > 0)),
    order_tracking_views = order_tracking_views + (NEW.order_tracking_views) - (OLD.order_tracking_views),
    order_tracking_views_visitors = order_tracking_views_visitors + ((NEW.order_tracking_views > 0)) - ((OLD.order_tracking_views > 0)),
    returns = returns + (NEW.returns) - (OLD.returns),
    returns_visitors = returns_visitors + ((NEW.returns > 0)) - ((OLD.returns > 0)),
    account_views = account_views + (NEW.account_views) - (OLD.account_views),
    account_views_visitors = account_views_visitors + ((NEW.account_views > 0)) - ((OLD.account_views > 0)),
    review_submits = review_submits + (NEW.review_submits) - (OLD.review_submits),
    review_submits_visitors = review_submits_visitors + ((NEW.review_submits > 0)) - ((OLD.review_submits > 0)),
    newsletter_signups = newsletter_signups + (NEW.newsletter_signups) - (OLD.newsletter_signups),
    newsletter_signups_visitors = newsletter_signups_visitors + ((NEW.newsletter_signups > 0)) - ((OLD.newsletter_signups > 0)),
    abandoned = abandoned + ((NEW.cart_adds > 0 AND NEW.orders = 0)) - ((OLD.cart_adds > 0 AND OLD.orders = 0)),
    abandoned_cart_adds = abandoned_cart_adds + ((CASE WHEN NEW.orders = 0 THEN NEW.cart_adds ELSE 0 END)) - ((CASE WHEN OLD.orders = 0 THEN OLD.cart_adds ELSE 0 END)),
    visits = visits + (NEW.visits) - (OLD.visits)
  WHERE site_id = NEW.site_id AND hour = NEW.hour;
END;

CREATE TRIGGER uncount_returning_visitor AFTER UPDATE OF prev_hour, next_hour ON visitor_hours
WHEN OLD.prev_hour IS NULL AND OLD.next_hour IS NULL AND (NEW.prev_hour IS NOT NULL OR NEW.next_hour IS NOT NULL)
BEGIN
  INSERT INTO hour_visitors (site_id, hour, visitors, reached_2, reached_3, reached_4, reached_5, stage_1, stage_2, stage_3, stage_4, stage_5, landings, landings_visitors, page_views, page_views_visitors, list_views, list_views_visitors, product_views, product_views_visitors, site_searches, site_searches_visitors, wishlist_adds, wishlist_adds_visitors, cart_adds, cart_adds_visitors, cart_removes, cart_removes_visitors, cart_views, cart_views_visitors, checkouts, checkouts_visitors, checkout_steps, checkout_steps_visitors, orders, orders_visitors, order_tracking_views, order_tracking_views_visitors, returns, returns_visitors, account_views, account_views_visitors, review_submits, review_submits_visitors, newsletter_signups, newsletter_signups_visitors, abandoned, abandoned_cart_adds, visits)
  VALUES (OLD.site_id, OLD.hour, -(1), -(OLD.furthest >= 2), -(OLD.furthest >= 3), -(OLD.furthest >= 4), -(OLD.furthest >= 5), -((OLD.stages & 1 > 0)), -((OLD.stages & 2 > 0)), -((OLD.stages & 4 > 0)), -((OLD.stages & 8 > 0)), -((OLD.stages & 16 > 0)), -(OLD.landings), -((OLD.landings > 0)), -(OLD.page_views), -((OLD.page_views > 0)), -(OLD.list_views), -((OLD.list_views > 0)), -(OLD.product_views), -((OLD.product_views > 0)), -(OLD.site_searches), -((OLD.site_searches > 0)), -(OLD.wishlist_adds), -((OLD.wishlist_adds > 0)), -(OLD.cart_adds), -((OLD.cart_adds > 0)), -(OLD.cart_removes), -((OLD.cart_removes > 0)), -(OLD.cart_views), -((OLD.cart_views > 0)), -(OLD.checkouts), -((OLD.checkouts > 0)), -(OLD.checkout_steps), -((OLD.checkout_steps > 0)), -(OLD.orders), -((OLD.orders > 0)), -(OLD.order_tracking_views), -((OLD.order_tracking_views > 0)), -(OLD.returns), -((OLD.returns > 0)), -(OLD.account_views), -((OLD.account_views > 0)), -(OLD.review_submits), -((OLD.review_submits > 0)), -(OLD.newsletter_signups), -((OLD.newsletter_signups > 0)), -((OLD.cart_adds > 0 AND OLD.orders = 0)), -((CASE WHEN OLD.orders = 0 THEN OLD.cart_adds ELSE 0 END)), -(OLD.visits))
  ON CONFLICT (site_id, hour) DO UPDATE SET
    visitors = visitors + excluded.visitors,
    reached_2 = reached_2 + excluded.reached_2,
    reached_3 = reached_3 + excluded.reached_3,
    reached_4 = reached_4 + excluded.reached_4,
    reached_5 = reached_5 + excluded.reached_5,
    stage_1 = stage_1 + excluded.stage_1,
    stage_2 = stage_2 + excluded.stage_2,
    stage_3 = stage_3 + excluded.stage_3,
    stage_4 = stage_4 + excluded.stage_4,
    stage_5 = stage_5 + excluded.stage_5,
    landings = landings + excluded.landings,
    landings_visitors = landings_visitors + excluded.landings_visitors,
    page_views = page_views + excluded.page_views,
    page_views_visitors = page_views_visitors + excluded.page_views_visitors,
    list_views = list_views + excluded.list_views,
    list_views_visitors = list_views_visitors + excluded.list_views_visitors,
    product_views = product_views + excluded.product_views,
    product_views_visitors = product_views_visitors + excluded.product_views_visitors,
    site_searches = site_searches + excluded.site_searches,
    site_searches_visitors = site_searches_visitors + excluded.site_searches_visitors,
    wishlist_adds = wishlist_adds + excluded.wishlist_adds,
    wishlist_adds_visitors = wishlist_adds_visitors + excluded.wishlist_adds_visitors,
    cart_adds = cart_adds + excluded.cart_adds,
    cart_adds_visitors = cart_adds_visitors + excluded.cart_adds_visitors,
    cart_removes = cart_removes + excluded.cart_removes,
    cart_removes_visitors = cart_removes_visitors + excluded.cart_removes_visitors,
    cart_views = cart_views + excluded.cart_views,
    cart_views_visitors = cart_views_visitors + excluded.cart_views_visitors,
    checkouts = checkouts + excluded.checkouts,
    checkouts_visitors = checkouts_visitors + excluded.checkouts_visitors,
    checkout_steps = checkout_steps + excluded.checkout_steps,
    checkout_steps_visitors = checkout_steps_visitors + excluded.checkout_steps_visitors,
    orders = orders + excluded.orders,
    orders_visitors = orders_visitors + excluded.orders_visitors,
    order_tracking_views = order_tracking_views + excluded.order_tracking_views,
    order_tracking_views_visitors = order_tracking_views_visitors + excluded.order_tracking_views_visitors,
    returns = returns + excluded.returns,
    returns_visitors = returns_visitors + excluded.returns_visitors,
    account_views = account_views + excluded.account_views,
    account_views_visitors = account_views_visitors + excluded.account_views_visitors,
    review_submits = review_submits + excluded.review_submits,
    review_submits_visitors = review_submits_visitors + excluded.review_submits_visitors,
    newsletter_signups = newsletter_signups + excluded.newsletter_signups,
    newsletter_signups_visitors = newsletter_signups_visitors + excluded.newsletter_signups_visitors,
    abandoned = abandoned + excluded.abandoned,
    abandoned_cart_adds = abandoned_cart_adds + excluded.abandoned_cart_adds,
    visits = visits + excluded.visits;
  INSERT INTO hour_visitor_landings (site_id, hour, channel, search_engine, landings, visitors)
  SELECT site_id, hour, channel, search_engine, -landings, -1 FROM visitor_hour_landings
  WHERE site_id = OLD.site_id AND hour = OLD.hour AND visitor = OLD.visitor
  ON CONFLICT (site_id, hour, channel, search_engine) DO UPDATE SET
    landings = landings + excluded.landings, visitors = visitors + excluded.visitors;
  INSERT INTO hour_visitor_money (site_id, hour, kind, currency, events, amount, visitors)
  SELECT site_id, hour, kind, currency, -events, -amount, -1 FROM visitor_hour_money
  WHERE site_id = OLD.site_id AND hour = OLD.hour AND visitor = OLD.visitor
  ON CONFLICT (site_id, hour, kind, currency) DO UPDATE SET
    events = events + excluded.events, amount = amount + excluded.amount, visitors = visitors + excluded.visitors;
END;


-- A one-hour visitor's landings and money (visitor_hour_landings and visitor_hour_money are
-- written after visitor_hours in rollup_touchpoint, so a returning visitor's new row is
-- already linked and its landings never enter).
CREATE TRIGGER count_one_hour_landing AFTER INSERT ON visitor_hour_landings
WHEN (SELECT prev_hour IS NULL AND next_hour IS NULL FROM visitor_hours WHERE site_id = NEW.site_id AND hour = NEW.hour AND visitor = NEW.visitor)
BEGIN
  INSERT INTO hour_visitor_landings (site_id, hour, channel, search_engine, landings, visitors)
  VALUES (NEW.site_id, NEW.hour, NEW.channel, NEW.search_engine, NEW.landings, 1)
  ON CONFLICT (site_id, hour, channel, search_engine) DO UPDATE SET
    landings = landings + excluded.landings, visitors = visitors + excluded.visitors;
END;

CREATE TRIGGER recount_one_hour_landing AFTER UPDATE ON visitor_hour_landings
WHEN (SELECT prev_hour IS NULL AND next_hour IS NULL FROM visitor_hours WHERE site_id = NEW.site_id AND hour = NEW.hour AND visitor = NEW.visitor)
BEGIN
  INSERT INTO hour_visitor_landings (site_id, hour, channel, search_engine, landings, visitors)
  VALUES (NEW.site_id, NEW.hour, NEW.channel, NEW.search_engine, NEW.landings - OLD.landings, 0)
  ON CONFLICT (site_id, hour, channel, search_engine) DO UPDATE SET landings = landings + excluded.landings;
END;

CREATE TRIGGER count_one_hour_money AFTER INSERT ON visitor_hour_money
WHEN (SELECT prev_hour IS NULL AND next_hour IS NULL FROM visitor_hours WHERE site_id = NEW.site_id AND hour = NEW.hour AND visitor = NEW.visitor)
BEGIN
  INSERT INTO hour_visitor_money (site_id, hour, kind, currency, events, amount, visitors)
  VALUES (NEW.site_id, NEW.hour, NEW.kind, NEW.currency, NEW.events, NEW.amount, 1)
  ON CONFLICT (site_id, hour, kind, currency) DO UPDATE SET
    events = events + excluded.events, amount = amount + excluded.amount, visitors = visitors + excluded.visitors;
END;

CREATE TRIGGER recount_one_hour_money AFTER UPDATE ON visitor_hour_money
WHEN (SELECT prev_hour IS NULL AND next_hour IS NULL FROM visitor_hours WHERE site_id = NEW.site_id AND hour = NEW.hour AND visitor = NEW.visitor)
BEGIN
  INSERT INTO hour_visitor_money (site_id, hour, kind, currency, events, amount, visitors)
  VALUES (NEW.site_id, NEW.hour, NEW.kind, NEW.currency, NEW.events - OLD.events, NEW.amount - OLD.amount, 0)
  ON CONFLICT (site_id, hour, kind, currency) DO UPDATE SET
    events = events + excluded.events, amount = amount + excluded.amount;
END;
