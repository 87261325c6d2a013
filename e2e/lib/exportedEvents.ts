export interface ExportedEvent {
  id: string;
  type: string;
  stage: string;
  ts: string;
  visitor: string;
  session: string;
  url: string;
  path: string;
  referrer: string | null;
  channel: string | null;
  search_engine: string | null;
  props: Record<string, any> | null;
}

/** Every event of the site, read back through the export endpoint (following the cursor). */
export async function exportedEvents(collector: string, site: string, token: string): Promise<ExportedEvent[]> {
  const rows: ExportedEvent[] = [];
  let next: string | undefined = `${collector}/v1/export?site=${site}&from=0&to=${Date.now() + 60_000}&limit=1000`;
  while (next) {
    const response: Response = await fetch(next, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    const text = await response.text();
    for (const line of text.split('\n')) if (line.trim()) rows.push(JSON.parse(line));
    next = response.headers.get('Link')?.match(/<([^>]+)>;\s*rel="next"/)?.[1];
    if (next && !next.startsWith('http')) next = collector + next;
  }
  return rows;
}

/** Polls the export until `done(rows)` holds or the time is up; returns the last rows. */
export async function waitForEvents(
  read: () => Promise<ExportedEvent[]>,
  done: (rows: ExportedEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<ExportedEvent[]> {
  const until = Date.now() + timeoutMs;
  let rows = await read();
  while (!done(rows) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    rows = await read();
  }
  return rows;
}
