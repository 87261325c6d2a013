import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { httpError } from '../lib/httpError.ts';

export interface RateLimitOptions {
  /** Picks the Workers rate-limiting binding. */
  limiter: (env: AppEnv['Bindings']) => RateLimit;
  /** The key counted, e.g. the client. */
  key: (c: Context<AppEnv>) => string;
  /** Seconds the client should wait: the binding's period. */
  retryAfter: number;
}

/** `429` with `Retry-After` once the key has used its budget for the period. */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler<AppEnv> => async (c, next) => {
  await enforceRateLimit(options.limiter(c.env), options.key(c), options.retryAfter);
  await next();
};

export async function enforceRateLimit(limiter: RateLimit, key: string, retryAfter: number): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw httpError(429, 'rate limit exceeded; retry later', { 'Retry-After': String(retryAfter) });
  }
}
