import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stack } from './startStack.ts';

/**
 * A shop's pages served on an origin of their own, and that origin allowed on the stack's
 * site, as a shop would add its domain: `pageAt(path)` gives a page's HTML, or nothing (404).
 */
export async function serveShop(stack: Stack, pageAt: (path: string) => string | undefined) {
  const server = createServer((request, response) => {
    const html = pageAt(request.url!);
    response.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html' }).end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const response = await fetch(`${stack.collector}/v1/admin/sites/${stack.site}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${stack.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ origins: [origin] }),
  });
  if (response.status !== 200) throw new Error(`allowing ${origin} on the site: ${response.status} ${await response.text()}`);
  return { origin, close: () => server.close() };
}
