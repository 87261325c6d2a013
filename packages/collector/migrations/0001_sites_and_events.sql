-- Sites: one row per shop. The export token is stored as a SHA-256 hex digest, never raw.
CREATE TABLE sites (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  origins TEXT NOT NULL DEFAULT '[]',         -- JSON array of allowed origins
  stage_overrides TEXT NOT NULL DEFAULT '{}', -- JSON object: custom type → stage
  export_token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Events: one row per touchpoint. Kept small (SPEC §7: ≤ 300 bytes per typical event with
-- its indexes): the site is its integer id, the stage its 1-based ordinal in the journey
-- (awareness = 1 … loyalty = 5), received_at is stored as its delay after ts.
-- WITHOUT ROWID with the primary key (site_id, ts, id): rows are clustered in the (ts, id)
-- order that export pages and report ranges read, and arrive nearly in that order, so
-- pages fill instead of splitting at random.
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

-- The dedup key: an event id is stored once per site (INSERT OR IGNORE), whatever its ts.
CREATE UNIQUE INDEX events_by_id ON events (site_id, id);
-- A visitor's journey, in order (the index carries ts and id from the primary key).
CREATE INDEX events_by_visitor ON events (site_id, visitor);

-- Daily random salts for cookieless visitor hashes; yesterday's is deleted, so hashes
-- cannot be linked across days or reversed to an IP.
CREATE TABLE salts (
  day TEXT PRIMARY KEY,
  salt TEXT NOT NULL
);

-- Export and report requests find their site by the hash of the bearer token.
CREATE UNIQUE INDEX sites_by_token ON sites (export_token_hash);
