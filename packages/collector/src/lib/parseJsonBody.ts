import type { Context } from 'hono';
import { httpError } from './httpError.ts';

/**
 * The request body parsed as JSON whatever its Content-Type: the SDK sends `text/plain`
 * so that `sendBeacon` and keepalive `fetch` need no CORS preflight.
 */
export async function parseJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw httpError(400, 'body is not valid JSON');
  }
}
