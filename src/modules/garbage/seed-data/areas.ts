// Seed collection areas of 徳島市 and 松阪市: small made-up polygons around each city centre, real town
// names, invented collection points and schedules. Plausible, not any city's official data.
import type { AreaGeometry, RulePattern } from '../engine/types.ts';

export interface SeedPoint { name: string; nameKana: string; address: string; lat: number; lng: number }
export interface SeedArea {
  code: string;
  name: { ja: string; en: string; 'ja-easy': string };
  reading: string;
  towns: string[];
  geometry: AreaGeometry;
  points: SeedPoint[];
  /** Weekdays of 燃やせるごみ (0 = Sunday). */
  burnable: number[];
  /** Weekday of the monthly 缶・びん・有害ごみ days. */
  monthlyWeekday: number;
}

/** A rectangle [west, south, east, north] as a GeoJSON polygon. */
const box = (w: number, s: number, e: number, n: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

const TOKUSHIMA: SeedArea[] = [
  {
    code: 'shinmachi', name: { ja: '新町地区', en: 'Shinmachi', 'ja-easy': 'しんまち ちく' }, reading: 'シンマチチク', towns: ['新町橋', '東新町', '西新町', '万代町', '南末広町'],
    geometry: box(134.54, 34.07, 134.56, 34.08), burnable: [1, 4], monthlyWeekday: 3,
    points: [
      { name: '東新町1丁目集積所', nameKana: 'ヒガシシンマチイッチョウメシュウセキジョ', address: '徳島市東新町1丁目', lat: 34.0725, lng: 134.5505 },
      { name: '万代町集積所', nameKana: 'バンダイチョウシュウセキジョ', address: '徳島市万代町1丁目', lat: 34.0752, lng: 134.5582 },
    ],
  },
  {
    code: 'uchimachi', name: { ja: '内町地区', en: 'Uchimachi', 'ja-easy': 'うちまち ちく' }, reading: 'ウチマチチク', towns: ['徳島町', '寺島本町東', '寺島本町西', '南内町'],
    geometry: box(134.54, 34.08, 134.56, 34.09), burnable: [2, 5], monthlyWeekday: 3,
    points: [{ name: '徳島町城内集積所', nameKana: 'トクシマチョウジョウナイシュウセキジョ', address: '徳島市徳島町城内', lat: 34.0848, lng: 134.5520 }],
  },
  {
    code: 'sako', name: { ja: '佐古地区', en: 'Sako', 'ja-easy': 'さこ ちく' }, reading: 'サコチク', towns: ['佐古一番町', '佐古二番町', '佐古三番町', '南佐古一番町'],
    geometry: box(134.52, 34.07, 134.54, 34.09), burnable: [1, 4], monthlyWeekday: 2,
    points: [
      { name: '佐古一番町集積所', nameKana: 'サコイチバンチョウシュウセキジョ', address: '徳島市佐古一番町', lat: 34.0790, lng: 134.5352 },
      { name: '佐古三番町集積所', nameKana: 'サコサンバンチョウシュウセキジョ', address: '徳島市佐古三番町', lat: 34.0815, lng: 134.5280 },
    ],
  },
  {
    code: 'kamo', name: { ja: '加茂地区', en: 'Kamo', 'ja-easy': 'かも ちく' }, reading: 'カモチク', towns: ['南田宮', '北田宮', '加茂町'],
    geometry: box(134.54, 34.09, 134.57, 34.10), burnable: [3, 6], monthlyWeekday: 2,
    points: [{ name: '北田宮集積所', nameKana: 'キタタミヤシュウセキジョ', address: '徳島市北田宮1丁目', lat: 34.0952, lng: 134.5561 }],
  },
];

const MATSUSAKA: SeedArea[] = [
  {
    code: 'chubu', name: { ja: '中部地区', en: 'Central', 'ja-easy': 'ちゅうぶ ちく' }, reading: 'チュウブチク', towns: ['殿町', '日野町', '本町', '魚町'],
    geometry: box(136.52, 34.57, 136.54, 34.59), burnable: [1, 4], monthlyWeekday: 3,
    points: [
      { name: '殿町集積所', nameKana: 'トノマチシュウセキジョ', address: '松阪市殿町', lat: 34.5775, lng: 136.5270 },
      { name: '日野町集積所', nameKana: 'ヒノマチシュウセキジョ', address: '松阪市日野町', lat: 34.5780, lng: 136.5330 },
    ],
  },
  {
    code: 'tobu', name: { ja: '東部地区', en: 'East', 'ja-easy': 'とうぶ ちく' }, reading: 'トウブチク', towns: ['川井町', '垣鼻町', '大口町'],
    geometry: box(136.54, 34.57, 136.56, 34.59), burnable: [2, 5], monthlyWeekday: 3,
    points: [{ name: '川井町集積所', nameKana: 'カワイチョウシュウセキジョ', address: '松阪市川井町', lat: 34.5810, lng: 136.5480 }],
  },
  {
    code: 'seibu', name: { ja: '西部地区', en: 'West', 'ja-easy': 'せいぶ ちく' }, reading: 'セイブチク', towns: ['大黒田町', '久保町', '上川町'],
    geometry: box(136.50, 34.57, 136.52, 34.59), burnable: [2, 5], monthlyWeekday: 4,
    points: [{ name: '久保町集積所', nameKana: 'クボチョウシュウセキジョ', address: '松阪市久保町', lat: 34.5790, lng: 136.5105 }],
  },
];

/** The seed areas of a tenant slug (tokushima, matsusaka); none for others. */
export function seedAreasOf(slug: string): SeedArea[] {
  return slug === 'tokushima' ? TOKUSHIMA : slug === 'matsusaka' ? MATSUSAKA : [];
}

/** The rules of one seed area by category code, given the first Friday of 隔週 古紙 and the 粗大ごみ dates. */
export function seedRules(a: SeedArea, paperFrom: string, bulkyDates: string[]): { code: string; pattern: RulePattern; onHolidays: 'collect' | 'skip' }[] {
  return [
    { code: 'burnable', pattern: { kind: 'weekly', weekdays: a.burnable }, onHolidays: 'collect' },
    { code: 'nonburnable', pattern: { kind: 'nth_weekday', weekday: a.monthlyWeekday, nths: [1] }, onHolidays: 'skip' },
    { code: 'cans', pattern: { kind: 'nth_weekday', weekday: a.monthlyWeekday, nths: [2, 4] }, onHolidays: 'skip' },
    { code: 'bottles', pattern: { kind: 'nth_weekday', weekday: a.monthlyWeekday, nths: [3] }, onHolidays: 'skip' },
    { code: 'pet', pattern: { kind: 'nth_weekday', weekday: a.monthlyWeekday, nths: [2, 4] }, onHolidays: 'skip' },
    { code: 'plastic', pattern: { kind: 'weekly', weekdays: [a.burnable[0] === 1 ? 2 : 1] }, onHolidays: 'collect' },
    { code: 'paper', pattern: { kind: 'every_n_weeks', interval: 2, from: paperFrom }, onHolidays: 'skip' },
    { code: 'bulky', pattern: { kind: 'dates', dates: bulkyDates }, onHolidays: 'skip' },
    { code: 'hazardous', pattern: { kind: 'nth_weekday', weekday: a.monthlyWeekday, nths: [5] }, onHolidays: 'skip' },
  ];
}
