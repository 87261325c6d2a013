/**
 * The compact form of a stored event (SPEC §7: ≤ 300 bytes per event with its indexes).
 * A shop's events repeat the same pages and the same products: a page (the URL up to its
 * query or fragment) is stored once per site in `event_pages`, a product object once per
 * site and exact JSON text in `product_facts`, and the event keeps their numbers.
 *
 * - `url`: the page's number followed by the URL's query and fragment (`12?q=x#top`). A
 *   URL as sent always starts with `http` (validateEvent), so a stored url starting with a
 *   digit is compact, one starting with `h`/`H` is whole (rows stored before, or rows the
 *   packer could not make exact): the url's first character tells how to read the row.
 *   The referrer of a compact row is compact the same way.
 * - `props` of a compact row: `product` keeps what the rollup triggers read (id, price,
 *   currency, quantity) plus `#`, the number of its full object; each element of `products`
 *   and `items` is replaced by its number. Facts that differ between events of one product
 *   are different texts, so different numbers: each event gets back exactly what it had.
 */

/** The product fields the rollup triggers read from `props.product` (migrations/0003). */
const KEPT = ['id', 'price', 'currency', 'quantity'];
const LISTS = ['products', 'items'] as const;
const COMPACT_URL = /^(\d+)([?#][\s\S]*)?$/;
/**
 * Compact props are JSON.stringify text, which writes every key unescaped: props without
 * one of these keys refer to no product and are read back without being parsed.
 */
const MAY_REFER = /"(product|products|items)":/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The page of a URL (up to its query or fragment) and the rest, so that page + rest = url. */
export function splitUrl(url: string): { page: string; rest: string } {
  const cut = url.search(/[?#]/);
  return cut < 0 ? { page: url, rest: '' } : { page: url.slice(0, cut), rest: url.slice(cut) };
}

/** The number of the page of a compact url, or undefined for a whole URL. */
export function pageNumberOf(storedUrl: string): number | undefined {
  const match = COMPACT_URL.exec(storedUrl);
  return match ? Number(match[1]) : undefined;
}

/** The URL as sent, from its stored form and the page its number names. */
export function expandUrl(storedUrl: string, page: string): string {
  return page + (COMPACT_URL.exec(storedUrl)?.[2] ?? '');
}

/**
 * A piece of compact props: text, then the number of a product fact given by its JSON text
 * (null after the last piece). The numbers are filled in by the insert itself
 * (events/queries.ts), in the transaction that stores the facts.
 */
export type Piece = [text: string, facts: string | null];

/** A product's place in compact props while they are cut into pieces, as JSON.stringify writes it. */
const SLOT = '\u0000#';
const SLOTS = /"\\u0000#(\d+)"/;

/**
 * Compact props as pieces, or undefined when they cannot be stored compact exactly: not the
 * canonical JSON.stringify text the collector writes, a product place holding something
 * other than an object, or text that could be taken for a slot. Props that refer to no
 * product are one piece, as they are, unparsed (expandProps reads them back the same way).
 * Others are parsed once: canonical text read back through JSON.parse and JSON.stringify is
 * the same text, and so is each product object's text, so the compact props expand to the
 * props as sent — the property test of test/compactEvents.test.ts holds the packer to it.
 */
export function propsPieces(props: string): Piece[] | undefined {
  if (!MAY_REFER.test(props)) return [[props, null]];
  if (props.includes(JSON.stringify(SLOT).slice(1, -1))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(props);
  } catch {
    return undefined;
  }
  if (!isObject(value) || JSON.stringify(value) !== props) return undefined;
  const facts: string[] = [];
  const slot = (product: Json) => `${SLOT}${facts.push(JSON.stringify(product)) - 1}`;
  const compact: Json = { ...value };
  if ('product' in value) {
    if (!isObject(value.product)) return undefined;
    const kept: Json = {};
    for (const [key, field] of Object.entries(value.product)) if (KEPT.includes(key)) kept[key] = field;
    kept['#'] = slot(value.product);
    compact.product = kept;
  }
  for (const key of LISTS) {
    if (!(key in value)) continue;
    const list = value[key];
    if (!Array.isArray(list) || !list.every(isObject)) return undefined;
    compact[key] = list.map(slot);
  }
  // split with a capture group: text, slot number, text, …, text.
  const parts = JSON.stringify(compact).split(SLOTS);
  const pieces: Piece[] = [];
  for (let i = 0; i < parts.length; i += 2) pieces.push([parts[i]!, i + 1 < parts.length ? facts[Number(parts[i + 1])]! : null]);
  return pieces;
}

/** The numbers of the product facts compact props refer to. */
export function factNumbersOf(compact: string): number[] {
  if (!MAY_REFER.test(compact)) return [];
  const value = JSON.parse(compact) as Json;
  const numbers: number[] = [];
  if (isObject(value.product) && typeof value.product['#'] === 'number') numbers.push(value.product['#']);
  for (const key of LISTS) if (Array.isArray(value[key])) numbers.push(...(value[key] as number[]));
  return numbers;
}

/** Props as sent, from compact props and the facts their numbers name. */
export function expandProps(compact: string, factsOf: (number: number) => string): string {
  if (!MAY_REFER.test(compact)) return compact;
  const value = JSON.parse(compact) as Json;
  if (isObject(value.product) && typeof value.product['#'] === 'number') value.product = JSON.parse(factsOf(value.product['#']));
  for (const key of LISTS) {
    if (Array.isArray(value[key])) value[key] = (value[key] as number[]).map((n) => JSON.parse(factsOf(n)) as unknown);
  }
  return JSON.stringify(value);
}
