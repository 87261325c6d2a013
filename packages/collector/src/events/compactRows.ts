import { expandUrl, propsPieces, splitUrl, type Piece } from './compactEvent.ts';
import type { SiteText } from './queries.ts';
import type { StoredEvent } from './storedEvent.ts';

/**
 * A row as the insert takes it (events/queries.ts). A compact row carries the texts its
 * numbers stand for: its url and referrer hold what follows the page, `page` and
 * `referrerPage` the pages, `pieces` its props. The insert looks the numbers up by text, in
 * the transaction that first stores the pages and facts, so no number is known, or asked
 * for, before.
 */
export interface PackedRow extends StoredEvent {
  page?: string;
  referrerPage?: string;
  pieces?: Piece[];
}

/** The rows packed, and the pages and product facts they name (each once). */
export interface PackedBatch {
  rows: PackedRow[];
  pages: SiteText[];
  facts: SiteText[];
}

/**
 * The rows in their compact form (compactEvent.ts). A row whose URL or props the packer
 * cannot give back byte for byte is stored whole.
 */
export function compactRows(rows: readonly StoredEvent[]): PackedBatch {
  const pages = new Map<string, SiteText>();
  const facts = new Map<string, SiteText>();
  const name = (texts: Map<string, SiteText>, siteId: number, text: string) => texts.set(`${siteId} ${text}`, [siteId, text]);
  const packed = rows.map((row): PackedRow => {
    const pieces = row.props === undefined ? undefined : propsPieces(row.props);
    if (row.props !== undefined && pieces === undefined) return row;
    const url = splitUrl(row.url);
    const referrer = row.referrer === undefined ? undefined : splitUrl(row.referrer);
    // The packer's promise, checked on every row: what is read back is what was sent.
    if (expandUrl(`0${url.rest}`, url.page) !== row.url) return row;
    if (referrer && expandUrl(`0${referrer.rest}`, referrer.page) !== row.referrer) return row;
    const compact: PackedRow = { ...row, url: url.rest, page: url.page };
    name(pages, row.siteId, url.page);
    if (referrer) {
      compact.referrer = referrer.rest;
      compact.referrerPage = referrer.page;
      name(pages, row.siteId, referrer.page);
    }
    if (pieces && (pieces.length > 1 || pieces[0]![1] !== null)) {
      compact.pieces = pieces;
      for (const [, text] of pieces) if (text !== null) name(facts, row.siteId, text);
    }
    return compact;
  });
  return { rows: packed, pages: [...pages.values()], facts: [...facts.values()] };
}
