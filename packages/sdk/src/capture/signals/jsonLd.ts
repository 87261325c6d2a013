import type { Loose } from '../../lib/toProduct.ts';
import { mainNodes } from './schemaTypes.ts';

/** Scripts beyond this are skipped: parsing a multi-megabyte blob is not worth the frame. */
const MAX_SCRIPT_CHARS = 500_000;

/**
 * The page's JSON-LD nodes (`mainNodes`), `@graph` members and arrays unfolded, each
 * `{"@id": …}` reference the node of that `@id` anywhere on the page (a `ProductGroup`'s
 * `hasVariant`, a variant's `isVariantOf`, an `Offer` given apart), and copies of one
 * node (a `WebPage`'s `mainEntity` repeated at the top) one node.
 * Broken blocks are skipped; raw line breaks inside strings (a frequent bug of theme
 * templates that print a description as is) and whole-line `//` comments (copied from
 * Google's documentation, whose examples carry them) are tolerated.
 */
export function jsonLd(doc: Document): Loose[] {
  const roots: Loose[] = [];
  const byId: Loose = {};
  const add = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value == 'object') {
      if ('@graph' in value) add(value['@graph']);
      else roots.push(value);
    }
  };
  // Nodes of one `@id` are one node (JSON-LD's own rule): the first met, as the JSON is
  // parsed, takes the properties and types of the others and stands for them all,
  // references (`{"@id": …}`) included, in every block of the page.
  const index = (_: string, value: Loose) => {
    const node = value?.['@id'] ? (byId[value['@id']] ??= value) : value;
    if (node != value) {
      const types = [].concat(node['@type'] ?? [], value['@type'] ?? []);
      Object.assign(node, value)['@type'] = types;
    }
    return node;
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    try {
      add(JSON.parse(text.replace(/^\s*\/\/.*/gm, '').replace(/[\u0000-\u001f]+/g, ' '), index));
    } catch {}
  }
  return mainNodes(roots);
}
