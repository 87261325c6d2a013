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
