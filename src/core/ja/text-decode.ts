/**
 * Decodes an uploaded text file (CSV from Excel, a city's system or a hand-edited 5374 file) whose
 * encoding nobody states. Order matters: a byte-order mark is proof; NUL bytes never occur in UTF-8 or
 * CP932 text but fill every other byte of UTF-16 ASCII (commas, digits, line ends), so they reveal
 * UTF-16 saved without a BOM; strict UTF-8 next, because CP932 bytes are almost never valid UTF-8
 * while the reverse guess would turn UTF-8 into mojibake; CP932 (Windows-31J, what Excel saves as
 * "CSV") last. The BOM is never part of the returned text.
 */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp932';

/** How many leading bytes are looked at for UTF-16 NULs: enough for a header line and some rows. */
const SNIFF_BYTES = 4096;

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  if (evenNul + oddNul === 0) return null;
  // ASCII in UTF-16LE is "c 00", so its NULs sit at odd offsets; big-endian puts them at even ones.
  return oddNul >= evenNul ? 'utf-16le' : 'utf-16be';
}

/** The text of a file and the encoding it was found to be in. Never throws: CP932 decodes any bytes. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le', { stripBOM: false }), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be', { stripBOM: false }), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16, { stripBOM: false }), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'cp932'), encoding: 'cp932' };
  }
}
