import type { Browser } from 'playwright-core';
// @ts-expect-error the example shop is plain JavaScript
import { startShop } from '../../examples/static-shop/server.mjs';
import { launchChromium } from './browser.ts';
import { exportedEvents } from './exportedEvents.ts';
import { startFaultProxy } from './faultProxy.ts';

import { freePort, startCollector } from '../../packages/collector/test-e2e/localCollector.ts';
import { createSite } from './createSite.ts';
import { startSpaShop } from './startSpaShop.ts';

/**
 * Everything a journey crosses: the collector (wrangler dev, local D1), a fault proxy in
 * front of it, a site allowing the shops' origins, the static shop (script tag served by
 * the collector through the proxy) and, when asked, the SPA shop; plus Chromium.
 */
export async function startStack({ spa = false } = {}) {
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const collector = await startCollector();
    stops.push(collector.stop);
    const proxy = await startFaultProxy(collector.base);
    stops.push(proxy.close);
    const shopPort = await freePort();
    const spaPort = await freePort();
    const { site, export_token: token } = await createSite(collector.base, collector.adminToken, [`http://127.0.0.1:${shopPort}`, `http://127.0.0.1:${spaPort}`]);
    const shop = (await startShop({ port: shopPort, collector: proxy.url, site })) as { url: string; close: () => Promise<void> };
    stops.push(shop.close);
    const spaShop = spa ? await startSpaShop(spaPort, proxy.url, site) : undefined;
    if (spaShop) stops.push(spaShop.stop);
    const browser: Browser = await launchChromium();
    stops.push(() => browser.close());
    return {
      collector: collector.base,
      adminToken: collector.adminToken,
      proxy,
      shop: shop.url,
      spa: spaShop?.url,
      site,
      token,
      browser,
      events: () => exportedEvents(collector.base, site, token),
      /** A new shopper: a fresh browser context (no storage, no cookies). */
      newVisitor: () => browser.newContext(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
