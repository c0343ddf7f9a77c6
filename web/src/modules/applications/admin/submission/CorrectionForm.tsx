import { contentLang, useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { Form, useForm } from '../../../../components/form.tsx';
import { Checkbox, FieldLabel, FieldMessages, TextArea } from '../../../../components/fields.tsx';
import { Button } from '../../../../components/Button.tsx';
import { isVisible, visiblePages } from '../../form/engine.ts';
import { submissions, type SubmissionDetail } from '../../admin-api.ts';
import { textIn } from './AnswersView.tsx';

/** The fields an applicant could be asked to correct: every visible field that asks something, labelled with its page. */
export function correctableFields(detail: SubmissionDetail, lang: 'ja' | 'en' | 'ja-easy'): { value: string; label: string }[] {
  return visiblePages(detail.definition, detail.answers).flatMap((page) => page.sections
    .filter((s) => isVisible(s.showIf, detail.answers))
    .flatMap((s) => s.fields
      .filter((f) => f.type !== 'display' && isVisible(f.showIf, detail.answers))
      .map((f) => ({ value: f.key, label: `${textIn(page.title, lang)} › ${textIn(f.label, lang)}` }))));
}

/** 補正依頼: pick the fields the applicant must change and say why; the applicant gets an email and can edit only those. */
export function CorrectionForm({ detail, onDone }: { detail: SubmissionDetail; onDone(d: SubmissionDetail | null, message: string): void }) {
  const { t, lang: uiLang } = useI18n();
  const lang = contentLang(uiLang);
  const { api } = useTenant();
  const form = useForm({ correctionFields: [] as string[], message: '', note: '' }, {
    idPrefix: 'corr',
    labels: { correctionFields: t('applications.correction.fields'), message: t('applications.correction.message'), note: t('applications.actions.note') },
    validate: (v) => ({
      correctionFields: v.correctionFields.length ? undefined : t('applications.correction.pick_one'),
      message: v.message.trim() ? undefined : t('form.required'),
    }),
    onSubmit: async (v) => {
      const d = await submissions.setStatus(api, detail.id, { status: 'correction_requested', message: v.message.trim(), note: v.note.trim() || undefined, correctionFields: v.correctionFields });
      form.setValues({ correctionFields: [], message: '', note: '' });
      onDone(d ?? null, t('applications.correction.done'));
    },
  });
  const picked = form.values.correctionFields;
  const error = form.errors.fields.correctionFields;
  if (!['received', 'reviewing'].includes(detail.status)) return <p className="text-std-16N-170">{t('applications.correction.not_now')}</p>;
  return (
    <Form form={form} label={t('applications.correction.title')}>
      <fieldset className="mb-6" aria-describedby={`corr-correctionFields-hint${error ? ' corr-correctionFields-error' : ''}`}>
        <FieldLabel id="corr-correctionFields" label={t('applications.correction.fields')} as="legend" required />
        <FieldMessages id="corr-correctionFields" hint={t('applications.correction.fields_hint')} error={error} />
        {correctableFields(detail, lang).map((o) => (
          <Checkbox key={o.value} id={`corr-correctionFields-${o.value}`} label={o.label} checked={picked.includes(o.value)}
            onChange={(on) => form.set('correctionFields', on ? [...picked, o.value] : picked.filter((v) => v !== o.value))} />
        ))}
      </fieldset>
      <TextArea {...form.bind('message')} required rows={4} hint={t('applications.correction.message_hint')} />
      <TextArea {...form.bind('note')} rows={2} hint={t('applications.actions.note_hint')} />
      <Button type="submit" busy={form.submitting}>{t('applications.correction.submit')}</Button>
    </Form>
  );
}
