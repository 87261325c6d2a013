import { createServer, type IncomingMessage } from 'node:http';

/**
 * An error answer, or `reset`: the connection is cut before any answer (a network error in
 * the browser). `delayMs`: the fault comes that long after the request, as from a collector
 * across the internet rather than on this machine.
 */
export type Fault = (({ status: 500 | 503 } | { status: 429; retryAfter: number } | { reset: true }) & { delayMs?: number }) | undefined;

/** What the proxy keeps of each event it forwards. */
export interface SentEvent {
  id: string;
  /** The visitor it belongs to. */
  anon?: string;
  type: string;
  orderId?: string;
}

export interface CollectAttempt {
  at: number;
  /** 0 when the proxy reset the connection. */
  status: number;
  events: SentEvent[];
  /** What the collector answered, when it was reached. */
  answer?: { accepted: number; duplicates: number; rejected: { index: number; reason: string }[] };
}

/**
 * Sits between the browser and the collector: forwards everything, records each
 * `/v1/collect` attempt (the event ids and the answer), and on demand answers 500, 503 or
 * 429 itself or cuts the connection, so the delivery tests can break the collector and watch the SDK recover.
 */
export async function startFaultProxy(target: string) {
  const attempts: CollectAttempt[] = [];
  let fault: Fault;
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const isCollect = req.url?.startsWith('/v1/collect') && req.method === 'POST';
    const events = isCollect ? batchEvents(body) : [];
    const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
    // The fault in force when the request came, even if the test lifts it meanwhile.
    const failing = isCollect ? fault : undefined;
    if (failing?.delayMs) await new Promise((resolve) => setTimeout(resolve, failing.delayMs));
    if (failing && 'reset' in failing) {
      attempts.push({ at: Date.now(), status: 0, events });
      req.socket.resetAndDestroy();
      return;
    }
    if (failing) {
      attempts.push({ at: Date.now(), status: failing.status, events });
      const headers = failing.status === 429 ? { ...cors, 'Retry-After': String(failing.retryAfter) } : cors;
      res.writeHead(failing.status, { ...headers, 'Content-Type': 'application/json' }).end('{"error":"fault injected"}');
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
    }
    try {
      const upstream = await fetch(target + req.url, { method: req.method, headers, body: ["GET", "HEAD"].includes(req.method!) ? undefined : new Uint8Array(body) });
      const answer = Buffer.from(await upstream.arrayBuffer());
      if (isCollect) {
        const attempt: CollectAttempt = { at: Date.now(), status: upstream.status, events };
        if (upstream.status === 202) attempt.answer = JSON.parse(answer.toString('utf8'));
        attempts.push(attempt);
      }
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
      });
      res.writeHead(upstream.status, out).end(answer);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    setFault(next: Fault) {
      fault = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function batchEvents(body: Buffer): SentEvent[] {
  try {
    const { events } = JSON.parse(body.toString('utf8')) as { events: { id: string; anon?: string; type: string; props?: { order_id?: string } }[] };
    return events.map(({ id, anon, type, props }) => ({ id, anon, type, orderId: props?.order_id }));
  } catch {
    return [];
  }
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
