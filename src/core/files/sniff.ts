import { fileTypeFromBuffer } from 'file-type';

const TEXT_BY_EXTENSION: Record<string, string> = { csv: 'text/csv', tsv: 'text/tab-separated-values', txt: 'text/plain', json: 'application/json', md: 'text/markdown' };

function decodes(data: Buffer, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the bytes read as text: valid UTF-8 (a BOM allowed) or CP932 (what Excel saves as "CSV")
 * without NUL bytes, or UTF-16 with its byte-order mark. Text formats have no magic number.
 */
export function looksLikeText(data: Buffer): boolean {
  // UTF-16 puts a NUL beside every ASCII character, so only its BOM tells it from a binary.
  if (data.length % 2 === 0 && data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    return decodes(data, data[0] === 0xff ? 'utf-16le' : 'utf-16be');
  }
  if (data.includes(0)) return false;
  return decodes(data, 'utf-8') || decodes(data, 'shift_jis');
}

/**
 * The content type of the bytes, judged from their content: the file-type signatures first, then text
 * (typed by the extension among text formats only, so a renamed binary never passes as CSV).
 */
export async function sniffContentType(data: Buffer, filename: string): Promise<string | null> {
  const found = await fileTypeFromBuffer(data);
  if (found) return found.mime;
  if (!looksLikeText(data)) return null;
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return TEXT_BY_EXTENSION[ext] ?? 'text/plain';
}

/** Whether a type is allowed by a policy list (`image/png`, or a family such as `image/*`). */
export function typeAllowed(type: string, allowed: string[]): boolean {
  return allowed.some((a) => a === type || (a.endsWith('/*') && type.startsWith(a.slice(0, -1))));
}
