import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../../core/ja/text-decode.ts';
import type { ReportEntry } from './report.ts';
import { export5374, import5374, lossOf5374Export, type Data5374, type File5374, type Files5374 } from './five374.ts';

const FILES: File5374[] = ['area_days', 'target', 'description', 'remarks', 'center'];
const fixture = (f: File5374): string => readFileSync(new URL(`./fixtures/5374/${f}.csv`, import.meta.url), 'utf8');
const sample = (): Files5374 => Object.fromEntries(FILES.map((f) => [f, fixture(f)]));
const errors = (report: ReportEntry[]): ReportEntry[] => report.filter((e) => e.level === 'error');

/** The data with ids replaced by codes and names, so two imports compare equal. */
function view(d: Data5374) {
  const cat = new Map(d.categories.map((c) => [c.id, c.code]));
  const area = new Map(d.areas.map((a) => [a.id, a.name.ja]));
  return {
    categories: d.categories.map(({ id: _id, ...c }) => c),
    items: d.items.map(({ id: _id, categoryId, ...i }) => ({ ...i, category: categoryId && cat.get(categoryId) })),
    areas: d.areas.map(({ id: _id, ...a }) => a),
    rules: d.rules.map(({ id: _id, areaId, categoryId, ...r }) => ({ ...r, area: area.get(areaId), category: cat.get(categoryId) })),
    suspensions: d.suspensions.map(({ id: _id, areaIds, ...s }) => ({ ...s, areas: areaIds.map((x) => area.get(x)) })),
    remarks: d.remarks.map((m) => ({ ...m, uses: m.uses.map((u) => [area.get(u.areaId), cat.get(u.categoryId)]) })),
  };
}

