import type { PackedBatch, PackedRow } from './compactRows.ts';

/**
 * One statement per batch, whatever its size: the rows travel as a single JSON parameter
 * expanded by json_each, so D1's 100-bound-parameter limit never splits a batch.
 * `INSERT OR IGNORE` on the (site_id, id) key makes replays and retries harmless. The rows
 * returned are the new ones: D1's `changes` also counts what the rollup triggers
 * (migrations/0003_rollups.sql) wrote for them. A compact row (events/compactRows.ts) gets
 * the numbers of its pages and product facts here, by key, in the transaction that stored
 * them (storeEvents): its url and referrer are the page's number then the rest, its props
 * the pieces' texts and facts' numbers in turn. (`->>` binds no tighter than `||`: hence the parentheses.)
 */
const INSERT_EVENTS = `INSERT OR IGNORE INTO events
  (site_id, id, ts, received_delay, type, stage, visitor, session, user_id, url, referrer,
   channel, search_engine, country, device, props)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7,
         value->>8,
         CASE WHEN value->>16 IS NULL THEN value->>9
           ELSE (SELECT p.id FROM event_pages p WHERE p.site_id = e.value->>0 AND p.page = e.value->>16) || (value->>9) END,
         CASE WHEN value->>17 IS NULL THEN value->>10
           ELSE (SELECT p.id FROM event_pages p WHERE p.site_id = e.value->>0 AND p.page = e.value->>17) || (value->>10) END,
         value->>11, value->>12, value->>13, value->>14,
         CASE WHEN value->>18 IS NULL THEN value->>15
           ELSE (SELECT group_concat((piece.value->>0) || coalesce((SELECT f.id FROM product_facts f
                   WHERE f.site_id = e.value->>0 AND f.facts = piece.value->>1), ''), '' ORDER BY piece.key)
                 FROM json_each(e.value->18) piece) END
  FROM json_each(?1) e
  RETURNING 1`;

export function insertEvents(db: D1Database, rows: readonly PackedRow[]): D1PreparedStatement {
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
    e.page ?? null,
    e.referrerPage ?? null,
    e.pieces ?? null,
  ]);
  return db.prepare(INSERT_EVENTS).bind(JSON.stringify(tuples));
}

/**
 * Stores a packed batch in one round trip: its pages and product facts not stored yet (a
 * statement only for a kind the batch names), then its rows. Resolves to the number of rows
 * that were new.
 */
export async function storeEvents(db: D1Database, { rows, pages, facts }: PackedBatch): Promise<number> {
  const statements = [
    ...(pages.length > 0 ? [db.prepare(internSql('event_pages', 'page')).bind(JSON.stringify(pages))] : []),
    ...(facts.length > 0 ? [db.prepare(internSql('product_facts', 'facts')).bind(JSON.stringify(facts))] : []),
    insertEvents(db, rows),
  ];
  const results = statements.length === 1 ? [await statements[0]!.all()] : await db.batch(statements);
  return results.at(-1)!.results.length;
}

export type SiteText = [siteId: number, text: string];

/**
 * Pages and product facts (migrations/0006_compact_events.sql) not stored yet get the next
 * numbers of their site, in one statement each: D1 runs statements one at a time, so two
 * writers never hand out the same number. Bound as one JSON array of [site_id, text].
 */
const internSql = (table: 'event_pages' | 'product_facts', column: 'page' | 'facts') => `INSERT INTO ${table} (site_id, id, ${column})
  SELECT site_id, coalesce((SELECT max(id) FROM ${table} t WHERE t.site_id = n.site_id), -1) + row_number() OVER (PARTITION BY site_id ORDER BY text), text
  FROM (SELECT DISTINCT value ->> 0 AS site_id, value ->> 1 AS text FROM json_each(?1)) n
  WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.site_id = n.site_id AND t.${column} = n.text)`;
const textsSql = (table: 'event_pages' | 'product_facts', column: 'page' | 'facts') => `SELECT t.id, t.${column} AS text
  FROM json_each(?2) n CROSS JOIN ${table} t ON t.site_id = ?1 AND t.id = n.value`;

/** The texts of a site's pages and product facts by number, for reading compact rows back. */
export async function pagesAndFactsOf(db: D1Database, siteId: number, pages: number[], facts: number[]) {
  const [pageRows, factRows] = await db.batch<{ id: number; text: string }>([
    db.prepare(textsSql('event_pages', 'page')).bind(siteId, JSON.stringify(pages)),
    db.prepare(textsSql('product_facts', 'facts')).bind(siteId, JSON.stringify(facts)),
  ]);
  const byId = (rows: { id: number; text: string }[]) => new Map(rows.map((r) => [r.id, r.text]));
  return { pages: byId(pageRows!.results), facts: byId(factRows!.results), rowsRead: (pageRows!.meta.rows_read ?? 0) + (factRows!.meta.rows_read ?? 0) };
}
