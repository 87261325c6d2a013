import { toText } from '../lib/toProduct.ts';
import type { Signals } from '../pageSignals.ts';
import { searchQuery } from '../signals/searchParams.ts';
import type { Props } from '../types.ts';

const FACETED = 'body#category,body#manufacturer,body#supplier,body#prices-drop,body#new-products,body#best-sales';

/**
 * A search results page: the dataLayer's `search`/`view_search_results`, or a query
 * parameter — but not on PrestaShop's category, brand and promotion pages, whose faceted
 * search filters by `?q=`.
 */
export function siteSearch(s: Signals): Props | undefined {
  const query = toText(s.dl('search', 'view_search_results')?.search_term) ?? (document.querySelector(FACETED) ? undefined : searchQuery(s.url));
  return query ? { query } : undefined;
}