describe('import5374', () => {
  it('reads the sample data set into categories, items, areas, rules, suspensions and remarks', () => {
    const { data, report } = import5374(sample());
    expect(report).toEqual([]);
    expect(data.categories.map((c) => [c.code, c.name.ja, c.color, c.icon, c.sortOrder])).toEqual([
      ['burnable', '燃やすごみ', '#ea3b13', 'burnable', 0],
      ['nonburnable', '燃やさないごみ', '#733b96', 'other', 1],
      ['recyclable', '資源', '#77ae1f', 'other', 2],
      ['bottles', 'びん', '#2dc7aa', 'bottle', 3],
    ]);
    expect(data.categories[0].howTo).toEqual({ ja: '指定袋に入れて朝8時30分までに' });
    for (const x of [...data.categories, ...data.areas, ...data.rules, ...data.items, ...data.suspensions]) expect(x.id).toMatch(/^[0-9a-f-]{36}$/);

    const v = view(data);
    expect(v.areas.map((a) => [a.code, a.name.ja, a.center])).toEqual([
      ['area-1', '本町1丁目', '東部管理センター'], ['area-2', '本町2丁目', '東部管理センター'], ['area-3', '西町', '西部管理センター'],
    ]);
    const rulesOf = (areaName: string) => v.rules.filter((r) => r.area === areaName).map((r) => [r.category, r.pattern, r.months]);
    expect(rulesOf('本町1丁目')).toEqual([
      ['burnable', { kind: 'weekly', weekdays: [1, 4] }, []],
      ['nonburnable', { kind: 'nth_weekday', weekday: 3, nths: [2] }, []],
      ['recyclable', { kind: 'weekly', weekdays: [2] }, []],
      ['bottles', { kind: 'nth_weekday', weekday: 5, nths: [1, 3] }, []],
    ]);
    expect(rulesOf('西町')).toEqual([
      ['burnable', { kind: 'weekly', weekdays: [1, 4] }, []],
      ['nonburnable', { kind: 'dates', dates: ['2025-01-15', '2025-03-19'] }, []],
      ['recyclable', { kind: 'weekly', weekdays: [3] }, [2, 4, 6, 8, 10, 12]],
      ['bottles', { kind: 'every_n_weeks', interval: 2, from: '2025-04-04' }, []],
    ]);
    expect(v.rules.every((r) => r.onHolidays === 'collect' && r.validFrom === null && r.validTo === null)).toBe(true);
    expect(v.remarks).toEqual([{ id: '1', text: '一部地域で収集曜日が異なります。', uses: [['本町2丁目', 'nonburnable']] }]);
    expect(v.suspensions).toEqual([
      { from: '2025-12-29', to: '2026-01-03', categoryIds: [], note: { ja: '東部管理センター' }, areas: ['本町1丁目', '本町2丁目'] },
      { from: '2025-12-29', to: '2026-01-03', categoryIds: [], note: { ja: '西部管理センター' }, areas: ['西町'] },
    ]);
  });

  it('reads quoted commas and quoted line breaks in target.csv (5374 splits them), furigana as katakana', () => {
    const { data } = import5374(sample());
    const cat = new Map(data.categories.map((c) => [c.id, c.code]));
    expect(data.items.map((i) => [i.name.ja, i.categoryId && cat.get(i.categoryId), i.notes.ja, i.reading])).toEqual([
      ['アイロン台', 'burnable', '金具は外して「燃やさないごみ」へ, 布は燃やすごみ', 'ア'],
      ['傘', 'nonburnable', '', 'カ'],
      ['ジャムのびん', 'bottles', '中を洗う\nふたは外す', 'シ'],
      ['テレビ', null, '家電リサイクル法により販売店へ', 'テ'],
    ]);
  });

  it('accepts a BOM, CRLF, blank lines, stray spaces and full-width digits', () => {
    const text = '\uFEFF地名,センター,燃やすごみ,不燃ごみ\r\n\r\n 港町 ,,月　木 ,火２ 火４：４ ５\r\n';
    const { data, report } = import5374({ area_days: text });
    expect(report).toEqual([]);
    expect(data.areas[0].name.ja).toBe('港町');
    expect(data.categories.map((c) => c.code)).toEqual(['burnable', 'nonburnable']);
    expect(data.rules.map((r) => [r.pattern, r.months])).toEqual([
      [{ kind: 'weekly', weekdays: [1, 4] }, []],
      [{ kind: 'nth_weekday', weekday: 2, nths: [2, 4] }, [4, 5]],
    ]);
  });

  it('reports unknown tokens, bad dates, unknown categories and bad center dates by file, row and column', () => {
    const { data, report } = import5374({
      area_days: '地名,センター,燃やすごみ,資源\nA町,,月 管路,20241301\nB町,,火:13,e9w20240101\n',
      target: 'type,name,notice,furigana\n燃やすごみ,紙くず,,か\n粗大ごみ,たんす,,た\n',
      center: '名称,休止開始日,休止終了日\nA,2024/12/29,2025/2/30\n',
    });
    expect(errors(report).map(({ file, row, column, code }) => [file, row, column, code])).toEqual([
      ['area_days.csv', 2, '燃やすごみ', 'unknown_token'],
      ['area_days.csv', 2, '資源', 'bad_date'],
      ['area_days.csv', 3, '燃やすごみ', 'bad_month'],
      ['area_days.csv', 3, '資源', 'bad_interval'],
      ['target.csv', 3, 'type', 'unknown_category'],
      ['center.csv', 2, '休止終了日', 'bad_date'],
    ]);
    expect(report[0].params).toEqual({ token: '管路' });
    // What could be read is kept: 月 for A町, 火 for B町, both items (たんす without a category).
    expect(data.rules.map((r) => r.pattern)).toEqual([{ kind: 'weekly', weekdays: [1] }, { kind: 'weekly', weekdays: [2] }]);
    expect(data.items.map((i) => i.categoryId === null)).toEqual([false, true]);
  });

  it('warns about what it cannot keep instead of failing', () => {
    const { data, report } = import5374({
      area_days: '地名,センター,燃やすごみ\nA町,,2月 *9\n',
      description: 'label,sublabel,description,styles,bgcolor\n燃やすごみ,サブ,,img/other.svg,red\n',
      center: '名称,休止開始日,休止終了日\n北センター,2024/12/29,2025/1/3\n',
    });
    expect(errors(report)).toEqual([]);
    expect(report.map((e) => e.code)).toEqual(['nth_reversed', 'unknown_remark', 'sublabel_dropped', 'styles_replaced', 'bad_color', 'center_unused']);
    expect(data.categories[0].color).toBe('#666666');
    expect(data.rules[0].pattern).toEqual({ kind: 'nth_weekday', weekday: 1, nths: [2] });
    expect(data.suspensions).toEqual([]);
  });

  it('moves collections a week later during a センター closure with weekShift, as 5374 does in Kanazawa', () => {
    expect(import5374(sample()).data.exceptions).toEqual([]);
    const { data } = import5374(sample(), { weekShift: true });
    const area = new Map(data.areas.map((a) => [a.id, a.name.ja]));
    const cat = new Map(data.categories.map((c) => [c.id, c.code]));
    // 2026-01-02 (1st Friday) is closed: 金1 金3 become 1/9 and 1/23, 金2 金4 become 1/16 and 1/30.
    expect(data.exceptions.map((e) => [e.date, e.action, e.areaId && area.get(e.areaId), e.categoryId && cat.get(e.categoryId), e.note?.ja])).toEqual([
      ['2026-01-09', 'collect', '本町1丁目', 'bottles', '東部管理センター'],
      ['2026-01-09', 'cancel', '本町2丁目', 'bottles', '東部管理センター'],
      ['2026-01-16', 'cancel', '本町1丁目', 'bottles', '東部管理センター'],
      ['2026-01-16', 'collect', '本町2丁目', 'bottles', '東部管理センター'],
      ['2026-01-23', 'collect', '本町1丁目', 'bottles', '東部管理センター'],
      ['2026-01-23', 'cancel', '本町2丁目', 'bottles', '東部管理センター'],
      ['2026-01-30', 'collect', '本町2丁目', 'bottles', '東部管理センター'],
    ]);
    expect(data.exceptions.every((e) => e.to === null)).toBe(true);
  });

  it('reads a CP932 file after decodeText', () => {
    const bytes = iconv.encode(fixture('area_days').replaceAll('\n', '\r\n'), 'cp932');
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('cp932');
    const fromSjis = import5374({ area_days: text });
    const fromUtf8 = import5374({ area_days: fixture('area_days') });
    expect(view(fromSjis.data).rules).toEqual(view(fromUtf8.data).rules);
  });
});

