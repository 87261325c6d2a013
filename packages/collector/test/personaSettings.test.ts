import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAS } from '../src/personas/defaultPersonas.ts';
import { ADMIN, call, createSite } from './helpers.ts';

const BIG_SPENDER = { key: 'big_spender', name: 'Big spender', description: 'Spent 500 or more.', when: { field: 'revenue', gte: 500 } };

const patch = (site: string, body: unknown) => call(`/v1/admin/sites/${site}`, { method: 'PATCH', headers: ADMIN, body: JSON.stringify(body) });
const readPersonas = async (token: string) => (await call('/v1/personas', { headers: { Authorization: `Bearer ${token}` } })).json() as Promise<{ default: boolean; personas: { key: string }[] }>;

describe('personas, a site setting', () => {
  it('is the default set until the site sets its own, readable with the export token; null brings the defaults back', async () => {
    const { site, export_token } = await createSite();
    expect(await readPersonas(export_token)).toEqual({ site, default: true, personas: DEFAULT_PERSONAS });

    const set = await patch(site, { personas: [BIG_SPENDER] });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ personas: [BIG_SPENDER] });
    expect(await readPersonas(export_token)).toEqual({ site, default: false, personas: [BIG_SPENDER] });

    const renamed = await patch(site, { name: 'Renamed' });
    expect(await renamed.json()).toMatchObject({ name: 'Renamed', personas: [BIG_SPENDER] });

    await patch(site, { personas: null });
    expect((await readPersonas(export_token)).default).toBe(true);
  });

  it('can be given when the site is created', async () => {
    const { export_token } = await createSite(undefined, { personas: [BIG_SPENDER] });
    expect((await readPersonas(export_token)).personas).toEqual([BIG_SPENDER]);
  });

  it('needs the export token to be read', async () => {
    expect((await call('/v1/personas')).status).toBe(401);
  });

  it.each([
    [{ personas: {} }, /^personas must be an array/],
    [{ personas: [{ ...BIG_SPENDER, when: { field: 'revenue', gte: '500' } }] }, /^personas\[0\] "big_spender"\.when\.gte must be a finite number/],
    [{ personas: [{ ...BIG_SPENDER, when: { field: "revenue') OR 1=1 --", gte: 1 } }] }, /is not a feature/],
    [{ personas: [{ ...BIG_SPENDER, key: "x'); DROP TABLE sites; --" }] }, /personas\[0\]\.key must match/],
  ])('refuses %j with a 400 naming the rule and the field, and keeps the stored rules', async (body, reason) => {
    const { site, export_token } = await createSite(undefined, { personas: [BIG_SPENDER] });
    const response = await patch(site, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
    expect((await readPersonas(export_token)).personas).toEqual([BIG_SPENDER]);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM sites').first('n')).toBeGreaterThan(0);
  });

  it('stores hostile text as text: names and values never reach SQL', async () => {
    const hostile = { key: 'odd', name: "Robert'); DROP TABLE events; --", description: '"; DELETE FROM sites; --', when: { field: 'country', in: ["FR'); DROP TABLE sites; --"] } };
    const { site, export_token } = await createSite();
    expect((await patch(site, { personas: [hostile] })).status).toBe(200);
    expect((await readPersonas(export_token)).personas).toEqual([hostile]);
  });
});
