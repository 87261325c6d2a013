import { readdirSync, readFileSync } from 'node:fs';
import type { CaptureServer } from '../captureServer.ts';

/** The stub snippet of the README: calls made before waymark.js loads wait in `waymark.q`. */
export const STUB = '<script>window.waymark=window.waymark||function(){(waymark.q=waymark.q||[]).push(arguments)}</script>';

/** A fixture page as a shop would serve it: its platform objects inline, the script tag added. */
export function shopPage(fixture: { html: string; globals?: Record<string, unknown> }, head = '', attributes = 'data-site="wm_test"'): string {
  const globals = Object.entries(fixture.globals ?? {})
    .map(([name, value]) => `window.${name}=${JSON.stringify(value)};`)
    .join('');
  return fixture.html.replace(
    '</head>',
    `<script>${globals}</script>${STUB}${head}<script defer src="/waymark.js" ${attributes}></script></head>`,
  );
}

/** Serves the built bundles where the collector serves them: waymark.js and the chunks next to it. */
export function serveBundles(server: CaptureServer): void {
  for (const file of readdirSync(new URL('../../dist/', import.meta.url)).filter((name) => /^waymark[.-].*js$/.test(name))) {
    server.route('/' + file, { body: readFileSync(new URL(`../../dist/${file}`, import.meta.url)), type: 'text/javascript' });
  }
}
