import type { Loose } from '../../lib/toProduct.ts';
import { mainNodes } from './schemaTypes.ts';

/** Huge listing pages can hold thousands of items; the first ones tell what the page is. */
const MAX_ITEMS = 60;

/**
 * The page's schema.org microdata items (`mainNodes`), as objects shaped like JSON-LD
 * nodes (`@type` and properties; repeated properties become arrays), so one mapping
 * serves both.
 */
export function microdata(doc: Document): Loose[] {
  return mainNodes([...doc.querySelectorAll('[itemscope]:not([itemprop])')].slice(0, MAX_ITEMS).map((scope) => readItem(scope, [])));
}

/**
 * An item's properties as the HTML standard's microdata algorithm finds them
 * (https://html.spec.whatwg.org/multipage/microdata.html#associating-names-with-items):
 * its descendants and the elements its `itemref` names by id, down to (not into) nested
 * items, each element once, in tree order; an item that holds itself is not read again.
 */
function readItem(scope: Element, holders: Element[]): Loose {
  const item: Loose = { '@type': scope.getAttribute('itemtype') };
  const pending = [...scope.children, ...(scope.getAttribute('itemref') ?? '').split(' ').map((id) => document.getElementById(id)!).filter(Boolean)];
  const memory = new Set([scope]);
  const properties: Element[] = [];
  for (let element; (element = pending.pop()); ) {
    if (memory.has(element)) continue;
    memory.add(element);
    if (!element.hasAttribute('itemscope')) pending.push(...element.children);
    if (element.hasAttribute('itemprop')) properties.push(element);
  }
  properties.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  holders = [...holders, scope];
  for (const element of properties) {
    if (holders.includes(element)) continue;
    const value = element.hasAttribute('itemscope') ? readItem(element, holders) : readValue(element);
    for (const name of element.getAttribute('itemprop')!.trim().split(/\s+/)) {
      item[name] = name in item ? [].concat(item[name], value as never) : value;
    }
  }
  return item;
}

function readValue(element: Element): string {
  const attribute = { META: 'content', A: 'href', LINK: 'href', IMG: 'src', TIME: 'datetime', DATA: 'value' }[
    element.tagName
  ];
  return (element.getAttribute(attribute ?? 'content') ?? element.textContent ?? '').trim();
}
