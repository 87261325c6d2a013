// Puts the built SDK bundles into the Worker's static assets, so the collector serves
// /waymark.js and the files it loads from next to itself (/waymark-adapter-<platform>.js,
// /waymark-vitals.js, /waymark-prompt.js) — the script tag's default endpoint is its origin —
// the one-request /waymark.<platform>.js bundles, and the Shopify custom pixel for shops to copy.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sdkDist = fileURLToPath(new URL('../../sdk/dist/', import.meta.url));
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const bundles = existsSync(sdkDist) ? readdirSync(sdkDist).filter((file) => /^waymark[.-][\w.-]*js$/.test(file)) : [];
if (!bundles.includes('waymark.js')) {
  console.warn('collector build: the SDK is not built yet (run pnpm --filter @waymark/sdk build); /waymark.js will be 404');
}
for (const file of bundles) copyFileSync(sdkDist + file, publicDir + file);
