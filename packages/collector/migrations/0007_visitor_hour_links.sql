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
