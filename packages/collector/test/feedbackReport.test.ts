import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertEvents } from '../src/events/queries.ts';
import type { StoredEvent } from '../src/events/storedEvent.ts';
import type { Persona } from '../src/personas/personaRules.ts';
import { localDays } from '../src/lib/timeZone.ts';
import { call, collect, createSite, event, SHOP } from './helpers.ts';
import { bearer } from './exportHelpers.ts';
import { referenceFeedback } from './feedbackReference.ts';
import type { RawEvent } from './rollupReference.ts';

const DAY0 = Date.UTC(2025, 10, 10);
const HOUR = 3_600_000;
/** The start of the last whole hour: events sent live keep their time only when it is in the past. */
const lastHour = () => Math.floor(Date.now() / HOUR) * HOUR - HOUR;
const QUARTER_HOUR = 900_000;
const PROMPTS = ['after_order', 'search', undefined] as const;
const ACTIONS = ['shown', 'shown', 'dismissed'] as const;
const COMMENTS = [undefined, undefined, 'Quick delivery', 'Le paiement était lent', '<b>bold</b> & "quoted"', ''];
const CHANNELS = ['organic_search', 'email', 'direct'] as const;
/** The site's personas: ones the generated histories fall into (a rating is a persona feature). */
const PERSONAS: Persona[] = [
  { key: 'unhappy', name: 'Unhappy', description: 'Rates us 2 or less on average', when: { field: 'avg_feedback_rating', lte: 2 } },
  { key: 'on_mobile', name: 'On mobile', description: 'First seen on a phone', when: { field: 'device', eq: 'mobile' } },
];

/** One generated event: feedback and prompts most of the time, a landing now and then (the channel filter). */
const feedbackEvent = fc.record({
  kind: fc.constantFrom('feedback', 'feedback', 'feedback_prompt', 'feedback_prompt', 'landing', 'page_view'),
  visitor: fc.integer({ min: 0, max: 5 }),
  stage: fc.integer({ min: 1, max: 5 }),
  prompt: fc.constantFrom(...PROMPTS),
  action: fc.constantFrom(...ACTIONS),
  rating: fc.integer({ min: 1, max: 5 }),
  comment: fc.constantFrom(...COMMENTS),
  // Quarter hours over three days, plus a few ms: ties on ts, shared hours and days.
  at: fc.integer({ min: 0, max: 3 * 96 }),
  ms: fc.constantFrom(0, 0, 3),
  channel: fc.constantFrom(...CHANNELS),
  device: fc.constantFrom('mobile', 'desktop'),
});
type FeedbackEvent = typeof feedbackEvent extends fc.Arbitrary<infer T> ? T : never;

function stored(siteId: number, e: FeedbackEvent, id: string): StoredEvent {
  const ts = DAY0 + e.at * QUARTER_HOUR + e.ms;
  const prompt = e.prompt ?? (e.kind === 'feedback_prompt' ? 'anywhere' : undefined);
  const props: Record<string, unknown> | undefined =
    e.kind === 'feedback'
      ? { rating: e.rating, ...(e.comment !== undefined ? { comment: e.comment } : {}), ...(prompt ? { prompt } : {}) }
      : e.kind === 'feedback_prompt'
        ? { prompt, action: e.action }
        : undefined;
  const feedback = e.kind === 'feedback' || e.kind === 'feedback_prompt';
  return {
    siteId,
    id,
    ts,
    receivedAt: ts,
    type: e.kind,
    stage: feedback ? e.stage : e.kind === 'landing' ? 1 : 2,
    visitor: `v${e.visitor}`,
    session: `v${e.visitor}_s${e.at % 3}`,
    url: `https://shop.example/${e.kind}`,
    device: e.device,
    ...(e.kind === 'landing' ? { channel: e.channel } : {}),
    ...(props ? { props: JSON.stringify(props) } : {}),
  };
}

/** The events cut into batches, sent in a shuffled order (late events), some of them twice. */
const history = fc.array(feedbackEvent, { minLength: 1, maxLength: 60, size: 'max' }).chain((events) =>
  fc.record({
    events: fc.constant(events),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, events.length - 1) }), { maxLength: 6 }),
    order: fc.func(fc.integer()),
    replays: fc.array(fc.nat(), { maxLength: 3 }),
  }),
);

const query = fc.record({
  fromHour: fc.integer({ min: -6, max: 60 }),
  hours: fc.integer({ min: 1, max: 80 }),
  tz: fc.constantFrom('UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/Paris'),
  channels: fc.option(fc.subarray([...CHANNELS], { minLength: 1 }), { nil: undefined }),
  devices: fc.option(fc.subarray(['mobile', 'desktop', 'tablet'], { minLength: 1 }), { nil: undefined }),
  personas: fc.option(fc.subarray(['unhappy', 'on_mobile', 'other'], { minLength: 1 }), { nil: undefined }),
});

