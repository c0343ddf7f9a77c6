import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Link } from '../../app/router.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { Table } from '../../components/Table.tsx';
import { departments } from '../api/admin.ts';

/** The tenant's departments (課). */
export function Departments() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(() => departments.list(api), [api]);
  return (
    <ListPage title={t('console.nav.departments')} newHref={to('/admin/departments/new')} newLabel={t('departments.new')} load={load}>
      {(data) => (
        <Table caption={t('console.nav.departments')} rows={data} rowKey={(d) => d.id} empty={t('common.empty')} columns={[
          { header: t('departments.code'), cell: (d) => <span className="font-mono">{d.code}</span> },
          { header: t('departments.name_ja'), cell: (d) => <Link href={to(`/admin/departments/${d.id}`)}>{d.nameJa}</Link> },
          { header: t('departments.name_en'), cell: (d) => d.nameEn },
        ]} />
      )}
    </ListPage>
  );
}
