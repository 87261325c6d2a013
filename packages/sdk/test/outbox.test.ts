import type { WireEvent } from '@waymark/schema';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { IN_FLIGHT_MS, outbox } from '../src/core/delivery/outbox.ts';
import { toJson } from '../src/core/delivery/queue.ts';
import { storage } from '../src/core/delivery/storage.ts';
import { fitProps } from '../src/lib/fitProps.ts';
import { accept, recordFetch } from './helpers.ts';

// At least once (SPEC §5): the states of a queued event. Queued → in flight (marked with
// its send time) → gone when its batch has an answer; back to queued on a retryable answer;
// sent again by the next page when its page went away before the answer.

let n = 0;
const event = (): WireEvent => ({ id: `evt_${String(++n).padStart(6, '0')}`, type: 'page_view', ts: Date.now(), url: 'https://shop.example/', session: 's_1', props: {} });
const make = () => outbox({ site: 'wm_test', endpoint: 'https://collector.test', store: storage('localStorage'), warn: () => {} });
const queues = () => Object.keys(localStorage).filter((key) => key.startsWith('wm_q_wm_test.'));
const queue = (key = queues()[0]!) => JSON.parse(localStorage.getItem(key)!) as { t: number; e: WireEvent[]; f: Record<string, number> };
const ids = (events: WireEvent[]) => events.map((e) => e.id);
const answer = (status: number) => () => new Response(status == 202 ? '{"accepted":1,"duplicates":0,"rejected":[]}' : '', { status });
/** A new page of the same tab: its outbox reads the same queue. */
const nextPage = make;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('outbox: at least once', () => {
  test('a batch stays in the queue, marked with its send time, until its answer; then it leaves', async () => {
    let respond!: (response: Response) => void;
    const { sent } = recordFetch(() => new Promise((resolve) => (respond = resolve)));
    const box = make();
    const first = event();
    box.push(first);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    expect(queue().e).toEqual([first]);
    expect(queue().f).toEqual({ [first.id]: Date.now() });
    respond(answer(202)());
    await vi.advanceTimersByTimeAsync(0);
    expect(queues()).toEqual([]);
    box.stop();
  });

  test('the page goes away before the answer: the next page sends the batch again after the grace period', async () => {
    const { sent } = recordFetch(() => new Promise(() => {}));
    const leaving = make();
    const lost = event();
    leaving.push(lost);
    void leaving.flush(true);
    leaving.stop();
    expect(sent).toHaveLength(1);
    expect(queue().f[lost.id]).toBe(Date.now());

    const { sent: again } = recordFetch();
    const next = nextPage();
    const own = event();
    next.push(own);
    await vi.advanceTimersByTimeAsync(1000);
    // Its own event at once; the batch in flight once it is overdue (checked IN_FLIGHT_MS later).
    expect(again.map(({ batch }) => ids(batch.events))).toEqual([[own.id]]);
    await vi.advanceTimersByTimeAsync(IN_FLIGHT_MS);
    expect(again.map(({ batch }) => ids(batch.events))).toEqual([[own.id], [lost.id]]);
    expect(queues()).toEqual([]);
    next.stop();
  });

  test('an answer recorded meanwhile (the page was only hidden): nothing is sent again', async () => {
    let respond!: (response: Response) => void;
    const { sent } = recordFetch(() => new Promise((resolve) => (respond = resolve)));
    const hidden = make();
    hidden.push(event());
    void hidden.flush(true);
    respond(answer(202)());
    await vi.advanceTimersByTimeAsync(0);
    const next = nextPage();
    await next.flush();
    await vi.advanceTimersByTimeAsync(IN_FLIGHT_MS * 2);
    expect(sent).toHaveLength(1);
    hidden.stop();
    next.stop();
  });

  test('a live page does not send again what it awaits, even past the grace period', async () => {
    const { sent } = recordFetch(() => new Promise(() => {}));
    const box = make();
    box.push(event());
    await vi.advanceTimersByTimeAsync(1000);
    box.push(event());
    await vi.advanceTimersByTimeAsync(IN_FLIGHT_MS * 3);
    void box.flush(true);
    expect(sent.map(({ batch }) => batch.events.length)).toEqual([1, 1]);
    box.stop();
  });

  test('the in-flight batch of a closed tab is adopted like any orphan', async () => {
    const orphan = event();
    const sentAt = Date.now() - 120_000;
    localStorage.setItem('wm_q_wm_test.closedtab', JSON.stringify({ t: sentAt, e: [orphan], f: { [orphan.id]: sentAt } }));
    const young = event();
    localStorage.setItem('wm_q_wm_test.livetab', JSON.stringify({ t: Date.now(), e: [young], f: { [young.id]: Date.now() } }));
    const { sent } = recordFetch();
    const box = make();
    await box.flush();
    expect(sent.flatMap(({ batch }) => ids(batch.events))).toEqual([orphan.id]);
    expect(localStorage.getItem('wm_q_wm_test.closedtab')).toBeNull();
    // A live tab's queue, and its request, are its own.
    expect(queue('wm_q_wm_test.livetab').e).toEqual([young]);
    box.stop();
  });

  test('a tab closed a moment ago: its queue is adopted once it is a minute old, with no new event', async () => {
    const orphan = event();
    localStorage.setItem('wm_q_wm_test.closedtab', JSON.stringify({ t: Date.now(), e: [orphan], f: { [orphan.id]: Date.now() } }));
    const { sent } = recordFetch();
    const box = make();
    await box.flush();
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(65_000);
    expect(sent.flatMap(({ batch }) => ids(batch.events))).toEqual([orphan.id]);
    expect(queues()).toEqual([]);
    // Nothing left to look at: no more wake-ups.
    expect(vi.getTimerCount()).toBe(0);
    box.stop();
  });

  test.each([
    [202, 'leaves'],
    [204, 'leaves'],
    [400, 'leaves'],
    [403, 'leaves'],
    [404, 'leaves'],
    [413, 'leaves'],
    [422, 'leaves'],
    [408, 'stays'],
    [425, 'stays'],
    [429, 'stays'],
    [500, 'stays'],
    [502, 'stays'],
    [503, 'stays'],
  ])('answer %i: the batch %s', async (status, fate) => {
    const { sent } = recordFetch(answer(status));
    const box = make();
    const only = event();
    box.push(only);
    await box.flush();
    expect(sent).toHaveLength(1);
    if (fate == 'leaves') expect(queues()).toEqual([]);
    else {
      expect(queue().e).toEqual([only]);
      // Back to queued: due at the retry time, not after the in-flight grace.
      expect(queue().f).toEqual({});
      expect(localStorage.getItem('wm_r')).toMatch(/^\d+\.1$/);
    }
    box.stop();
  });

  test('a network error: queued again and retried with backoff, then it leaves', async () => {
    const answers = [() => Promise.reject(new TypeError('Failed to fetch')), accept];
    const { sent } = recordFetch((batch) => answers.shift()!(batch));
    const box = make();
    box.push(event());
    await box.flush();
    expect(queue().f).toEqual({});
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent).toHaveLength(2);
    expect(queues()).toEqual([]);
    box.stop();
  });
});

