import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createSite } from '../../test/helpers.ts';
import { exportAuth, type SiteEnv } from './exportAuth.ts';

const app = new Hono<SiteEnv>();
app.use('*', exportAuth());
app.get('/', (c) => c.text(c.get('site').key));
app.onError((error) => (error as HTTPException).getResponse());

const ask = (query: string, authorization?: string) =>
  app.request(`/${query}`, { headers: authorization ? { Authorization: authorization } : {} }, env);

describe('exportAuth()', () => {
  it('lets the export token in and names its site', async () => {
    const { site, export_token } = await createSite();
    const response = await ask('', `Bearer ${export_token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(site);
    expect(await (await ask(`?site=${site}`, `bearer  ${export_token}`)).text()).toBe(site);
  });

  it('answers 401 with a WWW-Authenticate challenge without a valid token', async () => {
    const { site } = await createSite();
    for (const header of [undefined, 'Bearer', `Basic ${btoa('a:b')}`, 'Bearer wm_exp_unknown', "Bearer ' OR 1=1 --"]) {
      const response = await ask(`?site=${site}`, header);
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    }
  });

  it('answers 403 when the token belongs to another site', async () => {
    const mine = await createSite();
    const theirs = await createSite();
    const response = await ask(`?site=${mine.site}`, `Bearer ${theirs.export_token}`);
    expect(response.status).toBe(403);
    expect(await ask(`?site=wm_nonexistent`, `Bearer ${theirs.export_token}`)).toHaveProperty('status', 403);
  });

  it('stops accepting a token once it is rotated', async () => {
    const { site, export_token } = await createSite();
    await env.DB.prepare("UPDATE sites SET export_token_hash = 'rotated' WHERE key = ?1").bind(site).run();
    expect((await ask('', `Bearer ${export_token}`)).status).toBe(401);
  });
});
