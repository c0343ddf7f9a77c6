import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from './text-decode.ts';

const CSV = '地名,センター,燃やすごみ\r\n①髙橋町,東部,月 木\r\nｱｲｳ,,"a,b"\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(CSV, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: CSV, encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a BOM, and plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from(CSV, 'utf8'))).toEqual({ text: CSV, encoding: 'utf-8' });
    expect(decodeText(Buffer.from('a,b\n1,2\n'))).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM in both byte orders (Excel "Unicode text")', () => {
    const le = iconv.encode(CSV, 'utf-16le', { addBOM: true });
    expect([...le.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(decodeText(le)).toEqual({ text: CSV, encoding: 'utf-16le' });
    const be = iconv.encode(CSV, 'utf-16be', { addBOM: true });
    expect([...be.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(decodeText(be)).toEqual({ text: CSV, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by where its NUL bytes fall', () => {
    expect(decodeText(iconv.encode(CSV, 'utf-16le'))).toEqual({ text: CSV, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(CSV, 'utf-16be'))).toEqual({ text: CSV, encoding: 'utf-16be' });
  });

  it('falls back to CP932, keeping NEC/IBM extensions and half-width kana', () => {
    const bytes = iconv.encode(CSV, 'cp932');
    expect(decodeText(bytes)).toEqual({ text: CSV, encoding: 'cp932' });
    const short = iconv.encode('ア', 'cp932');
    expect(decodeText(short)).toEqual({ text: 'ア', encoding: 'cp932' });
  });

  it('reads a subarray without looking outside it', () => {
    const whole = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称', 'utf8')]);
    expect(decodeText(whole.subarray(2))).toEqual({ text: '名称', encoding: 'utf-8' });
  });
});
