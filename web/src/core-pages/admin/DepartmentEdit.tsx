import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { navigate } from '../../app/router.tsx';
import { useParams } from '../../app/routes.tsx';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextField } from '../../components/fields.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { departments } from '../api/admin.ts';
import { required } from '../account/validate.ts';

/** Creates (`/departments/new`) or edits a department; deleting asks first. */
export function DepartmentEdit() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const [confirm, setConfirm] = useState(false);
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
  const remove = async () => {
    try {
      await departments.remove(api, id);
      navigate(to('/admin/departments'));
    } catch (e) {
      setConfirm(false);
      form.fail({}, (e as Error).message || t('error.generic'));
    }
  };
  return (
    <Page crumbs={[{ href: to('/admin/departments'), label: t('console.nav.departments') }]} title={isNew ? t('departments.new') : t('departments.edit')} narrow>
      <Form form={form}>
        <TextField {...form.bind('code')} required hint={t('departments.code_hint')} />
        <TextField {...form.bind('nameJa')} required />
        <TextField {...form.bind('nameEn')} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={form.submitting}>{t('common.save')}</Button>
          <ButtonLink href={to('/admin/departments')} variant="secondary">{t('common.cancel')}</ButtonLink>
          {!isNew && <Button variant="danger" className="sm:ml-auto" onClick={() => setConfirm(true)}>{t('common.delete')}</Button>}
        </div>
      </Form>
      <Dialog open={confirm} title={t('departments.delete_title')} onClose={() => setConfirm(false)}>
        <p className="mb-6 text-std-16N-170">{t('common.delete_confirm', { name: form.values.nameJa })}</p>
        <div className="flex flex-wrap gap-3">
          <Button variant="danger" onClick={remove}>{t('common.delete')}</Button>
          <Button variant="secondary" onClick={() => setConfirm(false)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </Page>
  );
}
