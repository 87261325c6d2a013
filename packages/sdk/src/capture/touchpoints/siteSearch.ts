import { toText } from '../../lib/toProduct.ts';
import { query } from '../../core/platform.ts';
import type { Signals } from '../pageSignals.ts';
import { searchQuery } from '../signals/searchParams.ts';
import type { Props } from '../../core/types.ts';

/**
 * A search results page: the dataLayer's `search`/`view_search_results`, or a query
 * parameter — but not on pages where the platform's faceted search filters by `?q=`.
 */
export function siteSearch(s: Signals): Props | undefined {
  const found = toText(s.dl('search', 'view_search_results')?.search_term) ?? (query((adapter) => adapter.notSearch) ? undefined : searchQuery(s.url));
  return found ? { query: found } : undefined;
}
