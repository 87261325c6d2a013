import { RECORD_FIELDS, recordScalars } from './exportRecord.ts';
import type { ExportRow } from './exportRow.ts';

/** RFC 4180 header line. */
export const CSV_HEADER = RECORD_FIELDS.join(',') + '\r\n';

/** One RFC 4180 line (CRLF); an absent value is an empty cell, `props` its JSON text. */
export function csvLine(row: ExportRow, siteKey: string): string {
  const scalars = recordScalars(row, siteKey);
  return RECORD_FIELDS.map((field) => csvCell(field === 'props' ? row.props : scalars[field])).join(',') + '\r\n';
}

/**
 * A cell quoted when it holds a comma, quote, CR or LF, with its quotes doubled. A cell
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR first: OWASP's CSV
 * injection list) gets a leading apostrophe, since sessions and user ids come from the
 * browser; NDJSON carries every value exactly.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
