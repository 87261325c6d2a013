import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startCollector, type LocalCollector } from './localCollector.ts';

const DAY = 86_400_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let collector: LocalCollector;
let browser: BrowserContext;
let profile: string;
let shop: { site: string; export_token: string };

const HOSTILE = '<img src=x onerror="document.title=1"><b>Great</b> shop, mail me at jane.doe@mail.example';

/**
 * A seeded shop, 21 visitors this morning:
 *  8 land only · 6 go on to a product · 3 add to cart and leave (25 EUR each)
 *  2 buy (50 EUR) · 1 buys and comes back to track the order · 1 returning customer tracks an order.
 * Landings: visitors 0–9 from Google, 10–14 from an e-mail campaign, 15–19 direct.
 */
function seededEvents(now: number) {
  const events: Record<string, unknown>[] = [];
  const furthest = [...Array(8).fill(1), ...Array(6).fill(2), ...Array(3).fill(3), ...Array(2).fill(4), 5];
  furthest.forEach((stage, v) => {
    let step = 0;
    const add = (type: string, extra: Record<string, unknown> = {}, visit = 1) => {
      step += 1;
      events.push({ id: `e2e_${v}_${step}_evt`, type, ts: now - 3_600_000 + v * 60_000 + step * 1000, url: `https://shop.example/${type}`, anon: `a_e2e_${v}`, session: `s_e2e_${v}_${visit}`, ...extra });
    };
    const from = v < 10 ? { ref: 'https://www.google.com/' } : v < 15 ? { url: 'https://shop.example/?utm_source=nl&utm_medium=email' } : {};
    add('landing', from);
    if (stage >= 2) {
      add('product_view', { props: { product: { id: 'SKU-7', price: 25, currency: 'EUR' } } });
      add('web_vitals', { props: { lcp: 1000 + v * 100, inp: 80, cls: 0.05, page_type: 'product_view' } });
    }
    if (stage >= 3) add('cart_add', { props: { product: { id: 'SKU-7', price: 25, currency: 'EUR', quantity: 1 } } });
    if (stage >= 4) add('order_complete', { props: { order_id: `E2E-${v}`, revenue: 50, currency: 'EUR' } });
    if (stage >= 5) add('order_tracking_view', { props: { order_id: `E2E-${v}` } }, 2);
  });
  // Feedback: the three buyers were each shown the thank-you prompt and answered it (4, 5 and
  // a hostile comment; 2 about the tracking page); visitor 0 was shown it on landing and closed it.
  const feedback = (v: number, step: number, type: string, props: Record<string, unknown>) =>
    events.push({ id: `e2e_fb_${v}_${step}_evt`, type, ts: now - 3_600_000 + v * 60_000 + 30_000 + step * 100, url: 'https://shop.example/thank_you', anon: `a_e2e_${v}`, session: `s_e2e_${v}_1`, props });
  for (const v of [17, 18, 19]) feedback(v, 0, 'feedback_prompt', { prompt: 'after_order', about: 'purchase', action: 'shown' });
  feedback(17, 1, 'feedback', { rating: 4, about: 'purchase', prompt: 'after_order', comment: HOSTILE });
  feedback(18, 1, 'feedback', { rating: 5, about: 'purchase', prompt: 'after_order' });
  feedback(19, 1, 'feedback', { rating: 2, about: 'loyalty', comment: 'The tracking page was slow' });
  feedback(0, 0, 'feedback_prompt', { prompt: 'welcome', about: 'awareness', action: 'shown' });
  feedback(0, 1, 'feedback_prompt', { prompt: 'welcome', about: 'awareness', action: 'dismissed' });
  events.push({ id: 'e2e_returning_1_evt', type: 'order_tracking_view', ts: now - 60_000, url: 'https://shop.example/orders/9', anon: 'a_e2e_returning', session: 's_e2e_returning' });
  return events;
}

