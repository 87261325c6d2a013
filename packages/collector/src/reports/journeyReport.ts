import { STAGES } from '@waymark/schema';
import type { ExportRow } from '../export/exportRow.ts';
import { recordScalars } from '../export/exportRecord.ts';

/** One visitor's touchpoints in order, and their visits (sessions) summed up. */
export function journeyReport(rows: ExportRow[], siteKey: string, truncated: boolean) {
  const visits = new Map<string, { session: string; started_at: string; ended_at: string; channel: string | null; search_engine: string | null; touchpoints: number }>();
  for (const row of rows) {
    const at = new Date(row.ts).toISOString();
    const visit = visits.get(row.session) ?? { session: row.session, started_at: at, ended_at: at, channel: null, search_engine: null, touchpoints: 0 };
    visit.ended_at = at;
    visit.touchpoints += 1;
    if (row.type === 'landing' && visit.channel === null) {
      visit.channel = row.channel;
      visit.search_engine = row.search_engine;
    }
    visits.set(row.session, visit);
  }
  const touchpoints = rows.filter((row) => row.type !== 'web_vitals' && row.type !== 'feedback_prompt');
  const furthest = Math.max(0, ...touchpoints.map((row) => row.stage));
  return {
    first_seen: rows.length ? new Date(rows[0]!.ts).toISOString() : null,
    last_seen: rows.length ? new Date(rows[rows.length - 1]!.ts).toISOString() : null,
    furthest_stage: STAGES[furthest - 1] ?? null,
    visits: [...visits.values()],
    touchpoints: rows.map((row) => ({ ...recordScalars(row, siteKey), props: row.props === null ? null : (JSON.parse(row.props) as unknown) })),
    truncated,
  };
}
