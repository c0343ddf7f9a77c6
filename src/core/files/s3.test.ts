import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.ts';
import type { UploadPolicy } from '../platform.ts';
import { createFileService } from './service.ts';
import { S3BlobStore } from './storage.ts';
import { sweepOrphanFiles } from './sweep.ts';

/** s3rver ships no types: only what this test uses. */
interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rver;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DOCS: UploadPolicy = { allowedTypes: ['image/png', 'image/jpeg', 'application/pdf', 'text/csv'], maxBytes: 1024 * 1024 };
const BUCKET = 'yakuba-files';
const SECRET = 'S3RVER'; // s3rver's built-in account: access key S3RVER, secret S3RVER
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Why the request would be refused by S3, or null. s3rver 3.7 checks only the access key id of a SigV4
 * request ("calculation is unimplemented"), so the test recomputes the signature from the request as it
 * arrived on the wire, the way S3 does, including the payload hash against the body actually received.
 */
function sigV4Problem(req: IncomingMessage, body: Buffer): string | null {
  const auth = /^AWS4-HMAC-SHA256 Credential=(\w+)\/(\d{8})\/([\w-]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
  if (!auth) return 'AccessDenied: no SigV4 Authorization header';
  const [, , day, region, signed, signature] = auth;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const when = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!amzDate.startsWith(day) || !(Math.abs(when - Date.now()) < 15 * 60_000)) return 'RequestTimeTooSkewed';
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== sha256(body)) return 'XAmzContentSHA256Mismatch';
  const names = signed.split(';');
  const unsigned = Object.keys(req.headers).filter((h) => (h === 'host' || h === 'content-type' || h.startsWith('x-amz-')) && !names.includes(h));
  if (unsigned.length) return `AccessDenied: unsigned ${unsigned.join(', ')}`;
  const url = new URL(req.url!, 'http://stand-in');
  const canonical = [
    req.method,
    url.pathname.split('/').map((seg) => encode(decodeURIComponent(seg))).join('/'),
    [...url.searchParams].map(([k, v]) => `${encode(k)}=${encode(v)}`).sort().join('&'),
    names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join(''),
    signed,
    payloadHash,
  ].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, `${day}/${region}/s3/aws4_request`, sha256(canonical)].join('\n');
  const key = ['s3', 'aws4_request'].reduce(hmac, hmac(hmac(`AWS4${SECRET}`, day), region));
  return hmac(key, toSign).toString('hex') === signature ? null : 'SignatureDoesNotMatch';
}

