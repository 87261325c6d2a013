/**
* `@waymark/collector/client` (with personaReport.ts): export a site's events from a Node script (or any runtime
 * with fetch and web streams) as an async iterator that follows the collector's cursor.
 *
 *   for await (const event of exportEvents({ endpoint, token, from: '2025-11-01', to: '2025-12-01' })) …
 *
 * Written in erasable TypeScript only, so Node 22+ runs it from source.
 */

export type StageName = 'awareness' | 'consideration' | 'decision' | 'purchase' | 'loyalty';

/** One exported event (docs/analytics.md): times are ISO-8601 UTC, absent values null. */
export interface ExportedEvent {
  id: string;
  site: string;
  type: string;
  stage: StageName;
  ts: string;
  received_at: string;
  visitor: string;
  session: string;
  user: string | null;
  url: string;
  path: string | null;
  referrer: string | null;
  channel: string | null;
  search_engine: string | null;
  country: string | null;
  device: string | null;
  props: Record<string, unknown> | null;
  /** The visitor's primary persona at export time (GET /v1/personas); null for a visitor with no touchpoint. */
  persona: string | null;
}

export interface ExportOptions {
  /** The collector's origin, e.g. `https://collect.shop.example`. */
  endpoint: string;
  /** The site's export token. */
  token: string;
  /** Start, inclusive: ISO-8601, epoch ms or a Date. */
  from: string | number | Date;
  /** End, exclusive. */
  to: string | number | Date;
  /** Public key of the site; optional, the token names its site. */
  site?: string;
  stage?: StageName | StageName[];
  type?: string | string[];
  channel?: string | string[];
  device?: string | string[];
  /** Primary persona keys (`other` included). */
  persona?: string | string[];
  /** IANA zone of offset-less `from`/`to`. */
  tz?: string;
  /**
   * Rows per request, up to 10 000. The default, 1000, is one D1 query per page; larger pages
   * save requests but first find their last row (a second pass over the page's rows).
   */
  pageSize?: number;
  /** Defaults to the global fetch; inject one to go through a proxy, a test double or a Worker. */
  fetch?: (request: Request) => Promise<Response>;
  signal?: AbortSignal;
}

/** The collector refused an export request; `status` and the collector's `error` message. */
export class ExportError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(`export failed with ${status}: ${message}`);
    this.name = 'ExportError';
    this.status = status;
  }
}

/** Every event of the range, page after page, parsed as the NDJSON streams in. */
export async function* exportEvents(options: ExportOptions): AsyncGenerator<ExportedEvent, void, undefined> {
  const send = options.fetch ?? ((request: Request) => fetch(request));
  let url: string | undefined = firstPageUrl(options);
  while (url) {
    const response = await send(new Request(url, { headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/x-ndjson' }, signal: options.signal }));
    if (response.status !== 200) throw new ExportError(response.status, await errorMessage(response));
    url = nextUrl(response.headers.get('Link'), url);
    yield* ndjsonRecords(response);
  }
}

function firstPageUrl(options: ExportOptions): string {
  const url = new URL('/v1/export', options.endpoint);
  const set = (name: string, value: string | number | Date | string[] | undefined) => {
    if (value === undefined) return;
    url.searchParams.set(name, Array.isArray(value) ? value.join(',') : value instanceof Date ? value.toISOString() : String(value));
  };
  set('site', options.site);
  set('from', options.from);
  set('to', options.to);
  set('tz', options.tz);
  set('stage', options.stage);
  set('type', options.type);
  set('channel', options.channel);
  set('device', options.device);
  set('persona', options.persona);
  set('limit', options.pageSize ?? 1000);
  set('format', 'ndjson');
  return url.href;
}

/** The `rel="next"` target of a Link header, resolved against the page's URL. */
function nextUrl(link: string | null, base: string): string | undefined {
  const match = link?.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  return match ? new URL(match[1]!, base).href : undefined;
}

async function* ndjsonRecords(response: Response): AsyncGenerator<ExportedEvent, void, undefined> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      // Split each arriving chunk once; the unfinished last line waits for the next chunk.
      const lines = (buffered + value).split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line !== '') yield JSON.parse(line) as ExportedEvent;
    }
    // A page always ends with a newline; anything after the last one means a cut response.
    if (buffered.trim() !== '') throw new ExportError(response.status, 'the page ended in the middle of a record');
  } finally {
    reader.releaseLock();
  }
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { error?: string }).error ?? text;
  } catch {
    return text;
  }
}
