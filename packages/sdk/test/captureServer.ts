import { validateBatch, type CollectBatch, type WireEvent } from '@waymark/schema';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedBatch {
  body: CollectBatch;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface Page {
  body: string | Buffer;
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface CaptureServer {
  /** `http://127.0.0.1:{port}`. */
  url: string;
  /** Every `POST /v1/collect`, parsed, with the status it got. */
  batches: CapturedBatch[];
  /** The events of the batches answered 202, each once (the collector dedups by id). */
  events(): WireEvent[];
  /** Answers the next `times` collect requests (default: all) with this status. */
  answer(status: number, headers?: Record<string, string>, times?: number): void;
  /** Serves `page` at `path` (GET and POST). */
  route(path: string, page: Page): void;
  /** Resolves when `test` holds for the captured events, or rejects after `timeout` ms. */
  waitFor(test: (events: WireEvent[]) => boolean, timeout?: number): Promise<WireEvent[]>;
  close(): Promise<void>;
}

/**
 * A stand-in collector for tests: a node http server on 127.0.0.1 (a free port) that
 * records the SDK's batches, answers like the collector of SPEC §2 (202 with accepted,
 * duplicates and per-event rejections from `@waymark/schema`'s validation; CORS open)
 * or with the status it is told to, and serves test pages and scripts.
 */
export async function createCaptureServer(): Promise<CaptureServer> {
  const batches: CapturedBatch[] = [];
  const routes = new Map<string, Page>();
  const stored = new Map<string, WireEvent>();
  let forced: { status: number; headers: Record<string, string>; times: number } | undefined;
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0]!;
      if (path == '/v1/collect' && request.method == 'OPTIONS') {
        response.writeHead(204, { ...cors, 'Access-Control-Allow-Headers': 'Content-Type' }).end();
        return;
      }
      if (path == '/v1/collect' && request.method == 'POST') {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {}
        if (forced && forced.times-- > 0) {
          batches.push({ body: body as CollectBatch, headers: request.headers, status: forced.status });
          response.writeHead(forced.status, { ...cors, ...forced.headers }).end();
          return;
        }
        const check = validateBatch(body);
        if (!check.ok) {
          batches.push({ body: body as CollectBatch, headers: request.headers, status: 400 });
          response.writeHead(400, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ error: check.error }));
          return;
        }
        let duplicates = 0;
        for (const { event } of check.events) {
          if (stored.has(event.id)) duplicates++;
          else stored.set(event.id, event);
        }
        batches.push({ body: body as CollectBatch, headers: request.headers, status: 202 });
        response
          .writeHead(202, { ...cors, 'Content-Type': 'application/json' })
          .end(JSON.stringify({ accepted: check.events.length - duplicates, duplicates, rejected: check.rejected }));
        return;
      }
      const page = routes.get(path);
      if (!page) {
        response.writeHead(404).end('not found');
        return;
      }
      response
        .writeHead(page.status ?? 200, { 'Content-Type': page.type ?? 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers })
        .end(page.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const events = () => [...stored.values()];

  return {
    url,
    batches,
    events,
    answer(status, headers = {}, times = Infinity) {
      forced = { status, headers, times };
    },
    route(path, page) {
      routes.set(path, page);
    },
    async waitFor(test, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      while (!test(events())) {
        if (Date.now() > deadline) throw new Error(`timed out; captured: ${events().map((event) => event.type).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return events();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
