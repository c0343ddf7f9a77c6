/**
 * Downloads of uploaded and living resources: the bytes from the file store, with the hash as ETag,
 * counted per month (JST) unless the client only asked (HEAD) or already had them (304).
 */
import type { Actor, Platform, StoredFile, Tenant } from '../../../core/platform.ts';
import { notFound } from '../../../core/http/errors.ts';
import { canSeeDataset } from './access.ts';
import { countDownload, resourceAccess } from './repo.ts';

/** What the route sends: nothing new (304), or the file. */
export type Download =
  | { kind: 'not-modified'; etag: string }
  | { kind: 'file'; etag: string; file: StoredFile; data: Buffer; contentType: string };

/** Whether an If-None-Match header names this ETag (or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').map((s) => s.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*');
}

/** The Content-Type sent: the stored type, with the charset of text files as detected on upload. */
function contentTypeOf(mimetype: string, encoding: string | null): string {
  if (!mimetype.startsWith('text/') || !encoding) return mimetype || 'application/octet-stream';
  const charset = encoding === 'cp932' ? 'Shift_JIS' : encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return `${mimetype}; charset=${charset}`;
}

/**
 * The file of a resource the actor may see; 404 for links, unknown ids and datasets the actor may not
 * see. `count` is false for HEAD; a conditional request that matches is answered 304 and not counted.
 */
export async function downloadResource(platform: Platform, tenant: Tenant, actor: Actor, resourceId: string, opts: { count: boolean; ifNoneMatch?: string }): Promise<Download> {
  return platform.inTenant(tenant.id, async (tx) => {
    const r = await resourceAccess(tx, resourceId);
    if (!r || !r.file_id || !r.url_type || !canSeeDataset(actor, r)) throw notFound();
    const etag = `"${r.hash}"`;
    if (etagMatches(opts.ifNoneMatch, etag)) return { kind: 'not-modified', etag };
    const { file, data } = await platform.files.read(tx, r.file_id);
    if (opts.count) await countDownload(tx, tenant.id, r.id);
    return { kind: 'file', etag, file, data, contentType: contentTypeOf(r.mimetype || file.contentType, r.encoding) };
  });
}
