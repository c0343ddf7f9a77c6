import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { Table } from '../../../components/Table.tsx';
import { categories } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';
import { textOf } from './TextsEditor.tsx';
import { Swatch } from './Swatch.tsx';

/** 分別区分: every category with its colour, icon and code. */
export function CategoriesPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(() => categories.list(api), [api]);
  return (
    <ListPage title={t('garbage.admin.section.categories')} newHref={to('/admin/garbage/categories/new')} newLabel={t('garbage.admin.category_new')} load={load}>
      {(rows) => <>
        <GarbageNav />
        <Table caption={t('garbage.admin.section.categories')} rows={rows} rowKey={(r) => r.id} empty={t('garbage.admin.none')} columns={[
          { header: t('garbage.admin.name'), cell: (r) => <span className="flex items-center gap-2"><Swatch color={r.color} /><Link href={to(`/admin/garbage/categories/${r.id}`)}>{textOf(r.name, lang)}</Link></span> },
          { header: t('garbage.admin.code'), cell: (r) => <code>{r.code}</code> },
          { header: t('garbage.admin.icon'), cell: (r) => t(`garbage.admin.icon.${r.icon}`) },
          { header: t('garbage.admin.sort_order'), cell: (r) => r.sortOrder },
        ]} />
      </>}
    </ListPage>
  );
}
