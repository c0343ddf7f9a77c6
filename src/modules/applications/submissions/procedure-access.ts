import { sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/connection.ts';
import { txRows } from '../../../core/db/tenant-tx.ts';
import type { FormDefinition } from '../engine/types.ts';

/** What submitting needs to know of a procedure: owner, identity level, window and its current version. */
export interface ProcedureForSubmit {
  id: string;
  titleJa: string;
  titleEn: string;
  titleEasy: string;
  departmentId: string | null;
  sharedDepartmentIds: string[];
  identityLevel: 'none' | 'email' | 'account' | 'strong';
  opensAt: Date | null;
  closesAt: Date | null;
  /** The version citizens see (live or closed), if any. */
  versionId: string | null;
  version: number | null;
  versionState: 'live' | 'closed' | null;
  definition: FormDefinition | null;
}

interface Row {
  id: string; title_ja: string; title_en: string; title_easy: string; department_id: string | null; shared_department_ids: string[] | string;
  identity_level: ProcedureForSubmit['identityLevel']; opens_at: Date | string | null; closes_at: Date | string | null;
  version_id: string | null; version: number | null; state: 'live' | 'closed' | null; definition: FormDefinition | null;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));
/** uuid[] arrives as an array from both drivers, or as `{a,b}` text from some; read either. */
const uuidArray = (v: string[] | string | null): string[] => (Array.isArray(v) ? v : String(v ?? '').replace(/[{}]/g, '').split(',').filter(Boolean));

/** A procedure with its current (live or closed) version; undefined when it does not exist in the tenant. */
export async function findProcedureForSubmit(tx: Tx, procedureId: string, opts: { withDefinition?: boolean } = {}): Promise<ProcedureForSubmit | undefined> {
  const [r] = await txRows<Row>(tx, sql`
    select p.id, p.title_ja, p.title_en, p.title_easy, p.department_id, p.shared_department_ids, p.identity_level, p.opens_at, p.closes_at,
           v.id as version_id, v.version, v.state, ${opts.withDefinition === false ? sql`null::jsonb` : sql`v.definition`} as definition
      from applications_procedures p
      left join applications_form_versions v on v.procedure_id = p.id and v.state in ('live', 'closed')
     where p.id = ${procedureId}::uuid`);
  if (!r) return undefined;
  return {
    id: r.id, titleJa: r.title_ja, titleEn: r.title_en, titleEasy: r.title_easy, departmentId: r.department_id,
    sharedDepartmentIds: uuidArray(r.shared_department_ids), identityLevel: r.identity_level,
    opensAt: date(r.opens_at), closesAt: date(r.closes_at),
    versionId: r.version_id, version: r.version === null ? null : Number(r.version), versionState: r.state, definition: r.definition,
  };
}

/** Whether a procedure accepts submissions now: a live version and inside its open window. */
export function isOpen(p: ProcedureForSubmit, now: Date): boolean {
  if (p.versionState !== 'live' || !p.versionId) return false;
  if (p.opensAt && now < p.opensAt) return false;
  if (p.closesAt && now >= p.closesAt) return false;
  return true;
}

/** One form version's number and definition (any state: a submission keeps the version it was made on). */
export async function findVersion(tx: Tx, versionId: string): Promise<{ id: string; version: number; definition: FormDefinition } | undefined> {
  const [r] = await txRows<{ id: string; version: number; definition: FormDefinition }>(tx, sql`
    select id, version, definition from applications_form_versions where id = ${versionId}::uuid`);
  return r ? { ...r, version: Number(r.version) } : undefined;
}

/** The title of a procedure in a language (Japanese where the translation is missing). */
export function procedureTitle(p: { titleJa: string; titleEn: string; titleEasy: string }, lang: string): string {
  return (lang === 'en' ? p.titleEn : lang === 'ja-easy' ? p.titleEasy : '') || p.titleJa;
}
