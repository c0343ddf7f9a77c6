import { sql } from 'drizzle-orm';
import type { JobDef } from '../../../core/modules/manifest.ts';
import type { Platform } from '../../../core/platform.ts';
import { UPLOAD_TTL_HOURS } from './uploads-repo.ts';

/**
 * Deletes uploads no submission named within 24 hours, expired drafts and email codes expired a day ago. The files rows go with
 * the uploads; the core's file sweep then removes their bytes (it keeps only blobs a row points to).
 * Runs as the system across tenants. Returns what it removed.
 */
export async function sweepSubmissionLeftovers(platform: Platform): Promise<{ uploads: number; drafts: number; emailCodes: number }> {
  const uploads = await platform.db.rows<{ file_id: string }>(sql`
    delete from applications_attachments where submission_id is null and created_at < now() - make_interval(hours => ${UPLOAD_TTL_HOURS})
    returning file_id`);
  if (uploads.length) {
    await platform.db.rows(sql`delete from files where id in (${sql.join(uploads.map((u) => sql`${u.file_id}::uuid`), sql`, `)})`);
  }
  const drafts = await platform.db.rows(sql`delete from applications_drafts where expires_at < now() returning id`);
  const emailCodes = await platform.db.rows(sql`delete from applications_email_codes where expires_at < now() - interval '1 day' returning id`);
  return { uploads: uploads.length, drafts: drafts.length, emailCodes: emailCodes.length };
}

/** Scheduled work of submissions: the hourly sweep of stale uploads, expired drafts and email codes. */
export const submissionJobs: JobDef[] = [
  { name: 'applications.submissions.sweep', everyMs: 3600_000, run: async (platform) => { await sweepSubmissionLeftovers(platform); } },
];
