import { RECORD_FIELDS, recordScalars, type RecordScalars } from './exportRecord.ts';
import type { ExportRow } from './exportRow.ts';

/** RFC 4180 header line. */
export const CSV_HEADER = RECORD_FIELDS.join(',') + '\r\n';

/**
 * Columns whose every stored value the collector wrote from a closed alphabet, so none can
 * carry a formula and each goes out byte-exact: `id` is `[A-Za-z0-9_-]{8,64}` or
 * `order_<base36>` (validateEvent, orderEventId), `site` is `wm_<base64url>`, `type` is
 * `[a-z][a-z0-9_]*`, `stage`, `channel`, `device` and `search_engine` come from the
 * collector's own tables, `ts` and `received_at` are ISO-8601 of times in [1970, now], and
 * `country` is kept only as two upper-case letters or digits (countryCode). An id may begin
 * with `-`: an apostrophe there would break the join with NDJSON and with the SDK's id.
 */
const EXACT_COLUMNS: ReadonlySet<keyof RecordScalars> = new Set([
  'id', 'site', 'type', 'stage', 'ts', 'received_at', 'channel', 'search_engine', 'country', 'device',
] as const);

/** One RFC 4180 line (CRLF); an absent value is an empty cell, `props` its JSON text. */
export function csvLine(row: ExportRow, siteKey: string): string {
  const scalars = recordScalars(row, siteKey);
  return (
    RECORD_FIELDS.map((field) => {
      if (field === 'props') return csvCell(defused(row.props));
      // A persona is a key the admin API validated as [a-z][a-z0-9_]*, or `other`.
      if (field === 'persona') return csvCell(row.persona ?? null);
      return csvCell(EXACT_COLUMNS.has(field) ? scalars[field] : defused(scalars[field]));
    }).join(',') + '\r\n'
  );
}

/**
 * Free text (visitor, session and user ids, URLs, referrers, props) comes from browsers: a
 * cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first: OWASP's CSV
 * injection list) gets a leading apostrophe. NDJSON carries every value exactly.
 */
function defused(value: string | null): string | null {
  return value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell quoted when it holds a comma, quote, CR or LF, with its quotes doubled. */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
