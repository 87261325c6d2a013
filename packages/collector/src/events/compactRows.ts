import { compactProps, expandProps, expandUrl, productFactsOf, splitUrl } from './compactEvent.ts';
import { numberPagesAndFacts, type SiteText } from './queries.ts';
import type { StoredEvent } from './storedEvent.ts';

/**
 * The rows in their compact form (compactEvent.ts), their pages and product facts stored
 * first. A row whose props the packer cannot give back byte for byte is stored whole. Pages
 * and facts stored for a batch that then fails are kept: they are reused by its retry.
 */
export async function compactRows(db: D1Database, rows: readonly StoredEvent[]): Promise<StoredEvent[]> {
  const facts = rows.map((row) => productFactsOf(row.props));
  const pages: SiteText[] = [];
  const factTexts: SiteText[] = [];
  rows.forEach((row, i) => {
    if (!facts[i]) return;
    pages.push([row.siteId, splitUrl(row.url).page]);
    if (row.referrer !== undefined) pages.push([row.siteId, splitUrl(row.referrer).page]);
    for (const text of facts[i]) factTexts.push([row.siteId, text]);
  });
  if (pages.length === 0) return [...rows];
  const numbers = await numberPagesAndFacts(db, pages, factTexts);
  return rows.map((row, i) => {
    if (!facts[i]) return row;
    const compact = (url: string) => {
      const { page, rest } = splitUrl(url);
      const pageNumber = numbers.pages.get(`${row.siteId} ${page}`);
      const stored = `${pageNumber}${rest}`;
      // The packer's promise, checked on every row: what is read back is what was sent.
      return pageNumber !== undefined && expandUrl(stored, page) === url ? stored : undefined;
    };
    const url = compact(row.url);
    const referrer = row.referrer === undefined ? undefined : compact(row.referrer);
    if (url === undefined || (row.referrer !== undefined && referrer === undefined)) return row;
    const compactRow: StoredEvent = { ...row, url };
    if (referrer !== undefined) compactRow.referrer = referrer;
    if (row.props === undefined) return compactRow;
    const numberOf = (text: string) => numbers.facts.get(`${row.siteId} ${text}`)!;
    const props = compactProps(row.props, numberOf);
    const textOf = new Map(facts[i]!.map((text) => [numberOf(text), text]));
    if (expandProps(props, (n) => textOf.get(n)!) !== row.props) return row;
    return { ...compactRow, props };
  });
}
