import type { EventService } from '../platform.ts';
import { enqueue, enqueueMany } from '../notify/outbox-repo.ts';

const NAME = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+$/;

/** Domain events through the outbox: stored with the change that caused them, delivered by the job runner. */
export function createEventService(): EventService {
  return {
    async publish(tx, tenantId, name, payload) {
      if (!NAME.test(name)) throw new Error(`event name "${name}" must be dotted lower case, e.g. "applications.submitted"`);
      await enqueue(tx, tenantId, 'event', { name, data: payload });
    },
    async publishMany(tx, tenantId, events) {
      for (const e of events) if (!NAME.test(e.name)) throw new Error(`event name "${e.name}" must be dotted lower case, e.g. "applications.submitted"`);
      await enqueueMany(tx, events.map((e) => ({ tenantId, channel: 'event' as const, payload: { name: e.name, data: e.payload } })));
    },
  };
}
