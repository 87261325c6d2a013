// Puts the built SDK bundles into the Worker's static assets, so the collector serves
// /waymark.js and its chunks (/waymark-vitals.js, /waymark-prompt.js) itself (the script tag's default endpoint is its origin),
// and the Shopify custom pixel for shops to copy.
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sdkDist = fileURLToPath(new URL('../../sdk/dist/', import.meta.url));
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
for (const file of ['waymark.js', 'waymark-vitals.js', 'waymark-prompt.js', 'waymark-shopify-pixel.js']) {
  if (!existsSync(sdkDist + file)) {
    console.warn(`collector build: ${file} is not built yet (run pnpm --filter @waymark/sdk build); /${file} will be 404`);
    continue;
  }
  copyFileSync(sdkDist + file, publicDir + file);
}
