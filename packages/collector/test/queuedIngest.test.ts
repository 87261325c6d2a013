import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { drainEventQueue } from '../src/events/drainEventQueue.ts';
import type { EventRows } from '../src/events/queueEventWriter.ts';
import { createSite, event, SHOP, storedEvents } from './helpers.ts';
import { oneHourDrift, referenceRollups, storedRollups, type RawEvent } from './rollupReference.ts';

/** The producer side of a Queue binding: keeps what the collect route enqueues. */
function recordingQueue() {
  const sent: { body: EventRows }[] = [];
  const queue = {
    send: async (body: EventRows) => void sent.push({ body }),
    sendBatch: async (messages: Iterable<{ body: EventRows }>) => void sent.push(...messages),
  } as unknown as Queue;
  return { queue, sent };
}

async function drain(bodies: EventRows[]) {
  const batch = createMessageBatch<EventRows>(
    'waymark-events',
    bodies.map((body, i) => ({ id: `msg-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await drainEventQueue(batch, env);
  return getQueueResult(batch, ctx);
}

async function collectQueued(queue: Queue, body: unknown) {
  const request = new Request('https://collector.example/v1/collect', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', Origin: SHOP, 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' },
    body: JSON.stringify(body),
  });
  return app.fetch(request, { ...env, EVENTS_QUEUE: queue }, createExecutionContext());
}

describe('queued ingest (EVENTS_QUEUE bound)', () => {
  it('answers 202 from the queue, and the consumer stores every event once in 100-row statements', async () => {
    const { site } = await createSite();
    const { queue, sent } = recordingQueue();
    const events = Array.from({ length: 100 }, (_, i) => event({ id: `queued_${i.toString().padStart(4, '0')}` }));
    const first = await collectQueued(queue, { site, sent_at: Date.now(), events: [...events.slice(0, 60), { id: 'bad' }] });
    expect(await first.json()).toEqual({ accepted: 60, duplicates: 0, rejected: [{ index: 60, reason: expect.stringMatching(/^id /) }] });
    await collectQueued(queue, { site, sent_at: Date.now(), events: events.slice(40) });
    expect(await storedEvents(site)).toHaveLength(0);

    const result = await drain(sent.map((m) => m.body));
    expect(result.ackAll).toBe(true);
    const rows = await storedEvents(site);
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.id)).size).toBe(100);
  });

  it('splits a request whose rows would not fit one queue message', async () => {
    const { site } = await createSite();
    const { queue, sent } = recordingQueue();
    // A body under 64 KiB whose rows grow past one message: quotes are escaped once in the
    // body and twice once the rows' props text travels inside a JSON message.
    const events = Array.from({ length: 28 }, () => event({ props: { note: '"'.repeat(1000) } }));
    await collectQueued(queue, { site, sent_at: Date.now(), events });
    expect(sent.length).toBeGreaterThan(1);
    for (const message of sent) expect(new TextEncoder().encode(JSON.stringify(message.body)).length).toBeLessThan(128 * 1024);
    await drain(sent.map((m) => m.body));
    expect(await storedEvents(site)).toHaveLength(28);
  });

  it('retries the whole batch when D1 fails, and the retry stores nothing twice', async () => {
    const { site } = await createSite();
    const { queue, sent } = recordingQueue();
    await collectQueued(queue, { site, sent_at: Date.now(), events: [event(), event(), event()] });
    await env.DB.exec('ALTER TABLE events RENAME TO events_away');
    try {
      const failed = await drain(sent.map((m) => m.body));
      expect(failed.retryBatch.retry).toBe(true);
      expect(failed.ackAll).toBe(false);
    } finally {
      await env.DB.exec('ALTER TABLE events_away RENAME TO events');
    }
    const retried = await drain(sent.map((m) => m.body));
    expect(retried.ackAll).toBe(true);
    await drain(sent.map((m) => m.body));
    expect(await storedEvents(site)).toHaveLength(3);
  });

  it('keeps the rollups exact when a batch fails after its first statement and is retried, then replayed', async () => {
    const { site } = await createSite();
    const siteId = (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(site).first<{ id: number }>())!.id;
    const { queue, sent } = recordingQueue();
    const kinds = [
      { type: 'landing', url: `${SHOP}/?utm_source=news&utm_medium=email` },
      { type: 'product_view', props: { product: { id: 'SKU-1', price: 20, currency: 'EUR' } } },
      { type: 'cart_add', props: { product: { id: 'SKU-1', price: 20, currency: 'EUR', quantity: 2 } } },
      { type: 'web_vitals', props: { lcp: 1800, inp: 96, page_type: 'product_view' } },
      { type: 'order_complete', props: { order_id: 'Q-1', revenue: 40, currency: 'EUR' } },
    ];
    const events = Array.from({ length: 150 }, (_, i) =>
      event({ id: `rq_${i.toString().padStart(8, '0')}`, ts: Date.now() - 100_000 + i, anon: `a_rq_${i % 7}`, session: `s_rq_${i % 11}`, ...kinds[i % kinds.length] }),
    );
    await collectQueued(queue, { site, sent_at: Date.now(), events: events.slice(0, 75) });
    await collectQueued(queue, { site, sent_at: Date.now(), events: events.slice(75) });
    // The consumer writes 100-row statements: the second one fails, the first stays stored.
    await env.DB.exec(`CREATE TRIGGER fail_once BEFORE INSERT ON events WHEN NEW.id = 'rq_00000120' BEGIN SELECT RAISE(ABORT, 'storage failed'); END`);
    try {
      expect((await drain(sent.map((m) => m.body))).retryBatch.retry).toBe(true);
    } finally {
      await env.DB.exec('DROP TRIGGER fail_once');
    }
    expect((await storedEvents(site)).length).toBe(81); // 100 rows, 20 of them the same order
    expect((await drain(sent.map((m) => m.body))).ackAll).toBe(true);
    expect((await drain(sent.map((m) => m.body))).ackAll).toBe(true);
    const { results } = await env.DB.prepare(
      'SELECT ts, id, type, stage, visitor, session, channel, search_engine, country, device, props FROM events WHERE site_id = ?1',
    ).bind(siteId).all<RawEvent>();
    expect(results).toHaveLength(121);
    expect(await storedRollups(env.DB, siteId)).toEqual(referenceRollups(results));
    expect(await oneHourDrift(env.DB, siteId)).toEqual([]);
  });
});
