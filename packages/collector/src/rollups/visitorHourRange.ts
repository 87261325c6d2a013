/**
 * The two kinds of visitor_hours rows in a report's hours [?2, ?3), by the visitor's
 * neighbouring hours (migrations/0007_visitor_hour_links.sql). A SOLO row is its visitor's
 * only row in the range, so it is the visitor's whole range and needs no grouping; the
 * RETURNING rows are the others, read through the partial index `visitor_hours_returning`
 * (its condition is repeated word for word so the planner may use it) and grouped by visitor.
 */
export const soloRow = (row = '') => `(${row}prev_hour IS NULL OR ${row}prev_hour < ?2) AND (${row}next_hour IS NULL OR ${row}next_hour >= ?3)`;

export const RETURNING_ROWS = `(prev_hour IS NOT NULL OR next_hour IS NOT NULL) AND (prev_hour >= ?2 OR next_hour < ?3)`;
