import { selector } from '../../core/platform.ts';
import type { Props } from '../../core/types.ts';
import { hasFacts, toAmount, toProduct, toText } from '../../lib/toProduct.ts';

/** Ids, classes and headings of recommendation blocks, in the words themes use. */
const BLOCK = /related|up-?sell|cross-?sell|recommend|similar|bought[-_ ]?together|buy[-_ ]?it[-_ ]?again|also[-_ ]?(?:like|bought|viewed)|complete[-_ ]the[-_ ]look/i;
/** A block's own heading: a child or grandchild heading (`<h2>You may also like</h2>`). */
const HEADING = ':scope>:is(h2,h3,h4,[role=heading]),:scope>*>:is(h2,h3,h4,[role=heading])';
/** Attributes that carry a card's product id, the SKU first. */
const ID_ATTRIBUTE = /^data-(?:product[-_]?)?sku$|^data-(?:product[-_]?id|id-product|pid|entity-id)$/;

const text = (element: Element | null | undefined) => toText(element?.textContent?.replace(/\s+/g, ' ').trim());

/**
 * A click on a product link inside a recommendation block — related, upsell, cross-sell,
 * "bought together", "buy it again", "you may also like": a block marked
 * `data-waymark="cross_sell_click"`, one of the platform's, or one whose id, class,
 * `aria-label` or heading says so. The product is read from the link's card (its id
 * attribute, name, price), the list is the block's heading.
 */
export function crossSellClick(target: Element): Props | undefined {
  const link = target.closest('a[href]');
  if (!link || /^(?:#|mailto:|tel:|javascript:)/i.test(link.getAttribute('href')!)) return undefined;
  const platform = selector((adapter) => adapter.crossSell);
  let block = link.closest(['[data-waymark=cross_sell_click]', platform].filter(Boolean).join(','));
  let heading = block?.querySelector(HEADING);
  for (let element = link.parentElement; !block && element && element != document.body; element = element.parentElement) {
    heading = element.querySelector(HEADING);
    if (BLOCK.test([element.id, element.getAttribute('class'), element.getAttribute('aria-label'), text(heading)].join(' '))) block = element;
  }
  if (!block) return undefined;
  // The card: the link's ancestor that sits among its like (a grid's items), else the block's child.
  const kind = (element: Element) => element.tagName + (element.getAttribute('class') ?? '').split(' ')[0];
  let card: Element = link;
  while (card != block && card.parentElement != block && ![...card.parentElement!.children].some((other) => other != card && kind(other) == kind(card))) card = card.parentElement!;
  const fields: Record<string, unknown> = {};
  for (const element of [card, ...card.querySelectorAll('*')]) {
    for (const { name, value } of element.attributes) if (value && ID_ATTRIBUTE.test(name)) fields[/sku/.test(name) ? 'sku' : 'id'] ??= value;
  }
  fields.id = fields.sku ?? fields.id;
  fields.name = text(card.querySelector('h2,h3,h4,[class*=name],[class*=title]')) ?? text(link) ?? card.querySelector('img[alt]')?.getAttribute('alt');
  // The price paid: a sale price before the struck-out one, read from the innermost price element.
  for (const css of ['ins', '[class*=sale]:not([class*=non-sale]),[class*=special]', '[class*=price]']) {
    for (const element of card.querySelectorAll(css)) {
      if (!element.closest('del,s') && !element.querySelector('ins,[class*=sale],[class*=price]')) fields.price ??= toAmount(text(element));
    }
  }
  const product = toProduct(fields);
  return { product: hasFacts(product) ? product : undefined, list: text(heading) ?? toText(block.getAttribute('aria-label')) ?? BLOCK.exec(block.id + ' ' + block.getAttribute('class'))?.[0] };
}
