import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, Tx } from './db/connection.ts';
import type { Manifest } from './modules/manifest.ts';

/** Who acts: a staff member, a citizen, the system (jobs, CLI) or nobody signed in. */
export interface Actor {
  kind: 'staff' | 'citizen' | 'system' | 'anonymous';
  id: string | null;
  tenantId: string | null;
  /** Permission ids the actor holds in this tenant (staff); '*' means every permission (tenant admin). */
  permissions: Set<string>;
  departmentIds: string[];
  sessionId: string | null;
  displayName?: string;
}

/** A tenant as requests see it. */
export interface Tenant {
  id: string;
  slug: string;
  nameJa: string;
  nameEn: string;
  lgCode: string;
  settings: Record<string, unknown>;
}

/** An entry for the hash-chained audit log. */
export interface AuditEntry {
  tenantId: string;
  actor: Pick<Actor, 'kind' | 'id'>;
  /** Dotted verb, e.g. `auth.login`, `core.role.update`, `applications.submission.read`. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Whether the action read or changed personal data (filterable in the audit screen). */
  personalData?: boolean;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Writes to the append-only audit log, inside the caller's transaction so it commits with the change. */
export interface AuditService {
  record(tx: Tx, entry: AuditEntry): Promise<void>;
  /** Several entries of one tenant in one step (one lock, one insert): for batched writes. */
  recordMany(tx: Tx, entries: AuditEntry[]): Promise<void>;
}

/** An email to send through the outbox. */
export interface EmailMessage {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** A web-push message to the subscriptions of one citizen, staff member or topic. */
export interface PushMessage {
  tenantId: string;
  /** `citizen:{id}`, `staff:{id}` or `topic:{name}` */
  audience: string;
  title: string;
  body: string;
  url?: string;
}

/** Queues notifications in the durable outbox, inside the caller's transaction. */
export interface NotifyService {
  email(tx: Tx, message: EmailMessage): Promise<string>;
  /** Several emails with one statement (a batch of receipts); outbox ids in input order. */
  emailMany(tx: Tx, messages: EmailMessage[]): Promise<string[]>;
  push(tx: Tx, message: PushMessage): Promise<string>;
  /** The installation's public VAPID key, for browsers subscribing to push. */
  vapidPublicKey(): string;
}

/** A stored file's record. */
export interface StoredFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Limits for one upload: content types accepted (checked on the bytes) and the size. */
export interface UploadPolicy {
  allowedTypes: string[];
  maxBytes: number;
}

/** Stores attachments (filesystem or S3) with content-checked type and SHA-256. */
export interface FileService {
  store(tx: Tx, input: { tenantId: string; filename: string; data: Buffer; policy: UploadPolicy; ownerType?: string; ownerId?: string }): Promise<StoredFile>;
  read(tx: Tx, id: string): Promise<{ file: StoredFile; data: Buffer }>;
  /** Forgets a file no record uses any more (replaced, deleted): the row now, the bytes at the next sweep. */
  remove(tx: Tx, id: string): Promise<void>;
}

/** Publishes domain events through the outbox; subscribers are modules' `events` handlers. */
export interface EventService {
  publish(tx: Tx, tenantId: string, name: string, payload: Record<string, unknown>): Promise<void>;
  /** Several events of one tenant with one statement. */
  publishMany(tx: Tx, tenantId: string, events: { name: string; payload: Record<string, unknown> }[]): Promise<void>;
}

/** Everything the core offers modules: handed to route plugins, jobs and hooks. */
export interface Platform {
  config: Config;
  db: Database;
  log: FastifyBaseLogger;
  modules: Manifest[];
  audit: AuditService;
  notify: NotifyService;
  files: FileService;
  events: EventService;
  /** Runs `fn` in a tenant transaction (Row Level Security on). */
  inTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
}
