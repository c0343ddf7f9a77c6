import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Link } from '../../app/router.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { Table } from '../../components/Table.tsx';
import { roles } from '../api/admin.ts';

/** Roles: named sets of permissions given to staff. */
export function Roles() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(() => roles.list(api), [api]);
  return (
    <ListPage title={t('console.nav.roles')} newHref={to('/admin/roles/new')} newLabel={t('roles.new')} load={load}>
      {(data) => (
        <Table caption={t('console.nav.roles')} rows={data} rowKey={(r) => r.id} empty={t('common.empty')} columns={[
          { header: t('roles.name'), cell: (r) => <Link href={to(`/admin/roles/${r.id}`)}>{r.name}</Link> },
          { header: t('roles.description'), cell: (r) => r.description },
          { header: t('roles.permission_count'), cell: (r) => t('roles.count', { n: r.permissions.length }), className: 'whitespace-nowrap' },
        ]} />
      )}
    </ListPage>
  );
}
