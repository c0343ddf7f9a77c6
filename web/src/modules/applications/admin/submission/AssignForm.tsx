import { useEffect } from 'react';
import { useI18n } from '../../../../app/i18n/index.tsx';
import { useTenant } from '../../../../app/tenant.tsx';
import { useLoad } from '../../../../app/useLoad.ts';
import { Form, useForm } from '../../../../components/form.tsx';
import { Select } from '../../../../components/fields.tsx';
import { Button } from '../../../../components/Button.tsx';
import { submissions, type SubmissionDetail } from '../../admin-api.ts';

/** Assign the submission to a person who may process it (or to nobody). */
export function AssignForm({ detail, onDone }: { detail: SubmissionDetail; onDone(message: string): void }) {
  const { t } = useI18n();
  const { api, me } = useTenant();
  const people = useLoad(() => submissions.assignees(api, detail.procedureId), [api, detail.procedureId]);
  const form = useForm({ staffId: detail.assignee?.id ?? '' }, {
    idPrefix: 'assign',
    labels: { staffId: t('applications.actions.assignee') },
    onSubmit: async (v) => {
      await submissions.assign(api, detail.id, v.staffId || null);
      const name = (people.data ?? []).find((p) => p.id === v.staffId)?.name;
      onDone(name ? t('applications.actions.assign_done', { name }) : t('applications.actions.unassign_done'));
    },
  });
  useEffect(() => form.set('staffId', detail.assignee?.id ?? ''), [detail.assignee?.id]); // deps: only when these change, not on every render
  const list = people.data ?? (detail.assignee ? [detail.assignee] : []);
  const options = [{ value: '', label: t('applications.submission.unassigned') },
    ...list.map((p) => ({ value: p.id, label: p.id === me?.id ? t('applications.actions.me_named', { name: p.name }) : p.name }))];
  return (
    <Form form={form} label={t('applications.actions.assign_title')}>
      <Select {...form.bind('staffId')} options={options} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary" busy={form.submitting}>{t('applications.actions.assign')}</Button>
        {me && list.some((p) => p.id === me.id) && form.values.staffId !== me.id && (
          <Button variant="tertiary" onClick={() => form.set('staffId', me.id)}>{t('applications.actions.pick_me')}</Button>
        )}
      </div>
    </Form>
  );
}
