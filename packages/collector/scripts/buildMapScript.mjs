// Bundles the journey map's flow views (src/map/browser/, with d3-sankey) into the Worker's
// static assets as /map-flows.js: first-party, served by the collector, allowed by the map
// page's CSP (script-src 'self'). Targets the last two versions of Chromium, Firefox, Safari.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

await build({
  entryPoints: [fileURLToPath(new URL('../src/map/browser/flowMap.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../public/map-flows.js', import.meta.url)),
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['chrome130', 'firefox132', 'safari17'],
  legalComments: 'eof',
  logLevel: 'warning',
});
