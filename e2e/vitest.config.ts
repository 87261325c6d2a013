import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium, the real collector under wrangler dev, the example shops.
// One file at a time: each starts its own stack, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
