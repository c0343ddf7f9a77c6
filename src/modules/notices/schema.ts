import { Type, type Static } from '@sinclair/typebox';
import { pgTable, uuid, text, timestamp } from 'drizzle-orm/pg-core';

/** The notices table as Drizzle sees it (the SQL migration is the source of truth). */
export const noticesTable = pgTable('notices_notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  category: text('category').notNull(),
  titleJa: text('title_ja').notNull(),
  titleEn: text('title_en').notNull(),
  titleEasy: text('title_easy').notNull(),
  bodyJa: text('body_ja').notNull(),
  bodyEn: text('body_en').notNull(),
  bodyEasy: text('body_easy').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A row of the notices table. */
export type NoticeRow = typeof noticesTable.$inferSelect;

/** Categories a notice can have (the portal colours and filters by them). */
export const NoticeCategory = Type.Union(['general', 'disaster', 'event', 'garbage', 'health'].map((c) => Type.Literal(c)));

/** What staff send to create or replace a notice. */
export const NoticeInput = Type.Object({
  titleJa: Type.String({ minLength: 1, maxLength: 200 }),
  titleEn: Type.Optional(Type.String({ maxLength: 200 })),
  titleEasy: Type.Optional(Type.String({ maxLength: 200 })),
  bodyJa: Type.String({ minLength: 1, maxLength: 20000 }),
  bodyEn: Type.Optional(Type.String({ maxLength: 20000 })),
  bodyEasy: Type.Optional(Type.String({ maxLength: 20000 })),
  category: Type.Optional(NoticeCategory),
  publishedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
}, { additionalProperties: false });
export type NoticeInput = Static<typeof NoticeInput>;

/** A notice as citizens get it: one language, published only. */
export const PublicNotice = Type.Object({
  id: Type.String(),
  category: Type.String(),
  title: Type.String(),
  body: Type.String(),
  publishedAt: Type.String(),
});

/** A notice as staff get it: every language and its state. */
export const AdminNotice = Type.Object({
  id: Type.String(),
  category: Type.String(),
  titleJa: Type.String(), titleEn: Type.String(), titleEasy: Type.String(),
  bodyJa: Type.String(), bodyEn: Type.String(), bodyEasy: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** Query of the public list. */
export const PublicListQuery = Type.Object({
  category: Type.Optional(NoticeCategory),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  lang: Type.Optional(Type.String()),
});

/** Path parameter of one notice. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
