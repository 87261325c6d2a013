import { defineConfig } from 'vitest/config';

// End-to-end tests in Node: a real `wrangler dev` and headless Chromium, apart from the
// workerd unit tests of vitest.config.ts.
export default defineConfig({
  test: {
    include: ['test-e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
