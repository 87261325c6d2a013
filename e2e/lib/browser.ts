import { chromium, type Browser } from 'playwright-core';

/**
 * A shopper's desktop Chrome. Headless Chromium says "HeadlessChrome", which the collector
 * rightly drops as a bot; the flag (not a per-page override) also covers the beacons and
 * keepalive requests a page sends while it unloads.
 */
export const DESKTOP_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/** Debian's headless Chromium, as the README asks for; never a downloaded browser. Playwright gives each launch a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    // Playwright turns the back/forward cache off by default; shoppers have it on, and the
    // SDK must count a restored page as a new page.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-agent=${DESKTOP_CHROME}`,
    ],
  });
}
