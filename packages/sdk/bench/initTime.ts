/**
 * Main-thread time of waymark.js (`init` + auto-capture: parse, compile, run, its timers,
 * idle callbacks and listeners) on a Shopify product page in headless Chromium, from the
 * browser's own trace, median of 20 fresh loads — and, as the baseline in the same run, a
 * one-line pageview beacon (what a minimal tracker does) on the same page, measured the
 * same way. Run `pnpm build` first.
 */
import type { Page } from 'playwright-core';
import { createCaptureServer } from '../test/captureServer.ts';
import { launchChromium } from '../test/chromium/launch.ts';
import { serveBundles, shopPage } from '../test/chromium/pages.ts';
import { shopifyProduct } from '../test/fixtures/shopify.ts';

const LOADS = 20;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** Milliseconds of main-thread work attributed to `script`, nested events counted once. */
function scriptTime(events: TraceEvent[], script: RegExp): number {
  const ours = events
    .filter((event) => event.ph == 'X' && event.dur && /^(?:EvaluateScript|FunctionCall|v8\.compile|TimerFire|FireIdleCallback)$/.test(event.name) && script.test(event.args?.data?.url ?? ''))
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  const ends = new Map<number, number>();
  for (const event of ours) {
    if (event.ts < (ends.get(event.tid) ?? 0)) continue;
    total += event.dur!;
    ends.set(event.tid, event.ts + event.dur!);
  }
  return total / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const BEACON = "navigator.sendBeacon('/v1/collect',JSON.stringify({site:'wm_test',events:[{type:'page_view',url:location.href,ts:Date.now()}]}))";

const server = await createCaptureServer();
serveBundles(server);
server.route('/products/blue-shirt', { body: shopPage(shopifyProduct) });
server.route('/pageview-beacon.js', { body: BEACON, type: 'text/javascript' });
server.route('/products/blue-shirt-baseline', { body: shopifyProduct.html.replace('</head>', '<script defer src="/pageview-beacon.js"></script></head>') });
const browser = await launchChromium();
const core: number[] = [];
const vitals: number[] = [];
const baseline: number[] = [];
try {
  for (let i = 0; i < LOADS; i++) {
    const shop = await trace(async (page) => {
      const seen = server.events().length;
      await page.goto(`${server.url}/products/blue-shirt?variant=41002`);
      await server.waitFor((all) => all.slice(seen).some((event) => event.type == 'product_view'));
      await page.waitForFunction(() => 'waymarkVitals' in window);
    });
    core.push(scriptTime(shop, /\/waymark\.js$/));
    vitals.push(scriptTime(shop, /\/waymark-vitals\.js$/));
    const plain = await trace(async (page) => {
      await page.goto(`${server.url}/products/blue-shirt-baseline`);
      await page.waitForTimeout(200);
    });
    baseline.push(scriptTime(plain, /\/pageview-beacon\.js$/));
  }
} finally {
  await browser.dispose();
  await server.close();
}
console.log(`waymark.js main-thread time (init + auto-capture), Shopify product page, median of ${LOADS}: ${median(core).toFixed(2)} ms (min ${Math.min(...core).toFixed(2)}, max ${Math.max(...core).toFixed(2)})`);
console.log(`waymark-vitals.js (loaded when idle), median: ${median(vitals).toFixed(2)} ms`);
console.log(`baseline, a one-line pageview beacon on the same page, median: ${median(baseline).toFixed(2)} ms — waymark.js is ${(median(core) / median(baseline)).toFixed(1)}× the baseline`);

/** The browser's own trace of a fresh page while `load` drives it. */
async function trace(load: (page: Page) => Promise<void>): Promise<TraceEvent[]> {
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await load(page);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  return events;
}
