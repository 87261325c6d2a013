import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    exclude: ['test/chromium/**'],
    // The pasted-pixel test reads the built file.
    globalSetup: ['test/chromium/buildOnce.ts'],
    // Two cores: one worker pool is plenty for DOM unit tests.
    maxWorkers: 2,
    // The huge-page and real-template sessions take 4–5 s on a loaded 2-core machine: a
    // slow machine is no failure of the SDK.
    testTimeout: 20_000,
  },
});
