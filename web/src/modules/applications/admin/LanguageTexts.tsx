import { useI18n } from '../../../app/i18n/index.tsx';
import { TextArea, TextField } from '../../../components/fields.tsx';

const PARTS = ['title', 'summary', 'description', 'eligibility', 'fees', 'documents'] as const;
const SUFFIXES = [['Ja', 'ja'], ['En', 'en'], ['Easy', 'easy']] as const;

/** The catalogue's texts: six parts in each of ja, en and やさしい日本語 (`titleJa`, `summaryEn` …). */
export const TEXT_KEYS = SUFFIXES.flatMap(([s]) => PARTS.map((p) => `${p}${s}`)) as TextKey[];
/** One catalogue text key. */
export type TextKey = `${(typeof PARTS)[number]}${(typeof SUFFIXES)[number][0]}`;
/** The catalogue texts as form values. */
export type TextValues = Record<TextKey, string>;

interface Bindable {
  bind(name: TextKey): { id: string; label: string; value: string; onChange(v: string): void; error?: string };
}

/** Three fieldsets (日本語 / English / やさしい日本語) with the procedure's title and texts; only the Japanese title is required. */
export function LanguageTexts({ form }: { form: Bindable }) {
  const { t } = useI18n();
  return <>
    {SUFFIXES.map(([suffix, name]) => (
      <fieldset key={suffix} className="mb-8 rounded-8 border border-solid-gray-420 p-4 md:p-6">
        <legend className="px-2 text-std-18B-160">{t(`applications.procedure.lang_${name}`)}</legend>
        <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t(`applications.procedure.lang_${name}_hint`)}</p>
        {PARTS.map((part) => {
          const key = `${part}${suffix}` as TextKey;
          const props = form.bind(key);
          const required = key === 'titleJa';
          return part === 'title' || part === 'summary'
            ? <TextField key={key} {...props} required={required} />
            : <TextArea key={key} {...props} rows={part === 'description' ? 5 : 3} />;
        })}
      </fieldset>
    ))}
  </>;
}
