import { encodeCsv, toCsv } from '../../../core/ja/csv.ts';
import { templateById } from '../standards/templates.ts';
import { DEMO_NOTE, HAZARDS, type SeedCity, type SeedFacility } from './facilities.ts';

/** The catalog's groups (テーマ) every demo tenant starts with. */
export const SEED_GROUPS: { name: string; title: { ja: string; en: string } }[] = [
  { name: 'bousai', title: { ja: '防災', en: 'Disaster prevention' } },
  { name: 'kosodate', title: { ja: '子育て', en: 'Child-rearing' } },
  { name: 'kenko-fukushi', title: { ja: '健康・福祉', en: 'Health and welfare' } },
  { name: 'kanko', title: { ja: '観光', en: 'Tourism' } },
  { name: 'kurashi', title: { ja: 'くらし・環境', en: 'Living and environment' } },
];

/** A demo dataset with its CSV in a 自治体標準オープンデータセット template. */
export interface SeedDataset {
  templateId: string;
  name: string;
  title: { ja: string; en: string };
  notes: { ja: string; en: string };
  tags: string[];
  groups: string[];
  /** Department codes that own it, most fitting first (the first the tenant has wins). */
  departments: string[];
  csv: Buffer;
  /** The CSV's cells below the header, as written. */
  rows: string[][];
}

const umu = (v: boolean | undefined) => (v ? '有' : '無');

/** A CSV in the template's column order (every column, standard names), UTF-8 with BOM. */
function csvOf(templateId: string, records: Record<string, string>[]): { csv: Buffer; rows: string[][] } {
  const columns = templateById(templateId)!.columns.map((c) => c.name);
  const rows = records.map((r) => columns.map((c) => r[c] ?? ''));
  return { csv: encodeCsv(toCsv([columns, ...rows]), 'utf8-bom').body, rows };
}

function base(city: SeedCity, f: SeedFacility, i: number): Record<string, string> {
  return {
    全国地方公共団体コード: city.lgCode, ID: String(i + 1), 地方公共団体名: city.name, 名称: f.name, 名称_カナ: f.kana, 名称_英字: f.en,
    住所: f.address, 緯度: f.lat.toFixed(4), 経度: f.lng.toFixed(4), 電話番号: f.phone ?? '', 備考: DEMO_NOTE,
  };
}

const notes = (ja: string, en: string, city: SeedCity) => ({
  ja: `${city.name}の${ja}です（自治体標準オープンデータセット準拠）。${DEMO_NOTE}。`,
  en: `${en} of ${city.name} (Digital Agency standard dataset). Demo data: apart from city hall, names, addresses and positions are made up.`,
});

/** The three standard datasets of a demo city: 公共施設, 指定緊急避難場所 and AED設置箇所. */
export function seedDatasets(city: SeedCity): SeedDataset[] {
  const fs = city.facilities;
  const facilities = csvOf('public-facility', fs.map((f, i) => ({
    ...base(city, f, i), 通称: f.kind === '市役所' ? '市役所' : '', 利用可能曜日: f.kind === '小学校' ? '' : '月火水木金',
    開始時間: f.kind === '小学校' ? '' : '08:30', 終了時間: f.kind === '小学校' ? '' : '17:15',
    利用可能日時特記事項: f.kind === '小学校' ? '施設開放日のみ' : '祝日・年末年始を除く', 説明: f.kind, URL: f.kind === '市役所' ? city.url : '',
  })));
  const spaces = fs.filter((f) => f.evacuation);
  const evacuation = csvOf('evacuation-space', spaces.map((f, i) => ({
    ...base(city, f, i), 標高: f.elevation ?? '', ...Object.fromEntries(HAZARDS.map((h) => [h, umu(f.evacuation![h])])),
    指定避難所との住所同一: umu(f.kind === '小学校'),
  })));
  const aeds = fs.filter((f) => f.aed);
  const aed = csvOf('aed', aeds.map((f, i) => ({
    ...base(city, f, i), 設置位置: f.aed!, 団体名: city.name, 利用可能曜日: '月火水木金',
    開始時間: '08:30', 終了時間: '17:15', 利用可能日時特記事項: '閉庁日・夜間は利用できません', 小児対応設備の有無: umu(f.kind === '小学校'),
  })));
  return [
    {
      templateId: 'aed', name: `${city.lgCode}-aed`, title: { ja: 'AED設置箇所一覧', en: 'AED locations' },
      notes: notes('AED（自動体外式除細動器）の設置箇所', 'AED locations', city), tags: ['AED', '防災', '救命'],
      groups: ['bousai', 'kenko-fukushi'], departments: ['fire-defense', 'crisis', 'disaster', 'health'], ...aed,
    },
    {
      templateId: 'evacuation-space', name: `${city.lgCode}-evacuation-space`, title: { ja: '指定緊急避難場所一覧', en: 'Designated emergency evacuation sites' },
      notes: notes('指定緊急避難場所と対象となる災害', 'Designated emergency evacuation sites and the hazards they serve', city), tags: ['避難場所', '防災'],
      groups: ['bousai'], departments: ['crisis', 'disaster'], ...evacuation,
    },
    {
      templateId: 'public-facility', name: `${city.lgCode}-public-facility`, title: { ja: '公共施設一覧', en: 'Public facilities' },
      notes: notes('市役所・支所・小学校・公民館などの公共施設', 'City hall, branch offices, schools and community centres', city), tags: ['公共施設'],
      groups: ['kurashi'], departments: ['general-affairs', 'ict'], ...facilities,
    },
  ];
}
