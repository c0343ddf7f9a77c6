import { useI18n } from '../../../app/i18n/index.tsx';
import { FieldLabel, FieldMessages } from '../../../components/fields.tsx';
import { TEXT_LANGS, type Texts } from '../admin-api.ts';

/**
 * One Texts value (ja and seven other languages): Japanese always shown, the translations folded in a
 * <details> so a long form stays short. Inputs are `{id}-{lang}`, so the error summary's link to `{id}`
 * lands on the Japanese one, where the error (a server's `name.ja` mapped to `name`) is shown.
 */
export function TextsEditor({ id, label, value, onChange, required, multiline, error, hint }:
  { id: string; label: string; value: Texts; onChange(v: Texts): void; required?: boolean; multiline?: boolean; error?: string; hint?: string }) {
  const { t } = useI18n();
  const input = (lang: string) => {
    const fid = `${id}-${lang}`;
    const err = lang === 'ja' ? error : undefined;
    const props = {
      id: fid, name: fid, value: value[lang] ?? '', className: 'field-input',
      onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
      'aria-invalid': err ? true : undefined, 'aria-describedby': err ? `${fid}-error` : undefined,
      'aria-required': lang === 'ja' && required ? true : undefined, lang: lang === 'ja-easy' ? 'ja' : lang,
    };
    return (
      <div key={lang} className="mb-4">
        <FieldLabel id={fid} label={`${label}（${t(`garbage.admin.lang.${lang}`)}）`} required={lang === 'ja' && required} noTag={lang !== 'ja'} />
        <FieldMessages id={fid} error={err} />
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      </div>
    );
  };
  const filled = TEXT_LANGS.filter((l) => l !== 'ja' && value[l]).length;
  return (
    <div className="mb-6">
      {hint && <p className="mb-1 text-std-16N-170 text-solid-gray-700">{hint}</p>}
      {input('ja')}
      <details className="rounded-8 border border-solid-gray-200 px-4 py-2">
        <summary className="cursor-pointer text-std-16B-170 text-key-900">{t('garbage.admin.translations', { label, n: filled })}</summary>
        <div className="mt-3">{TEXT_LANGS.filter((l) => l !== 'ja').map(input)}</div>
      </details>
    </div>
  );
}

/** A Texts value with blank translations dropped (the server trims them too). */
export function cleanTexts(v: Texts): Texts {
  const out: Texts = { ja: v.ja?.trim() ?? '' };
  for (const l of TEXT_LANGS) if (l !== 'ja' && v[l]?.trim()) out[l] = v[l].trim();
  return out;
}

/** The text to show staff: the UI language when it is English and present, else Japanese. */
export function textOf(v: Partial<Texts> | null | undefined, lang: string): string {
  if (!v) return '';
  return (lang === 'en' && v.en) || v.ja || '';
}
