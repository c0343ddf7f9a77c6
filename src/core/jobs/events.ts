import type { EventService } from '../platform.ts';

// STUB — replaced by the jobs work (events through the outbox, delivered to modules' handlers).
export function createEventService(): EventService {
  return { publish: async () => undefined };
}
