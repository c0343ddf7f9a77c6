import { localized, type ContentLang } from '../../../core/i18n/index.ts';
import type { ProcedureRow, FormVersionRow, VersionState } from './schema.ts';
import type { VersionHead } from './versions-repo.ts';
import type { DepartmentName } from './repo.ts';

type Texts = Pick<ProcedureRow, 'titleJa' | 'titleEn' | 'titleEasy'>;

/** A procedure's title in one language (Japanese where the translation is missing). */
export function procedureTitle(row: Texts, lang: ContentLang): string {
  return localized({ ja: row.titleJa, en: row.titleEn, 'ja-easy': row.titleEasy }, lang);
}

const pick = (row: ProcedureRow, name: 'title' | 'summary' | 'description' | 'eligibility' | 'fees' | 'documents', lang: ContentLang) =>
  localized({ ja: row[`${name}Ja`], en: row[`${name}En`], 'ja-easy': row[`${name}Easy`] }, lang);

/** Whether a procedure accepts applications at `now`: its form is live and now is inside the open window. */
export function isOpen(row: Pick<ProcedureRow, 'opensAt' | 'closesAt'>, state: VersionState | null, now: Date): boolean {
  if (state !== 'live') return false;
  if (row.opensAt && row.opensAt > now) return false;
  if (row.closesAt && row.closesAt <= now) return false;
  return true;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The state of a procedure as a whole, from its versions: live or closed when one is, else archived or draft. */
export function procedureState(versions: Pick<VersionHead, 'state'>[]): VersionState {
  for (const s of ['live', 'closed'] as const) if (versions.some((v) => v.state === s)) return s;
  return versions.some((v) => v.state === 'archived') ? 'archived' : 'draft';
}

/** A procedure for the staff console: every language, the state of its form and its submission count. */
export function presentAdmin(row: ProcedureRow, versions: VersionHead[], submissionCount: number) {
  const current = versions.find((v) => v.state === 'live' || v.state === 'closed');
  const draft = versions.find((v) => v.state === 'draft');
  return {
    id: row.id,
    titleJa: row.titleJa, titleEn: row.titleEn, titleEasy: row.titleEasy,
    summaryJa: row.summaryJa, summaryEn: row.summaryEn, summaryEasy: row.summaryEasy,
    descriptionJa: row.descriptionJa, descriptionEn: row.descriptionEn, descriptionEasy: row.descriptionEasy,
    eligibilityJa: row.eligibilityJa, eligibilityEn: row.eligibilityEn, eligibilityEasy: row.eligibilityEasy,
    feesJa: row.feesJa, feesEn: row.feesEn, feesEasy: row.feesEasy,
    documentsJa: row.documentsJa, documentsEn: row.documentsEn, documentsEasy: row.documentsEasy,
    category: row.category, departmentId: row.departmentId, sharedDepartmentIds: row.sharedDepartmentIds,
    identityLevel: row.identityLevel, opensAt: iso(row.opensAt), closesAt: iso(row.closesAt), languages: row.languages,
    state: procedureState(versions),
    liveVersion: current?.version ?? null, liveVersionId: current?.id ?? null,
    draftVersion: draft?.version ?? null, draftVersionId: draft?.id ?? null,
    submissionCount,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

/** One version in the version list. */
export function presentVersionHead(v: VersionHead, submissionCount: number) {
  return { id: v.id, version: v.version, state: v.state, createdAt: v.createdAt.toISOString(), publishedAt: iso(v.publishedAt), submissionCount };
}

/** One version with its definition. */
export function presentVersion(v: FormVersionRow) {
  return { id: v.id, version: v.version, state: v.state, definition: v.definition };
}

function departmentName(dept: DepartmentName | undefined, lang: ContentLang): string {
  if (!dept) return '';
  return lang === 'en' && dept.nameEn ? dept.nameEn : dept.nameJa;
}

/** A procedure in the public catalogue, in one language. */
export function presentSummary(row: ProcedureRow, state: VersionState, dept: DepartmentName | undefined, lang: ContentLang, now: Date) {
  return {
    id: row.id,
    title: pick(row, 'title', lang),
    summary: pick(row, 'summary', lang),
    category: row.category,
    departmentName: departmentName(dept, lang),
    identityLevel: row.identityLevel,
    open: isOpen(row, state, now),
    opensAt: iso(row.opensAt), closesAt: iso(row.closesAt),
  };
}

/** A public procedure with its live form (the definition whole, every language: the browser localises). */
export function presentPublic(row: ProcedureRow, version: FormVersionRow, dept: DepartmentName | undefined, lang: ContentLang, now: Date) {
  return {
    ...presentSummary(row, version.state, dept, lang, now),
    description: pick(row, 'description', lang),
    eligibility: pick(row, 'eligibility', lang),
    fees: pick(row, 'fees', lang),
    documents: pick(row, 'documents', lang),
    languages: row.languages,
    form: version.state === 'live' ? { versionId: version.id, version: version.version, definition: version.definition } : null,
  };
}
