import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error answered as `{"error": message}` with `status` by the app's one `onError`. */
export function httpError(status: ContentfulStatusCode, message: string, headers?: Record<string, string>): HTTPException {
  return new HTTPException(status, {
    res: new Response(JSON.stringify({ error: message }), {
      status,
      headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers },
    }),
  });
}
