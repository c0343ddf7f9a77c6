import type { Texts } from '../engine.ts';

/**
 * A bundle text in the UI language, or its fallback (en, then ja) marked with its own `lang`, so a
 * screen reader on a Korean page reads a Japanese 出し方 with a Japanese voice.
 */
export function Localized({ texts, lang, className }: { texts: Texts | null | undefined; lang: string; className?: string }) {
  if (!texts) return null;
  const all = texts as Record<string, string | undefined>;
  const from = all[lang] ? lang : lang === 'ja-easy' ? 'ja' : all.en ? 'en' : 'ja';
  const same = from === lang || (lang === 'ja-easy' && from === 'ja');
  return <span lang={same ? undefined : from} className={className}>{all[from] ?? ''}</span>;
}
