-- Lighter ingest (SPEC §8). Two pieces of rollup_touchpoint (0003) go:
-- - hour_transitions: the flows report reads visits whole from visit_paths (0008), which hold
--   every move hour_transitions counted, and nothing reads hour_transitions any more; keeping it
--   cost two index probes of `events` per touchpoint, about a third of the triggers' time;
-- - the custom-type counts (visitor_hour_types) move to their own trigger, whose WHEN skips
--   the built-in types, so a built-in touchpoint no longer runs that statement.
-- The rest of rollup_touchpoint is unchanged, in the same order.
DROP TRIGGER rollup_touchpoint;
DROP TABLE hour_transitions;

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

-- Custom touchpoint types and feedback (by the stage it is about), as in 0003.
CREATE TRIGGER rollup_custom_touchpoint AFTER INSERT ON events
WHEN NEW.type NOT IN ('web_vitals', 'feedback_prompt', 'landing', 'page_view', 'product_list_view', 'product_view', 'site_search',
    'wishlist_add', 'cart_add', 'cart_remove', 'cart_view', 'checkout_start', 'checkout_step',
    'order_complete', 'order_tracking_view', 'return_start', 'account_view', 'review_submit',
    'newsletter_signup')
BEGIN
  INSERT INTO visitor_hour_types (site_id, hour, visitor, type, stage, touchpoints)
  VALUES (NEW.site_id, NEW.ts / 3600000, NEW.visitor, NEW.type, NEW.stage, 1)
  ON CONFLICT (site_id, hour, visitor, type, stage) DO UPDATE SET touchpoints = touchpoints + 1;
END;
