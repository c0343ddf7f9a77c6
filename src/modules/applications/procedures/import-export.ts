import { FormatRegistry, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError, notFound } from '../../../core/http/errors.ts';
import * as repo from './repo.ts';
import * as versions from './versions-repo.ts';
import { assertDefinition } from './definition.ts';
import { adminView, assertManage, toValues, type ServiceContext } from './service.ts';
import { ProcedureInput, type ImportBody } from './http-schema.ts';
import type { FormDefinition } from '../engine/types.ts';

/** The one format a form is shared in between cities. */
export const EXPORT_FORMAT = 'yakuba.form/1';

/** Catalogue fields an export carries: everything but the departments, which are the exporting city's own. */
const SharedProcedure = Type.Omit(ProcedureInput, ['departmentId', 'sharedDepartmentIds']);
const SHARED_KEYS = Object.keys(SharedProcedure.properties);

// TypeBox's Value checks formats only once they are registered (Fastify's AJV knows its own).
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)));

/** The shareable JSON of a procedure: its catalogue texts and the definition of its current (else draft, else latest) form. */
export async function exportProcedure(ctx: ServiceContext, id: string): Promise<{ format: typeof EXPORT_FORMAT; procedure: Record<string, unknown>; definition: FormDefinition }> {
  assertManage(ctx);
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const row = await repo.findProcedure(tx, id);
    if (!row) throw notFound();
    const version = (await versions.findInState(tx, id, ['live', 'closed'])) ?? (await versions.findInState(tx, id, ['draft', 'archived']));
    if (!version) throw new AppError(409, 'state_conflict', 'applications.error.no_form', {}, 'definition');
    const view = await adminView(tx, row);
    const procedure = Object.fromEntries(SHARED_KEYS.map((k) => [k, (view as Record<string, unknown>)[k]]));
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'applications.procedure.export', targetType: 'procedure', targetId: id, details: { version: version.version } });
    return { format: EXPORT_FORMAT, procedure, definition: version.definition };
  });
}

/**
 * Creates a procedure from an export, owned by the given department, with the definition as draft
 * version 1 (staff review and publish it). 400 naming the field for an unknown format, bad
 * catalogue fields (`procedure.<field>`) or a malformed definition (`definition.<path>`).
 */
export async function importProcedure(ctx: ServiceContext, body: ImportBody) {
  assertManage(ctx);
  if (body.format !== EXPORT_FORMAT) throw new AppError(400, 'invalid', 'applications.error.import_format', { format: String(body.format).slice(0, 40) }, 'format');
  // Keep what this version knows: a newer exporter may add fields.
  const known = Object.fromEntries(Object.entries(body.procedure).filter(([k, v]) => SHARED_KEYS.includes(k) && v !== undefined));
  const error = Value.Errors(SharedProcedure, known).First();
  if (error) {
    const field = `procedure.${error.path.replace(/^\//, '').replace(/\//g, '.')}`.replace(/\.$/, '');
    throw new AppError(400, 'invalid', 'error.validation', { field, detail: error.message }, field);
  }
  const definition = assertDefinition(body.definition, ctx.lang);
  return ctx.platform.inTenant(ctx.tenantId, async (tx) => {
    const input = { ...known, departmentId: body.departmentId, sharedDepartmentIds: body.sharedDepartmentIds ?? [] } as ProcedureInput;
    const row = await repo.insertProcedure(tx, ctx.tenantId, ctx.actor.id, await toValues(tx, input));
    await versions.insertVersion(tx, { tenantId: ctx.tenantId, procedureId: row.id, version: 1, state: 'draft', definition, createdBy: ctx.actor.id });
    await ctx.platform.audit.record(tx, { tenantId: ctx.tenantId, actor: ctx.actor, action: 'applications.procedure.import', targetType: 'procedure', targetId: row.id, details: { title: row.titleJa } });
    return adminView(tx, row);
  });
}
