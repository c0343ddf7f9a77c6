import { pgTable, uuid, text, timestamp, integer, jsonb } from 'drizzle-orm/pg-core';
import type { FormDefinition } from '../engine/types.ts';

/** The procedures table as Drizzle sees it (the SQL migration 0001_procedures.sql is the source of truth). */
export const proceduresTable = pgTable('applications_procedures', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  titleJa: text('title_ja').notNull(),
  titleEn: text('title_en').notNull(),
  titleEasy: text('title_easy').notNull(),
  summaryJa: text('summary_ja').notNull(),
  summaryEn: text('summary_en').notNull(),
  summaryEasy: text('summary_easy').notNull(),
  descriptionJa: text('description_ja').notNull(),
  descriptionEn: text('description_en').notNull(),
  descriptionEasy: text('description_easy').notNull(),
  eligibilityJa: text('eligibility_ja').notNull(),
  eligibilityEn: text('eligibility_en').notNull(),
  eligibilityEasy: text('eligibility_easy').notNull(),
  feesJa: text('fees_ja').notNull(),
  feesEn: text('fees_en').notNull(),
  feesEasy: text('fees_easy').notNull(),
  documentsJa: text('documents_ja').notNull(),
  documentsEn: text('documents_en').notNull(),
  documentsEasy: text('documents_easy').notNull(),
  category: text('category').notNull(),
  departmentId: uuid('department_id'),
  sharedDepartmentIds: uuid('shared_department_ids').array().notNull(),
  identityLevel: text('identity_level').notNull(),
  opensAt: timestamp('opens_at', { withTimezone: true }),
  closesAt: timestamp('closes_at', { withTimezone: true }),
  languages: text('languages').array().notNull(),
  searchText: text('search_text').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A row of the procedures table. */
export type ProcedureRow = typeof proceduresTable.$inferSelect;

/** The form versions table: one row per version of a procedure's form. */
export const formVersionsTable = pgTable('applications_form_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  procedureId: uuid('procedure_id').notNull(),
  version: integer('version').notNull(),
  state: text('state').$type<VersionState>().notNull(),
  definition: jsonb('definition').$type<FormDefinition>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
});

/** A row of the form versions table. */
export type FormVersionRow = typeof formVersionsTable.$inferSelect;

/** States of a form version: edited (draft), accepting (live), paused (closed), retired (archived). */
export type VersionState = 'draft' | 'live' | 'closed' | 'archived';

/** Procedure categories the catalogue filters by. */
export const CATEGORIES = ['childcare', 'health', 'tax', 'housing', 'welfare', 'education', 'residence', 'business', 'other'] as const;

/** How strongly an applicant must be identified before submitting. */
export const IDENTITY_LEVELS = ['none', 'email', 'account', 'strong'] as const;
