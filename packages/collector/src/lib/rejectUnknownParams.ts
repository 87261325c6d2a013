import type { Context } from 'hono';
import { httpError } from './httpError.ts';

/** A 400 naming the first query parameter not in `known`: a typo (`form=csv`) should not pass silently. */
export function rejectUnknownParams(c: Context, known: readonly string[]): void {
  for (const name of Object.keys(c.req.queries())) {
    if (!known.includes(name)) throw httpError(400, `unknown parameter ${JSON.stringify(name)}; expected ${known.join(', ')}`);
  }
}
