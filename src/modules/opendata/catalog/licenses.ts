/** The licences datasets may carry (CKAN's license_list), CC BY 4.0 first: the default, as the Digital Agency recommends. */
export interface License {
  id: string;
  title: string;
  title_en: string;
  url: string;
  od_conformance: 'approved' | 'not reviewed';
}

export const DEFAULT_LICENSE_ID = 'CC-BY-4.0';

export const LICENSES: License[] = [
  { id: 'CC-BY-4.0', title: 'クリエイティブ・コモンズ 表示 4.0 国際', title_en: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja', od_conformance: 'approved' },
  { id: 'PDL-1.0', title: '公共データ利用規約（第1.0版）', title_en: 'Public Data License (Version 1.0)', url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0', od_conformance: 'approved' },
  { id: 'CC0-1.0', title: 'クリエイティブ・コモンズ CC0 1.0 全世界', title_en: 'Creative Commons CCZero', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.ja', od_conformance: 'approved' },
  { id: 'CC-BY-SA-4.0', title: 'クリエイティブ・コモンズ 表示-継承 4.0 国際', title_en: 'Creative Commons Attribution Share-Alike 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.ja', od_conformance: 'approved' },
  { id: 'other-closed', title: 'その他（非オープン）', title_en: 'Other (Not Open)', url: '', od_conformance: 'not reviewed' },
];

/** The licence of an id; unknown ids (harvested data) show their id as the title. */
export function licenseOf(id: string): License {
  return LICENSES.find((l) => l.id === id) ?? { id, title: id, title_en: id, url: '', od_conformance: 'not reviewed' };
}
