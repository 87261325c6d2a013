import { env, exports } from 'cloudflare:workers';
import { expandRows } from '../src/events/expandRows.ts';
import type { ExportRow } from '../src/export/exportRow.ts';

export const ADMIN = { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' };
export const SHOP = 'https://shop.example';

/** Sends a request to the Worker under test, as the outside world would. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`https://collector.example${path}`, init));
}

/** Creates a site through the admin API; returns its key and export token. */
export async function createSite(origins: string[] = [SHOP], extra: Record<string, unknown> = {}) {
  const response = await call('/v1/admin/sites', {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ name: 'Test shop', origins, ...extra }),
  });
  if (response.status !== 201) throw new Error(`site creation answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { site: string; export_token: string };
}

let counter = 0;
/** A valid event with a fresh id; `patch` overrides fields. */
export function event(patch: Record<string, unknown> = {}) {
  counter += 1;
  return {
    id: `evt_${Date.now().toString(36)}_${counter.toString().padStart(6, '0')}`,
    type: 'page_view',
    ts: Date.now() - 1000,
    url: `${SHOP}/collections/shirts`,
    anon: 'a_visitor0000000000001',
    session: 's_session000000000001',
    ...patch,
  };
}

export function collect(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call('/v1/collect', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SHOP, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export type EventRow = ExportRow;

/** A site's stored events, compact rows read back to the URL and props as sent. */
export async function storedEvents(siteKey: string): Promise<EventRow[]> {
  const { results } = await env.DB.prepare(
    'SELECT e.* FROM events e JOIN sites s ON s.id = e.site_id WHERE s.key = ?1 ORDER BY e.ts, e.id',
  )
    .bind(siteKey)
    .all<EventRow & { site_id: number }>();
  if (results.length > 0) await expandRows(env.DB, results[0]!.site_id, results);
  return results;
}
