import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import type { UploadPolicy } from '../platform.ts';
import { signS3 } from './s3-sign.ts';
import { sweepOrphanFiles } from './sweep.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** The start of a Windows executable: DOS header "MZ", PE offset, PE signature. */
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();
const DOCS: UploadPolicy = { allowedTypes: ['image/png', 'image/jpeg', 'application/pdf', 'text/csv'], maxBytes: 1024 * 1024 };

describe('file service', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let tenantId: string;
  let otherId: string;
  const store = (filename: string, data: Buffer, policy = DOCS) => y.platform.inTenant(tenantId, (tx) => y.platform.files.store(tx, { tenantId, filename, data, policy, ownerType: 'test', ownerId: '1' }));
  const filesDir = () => join(y.platform.config.dataDir, 'files', tenantId);

  beforeAll(async () => {
    y = await testApp();
    [{ id: tenantId }, { id: otherId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('tokushima', '徳島市', 'Tokushima', '362018'), ('matsusaka', '松阪市', 'Matsusaka', '242047') returning id`);
  });
  afterAll(async () => y?.close());

  it('accepts a PNG and a PDF, records the SHA-256 and reads the same bytes back', async () => {
    const png = await store('写真.png', PNG);
    expect(png).toMatchObject({ filename: '写真.png', contentType: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
    const pdf = await store('../../申請書.pdf', PDF);
    expect(pdf).toMatchObject({ filename: '申請書.pdf', contentType: 'application/pdf' });
    const [row] = await y.db.rows<{ sha256: string; storage_key: string }>(sql`select sha256, storage_key from files where id = ${pdf.id}`);
    expect(row).toEqual({ sha256: createHash('sha256').update(PDF).digest('hex'), storage_key: `${tenantId}/${pdf.id}` });
    const back = await y.platform.inTenant(tenantId, (tx) => y.platform.files.read(tx, png.id));
    expect(back.data.equals(PNG)).toBe(true);
    expect(back.file).toEqual(png);
    expect(existsSync(join(filesDir(), png.id))).toBe(true);
  });

  it('judges text by its content: UTF-8 CSV passes, binary named .csv does not', async () => {
    const csv = await store('名簿.csv', Buffer.from('\ufeff氏名,住所\n徳島 太郎,徳島市幸町\n'));
    expect(csv.contentType).toBe('text/csv');
    await expect(store('名簿.csv', Buffer.from([0x93, 0xbf, 0x93, 0x87, 0x00, 0x01]))).rejects.toMatchObject({ status: 415 });
  });

  it('rejects an executable renamed to .pdf with 415 naming the file', async () => {
    const err = await store('invoice.pdf', EXE).catch((e) => e);
    expect(err).toMatchObject({ status: 415, code: 'file_type', field: 'invoice.pdf', params: { name: 'invoice.pdf' } });
    expect(err.params.type).not.toBe('application/pdf');
  });

  it('rejects an oversize file with 413 naming the file and the limit', async () => {
    const err = await store('big.png', Buffer.concat([PNG, Buffer.alloc(2048)]), { allowedTypes: ['image/png'], maxBytes: 1024 }).catch((e) => e);
    expect(err).toMatchObject({ status: 413, code: 'file_too_large', field: 'big.png', params: { name: 'big.png', limit: '1 KB' } });
  });

  it('leaves no bytes behind when the row cannot be written', async () => {
    const before = readdirSync(filesDir()).length;
    // The transaction is another tenant's, so Row Level Security refuses the row.
    await expect(y.platform.inTenant(otherId, (tx) => y.platform.files.store(tx, { tenantId, filename: 'x.png', data: PNG, policy: DOCS }))).rejects.toThrow();
    expect(readdirSync(filesDir()).length).toBe(before);
    expect(readdirSync(filesDir()).some((f) => f.startsWith('.tmp-'))).toBe(false);
  });

  it('sweeps bytes whose transaction rolled back after they were stored, once they are old enough', async () => {
    let orphan = '';
    await expect(y.platform.inTenant(tenantId, async (tx) => {
      orphan = (await y.platform.files.store(tx, { tenantId, filename: 'later-failed.png', data: PNG, policy: DOCS })).id;
      throw new Error('the module failed after storing');
    })).rejects.toThrow('the module failed');
    const kept = await store('kept.png', PNG);
    expect(existsSync(join(filesDir(), orphan))).toBe(true);
    expect(await sweepOrphanFiles(y.platform)).toBe(0); // too young: could be an upload in progress
    const past = new Date(Date.now() - 2 * 3600_000);
    for (const name of readdirSync(filesDir())) utimesSync(join(filesDir(), name), past, past);
    expect(await sweepOrphanFiles(y.platform)).toBe(1);
    expect(existsSync(join(filesDir(), orphan))).toBe(false);
    expect(existsSync(join(filesDir(), kept.id))).toBe(true);
  });

  it('refuses to hand out bytes changed in storage, and hides other tenants\' files', async () => {
    const f = await store('a.png', PNG);
    await expect(y.platform.inTenant(otherId, (tx) => y.platform.files.read(tx, f.id))).rejects.toMatchObject({ status: 404 });
    writeFileSync(join(filesDir(), f.id), Buffer.concat([PNG, Buffer.from('x')]));
    await expect(y.platform.inTenant(tenantId, (tx) => y.platform.files.read(tx, f.id))).rejects.toThrow(/SHA-256 mismatch/);
  });
});

describe('S3 signature (SigV4)', () => {
  it('matches the GET Object example of the AWS S3 documentation', () => {
    const headers = signS3({
      method: 'GET',
      url: 'https://examplebucket.s3.amazonaws.com/test.txt',
      headers: { range: 'bytes=0-9' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      now: new Date('2013-05-24T00:00:00Z'),
    }, { region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});
