// The CKAN shapes and staff-route answers the console reads. Copied from the server
// (src/modules/opendata/catalog/types.ts, standards/validate.ts, standards/templates.ts) because the web
// may not import from src/; only the fields the console uses are listed.

export type { Translated, CkanOrganization, CkanGroup, CkanTag, ResourceCheck, CkanResource, CkanPackage } from '../types.ts';
import type { CkanPackage, Translated } from '../types.ts';

/** package_search's answer. */
export interface SearchResult { count: number; results: CkanPackage[] }

/** A licence of license_list. */
export interface CkanLicense { id: string; title: string; title_en?: string; url?: string }

/** What package_create and package_patch take (patch: only the changed fields plus `id`). */
export interface PackageInput {
  name?: string;
  title_translated?: Translated;
  notes_translated?: Translated;
  owner_org?: string;
  license_id?: string;
  tags?: { name: string }[];
  groups?: { name: string }[];
  private?: boolean;
  state?: 'draft' | 'active';
  template_id?: string | null;
}

/** A column of a 自治体標準オープンデータセット template. */
export interface TemplateColumn { name: string; type: string; required: boolean; aliases: string[] }

/** A 自治体標準オープンデータセット template. */
export interface Template { id: string; title: string; columns: TemplateColumn[] }

/** One problem the standard check found (row 1 is the header). */
export interface Problem { row: number; column: string; value: string; code: string; message: Translated }

/** The full report of a standard check. */
export interface ValidationReport {
  encoding: string;
  header: { mapped: { column: string; from: string }[]; missing: string[]; unknown: string[] };
  rows: number;
  problems: Problem[];
  /** Problems found beyond the listed ones. */
  moreProblems: number;
}

/** A staff member's API token (the secret itself is only in the answer that created it). */
export interface ApiToken { id: string; name: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null }

/** The answer of creating a token: the secret, shown once. */
export interface CreatedToken extends ApiToken { token: string }
