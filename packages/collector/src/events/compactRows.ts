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
    for (const text of facts[i]) factTexts.push([row.siteId, text]);
  });
  if (pages.length === 0) return [...rows];
  const numbers = await numberPagesAndFacts(db, pages, factTexts);
  return rows.map((row, i) => {
    if (!facts[i]) return row;
    const { page, rest } = splitUrl(row.url);
    const pageNumber = numbers.pages.get(`${row.siteId} ${page}`);
    if (pageNumber === undefined) return row;
    const numberOf = (text: string) => numbers.facts.get(`${row.siteId} ${text}`)!;
    const url = `${pageNumber}${rest}`;
    if (row.props === undefined) return { ...row, url };
    const props = compactProps(row.props, numberOf);
    const textOf = new Map(facts[i]!.map((text) => [numberOf(text), text]));
    // The packer's promise, checked on every row: what is read back is what was sent.
    if (expandUrl(url, page) !== row.url || expandProps(props, (n) => textOf.get(n)!) !== row.props) return row;
    return { ...row, url, props };
  });
}
