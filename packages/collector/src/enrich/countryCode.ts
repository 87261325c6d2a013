/**
 * The visitor's country as Cloudflare tells it (`request.cf.country`): an ISO 3166-1 alpha-2
 * code, or `T1` (Tor) and `XX` (unknown). Anything else is dropped rather than stored, so the
 * `country` column keeps a closed alphabet and the CSV export can write it byte-exact.
 */
export function countryCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z][A-Z0-9]$/.test(value) ? value : undefined;
}
