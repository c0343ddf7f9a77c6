import { useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { Form, useForm } from '../../../../components/form.tsx';
import { Select, TextArea } from '../../../../components/fields.tsx';
import { Button } from '../../../../components/Button.tsx';
import { submissions, type SubmissionDetail } from '../../admin-api.ts';

/** The statuses staff may move a submission to from its current one (corrections have their own form). */
export function nextStatuses(status: string): string[] {
  if (status === 'received') return ['reviewing', 'completed', 'rejected'];
  if (status === 'reviewing') return ['completed', 'rejected'];
  if (status === 'correction_requested') return ['reviewing', 'rejected'];
  return [];
}

/** Change the status with an internal note and an optional message that is emailed to the applicant. */
export function StatusForm({ detail, onDone }: { detail: SubmissionDetail; onDone(d: SubmissionDetail | null, message: string): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const options = nextStatuses(detail.status);
  const form = useForm({ status: options[0] ?? '', note: '', message: '' }, {
    idPrefix: 'status',
    labels: { status: t('applications.actions.new_status'), note: t('applications.actions.note'), message: t('applications.actions.message_optional') },
    validate: (v) => ({ status: v.status ? undefined : t('form.required') }),
    onSubmit: async (v) => {
      const d = await submissions.setStatus(api, detail.id, { status: v.status, note: v.note.trim() || undefined, message: v.message.trim() || undefined });
      form.setValues({ status: nextStatuses(d?.status ?? v.status)[0] ?? '', note: '', message: '' });
      onDone(d ?? null, t('applications.actions.status_done', { status: t(`applications.status.${v.status}`) }));
    },
  });
  if (options.length === 0) return <p className="text-std-16N-170">{t('applications.actions.final')}</p>;
  return (
    <Form form={form} label={t('applications.actions.status_title')}>
      <Select {...form.bind('status')} required options={options.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))} />
      <TextArea {...form.bind('note')} rows={3} hint={t('applications.actions.note_hint')} />
      <TextArea {...form.bind('message')} rows={3} hint={t('applications.actions.message_hint')} />
      <Button type="submit" busy={form.submitting}>{t('applications.actions.change_status')}</Button>
    </Form>
  );
}