function batchesOf(rows: StoredEvent[], cuts: number[], order: (i: number) => number, replays: number[]): StoredEvent[][] {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b).filter((c) => c < rows.length), rows.length];
  const batches = bounds.slice(1).map((end, i) => rows.slice(bounds[i], end)).filter((b) => b.length > 0);
  const shuffled = batches.map((b, i) => [order(i), i, b] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , b]) => b);
  return [...shuffled, ...replays.map((r) => shuffled[r % shuffled.length]!)];
}

async function siteIdOf(site: string): Promise<number> {
  return (await env.DB.prepare('SELECT id FROM sites WHERE key = ?1').bind(site).first<{ id: number }>())!.id;
}

async function rawEvents(siteId: number): Promise<RawEvent[]> {
  const { results } = await env.DB.prepare(
    'SELECT ts, id, type, stage, visitor, session, channel, search_engine, country, device, props FROM events WHERE site_id = ?1',
  ).bind(siteId).all<RawEvent>();
  return results;
}

async function feedbackReport(token: string, query: string) {
  const response = await call(`/v1/reports/feedback?${query}`, { headers: bearer(token) });
  expect(response.status, await response.clone().text()).toBe(200);
  return { report: (await response.json()) as Record<string, any>, rowsRead: Number(response.headers.get('X-Rows-Read')) };
}

