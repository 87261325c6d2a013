-- The flows report (GET /v1/reports/flows) needs what hour_transitions cannot give: which
-- visitor made a move (channel, persona and device filters, distinct visitors), the order of
-- a visit's touchpoints beyond one step (paths to purchase, loops, start/end types) and the
-- time between them (time to the next stage, time to purchase). One row per visit
-- (session) holds its touchpoints in (ts, id) order, kept exact by the same rule as the
-- other rollups: an AFTER INSERT trigger, so only rows really inserted count, and the whole
-- visit is rebuilt from its events, so a late or out-of-order event lands in its place and
-- rebalances every move around it. Web vitals and feedback prompts are measurements, not
-- touchpoints (as in hour_transitions).
CREATE TABLE visit_paths (
  site_id INTEGER NOT NULL,
  start_hour INTEGER NOT NULL,      -- UTC hour of the visit's first touchpoint: a report's range picks visits by it
  visitor TEXT NOT NULL,
  session TEXT NOT NULL,
  started_at INTEGER NOT NULL,      -- ts of the first touchpoint, ms
  types TEXT NOT NULL,              -- touchpoint types, space-separated (types never hold a space)
  stages TEXT NOT NULL,             -- each touchpoint's stage, one digit 1–5 each
  offsets TEXT NOT NULL,            -- each touchpoint's ts − started_at, ms, space-separated
  PRIMARY KEY (site_id, start_hour, visitor, session)
) WITHOUT ROWID;

-- The visit's row is found by its start hour before this event (the earliest of its other
-- touchpoints), replaced by the visit rebuilt with this event in it.
CREATE TRIGGER rollup_visit_path AFTER INSERT ON events WHEN NEW.type NOT IN ('web_vitals', 'feedback_prompt')
BEGIN
  DELETE FROM visit_paths WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session
    AND start_hour = (SELECT min(ts) / 3600000 FROM events INDEXED BY events_by_visitor
      WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session AND id <> NEW.id
        AND type NOT IN ('web_vitals', 'feedback_prompt'));

  INSERT INTO visit_paths (site_id, start_hour, visitor, session, started_at, types, stages, offsets)
  SELECT NEW.site_id, min(ts) / 3600000, NEW.visitor, NEW.session, min(ts),
    group_concat(type, ' ' ORDER BY ts, id), group_concat(stage, '' ORDER BY ts, id),
    group_concat(ts - first, ' ' ORDER BY ts, id)
  FROM (SELECT id, type, stage, ts, min(ts) OVER () AS first FROM events INDEXED BY events_by_visitor
    WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND session = NEW.session
      AND type NOT IN ('web_vitals', 'feedback_prompt'));
END;

-- Visits of events stored before this migration: rebuilt once from the events table.
INSERT INTO visit_paths (site_id, start_hour, visitor, session, started_at, types, stages, offsets)
SELECT site_id, min(ts) / 3600000, visitor, session, min(ts),
  group_concat(type, ' ' ORDER BY ts, id), group_concat(stage, '' ORDER BY ts, id),
  group_concat(ts - first, ' ' ORDER BY ts, id)
FROM (SELECT site_id, visitor, session, id, type, stage, ts,
        min(ts) OVER (PARTITION BY site_id, visitor, session) AS first
      FROM events WHERE type NOT IN ('web_vitals', 'feedback_prompt'))
GROUP BY site_id, visitor, session;
