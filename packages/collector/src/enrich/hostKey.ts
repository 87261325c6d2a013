/**
 * How referrer hosts are spelled in the collector's host indexes, so that a landing costs
 * a few Map lookups rather than a scan of hundreds of patterns (and so the index builder
 * and the lookup agree by construction).
 */

/** Leading labels that name the same site: www., www2., ww., w3., m., mobile. */
const SAME_SITE_PREFIX = /^(www?\d*|w\d+|m|mobile)$/;
/** Second-level labels under a country code: google.co.jp, yandex.com.tr, baidu.co.th. */
const COUNTRY_SECOND_LEVEL = new Set(['com', 'co', 'org', 'net', 'edu', 'gov', 'ac', 'ne', 'or', 'go', 'gob']);
const TWO_LETTERS = /^[a-z]{2}$/;

/** The host without its same-site prefixes, keeping at least two labels: www.google.de → google.de. */
export function bareHost(host: string): string {
  const labels = host.split('.');
  let start = 0;
  while (labels.length - start > 2 && SAME_SITE_PREFIX.test(labels[start]!)) start++;
  return start === 0 ? host : labels.slice(start).join('.');
}

/**
 * A bare host with its country parts as `{}`, the placeholder of Matomo's lists: the
 * country-code top-level domain with its second level (google.co.jp → google.{}) and
 * two-letter labels in front of the site's name (de.search.yahoo.com → {}.search.yahoo.com).
 * Every two-letter top-level domain is a country's, so no list of countries is needed.
 */
export function countryPattern(bare: string): string {
  const labels = bare.split('.');
  let end = labels.length;
  if (end >= 2 && TWO_LETTERS.test(labels[end - 1]!)) {
    end -= 1;
    if (end >= 2 && COUNTRY_SECOND_LEVEL.has(labels[end - 1]!)) end -= 1;
  }
  const pattern = labels.slice(0, end);
  // The site's own name stays, even when it has two letters (so.com, sm.cn).
  const name = end < labels.length ? pattern.length - 1 : pattern.length - 2;
  for (let i = 0; i < name; i++) if (TWO_LETTERS.test(pattern[i]!)) pattern[i] = '{}';
  if (end < labels.length) pattern.push('{}');
  return pattern.join('.');
}

/** The parents of a bare host, itself first, down to two labels: old.reddit.com, reddit.com. */
export function* hostSuffixes(bare: string): Generator<string> {
  let suffix = bare;
  yield suffix;
  for (let dot = suffix.indexOf('.'); dot >= 0 && suffix.indexOf('.', dot + 1) >= 0; dot = suffix.indexOf('.')) {
    suffix = suffix.slice(dot + 1);
    yield suffix;
  }
}
