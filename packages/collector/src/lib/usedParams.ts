/**
 * The leading parameters a statement refers to: D1 refuses a binding past the statement's
 * highest `?N`, and a generated statement (persona rules without values, rules that never
 * read "now") may not refer to its last ones.
 */
export function usedParams(sql: string, params: unknown[]): unknown[] {
  const highest = Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return params.slice(0, highest);
}
