import { useId } from 'react';
import { LANGS, MAIN_LANGS, useI18n, type Lang } from '../app/i18n/index.tsx';

// Each language is named in itself, so a reader finds their own whatever language is on screen.
const names: Record<Lang, { label: string; lang: string }> = {
  ja: { label: '日本語', lang: 'ja' },
  en: { label: 'English', lang: 'en' },
  'ja-easy': { label: 'やさしい日本語', lang: 'ja' },
  'zh-Hans': { label: '简体中文', lang: 'zh-Hans' },
  ko: { label: '한국어', lang: 'ko' },
  vi: { label: 'Tiếng Việt', lang: 'vi' },
  pt: { label: 'Português', lang: 'pt' },
  ne: { label: 'नेपाली', lang: 'ne' },
};

/**
 * Buttons for ja / English / やさしい日本語 (the chosen one is pressed) and a list for the other
 * languages, so eight languages fit a 360 px phone. The list's label is in English and Japanese:
 * a reader who knows neither of the button languages still finds it.
 */
export function LanguageSwitcher({ langs = LANGS }: { langs?: Lang[] }) {
  const { lang, setLang, t } = useI18n();
  const selectId = useId();
  const buttons = langs.filter((l) => MAIN_LANGS.includes(l));
  const others = langs.filter((l) => !MAIN_LANGS.includes(l));
  return (
    <nav aria-label={t('lang.switcher')} className="flex flex-wrap items-center gap-1">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mr-1 size-5 fill-solid-gray-800"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15.7 15.7 0 0 0-1.3-3.6A8 8 0 0 1 18.9 8zM12 4a14 14 0 0 1 1.9 4h-3.8A14 14 0 0 1 12 4zM4.3 14a8 8 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3zm.8 2h3a15.7 15.7 0 0 0 1.3 3.6A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.3-3.6C8.8 5.5 8.4 6.7 8.1 8zM12 20a14 14 0 0 1-1.9-4h3.8A14 14 0 0 1 12 20zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6c.6-1.1 1-2.3 1.3-3.6h3a8 8 0 0 1-4.3 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8 8 0 0 1 0 4h-3.4z" /></svg>
      {buttons.map((l) => (
        <button key={l} type="button" lang={names[l].lang} aria-pressed={lang === l} onClick={() => setLang(l)}
          className={`min-h-11 rounded-6 px-2.5 text-dns-16N-120 ${lang === l ? 'bg-key-900 text-white font-bold' : 'text-key-900 underline underline-offset-3 hover:bg-key-50'}`}>
          {names[l].label}
        </button>
      ))}
      {others.length > 0 && (
        <span className="flex flex-wrap items-center gap-x-2">
          <label htmlFor={selectId} className="text-dns-14N-130 text-solid-gray-800">
            <span lang="en">Other languages</span> / <span lang="ja">その他の言語</span>
          </label>
          <select id={selectId} value={others.includes(lang) ? lang : ''} onChange={(e) => { if (e.target.value) setLang(e.target.value as Lang); }}
            className={`min-h-11 rounded-6 border px-2 text-dns-16N-120 bg-white text-solid-gray-900 ${others.includes(lang) ? 'border-2 border-key-900 font-bold' : 'border-solid-gray-600'}`}>
            <option value="" disabled>—</option>
            {others.map((l) => <option key={l} value={l} lang={names[l].lang}>{names[l].label}</option>)}
          </select>
        </span>
      )}
    </nav>
  );
}
