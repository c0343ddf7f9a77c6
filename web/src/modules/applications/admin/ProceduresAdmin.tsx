import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { Table } from '../../../components/Table.tsx';
import { listDepartments, procedures } from '../admin-api.ts';
import { departmentName, StateBadge } from './parts.tsx';
import { ImportForm } from './ImportForm.tsx';

/** 手続きの管理: every procedure with its state, live version and submissions; create, import, edit, build the form. */
export function ProceduresAdmin() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(async () => {
    const [list, departments] = await Promise.all([procedures.list(api), listDepartments(api)]);
    return { list, departments };
  }, [api]);
  return (
    <ListPage title={t('applications.procedures.title')} newHref={to('/admin/applications/procedures/new')} newLabel={t('applications.procedures.new')} load={load}>
      {({ list, departments }) => <>
        <Table caption={t('applications.procedures.title')} rows={list} rowKey={(p) => p.id} empty={t('applications.procedures.none')} minWidth="52rem" columns={[
          { header: t('applications.procedure.title'), cell: (p) => <Link href={to(`/admin/applications/procedures/${p.id}`)}>{p.titleJa}</Link> },
          { header: t('applications.procedure.department'), cell: (p) => departmentName(departments, p.departmentId, lang) },
          { header: t('applications.procedures.state'), cell: (p) => <StateBadge state={p.state} /> },
          {
            header: t('applications.procedures.live_version'), className: 'whitespace-nowrap',
            cell: (p) => <>
              {p.liveVersion !== null ? t('applications.version_n', { n: p.liveVersion }) : t('applications.procedures.no_live')}
              {p.draftVersion !== null && <span className="block text-dns-14N-130 text-solid-gray-700">{t('applications.procedures.draft_version', { n: p.draftVersion })}</span>}
            </>,
          },
          { header: t('applications.procedures.submissions'), cell: (p) => p.submissionCount, className: 'text-right' },
          {
            header: t('applications.procedures.actions'), className: 'whitespace-nowrap',
            cell: (p) => (
              <Link href={to(`/admin/applications/procedures/${p.id}/form`)} aria-label={t('applications.procedures.build_named', { name: p.titleJa })}>
                {t('applications.procedures.build')}
              </Link>
            ),
          },
        ]} />
        <ImportForm departments={departments} />
      </>}
    </ListPage>
  );
}
