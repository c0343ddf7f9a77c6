/**
 * The standard check for staff: a resource's stored report, a dry run of a file against a template
 * (nothing saved), and the templates themselves.
 */
import type { Actor, Platform, Tenant } from '../../../core/platform.ts';
import { can } from '../../../core/auth/access.ts';
import { forbidden, invalid, notFound } from '../../../core/http/errors.ts';
import { MANAGE, PUBLISH, canEditOrg } from '../policy.ts';
import { TEMPLATES, templateById, type ColumnType } from '../standards/templates.ts';
import { validateCsv, type ValidationReport } from '../standards/validate.ts';
import { canSeeDataset } from './access.ts';
import { resourceAccess } from './repo.ts';
import { reportOk } from './upload.ts';

/** A check as the staff screens show it. */
export interface CheckOut {
  templateId: string | null;
  ok: boolean | null;
  report: ValidationReport | null;
}

function assertStaff(actor: Actor): void {
  if (!can(actor, MANAGE) && !can(actor, PUBLISH)) throw forbidden();
}

/** The last check of a resource (report null when it is not a CSV of a dataset with a template). */
export async function resourceCheck(platform: Platform, tenant: Tenant, actor: Actor, resourceId: string): Promise<CheckOut & { resourceId: string }> {
  assertStaff(actor);
  const r = await platform.inTenant(tenant.id, (tx) => resourceAccess(tx, resourceId));
  if (!r || r.state === 'deleted') throw notFound();
  if (!canEditOrg(actor, r.department_id)) throw canSeeDataset(actor, r) ? forbidden() : notFound();
  return { resourceId: r.id, templateId: r.template_id, ok: r.check_ok, report: (r.check_report as ValidationReport | null) ?? null };
}

/** Checks a CSV against a template without saving anything (a dry run before uploading). */
export function dryRunCheck(actor: Actor, templateId: string | undefined, file: { data: Buffer } | undefined): CheckOut {
  assertStaff(actor);
  if (!templateId) throw invalid('template', 'required');
  const template = templateById(templateId);
  if (!template) throw invalid('template', `unknown template "${templateId}"`);
  if (!file) throw invalid('file', 'required');
  const report = validateCsv(file.data, template);
  return { templateId, ok: reportOk(report), report };
}

/** A template as listed for staff. */
export interface TemplateOut {
  id: string;
  title: string;
  columns: { name: string; type: ColumnType; required: boolean; aliases: string[] }[];
}

/** Every 自治体標準オープンデータセット template. */
export function templates(actor: Actor): TemplateOut[] {
  assertStaff(actor);
  return TEMPLATES.map((t) => ({ id: t.id, title: t.title, columns: t.columns.map((c) => ({ name: c.name, type: c.type, required: c.required, aliases: [...c.aliases] })) }));
}
