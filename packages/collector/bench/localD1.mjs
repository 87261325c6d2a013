// The SQLite file of a local D1 under a `wrangler dev --persist-to` folder, for the benches
// to measure what it holds once the Worker has stopped.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export function findSqlite(dir) {
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (path.endsWith('.sqlite') && !path.includes('metadata') && statSync(path).size > 0) {
      const db = new DatabaseSync(path, { readOnly: true });
      const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events'").get();
      db.close();
      if (hasEvents) return path;
    }
  }
  throw new Error('local D1 file not found');
}

const EVENT_TABLES = ['events', 'events_by_id', 'events_by_visitor'];
const COMPACT_TABLES = ['event_pages', 'event_pages_by_page', 'product_facts', 'product_facts_by_text'];
const NOT_ROLLUPS = /^(sqlite_|_cf_|d1_migrations|sites|sites_by_token|salts|events_before_rollups|rollup_backfill)/;

/**
 * Bytes per stored event, as SQLite holds them in pages (dbstat): the events table with its
 * two indexes, the pages and product facts its compact rows refer to (migrations/0006), and
 * every rollup table apart — any other table of the schema, so later rollups count too.
 */
export function bytesPerEvent(file) {
  const db = new DatabaseSync(file, { readOnly: true });
  const count = db.prepare('SELECT count(*) AS n FROM events').get().n;
  const parts = db.prepare('SELECT name, sum(pgsize) AS bytes, sum(unused) AS unused FROM dbstat GROUP BY name').all();
  db.close();
  const per = (names) => parts.filter((p) => names.includes(p.name)).reduce((sum, p) => sum + p.bytes, 0) / count;
  const rollups = parts.filter((p) => !EVENT_TABLES.includes(p.name) && !COMPACT_TABLES.includes(p.name) && !NOT_ROLLUPS.test(p.name));
  return {
    count,
    events: per(EVENT_TABLES),
    structures: parts.filter((p) => EVENT_TABLES.includes(p.name)).map((p) => ({ name: p.name, bytes: p.bytes / count, unused: p.unused / p.bytes })),
    compact: per(COMPACT_TABLES),
    rollups: per(rollups.map((p) => p.name)),
    rollupTables: rollups.map((p) => ({ name: p.name, bytes: p.bytes / count })).sort((a, b) => b.bytes - a.bytes),
  };
}

/** The line the benches print for bytesPerEvent. */
export function bytesLine(b) {
  const top = b.rollupTables.filter((t) => t.bytes >= 1).map((t) => `${t.name} ${t.bytes.toFixed(0)}`).join(', ');
  return (
    `bytes per event at ${b.count.toLocaleString('en')} events: events + indexes ${b.events.toFixed(0)} B ` +
    `(${b.structures.map((s) => `${s.name} ${s.bytes.toFixed(0)}, ${(100 * s.unused).toFixed(0)}% unused`).join('; ')}), ` +
    `pages + product facts ${b.compact.toFixed(0)} B, rollups ${b.rollups.toFixed(0)} B (${top}), ` +
    `whole database ${(b.events + b.compact + b.rollups).toFixed(0)} B`
  );
}
