/** The 5374 data set's files, header lines and the images and weekday letters both directions share. */
import type { Category, CollectionException, Item, Area, Rule, Suspension } from '../engine/types.ts';

export type File5374 = 'area_days' | 'target' | 'description' | 'remarks' | 'center';
export type Files5374 = Partial<Record<File5374, string>>;

/** A remarks.csv entry and the (area, category) cells that show it; the model has no other place for it. */
export interface Remark5374 {
  id: string;
  text: string;
  uses: { areaId: string; categoryId: string }[];
}

export interface Data5374 {
  categories: Category[];
  items: Item[];
  areas: Area[];
  rules: Rule[];
  suspensions: Suspension[];
  /** Only with `weekShift`: the week-later moves 5374 makes during a センター's closure. */
  exceptions: CollectionException[];
  remarks: Remark5374[];
}

export interface Import5374Options {
  /**
   * 5374's `WeekShift` (js/setting.js, not in the CSV): true where the city's 5374 moves collections a
   * week later during a センター closure (Kanazawa); false (default) where they are just not collected.
   */
  weekShift?: boolean;
}

export type Export5374Input = Pick<Data5374, 'categories' | 'items' | 'areas' | 'rules' | 'suspensions'> & { remarks?: Remark5374[] };

export interface Export5374Options {
  /** `initial` (default): the first kana of the reading, which 5374 groups its list by; `full`: the whole reading in hiragana. */
  furigana?: 'initial' | 'full';
}

export const WEEKDAYS = '日月火水木金土';
export const DEFAULT_COLOR = '#666666';
/** The images 5374 itself ships for the common categories, so an export shows them and an import keeps them. */
export const IMAGE_5374: Record<string, string> = {
  burnable: 'img/moyasu02.svg',
  nonburnable: 'img/moyasanai02.svg',
  recyclable: 'img/shigen02.svg',
  bottles: 'img/bin02.svg',
};
export const HEADERS = {
  area_days: ['地名', 'センター'],
  target: ['type', 'name', 'notice', 'furigana'],
  description: ['label', 'sublabel', 'description', 'styles', 'bgcolor'],
  remarks: ['ID', '注意事項'],
  center: ['名称', '休止開始日', '休止終了日'],
} as const;

