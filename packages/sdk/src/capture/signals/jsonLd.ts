import type { Loose } from '../../lib/toProduct.ts';
import { mainNodes } from './schemaTypes.ts';

/** Scripts beyond this are skipped: parsing a multi-megabyte blob is not worth the frame. */
const MAX_SCRIPT_CHARS = 500_000;

/**
 * The page's JSON-LD nodes (`mainNodes`), `@graph` members and arrays unfolded, each
 * `{"@id": …}` reference replaced by the node of that `@id` anywhere on the page (a
 * `ProductGroup`'s `hasVariant`, a variant's `isVariantOf`, an `Offer` given apart).
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
  // Every node with an `@id` and more to say than its id, indexed as the JSON is parsed;
  // then each reference replaced in place, each node walked once, so reference loops end.
  const index = (_: string, value: Loose) => (value?.['@id'] && Object.keys(value)[1] && (byId[value['@id']] ??= value), value);
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    try {
      add(JSON.parse(text.replace(/^\s*\/\/.*/gm, '').replace(/[\u0000-\u001f]+/g, ' '), index));
    } catch {}
  }
  const seen = new Set();
  const resolve = (node: Loose): void => {
    if (node && typeof node == 'object' && !seen.has(node)) {
      seen.add(node);
      for (const key in node) resolve((node[key] = (!Object.keys(node[key] ?? 0)[1] && byId[node[key]?.['@id']]) || node[key]));
    }
  };
  resolve(roots);
  return mainNodes(roots);
}
