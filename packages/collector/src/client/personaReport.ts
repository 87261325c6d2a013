/**
 * `@waymark/collector/client`: a site's personas (`GET /v1/reports/personas`) and the rules
 * in effect (`GET /v1/personas`), typed, from a Node script or any runtime with fetch.
 * Erasable TypeScript only, so Node 22+ runs it from source.
 */
import type { StageName } from './exportEvents.ts';

/** The collector refused a report request; `status` and the collector's `error` message. */
export class ReportError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(`report failed with ${status}: ${message}`);
    this.name = 'ReportError';
    this.status = status;
  }
}

export interface PersonaRule {
  key: string;
  name: string;
  description: string;
  /** A condition `{field, eq|in|gte|lte|exists}` or `{all}`, `{any}`, `{not}` (docs/analytics.md, "Personas"). */
  when: unknown;
}

export interface PersonaSummary extends Omit<PersonaRule, 'when'> {
  /** The rule; null for `other`. */
  when: unknown | null;
  visitors: number;
  share: number | null;
  stages: { stage: StageName; reached: number; conversion_to_next: number | null; drop_off_to_next: number | null }[];
  orders: number;
  buyers: number;
  conversion: number | null;
  revenue: { currency: string | null; orders: number; revenue: number; average_order_value: number }[];
  top_channels: { channel: string; landings: number; visitors: number }[];
  abandoned_carts: { visitors: number; cart_visitors: number; rate: number | null };
}

export interface PersonaReport {
  site: string;
  from: string;
  to: string;
  tz: string;
  channel: string[] | null;
  device: string[] | null;
  default_personas: boolean;
  visitors: number;
  personas: PersonaSummary[];
}

export interface PersonaReportOptions {
  endpoint: string;
  token: string;
  /** Whole UTC hours (or whole hours of `tz`): ISO-8601, epoch ms or a Date. */
  from: string | number | Date;
  to: string | number | Date;
  tz?: string;
  channel?: string | string[];
  device?: string | string[];
  fetch?: (request: Request) => Promise<Response>;
  signal?: AbortSignal;
}

/** Each persona's visitors, funnel, orders, revenue, channels and abandoned carts in the range. */
export async function personaReport(options: PersonaReportOptions): Promise<PersonaReport> {
  const url = new URL('/v1/reports/personas', options.endpoint);
  for (const name of ['from', 'to', 'tz', 'channel', 'device'] as const) {
    const value = options[name];
    if (value !== undefined) url.searchParams.set(name, Array.isArray(value) ? value.join(',') : value instanceof Date ? value.toISOString() : String(value));
  }
  return read<PersonaReport>(url, options);
}

/** The persona rules in effect for the token's site, and whether they are the default set. */
export async function personaRules(options: Pick<PersonaReportOptions, 'endpoint' | 'token' | 'fetch' | 'signal'>): Promise<{ site: string; default: boolean; personas: PersonaRule[] }> {
  return read(new URL('/v1/personas', options.endpoint), options);
}

/** GET a report with the token; its JSON, or a ReportError with the collector's message. */
export async function read<T>(url: URL, options: Pick<PersonaReportOptions, 'token' | 'fetch' | 'signal'>): Promise<T> {
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const response = await send(new Request(url, { headers: { Authorization: `Bearer ${options.token}` }, signal: options.signal }));
  const body = (await response.json()) as T & { error?: string };
  if (response.status !== 200) throw new ReportError(response.status, body.error ?? response.statusText);
  return body;
}
