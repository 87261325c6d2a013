import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startCollector, type LocalCollector } from './localCollector.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
/** Screenshots land here (git-ignored), to be looked at. */
const SHOTS = process.env.WAYMARK_SHOTS ?? join(tmpdir(), 'waymark-map-flows');
let collector: LocalCollector;
let browser: BrowserContext;
let profile: string;
let shop: { site: string; export_token: string };
let big: { site: string; export_token: string };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const FROM = day(Date.now() - DAY);
const TO = day(Date.now() + DAY);
const product = (id: string) => ({ props: { product: { id, price: 25, currency: 'EUR', quantity: 1 } } });

/**
 * A visit: its touchpoint types in order, a second apart, `at` ms ago. Types with a product
 * or an order get the props the collector requires.
 */
function visit(visitor: string, session: string, at: number, types: string[]) {
  return types.map((type, i) => ({
    id: `${session}_${i}_evt`,
    type,
    ts: Date.now() - at + i * 20_000,
    url: `https://shop.example/${type}`,
    anon: visitor,
    session,
    ...(type === 'product_view' || type === 'cart_add' ? product('SKU-1') : {}),
    ...(type === 'order_complete' ? { props: { order_id: `O-${session}`, revenue: 50, currency: 'EUR' } } : {}),
    ...(type === 'site_search' ? { props: { query: 'shirt' } } : {}),
    ...(i === 0 && Number(visitor.slice(-1)) % 2 === 0 ? { ref: 'https://www.google.com/' } : {}),
  }));
}

/**
 * This period (the last hours): 24 visits — 6 bounce, 6 view a product and leave, 4 loop
 * product → list → product and add to cart, 4 buy, 2 search and buy, 2 track an order.
 * The previous period (3 days ago): 10 visits — 5 bounce, 5 view a product and leave.
 */
function seeded() {
  const plan: [number, string[]][] = [
    [6, ['landing']],
    [6, ['landing', 'product_view']],
    [4, ['landing', 'product_view', 'product_list_view', 'product_view', 'cart_add']],
    [4, ['landing', 'product_list_view', 'product_view', 'cart_add', 'checkout_start', 'order_complete']],
    [2, ['landing', 'site_search', 'product_view', 'cart_add', 'checkout_start', 'order_complete']],
    [2, ['order_tracking_view']],
  ];
  const events: Record<string, unknown>[] = [];
  let n = 0;
  for (const [count, types] of plan) for (let i = 0; i < count; i++, n++) events.push(...visit(`a_fl_${n}`, `s_fl_${n}`, HOUR + n * 60_000, types));
  for (let i = 0; i < 10; i++) events.push(...visit(`a_fl_old_${i}`, `s_fl_old_${i}`, 3 * DAY, i < 5 ? ['landing'] : ['landing', 'product_view']));
  return events;
}

/** 5,000 visitors, one visit each, in the shapes a shop sees (bounces, browsing, loops, carts, orders). */
function fiveThousand() {
  const shapes = [
    ['landing'],
    ['landing', 'product_list_view', 'product_view'],
    ['landing', 'product_view', 'product_list_view', 'product_view', 'product_view'],
    ['landing', 'site_search', 'product_view', 'cart_add'],
    ['landing', 'product_view', 'cart_add', 'checkout_start'],
    ['landing', 'product_list_view', 'product_view', 'cart_add', 'checkout_start', 'order_complete'],
    ['landing', 'product_view', 'account_view'],
    ['order_tracking_view', 'account_view'],
  ];
  const events: Record<string, unknown>[] = [];
  for (let v = 0; v < 5000; v++) events.push(...visit(`a_big_${v}`, `s_big_${v}`, 2 * HOUR + (v % 3600) * 1000, shapes[(v * 7) % shapes.length]!));
  return events;
}

