/**
 * How referrer hosts are spelled in the collector's host indexes, so that a landing costs
 * a few Map lookups rather than a scan of hundreds of patterns (and so the index builder
 * and the lookup agree by construction).
 */

/** A referrer host as the indexes spell it, worked out once per landing. */
export interface HostKeys {
  /** Without same-site prefixes: www.google.co.jp → google.co.jp. */
  bare: string;
  /** The bare host with its country parts as `{}`: google.{}; the bare host when it has none. */
  pattern: string;
}

/** Leading labels that name the same site: www., www2., ww., w3., m., mobile., wap. */
const SAME_SITE_PREFIX = /^(www?\d*|w\d+|m|mobile|wap)$/;
/** Second-level labels under a country code: google.co.jp, yandex.com.tr, baidu.co.th. */
const COUNTRY_SECOND_LEVEL = new Set(['com', 'co', 'org', 'net', 'edu', 'gov', 'ac', 'ne', 'or', 'go', 'gob']);
const TWO_LETTERS = /^[a-z]{2}$/;
const HAS_TWO_LETTER_LABEL = /(^|\.)[a-z]{2}(\.|$)/;

export function hostKeys(host: string): HostKeys {
  const bare = bareHost(host);
  return { bare, pattern: countryPattern(bare) };
}

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
  if (!HAS_TWO_LETTER_LABEL.test(bare)) return bare;
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

/**
 * The first answer of `lookup` for the host or one of its parents, down to two labels
 * (old.reddit.com, then reddit.com): at most as many lookups as the host has dots.
 */
export function findBySuffix<T>(bare: string, lookup: (suffix: string) => T | undefined): T | undefined {
  let suffix = bare;
  for (;;) {
    const found = lookup(suffix);
    if (found !== undefined) return found;
    const dot = suffix.indexOf('.');
    if (dot < 0 || suffix.indexOf('.', dot + 1) < 0) return undefined;
    suffix = suffix.slice(dot + 1);
  }
}