beforeAll(async () => {
  collector = await startCollector();
  const created = await fetch(`${collector.base}/v1/admin/sites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${collector.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'E2E shop', origins: ['https://shop.example'] }),
  });
  shop = (await created.json()) as typeof shop;
  const events = seededEvents(Date.now());
  // A browser's user agent: Node's own is a bot to the collector, which would drop the events.
  const headers = { 'Content-Type': 'text/plain', 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36' };
  const response = await fetch(`${collector.base}/v1/collect`, { method: 'POST', headers, body: JSON.stringify({ site: shop.site, events }) });
  expect(await response.json()).toEqual({ accepted: events.length, duplicates: 0, rejected: [] });
  profile = mkdtempSync(join(tmpdir(), 'waymark-chromium-'));
  // A fresh profile: the persistent context is how playwright takes --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await collector?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

describe('journey map', () => {
  it('draws the seeded shop’s funnel from the report API', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const urls: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => urls.push(request.url()));

    await page.goto(`${collector.base}/map`);
    const today = new Date();
    await page.fill('#from', new Date(today.getTime() - DAY).toISOString().slice(0, 10));
    await page.fill('#to', new Date(today.getTime() + DAY).toISOString().slice(0, 10));
    await page.fill('#tz', 'UTC');
    await page.fill('#token', shop.export_token);
    await page.click('button[type=submit]');
    await page.waitForSelector('body[data-drawn=true]');

    const reached = await page.$$eval('#funnel [data-stage]', (groups) => groups.map((g) => [g.getAttribute('data-stage'), g.querySelector('[data-role=reached]')!.textContent]));
    expect(reached).toEqual([['awareness', '21'], ['consideration', '13'], ['decision', '7'], ['purchase', '4'], ['loyalty', '2']]);
    const drops = await page.$$eval('#funnel [data-drop-off]', (groups) => groups.map((g) => g.textContent));
    expect(drops).toEqual([
      '61.9% go on ↓−8 dropped off (38.1%)',
      '53.8% go on ↓−6 dropped off (46.2%)',
      '57.1% go on ↓−3 dropped off (42.9%)',
      '50% go on ↓−2 dropped off (50%)',
    ]);
    expect(await text(page, '[data-touchpoints=consideration] [data-type=product_view] span')).toBe('12 · 12 visitors');
    expect(await text(page, '[data-touchpoints=decision] [data-type=cart_add] span')).toBe('6 · 6 visitors');
    const channels = await page.$$eval('#channels [data-channel]', (groups) => groups.map((g) => [g.getAttribute('data-channel'), g.getAttribute('data-landings')]));
    expect(channels).toEqual([['organic_search', '10'], ['direct', '5'], ['email', '5']]);
    expect(await page.getAttribute('#channels [data-search-engine=google]', 'data-landings')).toBe('10');
    expect(await text(page, '[data-figure=abandoned] b')).toBe('3');
    expect(await text(page, '[data-figure=abandoned-value] b')).toBe('€75.00');
    expect(await text(page, '[data-figure=revenue] b')).toBe('€150.00');
    expect(await text(page, '[data-figure=orders] b')).toBe('3');
    // Medians of LCP 1800…3000 step 100 (visitors 8–19 viewed a product): 2350 ms; p75 (rank 9) 2600.
    expect(await text(page, '[data-vitals=consideration] [data-metric=lcp]')).toBe('2,350 ms · 2,600');

    // Feedback per stage, and what shoppers say: the hostile comment as text, scrubbed.
    const ratings = await page.$$eval('#touchpoints [data-feedback]', (lines) => lines.map((l) => [l.getAttribute('data-feedback'), l.textContent]));
    expect(ratings).toEqual([
      ['awareness', 'no rating yet'],
      ['consideration', 'no rating yet'],
      ['decision', 'no rating yet'],
      ['purchase', '★ 4.5 / 5 · 2 responses'],
      ['loyalty', '★ 2.0 / 5 · 1 response'],
    ]);
    const said = await page.$$eval('#comments blockquote', (quotes) => quotes.map((q) => q.textContent));
    expect(said).toEqual(['The tracking page was slow', '<img src=x onerror="document.title=1"><b>Great</b> shop, mail me at redacted']);
    expect(await page.locator('#comments img, #comments b').count()).toBe(0);
    expect(await page.getAttribute('[data-comment-visitor=a_e2e_17] a', 'href')).toBe('/v1/reports/journey?visitor=a_e2e_17');
    await page.click('[data-comment-visitor=a_e2e_17] a');
    await page.waitForSelector('#journey-json:not([hidden])');
    expect(JSON.parse((await text(page, '#journey-json'))!)).toMatchObject({ visitor: 'a_e2e_17' });
    expect(await page.title()).toBe('Waymark · journey map');

    const shots = mkdtempSync(join(tmpdir(), 'waymark-map-'));
    const path = join(shots, 'map.png');
    await page.screenshot({ path, fullPage: true });
    console.log(`journey map screenshot: ${path}`);

    expect(problems, problems.join("\n")).toEqual([]);
    expect(urls.some((url) => url.includes(shop.export_token))).toBe(false);

    // The token stays for the tab: a reload draws again without typing it.
    await page.reload();
    await page.waitForSelector('body[data-drawn=true]');
    expect(await page.inputValue('#token')).toBe(shop.export_token);
    await page.close();
  });

  it('says so when the token is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.base}/map`);
    await page.fill('#token', 'wm_exp_wrong');
    await page.click('button[type=submit]');
    await page.waitForSelector('#status.error');
    expect(await text(page, '#status')).toMatch(/That token was not accepted: invalid export token/);
    await page.close();
  });

  it('compares the personas and redraws the map for one, by keyboard only, with no accessibility violation', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.base}/map?from=${new Date(Date.now() - DAY).toISOString().slice(0, 10)}&to=${new Date(Date.now() + DAY).toISOString().slice(0, 10)}&tz=UTC`);
    await page.focus('#token');
    await page.keyboard.type(shop.export_token);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-drawn=true]');

    // Default personas over the seeded shop: the 3 buyers added to the cart seconds after one
    // product (impulse buyers), the 6 who only viewed a product are window shoppers, the rest other.
    const rows = await page.$$eval('#persona-table tr[data-persona]', (trs) => trs.map((tr) => [tr.getAttribute('data-persona'), tr.getAttribute('data-visitors')]));
    expect(rows.filter(([, visitors]) => visitors !== '0')).toEqual([['impulse_buyer', '3'], ['window_shopper', '6'], ['other', '12']]);
    expect(await text(page, '#persona-table tr[data-persona=impulse_buyer] td[data-stage=purchase]')).toBe('3');
    const options = await page.$$eval('#persona option', (list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(options.slice(0, 2)).toEqual(['', 'loyal_customer']);
    expect(options.at(-1)).toBe('other');

    // Keyboard only: from the token field, Tab through the form to the persona choice.
    await page.focus('#token');
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'persona'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('persona');
    await page.keyboard.type('Impulse');
    expect(await page.inputValue('#persona')).toBe('impulse_buyer');
    // Past the device choice to the submit button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#funnel [data-stage=awareness]')?.getAttribute('data-reached') === '3');
    expect(await text(page, '#status')).toMatch(/persona impulse_buyer/);

    const shots = mkdtempSync(join(tmpdir(), 'waymark-map-'));
    await page.screenshot({ path: join(shots, 'map-personas.png'), fullPage: true });
    console.log(`journey map with personas: ${join(shots, 'map-personas.png')}`);

    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => (await (window as any).axe.run(document)).violations.map((v: any) => `${v.id}: ${v.help} at ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`));
    expect(violations).toEqual([]);
    await page.close();
  });
});
