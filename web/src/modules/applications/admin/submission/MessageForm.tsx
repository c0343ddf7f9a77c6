import { useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { Form, useForm } from '../../../../components/form.tsx';
import { TextArea } from '../../../../components/fields.tsx';
import { Button } from '../../../../components/Button.tsx';
import { submissions } from '../../admin-api.ts';

/** A message to the applicant (emailed, and shown on their status page). */
export function MessageForm({ id, onDone }: { id: string; onDone(message: string): void }) {
  const { t } = useI18n();
  const { api } = useTenant();
  const form = useForm({ message: '' }, {
    idPrefix: 'msg',
    labels: { message: t('applications.actions.message') },
    validate: (v) => ({ message: v.message.trim() ? undefined : t('form.required') }),
    onSubmit: async (v) => {
      await submissions.message(api, id, v.message.trim());
      form.setValues({ message: '' });
      onDone(t('applications.actions.message_done'));
    },
  });
  return (
    <Form form={form} label={t('applications.actions.message_title')}>
      <TextArea {...form.bind('message')} required rows={4} hint={t('applications.actions.message_hint')} />
      <Button type="submit" variant="secondary" busy={form.submitting}>{t('applications.actions.send')}</Button>
    </Form>
  );
}
