import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { testApp } from '../../../test/app.ts';
import { twoTenants } from '../../../core/auth/testing.ts';
import { cleanTown, decodeKenAll, indexKenAll } from './ken-all.ts';
import { KenAllFileSource, SAMPLE_PATH, normalizePostalCode, setPostalSource, type PostalSource } from './source.ts';

// Rows in KEN_ALL.CSV's layout (values illustrative, not checked against Japan Post's file), with its quirks: a 町域 continued over three rows while its （ is
// open, the "no 町域" markers, one code for two 町域, and a note in （…）.
const QUIRKS = [
  '01101,"060  ","0600000","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｲｶﾆｹｲｻｲｶﾞﾅｲﾊﾞｱｲ","北海道","札幌市中央区","以下に掲載がない場合",0,0,0,0,0,0',
  '01101,"064  ","0640941","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｱｻﾋｶﾞｵｶ","北海道","札幌市中央区","旭ケ丘",0,0,1,0,0,0',
  '01206,"085  ","0660005","ﾎｯｶｲﾄﾞｳ","ｸｼﾛｼ","ｵﾝﾍﾞﾂﾁｮｳ","北海道","釧路市","音別町尺別（番地",1,0,0,0,0,0',
  '01206,"085  ","0660005","ﾎｯｶｲﾄﾞｳ","ｸｼﾛｼ","ｵﾝﾍﾞﾂﾁｮｳ","北海道","釧路市","１～１００、",1,0,0,0,0,0',
  '01206,"085  ","0660005","ﾎｯｶｲﾄﾞｳ","ｸｼﾛｼ","ｵﾝﾍﾞﾂﾁｮｳ","北海道","釧路市","２００）",1,0,0,0,0,0',
  '13101,"100  ","1006090","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ｶｽﾐｶﾞｾｷｶｽﾐｶﾞｾｷﾋﾞﾙﾃﾞｨﾝｸﾞ(ﾁｶｲ･ｶｲｿｳﾌﾒｲ)","東京都","千代田区","霞が関霞が関ビルディング（地階・階層不明）",0,0,0,0,0,0',
  '13308,"10003","1000301","ﾄｳｷｮｳﾄ","ｺｳﾂﾞｼﾏﾑﾗ","ｺｳﾂﾞｼﾏﾑﾗｲﾁｴﾝ","東京都","神津島村","神津島村一円",0,0,0,0,0,0',
  '24204,"515  ","5152121","ﾐｴｹﾝ","ﾏﾂｻｶｼ","ﾏｴﾉﾍﾁｮｳ","三重県","松阪市","町平尾町",0,0,0,1,0,0',
  '24204,"515  ","5152121","ﾐｴｹﾝ","ﾏﾂｻｶｼ","ｼﾞﾝﾄﾞｳﾁｮｳ","三重県","松阪市","甚目町",0,0,0,1,0,0',
].join('\r\n');

describe('applications: postal codes', () => {
  it('reads KEN_ALL rows, joining continued 町域 and emptying the markers', () => {
    const index = indexKenAll(QUIRKS);
    expect(index.get('0600000')).toEqual([{ prefecture: '北海道', city: '札幌市中央区', town: '' }]);
    expect(index.get('0640941')).toEqual([{ prefecture: '北海道', city: '札幌市中央区', town: '旭ケ丘' }]);
    expect(index.get('0660005')).toEqual([{ prefecture: '北海道', city: '釧路市', town: '音別町尺別' }]);
    expect(index.get('1006090')).toEqual([{ prefecture: '東京都', city: '千代田区', town: '霞が関霞が関ビルディング' }]);
    expect(index.get('1000301')![0]!.town).toBe('');
    expect(index.get('5152121')!.map((a) => a.town)).toEqual(['町平尾町', '甚目町']);
    expect(cleanTown('大通西（１～１９丁目）')).toBe('大通西');
    expect(cleanTown('一円')).toBe('一円'); // 滋賀県の「一円」 is a real 町域
  });

  it('decodes the file in UTF-8 or in Shift_JIS (CP932), as Japan Post ships it', () => {
    expect(decodeKenAll(Buffer.from(QUIRKS, 'utf8'))).toBe(QUIRKS);
    expect(decodeKenAll(iconv.encode(QUIRKS, 'cp932'))).toBe(QUIRKS);
    expect(decodeKenAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a', 'utf8')]))).toBe('a');
  });

  it('looks codes up in the shipped sample, and in a CP932 file named by path', async () => {
    const sample = new KenAllFileSource(SAMPLE_PATH);
    expect(await sample.lookup('7700941')).toEqual([{ prefecture: '徳島県', city: '徳島市', town: '万代町' }]);
    expect(await sample.lookup('5150078')).toEqual([{ prefecture: '三重県', city: '松阪市', town: '春日町' }]);
    expect(await sample.lookup('7700000')).toEqual([{ prefecture: '徳島県', city: '徳島市', town: '' }]);
    expect(await sample.lookup('1000001')).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'ken-all-'));
    writeFileSync(join(dir, 'KEN_ALL.CSV'), iconv.encode(QUIRKS, 'cp932'));
    expect(await new KenAllFileSource(join(dir, 'KEN_ALL.CSV')).lookup('0660005')).toEqual([{ prefecture: '北海道', city: '釧路市', town: '音別町尺別' }]);
    await expect(new KenAllFileSource(join(dir, 'missing.csv')).lookup('0660005')).rejects.toThrow(/ENOENT/);
  });

  it('accepts the ways people type a code', () => {
    expect(['770-0941', '7700941', '７７０－０９４１', '〒770-0941', ' 770 0941 '].map(normalizePostalCode)).toEqual(Array(5).fill('7700941'));
    expect(['77-0941', '770-09411', 'abc-defg', ''].map(normalizePostalCode)).toEqual([null, null, null, null]);
  });

  describe('GET /postal/:code', () => {
    let y: Awaited<ReturnType<typeof testApp>>;
    beforeAll(async () => {
      y = await testApp();
      await twoTenants(y.platform);
    });
    afterAll(async () => {
      setPostalSource(undefined);
      await y?.close();
    });
    const get = (code: string) => y.app.inject({ method: 'GET', url: `/t/matsusaka/api/applications/postal/${encodeURIComponent(code)}` });

    it('answers the addresses of a code, an empty list when unknown and 400 naming the code when malformed', async () => {
      expect((await get('515-0011')).json()).toEqual({ items: [{ prefecture: '三重県', city: '松阪市', town: '高町' }] });
      expect((await get('9999999')).json()).toEqual({ items: [] });
      const bad = await get('51500');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('code');
    });

    it('uses a plugged-in source', async () => {
      const calls: string[] = [];
      const source: PostalSource = { lookup: async (code) => { calls.push(code); return [{ prefecture: '東京都', city: '千代田区', town: '千代田' }]; } };
      setPostalSource(source);
      expect((await get('100-0001')).json().items[0].town).toBe('千代田');
      expect(calls).toEqual(['1000001']);
    });
  });
});
