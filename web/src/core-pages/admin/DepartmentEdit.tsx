import { useEffect } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { navigate } from '../../app/router.tsx';
import { useParams } from '../../app/routes.tsx';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { EditActions } from '../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../components/ConfirmDeleteDialog.tsx';
import { departments } from '../api/admin.ts';
import { required } from '../account/validate.ts';

/** Creates (`/departments/new`) or edits a department; deleting asks first. */
export function DepartmentEdit() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const form = useForm({ code: '', nameJa: '', nameEn: '' }, {
    idPrefix: 'dept',
    labels: { code: t('departments.code'), nameJa: t('departments.name_ja'), nameEn: t('departments.name_en') },
    validate: (v) => ({
      code: required(v.code, t) ?? (/^[a-z0-9][a-z0-9_-]*$/.test(v.code) ? undefined : t('departments.code_format')),
      nameJa: required(v.nameJa, t),
    }),
    onSubmit: async (v) => {
      if (isNew) await departments.create(api, v);
      else await departments.update(api, id, v);
      navigate(to('/admin/departments'));
    },
  });
  useEffect(() => {
    if (isNew) return;
    departments.list(api).then((all) => {
      const d = all.find((x) => x.id === id);
      if (d) form.setValues({ code: d.code, nameJa: d.nameJa, nameEn: d.nameEn });
    }, () => undefined);
  }, [api, id]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await departments.remove(api, id); navigate(to('/admin/departments')); }, (message) => form.fail({}, message));
  return (
    <Page crumbs={[{ href: to('/admin/departments'), label: t('console.nav.departments') }]} title={isNew ? t('departments.new') : t('departments.edit')} narrow>
      <Form form={form}>
        <TextField {...form.bind('code')} required hint={t('departments.code_hint')} />
        <TextField {...form.bind('nameJa')} required />
        <TextField {...form.bind('nameEn')} />
        <EditActions busy={form.submitting} cancelHref={to('/admin/departments')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('departments.delete_title')} name={form.values.nameJa} />
    </Page>
  );
}
