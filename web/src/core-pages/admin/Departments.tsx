import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { Link } from '../../app/router.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { Table } from '../../components/Table.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { Notice } from '../../components/Notice.tsx';
import { departments } from '../api/admin.ts';

/** The tenant's departments (課). */
export function Departments() {
  const { t } = useI18n();
  const { api, to } = useTenant();
  const { data, error } = useLoad(() => departments.list(api), [api]);
  return (
    <Page title={t('console.nav.departments')} actions={<ButtonLink href={to('/admin/departments/new')}>{t('departments.new')}</ButtonLink>}>
      {error && <Notice kind="error" live>{error.message || t('error.generic')}</Notice>}
      {!data && !error && <Loading />}
      {data && (
        <Table caption={t('console.nav.departments')} rows={data} rowKey={(d) => d.id} empty={t('common.empty')} columns={[
          { header: t('departments.code'), cell: (d) => <span className="font-mono">{d.code}</span> },
          { header: t('departments.name_ja'), cell: (d) => <Link href={to(`/admin/departments/${d.id}`)}>{d.nameJa}</Link> },
          { header: t('departments.name_en'), cell: (d) => d.nameEn },
        ]} />
      )}
    </Page>
  );
}
