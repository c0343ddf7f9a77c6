/**
 * Column templates for the 自治体標準オープンデータセット (Digital Agency). Column names were written from the
 * published 項目定義書; the reference corpus did not hold them, so only columns we are confident of are
 * listed (see README). Aliases cover the older 推奨データセット names and the データモデル型 prefix
 * (AED設置箇所_名称) is stripped before matching, so it needs no alias of its own.
 */
export type ColumnType = 'text' | 'kana' | 'lgcode' | 'latitude' | 'longitude' | 'time' | 'date' | 'integer' | 'url' | 'phone' | 'umu';

export interface Column {
  name: string;
  type: ColumnType;
  required: boolean;
  aliases: string[];
}

export interface Template {
  id: string;
  title: string;
  /** Prefix used by the データモデル型 headers, stripped before matching. */
  prefix: string;
  columns: Column[];
}

const col = (name: string, type: ColumnType, required = false, aliases: string[] = []): Column => ({ name, type, required, aliases });

const head = (): Column[] => [
  col('全国地方公共団体コード', 'lgcode', true, ['団体コード', '市区町村コード', '都道府県コード又は市区町村コード']),
  col('ID', 'text', true, ['NO', 'No', '番号']),
  col('地方公共団体名', 'text', true, ['市区町村名']),
];
const names = (): Column[] => [
  col('名称', 'text', true),
  col('名称_カナ', 'kana', false, ['名称カナ', '名称_かな']),
  col('名称_英字', 'text', false, ['名称_英語', '名称英字']),
];
const place = (): Column[] => [
  col('住所', 'text', false, ['所在地_連結表記', '所在地', '所在地_全体']),
  col('方書', 'text'),
  col('緯度', 'latitude', true),
  col('経度', 'longitude', true),
];
const contact = (): Column[] => [
  col('電話番号', 'phone', false, ['連絡先電話番号']),
  col('内線番号', 'text'),
  col('FAX番号', 'phone', false, ['連絡先FAX番号']),
  col('法人番号', 'text'),
];
const hours = (): Column[] => [
  col('利用可能曜日', 'text'),
  col('開始時間', 'time', false, ['開始時刻']),
  col('終了時間', 'time', false, ['終了時刻']),
  col('利用可能日時特記事項', 'text'),
];
const tail = (): Column[] => [col('URL', 'url'), col('備考', 'text')];

