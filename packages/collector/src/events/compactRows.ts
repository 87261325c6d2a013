import { expandUrl, planProps, splitUrl, type PropsPlan } from './compactEvent.ts';
import { knownNumber, rememberNumber, type TextKind } from './knownNumbers.ts';
import { numberPagesAndFacts, type NumberedText, type SiteText } from './queries.ts';
import type { StoredEvent } from './storedEvent.ts';

/** The rows in their compact form, and the numbers they were compacted with that came from the isolate's memory. */
export interface CompactBatch {
  rows: StoredEvent[];
  /** Undefined when every number was read from D1 for this batch; else the insert checks them (insertEventsIfNumbersHold). */
  remembered?: { pages: NumberedText[]; facts: NumberedText[] };
}

const NO_PROPS: PropsPlan = { facts: [], compact: () => '' };

/**
 * The rows in their compact form (compactEvent.ts). When every page and product fact of the
 * batch is known to this isolate (knownNumbers.ts) no statement is run; otherwise they are
 * all numbered in D1 first, the new ones stored. A row whose props the packer cannot give
 * back byte for byte is stored whole. Pages and facts stored for a batch that then fails
 * are kept: they are reused by its retry.
 */
export async function compactRows(db: D1Database, rows: readonly StoredEvent[], trustMemory: boolean): Promise<CompactBatch> {
  const plans = rows.map((row) => (row.props === undefined ? NO_PROPS : planProps(row.props)));
  const pages = new Map<string, SiteText>();
  const facts = new Map<string, SiteText>();
  rows.forEach((row, i) => {
    if (!plans[i]) return;
    for (const url of row.referrer === undefined ? [row.url] : [row.url, row.referrer]) {
      const { page } = splitUrl(url);
      pages.set(`${row.siteId} ${page}`, [row.siteId, page]);
    }
    for (const text of plans[i].facts) facts.set(`${row.siteId} ${text}`, [row.siteId, text]);
  });
  if (pages.size === 0) return { rows: [...rows] };

  const recalled = trustMemory ? recall(pages, facts) : undefined;
  const numbers = recalled || (await numberInD1(db, [...pages.values()], [...facts.values()]));
  const numberOf = (kind: TextKind, siteId: number, text: string) => numbers[kind].get(`${siteId} ${text}`);

  const compacted = rows.map((row, i) => {
    const plan = plans[i];
    if (!plan) return row;
    const compact = (url: string) => {
      const { page, rest } = splitUrl(url);
      const pageNumber = numberOf('page', row.siteId, page);
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
    const factNumbers = plan.facts.map((text) => numberOf('facts', row.siteId, text));
    if (factNumbers.some((n) => n === undefined)) return row;
    return { ...compactRow, props: plan.compact(factNumbers as number[]) };
  });
  if (!recalled) return { rows: compacted };
  const listed = (kind: TextKind, texts: Map<string, SiteText>): NumberedText[] =>
    [...texts.values()].map(([siteId, text]) => [siteId, numberOf(kind, siteId, text)!, text]);
  return { rows: compacted, remembered: { pages: listed('page', pages), facts: listed('facts', facts) } };
}

type Numbers = Record<TextKind, Map<string, number>>;

/** Every number from the isolate's memory, or undefined when one is missing. */
function recall(pages: Map<string, SiteText>, facts: Map<string, SiteText>): Numbers | undefined {
  const numbers: Numbers = { page: new Map(), facts: new Map() };
  for (const [kind, texts] of [['page', pages], ['facts', facts]] as const) {
    for (const [key, [siteId, text]] of texts) {
      const number = knownNumber(kind, siteId, text);
      if (number === undefined) return undefined;
      numbers[kind].set(key, number);
    }
  }
  return numbers;
}

async function numberInD1(db: D1Database, pages: SiteText[], facts: SiteText[]): Promise<Numbers> {
  const numbers = await numberPagesAndFacts(db, pages, facts);
  for (const [kind, texts, byKey] of [['page', pages, numbers.pages], ['facts', facts, numbers.facts]] as const) {
    for (const [siteId, text] of texts) {
      const number = byKey.get(`${siteId} ${text}`);
      if (number !== undefined) rememberNumber(kind, siteId, text, number);
    }
  }
  return { page: numbers.pages, facts: numbers.facts };
}
