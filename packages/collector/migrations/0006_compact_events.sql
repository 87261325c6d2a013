-- Compact events (SPEC §7: ≤ 300 bytes per event with its indexes; src/events/compactEvent.ts).
-- A shop's events repeat the same pages and the same products: each is stored once per site
-- here and events refer to it by a small per-site number. Rows are only ever added, so a
-- number always names the same text. `events` itself is unchanged (its triggers, including
-- other migrations', keep reading the same columns): a compact row's url starts with the
-- page's number, a whole one with `http`, and both are read back to the URL as sent.

-- A page: a URL up to its query or fragment, exactly as sent (scheme, host, port, path).
CREATE TABLE event_pages (
  site_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  page TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX event_pages_by_page ON event_pages (site_id, page);

-- A product object (props.product, or an element of props.products / props.items) as its
-- exact JSON text: the same product with other facts (a new price, name or variant) is
-- another text, so another number, and each event keeps the facts it carried.
CREATE TABLE product_facts (
  site_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  facts TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX product_facts_by_text ON product_facts (site_id, facts);
