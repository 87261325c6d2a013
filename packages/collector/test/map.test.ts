import { describe, expect, it } from 'vitest';
import { call } from './helpers.ts';

describe('GET /map', () => {
  it.each([
    ['/map', /^text\/html/],
    ['/map.js', /^text\/javascript/],
    ['/map.css', /^text\/css/],
  ])('serves %s under a strict CSP', async (path, type) => {
    const response = await call(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(type);
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:");
    expect(csp).not.toMatch(/unsafe|https?:/);
  });

  it('has no inline script or style and takes the token in a password field', async () => {
    const html = await (await call('/map')).text();
    expect(html).toContain('<script defer src="/map.js"></script>');
    // The flows' script (bundled with d3-sankey) comes first, so it listens before the map draws.
    expect(html).toContain('<script defer src="/map-flows.js"></script>\n<script defer src="/map.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/map.css">');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<script[^>]*src="([^"]+)"/g)!.map((tag) => tag.match(/src="([^"]+)"/)![1])).toEqual(['/map-flows.js', '/map.js']);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toMatch(/<input id="token" type="password"/);
  });

  it('sends the token in the Authorization header from sessionStorage, never in a URL', async () => {
    const js = await (await call('/map.js')).text();
    expect(js).toContain("headers: { Authorization: 'Bearer ' + token }");
    expect(js).toContain('sessionStorage.setItem(TOKEN_KEY, token)');
    expect(js).not.toMatch(/localStorage|innerHTML|params\.set\('token'/);
  });
});