async function createShop(name: string) {
  const created = await fetch(`${collector.base}/v1/admin/sites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${collector.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, origins: ['https://shop.example'] }),
  });
  return (await created.json()) as { site: string; export_token: string };
}

async function send(site: string, events: Record<string, unknown>[]) {
  for (let i = 0; i < events.length; i += 100) {
    const batch = events.slice(i, i + 100);
    const response = await fetch(`${collector.base}/v1/collect`, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'User-Agent': BROWSER_UA }, body: JSON.stringify({ site, events: batch }) });
    expect(await response.json()).toMatchObject({ accepted: batch.length, rejected: [] });
  }
}

async function api(token: string, query: string) {
  const response = await fetch(`${collector.base}/v1/reports/flows?${query}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}

async function drawMap(page: Page, token: string, query: string) {
  await page.goto(`${collector.base}/map?${query}`);
  await page.fill('#token', token);
  await page.click('#controls button[type=submit]');
  await page.waitForSelector('body[data-flows-drawn]');
}

beforeAll(async () => {
  // The bench environment's roomy rate limits: the 5,000 visitors arrive in 200 requests.
  collector = await startCollector({ env: 'bench' });
  shop = await createShop('Flows shop');
  big = await createShop('Big shop');
  await send(shop.site, seeded());
  await send(big.site, fiveThousand());
  profile = mkdtempSync(join(tmpdir(), 'waymark-chromium-'));
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await collector?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('journey map flows', () => {
  it('draws the seeded flows with the API’s numbers, the previous period’s changes, exits and loops', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const urls: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => urls.push(request.url()));
    await drawMap(page, shop.export_token, `from=${FROM}&to=${TO}&tz=UTC&compare=1`);

    const report = await api(shop.export_token, `from=${FROM}&to=${TO}&tz=UTC`);
    expect(report).toMatchObject({ visits: 24, purchases: 6 });
    const drawn = await page.$$eval('#flow-diagram [data-node]', (gs) => gs.map((g) => [g.getAttribute('data-node'), Number(g.getAttribute('data-visits')), Number(g.getAttribute('data-exits'))]));
    expect(drawn.sort()).toEqual(report.nodes.map((n: any) => [`${n.stage}:${n.type}`, n.visits, n.exits]).sort());
    expect(await page.textContent('[data-node="awareness:landing"] [data-role=figures]')).toBe('22 visits · 6 exits (27.3%) ');
    expect(await page.textContent('[data-node="consideration:product_view"] [data-role=figures]')).toBe('16 visits · 6 exits (37.5%) ');
    // The previous period: 10 landings, 5 exits there.
    expect(await page.textContent('[data-node="awareness:landing"] [data-role=delta]')).toBe('+12 visits · +1 exits vs before');
    expect(await page.textContent('[data-node="decision:cart_add"] [data-role=delta]')).toBe('new visits · new exits vs before');
    expect(await page.getAttribute('[data-flow-figure=visits]', 'data-value')).toBe('24');
    expect(await page.textContent('[data-flow-figure=visits] small')).toBe(' (+14 vs previous period)');
    // Forward links are drawn; the loop (product → list → product) is not, it is listed apart.
    const links = await page.$$eval('#flow-diagram [data-link]', (ps) => ps.map((p) => p.getAttribute('data-link')));
    expect(links).toContain('consideration:product_view>decision:cart_add');
    expect(links).not.toContain('consideration:product_view>consideration:product_list_view');
    // Friction: the abandoned carts' value on the decision lane.
    expect(await page.locator('#flow-diagram [data-lane=decision] [data-friction=carts]').count()).toBe(1);
    expect(await page.textContent('#flow-paths [data-path="0"]')).toMatch(/^landing → product list view → product view → cart add → checkout start → order complete4/);

    // The table view: every chart as tables, the loops among them.
    await page.click('#flow-view');
    expect(await page.isVisible('#flow-tables')).toBe(true);
    expect(await page.isHidden('#flow-chart')).toBe(true);
    expect(await page.locator('#flow-tables [data-node-row]').count()).toBe(report.nodes.length);
    const loops = await page.$$eval('#flow-tables tr[data-loop]', (rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent)));
    // With the comparison every count has its change: moves, loops, paths, time and visits to purchase.
    const previous = await api(shop.export_token, `from=${day(Date.parse(FROM) - (Date.parse(TO) - Date.parse(FROM)))}&to=${FROM}&tz=UTC`);
    const change = (now: number, was: number | undefined) => (was === undefined ? 'new' : now > was ? `+${now - was}` : now < was ? `−${was - now}` : '±0');
    const loopBefore = previous.links.find((l: any) => l.from.type === 'product_view' && l.to.type === 'product_list_view')?.visits;
    expect(loops).toContainEqual(['product view (consideration)', 'product list view (consideration)', 'within', '4', change(4, loopBefore), '4']);
    const path = report.paths_to_purchase.top[0];
    const pathBefore = previous.paths_to_purchase.top.find((p: any) => p.path.join(' ') === path.path.join(' '))?.visits;
    expect(await page.textContent('#flow-paths [data-path="0"]')).toContain(`order complete${path.visits}${change(path.visits, pathBefore)}`);
    const bucket = report.time_to_purchase.distribution.find((d: any) => d.label === 'under 5 min');
    const bucketBefore = previous.time_to_purchase.distribution.find((d: any) => d.label === 'under 5 min')?.buyers ?? 0;
    expect(await page.textContent('#flow-purchase-tables')).toContain(`under 5 min${bucket.buyers}${change(bucket.buyers, bucketBefore)}`);
    expect(await page.textContent('#flow-purchase-tables caption')).toMatch(/^Time to purchase \(median .+, was .+\)$/);
    expect(page.url()).toMatch(/compare=1/);
    expect(page.url()).toMatch(/view=table/);
    await page.click('#flow-view');

    // Breakdown by channel: Google landings (even visitors) apart from direct ones.
    await page.selectOption('#flow-breakdown-by', 'channel');
    await page.waitForSelector('#flow-breakdown table[data-breakdown=channel]');
    const segments = await page.$$eval('#flow-breakdown tr[data-segment]', (rows) => rows.map((r) => r.getAttribute('data-segment')));
    const organic = await api(shop.export_token, `from=${FROM}&to=${TO}&tz=UTC&channel=organic_search`);
    expect(segments).toContain('organic_search');
    expect(await page.textContent('#flow-breakdown tr[data-segment=organic_search] td')).toBe(String(organic.visits));
    expect(page.url()).toMatch(/breakdown=channel/);

    const shot = join(SHOTS, 'map-flows.png');
    await page.locator('#flows').screenshot({ path: shot });
    console.log(`journey map flows screenshot: ${shot}`);

    // Pictures: the diagram as SVG and as PNG.
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('#flow-svg')]);
    expect(readFileSync((await svgFile.path())!, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*product view[\s\S]*<\/svg>$/);
    const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('#flow-png')]);
    expect(readFileSync((await pngFile.path())!).subarray(1, 4).toString()).toBe('PNG');

    expect(problems, problems.join('\n')).toEqual([]);
    expect(urls.some((url) => url.includes(shop.export_token))).toBe(false);
    expect(page.url()).not.toContain(shop.export_token);
    await page.close();
  });

  it('goes through the nodes by keyboard, opens one, its visitors and a journey; no accessibility violation', async () => {
    const page = await browser.newPage();
    await drawMap(page, shop.export_token, `from=${FROM}&to=${TO}&tz=UTC`);
    // Tab from the flow controls' last link into the diagram: one node is in the tab order.
    await page.focus('#flow-link');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? document.activeElement?.id ?? '');
    expect(await focused()).toBe('awareness:landing');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(/^consideration:/);
    const first = await focused();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).not.toBe(first);
    expect(await focused()).toMatch(/^consideration:/);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(/^decision:/);
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown']) if ((await focused()) !== 'decision:cart_add') await page.keyboard.press(key);
    expect(await focused()).toBe('decision:cart_add');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#flow-node[data-open-node="decision:cart_add"]:not([hidden])');
    expect(await page.textContent('#flow-node [data-fact="exits (visits that ended here)"]')).toBe('4 (40%)');
    await page.click('#flow-node [data-role=load-visitors]');
    await page.waitForSelector('#flow-node [data-visitor]');
    expect(await page.locator('#flow-node [data-visitor]').count()).toBe(10);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#flow-node [data-role=journey]:not([hidden])');
    expect(JSON.parse((await page.textContent('#flow-node [data-role=journey]'))!).visitor).toMatch(/^a_fl_/);

    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => (await (window as any).axe.run(document)).violations.map((v: any) => `${v.id}: ${v.help} at ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`));
    expect(violations).toEqual([]);
    await page.close();
  });

  it('draws 5,000 visitors’ flows in under a second', async () => {
    const page = await browser.newPage();
    await drawMap(page, big.export_token, `from=${FROM}&to=${TO}&tz=UTC`);
    const report = await api(big.export_token, `from=${FROM}&to=${TO}&tz=UTC`);
    expect(report.visitors).toBe(5000);
    expect(await page.getAttribute('[data-flow-figure=visitors]', 'data-value')).toBe('5000');
    // Fetched and drawn again, timed by the page: the report's answer and the diagram.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => document.body.removeAttribute('data-flows-drawn'));
      await page.click('#flow-controls button[type=submit]');
      await page.waitForSelector('body[data-flows-drawn]');
      times.push(Number(await page.getAttribute('body', 'data-flows-drawn')));
    }
    console.log(`5,000 visitors' flows drawn in ${times.join(', ')} ms`);
    expect(Math.min(...times)).toBeLessThan(1000);
    const shot = join(SHOTS, 'map-flows-5000.png');
    await page.locator('#flows').screenshot({ path: shot });
    console.log(`5,000 visitors screenshot: ${shot}`);
    await page.close();
  });
});
