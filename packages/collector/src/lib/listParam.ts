import type { Context } from 'hono';
import { httpError } from './httpError.ts';

/**
 * A comma-separated filter (`type=cart_add,order_complete`), each value checked by `accept`;
 * undefined when the parameter is absent. `expected` says in the 400 what would be valid.
 */
export function listParam(c: Context, name: string, accept: (value: string) => boolean, expected: string): string[] | undefined {
  const text = c.req.query(name);
  if (text === undefined) return undefined;
  const values = text.split(',').map((value) => value.trim());
  const bad = values.find((value) => !accept(value));
  if (bad !== undefined || values.length > 50) {
    throw httpError(400, `${name} ${JSON.stringify(text.slice(0, 64))} is not valid: ${expected}`);
  }
  return [...new Set(values)];
}
