/**
 * Demo facilities of 徳島市 and 松阪市 for the seed's standard datasets (公共施設・指定緊急避難場所・AED).
 * Only the city halls' addresses and positions are real; the other names, addresses and coordinates are
 * made up near each city hall, and every row says so in 備考. Never publish these as real data.
 */

export type FacilityKind = '市役所' | '支所' | '小学校' | '公民館';

export interface SeedFacility {
  name: string;
  kana: string;
  en: string;
  kind: FacilityKind;
  address: string;
  lat: number;
  lng: number;
  phone?: string;
  /** Where the AED hangs; absent when the facility has none. */
  aed?: string;
  /** Hazards the place is designated for as 指定緊急避難場所; absent when it is not one. */
  evacuation?: Partial<Record<Hazard, boolean>>;
  elevation?: string;
}

export type Hazard = '洪水' | '崖崩れ、土石流及び地滑り' | '高潮' | '地震' | '津波' | '大規模な火事' | '内水氾濫' | '火山現象';
export const HAZARDS: Hazard[] = ['洪水', '崖崩れ、土石流及び地滑り', '高潮', '地震', '津波', '大規模な火事', '内水氾濫', '火山現象'];

export interface SeedCity {
  lgCode: string;
  name: string;
  url: string;
  facilities: SeedFacility[];
}

export const DEMO_NOTE = 'デモ用データ（市役所以外の名称・住所・位置は架空です）';

const school = { 洪水: true, 地震: true, 大規模な火事: true, 内水氾濫: true };

/** By 全国地方公共団体コード. */
export const SEED_CITIES: Record<string, SeedCity> = {
  '362018': {
    lgCode: '362018', name: '徳島市', url: 'https://www.city.tokushima.tokushima.jp/',
    facilities: [
      { name: '徳島市役所 本庁舎', kana: 'トクシマシヤクショ ホンチョウシャ', en: 'Tokushima City Hall', kind: '市役所', address: '徳島県徳島市幸町2-5', lat: 34.0703, lng: 134.5548, phone: '088-621-5111', aed: '1階 正面玄関', elevation: '2.0' },
      { name: '徳島市役所 北部支所', kana: 'トクシマシヤクショ ホクブシショ', en: 'Tokushima City Northern Branch Office', kind: '支所', address: '徳島県徳島市北田宮1丁目（デモ）', lat: 34.0862, lng: 134.5431, aed: '1階 窓口横' },
      { name: '徳島市役所 南部支所', kana: 'トクシマシヤクショ ナンブシショ', en: 'Tokushima City Southern Branch Office', kind: '支所', address: '徳島県徳島市八万町（デモ）', lat: 34.0521, lng: 134.5502, aed: '1階 ロビー' },
      { name: '徳島市立みなみ小学校', kana: 'トクシマシリツミナミショウガッコウ', en: 'Minami Elementary School', kind: '小学校', address: '徳島県徳島市南前川町（デモ）', lat: 34.0668, lng: 134.5489, aed: '体育館入口', evacuation: { ...school, 津波: true }, elevation: '3.1' },
      { name: '徳島市立きた小学校', kana: 'トクシマシリツキタショウガッコウ', en: 'Kita Elementary School', kind: '小学校', address: '徳島県徳島市北佐古（デモ）', lat: 34.0789, lng: 134.5362, aed: '職員室前', evacuation: school, elevation: '4.5' },
      { name: '徳島市 中央公民館', kana: 'トクシマシ チュウオウコウミンカン', en: 'Tokushima Central Community Center', kind: '公民館', address: '徳島県徳島市徳島町（デモ）', lat: 34.0735, lng: 134.5590, aed: '1階 事務室前', evacuation: { 地震: true, 大規模な火事: true } },
    ],
  },
  '242047': {
    lgCode: '242047', name: '松阪市', url: 'https://www.city.matsusaka.mie.jp/',
    facilities: [
      { name: '松阪市役所 本庁舎', kana: 'マツサカシヤクショ ホンチョウシャ', en: 'Matsusaka City Hall', kind: '市役所', address: '三重県松阪市殿町1340-1', lat: 34.5779, lng: 136.5275, aed: '1階 市民ホール', elevation: '12.0' },
      { name: '松阪市役所 東部支所', kana: 'マツサカシヤクショ トウブシショ', en: 'Matsusaka City Eastern Branch Office', kind: '支所', address: '三重県松阪市東町（デモ）', lat: 34.5836, lng: 136.5462, aed: '1階 窓口横' },
      { name: '松阪市役所 西部支所', kana: 'マツサカシヤクショ セイブシショ', en: 'Matsusaka City Western Branch Office', kind: '支所', address: '三重県松阪市西町（デモ）', lat: 34.5712, lng: 136.5103, aed: '1階 ロビー' },
      { name: '松阪市立ひがし小学校', kana: 'マツサカシリツヒガシショウガッコウ', en: 'Higashi Elementary School', kind: '小学校', address: '三重県松阪市東町（デモ）', lat: 34.5804, lng: 136.5388, aed: '体育館入口', evacuation: { ...school, 高潮: true }, elevation: '6.2' },
      { name: '松阪市立にし小学校', kana: 'マツサカシリツニシショウガッコウ', en: 'Nishi Elementary School', kind: '小学校', address: '三重県松阪市西町（デモ）', lat: 34.5745, lng: 136.5180, aed: '職員室前', evacuation: { ...school, '崖崩れ、土石流及び地滑り': true }, elevation: '15.8' },
      { name: '松阪市 中部公民館', kana: 'マツサカシ チュウブコウミンカン', en: 'Matsusaka Chubu Community Center', kind: '公民館', address: '三重県松阪市中町（デモ）', lat: 34.5758, lng: 136.5301, aed: '1階 事務室前', evacuation: { 地震: true, 大規模な火事: true } },
    ],
  },
};
