import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { openApiDocument } from '../openapi/document.ts';

/** `GET /v1/openapi.json`: the API described, for codegen and API explorers. */
export const openapi = new Hono<AppEnv>();

openapi.get('/', (c) => c.json(openApiDocument));
