import { useEffect } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { navigate } from '../../app/router.tsx';
import { useParams } from '../../app/routes.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { TextArea, TextField } from '../../components/fields.tsx';
import { EditActions } from '../../components/EditActions.tsx';
import { ConfirmDeleteDialog, useConfirmDelete } from '../../components/ConfirmDeleteDialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { roles } from '../api/admin.ts';
import type { Permission } from '../api/types.ts';
import { required } from '../account/validate.ts';

/** Creates or edits a role: name, description and a permission checklist grouped by module. */
export function RoleEdit() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const perms = useLoad(() => roles.permissions(api), [api]);
  const form = useForm({ name: '', description: '', permissions: [] as string[] }, {
    idPrefix: 'role',
    labels: { name: t('roles.name'), description: t('roles.description'), permissions: t('roles.permissions') },
    validate: (v) => ({ name: required(v.name, t) }),
    onSubmit: async (v) => {
      if (isNew) await roles.create(api, v);
      else await roles.update(api, id, v);
      navigate(to('/admin/roles'));
    },
  });
  useEffect(() => {
    if (isNew) return;
    roles.list(api).then((all) => {
      const r = all.find((x) => x.id === id);
      if (r) form.setValues({ name: r.name, description: r.description ?? '', permissions: r.permissions });
    }, () => undefined);
  }, [api, id]); // deps: only when these change, not on every render
  const del = useConfirmDelete(async () => { await roles.remove(api, id); navigate(to('/admin/roles')); }, (message) => form.fail({}, message));
  return (
    <Page crumbs={[{ href: to('/admin/roles'), label: t('console.nav.roles') }]} title={isNew ? t('roles.new') : t('roles.edit')}>
      <Form form={form} className="max-w-3xl">
        <TextField {...form.bind('name')} required />
        <TextArea {...form.bind('description')} rows={3} />
        {perms.error && <Notice kind="error">{perms.error.message || t('error.generic')}</Notice>}
        {perms.data && <PermissionChecklist all={perms.data} value={form.values.permissions} onChange={(v) => form.set('permissions', v)} />}
        <EditActions busy={form.submitting} cancelHref={to('/admin/roles')} onDelete={isNew ? undefined : del.ask} />
      </Form>
      <ConfirmDeleteDialog state={del} title={t('roles.delete_title')} name={form.values.name} />
    </Page>
  );
}

/** Permissions grouped by the module that declares them; personal-data ones carry a marker. */
function PermissionChecklist({ all, value, onChange }: { all: Permission[]; value: string[]; onChange(v: string[]): void }) {
  const { t, pick } = useI18n();
  const groups = new Map<string, Permission[]>();
  for (const p of all) {
    const m = p.module || p.id.split('.')[0];
    groups.set(m, [...(groups.get(m) ?? []), p]);
  }
  return (
    <fieldset className="mb-8" id="role-permissions" tabIndex={-1}>
      <legend className="mb-1 text-std-17B-170">{t('roles.permissions')}</legend>
      <p className="mb-4 flex items-center gap-2 text-std-16N-170 text-solid-gray-700">
        <PersonalTag /> {t('roles.personal_hint')}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {[...groups.entries()].map(([module, list]) => (
          <fieldset key={module} className="rounded-12 border border-solid-gray-420 p-4">
            <legend className="px-1 text-std-16B-170">{t(`module.${module}`) === `module.${module}` ? module : t(`module.${module}`)}</legend>
            {list.map((p) => (
              <div key={p.id} className="mb-2 flex items-start gap-3">
                <input id={`perm-${p.id}`} type="checkbox" className="mt-1 size-6 shrink-0 accent-key-900" checked={value.includes(p.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((x) => x !== p.id))} />
                <label htmlFor={`perm-${p.id}`} className="text-std-16N-170">
                  {pick(p.label)} {p.personalData && <PersonalTag />}
                  <span className="block font-mono text-dns-14N-130 text-solid-gray-700">{p.id}</span>
                </label>
              </div>
            ))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}

function PersonalTag() {
  const { t } = useI18n();
  return <span className="inline-block rounded-4 border border-warning-orange-2 bg-white px-1.5 text-dns-14B-130 text-warning-orange-2 whitespace-nowrap">{t('roles.personal_tag')}</span>;
}