describe('outbox: queuing is cheap', () => {
  test('each event is serialised once, however long the queue and whatever its batches', async () => {
    const { sent } = recordFetch(accept);
    const box = make();
    const stringify = vi.spyOn(JSON, 'stringify');
    const events = Array.from({ length: 50 }, event);
    events.forEach((queued) => box.push(queued));
    await vi.advanceTimersByTimeAsync(1000);
    const serialised = stringify.mock.calls.filter(([value]) => events.includes(value as WireEvent));
    stringify.mockRestore();
    expect(sent).toHaveLength(1);
    expect(serialised).toHaveLength(50);
    expect(queues()).toEqual([]);
    box.stop();
  });

  test('a queue another page changed is read again, not overwritten with what this page remembers', () => {
    const box = make();
    const mine = event();
    box.push(mine);
    const key = queues()[0]!;
    const adopted = event();
    localStorage.setItem(key, JSON.stringify({ t: 0, e: [adopted], f: {} }));
    const next = event();
    box.push(next);
    expect(ids(queue(key).e)).toEqual([adopted.id, next.id]);
    box.stop();
  });

  test("an event's JSON carries its props' JSON made when they were measured: the same event, props serialised once", () => {
    const json = fc.jsonValue({ maxDepth: 2 }).filter((value) => value !== null && typeof value == 'object' && !Array.isArray(value));
    fc.assert(
      fc.property(json, fc.option(fc.string(), { nil: undefined }), (props, ref) => {
        const fitted = fitProps(props as Record<string, unknown>);
        if (!fitted) return;
        const queued: WireEvent = { ...event(), ...(ref === undefined ? {} : { ref }), props: fitted };
        const stringify = vi.spyOn(JSON, 'stringify');
        const made = toJson(queued);
        const propsSerialised = stringify.mock.calls.filter(([value]) => value === fitted).length;
        stringify.mockRestore();
        expect(propsSerialised).toBe(0);
        expect(JSON.parse(made)).toEqual(JSON.parse(JSON.stringify(queued)));
      }),
    );
  });
});
