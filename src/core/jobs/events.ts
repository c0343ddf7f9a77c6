import type { EventService } from '../platform.ts';
import { enqueue } from '../notify/outbox-repo.ts';

const NAME = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+$/;

/** Domain events through the outbox: stored with the change that caused them, delivered by the job runner. */
export function createEventService(): EventService {
  return {
    async publish(tx, tenantId, name, payload) {
      if (!NAME.test(name)) throw new Error(`event name "${name}" must be dotted lower case, e.g. "applications.submitted"`);
      await enqueue(tx, tenantId, 'event', { name, data: payload });
    },
  };
}
