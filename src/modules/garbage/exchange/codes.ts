/**
 * Stable ASCII codes for categories and areas imported from Japanese labels. Category codes end up in
 * URLs, iCal feeds and push topics, so common labels get a readable fixed code (燃やすごみ → burnable)
 * and an icon from the web's set; anything else is numbered (cat-1, cat-2 …) rather than romanised,
 * because a wrong reading in a public URL is worse than a neutral number.
 */

const CATEGORY_TABLE: [labels: string[], code: string, icon: string][] = [
  [['燃やすごみ', '燃えるごみ', '可燃ごみ', '燃やせるごみ', '普通ごみ', '可燃物'], 'burnable', 'burnable'],
  [['燃やさないごみ', '燃えないごみ', '不燃ごみ', '燃やせないごみ', '不燃物'], 'nonburnable', 'other'],
  [['資源', '資源ごみ', '資源物'], 'recyclable', 'other'],
  [['びん', 'ビン', '瓶', 'あきびん', '空きびん', 'びん類'], 'bottles', 'bottle'],
  [['かん', 'カン', '缶', 'あきかん', '空き缶', '缶類'], 'cans', 'can'],
  [['かん・びん', '缶・びん', '缶・ビン', 'びん・かん', 'ビン・カン', 'カン・ビン'], 'cans-bottles', 'can'],
  [['ペットボトル', 'ペット'], 'pet-bottles', 'bottle'],
  [['プラスチック', 'プラ', 'プラスチック製容器包装', '容器包装プラスチック', 'プラスチック類', '廃プラ'], 'plastic', 'plastic'],
  [['古紙', '紙', '紙類', '古紙類', '雑がみ', '紙・布'], 'paper', 'paper'],
  [['粗大ごみ'], 'bulky', 'bulky'],
  [['有害ごみ', '危険ごみ', '有害・危険ごみ', '危険物・有害物', '有害物'], 'hazardous', 'hazard'],
];

/** The label as a key: NFKC, no spaces, ゴミ written ごみ (cities write both). */
function key(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, '').replace(/ゴミ/g, 'ごみ');
}

const BY_LABEL = new Map<string, { code: string; icon: string }>();
for (const [labels, code, icon] of CATEGORY_TABLE) for (const l of labels) BY_LABEL.set(key(l), { code, icon });

/** The fixed code and icon for a well-known label, or null. */
export function knownCategory(label: string): { code: string; icon: string } | null {
  return BY_LABEL.get(key(label)) ?? null;
}

/** Hands out unique codes: the table's code when free, else `${prefix}-n` with the next free n. */
export class CodeAllocator {
  private readonly used = new Set<string>();
  private n = 0;
  constructor(private readonly prefix: string, taken: Iterable<string> = []) {
    for (const c of taken) this.used.add(c);
  }

  next(preferred?: string | null): string {
    if (preferred && !this.used.has(preferred)) {
      this.used.add(preferred);
      return preferred;
    }
    let code: string;
    do code = `${this.prefix}-${++this.n}`;
    while (this.used.has(code));
    this.used.add(code);
    return code;
  }
}

/** The same label as `key` compares them: for matching target.csv types to description.csv labels. */
export function sameLabel(a: string, b: string): boolean {
  return a.normalize('NFKC').trim() === b.normalize('NFKC').trim();
}
