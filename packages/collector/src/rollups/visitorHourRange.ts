/**
 * The kinds of visitor_hours rows in a report's hours [?2, ?3), by the visitor's neighbouring
 * hours (migrations/0007_one_hour_and_returning_visitors.sql). A solo row is its visitor's
 * only row in the range, so it is the visitor's whole range and needs no grouping; the
 * RETURNING_ROWS are the others, read through the partial index `visitor_hours_returning`
 * (its condition is repeated word for word so the planner may use it) and grouped by visitor.
 */
export const soloRow = (row = '') => `(${row}prev_hour IS NULL OR ${row}prev_hour < ?2) AND (${row}next_hour IS NULL OR ${row}next_hour >= ?3)`;

/** A row of a visitor with more than one hour: the partial index's condition, word for word. */
export const returningVisitor = (row = '') => `(${row}prev_hour IS NOT NULL OR ${row}next_hour IS NOT NULL)`;

export const RETURNING_ROWS = `${returningVisitor()} AND (prev_hour >= ?2 OR next_hour < ?3)`;
