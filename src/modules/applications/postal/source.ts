import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeKenAll, indexKenAll } from './ken-all.ts';

/** An address a postal code stands for: 都道府県, 市区町村 and 町域 (empty when the code covers the whole city). */
export interface PostalAddress {
  prefecture: string;
  city: string;
  town: string;
}

/** Where postal codes are looked up: pluggable (a file, a database table, an external API). */
export interface PostalSource {
  /** Addresses of a 7-digit code (without hyphen); an empty list when the code is unknown. */
  lookup(code: string): Promise<PostalAddress[]>;
}

/** The sample shipped with Yakuba: real codes of 徳島市 and 松阪市 only (see postal/README.md). */
export const SAMPLE_PATH = fileURLToPath(new URL('./data/sample-ken-all.csv', import.meta.url));

/** A source reading a KEN_ALL.CSV file (UTF-8 or CP932), indexed in memory on first use. */
export class KenAllFileSource implements PostalSource {
  private index: Promise<Map<string, PostalAddress[]>> | undefined;

  constructor(readonly path: string) {}

  /** Addresses of a code from the file. */
  async lookup(code: string): Promise<PostalAddress[]> {
    this.index ??= readFile(this.path).then((bytes) => indexKenAll(decodeKenAll(bytes))).catch((err: unknown) => {
      this.index = undefined; // a missing file is retried on the next lookup, not cached as a failure
      throw err;
    });
    return (await this.index).get(code)?.map((a) => ({ ...a })) ?? [];
  }
}

let current: PostalSource | undefined;

/** The installation's source: the file named by POSTAL_DATA (the full KEN_ALL.CSV), else the shipped sample. */
export function postalSource(): PostalSource {
  current ??= new KenAllFileSource(process.env.POSTAL_DATA || SAMPLE_PATH);
  return current;
}

/** Replaces the source (another data provider, or tests); `undefined` goes back to the default. */
export function setPostalSource(source: PostalSource | undefined): void {
  current = source;
}

/** The 7 digits of a postal code typed as 770-0941, ７７００９４１ or 〒770－0941; null when it is not one. */
export function normalizePostalCode(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/^〒/, '').replace(/[-‐−ー–—\s]/g, '');
  return /^\d{7}$/.test(digits) ? digits : null;
}