/** A front for s3rver that refuses badly signed requests with S3's error document and passes the rest on. */
function verifyingFront(s3rverPort: number, log: { accepted: number; refused: string[] }): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const body = Buffer.concat(chunks);
      const problem = sigV4Problem(req, body);
      if (problem) {
        log.refused.push(problem);
        res.writeHead(403, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${problem.split(':')[0]}</Code><Message>${problem}</Message></Error>`);
        return;
      }
      log.accepted += 1;
      const upstream = request({ host: '127.0.0.1', port: s3rverPort, method: req.method, path: req.url, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      });
      upstream.on('error', (err) => res.destroy(err));
      upstream.end(body);
    });
  });
}

describe('file service on an S3-compatible bucket (s3rver)', () => {
  let y: Awaited<ReturnType<typeof testApp>>;
  let s3rver: S3rver;
  let front: Server;
  let dir: string;
  let tenantId: string;
  let otherId: string;
  const log = { accepted: 0, refused: [] as string[] };
  const store = (filename: string, data: Buffer) => y.platform.inTenant(tenantId, (tx) => y.platform.files.store(tx, { tenantId, filename, data, policy: DOCS, ownerType: 'test', ownerId: '1' }));
  const read = (id: string, tenant = tenantId) => y.platform.inTenant(tenant, (tx) => y.platform.files.read(tx, id));
  /** The keys in the bucket, read from s3rver's own directory (`<bucket>/<key>._S3rver_object`), not through our client. */
  const bucketKeys = (): string[] => {
    const root = join(dir, BUCKET);
    return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('._S3rver_object')).map((f) => relative(root, join(root, f.slice(0, -'._S3rver_object'.length)))).sort();
  };
  const bucketObject = (key: string) => readFileSync(join(dir, BUCKET, `${key}._S3rver_object`));
  const fileRows = async () => (await y.db.rows<{ n: number }>(sql`select count(*)::int as n from files`))[0].n;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yakuba-s3rver-'));
    s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await s3rver.run();
    front = verifyingFront(port, log);
    await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
    const endpoint = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    y = await testApp({ config: { s3: { endpoint, bucket: BUCKET, region: 'ap-northeast-1', accessKeyId: 'S3RVER', secretAccessKey: SECRET } } });
    [{ id: tenantId }, { id: otherId }] = await y.db.rows<{ id: string }>(sql`insert into tenants (slug, name_ja, name_en, lg_code) values ('tokushima', '徳島市', 'Tokushima', '362018'), ('matsusaka', '松阪市', 'Matsusaka', '242047') returning id`);
  });
  afterAll(async () => {
    await y?.close();
    await new Promise((done) => front?.close(done));
    await s3rver?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores a PNG and a PDF in the bucket under <tenant>/<id> and reads the same bytes back', async () => {
    const png = await store('写真.png', PNG);
    const pdf = await store('申請書.pdf', PDF);
    expect(png).toMatchObject({ filename: '写真.png', contentType: 'image/png', size: PNG.length, sha256: sha256(PNG) });
    expect(pdf).toMatchObject({ filename: '申請書.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) });
    for (const [file, bytes] of [[png, PNG], [pdf, PDF]] as const) {
      const back = await read(file.id);
      expect(back.file).toEqual(file);
      expect(back.data.equals(bytes)).toBe(true);
      expect(sha256(back.data)).toBe(file.sha256);
      const [row] = await y.db.rows<{ storage_key: string }>(sql`select storage_key from files where id = ${file.id}`);
      expect(row.storage_key).toBe(`${tenantId}/${file.id}`);
      expect(bucketObject(row.storage_key).equals(bytes)).toBe(true);
    }
    // Straight to the final key: a bucket never sees temporary keys.
    expect(bucketKeys()).toEqual([`${tenantId}/${png.id}`, `${tenantId}/${pdf.id}`].sort());
    expect(log.refused).toEqual([]);
    expect(log.accepted).toBe(4);
  });

  it('fails cleanly with a wrong secret key: the error names S3\'s code, no row and no object are left', async () => {
    const wrong = createFileService(y.platform, new S3BlobStore({ ...y.platform.config.s3!, secretAccessKey: 'not-the-secret' }));
    const [rows, keys] = [await fileRows(), bucketKeys()];
    const err = await y.platform.inTenant(tenantId, (tx) => wrong.store(tx, { tenantId, filename: 'x.png', data: PNG, policy: DOCS })).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^S3 PUT [\w-]+\/[\w-]+: 403 SignatureDoesNotMatch$/);
    expect((err as Error).message).not.toContain('not-the-secret');
    expect(log.refused.at(-1)).toBe('SignatureDoesNotMatch');
    expect(await fileRows()).toBe(rows);
    expect(bucketKeys()).toEqual(keys);
  });

  it('removes the object when the row cannot be written', async () => {
    const [rows, keys] = [await fileRows(), bucketKeys()];
    // The transaction is another tenant's, so Row Level Security refuses the row after the PUT.
    await expect(y.platform.inTenant(otherId, (tx) => y.platform.files.store(tx, { tenantId, filename: 'x.png', data: PNG, policy: DOCS }))).rejects.toThrow();
    expect(await fileRows()).toBe(rows);
    expect(bucketKeys()).toEqual(keys);
  });

  it('sweeps the object of a transaction that rolled back after storing, and only that one', async () => {
    let orphan = '';
    await expect(y.platform.inTenant(tenantId, async (tx) => {
      orphan = (await y.platform.files.store(tx, { tenantId, filename: 'later-failed.png', data: PNG, policy: DOCS })).id;
      throw new Error('the module failed after storing');
    })).rejects.toThrow('the module failed');
    expect((await y.db.rows(sql`select 1 from files where id = ${orphan}`)).length).toBe(0);
    const keys = bucketKeys();
    expect(keys).toContain(`${tenantId}/${orphan}`);
    expect(await sweepOrphanFiles(y.platform, 60_000)).toBe(0); // too young: maybe an upload in progress
    expect(await sweepOrphanFiles(y.platform, -1)).toBe(1);
    expect(bucketKeys()).toEqual(keys.filter((k) => k !== `${tenantId}/${orphan}`));
    expect(existsSync(join(y.platform.config.dataDir, 'files'))).toBe(false); // nothing went to the data directory
  });

  it('refuses to hand out bytes changed in the bucket, and hides other tenants\' files', async () => {
    const f = await store('a.png', PNG);
    await expect(read(f.id, otherId)).rejects.toMatchObject({ status: 404 });
    await new S3BlobStore(y.platform.config.s3!).put(`${tenantId}/${f.id}`, Buffer.concat([PNG, Buffer.from('x')]));
    await expect(read(f.id)).rejects.toThrow(/SHA-256 mismatch/);
  });

  it('signs keys with spaces, Japanese and reserved characters the way S3 checks them', async () => {
    const blobs = new S3BlobStore(y.platform.config.s3!);
    const refusedBefore = log.refused.length;
    for (const key of [`${tenantId}/申請書 (写し) 1+1=2 !'*~.pdf`, `${tenantId}/100%/a&b;c,d`]) {
      await blobs.put(key, PDF);
      expect(bucketKeys()).toContain(key);
      expect((await blobs.get(key)).equals(PDF)).toBe(true);
      await blobs.delete(key);
      expect(bucketKeys()).not.toContain(key);
      await blobs.delete(key); // deleting what is gone is not an error
    }
    await expect(blobs.get(`${tenantId}/missing`)).rejects.toThrow(/: 404 NoSuchKey$/);
    expect(log.refused.length).toBe(refusedBefore);
  });

  it('lists a prefix page by page with signed queries, for a sweep that compares the bucket with the rows', async () => {
    const blobs = new S3BlobStore(y.platform.config.s3!);
    const prefix = `${otherId}/list & <test> +`;
    const keys = ['a', 'b c', 'd&e', '日本', 'f+g'].map((k) => `${prefix}/${k}`).sort();
    for (const key of keys) await blobs.put(key, PNG);
    const refusedBefore = log.refused.length;
    const listed = await blobs.list(`${prefix}/`, 2); // 3 pages: the markers sent are keys with & + < and spaces
    expect(listed.map((o) => o.key).sort()).toEqual(keys);
    for (const o of listed) expect(Math.abs(o.modified.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await blobs.list(`${tenantId}/`)).map((o) => o.key).sort()).toEqual(bucketKeys().filter((k) => k.startsWith(`${tenantId}/`)));
    expect(await blobs.list('nothing-here/')).toEqual([]);
    expect(log.refused.length).toBe(refusedBefore);
    for (const key of keys) await blobs.delete(key);
  });
});
