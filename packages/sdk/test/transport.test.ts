import type { WireEvent } from '@waymark/schema';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { IN_FLIGHT_MS, outbox } from '../src/core/delivery/outbox.ts';
import { storage } from '../src/core/delivery/storage.ts';
import { recordFetch } from './helpers.ts';

// A broken transport is not an outage (SPEC §5): whatever the page did to fetch, events go
// by sendBeacon or XMLHttpRequest, and nothing throws into the page.

let n = 0;
const event = (): WireEvent => ({ id: `evt_${String(++n).padStart(6, '0')}`, type: 'page_view', ts: Date.now(), url: 'https://shop.example/', session: 's_1', props: {} });
const make = () => outbox({ site: 'wm_test', endpoint: 'https://collector.test', store: storage('localStorage'), warn: () => {} });
const queued = () => Object.keys(localStorage).filter((key) => key.startsWith('wm_q_wm_test.')).flatMap((key) => JSON.parse(localStorage.getItem(key)!).e);

/** An XMLHttpRequest answering `status` (the collector's 202 body), recording what it sent. */
function recordXhr(status = 202) {
  const bodies: string[] = [];
  class Xhr {
    status = 0;
    response = '';
    onload?: () => void;
    onerror?: () => void;
    open(method: string, url: string) {
      expect([method, url]).toEqual(['POST', 'https://collector.test/v1/collect']);
    }
    getResponseHeader = () => null;
    send(body: string) {
      bodies.push(body);
      this.status = status;
      this.response = JSON.stringify({ accepted: JSON.parse(body).events.length, duplicates: 0, rejected: [] });
      setTimeout(() => this.onload!());
    }
  }
  vi.stubGlobal('XMLHttpRequest', Xhr);
  return bodies;
}

const beaconed: string[] = [];
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  beaconed.length = 0;
  vi.stubGlobal('navigator', Object.create(navigator, { sendBeacon: { value: (_: string, body: string) => beaconed.push(body) > 0 } }));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const broken = {
  missing: undefined,
  'throwing synchronously': () => {
    throw new TypeError('fetch is disabled');
  },
  'a wrapper swallowing keepalive requests': (_: unknown, init: RequestInit) => (init.keepalive ? Promise.resolve(new Response(null, { status: 204 })) : Promise.reject(new Error('unreachable'))),
};

describe('transport', () => {
  for (const [what, fetch] of Object.entries(broken)) {
    test(`fetch ${what} before the SDK started: a live page sends by XHR, and the events leave the queue`, async () => {
      vi.stubGlobal('fetch', fetch);
      const xhr = recordXhr();
      const box = make();
      box.push(event());
      await box.flush();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(xhr).toHaveLength(1);
      expect(beaconed).toHaveLength(0);
      expect(queued()).toEqual([]);
      box.stop();
    });

    test(`fetch ${what}: a page going away sends by beacon, and the batch stays for the next page`, async () => {
      vi.stubGlobal('fetch', fetch);
      const xhr = recordXhr();
      const box = make();
      box.push(event());
      await box.flush(true);
      expect(beaconed).toHaveLength(1);
      expect(xhr).toHaveLength(0);
      expect(queued()).toHaveLength(1);
      box.stop();
    });
  }

  test('a beacon from a page only hidden: the page sends the batch again once overdue, and gets its answer', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', undefined);
    const xhr = recordXhr();
    const box = make();
    box.push(event());
    await box.flush(true);
    expect(beaconed).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(IN_FLIGHT_MS + 1000);
    expect(xhr).toHaveLength(1);
    expect(JSON.parse(xhr[0]!).events[0].id).toBe(JSON.parse(beaconed[0]!).events[0].id);
    expect(queued()).toEqual([]);
    box.stop();
  });

  test('no beacon either: XHR as the page goes away', async () => {
    vi.stubGlobal('fetch', undefined);
    vi.stubGlobal('navigator', Object.create(navigator, { sendBeacon: { value: () => false } }));
    const xhr = recordXhr();
    const box = make();
    box.push(event());
    await box.flush(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(xhr).toHaveLength(1);
    expect(queued()).toEqual([]);
    box.stop();
  });

  test("the browser's fetch is kept when the page replaces it after the SDK started", async () => {
    const { sent } = recordFetch();
    const box = make();
    vi.stubGlobal('fetch', broken['throwing synchronously']);
    box.push(event());
    await box.flush();
    expect(sent).toHaveLength(1);
    expect(queued()).toEqual([]);
    box.stop();
  });

  test('the XHR answer is read like a fetch answer: a 503 keeps the events for a retry', async () => {
    vi.stubGlobal('fetch', undefined);
    const xhr = recordXhr(503);
    const box = make();
    box.push(event());
    await box.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(xhr).toHaveLength(1);
    expect(queued()).toHaveLength(1);
    box.stop();
  });

  test('every transport broken: nothing throws, the events wait', async () => {
    vi.stubGlobal('fetch', broken['throwing synchronously']);
    vi.stubGlobal('navigator', Object.create(navigator, { sendBeacon: { value: broken['throwing synchronously'] } }));
    vi.stubGlobal('XMLHttpRequest', broken['throwing synchronously']);
    const box = make();
    box.push(event());
    await expect(box.flush(true)).resolves.toBeUndefined();
    await expect(box.flush()).resolves.toBeUndefined();
    expect(queued()).toHaveLength(1);
    box.stop();
  });
});
