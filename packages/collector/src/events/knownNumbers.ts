/**
 * The numbers of pages and product facts (migrations/0006) this isolate has already seen.
 * A shop's batches keep naming the same pages and products, so a warm isolate compacts a
 * batch without asking D1 and stores it in one round trip. Numbers are never handed out
 * twice in a live database, but a database restored to an earlier point (or a test's
 * storage rolled back) can forget them: so every write that trusts this memory checks, in
 * the same transaction as its insert, that each number still names its text
 * (insertEventsIfNumbersHold), and a failed check forgets everything.
 */
const MAX_ENTRIES = 50_000;
const known = new Map<string, number>();

export type TextKind = 'page' | 'facts';

const keyOf = (kind: TextKind, siteId: number, text: string) => `${kind} ${siteId} ${text}`;

export function knownNumber(kind: TextKind, siteId: number, text: string): number | undefined {
  return known.get(keyOf(kind, siteId, text));
}

export function rememberNumber(kind: TextKind, siteId: number, text: string, number: number): void {
  if (known.size >= MAX_ENTRIES) known.clear();
  known.set(keyOf(kind, siteId, text), number);
}

export function forgetNumbers(): void {
  known.clear();
}
