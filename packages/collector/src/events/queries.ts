import type { StoredEvent } from './storedEvent.ts';

/**
 * One statement per batch, whatever its size: the rows travel as a single JSON parameter
 * expanded by json_each, so D1's 100-bound-parameter limit never splits a batch.
 * `INSERT OR IGNORE` on the (site_id, id) key makes replays and retries harmless. The rows
 * returned are the new ones: D1's `changes` also counts what the rollup triggers
 * (migrations/0003_rollups.sql) wrote for them.
 */
const INSERT_EVENTS = `INSERT OR IGNORE INTO events
  (site_id, id, ts, received_delay, type, stage, visitor, session, user_id, url, referrer,
   channel, search_engine, country, device, props)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7,
         value->>8, value->>9, value->>10, value->>11, value->>12, value->>13, value->>14, value->>15
  FROM json_each(?1)
  RETURNING 1`;

export function insertEvents(db: D1Database, rows: readonly StoredEvent[]): D1PreparedStatement {
  const tuples = rows.map((e) => [
    e.siteId,
    e.id,
    e.ts,
    e.receivedAt - e.ts,
    e.type,
    e.stage,
    e.visitor,
    e.session,
    e.user ?? null,
    e.url,
    e.referrer ?? null,
    e.channel ?? null,
    e.searchEngine ?? null,
    e.country ?? null,
    e.device ?? null,
    e.props ?? null,
  ]);
  return db.prepare(INSERT_EVENTS).bind(JSON.stringify(tuples));
}

/**
 * Pages and product facts (migrations/0006_compact_events.sql) not stored yet get the next
 * numbers of their site, in one statement each: D1 runs statements one at a time, so two
 * writers never hand out the same number. Bound as one JSON array of [site_id, text].
 */
const internSql = (table: 'event_pages' | 'product_facts', column: 'page' | 'facts') => `INSERT INTO ${table} (site_id, id, ${column})
  SELECT site_id, coalesce((SELECT max(id) FROM ${table} t WHERE t.site_id = n.site_id), -1) + row_number() OVER (PARTITION BY site_id ORDER BY text), text
  FROM (SELECT DISTINCT value ->> 0 AS site_id, value ->> 1 AS text FROM json_each(?1)) n
  WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.site_id = n.site_id AND t.${column} = n.text)`;
// CROSS JOIN keeps the wanted numbers or texts as the outer loop, one key lookup each: left
// to choose, the planner walks all of a site's pages instead.
const numbersSql = (table: 'event_pages' | 'product_facts', column: 'page' | 'facts') => `SELECT t.site_id, t.id, t.${column} AS text
  FROM json_each(?1) n CROSS JOIN ${table} t ON t.site_id = n.value ->> 0 AND t.${column} = n.value ->> 1`;
const textsSql = (table: 'event_pages' | 'product_facts', column: 'page' | 'facts') => `SELECT t.id, t.${column} AS text
  FROM json_each(?2) n CROSS JOIN ${table} t ON t.site_id = ?1 AND t.id = n.value`;

export type SiteText = [siteId: number, text: string];
type Numbered = { site_id: number; id: number; text: string };

/** Stores the pages and product facts not stored yet; the number of each, keyed `site_id text`. */
export async function numberPagesAndFacts(db: D1Database, pages: SiteText[], facts: SiteText[]) {
  const [, , pageRows, factRows] = await db.batch<Numbered>([
    db.prepare(internSql('event_pages', 'page')).bind(JSON.stringify(pages)),
    db.prepare(internSql('product_facts', 'facts')).bind(JSON.stringify(facts)),
    db.prepare(numbersSql('event_pages', 'page')).bind(JSON.stringify(pages)),
    db.prepare(numbersSql('product_facts', 'facts')).bind(JSON.stringify(facts)),
  ]);
  const keyed = (rows: Numbered[]) => new Map(rows.map((r) => [`${r.site_id} ${r.text}`, r.id]));
  return { pages: keyed(pageRows!.results), facts: keyed(factRows!.results) };
}

/** The texts of a site's pages and product facts by number, for reading compact rows back. */
export async function pagesAndFactsOf(db: D1Database, siteId: number, pages: number[], facts: number[]) {
  const [pageRows, factRows] = await db.batch<{ id: number; text: string }>([
    db.prepare(textsSql('event_pages', 'page')).bind(siteId, JSON.stringify(pages)),
    db.prepare(textsSql('product_facts', 'facts')).bind(siteId, JSON.stringify(facts)),
  ]);
  const byId = (rows: { id: number; text: string }[]) => new Map(rows.map((r) => [r.id, r.text]));
  return { pages: byId(pageRows!.results), facts: byId(factRows!.results), rowsRead: (pageRows!.meta.rows_read ?? 0) + (factRows!.meta.rows_read ?? 0) };
}
