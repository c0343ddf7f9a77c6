import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Config } from '../../config.ts';
import { rfc3986, sha256Hex, signS3 } from './s3-sign.ts';

/** Where file bytes live: the filesystem or an S3-compatible bucket. */
export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
  /** Moves a finished upload to its final key (the filesystem renames; S3 stores under the final key at once). */
  commit(tempKey: string, key: string): Promise<void>;
  /** Whether uploads go to a temporary key first. */
  readonly staged: boolean;
}

/** Files under `${dataDir}/files/<tenant>/<id>`; writes land in a temp file renamed into place. */
export class FsBlobStore implements BlobStore {
  readonly staged = true;
  private root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir, 'files');
  }

  private path(key: string): string {
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep)) throw new Error(`storage key escapes the files directory: ${key}`);
    return p;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, data, { flag: 'wx' });
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async commit(tempKey: string, key: string): Promise<void> {
    await rename(this.path(tempKey), this.path(key));
  }
}

const S3_TIMEOUT_MS = 60_000;

/** The `<Code>` of an S3 error document (SignatureDoesNotMatch, NoSuchKey…), else the start of the body. */
function s3ErrorCode(body: Buffer): string {
  const text = body.toString('utf8');
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? text.slice(0, 200);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Text of an XML element as S3 escapes it. */
const xmlText = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0x${e.slice(2)}` : e.slice(1))) : XML_ENTITIES[e] ?? m));

/** An S3-compatible bucket (AWS, MinIO, Wasabi…), path-style, signed with SigV4 over fetch. */
export class S3BlobStore implements BlobStore {
  readonly staged = false;

  constructor(private s3: NonNullable<Config['s3']>) {}

  /**
   * Path-style URL. Path and query are sent exactly as SigV4 canonicalises them (RFC 3986), so a
   * server that signs the raw request line and one that re-encodes it both agree with us.
   */
  private url(key: string, query: Record<string, string> = {}): string {
    const q = Object.entries(query).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
    const path = key ? `/${key.split('/').map(rfc3986).join('/')}` : ''; // '' is the bucket itself
    return `${this.s3.endpoint.replace(/\/$/, '')}/${this.s3.bucket}${path}${q ? `?${q}` : ''}`;
  }

  /** One signed request; the whole response body is read so the connection goes back to the pool. */
  private async call(method: string, key: string, body?: Buffer, query?: Record<string, string>): Promise<Buffer> {
    const url = this.url(key, query);
    const payloadHash = sha256Hex(body ?? '');
    const headers = signS3({ method, url, payloadHash, headers: body ? { 'content-type': 'application/octet-stream' } : {} }, this.s3);
    delete headers.host; // fetch sets it
    // A hung store must not hold the caller's database transaction open for ever; a redirect (wrong
    // region) is an error to report, not a reason to send the signed request and its bytes elsewhere.
    const res = await fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined, redirect: 'manual', signal: AbortSignal.timeout(S3_TIMEOUT_MS) });
    const data = Buffer.from(await res.arrayBuffer());
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) throw new Error(`S3 ${method} ${key || '/'}: ${res.status} ${s3ErrorCode(data)}`);
    return data;
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.call('PUT', key, data);
  }

  async get(key: string): Promise<Buffer> {
    return this.call('GET', key);
  }

  async delete(key: string): Promise<void> {
    await this.call('DELETE', key);
  }

  async commit(): Promise<void> {}

  /**
   * Every key under `prefix` with its last-modified time, for sweeping orphans. ListObjects (v1) paged
   * by marker: every S3-compatible store has it, and it needs no continuation token (s3rver makes
   * those with DES, which OpenSSL 3 refuses).
   */
  async list(prefix: string, pageSize = 1000): Promise<{ key: string; modified: Date }[]> {
    const found: { key: string; modified: Date }[] = [];
    let marker = '';
    for (;;) {
      const query: Record<string, string> = { 'max-keys': String(pageSize), prefix, ...(marker ? { marker } : {}) };
      const xml = (await this.call('GET', '', undefined, query)).toString('utf8');
      const page = [...xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)].map(([, entry]) => ({
        key: xmlText(/<Key>([^<]*)<\/Key>/.exec(entry)?.[1] ?? ''),
        modified: new Date(/<LastModified>([^<]*)<\/LastModified>/.exec(entry)?.[1] ?? NaN),
      }));
      found.push(...page);
      if (!/<IsTruncated>true<\/IsTruncated>/.test(xml) || !page.length) return found;
      marker = page[page.length - 1].key;
    }
  }
}

/** The store the configuration asks for: S3 when S3_ENDPOINT and S3_BUCKET are set, else the data directory. */
export function blobStoreFor(config: Pick<Config, 's3' | 'dataDir'>): BlobStore {
  return config.s3 ? new S3BlobStore(config.s3) : new FsBlobStore(config.dataDir);
}

