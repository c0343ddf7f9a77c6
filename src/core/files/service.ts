import { createHash, randomUUID } from 'node:crypto';
import type { FileService, Platform, StoredFile, UploadPolicy } from '../platform.ts';
import type { Tx } from '../db/connection.ts';
import { AppError, notFound } from '../http/errors.ts';
import { sniffContentType, typeAllowed } from './sniff.ts';
import { blobStoreFor, type BlobStore } from './storage.ts';
import { findFile, insertFile, type FileRow, deleteFile } from './repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The name as shown back to people: no directories, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'file').slice(0, 200);
}

/** A byte count as people read it (10 MB). */
function human(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

const toStored = (r: FileRow): StoredFile => ({ id: r.id, filename: r.filename, contentType: r.content_type, size: Number(r.size), sha256: r.sha256 });

/** Checks an upload against its policy, judging the type by the bytes; throws 413/415 naming the file. */
export async function checkUpload(filename: string, data: Buffer, policy: UploadPolicy, maxUploadBytes: number): Promise<string> {
  const limit = Math.min(policy.maxBytes, maxUploadBytes);
  if (data.length > limit) throw new AppError(413, 'file_too_large', 'error.file_too_large', { name: filename, limit: human(limit) }, filename);
  const type = await sniffContentType(data, filename);
  if (!type || !typeAllowed(type, policy.allowedTypes)) {
    throw new AppError(415, 'file_type', 'error.file_type', { name: filename, type: type ?? 'unknown' }, filename);
  }
  return type;
}

/**
 * Attachments for modules: checked on content, stored with their SHA-256. The bytes are written to a
 * temporary key, the row inserted, then the bytes moved into place; a failure removes the bytes.
 */
export function createFileService(platform: Platform, store: BlobStore = blobStoreFor(platform.config)): FileService {
  return {
    async store(tx: Tx, input) {
      const filename = cleanFilename(input.filename);
      const contentType = await checkUpload(filename, input.data, input.policy, platform.config.maxUploadBytes);
      const id = randomUUID();
      const sha256 = createHash('sha256').update(input.data).digest('hex');
      const key = `${input.tenantId}/${id}`;
      const tempKey = store.staged ? `${input.tenantId}/.tmp-${id}` : key;
      await store.put(tempKey, input.data);
      try {
        await insertFile(tx, { tenantId: input.tenantId, id, filename, contentType, size: input.data.length, sha256, storageKey: key, ownerType: input.ownerType, ownerId: input.ownerId });
        if (store.staged) await store.commit(tempKey, key);
      } catch (err) {
        await store.delete(tempKey).catch(() => undefined);
        throw err;
      }
      return { id, filename, contentType, size: input.data.length, sha256 };
    },

    async read(tx: Tx, id: string) {
      if (!UUID.test(id)) throw notFound();
      const row = await findFile(tx, id);
      if (!row) throw notFound();
      const data = await store.get(row.storage_key);
      const actual = createHash('sha256').update(data).digest('hex');
      // Bytes that changed in storage are not handed out as if they were the upload.
      if (actual !== row.sha256) throw new Error(`file ${id}: SHA-256 mismatch in storage (expected ${row.sha256}, got ${actual})`);
      return { file: toStored(row), data };
    },

    async remove(tx: Tx, id: string) {
      if (UUID.test(id)) await deleteFile(tx, id);
    },
  };
}
