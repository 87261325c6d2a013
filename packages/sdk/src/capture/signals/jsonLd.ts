import type { Loose } from '../../lib/toProduct.ts';

/** Scripts beyond this are skipped: parsing a multi-megabyte blob is not worth the frame. */
const MAX_SCRIPT_CHARS = 500_000;

/**
 * The top-level JSON-LD nodes of the page, `@graph` members and arrays unfolded. Broken
 * blocks are skipped; raw line breaks inside strings (a frequent bug of theme templates
 * that print a description as is) are tolerated.
 */
export function jsonLd(doc: Document): Loose[] {
  const nodes: Loose[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value == 'object') {
      if ('@graph' in value) add(value['@graph']);
      else nodes.push(value);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    try {
      add(JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ')));
    } catch {}
  }
  return nodes;
}

/**
 * The subtypes of the types Waymark reads, as schema.org defines them
 * (https://schema.org/Product: `Vehicle` and its own subtypes, `IndividualProduct`,
 * `ProductModel`, `SomeProducts`, `DietarySupplement`, `Drug`, `ProductCollection`).
 */
const SUBTYPES: Record<string, RegExp> = {
  Product: /^(?:Product|IndividualProduct|ProductModel|SomeProducts|ProductCollection|DietarySupplement|Drug|Vehicle|Car|Motorcycle|MotorizedBicycle|BusOrCoach)$/,
};

/** True when a schema.org node (JSON-LD or microdata) is of one of these types or their subtypes. */
export function isType(node: Loose, ...types: string[]): boolean {
  return ([] as unknown[]).concat(node['@type']).some((type) => {
    const name = String(type).replace(/^.*[/:#]/, '');
    return types.some((wanted) => wanted == name || SUBTYPES[wanted]?.test(name));
  });
}
