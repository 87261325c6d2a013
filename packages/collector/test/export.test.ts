import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { STAGES } from '@waymark/schema';
import { d1EventWriter } from '../src/events/eventWriter.ts';
import type { StoredEvent } from '../src/events/storedEvent.ts';
import { call, collect, createSite, event, SHOP, storedEvents } from './helpers.ts';
import { bearer, csvObjects, nextLink, parseCsv, parseNdjson, walkPages } from './exportHelpers.ts';

const DAY = Date.UTC(2025, 10, 3);
const RANGE = `from=${new Date(DAY).toISOString()}&to=${DAY + 86_400_000}`;

async function siteId(key: string): Promise<number> {
  return (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(key).first<{ id: number }>())!.id;
}

/** `count` stored rows inside DAY, several sharing a millisecond so pages split ties. */
async function seedRows(key: string, count: number, patch: (i: number) => Partial<StoredEvent> = () => ({})): Promise<void> {
  const site = await siteId(key);
  const rows: StoredEvent[] = [];
  for (let i = 0; i < count; i++) {
    const ts = DAY + 1000 + Math.floor(i / 3) * 7;
    rows.push({
      siteId: site,
      id: `row_${(count - i).toString().padStart(6, '0')}_x`,
      ts,
      receivedAt: ts + 40,
      type: 'page_view',
      stage: 2,
      visitor: `a_${i % 17}`,
      session: `s_${i % 29}`,
      url: `${SHOP}/p/${i}`,
      ...patch(i),
    });
  }
  for (let i = 0; i < rows.length; i += 100) await d1EventWriter(env.DB).write(rows.slice(i, i + 100));
}

describe('GET /v1/export: auth', () => {
  it('answers 401 without a token or with a wrong one, 403 with another site’s token', async () => {
    const mine = await createSite();
    const theirs = await createSite();
    expect((await call(`/v1/export?${RANGE}`)).status).toBe(401);
    expect((await call(`/v1/export?${RANGE}`, { headers: bearer('wm_exp_nope') })).status).toBe(401);
    expect((await call(`/v1/export?${RANGE}`, { headers: { Authorization: `Basic ${mine.export_token}` } })).status).toBe(401);
    const other = await call(`/v1/export?site=${mine.site}&${RANGE}`, { headers: bearer(theirs.export_token) });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ error: expect.stringMatching(/does not open that site/) });
    expect((await call(`/v1/export?site=${mine.site}&${RANGE}`, { headers: bearer(mine.export_token) })).status).toBe(200);
  });
});

