import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { ADMIN, call, collect, createSite, event } from './helpers.ts';
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
  ['/v1/export', { ...RANGE }, ['site', 'from', 'to', 'tz', 'stage', 'type', 'channel', 'device', 'persona', 'format', 'limit', 'cursor']],
  ['/v1/reports/funnel', { ...RANGE }, ['site', 'from', 'to', 'tz', 'channel', 'device', 'persona']],
  ['/v1/reports/personas', { ...RANGE }, ['site', 'from', 'to', 'tz', 'channel', 'device']],
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

  it('persona rules whose keys, names and values are attacks change no statement: reports and export answer, the tables stay', async () => {
    const shop = await createSite();
    const hostileKey = await call(`/v1/admin/sites/${shop.site}`, {
      method: 'PATCH',
      headers: ADMIN,
      body: JSON.stringify({ personas: [{ key: "p'); DROP TABLE events; --", name: 'x', description: '', when: { field: 'orders', gte: 1 } }] }),
    });
    expect(hostileKey.status).toBe(400);
    const rules = ATTACKS.map((attack, i) => ({ key: `p${i}`, name: attack, description: attack, when: { any: [{ field: 'first_channel', eq: attack }, { field: 'country', in: [attack, 'FR'] }] } }));
    const patch = await call(`/v1/admin/sites/${shop.site}`, { method: 'PATCH', headers: ADMIN, body: JSON.stringify({ personas: [...rules, { key: 'everyone', name: 'Everyone', description: '', when: { field: 'visits', gte: 0 } }] }) });
    expect(patch.status).toBe(200);
    await collect({ site: shop.site, events: [event({ ts: Date.now() - 60_000 })] });
    const range = `from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 13)}:00Z&to=${new Date(Date.now() + 3_600_000).toISOString().slice(0, 13)}:00Z`;
    const report = (await (await call(`/v1/reports/personas?${range}`, { headers: bearer(shop.export_token) })).json()) as { personas: { key: string; name: string; visitors: number }[] };
    expect(report.personas.find((p) => p.key === 'everyone')!.visitors).toBe(1);
    expect(report.personas.filter((p) => p.key.startsWith('p')).map((p) => p.name)).toEqual(ATTACKS);
    const funnel = await call(`/v1/reports/funnel?${range}&persona=everyone`, { headers: bearer(shop.export_token) });
    expect(((await funnel.json()) as { visitors: number }).visitors).toBe(1);
    const exported = await (await call(`/v1/export?${range}&persona=everyone`, { headers: bearer(shop.export_token) })).text();
    expect(JSON.parse(exported.trim()).persona).toBe('everyone');
    const tables = await env.DB.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('events', 'visitor_totals', 'sites')").first<{ n: number }>();
    expect(tables!.n).toBe(3);
  });
});
