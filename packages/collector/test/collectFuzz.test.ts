import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, createSite, SHOP, storedEvents } from './helpers.ts';

// Each request comes from its own client so the per-client rate limit stays out of the way.
let client = 0;
const headers = () => ({ 'CF-Connecting-IP': `10.0.${(client >> 8) & 255}.${client++ & 255}`, 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' });
const BAD_INPUT_STATUSES = [202, 400, 403, 413];

const validEvent = (id: string) => ({
  id,
  type: 'product_view',
  ts: Date.now() - 500,
  url: `${SHOP}/products/${id}`,
  anon: 'a_fuzz',
  session: 's_fuzz',
  props: { product: { id: `SKU-${id}`, price: 10, currency: 'EUR' } },
});

/** Ways to break one field of a valid event, each of which the SPEC says must be rejected. */
const breakEvent = fc.oneof(
  fc.constantFrom('id', 'type', 'ts', 'url', 'session').map((field) => (e: Record<string, unknown>) => {
    delete e[field];
  }),
  fc.tuple(fc.constantFrom('id', 'type', 'ts', 'url', 'session', 'anon', 'props'), fc.oneof(fc.constant(null), fc.boolean(), fc.array(fc.integer()), fc.constant(-1), fc.constant('x'.repeat(3000)))).map(
    ([field, value]) => (e: Record<string, unknown>) => {
      e[field] = value;
    },
  ),
  fc.anything().map((junk) => (e: Record<string, unknown>) => {
    // JSON text, not String(): fast-check's objects without a prototype have no toString.
    e.props = { product: { id: 'SKU', price: typeof junk === 'number' ? -Math.abs(junk) - 1 : (JSON.stringify(junk) ?? 'undefined') } };
  }),
);

describe('POST /v1/collect under hostile input', () => {
  it('never answers 5xx, whatever the body', async () => {
    const { site } = await createSite();
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc.anything({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'undefined'),
      fc.record({ site: fc.oneof(fc.constant(site), fc.string()), sent_at: fc.anything(), events: fc.anything({ maxDepth: 3 }) }).map((v) => JSON.stringify(v)),
      fc.array(fc.anything({ maxDepth: 3 }), { minLength: 1, maxLength: 30 }).map((events) => JSON.stringify({ site, sent_at: Date.now(), events })),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder().decode(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await collect(text, headers());
        expect(BAD_INPUT_STATUSES).toContain(response.status);
        await response.arrayBuffer();
      }),
      { numRuns: 1500 },
    );
  });

  it('stores every valid event of a batch, whatever its broken neighbours carry', async () => {
    const { site } = await createSite();
    let batchNo = 0;
    const validIds = new Set<string>();
    const brokenIds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(breakEvent, { freq: 2 }), { minLength: 1, maxLength: 100 }), async (plan) => {
        batchNo += 1;
        const ids: string[] = [];
        const events = plan.map((breaker, i) => {
          const event: Record<string, unknown> = validEvent(`fz${batchNo}x${i}_${client}`);
          if (breaker) {
            brokenIds.add(event.id as string);
            breaker(event);
          } else ids.push(event.id as string);
          return event;
        });
        const response = await collect({ site, sent_at: Date.now(), events }, headers());
        expect(response.status).toBe(202);
        const body = (await response.json()) as { accepted: number; rejected: { index: number }[] };
        expect(body.accepted).toBe(ids.length);
        for (const id of ids) validIds.add(id);
        expect(body.rejected.map((r) => r.index)).toEqual(plan.flatMap((breaker, i) => (breaker ? [i] : [])));
      }),
      { numRuns: 300 },
    );
    const stored = new Set((await storedEvents(site)).map((row) => row.id));
    expect(stored).toEqual(validIds);
    expect([...brokenIds].filter((id) => stored.has(id))).toEqual([]);
  });

  it('rejects props nested deep enough to overflow a recursive serialiser, and keeps the rest', async () => {
    const { site } = await createSite();
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const text = `{"site":"${site}","events":[${JSON.stringify(validEvent('deep_ok_1'))},{"id":"deep_bad_1","type":"page_view","ts":1,"url":"${SHOP}/","session":"s","props":${deep}}]}`;
    const response = await collect(text, headers());
    expect(response.status).toBe(202);
    const body = (await response.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0]!.index).toBe(1);
  });
});
