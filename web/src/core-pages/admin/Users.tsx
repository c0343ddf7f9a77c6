import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Link } from '../../app/router.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { Table } from '../../components/Table.tsx';
import { departments, users } from '../api/admin.ts';
import { StatusTags } from './StatusTags.tsx';

/** Staff accounts of the tenant. */
export function Users() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(() => Promise.all([users.list(api), departments.list(api).catch(() => [])]), [api]);
  const deptName = (id: string) => {
    const d = load.data?.[1].find((x) => x.id === id);
    return d ? (lang === 'en' && d.nameEn ? d.nameEn : d.nameJa) : '';
  };
  return (
    <ListPage title={t('console.nav.users')} newHref={to('/admin/users/new')} newLabel={t('users.new')} load={load}>
      {(data) => (
        <Table caption={t('console.nav.users')} minWidth="40rem" rows={data[0]} rowKey={(u) => u.id} empty={t('common.empty')} columns={[
          { header: t('users.display_name'), cell: (u) => <Link href={to(`/admin/users/${u.id}`)}>{u.displayName}</Link>, className: 'whitespace-nowrap' },
          { header: t('account.email'), cell: (u) => u.email },
          { header: t('users.departments'), cell: (u) => u.departmentIds.map(deptName).filter(Boolean).join('、') },
          { header: t('users.status'), cell: (u) => <StatusTags user={u} /> },
        ]} />
      )}
    </ListPage>
  );
}
