import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import iconv from 'iconv-lite';
import { CP932_REPLACEMENT, contentDisposition, encodeCsv, toCp932Safe, toCsv } from './csv.ts';
import { sendCsv } from './csv-reply.ts';

describe('toCsv', () => {
  it('writes arrays and objects with CRLF and quoting', () => {
    expect(toCsv([['a', 'b,c'], ['"q"', null, 3]])).toBe('a,"b,c"\r\n"""q""",,3\r\n');
    const rows = [{ name: '徳島市', code: '362018', note: '改行\nあり' }];
    expect(toCsv(rows, [{ key: 'name', header: '名称' }, { key: 'code', header: 'コード' }, { key: 'note', header: '備考' }]))
      .toBe('名称,コード,備考\r\n徳島市,362018,"改行\nあり"\r\n');
  });
});

describe('encodeCsv', () => {
  it('adds a BOM for UTF-8', () => {
    const { body, replaced } = encodeCsv('名称\r\n', 'utf8-bom');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.subarray(3).toString('utf8')).toBe('名称\r\n');
    expect(replaced).toEqual([]);
  });

  it('encodes CP932, bridging 〜 − and keeping NEC/IBM extensions such as ① ㈱ 髙 﨑', () => {
    const text = '徳島市,①,㈱,髙橋,﨑,〜,−,ｱ\r\n';
    const { body, replaced } = encodeCsv(text, 'cp932');
    expect(replaced).toEqual([]);
    expect(iconv.decode(body, 'cp932')).toBe('徳島市,①,㈱,髙橋,﨑,～,－,ｱ\r\n');
  });

  it('replaces characters CP932 cannot hold with 〓 and reports them, without throwing', () => {
    const { body, replaced } = encodeCsv('𠮷野家,café,😀,𠮷\r\n', 'cp932');
    expect(replaced).toEqual(['𠮷', 'é', '😀']);
    expect(iconv.decode(body, 'cp932')).toBe(`${CP932_REPLACEMENT}野家,caf${CP932_REPLACEMENT},${CP932_REPLACEMENT},${CP932_REPLACEMENT}\r\n`);
    expect(toCp932Safe('abc').replaced).toEqual([]);
  });
});

describe('CSV download', () => {
  it('names the file with RFC 5987 and an ASCII fallback', () => {
    expect(contentDisposition('申請一覧 (2024).csv')).toBe(
      `attachment; filename="____ (2024).csv"; filename*=UTF-8''%E7%94%B3%E8%AB%8B%E4%B8%80%E8%A6%A7%20%282024%29.csv`,
    );
  });

  it('sends the right headers and bytes from Fastify', async () => {
    const app = Fastify();
    app.get('/x', async (req, reply) => sendCsv(reply, toCsv([['名前'], ['𠮷田']]), { filename: '名簿.csv', encoding: (req.query as { e?: 'cp932' }).e }));
    const sjis = await app.inject({ url: '/x?e=cp932' });
    expect(sjis.headers['content-type']).toBe('text/csv; charset=Windows-31J');
    expect(sjis.headers['content-disposition']).toContain("filename*=UTF-8''%E5%90%8D%E7%B0%BF.csv");
    expect(sjis.headers['x-csv-replaced-characters']).toBe('1');
    expect(iconv.decode(sjis.rawPayload, 'cp932')).toBe('名前\r\n〓田\r\n');
    const utf8 = await app.inject({ url: '/x' });
    expect(utf8.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(utf8.rawPayload.subarray(3).toString('utf8')).toBe('名前\r\n𠮷田\r\n');
    await app.close();
  });
});
