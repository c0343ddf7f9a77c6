import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useParams } from '../../../app/routes.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { fromLocalInput, toLocalInput } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Form, useForm } from '../../../components/form.tsx';
import { CheckboxGroup, Select, TextField } from '../../../components/fields.tsx';
import { EditActions } from '../../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../../components/ConfirmDeleteDialog.tsx';
import { CATEGORIES, IDENTITY_LEVELS, listDepartments, procedures, type AdminProcedure, type ProcedureInput } from '../admin-api.ts';
import { LanguageTexts, TEXT_KEYS, type TextValues } from './LanguageTexts.tsx';
import { ProcedureLifecycle } from './ProcedureLifecycle.tsx';

type Values = TextValues & { category: string; departmentId: string; identityLevel: string; opensAt: string; closesAt: string; sharedDepartmentIds: string[]; languages: string[] };

const emptyTexts = Object.fromEntries(TEXT_KEYS.map((k) => [k, ''])) as TextValues;

function toValues(p: AdminProcedure): Values {
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, (p[k as keyof AdminProcedure] as string | undefined) ?? ''])) as TextValues;
  return {
    ...texts, category: p.category, departmentId: p.departmentId ?? '', identityLevel: p.identityLevel,
    opensAt: toLocalInput(p.opensAt), closesAt: toLocalInput(p.closesAt), sharedDepartmentIds: p.sharedDepartmentIds ?? [], languages: p.languages ?? ['ja'],
  };
}

function toInput(v: Values): ProcedureInput {
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, v[k].trim()])) as TextValues;
  return {
    ...texts, category: v.category, departmentId: v.departmentId, identityLevel: v.identityLevel,
    sharedDepartmentIds: v.sharedDepartmentIds.filter((id) => id !== v.departmentId),
    opensAt: fromLocalInput(v.opensAt), closesAt: fromLocalInput(v.closesAt),
    languages: ['ja', ...v.languages.filter((l) => l !== 'ja')],
  };
}

/** Creates (`…/procedures/new`) or edits a procedure's catalogue entry; for an existing one also its versions and lifecycle. */
export function ProcedureEdit() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const { search } = useLocation();
  const isNew = id === 'new';
  const [saved, setSaved] = useState(search.get('created') === '1');
  const departments = useLoad(() => listDepartments(api), [api]);
  const procedure = useLoad(() => (isNew ? Promise.resolve(null) : procedures.get(api, id)), [api, id]);
  const need = (v: string) => (v.trim() ? undefined : t('form.required'));
  const labels: Record<string, string> = Object.fromEntries(TEXT_KEYS.map((k) => [k, t(`applications.procedure.${k}`)]));
  const form = useForm<Values>({ ...emptyTexts, category: 'other', departmentId: '', identityLevel: 'none', opensAt: '', closesAt: '', sharedDepartmentIds: [], languages: ['ja'] }, {
    idPrefix: 'proc',
    labels: {
      ...labels, category: t('applications.procedure.category'), departmentId: t('applications.procedure.department'),
      identityLevel: t('applications.procedure.identity'), opensAt: t('applications.procedure.opens_at'), closesAt: t('applications.procedure.closes_at'),
    },
    validate: (v) => ({
      titleJa: need(v.titleJa), departmentId: need(v.departmentId),
      closesAt: v.opensAt && v.closesAt && v.closesAt <= v.opensAt ? t('applications.procedure.closes_before_opens') : undefined,
    }),
    onSubmit: async (v) => {
      setSaved(false);
      if (isNew) {
        const created = await procedures.create(api, toInput(v));
        navigate(to(`/admin/applications/procedures/${created.id}?created=1`), { replace: true });
      } else {
        await procedures.update(api, id, toInput(v));
        procedure.reload();
        setSaved(true);
      }
    },
  });
  useEffect(() => {
    if (procedure.data) form.setValues(toValues(procedure.data));
  }, [procedure.data]); // deps: only when these change, not on every render
  useEffect(() => {
    const first = departments.data?.[0];
    if (isNew && first && !form.values.departmentId) form.set('departmentId', first.id);
  }, [departments.data]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => {
    await procedures.remove(api, id);
    navigate(to('/admin/applications/procedures'));
  }, (message) => form.fail({}, message));
  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn || d.nameJa : d.nameJa }));
  const title = isNew ? t('applications.procedures.new') : procedure.data?.titleJa || t('applications.procedure.edit');
  return (
    <Page crumbs={[{ href: to('/admin/applications/procedures'), label: t('applications.procedures.title') }]} title={title}>
      {procedure.error && <Notice kind="error" live>{procedure.error.message || t('error.generic')}</Notice>}
      {saved && <Notice kind="success" live>{t('applications.procedure.saved')}</Notice>}
      {!isNew && procedure.data && <ProcedureLifecycle procedure={procedure.data} onChange={procedure.reload} />}
      {departments.data && departments.data.length === 0 && <Notice kind="warning">{t('applications.procedure.no_departments')}</Notice>}
      <h2 className="mb-4 text-std-24B-150">{t('applications.procedure.catalogue')}</h2>
      <Form form={form} className="max-w-3xl" label={t('applications.procedure.catalogue')}>
        <LanguageTexts form={form} />
        <fieldset className="mb-8 rounded-8 border border-solid-gray-420 p-4 md:p-6">
          <legend className="px-2 text-std-18B-160">{t('applications.procedure.settings')}</legend>
          <Select {...form.bind('category')} required options={CATEGORIES.map((c) => ({ value: c, label: t(`applications.category.${c}`) }))} />
          <Select {...form.bind('departmentId')} required hint={t('applications.procedure.department_hint')}
            options={[{ value: '', label: t('applications.procedure.choose') }, ...deptOptions]} />
          <CheckboxGroup id="proc-shared" legend={t('applications.procedure.shared')} hint={t('applications.procedure.shared_hint')}
            options={deptOptions.filter((d) => d.value !== form.values.departmentId)} value={form.values.sharedDepartmentIds}
            onChange={(v) => form.set('sharedDepartmentIds', v)} />
          <Select {...form.bind('identityLevel')} required hint={t('applications.procedure.identity_hint')}
            options={IDENTITY_LEVELS.map((l) => ({ value: l, label: t(`applications.identity.${l}`) }))} />
          <TextField {...form.bind('opensAt')} type="datetime-local" hint={t('applications.procedure.opens_at_hint')} />
          <TextField {...form.bind('closesAt')} type="datetime-local" hint={t('applications.procedure.closes_at_hint')} />
          <CheckboxGroup id="proc-languages" legend={t('applications.procedure.languages')} hint={t('applications.procedure.languages_hint')}
            options={[{ value: 'en', label: 'English' }, { value: 'ja-easy', label: 'やさしい日本語' }]}
            value={form.values.languages} onChange={(v) => form.set('languages', v)} />
        </fieldset>
        <EditActions busy={form.submitting} cancelHref={to('/admin/applications/procedures')}
          onDelete={isNew || (procedure.data?.submissionCount ?? 0) > 0 ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('applications.procedure.delete_title')} name={form.values.titleJa} />
    </Page>
  );
}
