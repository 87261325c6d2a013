import { randomToken, sha256Base64url } from '../lib/tokens.ts';

/**
 * Visitor id for cookieless events (no `anon` from the SDK): a hash of a random salt that
 * changes every UTC day, the client IP, its user agent and the site. The raw IP is never
 * stored, and yesterday's salt is deleted, so the hash can neither be reversed nor linked
 * across days. Salts live in D1 so every isolate and location agrees on the day's value.
 */
let cached: { day: string; salt: string } | undefined;

export async function cookielessVisitor(db: D1Database, ip: string, userAgent: string, siteKey: string, now: number): Promise<string> {
  const salt = await dailySalt(db, now);
  return 'h_' + (await sha256Base64url(`${salt}|${ip}|${userAgent}|${siteKey}`, 15));
}

async function dailySalt(db: D1Database, now: number): Promise<string> {
  const day = new Date(now).toISOString().slice(0, 10);
  if (cached?.day === day) return cached.salt;
  const [, , row] = await db.batch<{ salt: string }>([
    db.prepare('DELETE FROM salts WHERE day < ?1').bind(day),
    db.prepare('INSERT OR IGNORE INTO salts (day, salt) VALUES (?1, ?2)').bind(day, randomToken(32)),
    db.prepare('SELECT salt FROM salts WHERE day = ?1').bind(day),
  ]);
  const salt = row!.results[0]!.salt;
  cached = { day, salt };
  return salt;
}
