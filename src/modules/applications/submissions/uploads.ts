import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../../core/http/errors.ts';
import type { FormField } from '../engine/types.ts';
import type { SubmissionContext } from './context.ts';
import { topFields } from './answers.ts';
import { checkIdentity } from './identity.ts';
import { findProcedureForSubmit, isOpen } from './procedure-access.ts';
import { insertAttachment } from './uploads-repo.ts';

/** Types accepted by a file field that names none: documents and photos. */
export const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp', 'image/gif', 'image/tiff'];

/** Upper bound of one upload whatever the form says (the field's maxSizeMb is checked at submit). */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

function fileFields(fields: FormField[]): FormField[] {
  return fields.flatMap((f) => (f.type === 'file' ? [f] : f.type === 'group' ? fileFields(f.fields ?? []) : []));
}

/**
 * Stores an upload for a later submission of the procedure: the type is judged by the bytes against
 * every type the form's file fields accept, the size against 10 MB (and the installation's limit);
 * 415/413 name the file. Returns the upload id to put in the answers.
 */
export async function storeUpload(ctx: SubmissionContext, procedureId: string, file: { filename: string; data: Buffer }) {
  return ctx.platform.inTenant(ctx.tenant.id, async (tx) => {
    const p = await findProcedureForSubmit(tx, procedureId);
    if (!p) throw notFound();
    if (!isOpen(p, ctx.now ?? new Date()) && !(ctx.actor.kind === 'staff' && p.versionId)) {
      throw new AppError(409, 'version_closed', 'applications.submission.version_closed', {}, 'procedureId');
    }
    if (ctx.actor.kind !== 'staff') {
      await checkIdentity(tx, ctx.tenant.id, { identityLevel: p.identityLevel === 'email' ? 'none' : p.identityLevel }, ctx.actor);
    }
    const fields = fileFields(topFields(p.definition!));
    if (fields.length === 0) throw new AppError(415, 'file_type', 'error.file_type', { name: file.filename, type: '-' }, file.filename);
    const allowedTypes = [...new Set(fields.flatMap((f) => (f.accept?.length ? f.accept : DEFAULT_ACCEPT)))];
    const stored = await ctx.platform.files.store(tx, {
      tenantId: ctx.tenant.id, filename: file.filename, data: file.data,
      policy: { allowedTypes, maxBytes: UPLOAD_LIMIT_BYTES },
      ownerType: 'applications.upload',
    });
    const id = randomUUID();
    await insertAttachment(tx, { tenantId: ctx.tenant.id, id, fileId: stored.id, procedureId, filename: stored.filename, contentType: stored.contentType, size: stored.size });
    return { id, filename: stored.filename, contentType: stored.contentType, size: stored.size };
  });
}
