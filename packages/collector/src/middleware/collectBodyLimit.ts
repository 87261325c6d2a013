import { bodyLimit } from 'hono/body-limit';
import { MAX_BODY_BYTES } from '@waymark/schema';
import type { MiddlewareHandler } from 'hono';

/** 413 for bodies over the browsers' keepalive/beacon budget (64 KiB), counted while streaming. */
export const collectBodyLimit = (maxSize = MAX_BODY_BYTES): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    onError: (c) => c.json({ error: `body is larger than ${maxSize} bytes; send smaller batches` }, 413),
  });
