import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { bearerToken } from '../lib/bearerToken.ts';
import { httpError } from '../lib/httpError.ts';
import { secretsEqual } from '../lib/tokens.ts';

/** Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`; without the secret set, they are closed. */
export const adminAuth = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) throw httpError(401, 'admin API disabled: the ADMIN_TOKEN secret is not set');
  const given = bearerToken(c.req.header('Authorization'));
  if (!given || !(await secretsEqual(given, expected))) {
    throw httpError(401, 'admin token required: Authorization: Bearer <ADMIN_TOKEN>', { 'WWW-Authenticate': 'Bearer' });
  }
  await next();
};
