import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    exclude: ['test/chromium/**'],
    // Two cores: one worker pool is plenty for DOM unit tests.
    maxWorkers: 2,
  },
});