describe('GET /v1/export: parameters', () => {
  it.each([
    ['', /from is required/],
    [`from=${DAY}`, /to is required/],
    [`from=yesterday&to=${DAY}`, /from "yesterday" is neither ISO-8601/],
    [`from=2025-02-30&to=2025-03-02`, /from "2025-02-30"/],
    [`from=2025-11-03T24:00:00Z&to=2025-11-05`, /from/],
    [`from=${DAY}&to=${DAY}`, /to must be after from/],
    [`${RANGE}&tz=Mars/Olympus`, /tz "Mars\/Olympus" is not an IANA time zone/],
    [`${RANGE}&stage=checkout`, /stage "checkout" is not valid/],
    [`${RANGE}&type=Cart-Add`, /type "Cart-Add" is not valid/],
    [`${RANGE}&channel=tv`, /channel "tv" is not valid/],
    [`${RANGE}&format=xlsx`, /format must be ndjson or csv/],
    [`${RANGE}&limit=0`, /limit must be/],
    [`${RANGE}&limit=10001`, /limit must be/],
    [`${RANGE}&limit=1e3`, /limit must be/],
    [`${RANGE}&cursor=bm9wZQ`, /cursor is not valid/],
    [`${RANGE}&form=csv`, /unknown parameter "form"/],
  ])('answers 400 for ?%s', async (query, error) => {
    const { export_token } = await createSite();
    const response = await call(`/v1/export?${query}`, { headers: bearer(export_token) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(error);
  });

  it('takes ISO-8601 with offsets, epoch ms, and wall-clock times in tz', async () => {
    const { site, export_token } = await createSite();
    await seedRows(site, 3);
    const ask = async (query: string) =>
      parseNdjson(await (await call(`/v1/export?${query}`, { headers: bearer(export_token) })).text()).length;
    expect(await ask(`from=${DAY}&to=${DAY + 1001}`)).toBe(3);
    expect(await ask(`from=${DAY}&to=${DAY + 1000}`)).toBe(0);
    expect(await ask('from=2025-11-03T01:00:00%2B01:00&to=2025-11-03T00:00:01.001Z')).toBe(3);
    expect(await ask('from=2025-11-03T01:00:01&to=2025-11-04&tz=Europe/Paris')).toBe(3);
    expect(await ask('from=2025-11-03T01:00:01.001&to=2025-11-04&tz=Europe/Paris')).toBe(0);
    expect(await ask('from=2025-11-03&to=2025-11-04&tz=America/New_York')).toBe(0);
    expect(await ask('from=2025-11-02T19:00&to=2025-11-02T20:00&tz=America/New_York')).toBe(3);
  });
});

describe('GET /v1/export: records', () => {
  it('round-trips what was ingested, in NDJSON and CSV alike', async () => {
    const { site, export_token } = await createSite();
    const ts = Date.now() - 60_000;
    const tricky = { product: { id: 'SKU-1', name: 'Shirt, "blue"\nsecond line\r\nthird', price: 19.99, currency: 'EUR' }, note: 'Ünïcödé 🚀,;\t' };
    const sent = [
      event({ type: 'landing', ts, url: `${SHOP}/?utm_source=newsletter&utm_medium=email`, ref: 'https://mail.example/' }),
      event({ type: 'product_view', ts: ts + 1, url: `${SHOP}/products/shirt?size=m`, props: tricky, user: 'customer,"42"' }),
      event({ type: 'cart_add', ts: ts + 2, url: `${SHOP}/products/shirt`, props: { product: { id: 'SKU-1', price: 19.99, quantity: 2 } } }),
      event({ type: 'order_complete', ts: ts + 3, url: `${SHOP}/thank_you`, props: { order_id: 'A-1001', revenue: 39.98, currency: 'EUR' } }),
    ];
    expect(await (await collect({ site, events: sent })).json()).toMatchObject({ accepted: 4 });
    const stored = await storedEvents(site);
    const range = `from=${ts}&to=${ts + 10}`;

    const ndjson = await call(`/v1/export?${range}`, { headers: bearer(export_token) });
    expect(ndjson.headers.get('Content-Type')).toMatch(/^application\/x-ndjson/);
    expect(ndjson.headers.get('Link')).toBeNull();
    const records = parseNdjson(await ndjson.text());
    expect(records.map((r) => Object.keys(r))).toEqual(Array(4).fill([
      'id', 'site', 'type', 'stage', 'ts', 'received_at', 'visitor', 'session', 'user', 'url', 'path', 'referrer',
      'channel', 'search_engine', 'country', 'device', 'props', 'persona',
    ]));
    expect(records.map((r) => r.id)).toEqual(stored.map((r) => r.id));
    records.forEach((record, i) => {
      const wire = sent[i]! as Record<string, unknown>;
      const row = stored[i]!;
      expect(record).toEqual({
        id: wire.type === 'order_complete' ? row.id : wire.id,
        site,
        type: wire.type,
        stage: STAGES[row.stage - 1],
        ts: new Date(wire.ts as number).toISOString(),
        received_at: new Date(row.ts + row.received_delay).toISOString(),
        visitor: wire.anon,
        session: wire.session,
        user: wire.user ?? null,
        url: wire.url,
        path: new URL(wire.url as string).pathname,
        referrer: wire.ref ?? null,
        channel: row.channel,
        search_engine: row.search_engine,
        country: row.country,
        device: row.device,
        props: wire.props ?? null,
        // Ordered within 5 minutes of the first product viewed, one product: the default rules' impulse buyer.
        persona: 'impulse_buyer',
      });
    });
    expect(records[0]).toMatchObject({ stage: 'awareness', channel: 'email' });

    const csv = await call(`/v1/export?${range}&format=csv`, { headers: bearer(export_token) });
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.startsWith('id,site,type,stage,ts,received_at,visitor,session,user,url,path,referrer,channel,search_engine,country,device,props,persona\r\n')).toBe(true);
    const rows = csvObjects(text);
    expect(rows).toHaveLength(4);
    rows.forEach((row, i) => {
      const { props, persona, ...scalars } = records[i]!;
      expect(row).toEqual({
        ...Object.fromEntries(Object.entries(scalars).map(([k, v]) => [k, v ?? ''])),
        props: props === null ? '' : JSON.stringify(props),
        persona,
      });
      if (props !== null) expect(JSON.parse(row.props!)).toEqual(props);
    });
  });

  it('escapes commas, quotes and newlines in CSV cells as RFC 4180 says', async () => {
    const { site, export_token } = await createSite();
    await seedRows(site, 1, () => ({ props: JSON.stringify({ comment: 'a,b "c"\r\nd\ne' }), user: 'x,"y"', url: `${SHOP}/p?a=1,2` }));
    const text = await (await call(`/v1/export?${RANGE}&format=csv`, { headers: bearer(export_token) })).text();
    const line = text.split('\r\n')[1];
    expect(line).toContain(',"x,""y""",');
    expect(line).toContain(',"https://shop.example/p?a=1,2",');
    expect(text).toContain(',"{""comment"":""a,b \\""c\\""\\r\\nd\\ne""}",other\r\n');
    expect(parseCsv(text)[1]!.at(-2)).toBe('{"comment":"a,b \\"c\\"\\r\\nd\\ne"}');
  });

  it('writes ids starting with - or _ byte-exact in CSV, so both formats join on the id the SDK sent', async () => {
    const { site, export_token } = await createSite();
    const ts = Date.now() - 60_000;
    const ids = ['-V1StGXR8_Z5jdHi6B-myT', '_V1StGXR8_Z5jdHi6B-myT', '--------', '________', '-_-_-_-_-_'];
    const sent = ids.map((id, i) =>
      event({ id, type: i === 0 ? 'landing' : 'page_view', ts: ts + i, ref: i === 0 ? 'https://www.google.co.jp/' : undefined }),
    );
    const init = { cf: { country: 'JP' } } as RequestInit;
    const answer = await call('/v1/collect', {
      ...init,
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: SHOP },
      body: JSON.stringify({ site, events: sent }),
    });
    expect(await answer.json()).toMatchObject({ accepted: ids.length });
    const range = `from=${ts}&to=${ts + 10}`;
    const ndjson = parseNdjson(await (await call(`/v1/export?${range}`, { headers: bearer(export_token) })).text());
    const text = await (await call(`/v1/export?${range}&format=csv`, { headers: bearer(export_token) })).text();
    const csv = csvObjects(text);
    expect(ndjson.map((r) => r.id)).toEqual(ids);
    expect(csv.map((r) => r.id)).toEqual(ids);
    for (const id of ids) expect(text).toContain(`\r\n${id},${site},`);
    const byId = new Map(ndjson.map((record) => [record.id, record]));
    for (const row of csv) {
      const record = byId.get(row.id)!;
      for (const column of ['site', 'type', 'stage', 'ts', 'received_at', 'channel', 'search_engine', 'country', 'device'] as const) {
        expect(row[column]).toBe(record[column] ?? '');
      }
    }
    expect(csv[0]).toMatchObject({ channel: 'organic_search', search_engine: 'google', country: 'JP' });
  });

  it('defuses free-text cells a spreadsheet would run as formulas, and keeps NDJSON exact', async () => {
    const { site, export_token } = await createSite();
    const hostile = ['=HYPERLINK("https://evil.example","x")', '+1+2', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1)', '\t=1+1', '\r=1+1'];
    await seedRows(site, hostile.length, (i) => ({
      visitor: hostile[i]!, session: hostile[(i + 1) % 6]!, user: hostile[(i + 2) % 6]!, referrer: hostile[(i + 3) % 6]!,
      url: hostile[(i + 4) % 6]!,
    }));
    const csv = csvObjects(await (await call(`/v1/export?${RANGE}&format=csv`, { headers: bearer(export_token) })).text());
    const ndjson = parseNdjson(await (await call(`/v1/export?${RANGE}`, { headers: bearer(export_token) })).text());
    expect(csv).toHaveLength(hostile.length);
    csv.forEach((row, i) => {
      for (const column of ['visitor', 'session', 'user', 'referrer', 'url'] as const) {
        expect(hostile).toContain(ndjson[i]![column]);
        expect(row[column]).toBe(`'${ndjson[i]![column] as string}`);
      }
    });
  });

  it('stores a country only as a two-character code, so the CSV column needs no defusing', async () => {
    const { site, export_token } = await createSite();
    const ts = Date.now() - 60_000;
    for (const [i, country] of ['FR', 'T1', '=1+1', 'fr', '-1'].entries()) {
      const init = { cf: { country } } as RequestInit;
      await call('/v1/collect', {
        ...init,
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Origin: SHOP },
        body: JSON.stringify({ site, events: [event({ ts: ts + i })] }),
      });
    }
    const records = parseNdjson(await (await call(`/v1/export?from=${ts}&to=${ts + 10}`, { headers: bearer(export_token) })).text());
    expect(records.map((r) => r.country)).toEqual(['FR', 'T1', null, null, null]);
  });

  it('filters by stage, type and channel', async () => {
    const { site, export_token } = await createSite();
    await seedRows(site, 30, (i) =>
      i % 3 === 0
        ? { type: 'landing', stage: 1, channel: i % 2 ? 'email' : 'organic_search', searchEngine: i % 2 ? undefined : 'google' }
        : i % 3 === 1
          ? { type: 'cart_add', stage: 3 }
          : {},
    );
    const count = async (query: string) =>
      parseNdjson(await (await call(`/v1/export?${RANGE}&${query}`, { headers: bearer(export_token) })).text());
    expect(await count('stage=awareness')).toHaveLength(10);
    expect(await count('stage=awareness,decision')).toHaveLength(20);
    expect((await count('type=cart_add')).every((r) => r.type === 'cart_add' && r.stage === 'decision')).toBe(true);
    expect(await count('channel=email')).toHaveLength(5);
    expect(await count('channel=organic_search&stage=decision')).toHaveLength(0);
    expect((await count('channel=organic_search'))[0]).toMatchObject({ search_engine: 'google' });
  });
});

