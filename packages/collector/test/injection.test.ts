import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, collect, createSite, event } from './helpers.ts';
import { bearer } from './exportHelpers.ts';

const ATTACKS = [
  "' OR '1'='1",
  "1; DROP TABLE events; --",
  "1) OR (1=1",
  '" OR ""="',
  "x' UNION SELECT key, export_token_hash FROM sites --",
  '%27%20OR%201%3D1',
  '\u0000',
  "purchase' --",
  'awareness,decision) OR stage IN (1',
];
const RANGE = { from: '2025-01-01', to: '2030-01-01' };

/** Every parameter of every read endpoint, one at a time, with the others valid. */
const TARGETS: [string, Record<string, string>, string[]][] = [
  ['/v1/export', { ...RANGE }, ['site', 'from', 'to', 'tz', 'stage', 'type', 'channel', 'format', 'limit', 'cursor']],
  ['/v1/reports/funnel', { ...RANGE }, ['site', 'from', 'to', 'tz', 'channel']],
  ['/v1/reports/journey', { visitor: 'a_visitor0000000000001' }, ['site', 'visitor', 'from', 'to']],
];

describe('SQL injection attempts', () => {
  it.each(TARGETS)('%s: every parameter is data, never SQL', async (path, base, params) => {
    const shop = await createSite();
    await collect({ site: shop.site, events: [event()] });
    const other = await createSite();
    await collect({ site: other.site, events: [event({ anon: 'a_other' })] });
    for (const name of params) {
      for (const attack of ATTACKS) {
        const query = new URLSearchParams({ ...base, [name]: attack });
        const response = await call(`${path}?${query}`, { headers: bearer(shop.export_token) });
        const body = await response.text();
        // A bad value is refused (400), a foreign site forbidden (403); a visitor id is only
        // ever compared, so an odd one finds nobody.
        expect([400, 403, 200], `${path} ${name}=${attack}`).toContain(response.status);
        if (response.status === 200) {
          expect(name).toBe('visitor');
          expect(JSON.parse(body)).toMatchObject({ touchpoints: [] });
        }
        expect(body).not.toContain(other.site);
        expect(body).not.toMatch(/[0-9a-f]{64}/);
      }
    }
    for (const attack of ATTACKS.filter((a) => !a.includes('\u0000'))) {
      const response = await call(`${path}?${new URLSearchParams(base)}`, { headers: { Authorization: `Bearer ${attack}` } });
      expect(response.status).toBe(401);
    }
    const count = await env.DB.prepare('SELECT count(*) AS n FROM events').first<{ n: number }>();
    expect(count!.n).toBeGreaterThanOrEqual(2);
  });
});
