-- Feedback rollups (SPEC §6 `feedback` report, §7): the feedback report reads these, never a
-- range of raw events. Like 0003 they are kept by AFTER INSERT triggers on `events`, so
-- only rows really inserted count (a replay that `INSERT OR IGNORE` skips fires nothing),
-- every update is an order-independent delta (late events keep every number exact), and
-- time buckets are UTC hours (hour = ts / 3 600 000). `events` itself is not touched.

-- Per visitor, UTC hour, stage (the stage the feedback is `about`, i.e. the event's stage)
-- and prompt ('' for feedback given without one, e.g. a shop's own form): prompts shown
-- and dismissed (feedback_prompt), answers (feedback) and their ratings 1–5. The visitor
-- is in the key so that the persona, channel and device filters keep only their visitors.
CREATE TABLE visitor_hour_feedback (
  site_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  visitor TEXT NOT NULL,
  stage INTEGER NOT NULL,
  prompt TEXT NOT NULL,
  shown INTEGER NOT NULL,
  dismissed INTEGER NOT NULL,
  answers INTEGER NOT NULL,
  rated_1 INTEGER NOT NULL,
  rated_2 INTEGER NOT NULL,
  rated_3 INTEGER NOT NULL,
  rated_4 INTEGER NOT NULL,
  rated_5 INTEGER NOT NULL,
  PRIMARY KEY (site_id, hour, visitor, stage, prompt)
) WITHOUT ROWID;

-- The feedback events with a comment, by time: the report's latest comments are the end of
-- a range of this key, and their text is read from `events` by its primary key (site_id,
-- ts, id), one row each. No third secondary index on `events` (SPEC §7 allows two), and
-- no second copy of the text.
CREATE TABLE feedback_comments (
  site_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  id TEXT NOT NULL,
  visitor TEXT NOT NULL,
  PRIMARY KEY (site_id, ts, id)
) WITHOUT ROWID;

CREATE TRIGGER rollup_feedback AFTER INSERT ON events WHEN NEW.type IN ('feedback', 'feedback_prompt')
BEGIN
  INSERT INTO visitor_hour_feedback (site_id, hour, visitor, stage, prompt, shown, dismissed, answers,
    rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT NEW.site_id, NEW.ts / 3600000, NEW.visitor, NEW.stage,
    CASE WHEN json_type(NEW.props, '$.prompt') = 'text' THEN NEW.props ->> '$.prompt' ELSE '' END,
    NEW.type = 'feedback_prompt' AND NEW.props ->> '$.action' = 'shown',
    NEW.type = 'feedback_prompt' AND NEW.props ->> '$.action' = 'dismissed',
    NEW.type = 'feedback',
    NEW.type = 'feedback' AND rating = 1, NEW.type = 'feedback' AND rating = 2, NEW.type = 'feedback' AND rating = 3,
    NEW.type = 'feedback' AND rating = 4, NEW.type = 'feedback' AND rating = 5
  FROM (SELECT CASE WHEN json_type(NEW.props, '$.rating') = 'integer' THEN NEW.props ->> '$.rating' END AS rating)
  WHERE true
  ON CONFLICT (site_id, hour, visitor, stage, prompt) DO UPDATE SET
    shown = shown + excluded.shown,
    dismissed = dismissed + excluded.dismissed,
    answers = answers + excluded.answers,
    rated_1 = rated_1 + excluded.rated_1,
    rated_2 = rated_2 + excluded.rated_2,
    rated_3 = rated_3 + excluded.rated_3,
    rated_4 = rated_4 + excluded.rated_4,
    rated_5 = rated_5 + excluded.rated_5;

  INSERT INTO feedback_comments (site_id, ts, id, visitor)
  SELECT NEW.site_id, NEW.ts, NEW.id, NEW.visitor
  WHERE NEW.type = 'feedback' AND json_type(NEW.props, '$.comment') = 'text' AND NEW.props ->> '$.comment' <> '';
END;
