import type { AuditService } from '../platform.ts';

// STUB — replaced by the audit work (hash-chained, append-only log).
export function createAuditService(): AuditService {
  return { record: async () => undefined };
}
