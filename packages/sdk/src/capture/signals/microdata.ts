import type { Loose } from '../../lib/toProduct.ts';

// Product's subtypes included (`IndividualProduct`, `Car`, …: see `isType`).
const TYPES = /Product|Offer|Order|ItemList|ParcelDelivery|Vehicle|Car|Motorcycle|MotorizedBicycle|BusOrCoach|Drug|DietarySupplement/;
/** Huge listing pages can hold thousands of items; the first ones tell what the page is. */
const MAX_ITEMS = 60;

/**
 * The page's top-level schema.org microdata items of the types Waymark reads, as objects
 * shaped like JSON-LD nodes (`@type` and properties; repeated properties become arrays),
 * so one mapping serves both.
 */
export function microdata(doc: Document): Loose[] {
  return [...doc.querySelectorAll('[itemscope]:not([itemprop])')]
    .filter((scope) => TYPES.test(scope.getAttribute('itemtype') ?? ''))
    .slice(0, MAX_ITEMS)
    .map(readItem);
}

function readItem(scope: Element): Loose {
  const item: Loose = { '@type': scope.getAttribute('itemtype') };
  for (const element of scope.querySelectorAll('[itemprop]')) {
    if (element.parentElement?.closest('[itemscope]') !== scope) continue;
    const value = element.hasAttribute('itemscope') ? readItem(element) : readValue(element);
    for (const name of element.getAttribute('itemprop')!.split(/\s+/)) {
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
