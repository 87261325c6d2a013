/**
 * Site-search query parameters of the common storefronts: `q`, `s`, `search_query` and the
 * usual others.
 */
const KEYS = ['q', 's', 'search_query', 'query', 'search', 'keyword', 'keywords', 'searchTerm'];

/** The site-search query in the URL, if any. */
export function searchQuery(url: URL): string | undefined {
  const params = url.searchParams;
  for (const key of KEYS) {
    const query = params.get(key)?.trim();
    if (query) return query.slice(0, 256);
  }
  return undefined;
}
