import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { MAP_CSS } from '../map/mapCss.ts';
import { MAP_HTML } from '../map/mapHtml.ts';
import { MAP_JS } from '../map/mapJs.ts';

/** Only the page's own script, styles and report calls; nothing inline, nothing third-party. */
export const MAP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `GET /map` (+ `/map.js`, `/map.css`): the journey map, drawn in the browser from the funnel report. */
export const journeyMap = new Hono<AppEnv>();

const serve = (c: Context<AppEnv>, body: string, type: string) =>
  c.body(body, 200, {
    'Content-Type': type,
    'Content-Security-Policy': MAP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });

journeyMap.get('/map', (c) => serve(c, MAP_HTML, 'text/html; charset=utf-8'));
journeyMap.get('/map.js', (c) => serve(c, MAP_JS, 'text/javascript; charset=utf-8'));
journeyMap.get('/map.css', (c) => serve(c, MAP_CSS, 'text/css; charset=utf-8'));
