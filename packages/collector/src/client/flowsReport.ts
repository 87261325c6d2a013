/**
 * `@waymark/collector/client`: how shoppers move between touchpoints (`GET /v1/reports/flows`),
 * typed. Definitions: docs/analytics.md, "GET /v1/reports/flows".
 */
import type { StageName } from './exportEvents.ts';
import { read, type PersonaReportOptions } from './personaReport.ts';

export interface FlowTouchpoint {
  type: string;
  stage: StageName;
}

export interface FlowNode extends FlowTouchpoint {
  visits: number;
  visitors: number;
  share: number | null;
  entries: number;
  exits: number;
  exit_rate: number | null;
  continued: number;
  reached_next_stage: number;
  median_ms_to_next_stage: number | null;
}

export interface FlowLink {
  from: FlowTouchpoint;
  to: FlowTouchpoint;
  direction: 'forward' | 'within' | 'back';
  visits: number;
  transitions: number;
}

export interface FlowsReport {
  site: string;
  from: string;
  to: string;
  tz: string;
  channel: string[] | null;
  device: string[] | null;
  persona: string[] | null;
  start: string | null;
  end: string | null;
  steps: number;
  visits: number;
  visitors: number;
  purchases: number;
  nodes: FlowNode[];
  links: FlowLink[];
  paths_to_purchase: {
    top: { path: string[]; visits: number; share: number | null }[];
    other: { paths: number; visits: number; share: number | null };
  };
  time_to_purchase: { buyers: number; median_ms: number | null; distribution: { label: string; from_ms: number; to_ms: number | null; buyers: number }[] };
  visits_to_purchase: { buyers: number; median: number | null; distribution: { visits: string; buyers: number }[] };
}

export interface FlowsReportOptions extends PersonaReportOptions {
  persona?: string | string[];
  /** Read each visit from its first touchpoint of this type. */
  start?: string;
  /** Read each visit up to its first touchpoint of this type. */
  end?: string;
  /** At most this many touchpoints of each visit (1–50, default 20). */
  steps?: number;
}

/** The range's flows between touchpoints on the stage lanes, exits, paths and time to purchase. */
export async function flowsReport(options: FlowsReportOptions): Promise<FlowsReport> {
  const url = new URL('/v1/reports/flows', options.endpoint);
  for (const name of ['from', 'to', 'tz', 'channel', 'device', 'persona', 'start', 'end', 'steps'] as const) {
    const value = options[name];
    if (value !== undefined) url.searchParams.set(name, Array.isArray(value) ? value.join(',') : value instanceof Date ? value.toISOString() : String(value));
  }
  return read<FlowsReport>(url, options);
}
