import { query } from '../../core/platform.ts';
import type { PageType } from '../../core/types.ts';

/**
 * True when the markup says the page is of this type: the platform's `<body>` classes and
 * ids, or its container's id or attributes (each adapter's `pages`). They tell category and
 * thank-you pages apart where URLs are the shop's own.
 */
export function pageClass(type: PageType): boolean {
  return !!query((adapter) => adapter.pages?.[type]?.replace(/(^|,)([.#])/g, '$1body$2'));
}
