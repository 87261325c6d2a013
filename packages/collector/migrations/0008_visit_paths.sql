-- The flows report (GET /v1/reports/flows) needs what hour_transitions cannot give: which
-- visitor made a move (channel, persona and device filters, distinct visitors), the order of
-- a visit's touchpoints beyond one step (paths to purchase, loops, start/end types) and the
-- time between them (time to the next stage, time to purchase). One row per visit
-- (session) holds its touchpoints in (ts, id) order, kept exact by the same rule as the
-- other rollups: an AFTER INSERT trigger, so only rows really inserted count, and a late or
-- out-of-order event rebuilds its visit from the events, so it lands in its place and
-- rebalances every move around it. Web vitals and feedback prompts are measurements, not
-- touchpoints (as in hour_transitions).
CREATE TABLE visit_paths (
  site_id INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  session TEXT NOT NULL,
  start_hour INTEGER NOT NULL,      -- UTC hour of the visit's first touchpoint: a report's range picks visits by it
  started_at INTEGER NOT NULL,      -- ts of the first touchpoint, ms
  last_at INTEGER NOT NULL,         -- ts of the last touchpoint, ms: a later event is appended, an earlier one rebuilds
  types TEXT NOT NULL,              -- touchpoint types, space-separated (types never hold a space)
  stages TEXT NOT NULL,             -- each touchpoint's stage, one digit 1–5 each
  offsets TEXT NOT NULL,            -- each touchpoint's ts − started_at, ms, space-separated
  PRIMARY KEY (site_id, visitor, session)
) WITHOUT ROWID;
-- A report reads a range of start hours; the trigger finds a visit by its key.
CREATE INDEX visit_paths_by_start ON visit_paths (site_id, start_hour);

-- Events mostly arrive in order: a touchpoint after the visit's last (by ts, then id: a batch's
-- events often share a millisecond) is appended to its row. One before the last — late or out
-- of order — rebuilds the row from the visit's events.
CREATE TRIGGER rollup_visit_path AFTER INSERT ON events WHEN NEW.type NOT IN ('web_vitals', 'feedback_prompt')
BEGIN
  INSERT INTO visit_paths (site_id, visitor, session, start_hour, started_at, last_at, types, stages, offsets)
  VALUES (NEW.site_id, NEW.visitor, NEW.session, NEW.ts / 3600000, NEW.ts, NEW.ts, NEW.type, NEW.stage, '0')
  ON CONFLICT (site_id, visitor, session) DO UPDATE SET
    types = types || ' ' || excluded.types,
    stages = stages || excluded.stages,
    offsets = offsets || ' ' || (excluded.last_at - started_at),
    last_at = excluded.last_at
  WHERE excluded.last_at > visit_paths.last_at OR (excluded.last_at = visit_paths.last_at AND NOT EXISTS (
    SELECT 1 FROM events INDEXED BY events_by_visitor
    WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session AND ts = NEW.ts
      AND id > NEW.id AND type NOT IN ('web_vitals', 'feedback_prompt')));

  UPDATE visit_paths SET (start_hour, started_at, last_at, types, stages, offsets) = (
    SELECT min(ts) / 3600000, min(ts), max(ts),
      group_concat(type, ' ' ORDER BY ts, id), group_concat(stage, '' ORDER BY ts, id),
      group_concat(ts - first, ' ' ORDER BY ts, id)
    FROM (SELECT id, type, stage, ts, min(ts) OVER () AS first FROM events INDEXED BY events_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session
        AND type NOT IN ('web_vitals', 'feedback_prompt')))
  WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session
    AND (last_at > NEW.ts OR (last_at = NEW.ts AND EXISTS (
      SELECT 1 FROM events INDEXED BY events_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session AND ts = NEW.ts
        AND id > NEW.id AND type NOT IN ('web_vitals', 'feedback_prompt'))));
END;

-- Visits of events stored before this migration: rebuilt once from the events table.
INSERT INTO visit_paths (site_id, visitor, session, start_hour, started_at, last_at, types, stages, offsets)
SELECT site_id, visitor, session, min(ts) / 3600000, min(ts), max(ts),
  group_concat(type, ' ' ORDER BY ts, id), group_concat(stage, '' ORDER BY ts, id),
  group_concat(ts - first, ' ' ORDER BY ts, id)
FROM (SELECT site_id, visitor, session, id, type, stage, ts,
        min(ts) OVER (PARTITION BY site_id, visitor, session) AS first
      FROM events WHERE type NOT IN ('web_vitals', 'feedback_prompt'))
GROUP BY site_id, visitor, session;
