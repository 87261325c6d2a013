import { describe, expect, it } from 'vitest';
import { ADMIN, call, createSite } from './helpers.ts';

const AFTER_ORDER = {
  id: 'after_order',
  about: 'purchase',
  on: 'order_complete',
  path: '/checkout/thank_you*',
  question: { default: 'How easy was it to order?', FR: 'Était-ce facile de commander ?' },
  comment: true,
  sample: 0.5,
  delay_ms: 1500,
};

const patch = (site: string, body: unknown) => call(`/v1/admin/sites/${site}`, { method: 'PATCH', headers: ADMIN, body: JSON.stringify(body) });
const config = (site: string, headers: Record<string, string> = {}) => call(`/v1/sites/${site}/config`, { headers: { Origin: 'https://elsewhere.example', ...headers } });

describe('prompts, a site setting', () => {
  it('is stored validated (language keys in lower case, defaults filled in) and shown by the admin API', async () => {
    const { site } = await createSite();
    const labels = { fr: { send: 'Envoyer', close: 'Fermer' } };
    const response = await patch(site, { prompts: [{ ...AFTER_ORDER, labels }, { id: 'search', about: 'consideration', on: 'site_search', question: { default: 'Did you find it?' } }] });
    expect(response.status).toBe(200);
    const { prompts } = (await response.json()) as { prompts: unknown[] };
    expect(prompts).toEqual([
      { ...AFTER_ORDER, labels, question: { default: 'How easy was it to order?', fr: 'Était-ce facile de commander ?' } },
      { id: 'search', about: 'consideration', on: 'site_search', question: { default: 'Did you find it?' }, comment: false, sample: 1, delay_ms: 0 },
    ]);
    const renamed = await patch(site, { name: 'Renamed' });
    expect(((await renamed.json()) as { prompts: unknown[] }).prompts).toHaveLength(2);
    const cleared = await patch(site, { prompts: null });
    expect(((await cleared.json()) as { prompts: unknown[] }).prompts).toEqual([]);
  });

  it('can be given when the site is created', async () => {
    const { site } = await createSite(undefined, { prompts: [AFTER_ORDER] });
    const body = (await (await config(site)).json()) as { prompts: { id: string }[] };
    expect(body.prompts.map((p) => p.id)).toEqual(['after_order']);
  });

  it.each([
    [{ prompts: {} }, /^prompts must be an array/],
    [{ prompts: Array.from({ length: 21 }, (_, i) => ({ ...AFTER_ORDER, id: `p${i}` })) }, /^prompts: at most 20 prompts/],
    [{ prompts: [{ ...AFTER_ORDER, id: 'Bad id!' }] }, /^prompts\[0\]\.id must match/],
    [{ prompts: [AFTER_ORDER, AFTER_ORDER] }, /^prompts\[1\] "after_order": id used twice/],
    [{ prompts: [{ ...AFTER_ORDER, about: 'checkout' }] }, /^prompts\[0\] "after_order"\.about must be one of awareness/],
    [{ prompts: [{ ...AFTER_ORDER, on: 'checkout_step' }] }, /^prompts\[0\] "after_order"\.on must be .*never the checkout/],
    [{ prompts: [{ ...AFTER_ORDER, path: 'thank_you' }] }, /^prompts\[0\] "after_order"\.path must be a path pattern/],
    [{ prompts: [{ ...AFTER_ORDER, question: { fr: 'Bonjour' } }] }, /^prompts\[0\] "after_order"\.question must be an object .* "default"/],
    [{ prompts: [{ ...AFTER_ORDER, question: { default: 'x'.repeat(201) } }] }, /^prompts\[0\] "after_order"\.question\.default must be a text of 1–200 chars/],
    [{ prompts: [{ ...AFTER_ORDER, question: { default: 'Hi', 'fr_FR; DROP': 'x' } }] }, /question: "fr_FR; DROP" is not a language tag/],
    [{ prompts: [{ ...AFTER_ORDER, labels: { default: { send: 'Send', submit: 'Go' } } }] }, /labels\.default: unknown label "submit"/],
    [{ prompts: [{ ...AFTER_ORDER, labels: { fr: { send: '' } } }] }, /labels\.fr\.send must be a text of 1–40 chars/],
    [{ prompts: [{ ...AFTER_ORDER, sample: 1.5 }] }, /^prompts\[0\] "after_order"\.sample must be a number from 0 to 1/],
    [{ prompts: [{ ...AFTER_ORDER, delay_ms: -1 }] }, /\.delay_ms must be an integer from 0 to 60000/],
    [{ prompts: [{ ...AFTER_ORDER, comment: 'yes' }] }, /\.comment must be true or false/],
    [{ prompts: [{ ...AFTER_ORDER, colour: 'red' }] }, /^prompts\[0\]: unknown property "colour"/],
  ])('refuses %j with a 400 naming the setting and field, and keeps the stored prompts', async (body, reason) => {
    const { site } = await createSite(undefined, { prompts: [AFTER_ORDER] });
    const response = await patch(site, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
    const kept = (await (await config(site)).json()) as { prompts: { id: string }[] };
    expect(kept.prompts.map((p) => p.id)).toEqual(['after_order']);
  });
});

describe('GET /v1/sites/{site}/config', () => {
  it('gives any origin what the SDK needs (path compiled, nothing secret), cacheable with an ETag', async () => {
    const { site, export_token } = await createSite(undefined, { prompts: [AFTER_ORDER] });
    const response = await config(site);
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      prompts: [{ ...AFTER_ORDER, path: '^\\/checkout\\/thank_you.*$', question: { default: 'How easy was it to order?', fr: 'Était-ce facile de commander ?' } }],
    });
    expect(text).not.toContain(export_token);
    expect(text).not.toMatch(/origins|export|token/);
    const pattern = new RegExp(JSON.parse(text).prompts[0].path);
    expect(pattern.test('/checkout/thank_you')).toBe(true);
    expect(pattern.test('/checkout/thank_you/1001')).toBe(true);
    expect(pattern.test('/checkout/payment')).toBe(false);
    expect(pattern.test('/x/checkout/thank_you')).toBe(false);
  });

  it('answers 304 to its own ETag and a new ETag once the prompts change', async () => {
    const { site } = await createSite(undefined, { prompts: [AFTER_ORDER] });
    const etag = (await config(site)).headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await config(site, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await config(site, { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    await patch(site, { prompts: [{ ...AFTER_ORDER, sample: 1 }] });
    const changed = await config(site, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('is an empty list for a site without prompts, a 404 for an unknown site, and answers preflights', async () => {
    const { site } = await createSite();
    expect(await (await config(site)).json()).toEqual({ prompts: [] });
    const unknown = await config('wm_nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const preflight = await call(`/v1/sites/${site}/config`, { method: 'OPTIONS', headers: { Origin: 'https://x.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
