import type { ExportRow } from '../export/exportRow.ts';
import { expandProps, expandUrl, factNumbersOf, pageNumberOf } from './compactEvent.ts';
import { pagesAndFactsOf } from './queries.ts';

/**
 * Gives compact rows (compactEvent.ts) of one site back their URL, referrer and props as sent, in
 * place: one lookup of the distinct pages and product facts of the rows, by key. Returns
 * the rows D1 read for it.
 */
export async function expandRows(db: D1Database, siteId: number, rows: ExportRow[]): Promise<number> {
  const pages = new Set<number>();
  const facts = new Set<number>();
  for (const row of rows) {
    const page = pageNumberOf(row.url);
    if (page === undefined) continue;
    pages.add(page);
    if (row.referrer !== null) pages.add(pageNumberOf(row.referrer)!);
    if (row.props !== null) for (const n of factNumbersOf(row.props)) facts.add(n);
  }
  if (pages.size === 0) return 0;
  const texts = await pagesAndFactsOf(db, siteId, [...pages], [...facts]);
  for (const row of rows) {
    const page = pageNumberOf(row.url);
    if (page === undefined) continue;
    row.url = expandUrl(row.url, texts.pages.get(page)!);
    if (row.referrer !== null) row.referrer = expandUrl(row.referrer, texts.pages.get(pageNumberOf(row.referrer)!)!);
    if (row.props !== null) row.props = expandProps(row.props, (n) => texts.facts.get(n)!);
  }
  return texts.rowsRead;
}
