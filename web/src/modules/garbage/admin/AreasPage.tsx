import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { Table } from '../../../components/Table.tsx';
import { areas } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';
import { textOf } from './TextsEditor.tsx';

/** 収集地区: every area with its towns, points and a link to its rules. */
export function AreasPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(() => areas.list(api), [api]);
  return (
    <ListPage title={t('garbage.admin.section.areas')} newHref={to('/admin/garbage/areas/new')} newLabel={t('garbage.admin.area_new')} load={load}>
      {(rows) => <>
        <GarbageNav />
        <Table caption={t('garbage.admin.section.areas')} rows={rows} rowKey={(r) => r.id} empty={t('garbage.admin.none')} minWidth="40rem" columns={[
          { header: t('garbage.admin.name'), cell: (r) => <Link href={to(`/admin/garbage/areas/${r.id}`)}>{textOf(r.name, lang)}</Link> },
          { header: t('garbage.admin.code'), cell: (r) => <code>{r.code}</code> },
          { header: t('garbage.admin.towns'), cell: (r) => r.towns.slice(0, 5).join('、') + (r.towns.length > 5 ? '…' : '') },
          { header: t('garbage.admin.points'), cell: (r) => r.points.length },
          {
            header: t('garbage.admin.actions'), className: 'whitespace-nowrap',
            cell: (r) => <Link href={to(`/admin/garbage/areas/${r.id}/rules`)} aria-label={t('garbage.admin.rules_of', { name: textOf(r.name, lang) })}>{t('garbage.admin.rules')}</Link>,
          },
        ]} />
      </>}
    </ListPage>
  );
}
