import type { Context } from 'hono';

/** The client's IP as Cloudflare saw it; empty locally when no proxy set it. Never stored. */
export function clientAddress(c: Context): string {
  return c.req.header('CF-Connecting-IP') ?? '';
}