describe('GET /v1/export: pages', () => {
  it.each([
    [97, 'ndjson'],
    [1100, 'ndjson'],
    [333, 'csv'],
  ])('walks the range with limit=%i (%s): every row once, in (ts, id) order', async (limit, format) => {
    const { site, export_token } = await createSite();
    await seedRows(site, 1234);
    const { bodies, pages } = await walkPages(`/v1/export?${RANGE}&limit=${limit}&format=${format}`, export_token);
    expect(pages).toBe(Math.ceil(1234 / limit));
    const ids = bodies.flatMap((body) => (format === 'csv' ? csvObjects(body) : parseNdjson(body)).map((r) => r.id));
    expect(ids).toEqual((await storedEvents(site)).map((r) => r.id));
    expect(new Set(ids).size).toBe(1234);
  });

  it('round-trips every stored column across pages, identically in NDJSON and CSV', async () => {
    const { site, export_token } = await createSite();
    await seedRows(site, 1500, (i) => ({
      user: i % 4 === 0 ? `cust,"${i}"` : undefined,
      referrer: i % 6 === 0 ? 'https://www.google.com/search?q=a,b' : undefined,
      channel: i % 6 === 0 ? 'organic_search' : undefined,
      searchEngine: i % 6 === 0 ? 'google' : undefined,
      country: i % 2 ? 'FR' : undefined,
      device: i % 3 ? 'mobile' : undefined,
      props: i % 5 ? JSON.stringify({ note: `line ${i}\r\n"quoted", comma`, price: i / 7, nested: { ok: i % 2 === 0 } }) : undefined,
    }));
    const stored = await storedEvents(site);
    const ndjson = (await walkPages(`/v1/export?${RANGE}&limit=1100`, export_token)).bodies.flatMap(parseNdjson);
    const csv = (await walkPages(`/v1/export?${RANGE}&limit=400&format=csv`, export_token)).bodies.flatMap(csvObjects);
    expect(ndjson).toHaveLength(1500);
    expect(csv).toHaveLength(1500);
    stored.forEach((row, i) => {
      const record = ndjson[i]!;
      expect(record).toEqual({
        id: row.id, site, type: row.type, stage: STAGES[row.stage - 1], ts: new Date(row.ts).toISOString(),
        received_at: new Date(row.ts + row.received_delay).toISOString(), visitor: row.visitor, session: row.session,
        user: row.user_id, url: row.url, path: new URL(row.url).pathname, referrer: row.referrer, channel: row.channel,
        search_engine: row.search_engine, country: row.country, device: row.device,
        props: row.props === null ? null : JSON.parse(row.props),
        persona: 'other',
      });
      const { props, ...scalars } = record;
      expect(csv[i]).toEqual({ ...Object.fromEntries(Object.entries(scalars).map(([k, v]) => [k, v ?? ''])), props: row.props ?? '' });
    });
  });

  it('gives no next link on a page that ends exactly at the last row, and an empty page for an empty range', async () => {
    const { site, export_token } = await createSite();
    await seedRows(site, 1200);
    for (const limit of [1200, 10_000]) {
      const full = await call(`/v1/export?${RANGE}&limit=${limit}`, { headers: bearer(export_token) });
      expect(nextLink(full)).toBeUndefined();
      expect(parseNdjson(await full.text())).toHaveLength(1200);
    }
    const first = await call(`/v1/export?${RANGE}&limit=1199`, { headers: bearer(export_token) });
    const next = nextLink(first)!;
    expect(next).toMatch(/^https:\/\/collector\.example\/v1\/export\?.*&limit=1199&cursor=[A-Za-z0-9_-]+$/);
    await first.text();
    const last = await call(next.replace('https://collector.example', ''), { headers: bearer(export_token) });
    expect(nextLink(last)).toBeUndefined();
    expect(parseNdjson(await last.text())).toHaveLength(1);
    const empty = await call(`/v1/export?from=${DAY - 1000}&to=${DAY}&format=csv`, { headers: bearer(export_token) });
    expect(await empty.text()).toBe('id,site,type,stage,ts,received_at,visitor,session,user,url,path,referrer,channel,search_engine,country,device,props,persona\r\n');
  });

  it('never lets a cursor reach rows of another site', async () => {
    const mine = await createSite();
    const theirs = await createSite();
    await seedRows(theirs.site, 5);
    const cursor = btoa(`${DAY}:a`).replace(/=+$/, '');
    const response = await call(`/v1/export?${RANGE}&cursor=${cursor}`, { headers: bearer(mine.export_token) });
    expect(await response.text()).toBe('');
  });
});