export const TEMPLATES: Template[] = [
  {
    id: 'public-facility', title: '公共施設一覧', prefix: '公共施設',
    columns: [...head(), ...names(), col('通称', 'text'), ...place(), col('POIコード', 'text'), ...contact(),
      col('団体名', 'text'), col('利用可能曜日', 'text'), col('開始時間', 'time', false, ['開始時刻']), col('終了時間', 'time', false, ['終了時刻']),
      col('利用可能日時特記事項', 'text'), col('駐車場情報', 'text'), col('説明', 'text'), col('バリアフリー情報', 'text'), ...tail()],
  },
  {
    id: 'evacuation-space', title: '指定緊急避難場所一覧', prefix: '指定緊急避難場所',
    columns: [...head(), ...names(), ...place(), col('標高', 'text'), col('電話番号', 'phone'), col('内線番号', 'text'),
      col('洪水', 'umu'), col('崖崩れ、土石流及び地滑り', 'umu', false, ['崖崩れ・土石流及び地滑り']), col('高潮', 'umu'), col('地震', 'umu'),
      col('津波', 'umu'), col('大規模な火事', 'umu'), col('内水氾濫', 'umu'), col('火山現象', 'umu'), col('指定避難所との住所同一', 'umu'), ...tail()],
  },
  {
    id: 'aed', title: 'AED設置箇所一覧', prefix: 'AED設置箇所',
    columns: [...head(), ...names(), ...place(), col('設置位置', 'text'), ...contact().filter((c) => c.name !== 'FAX番号'),
      col('団体名', 'text'), ...hours(), col('小児対応設備の有無', 'umu', false, ['小児用パッドの有無']), ...tail()],
  },
  {
    id: 'childcare', title: '子育て施設一覧', prefix: '子育て施設',
    columns: [...head(), ...names(), ...place(), col('種別', 'text', false, ['施設種別']), ...contact(), col('団体名', 'text'),
      col('定員', 'integer'), col('入所条件', 'text'), ...hours(), col('一時預かりの有無', 'umu'), col('駐車場情報', 'text'), col('説明', 'text'), ...tail()],
  },
  {
    id: 'care-service', title: '介護サービス事業所一覧', prefix: '介護サービス事業所',
    columns: [...head(), col('事業所番号', 'text', false, ['介護保険事業所番号']), ...names(), ...place(), ...contact(),
      col('団体名', 'text'), col('サービス種別', 'text'), col('定員', 'integer'), ...hours(), ...tail()],
  },
  {
    id: 'medical', title: '医療機関一覧', prefix: '医療機関',
    columns: [...head(), ...names(), col('医療機関の種類', 'text', false, ['医療機関種別']), ...place(), ...contact(),
      col('診療科目', 'text'), ...hours(), col('病床数', 'integer'), ...tail()],
  },
  {
    id: 'tourism', title: '観光施設一覧', prefix: '観光施設',
    columns: [...head(), ...names(), col('分類', 'text', false, ['種別']), ...place(), ...contact(), col('団体名', 'text'),
      ...hours(), col('料金(基本)', 'text', false, ['料金']), col('料金(詳細)', 'text'), col('説明', 'text'), col('アクセス方法', 'text', false, ['アクセス']),
      col('駐車場情報', 'text'), col('バリアフリー情報', 'text'), ...tail()],
  },
  {
    id: 'event', title: 'イベント一覧', prefix: 'イベント',
    columns: [...head(), col('イベント名', 'text', true, ['名称']), col('イベント名_カナ', 'kana', false, ['名称_カナ']), col('イベント名_英字', 'text', false, ['名称_英字']),
      col('開始日', 'date', true, ['開始日付']), col('終了日', 'date', false, ['終了日付']), col('開始時間', 'time', false, ['開始時刻']), col('終了時間', 'time', false, ['終了時刻']),
      col('開始日時特記事項', 'text'), col('説明', 'text'), col('料金(基本)', 'text', false, ['料金']), col('場所名称', 'text', false, ['場所']),
      col('住所', 'text', false, ['所在地_連結表記', '所在地']), col('緯度', 'latitude'), col('経度', 'longitude'),
      col('主催者', 'text'), col('連絡先名称', 'text'), col('連絡先電話番号', 'phone', false, ['電話番号']), ...tail()],
  },
  {
    id: 'public-wifi', title: '公衆無線LANアクセスポイント一覧', prefix: '公衆無線LANアクセスポイント',
    columns: [...head(), ...names(), ...place(), col('設置位置', 'text'), col('SSID', 'text'), col('URL', 'url'), col('備考', 'text')],
  },
  {
    // Names and aliases follow garbage/exchange/standard.ts so both readers agree.
    id: 'garbage-sorting', title: 'ゴミの分別方法一覧', prefix: 'ゴミの分別方法',
    columns: [...head(), col('地区名', 'text', false, ['地区']),
      col('ゴミの品目', 'text', true, ['ごみの品目', '品目', '品目名', '品名']),
      col('ゴミの品目_カナ', 'kana', false, ['ごみの品目_カナ', '品目_カナ', '品目カナ']),
      col('ゴミの品目_英字', 'text', false, ['ごみの品目_英字', '品目_英字', '英字', '英語名']),
      col('分別区分', 'text', true, ['区分', '分別', 'ゴミの種類', 'ごみの種類']),
      col('注意点', 'text', false, ['出し方のポイント', '出し方', '注意事項']), col('備考', 'text'),
      col('粗大ごみ回収料金', 'text', false, ['粗大ゴミ回収料金', '粗大ごみ料金', '手数料', '料金'])],
  },
  {
    id: 'garbage-point', title: 'ゴミ集積場所一覧', prefix: 'ゴミ集積場所',
    columns: [...head(), col('名称', 'text', true, ['集積所名', '集積場所名', 'ゴミ集積場所名']), col('名称_カナ', 'kana', false, ['名称カナ']),
      col('住所', 'text', false, ['所在地_連結表記', '所在地', '所在地_全体']), col('緯度', 'latitude', true), col('経度', 'longitude', true),
      col('地区名', 'text', false, ['収集地区', '地区']), col('収集曜日', 'text', false, ['収集日']), col('備考', 'text', false, ['説明'])],
  },
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
