import { useI18n } from '../../../../app/i18n/index.tsx';
import { TextArea, TextField } from '../../../../components/fields.tsx';
import type { FormText } from '../../form/engine.ts';

const LANGS = [['ja', 'applications.builder.lang_ja'], ['en', 'applications.builder.lang_en'], ['ja-easy', 'applications.builder.lang_easy']] as const;

/** A form text in 日本語 / English / やさしい日本語 (a fieldset of three inputs); empty languages fall back to Japanese. */
export function LangText({ id, legend, value, onChange, multiline, required, hint }:
  { id: string; legend: string; value: FormText | undefined; onChange(v: FormText | undefined): void; multiline?: boolean; required?: boolean; hint?: string }) {
  const { t } = useI18n();
  const set = (lang: 'ja' | 'en' | 'ja-easy', text: string) => {
    const next: FormText = { ...(value ?? { ja: '' }), [lang]: text };
    if (lang !== 'ja' && !text) delete next[lang];
    onChange(!required && !next.ja && !next.en && !next['ja-easy'] ? undefined : next);
  };
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 text-std-17B-170">{legend}{required && <span className="ml-2 rounded-4 bg-error-2 px-1.5 py-0.5 text-dns-14B-120 text-white">{t('form.required_tag')}</span>}</legend>
      {hint && <p className="mb-2 text-std-16N-170 text-solid-gray-700">{hint}</p>}
      <div className={multiline ? '' : 'grid gap-x-4 md:grid-cols-3'}>
        {LANGS.map(([lang, key]) => {
          const props = { id: `${id}-${lang}`, label: t(key), noTag: true, value: value?.[lang] ?? '', onChange: (v: string) => set(lang, v), className: 'mb-2' };
          return multiline ? <TextArea key={lang} {...props} rows={3} /> : <TextField key={lang} {...props} />;
        })}
      </div>
    </fieldset>
  );
}
