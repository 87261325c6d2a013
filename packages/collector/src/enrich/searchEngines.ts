/**
 * Search engines by referrer host. A landing whose referrer matches is a *search landing*
 * (organic_search, or paid_search with a click id or paid utm_medium). Order matters only
 * where patterns overlap; webmail hosts of the same companies are excluded by `emailHosts`.
 */
export const SEARCH_ENGINES: ReadonlyArray<readonly [name: string, host: RegExp]> = [
  // google.com, google.de, google.co.uk, google.com.br, www.google.fr, images.google.com …;
  // not Google's other products (mail., docs., accounts., play. …), which are no search.
  ['google', /^(www\.|m\.|images\.|news\.|scholar\.)?google\.(com|[a-z]{2}|cat|co\.[a-z]{2}|com\.[a-z]{2})$/],
  ['bing', /(^|\.)bing\.com$/],
  ['duckduckgo', /(^|\.)duckduckgo\.com$/],
  ['yahoo', /(^|\.)search\.yahoo\.(com|co\.jp|[a-z]{2})$|(^|\.)yahoo\.co\.jp$/],
  ['yandex', /(^|\.)(yandex\.(ru|com|by|kz|ua|uz|com\.tr|com\.am|eu)|ya\.ru)$/],
  ['baidu', /(^|\.)baidu\.com$/],
  ['ecosia', /(^|\.)ecosia\.org$/],
  ['brave', /^search\.brave\.com$/],
  ['qwant', /(^|\.)qwant\.com$/],
  ['startpage', /(^|\.)startpage\.(com|nl)$/],
  ['naver', /(^|\.)naver\.com$/],
  ['seznam', /(^|\.)seznam\.cz$/],
  ['sogou', /(^|\.)sogou\.com$/],
  ['so360', /(^|\.)so\.com$/],
  ['daum', /(^|\.)daum\.net$/],
  ['aol', /(^|\.)search\.aol\.(com|[a-z]{2})$/],
  ['ask', /(^|\.)ask\.com$/],
  ['mojeek', /(^|\.)mojeek\.(com|co\.uk)$/],
  ['kagi', /(^|\.)kagi\.com$/],
  ['petal', /(^|\.)petalsearch\.com$/],
  ['coccoc', /(^|\.)coccoc\.com$/],
  ['yep', /(^|\.)yep\.com$/],
  ['perplexity', /(^|\.)perplexity\.ai$/],
  // German portals' own search fronts (their mail lives on other hosts).
  ['web.de', /^suche\.web\.de$/],
  ['gmx', /^suche\.gmx\.(net|de|at|ch)$/],
  ['t-online', /^suche\.t-online\.de$/],
];

/** Names a search engine may go by in `utm_source` (`utm_source=google&utm_medium=cpc`). */
const SOURCE_ALIASES: Record<string, string> = { adwords: 'google', 'google-ads': 'google', googleads: 'google', microsoft: 'bing', msn: 'bing', ddg: 'duckduckgo' };

export function searchEngineOfHost(host: string): string | undefined {
  for (const [name, pattern] of SEARCH_ENGINES) if (pattern.test(host)) return name;
  return undefined;
}

export function searchEngineOfSource(source: string): string | undefined {
  const name = SOURCE_ALIASES[source] ?? source;
  return SEARCH_ENGINES.some(([engine]) => engine === name) ? name : undefined;
}
