import { Type, type Static } from '@sinclair/typebox';
import { CATEGORIES, IDENTITY_LEVELS } from './schema.ts';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const nullableDate = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** A procedure category. */
export const Category = Type.Union(CATEGORIES.map((c) => Type.Literal(c)));
/** How strongly the applicant must be identified. */
export const IdentityLevel = Type.Union(IDENTITY_LEVELS.map((c) => Type.Literal(c)));
/** A language a procedure is offered in. */
export const ProcedureLang = Type.Union([Type.Literal('ja'), Type.Literal('en'), Type.Literal('ja-easy')]);

/** The catalogue fields staff edit; every text in ja (required for the title), en and やさしい日本語. */
export const ProcedureInput = Type.Object({
  titleJa: Type.String({ minLength: 1, maxLength: 200 }), titleEn: text(200), titleEasy: text(200),
  summaryJa: text(500), summaryEn: text(500), summaryEasy: text(500),
  descriptionJa: text(20000), descriptionEn: text(20000), descriptionEasy: text(20000),
  eligibilityJa: text(5000), eligibilityEn: text(5000), eligibilityEasy: text(5000),
  feesJa: text(2000), feesEn: text(2000), feesEasy: text(2000),
  documentsJa: text(5000), documentsEn: text(5000), documentsEasy: text(5000),
  category: Category,
  departmentId: Type.String({ format: 'uuid' }),
  sharedDepartmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true })),
  identityLevel: Type.Optional(IdentityLevel),
  opensAt: Type.Optional(nullableDate),
  closesAt: Type.Optional(nullableDate),
  languages: Type.Optional(Type.Array(ProcedureLang, { minItems: 1, uniqueItems: true })),
}, { additionalProperties: false });
/** What staff send to create or replace a procedure. */
export type ProcedureInput = Static<typeof ProcedureInput>;

const s = Type.String();
const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

/** A procedure as staff see it: every language, its form versions' state and how many submissions it has. */
export const AdminProcedure = Type.Object({
  id: s,
  titleJa: s, titleEn: s, titleEasy: s, summaryJa: s, summaryEn: s, summaryEasy: s,
  descriptionJa: s, descriptionEn: s, descriptionEasy: s, eligibilityJa: s, eligibilityEn: s, eligibilityEasy: s,
  feesJa: s, feesEn: s, feesEasy: s, documentsJa: s, documentsEn: s, documentsEasy: s,
  category: s, departmentId: nullableString, sharedDepartmentIds: Type.Array(s), identityLevel: s,
  opensAt: nullableString, closesAt: nullableString, languages: Type.Array(s),
  state: Type.Union([Type.Literal('draft'), Type.Literal('live'), Type.Literal('closed'), Type.Literal('archived')]),
  liveVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'Number of the version citizens see (live or closed), if any' }),
  liveVersionId: nullableString,
  draftVersion: nullableInt,
  draftVersionId: nullableString,
  submissionCount: Type.Integer(),
  createdAt: s, updatedAt: s,
});

/** One version in a procedure's version list. */
export const VersionSummary = Type.Object({
  id: s, version: Type.Integer(), state: s, createdAt: s, publishedAt: nullableString, submissionCount: Type.Integer(),
});

/** One version with its form definition. */
export const VersionDetail = Type.Object({ id: s, version: Type.Integer(), state: s, definition: Type.Unknown() });

/** Body of PUT /procedures/:id/draft: the whole definition (checked by the engine's checkDefinition). */
export const DraftBody = Type.Object({ definition: Type.Unknown() }, { additionalProperties: false });

/** A procedure in the public catalogue, in one language. */
export const ProcedureSummary = Type.Object({
  id: s, title: s, summary: s, category: s, departmentName: s, identityLevel: s,
  open: Type.Boolean({ description: 'Whether applications are accepted now (live and inside the open window)' }),
  opensAt: nullableString, closesAt: nullableString,
});

/** One public procedure with its live form (all languages; the browser localises it). */
export const ProcedurePublic = Type.Object({
  id: s, title: s, summary: s, description: s, eligibility: s, fees: s, documents: s,
  category: s, departmentName: s, identityLevel: s, open: Type.Boolean(),
  opensAt: nullableString, closesAt: nullableString, languages: Type.Array(s),
  form: Type.Union([Type.Object({ versionId: s, version: Type.Integer(), definition: Type.Unknown() }), Type.Null()]),
});

/** Query of the public catalogue. */
export const PublicListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(Category),
  lang: Type.Optional(Type.String()),
});

/** The shareable export of a procedure and its form (`yakuba.form/1`). */
export const ProcedureExport = Type.Object({
  format: Type.Literal('yakuba.form/1'),
  procedure: Type.Object({}, { additionalProperties: true, description: 'The catalogue fields of ProcedureInput, without departmentId and sharedDepartmentIds' }),
  definition: Type.Unknown(),
});

/** Body of POST /procedures/import: an export plus the department that will own the copy. */
export const ImportBody = Type.Object({
  format: Type.String({ maxLength: 40 }),
  procedure: Type.Object({}, { additionalProperties: true, description: 'The catalogue fields of ProcedureInput, without departmentId and sharedDepartmentIds' }),
  definition: Type.Unknown(),
  departmentId: Type.String({ format: 'uuid' }),
  sharedDepartmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { uniqueItems: true })),
});
/** Body of an import. */
export type ImportBody = Static<typeof ImportBody>;

/** Path parameter of one procedure. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
/** Path parameters of one version of a procedure. */
export const VersionParams = Type.Object({ id: Type.String({ format: 'uuid' }), versionId: Type.String({ format: 'uuid' }) });
