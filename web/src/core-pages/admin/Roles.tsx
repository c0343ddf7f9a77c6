import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Link } from '../../app/router.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { Table } from '../../components/Table.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { roles } from '../api/admin.ts';

/** Roles: named sets of permissions given to staff. */
export function Roles() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { data, error } = useLoad(() => roles.list(api), [api]);
  return (
    <Page title={t('console.nav.roles')} actions={<ButtonLink href={to('/admin/roles/new')}>{t('roles.new')}</ButtonLink>}>
      {error && <Notice kind="error" live>{error.message || t('error.generic')}</Notice>}
      {!data && !error && <Loading />}
      {data && (
        <Table caption={t('console.nav.roles')} rows={data} rowKey={(r) => r.id} empty={t('common.empty')} columns={[
          { header: t('roles.name'), cell: (r) => <Link href={to(`/admin/roles/${r.id}`)}>{r.name}</Link> },
          { header: t('roles.description'), cell: (r) => r.description },
          { header: t('roles.permission_count'), cell: (r) => t('roles.count', { n: r.permissions.length }), className: 'whitespace-nowrap' },
        ]} />
      )}
    </Page>
  );
}
