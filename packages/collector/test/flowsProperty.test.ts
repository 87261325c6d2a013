import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertEvents } from '../src/events/queries.ts';
import type { StoredEvent } from '../src/events/storedEvent.ts';
import { call, createSite } from './helpers.ts';
import { bearer } from './exportHelpers.ts';
import { referenceFlows, type RawTouch } from './flowsReference.ts';

const DAY0 = Date.UTC(2025, 11, 1);
const TEN_MINUTES = 600_000;
const HOUR = 3_600_000;

/** Few types, visitors and visits so that loops, repeats, shared paths and equal timestamps are common. */
const TYPES = [
  ['landing', 1], ['product_list_view', 2], ['product_view', 2], ['cart_add', 3], ['checkout_start', 3],
  ['order_complete', 4], ['order_tracking_view', 5], ['feedback', 3], ['feedback', 5], ['size_guide_open', 2],
  ['web_vitals', 2], ['feedback_prompt', 4],
] as const;
const DEVICES = ['mobile', 'desktop', 'tablet'] as const;

const touchpoint = fc.record({
  visitor: fc.integer({ min: 0, max: 3 }),
  visit: fc.integer({ min: 0, max: 2 }),
  kind: fc.integer({ min: 0, max: TYPES.length - 1 }),
  at: fc.integer({ min: 0, max: 6 * 30 }),
  ms: fc.constantFrom(0, 0, 1, 7),
});

const shop = fc.record({
  touchpoints: fc.array(touchpoint, { minLength: 1, maxLength: 60, size: 'max' }),
  order: fc.func(fc.integer()),
  batch: fc.integer({ min: 1, max: 12 }),
  replays: fc.array(fc.nat(), { maxLength: 3 }),
});

const query = fc.record({
  fromHour: fc.integer({ min: -2, max: 28 }),
  hours: fc.integer({ min: 1, max: 32 }),
  start: fc.option(fc.constantFrom('landing', 'product_view', 'cart_add'), { nil: undefined }),
  end: fc.option(fc.constantFrom('product_view', 'order_complete', 'feedback'), { nil: undefined }),
  steps: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  device: fc.option(fc.constantFrom(...DEVICES), { nil: undefined }),
});

/** A visitor keeps one device, so "used this device in the range" is "has a touchpoint in the range". */
function stored(siteId: number, t: typeof touchpoint extends fc.Arbitrary<infer T> ? T : never, index: number): StoredEvent {
  const [type, stage] = TYPES[t.kind]!;
  const props: Record<string, unknown> = {
    product_view: { product: { id: 'SKU-1' } },
    cart_add: { product: { id: 'SKU-1' } },
    web_vitals: { lcp: 1800, page_type: 'product_view' },
    feedback_prompt: { prompt: 'p', about: 'purchase', action: 'shown' },
  };
  return {
    siteId,
    id: `e_${index.toString().padStart(4, '0')}`,
    ts: DAY0 + t.at * TEN_MINUTES + t.ms,
    receivedAt: DAY0,
    type,
    stage,
    visitor: `v${t.visitor}`,
    session: `v${t.visitor}_s${t.visit}`,
    url: `https://shop.example/${type}`,
    device: DEVICES[t.visitor % DEVICES.length],
    ...(props[type] ? { props: JSON.stringify(props[type]) } : {}),
  };
}

describe('GET /v1/reports/flows, property', () => {
  it('equals the flows computed from raw events, whatever the batches, order, replays, range, start, end, steps and device', async () => {
    await fc.assert(
      fc.asyncProperty(shop, fc.array(query, { minLength: 1, maxLength: 3 }), async ({ touchpoints, order, batch, replays }, queries) => {
        const { site, export_token } = await createSite();
        const siteId = (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(site).first<{ id: number }>())!.id;
        const rows = touchpoints.map((t, i) => stored(siteId, t, i));
        const batches: StoredEvent[][] = [];
        for (let i = 0; i < rows.length; i += batch) batches.push(rows.slice(i, i + batch));
        const shuffled = batches.map((b, i) => [order(i), i, b] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , b]) => b);
        for (const b of [...shuffled, ...replays.map((r) => shuffled[r % shuffled.length]!)]) await insertEvents(env.DB, b).run();
        const { results: raw } = await env.DB.prepare('SELECT id, ts, type, stage, visitor, session, device FROM events WHERE site_id = ?1')
          .bind(siteId)
          .all<RawTouch & { device: string }>();

        for (const q of queries) {
          const from = DAY0 + q.fromHour * HOUR;
          const to = from + q.hours * HOUR;
          const params = new URLSearchParams({ from: String(from), to: String(to) });
          if (q.start) params.set('start', q.start);
          if (q.end) params.set('end', q.end);
          if (q.steps) params.set('steps', String(q.steps));
          if (q.device) params.set('device', q.device);
          const response = await call(`/v1/reports/flows?${params}`, { headers: bearer(export_token) });
          expect(response.status).toBe(200);
          const report = (await response.json()) as Record<string, any>;

          const inRange = raw.filter((e) => e.ts >= from && e.ts < to && e.type !== 'web_vitals' && e.type !== 'feedback_prompt');
          const visitors = q.device ? new Set(inRange.filter((e) => e.device === q.device).map((e) => e.visitor)) : undefined;
          const expected = referenceFlows(raw, { from, to, visitors }, { start: q.start, end: q.end, steps: q.steps ?? 20 });

          expect(report).toMatchObject({ visits: expected.visits, visitors: expected.visitors, purchases: expected.purchases });
          expect(report.nodes.map(({ share: _s, exit_rate: _e, ...n }: any) => n)).toEqual(expected.nodes);
          const links = report.links.map((l: any) => ({ from: `${stageNumber(l.from.stage)}:${l.from.type}`, to: `${stageNumber(l.to.stage)}:${l.to.type}`, visits: l.visits, transitions: l.transitions }));
          expect(sortMoves(links)).toEqual(sortMoves(expected.moves));
          const paths = report.paths_to_purchase;
          const listed = [...paths.top.map((p: any) => ({ path: p.path.join(' '), visits: p.visits }))];
          for (const p of listed) expect(expected.purchasePaths.filter((e) => e === p.path).length).toBe(p.visits);
          expect(listed.reduce((a: number, p: any) => a + p.visits, 0) + paths.other.visits).toBe(expected.purchases);
          expect(new Set(expected.purchasePaths).size).toBe(paths.top.length + paths.other.paths);
          expect(report.time_to_purchase.buyers).toBe(expected.timeToPurchase.length);
          expect(report.visits_to_purchase.buyers).toBe(expected.visitsToPurchase.length);
          expect(report.time_to_purchase.distribution.reduce((a: number, d: any) => a + d.buyers, 0)).toBe(expected.timeToPurchase.length);
          if (expected.timeToPurchase.length > 0) {
            expect(report.time_to_purchase.median_ms).toBe(middle(expected.timeToPurchase));
            expect(report.visits_to_purchase.median).toBe(middle(expected.visitsToPurchase));
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

const stageNumber = (stage: string) => ['awareness', 'consideration', 'decision', 'purchase', 'loyalty'].indexOf(stage) + 1;
const sortMoves = <T extends { from: string; to: string }>(moves: T[]) => [...moves].sort((a, b) => (`${a.from}>${a.to}` < `${b.from}>${b.to}` ? -1 : 1));
const middle = (sorted: number[]) => (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.floor(sorted.length / 2)]!) / 2;