describe('export5374', () => {
  it('writes the sample files back byte for byte', () => {
    const { data } = import5374(sample());
    const out = export5374(data);
    for (const f of FILES) expect(out[f], f).toBe(fixture(f));
    expect(lossOf5374Export(data).map((e) => e.code)).toEqual(['fork_syntax', 'quoted_fields']);
  });

  it('keeps everything 5374 can express through export and import', () => {
    const first = import5374(sample()).data;
    first.items.push({ id: crypto.randomUUID(), name: { ja: 'ペットボトル', en: 'PET bottle' }, reading: 'ペットボトル', synonyms: ['PET'], categoryId: first.categories[3].id, notes: { ja: '"キャップ"は外す' }, fee: 300 });
    const again = import5374(export5374(first, { furigana: 'full' }));
    expect(again.report).toEqual([]);
    const a = view(first);
    const b = view(again.data);
    expect(b.categories).toEqual(a.categories);
    expect(b.areas).toEqual(a.areas);
    expect(b.rules).toEqual(a.rules);
    expect(b.suspensions).toEqual(a.suspensions);
    expect(b.remarks).toEqual(a.remarks);
    // 5374 has no synonyms, fees or translations; the rest of the item survives.
    expect(b.items.at(-1)).toEqual({ name: { ja: 'ペットボトル' }, reading: 'ペットボトル', synonyms: [], category: 'bottles', notes: { ja: '"キャップ"は外す' }, fee: null });
    expect(lossOf5374Export(first).find((e) => e.code === 'item_fields_dropped')?.params).toEqual({ count: 1 });
  });

  it('writes only month-limited rules with a month list and reports what 5374 cannot say', () => {
    const { data } = import5374({ area_days: '地名,センター,燃やすごみ\nA町,,月 水2:12 1 4\n', description: 'label,sublabel,description,styles,bgcolor\n燃やすごみ,,,,#112233\n粗大ごみ,,申込制,,#445566\n' });
    expect(export5374(data).area_days).toBe('地名,センター,燃やすごみ\nA町,,月 水2:4 12 1\n');
    expect(export5374(data).description).toBe('label,sublabel,description,styles,bgcolor\n燃やすごみ,,,img/moyasu02.svg,#112233\n粗大ごみ,,申込制,,#445566\n');
    data.rules[0] = { ...data.rules[0], onHolidays: 'skip', validFrom: '2025-04-01' };
    data.suspensions.push({ id: 'x', from: '2025-01-01', to: '2025-01-03', areaIds: [], categoryIds: [], note: null });
    data.categories[1] = { ...data.categories[1], name: { ja: '燃やすごみ' } };
    expect(lossOf5374Export(data).map((e) => e.code)).toEqual(['validity_dropped', 'holiday_skip_dropped', 'duplicate_label', 'suspension_dropped']);
  });
});
