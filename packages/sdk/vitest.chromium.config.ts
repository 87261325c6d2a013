import { defineConfig } from 'vitest/config';

// The built script tag in real headless Chromium, against the capture server.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/chromium/**/*.test.ts'],
    globalSetup: ['test/chromium/buildOnce.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
