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
  return db.prepare(INSERT_EVENTS).bind(tuplesOf(rows));
}

/**
 * Whether each [site_id, number, text] of ?p (pages) and ?f (product facts) still names its
 * text: the numbers an isolate remembers (knownNumbers.ts) are checked by key, in the
 * statement that relies on them.
 */
const numbersHold = (p: number, f: number) => `NOT EXISTS (SELECT 1 FROM json_each(?${p}) n WHERE NOT EXISTS (
    SELECT 1 FROM event_pages t WHERE t.site_id = n.value ->> 0 AND t.id = n.value ->> 1 AND t.page = n.value ->> 2))
  AND NOT EXISTS (SELECT 1 FROM json_each(?${f}) n WHERE NOT EXISTS (
    SELECT 1 FROM product_facts t WHERE t.site_id = n.value ->> 0 AND t.id = n.value ->> 1 AND t.facts = n.value ->> 2))`;
const INSERT_EVENTS_IF_NUMBERS_HOLD = INSERT_EVENTS.replace('FROM json_each(?1)', `FROM json_each(?1) WHERE ${numbersHold(2, 3)}`);
const NUMBERS_HOLD = `SELECT ${numbersHold(1, 2)} AS hold`;

export type NumberedText = [siteId: number, number: number, text: string];

/**
 * Compact rows made with remembered numbers, stored in one round trip: the insert stores
 * nothing unless every number still names its text, and the second statement of the same
 * transaction says whether they did. Resolves to the number of new rows, or undefined when
 * a number no longer holds (nothing was stored).
 */
export async function insertEventsIfNumbersHold(db: D1Database, rows: readonly StoredEvent[], numbers: { pages: NumberedText[]; facts: NumberedText[] }) {
  const pages = JSON.stringify(numbers.pages);
  const facts = JSON.stringify(numbers.facts);
  const [inserted, check] = await db.batch<{ hold: number }>([
    db.prepare(INSERT_EVENTS_IF_NUMBERS_HOLD).bind(tuplesOf(rows), pages, facts),
    db.prepare(NUMBERS_HOLD).bind(pages, facts),
  ]);
  return check!.results[0]!.hold ? inserted!.results.length : undefined;
}

function tuplesOf(rows: readonly StoredEvent[]): string {
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
  return JSON.stringify(tuples);
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
