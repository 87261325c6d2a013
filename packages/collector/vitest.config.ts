import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)));

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: { ADMIN_TOKEN: 'test-admin-token', TEST_MIGRATIONS: migrations },
        // A site budget the tests can spend in a few hundred calls (wrangler.jsonc: 20 000/min).
        ratelimits: { SITE_LIMITER: { namespace_id: '1001', simple: { limit: 2500, period: 60 } } },
      },
    }),
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/applyMigrations.ts'],
    // Property tests make hundreds of requests each; on a loaded CI machine 5 s is not enough (CI: 5.19 s).
    testTimeout: 60_000,
  },
});
