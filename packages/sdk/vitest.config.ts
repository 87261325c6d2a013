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
  },
});
