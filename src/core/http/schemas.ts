import { Type, type TSchema } from '@sinclair/typebox';

/**
 * Schemas shared by the core's route declarations, for the OpenAPI document (/api/docs). Response
 * schemas also make Fastify serialise only the listed fields, so each one lists everything the
 * presenter returns.
 */

/** The tags the core's routes are grouped under in /api/docs, with what each holds. */
export const CORE_TAGS = {
  'auth (staff)': 'Staff sign-in, session, two-factor authentication and password reset (職員認証)',
  'auth (citizen)': 'Citizen accounts: registration, email verification, sign-in, profile (住民アカウント)',
  oidc: 'Citizen sign-in through the municipality\'s OpenID Connect provider (外部ID連携)',
  'admin: departments': 'Departments of the municipality (課・部署)',
  'admin: users': 'Staff accounts (職員アカウント)',
  'admin: roles': 'Roles made of permissions, and the permission catalogue (ロール・権限)',
  'admin: audit': 'The hash-chained audit log (監査ログ)',
  'admin: outbox': 'Outgoing email, push and event messages (送信キュー)',
  'admin: settings': 'Per-tenant settings: counter contact, OIDC provider, module settings (設定)',
  push: 'Web Push subscriptions (プッシュ通知)',
  portal: 'The citizen portal: tenants, portal data, search (住民ポータル)',
  'open data': 'Datasets the modules publish, and KPI figures (オープンデータ)',
} as const;

/** One of the core's tags. */
export type CoreTag = keyof typeof CORE_TAGS;

/** `tags` of a core route, checked against CORE_TAGS at compile time. */
export const tags = (...names: CoreTag[]): string[] => names;

/** The one error shape every endpoint answers with (see error-handler.ts). */
export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine-readable code, e.g. `invalid`, `not_found`, `conflict`' }),
    message: Type.String({ description: 'Human-readable message in the requester\'s language (ja or en)' }),
    field: Type.Optional(Type.String({ description: 'The input field at fault, e.g. `email` or `children.0.name`' })),
    details: Type.Optional(Type.Array(Type.Unknown(), { description: 'Every problem behind this one, e.g. each field error of a form `{path, code, message}`' })),
  }),
}, { description: 'Error' });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (the field at fault is named)',
  401: 'Not signed in',
  403: 'Lacks the permission',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflicts with the current state (e.g. a value that must be unique is taken)',
  413: 'Body too large',
  423: 'Account locked for a while after repeated failures',
  429: 'Too many requests',
};

/** Error responses for the given 4xx statuses, all in the shared error shape. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, { ...ErrorResponse, description: ERROR_DESCRIPTIONS[s] ?? 'Error' }]));
}

/** Text in each language the platform shows; `ja` always, `en` falls back to it. */
export const LocalText = Type.Object({
  ja: Type.String(),
  en: Type.String(),
  'ja-easy': Type.Optional(Type.String({ description: 'やさしい日本語 (easy Japanese), where given' })),
});

/** An ISO 8601 instant. */
export const Instant = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) });

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** `{ ok: true }`. */
export const Ok = Type.Object({ ok: Type.Boolean({ description: 'Always true' }) });

/** An empty answer (204), or a redirect with no body: `type: 'null'` makes /api/docs show no content. */
export const NoContent = (description: string) => Type.Unsafe<undefined>({ type: 'null', description });
