import { app } from './app.ts';
import { drainEventQueue } from './events/drainEventQueue.ts';
import type { EventRows } from './events/queueEventWriter.ts';

export default {
  fetch: app.fetch,
  queue: drainEventQueue,
} satisfies ExportedHandler<Env, EventRows>;
