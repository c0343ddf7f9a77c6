// ごみ (garbage): the data shapes shared by the server and the browser (docs/adr/002). The browser
// computes calendars and searches the dictionary offline from the published bundle with the same
// functions the server uses, so an answer never differs between the two.

/** Languages the garbage pages and data speak (issue 5: ja, en, zh-Hans, ko, vi, pt, ne, やさしい日本語). */
export const GARBAGE_LANGS = ['ja', 'ja-easy', 'en', 'zh-Hans', 'ko', 'vi', 'pt', 'ne'] as const;
export type GarbageLang = (typeof GARBAGE_LANGS)[number];

/** A text in several languages; `ja` is always there, the others fall back to en then ja. */
export type Texts = { ja: string } & Partial<Record<Exclude<GarbageLang, 'ja'>, string>>;

/** ISO date `YYYY-MM-DD`, a JST calendar day. */
export type IsoDate = string;

/** 分別区分: a kind of garbage with how to put it out. */
export interface Category {
  id: string;
  /** Stable short code for URLs, feeds, 5374 labels and push topics: `[a-z0-9_-]{1,40}` (e.g. `burnable`). */
  code: string;
  name: Texts;
  /** `#rrggbb`, shown with the name and icon, never as the only cue. */
  color: string;
  /** Icon key from the web's icon set (e.g. `burnable`, `bottle`, `can`, `paper`, `plastic`, `bulky`, `hazard`). */
  icon: string;
  /** 出し方: how and where to put it out (bag, time, place). */
  howTo: Texts;
  sortOrder: number;
}

/** An entry of the sorting dictionary (分別辞典). */
export interface Item {
  id: string;
  name: Texts;
  /** 読み in katakana (e.g. ペットボトル); folded and searched with the name and synonyms. */
  reading: string;
  /** Other ways people say it (PET, ぺっと, 空き缶…), any script. */
  synonyms: string[];
  /** The category; null for things the city does not collect (販売店・専門業者へ). */
  categoryId: string | null;
  /** 注意点 / 出し方のポイント for this item. */
  notes: Texts;
  /** 粗大ごみ fee in yen; null when none. */
  fee: number | null;
}

/** ゴミ集積場所: where an area's garbage is put out. */
export interface CollectionPoint {
  id: string;
  name: string;
  nameKana: string;
  address: string;
  /** WGS84; null when unknown. */
  lat: number | null;
  lng: number | null;
  notes: string;
}

/** GeoJSON geometry of an area (WGS84, [lng, lat]). */
export type AreaGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** A collection area (収集地区): everyone in it shares one calendar. */
export interface Area {
  id: string;
  /** Stable short code `[a-z0-9_-]{1,40}` for URLs, feeds and push topics. */
  code: string;
  name: Texts;
  /** 読み in katakana. */
  reading: string;
  /** 町名・丁目 in the area, for address search (e.g. `万代町`, `南末広町1丁目`). */
  towns: string[];
  /** 5374's センター (the facility whose closures stop collection), by name; '' when none. */
  center: string;
  geometry: AreaGeometry | null;
  points: CollectionPoint[];
  sortOrder: number;
}

/** When a rule collects, before holidays, months, suspensions and exceptions are applied. */
export type RulePattern =
  /** Every week on these weekdays (0 = Sunday … 6 = Saturday). */
  | { kind: 'weekly'; weekdays: number[] }
  /** The nth occurrence(s) of a weekday in the month (第2・第4水曜日): nths in 1…5. */
  | { kind: 'nth_weekday'; weekday: number; nths: number[] }
  /** Every `interval` weeks (2 = 隔週) on the weekday of `from`, counting from `from` (which is a collection day). */
  | { kind: 'every_n_weeks'; interval: number; from: IsoDate }
  /** Exactly these dates. */
  | { kind: 'dates'; dates: IsoDate[] };

/** One category's collection rule in one area. An area may have several rules per category. */
export interface Rule {
  id: string;
  areaId: string;
  categoryId: string;
  pattern: RulePattern;
  /** Months (1…12) it applies in; empty = every month. */
  months: number[];
  /** Inclusive bounds; null = open. */
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /** On a national holiday: collected as usual (`collect`, common for 燃やせるごみ) or not (`skip`). */
  onHolidays: 'collect' | 'skip';
}

/**
 * A change for one date: `cancel` (not collected, e.g. a typhoon), `collect` (collected although no
 * rule or a holiday/suspension says otherwise — 5374 issue #58), `move` (collected on `to` instead —
 * 年始 shifts, 5374 issue #85). areaId / categoryId null mean every area / every category.
 */
export interface CollectionException {
  id: string;
  date: IsoDate;
  areaId: string | null;
  categoryId: string | null;
  action: 'cancel' | 'collect' | 'move';
  /** For `move`: the date it moves to. */
  to: IsoDate | null;
  note: Texts | null;
}

/** A period nothing is collected (年末年始, a センター's closure) unless an exception says `collect`; areaIds empty = all areas. */
export interface Suspension {
  id: string;
  from: IsoDate;
  to: IsoDate;
  areaIds: string[];
  categoryIds: string[];
  note: Texts | null;
}

/** One collection: this category is collected in this area on this date. */
export interface Collection {
  date: IsoDate;
  areaId: string;
  categoryId: string;
  /** Set when an exception moved it here from another date. */
  movedFrom?: IsoDate;
  /** The exception's or suspension's note, when one applies. */
  note?: Texts;
}

/** What the calendar function needs: everything is data, nothing is read from a clock or a database. */
export interface CalendarInput {
  rules: Rule[];
  exceptions: CollectionException[];
  suspensions: Suspension[];
  /** National holidays (振替休日 included) in and around the range. */
  holidays: ReadonlySet<IsoDate>;
}

/** What staff publish and citizens' browsers keep offline: one tenant's whole garbage data. */
export interface GarbageBundle {
  /** Increases by one on each publication. */
  version: number;
  publishedAt: string;
  categories: Category[];
  items: Item[];
  areas: Area[];
  rules: Rule[];
  exceptions: CollectionException[];
  suspensions: Suspension[];
  /** Holidays for `range`, so the browser needs no holiday table. */
  holidays: IsoDate[];
  /** The dates the bundle's calendars cover (from the publication's month − 1 to + 13 months). */
  range: { from: IsoDate; to: IsoDate };
}
