import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { Page } from '../../../components/Page.tsx';
import { ButtonLink, Button } from '../../../components/Button.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Table } from '../../../components/Table.tsx';
import { Pagination } from '../../../components/Pagination.tsx';
import { Select, TextField } from '../../../components/fields.tsx';
import { categories, items } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';
import { textOf } from './TextsEditor.tsx';

const LIMIT = 50;

/** 分別辞典: a searchable, paged list of items with their category. */
export function ItemsPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const [q, setQ] = useState('');
  const [cat, setCat] = useState('');
  const [filter, setFilter] = useState({ q: '', categoryId: '', offset: 0 });
  const cats = useLoad(() => categories.list(api), [api]);
  const load = useLoad(() => items.list(api, { ...filter, limit: LIMIT }), [api, filter.q, filter.categoryId, filter.offset]);
  const catName = (id: string | null) => (id ? textOf(cats.data?.find((c) => c.id === id)?.name, lang) : t('garbage.admin.not_collected'));
  return (
    <Page title={t('garbage.admin.section.items')} crumbs={[{ href: to('/admin/garbage'), label: t('garbage.admin.title') }]} actions={<ButtonLink href={to('/admin/garbage/items/new')}>{t('garbage.admin.item_new')}</ButtonLink>}>
      <GarbageNav />
      <form role="search" aria-label={t('garbage.admin.item_search')} className="mb-6 flex flex-wrap items-end gap-x-4"
        onSubmit={(e) => { e.preventDefault(); setFilter({ q: q.trim(), categoryId: cat, offset: 0 }); }}>
        <TextField id="items-q" label={t('garbage.admin.item_q')} noTag value={q} onChange={setQ} type="search" className="md:w-80" />
        <Select id="items-category" label={t('garbage.admin.category')} noTag value={cat} onChange={setCat} className="md:w-64"
          options={[{ value: '', label: t('garbage.admin.all') }, ...(cats.data ?? []).map((c) => ({ value: c.id, label: textOf(c.name, lang) }))]} />
        <Button type="submit" variant="secondary" className="mb-6">{t('garbage.admin.search')}</Button>
      </form>
      <Loaded load={load}>
        {(d) => <>
          <Table caption={t('garbage.admin.section.items')} rows={d.items} rowKey={(r) => r.id} empty={t('garbage.admin.none')} columns={[
            { header: t('garbage.admin.name'), cell: (r) => <Link href={to(`/admin/garbage/items/${r.id}`)}>{textOf(r.name, lang)}</Link> },
            { header: t('garbage.admin.reading'), cell: (r) => r.reading },
            { header: t('garbage.admin.category'), cell: (r) => catName(r.categoryId) },
            { header: t('garbage.admin.fee'), cell: (r) => (r.fee === null ? '' : t('garbage.admin.yen', { n: r.fee.toLocaleString() })) },
          ]} />
          <Pagination offset={filter.offset} limit={LIMIT} total={d.total} onChange={(offset) => setFilter({ ...filter, offset })} />
        </>}
      </Loaded>
    </Page>
  );
}
