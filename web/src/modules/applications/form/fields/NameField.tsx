import { useI18n } from '../../../../app/i18n/index.tsx';
import type { NameAnswer } from '../engine.ts';
import { normalizeKana } from '../engine.ts';
import { useFormContext } from '../context.ts';
import { childPath, getAt } from '../paths.ts';
import { FieldsetShell, SubInput, type FieldViewProps } from './Shell.tsx';

/** 姓 and 名, with フリガナ under them when the form asks for it (hiragana typed is turned into katakana). */
export function NameField({ field, path, id, error }: FieldViewProps) {
  const ctx = useFormContext();
  const { t } = useI18n();
  const raw = getAt(ctx.answers(), path);
  const name: NameAnswer = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw as NameAnswer : { family: '', given: '' };
  const part = (key: keyof NameAnswer) => ({
    id: `${id}-${key}`,
    value: name[key] ?? '',
    error: ctx.error(childPath(path, key)),
    onChange: (v: string) => ctx.set(path, { ...(getAt(ctx.answers(), path) as NameAnswer | undefined ?? { family: '', given: '' }), [key]: v }),
  });
  const kanaBlur = (key: 'familyKana' | 'givenKana') => () => {
    const cur = getAt(ctx.answers(), path) as NameAnswer | undefined;
    if (cur?.[key]) ctx.set(path, { ...cur, [key]: normalizeKana(cur[key]!) });
  };
  return (
    <FieldsetShell field={field} id={id} error={error} hint={field.furigana ? t('applications.form.kana_hint') : undefined}>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SubInput {...part('family')} label={t('applications.form.family')} autoComplete="family-name" />
        <SubInput {...part('given')} label={t('applications.form.given')} autoComplete="given-name" />
        {field.furigana && <>
          <SubInput {...part('familyKana')} label={t('applications.form.family_kana')} onBlur={kanaBlur('familyKana')} />
          <SubInput {...part('givenKana')} label={t('applications.form.given_kana')} onBlur={kanaBlur('givenKana')} />
        </>}
      </div>
    </FieldsetShell>
  );
}