describe('GET /v1/reports/feedback', () => {
  it('equals the numbers computed from the raw events, whatever the batches, order, replays, range, zone and channel, device and persona filters', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(query, { minLength: 1, maxLength: 3 }), async ({ events, cuts, order, replays }, queries) => {
        const { site, export_token } = await createSite(undefined, { personas: PERSONAS });
        const siteId = await siteIdOf(site);
        const rows = events.map((e, i) => stored(siteId, e, `fb_${i.toString().padStart(3, '0')}`));
        for (const batch of batchesOf(rows, cuts, order, replays)) await insertEvents(env.DB, batch).run();
        const raw = await rawEvents(siteId);
        for (const q of queries) {
          const from = DAY0 + q.fromHour * HOUR;
          const to = from + q.hours * HOUR;
          const params = new URLSearchParams({ from: String(from), to: String(to), tz: q.tz });
          if (q.channels) params.set('channel', q.channels.join(','));
          if (q.devices) params.set('device', q.devices.join(','));
          if (q.personas) params.set('persona', q.personas.join(','));
          const { report } = await feedbackReport(export_token, params.toString());
          const { site: _site, from: _from, to: _to, tz: _tz, channel: _channel, device: _device, persona: _persona, ...figures } = report;
          const personas = q.personas && { keys: q.personas, rules: PERSONAS, now: Date.now() };
          expect(figures).toEqual(referenceFeedback(raw, { from, to, channels: q.channels, devices: q.devices, personas }, localDays(from, to, q.tz)));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('lists hostile comments scrubbed, as plain JSON strings, newest first, with the journey of their visitor', async () => {
    const { site, export_token } = await createSite();
    const markup = '<img src=x onerror="alert(1)"><script>document.cookie</script>';
    const at = lastHour();
    const sent = [
      event({ type: 'feedback', ts: at, anon: 'a_hostile_markup_0001', props: { rating: 1, about: 'purchase', prompt: 'after_order', comment: markup } }),
      event({ type: 'feedback', ts: at + 1000, anon: 'a_hostile_long_000001', props: { rating: 2, about: 'purchase', comment: 'B'.repeat(10_000) } }),
      event({ type: 'feedback', ts: at + 2000, anon: 'a_hostile_mail_000001', props: { rating: 5, comment: 'Call me: jane.doe+shop@mail.example' } }),
      event({ type: 'feedback', ts: at + 3000, anon: 'a_hostile_mail_000001', props: { rating: 4 } }),
    ];
    expect(await (await collect({ site, sent_at: Date.now(), events: sent })).json()).toMatchObject({ accepted: 4 });
    const { report } = await feedbackReport(export_token, `from=${at}&to=${at + 2 * HOUR}`);
    const iso = (ms: number) => new Date(at + ms).toISOString();
    expect(report.comments).toEqual([
      { at: iso(2000), visitor: 'a_hostile_mail_000001', stage: 'loyalty', prompt: null, rating: 5, comment: 'Call me: redacted', journey: '/v1/reports/journey?visitor=a_hostile_mail_000001' },
      { at: iso(1000), visitor: 'a_hostile_long_000001', stage: 'purchase', prompt: null, rating: 2, comment: 'B'.repeat(2000), journey: '/v1/reports/journey?visitor=a_hostile_long_000001' },
      { at: iso(0), visitor: 'a_hostile_markup_0001', stage: 'purchase', prompt: 'after_order', rating: 1, comment: markup, journey: '/v1/reports/journey?visitor=a_hostile_markup_0001' },
    ]);
    const journey = await call(report.comments[0].journey, { headers: bearer(export_token) });
    expect(journey.status).toBe(200);
    expect(report.stages.find((s: { stage: string }) => s.stage === 'purchase')).toMatchObject({ responses: 2, unprompted: 1, shown: 0, response_rate: null, average_rating: 1.5 });
  });

  it('counts a seeded month by reading rollup rows, not events: at most 20 comments, each one event by its key', async () => {
    const { site, export_token } = await createSite();
    const siteId = await siteIdOf(site);
    // 400 visitors over January: each is shown the thank-you prompt; 3 in 4 answer, 1 in 4
    // dismiss, half the answers with a comment; each also leaves 3 page views.
    const rows: StoredEvent[] = [];
    for (let v = 0; v < 400; v++) {
      const ts = Date.UTC(2025, 0, 1) + v * 6_600_000;
      const base = { siteId, receivedAt: ts, visitor: `v${v}`, session: `s${v}`, url: `${SHOP}/checkout/thank_you` };
      for (let p = 0; p < 3; p++) rows.push({ ...base, id: `pv_${v}_${p}`, ts: ts + p, type: 'page_view', stage: 2 });
      rows.push({ ...base, id: `sh_${v}`, ts: ts + 10, type: 'feedback_prompt', stage: 4, props: JSON.stringify({ prompt: 'after_order', about: 'purchase', action: 'shown' }) });
      const answer = v % 4 !== 3;
      const props = answer
        ? { rating: (v % 5) + 1, about: 'purchase', prompt: 'after_order', ...(v % 2 === 0 ? { comment: `Order ${v} went fine` } : {}) }
        : { prompt: 'after_order', about: 'purchase', action: 'dismissed' };
      rows.push({ ...base, id: `an_${v}`, ts: ts + 20, type: answer ? 'feedback' : 'feedback_prompt', stage: 4, props: JSON.stringify(props) });
    }
    for (let i = 0; i < rows.length; i += 100) await insertEvents(env.DB, rows.slice(i, i + 100)).run();
    const { report, rowsRead } = await feedbackReport(export_token, 'from=2025-01-01&to=2025-02-01');
    const purchase = report.stages.find((s: { stage: string }) => s.stage === 'purchase');
    expect(purchase).toMatchObject({ responses: 300, shown: 400, dismissed: 100, response_rate: 0.75, unprompted: 0 });
    expect(report.prompts).toHaveLength(1);
    expect(report.comments).toHaveLength(20);
    expect(report.comments[0]).toMatchObject({ visitor: 'v398', comment: 'Order 398 went fine' });
    expect(report.days).toHaveLength(31);
    // 2 000 events; 400 rollup rows (one per visitor, hour, stage and prompt) read once and
    // once more by the grouping sort, then 20 comments and their 20 events (901 today).
    expect(rowsRead).toBeLessThan(1000);
  });

  it('keeps only the visitors of a persona, channel or device filter', async () => {
    const { site, export_token } = await createSite();
    const at = lastHour();
    const sent = [
      event({ type: 'landing', ts: at, anon: 'a_from_email_00000001', session: 's_e', url: `${SHOP}/?utm_medium=email&utm_source=news` }),
      event({ type: 'feedback', ts: at + 10, anon: 'a_from_email_00000001', session: 's_e', props: { rating: 5, about: 'decision' } }),
      event({ type: 'landing', ts: at, anon: 'a_direct_00000000001', session: 's_d' }),
      event({ type: 'feedback', ts: at + 10, anon: 'a_direct_00000000001', session: 's_d', props: { rating: 1, about: 'decision', comment: 'slow' } }),
    ];
    await collect({ site, sent_at: Date.now(), events: sent });
    const range = `from=${at}&to=${at + 2 * HOUR}`;
    const all = (await feedbackReport(export_token, range)).report;
    expect(all).toMatchObject({ responses: 2, average_rating: 3 });
    const email = (await feedbackReport(export_token, `${range}&channel=email`)).report;
    expect(email).toMatchObject({ channel: ['email'], responses: 1, average_rating: 5, comments: [] });
    const other = (await feedbackReport(export_token, `${range}&persona=other`)).report;
    expect(other).toMatchObject({ persona: ['other'], responses: 2 });
  });

  it('answers a clear 400 for a range off the whole hour, an unknown filter value or parameter', async () => {
    const { export_token } = await createSite();
    for (const [query, reason] of [
      ['from=2025-11-12T09:30Z&to=2025-11-13', /not on a whole hour/],
      ['from=2025-11-12&to=2025-11-13&device=watch', /device/],
      ['from=2025-11-12&to=2025-11-13&stage=purchase', /stage/],
      ['to=2025-11-13', /from is required/],
    ] as const) {
      const response = await call(`/v1/reports/feedback?${query}`, { headers: bearer(export_token) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(reason);
    }
    expect((await call('/v1/reports/feedback?from=2025-11-12&to=2025-11-13')).status).toBe(401);
  });
});
