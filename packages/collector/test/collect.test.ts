import { describe, expect, it } from 'vitest';
import { collect, createSite, event, SHOP, storedEvents } from './helpers.ts';

describe('POST /v1/collect', () => {
  it('stores a valid batch with stages and answers 202 with counts', async () => {
    const { site } = await createSite();
    const events = [
      event({ type: 'landing', ref: 'https://www.google.de/', url: `${SHOP}/?utm_source=google` }),
      event({ type: 'product_view', props: { product: { id: 'SKU-1', price: 19.99, currency: 'EUR' } } }),
      event({ type: 'cart_add', props: { product: { id: 'SKU-1', quantity: 1 } } }),
      event({ type: 'order_complete', props: { order_id: '#1001', revenue: 19.99, currency: 'EUR' } }),
      event({ type: 'order_tracking_view', props: { order_id: '#1001' } }),
    ];
    const response = await collect({ site, sent_at: Date.now(), events });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
    const rows = await storedEvents(site);
    expect(rows.map((r) => [r.type, r.stage])).toEqual(
      expect.arrayContaining([['landing', 1], ['product_view', 2], ['cart_add', 3], ['order_complete', 4], ['order_tracking_view', 5]]),
    );
    const landing = rows.find((r) => r.type === 'landing')!;
    expect(landing).toMatchObject({ channel: 'organic_search', search_engine: 'google', referrer: 'https://www.google.de/' });
    expect(rows.find((r) => r.type === 'product_view')!.referrer).toBeNull();
  });

  it('stores valid neighbours of malformed events and names each rejection', async () => {
    const { site } = await createSite();
    const events = [
      event(),
      { id: 'bad id!', type: 'page_view' },
      event({ type: 'product_view', props: { product: { price: '9' } } }),
      'not an event',
      event({ type: 'gift_wrap' }),
      event({ type: 'gift_wrap', stage: 'decision' }),
    ];
    const response = await collect({ site, sent_at: Date.now(), events });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(body.rejected[0]!.reason).toMatch(/^id /);
    expect(body.rejected[1]!.reason).toMatch(/price/);
    expect(body.rejected[3]!.reason).toMatch(/custom type gift_wrap needs a stage/);
    const rows = await storedEvents(site);
    expect(rows.map((r) => r.type).sort()).toEqual(['gift_wrap', 'page_view']);
    expect(rows.find((r) => r.type === 'gift_wrap')!.stage).toBe(3);
  });

  it('never stores a replayed id twice, within a batch or across batches', async () => {
    const { site } = await createSite();
    const first = event();
    const batch = { site, sent_at: Date.now(), events: [first, event(), { ...first }] };
    expect(await (await collect(batch)).json()).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect(await (await collect(batch)).json()).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect(await storedEvents(site)).toHaveLength(2);
  });

  it('stores a reloaded thank-you page once, whatever event id the reload carries', async () => {
    const { site } = await createSite();
    const order = { type: 'order_complete', props: { order_id: 'A-77', revenue: 40, currency: 'USD' } };
    await collect({ site, sent_at: Date.now(), events: [event(order)] });
    const again = await collect({ site, sent_at: Date.now(), events: [event(order)] });
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect((await storedEvents(site)).filter((r) => r.type === 'order_complete')).toHaveLength(1);
  });

  it('corrects the client clock from sent_at and never stores a future time', async () => {
    const { site } = await createSite();
    const skew = 3 * 3600_000; // client clock three hours fast
    const now = Date.now();
    const response = await collect({
      site,
      sent_at: now + skew,
      events: [event({ id: 'skewed_event_1', ts: now + skew - 5000 }), event({ id: 'future_event_1', ts: now + skew + 60_000 })],
    });
    expect(response.status).toBe(202);
    const rows = await storedEvents(site);
    const skewed = rows.find((r) => r.id === 'skewed_event_1')!;
    const future = rows.find((r) => r.id === 'future_event_1')!;
    expect(Math.abs(skewed.ts - (now - 5000))).toBeLessThan(2000);
    expect(skewed.received_delay).toBeGreaterThanOrEqual(5000);
    expect(future.ts).toBeLessThanOrEqual(Date.now());
    expect(future.received_delay).toBe(0);
  });

  it('takes a small sent_at difference for transit time, so close events of two batches keep their order', async () => {
    const { site } = await createSite();
    const now = Date.now();
    await collect({ site, sent_at: now - 900, events: [event({ id: 'first_of_two', ts: now - 1000 })] });
    await collect({ site, sent_at: now - 300, events: [event({ id: 'second_of_two', ts: now - 995 })] });
    const rows = await storedEvents(site);
    expect(rows.map((r) => r.id)).toEqual(['first_of_two', 'second_of_two']);
    expect(rows.map((r) => r.ts)).toEqual([now - 1000, now - 995]);
  });

  it.each([
    ['not JSON', '{"site":', /not valid JSON/],
    ['no site', { events: [{}] }, /site is required/],
    ['no events', { site: 'wm_x' }, /events is required/],
    ['empty events', { site: 'wm_x', events: [] }, /not 0/],
    ['101 events', { site: 'wm_x', events: Array.from({ length: 101 }, () => ({})) }, /not 101/],
    ['a JSON array', [1, 2], /JSON object/],
    ['JSON null', 'null', /JSON object/],
  ])('answers 400 for %s', async (_name, body, error) => {
    const response = await collect(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(error);
  });

  it('reads a body that starts with a UTF-8 byte-order mark', async () => {
    const { site } = await createSite();
    const response = await collect('\uFEFF' + JSON.stringify({ site, events: [event()] }));
    expect(await response.json()).toMatchObject({ accepted: 1 });
  });

  it('answers 403 for an unknown site and for an origin the site does not allow', async () => {
    const { site } = await createSite(['https://shop.example', 'https://*.shop.example']);
    const unknown = await collect({ site: 'wm_nope', events: [event()] });
    expect(unknown.status).toBe(403);
    const foreign = await collect({ site, events: [event()] }, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: string }).error).toMatch(/origin https:\/\/evil\.example/);
    const subdomain = await collect({ site, events: [event()] }, { Origin: 'https://de.shop.example' });
    expect(subdomain.status).toBe(202);
    expect(await storedEvents(site)).toHaveLength(1);
    const sandboxed = await collect({ site, events: [event()] }, { Origin: 'null' });
    expect(sandboxed.status).toBe(403);
  });

  it('takes events from sandboxed iframes (a Shopify custom pixel) when the site lists "null"', async () => {
    const { site } = await createSite(['https://shop.example', 'null']);
    const response = await collect({ site, events: [event()] }, { Origin: 'null' });
    expect(response.status).toBe(202);
    // The pixel's fetch can read the answer (and so does not retry).
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('null');
    expect(await storedEvents(site)).toHaveLength(1);
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const { site } = await createSite();
    const big = { site, events: [event({ props: { pad: 'x'.repeat(70 * 1024) } })] };
    const response = await collect(big);
    expect(response.status).toBe(413);
    expect(await storedEvents(site)).toHaveLength(0);
  });

  it('answers known bots 202 and stores nothing', async () => {
    const { site } = await createSite();
    const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
    const response = await collect({ site, events: [event()] }, { 'User-Agent': googlebot });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 0, duplicates: 0, rejected: [] });
    expect(await storedEvents(site)).toHaveLength(0);
  });

  it('answers a CORS preflight and lets the allowed origin read the answer', async () => {
    const { site } = await createSite();
    const { call } = await import('./helpers.ts');
    const preflight = await call('/v1/collect', {
      method: 'OPTIONS',
      headers: { Origin: SHOP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const response = await collect({ site, events: [event()] }, { 'Content-Type': 'application/json' });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    const rejected = await collect({ site: 'wm_nope', events: [event()] });
    expect(rejected.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
  });

  it('hashes a daily visitor id for cookieless events and keeps no IP', async () => {
    const { site } = await createSite();
    const headers = { 'CF-Connecting-IP': '203.0.113.9', 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148' };
    const { anon: _anon, ...cookieless } = event();
    await collect({ site, events: [cookieless, { ...event(), anon: undefined }] }, headers);
    const rows = await storedEvents(site);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.visitor).toMatch(/^h_[A-Za-z0-9_-]{20}$/);
    expect(rows[0]!.visitor).toBe(rows[1]!.visitor);
    expect(rows[0]!.device).toBe('mobile');
    expect(JSON.stringify(rows)).not.toContain('203.0.113.9');
  });

  it('answers 429 once a site exceeds its rate, whichever clients send', async () => {
    const { site } = await createSite();
    const { env } = await import('cloudflare:workers');
    // Spend the site's budget (2500 in the tests) through the binding, within one window.
    let window: number;
    do {
      window = Math.floor(Date.now() / 60_000);
      while ((await env.SITE_LIMITER.limit({ key: site })).success);
    } while (Math.floor(Date.now() / 60_000) !== window);
    const response = await collect({ site, events: [event()] }, { 'CF-Connecting-IP': '192.0.2.77', 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('60');
    expect(await storedEvents(site)).toHaveLength(0);
  });

  it('answers 429 with Retry-After once a client exceeds its rate', async () => {
    const { site } = await createSite();
    const headers = { 'CF-Connecting-IP': '198.51.100.7', 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' };
    let limited: Response | undefined;
    // 120 a minute: past 121 requests in one window. Should the minute turn meanwhile, the
    // count starts again, so allow a second window rather than fail at random.
    for (let i = 0; i < 250 && !limited; i++) {
      const response = await collect({ site, events: [event()] }, headers);
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(202);
    }
    expect(limited?.headers.get('Retry-After')).toBe('60');
    // The browser shows the SDK Retry-After only when CORS exposes it.
    expect(limited?.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
  });
});
