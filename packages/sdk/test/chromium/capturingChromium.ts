import { afterAll, beforeAll } from 'vitest';
import { createCaptureServer, type CaptureServer } from '../captureServer.ts';
import { launchChromium } from './launch.ts';
import { serveBundles } from './pages.ts';

/**
 * The stage of a Chromium test file: a capture server serving the built bundles, and
 * Chromium with a fresh profile, started before the file's tests and stopped after them.
 */
export function capturingChromium() {
  const stage = {} as { server: CaptureServer; browser: Awaited<ReturnType<typeof launchChromium>> };
  beforeAll(async () => {
    stage.server = await createCaptureServer();
    serveBundles(stage.server);
    stage.browser = await launchChromium();
  });
  afterAll(async () => {
    await stage.browser?.dispose();
    await stage.server?.close();
  });
  return stage;
}
