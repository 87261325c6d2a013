import type { ExportedEvent } from './exportedEvents.ts';

/**
 * A visitor's touchpoints (web vitals aside) in journey order: by time, and where two
 * events of one page share a millisecond, in the order `journey` lists their types.
 */
export function touchpointsOf(rows: ExportedEvent[], visitor: string, journey: readonly (readonly [string, string])[]): ExportedEvent[] {
  const rank = (type: string) => journey.findIndex(([t]) => t === type);
  return rows
    .filter((r) => r.visitor === visitor && r.type !== 'web_vitals')
    .sort((a, b) => a.ts.localeCompare(b.ts) || rank(a.type) - rank(b.type));
}
