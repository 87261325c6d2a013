import type { CollectBatch, WireEvent } from '@waymark/schema';
import { MAX_BODY_BYTES } from '@waymark/schema';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { outbox } from '../src/core/delivery/outbox.ts';
import { storage } from '../src/core/delivery/storage.ts';
import { accept, recordFetch } from './helpers.ts';

let n = 0;
const event = (props: Record<string, unknown> = {}): WireEvent => ({
  id: `evt_${String(++n).padStart(6, '0')}`,
  type: 'page_view',
  ts: Date.now(),
  url: 'https://shop.example/',
  session: 's_1',
  props,
});
const make = (warn = vi.fn()) => outbox({ site: 'wm_test', endpoint: 'https://collector.test/', store: storage('localStorage'), warn });
const queued = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('wm_q_wm_test.'))
    .flatMap((key) => JSON.parse(localStorage.getItem(key)!).e as WireEvent[]);
const status = (code: number, headers: Record<string, string> = {}) => () => new Response(code == 202 ? '{}' : '', { status: code, headers });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('delivery', () => {
  test('batches a second after the first event, to {endpoint}/v1/collect, keepalive, no preflight', async () => {
    const { sent, fetch } = recordFetch();
    const box = make();
    box.push(event());
    box.push(event());
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://collector.test/v1/collect');
    expect(sent[0]!.batch).toMatchObject({ site: 'wm_test', sent_at: expect.any(Number) });
    expect(sent[0]!.batch.events).toHaveLength(2);
    const init = fetch.mock.calls[0]![1]!;
    // A string body goes as text/plain: no header that would need a CORS preflight.
    expect(init).toEqual({ method: 'POST', keepalive: true, body: expect.any(String) });
    expect(queued()).toEqual([]);
    box.stop();
  });

  test('batches stay under 64 KiB and 100 events', async () => {
    const { sent } = recordFetch();
    const box = make();
    for (let i = 0; i < 130; i++) box.push(event({ blob: 'x'.repeat(i < 30 ? 6000 : 10) }));
    await box.flush();
    expect(sent.length).toBeGreaterThan(2);
    for (const { batch } of sent) {
      expect(new TextEncoder().encode(JSON.stringify(batch)).length).toBeLessThanOrEqual(MAX_BODY_BYTES);
      expect(batch.events.length).toBeLessThanOrEqual(100);
    }
    expect(sent.flatMap(({ batch }) => batch.events)).toHaveLength(130);
    box.stop();
  });

  test('the queue survives a reload: the next page sends it', async () => {
    const first = make();
    recordFetch(() => new Promise(() => {}));
    first.push(event());
    first.stop();
    expect(queued()).toHaveLength(1);
    const { sent } = recordFetch();
    const next = make();
    await next.flush();
    expect(sent[0]!.batch.events).toHaveLength(1);
    next.stop();
  });

  test('offline: waits for the online event', async () => {
    vi.stubGlobal('navigator', Object.create(navigator, { onLine: { value: false } }));
    const { sent } = recordFetch();
    const box = make();
    box.push(event());
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(0);
    vi.unstubAllGlobals();
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    box.stop();
  });

  test('network errors and 5xx: kept, retried with jittered exponential backoff', async () => {
    const answers = [() => Promise.reject(new TypeError('Failed to fetch')), status(503), accept];
    const { sent } = recordFetch((batch) => answers.shift()!(batch));
    const box = make();
    box.push(event());
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    expect(queued()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999); // first retry: 2 s × [0.5, 1.5)
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2100);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(6100); // second: 4 s × [0.5, 1.5)
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map(({ batch }) => batch.events[0]!.id)).size).toBe(1);
    expect(queued()).toEqual([]);
    box.stop();
  });

  test('429: honours Retry-After, across tabs and reloads', async () => {
    const answers = [status(429, { 'Retry-After': '30' }), accept];
    const { sent } = recordFetch((batch) => answers.shift()!(batch));
    const box = make();
    box.push(event());
    await vi.advanceTimersByTimeAsync(1000);
    const other = make();
    await other.flush();
    await other.flush(true);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
    box.stop();
    other.stop();
  });

  test('rejected events are dropped, not retried; a 403 drops the batch', async () => {
    const warn = vi.fn();
    const answers = [
      (batch: CollectBatch) => new Response(JSON.stringify({ accepted: 1, duplicates: 0, rejected: [{ index: 1, reason: 'props.price must be a number' }] }), { status: 202 }),
      status(403),
    ];
    const { sent } = recordFetch((batch) => answers.shift()!(batch));
    const box = make(warn);
    box.push(event());
    box.push(event());
    await box.flush();
    expect(queued()).toEqual([]);
    expect(warn).toHaveBeenCalledWith('events rejected', [expect.objectContaining({ index: 1, reason: 'props.price must be a number' })]);
    box.push(event());
    await box.flush();
    expect(queued()).toEqual([]);
    expect(warn).toHaveBeenLastCalledWith('batch refused with 403');
    expect(sent).toHaveLength(2);
    box.stop();
  });

  test('one sending tab at a time: another tab waits for the lock', async () => {
    let answer!: (response: Response) => void;
    const { sent } = recordFetch(() => new Promise((resolve) => (answer = resolve)));
    const tabA = make();
    const tabB = make();
    tabA.push(event());
    const sending = tabA.flush();
    tabB.push(event());
    await tabB.flush();
    expect(sent).toHaveLength(1);
    answer(accept(sent[0]!.batch));
    await sending;
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(2);
    answer(accept(sent[1]!.batch));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.flatMap(({ batch }) => batch.events)).toHaveLength(2);
    expect(new Set(sent.flatMap(({ batch }) => batch.events.map((e) => e.id))).size).toBe(2);
    tabA.stop();
    tabB.stop();
  });

  test('unload: one keepalive batch at once; sendBeacon when fetch fails, the batch kept in flight', async () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal('navigator', Object.create(navigator, { sendBeacon: { value: beacon } }));
    const { sent } = recordFetch(() => Promise.reject(new TypeError('keepalive quota')));
    const box = make();
    box.push(event());
    void box.flush(true);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(beacon).toHaveBeenCalledTimes(1);
    const [url, body] = beacon.mock.calls[0] as unknown as [string, string];
    expect(url).toBe('https://collector.test/v1/collect');
    expect(JSON.parse(body).events).toHaveLength(1);
    // A beacon has no answer: the next page sends the batch again.
    expect(queued()).toHaveLength(1);
    box.stop();
  });

  test("the queue of a tab that is gone is sent by the next tab", async () => {
    const { sent } = recordFetch();
    localStorage.setItem('wm_q_wm_test.closedtab', JSON.stringify({ t: Date.now() - 120_000, e: [event()] }));
    localStorage.setItem('wm_q_wm_test.livetab', JSON.stringify({ t: Date.now(), e: [event()] }));
    const box = make();
    box.push(event());
    await box.flush();
    expect(sent.flatMap(({ batch }) => batch.events)).toHaveLength(2);
    expect(localStorage.getItem('wm_q_wm_test.closedtab')).toBeNull();
    expect(localStorage.getItem('wm_q_wm_test.livetab')).not.toBeNull();
    box.stop();
  });

  test('blocked localStorage: the queue lives in memory', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const { sent } = recordFetch();
    const box = make();
    box.push(event());
    await box.flush();
    expect(sent).toHaveLength(1);
    box.stop();
    vi.restoreAllMocks();
  });
});
