import { describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { insertEvents } from '../src/events/queries.ts';
import { exportEvents, ExportError, type ExportedEvent } from '../src/client/exportEvents.ts';
import { createSite, storedEvents } from './helpers.ts';

const DAY = Date.UTC(2025, 10, 5);
/** The Worker under test stands in for the network. */
const worker = (request: Request) => exports.default.fetch(request);

async function seed(key: string, count: number) {
  const site = (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(key).first<{ id: number }>())!.id;
  const rows = Array.from({ length: count }, (_, i) => ({
    siteId: site,
    id: `cl_${i.toString().padStart(6, '0')}_evt`,
    ts: DAY + Math.floor(i / 2),
    receivedAt: DAY + i + 10,
    type: i % 5 === 0 ? 'cart_add' : 'page_view',
    stage: i % 5 === 0 ? 3 : 2,
    visitor: `a_${i % 7}`,
    session: `s_${i % 11}`,
    url: `https://shop.example/p/${i}`,
    props: i % 5 === 0 ? JSON.stringify({ product: { id: `SKU-${i}`, price: i } }) : undefined,
  }));
  for (let i = 0; i < rows.length; i += 100) await insertEvents(env.DB, rows.slice(i, i + 100)).run();
}

async function all(iterable: AsyncIterable<ExportedEvent>) {
  const events: ExportedEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

describe('exportEvents() client', () => {
  it('follows the cursor across pages and yields every event once, in order', async () => {
    const { site, export_token } = await createSite();
    await seed(site, 2345);
    const requests: string[] = [];
    const events = await all(
      exportEvents({
        endpoint: 'https://collector.example',
        token: export_token,
        from: new Date(DAY),
        to: DAY + 86_400_000,
        pageSize: 1000,
        fetch: (request) => {
          requests.push(request.url);
          return worker(request);
        },
      }),
    );
    expect(requests).toHaveLength(3);
    expect(requests[0]).toBe(`https://collector.example/v1/export?from=2025-11-05T00%3A00%3A00.000Z&to=${DAY + 86_400_000}&limit=1000&format=ndjson`);
    expect(events.map((e) => e.id)).toEqual((await storedEvents(site)).map((r) => r.id));
    expect(events[0]).toMatchObject({ site, type: 'cart_add', stage: 'decision', props: { product: { id: 'SKU-0', price: 0 } } });
  });

  it('passes the filters and throws the collector’s error', async () => {
    const { site, export_token } = await createSite();
    await seed(site, 50);
    const carts = await all(exportEvents({ endpoint: 'https://collector.example', token: export_token, site, from: DAY, to: DAY + 1000, stage: ['decision'], type: 'cart_add', fetch: worker }));
    expect(carts).toHaveLength(10);
    const refused = all(exportEvents({ endpoint: 'https://collector.example', token: 'wm_exp_wrong', from: DAY, to: DAY + 1000, fetch: worker }));
    await expect(refused).rejects.toThrow(ExportError);
    await expect(refused).rejects.toMatchObject({ status: 401, message: 'export failed with 401: invalid export token' });
    const bad = all(exportEvents({ endpoint: 'https://collector.example', token: export_token, from: 'soon', to: DAY, fetch: worker }));
    await expect(bad).rejects.toMatchObject({ status: 400 });
  });
});
