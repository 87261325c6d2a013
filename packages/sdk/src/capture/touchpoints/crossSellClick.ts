import { selector } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { hasFacts, toAmount, toProduct, toText } from '../../lib/toProduct.ts';

/** Ids, classes, labels and headings of recommendation blocks, in the words themes use. */
const BLOCK = /related|(?:up|cross)-?sell|recommend|similar|bought.?together|buy.?it.?again|also.?(?:like|bought|viewed)|pairs.well|complete.the.look/i;
const HEADING = ':is(h2,h3,h4,.h5,[role=heading])';
/** Attributes that carry a card's product id, the SKU first. */
const ID_ATTRIBUTE = /^data-(?:product[-_]?)?sku$|^data-(?:product[-_]?id|id-product|pid|entity-id)$/;

const text = (element: Element | null | undefined) => toText(element?.textContent?.replace(/\s+/g, ' ').trim());

/**
 * The heading that names a block: its first before the link that is no product's (outside
 * the block's list items) — a child's or grandchild's only while looking for the block, so
 * that a page's wrapper is never named by a heading deep inside it.
 */
const headingOf = (block: Element, link: Element, near?: 1) =>
  [...block.querySelectorAll(near ? `:scope>${HEADING},:scope>*>${HEADING}` : HEADING)].find(
    (heading) => heading.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING && !block.contains(heading.closest('li,article')),
  );

/**
 * A click on a product link inside a recommendation block — related, upsell, cross-sell,
 * "bought together", "buy it again", "you may also like": a block marked
 * `data-waymark="cross_sell_click"`, one of the platform's, or one whose tag, id, class,
 * `aria-label` or heading says so (`<product-recommendations>`). The product is read from the link's card (an id
 * attribute, its name, the price paid), the list is the block's heading.
 */
export function crossSellClick(target: Element): Props | undefined {
  const link = target.closest('a[href]');
  if (!link || /^(?:#|mailto:|tel:|javascript:)/i.test(link.getAttribute('href')!)) return undefined;
  const platform = selector((adapter) => adapter.crossSell);
  const marked = link.closest(['[data-waymark=cross_sell_click]', platform].filter(Boolean).join(','));
  let block = marked;
  let heading: Element | undefined;
  // The nearest block its heading names, else the outermost its names say (an item's own
  // class may say `related` too).
  for (let element = link.parentElement; !marked && !heading && element && element != document.body; element = element.parentElement) {
    const named = headingOf(element, link, 1);
    if (BLOCK.test(text(named) ?? '')) (block = element), (heading = named);
    else if (BLOCK.test([element.tagName, element.id, element.getAttribute('class'), element.getAttribute('aria-label')].join(' '))) block = element;
  }
  if (!block) return undefined;
  heading ??= headingOf(block, link);
  // The card: the link's ancestor that sits among its like (a grid's items), else the block's child.
  const kind = (element: Element) => element.tagName + (element.getAttribute('class') ?? '').split(' ')[0];
  let card: Element = link;
  while (card != block && card.parentElement != block && ![...card.parentElement!.children].some((other) => other != card && kind(other) == kind(card))) card = card.parentElement!;
  const fields: Record<string, unknown> = {};
  for (const element of [card, ...card.querySelectorAll('*')]) {
    for (const { name, value } of element.attributes) if (value && ID_ATTRIBUTE.test(name)) fields[/sku/.test(name) ? 'sku' : 'id'] ??= value;
  }
  fields.id = fields.sku ?? fields.id;
  // The name in the link, else the card's (not the block's heading), else the link's own words.
  const named = '[class*=name],[class*=title],' + HEADING;
  fields.name =
    text(link.querySelector(named)) ?? text([...card.querySelectorAll(named)].find((element) => !element.contains(heading!) && !heading?.contains(element))) ?? text(link) ?? card.querySelector('img[alt]')?.getAttribute('alt');
  // The price paid, from the innermost price element: a sale price before the struck-out one.
  for (const css of ['ins', '[class*=sale]:not([class*=non-sale]),[class*=special]', '[class*=price]']) {
    for (const element of card.querySelectorAll(css)) {
      if (!element.closest('del,s') && !element.querySelector('ins,[class*=sale],[class*=price]')) fields.price ??= toAmount(text(element));
    }
  }
  const product = toProduct(fields);
  return {
    product: hasFacts(product) ? product : undefined,
    list: text(heading) ?? toText(block.getAttribute('aria-label')) ?? BLOCK.exec(block.id + ' ' + block.getAttribute('class'))?.[0],
  };
}
