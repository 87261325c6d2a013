import { findSiteByKey } from './queries.ts';
import type { Site } from './site.ts';

/**
 * Every collect request needs its site; reading D1 each time would double the statements
 * of the write path. An isolate keeps each answer (unknown sites too) for 30 s, so an
 * origin change through the admin API reaches every isolate within that time.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { site: Site | undefined; expires: number }>();

export async function cachedSite(db: D1Database, key: string): Promise<Site | undefined> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.site;
  const site = await findSiteByKey(db, key);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { site, expires: now + TTL_MS });
  return site;
}

/** Called after the admin API changes a site, so this isolate sees it at once. */
export function forgetSite(key: string): void {
  cache.delete(key);
}
