import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bearer } from './exportHelpers.ts';
import { ADMIN, call, collect, createSite, event, storedEvents } from './helpers.ts';

const STAGE = ['', 'awareness', 'consideration', 'decision', 'purchase', 'loyalty'];
const hours = () =>
  `from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 13)}:00Z&to=${new Date(Date.now() + 3_600_000).toISOString().slice(0, 13)}:00Z`;

describe('after-sales touchpoints (SPEC §3)', () => {
  it('stores cross-sell clicks and support contacts with the stage of their page, subscriptions as loyalty', async () => {
    const { site } = await createSite();
    const sent = [
      ['cross_sell_click', { product: { id: 'BELT-1', name: 'Leather belt', price: 29 }, list: 'You may also like', page_type: 'product_view' }],
      ['cross_sell_click', { product: { id: 'SOCK-3' }, list: 'Frequently bought together', page_type: 'cart_view' }],
      ['cross_sell_click', { product: { name: 'Coffee beans' }, list: 'Buy it again', page_type: 'order_tracking_view' }],
      ['cross_sell_click', { product: { id: 'MUG-2' }, list: 'Related products', page_type: 'page_view' }],
      ['support_contact', { via: 'chat', page_type: 'checkout_start' }],
      ['support_contact', { via: 'email', page_type: 'order_tracking_view', order_id: '#1001' }],
      ['support_contact', { via: 'form', page_type: 'page_view' }],
      ['support_contact', { via: 'phone' }],
      ['subscription_renew', { subscription_id: '8812' }],
      ['subscription_cancel', { subscription_id: '8812', product: { name: 'Coffee beans' } }],
    ] as const;
    const events = sent.map(([type, props], i) => event({ type, props, ts: Date.now() - 10_000 + i }));
    const response = await collect({ site, sent_at: Date.now(), events });
    expect(await response.json()).toEqual({ accepted: sent.length, duplicates: 0, rejected: [] });
    const rows = await storedEvents(site);
    expect(rows.map((row) => [row.type, STAGE[row.stage]])).toEqual([
      ['cross_sell_click', 'consideration'],
      ['cross_sell_click', 'decision'],
      ['cross_sell_click', 'loyalty'],
      ['cross_sell_click', 'consideration'],
      ['support_contact', 'decision'],
      ['support_contact', 'loyalty'],
      ['support_contact', 'loyalty'],
      ['support_contact', 'loyalty'],
      ['subscription_renew', 'loyalty'],
      ['subscription_cancel', 'loyalty'],
    ]);
    expect(JSON.parse(rows[5]!.props!)).toEqual({ via: 'email', page_type: 'order_tracking_view', order_id: '#1001' });
  });

  it('keeps the stage table for after-sales types: a stage sent with them is ignored, a site override refused', async () => {
    const { site } = await createSite();
    await collect({ site, sent_at: Date.now(), events: [event({ type: 'support_contact', stage: 'awareness', props: { via: 'chat', page_type: 'cart_view' } })] });
    expect((await storedEvents(site)).map((row) => STAGE[row.stage])).toEqual(['decision']);
    const override = await call(`/v1/admin/sites/${site}`, { method: 'PATCH', headers: ADMIN, body: JSON.stringify({ stage_overrides: { cross_sell_click: 'awareness' } }) });
    expect(override.status).toBe(400);
    expect(await override.json()).toEqual({ error: 'stage_overrides: "cross_sell_click" is not a custom event type' });
  });

  it('refuses malformed after-sales events one by one, naming the event and the field', async () => {
    const { site } = await createSite();
    const events = [
      event({ type: 'support_contact', props: { via: 'chat' } }),
      event({ type: 'support_contact', props: { via: 'carrier pigeon' } }),
      event({ type: 'support_contact', props: {} }),
      event({ type: 'cross_sell_click', props: { product: { id: 'BELT-1', price: '29,00 €' }, list: 'Related products' } }),
      event({ type: 'cross_sell_click', props: { list: ['Related products'] } }),
      event({ type: 'subscription_cancel', props: { subscription_id: 8812 } }),
      event({ type: 'subscription_renew', props: { product: { id: '' } } }),
    ];
    const response = await collect({ site, sent_at: Date.now(), events });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 1, reason: 'props.via must be one of form, chat, email, phone' },
        { index: 2, reason: 'support_contact needs props.via' },
        { index: 3, reason: 'props.product.price must be a non-negative number' },
        { index: 4, reason: 'props.list must be a string' },
        { index: 5, reason: 'props.subscription_id must be a string' },
        { index: 6, reason: 'props.product.id must be a string of 1–256 chars' },
      ],
    });
  });

  it('counts support contacts in the visitor rollups: the persona feature, the funnel and the export see them', async () => {
    const { site, export_token } = await createSite();
    const anon = 'a_needs_help_000000001';
    const contacts = ['form', 'chat', 'email'].map((via, i) => event({ anon, type: 'support_contact', ts: Date.now() - 60_000 + i, props: { via, page_type: 'order_tracking_view' } }));
    await collect({ site, sent_at: Date.now(), events: [event({ anon, type: 'landing', ts: Date.now() - 70_000 }), ...contacts] });
    const totals = await env.DB.prepare('SELECT t.support_contacts FROM visitor_totals t JOIN sites s ON s.id = t.site_id WHERE s.key = ?1').bind(site).first<{ support_contacts: number }>();
    expect(totals!.support_contacts).toBe(3);
    // The default persona set: two support contacts or more make a service-heavy shopper.
    const personas = (await (await call(`/v1/reports/personas?${hours()}`, { headers: bearer(export_token) })).json()) as { personas: { key: string; visitors: number }[] };
    expect(personas.personas.find((p) => p.key === 'service_heavy')!.visitors).toBe(1);
    const funnel = (await (await call(`/v1/reports/funnel?${hours()}`, { headers: bearer(export_token) })).json()) as {
      stages: { stage: string; by_type: { type: string; touchpoints: number; visitors: number }[] }[];
    };
    expect(funnel.stages.find((s) => s.stage === 'loyalty')!.by_type).toEqual([{ type: 'support_contact', touchpoints: 3, visitors: 1 }]);
    const exported = (await (await call(`/v1/export?${hours()}&type=support_contact`, { headers: bearer(export_token) })).text()).trim().split('\n');
    expect(exported.map((line) => JSON.parse(line).persona)).toEqual(['service_heavy', 'service_heavy', 'service_heavy']);
  });
});
