import { fileTypeFromBuffer } from 'file-type';

const TEXT_BY_EXTENSION: Record<string, string> = { csv: 'text/csv', tsv: 'text/tab-separated-values', txt: 'text/plain', json: 'application/json', md: 'text/markdown' };

/** Whether the bytes read as text: valid UTF-8 (a BOM allowed) without NUL bytes. Text formats have no magic number. */
export function looksLikeText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
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
