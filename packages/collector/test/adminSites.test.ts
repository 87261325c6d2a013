import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { ADMIN, call, collect, createSite, event, storedEvents } from './helpers.ts';

describe('/v1/admin/sites', () => {
  it('creates a site with a one-time export token stored only as a hash', async () => {
    const created = await createSite(['https://Shop.Example/', 'https://*.shop.example']);
    expect(created.site).toMatch(/^wm_[A-Za-z0-9_-]{16}$/);
    expect(created.export_token).toMatch(/^wm_exp_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ origins: ['https://shop.example', 'https://*.shop.example'] });
    const row = await env.DB.prepare('SELECT * FROM sites WHERE key = ?1').bind(created.site).first<Record<string, unknown>>();
    expect(JSON.stringify(row)).not.toContain(created.export_token);
    expect(row!.export_token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('needs the admin token', async () => {
    const none = await call('/v1/admin/sites', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await call('/v1/admin/sites', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it.each([
    [{ origins: ['https://a.example'] }, /name is required/],
    [{ name: 'x' }, /origins is required/],
    [{ name: 'x', origins: [] }, /origins is required/],
    [{ name: 'x', origins: ['ftp://a.example'] }, /not an http\(s\) origin/],
    [{ name: 'x', origins: ['*'], stage_overrides: { cart_add: 'loyalty' } }, /not a custom event type/],
    [{ name: 'x', origins: ['*'], stage_overrides: { gift_wrap: 'joy' } }, /must be one of/],
  ])('answers 400 for %j', async (body, error) => {
    const response = await call('/v1/admin/sites', { method: 'POST', headers: ADMIN, body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(error);
  });

  it('lists sites, updates origins and overrides, rotates the token', async () => {
    const { site, export_token } = await createSite();
    const list = (await (await call('/v1/admin/sites', { headers: ADMIN })).json()) as { sites: { site: string }[] };
    expect(list.sites.map((s) => s.site)).toContain(site);

    const patched = await call(`/v1/admin/sites/${site}`, {
      method: 'PATCH',
      headers: ADMIN,
      body: JSON.stringify({ origins: ['https://new.example'], stage_overrides: { gift_wrap: 'purchase' } }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ origins: ['https://new.example'], stage_overrides: { gift_wrap: 'purchase' } });
    expect((await collect({ site, events: [event()] })).status).toBe(403);
    const custom = await collect({ site, events: [event({ type: 'gift_wrap' })] }, { Origin: 'https://new.example' });
    expect(await custom.json()).toMatchObject({ accepted: 1 });
    expect((await storedEvents(site))[0]!.stage).toBe(4);

    const rotated = await call(`/v1/admin/sites/${site}/rotate-token`, { method: 'POST', headers: ADMIN });
    const { export_token: next } = (await rotated.json()) as { export_token: string };
    expect(next).not.toBe(export_token);
    expect((await call('/v1/admin/sites/wm_missing/rotate-token', { method: 'POST', headers: ADMIN })).status).toBe(404);
  });
});
