import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { navigate } from '../../app/router.tsx';
import { useParams } from '../../app/routes.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Page } from '../../components/Page.tsx';
import { Form, useForm } from '../../components/form.tsx';
import { Checkbox, CheckboxGroup, TextField } from '../../components/fields.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { EditActions } from '../../components/EditActions.tsx';
import { Notice } from '../../components/Notice.tsx';
import { departments, roles, users } from '../api/admin.ts';
import type { StaffUser } from '../api/types.ts';
import { required } from '../account/validate.ts';
import { StatusTags } from './StatusTags.tsx';

/** Creates or edits a staff account; for an existing one also unlock and reset 2FA. */
export function UserEdit() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const isNew = id === 'new';
  const [user, setUser] = useState<StaffUser | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; password: string } | null>(null);
  const opts = useLoad(() => Promise.all([departments.list(api), roles.list(api)]), [api]);
  const form = useForm({ email: '', displayName: '', password: '', departmentIds: [] as string[], roleIds: [] as string[], isTenantAdmin: false, disabled: false }, {
    idPrefix: 'user',
    labels: { email: t('account.email'), displayName: t('users.display_name'), password: t('users.initial_password') },
    validate: (v) => ({
      email: required(v.email, t),
      displayName: required(v.displayName, t),
      password: isNew && v.password && v.password.length < 10 ? t('form.password_short', { n: 10 }) : undefined,
    }),
    onSubmit: async ({ password, disabled, ...v }) => {
      if (!isNew) {
        await users.update(api, id, { ...v, disabled });
        navigate(to('/admin/users'));
        return;
      }
      const r = await users.create(api, password ? { ...v, password } : v);
      // A generated password is shown once, for the admin to hand over; otherwise back to the list.
      if (r.initialPassword) setCreated({ id: r.user.id, password: r.initialPassword });
      else navigate(to('/admin/users'));
    },
  });
  const load = () => users.get(api, id).then((u) => {
    setUser(u);
    form.setValues({ email: u.email, displayName: u.displayName, password: '', departmentIds: u.departmentIds ?? [], roleIds: u.roleIds ?? [], isTenantAdmin: u.isTenantAdmin, disabled: u.disabled });
  }, () => undefined);
  useEffect(() => { if (!isNew) void load(); }, [api, id]); // deps: only when these change, not on every render
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setDone(null);
    try { await fn(); setDone(message); void load(); } catch (e) { form.fail({}, (e as Error).message || t('error.generic')); }
  };
  const [depts, roleList] = opts.data ?? [[], []];
  if (created) {
    return (
      <Page crumbs={[{ href: to('/admin/users'), label: t('console.nav.users') }]} title={t('users.created_title')} narrow>
        <Notice kind="success" live title={t('users.created_body')}>
          <p className="mt-2">{t('users.initial_password')}: <code data-testid="initial-password" className="rounded-4 bg-white px-2 py-1 font-mono text-mono-17B-150">{created.password}</code></p>
        </Notice>
        <p className="mb-6 text-std-16N-170">{t('users.created_hint')}</p>
        <ButtonLink href={to('/admin/users')}>{t('users.back')}</ButtonLink>
      </Page>
    );
  }
  return (
    <Page crumbs={[{ href: to('/admin/users'), label: t('console.nav.users') }]} title={isNew ? t('users.new') : t('users.edit')} lead={user && <StatusTags user={user} />} narrow>
      {done && <Notice kind="success" live>{done}</Notice>}
      <Form form={form}>
        <TextField {...form.bind('displayName')} required autoComplete="off" />
        <TextField {...form.bind('email')} type="email" required autoComplete="off" />
        {isNew && <TextField {...form.bind('password')} type="password" autoComplete="new-password" hint={t('users.initial_password_hint')} />}
        <CheckboxGroup id="user-departmentIds" legend={t('users.departments')} value={form.values.departmentIds} onChange={(v) => form.set('departmentIds', v)}
          options={depts.map((d) => ({ value: d.id, label: lang === 'en' && d.nameEn ? d.nameEn : d.nameJa }))} />
        <CheckboxGroup id="user-roleIds" legend={t('users.roles')} value={form.values.roleIds} onChange={(v) => form.set('roleIds', v)}
          options={roleList.map((r) => ({ value: r.id, label: r.name }))} />
        <fieldset className="mb-6">
          <legend className="mb-2 text-std-17B-170">{t('users.account_flags')}</legend>
          <Checkbox id="user-isTenantAdmin" label={t('users.is_admin')} hint={t('users.is_admin_hint')} checked={form.values.isTenantAdmin} onChange={(v) => form.set('isTenantAdmin', v)} />
          {!isNew && <Checkbox id="user-disabled" label={t('users.is_disabled')} checked={form.values.disabled} onChange={(v) => form.set('disabled', v)} />}
        </fieldset>
        <EditActions busy={form.submitting} cancelHref={to('/admin/users')} />
      </Form>
      {!isNew && user && (
        <section aria-labelledby="user-security" className="mt-10 rounded-12 bg-solid-gray-50 p-6">
          <h2 id="user-security" className="mb-3 text-std-20B-150">{t('users.security')}</h2>
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" onClick={() => act(() => users.unlock(api, id), t('users.unlocked'))}>{t('users.unlock')}</Button>
            <Button variant="danger" onClick={() => act(() => users.resetTotp(api, id), t('users.totp_reset_done'))}>{t('users.reset_totp')}</Button>
          </div>
        </section>
      )}
    </Page>
  );
}
