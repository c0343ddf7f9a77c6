import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Table } from '../../../components/Table.tsx';
import { Pagination } from '../../../components/Pagination.tsx';
import { TextField } from '../../../components/fields.tsx';
import { ckan } from '../admin-api.ts';
import { OpendataNav } from './OpendataNav.tsx';
import { CheckStatus, PublicationBadge } from './StateBadges.tsx';
import { publicationOf, textIn } from './util.ts';

const ROWS = 50;

/** データセット: every dataset the staff member may see (drafts and private ones too), newest change first, with search. */
export function DatasetsPage() {
  const { t, lang } = useI18n();
  const { slug, to } = useTenant();
  const api = useMemo(() => ckan(slug), [slug]);
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState({ q: '', start: 0 });
  const load = useLoad(() => api.search({ q: filter.q, rows: ROWS, start: filter.start }), [api, filter.q, filter.start]);
  const title = t('opendata.admin.title');
  return (
    <Page title={title} lead={t('opendata.admin.lead')}
      actions={<ButtonLink href={to('/admin/opendata/new')}>{t('opendata.admin.create')}</ButtonLink>}>
      <OpendataNav />
      <form role="search" aria-label={t('opendata.admin.search')} className="mb-6 flex flex-wrap items-end gap-x-4"
        onSubmit={(e) => { e.preventDefault(); setFilter({ q: q.trim(), start: 0 }); }}>
        <TextField id="datasets-q" label={t('opendata.admin.search_q')} noTag value={q} onChange={setQ} type="search" className="md:w-96" />
        <Button type="submit" variant="secondary" className="mb-6">{t('opendata.admin.search_button')}</Button>
      </form>
      <Loaded load={load}>
        {(d) => <>
          <Table caption={t('opendata.admin.datasets')} rows={d.results} rowKey={(r) => r.id} empty={t('opendata.admin.none')} minWidth="48rem" columns={[
            { header: t('opendata.admin.col.title'), cell: (r) => <Link href={to(`/admin/opendata/dataset/${encodeURIComponent(r.name)}`)}>{textIn(r.title_translated, lang, r.title || r.name)}</Link> },
            { header: t('opendata.admin.col.org'), cell: (r) => (r.organization ? textIn(r.organization.title_translated, lang, r.organization.title) : '') },
            { header: t('opendata.admin.col.state'), cell: (r) => <PublicationBadge state={publicationOf(r)} /> },
            { header: t('opendata.admin.col.updated'), cell: (r) => formatDate(r.metadata_modified, lang, { time: true }) },
            { header: t('opendata.admin.col.resources'), cell: (r) => r.num_resources, className: 'text-right' },
            { header: t('opendata.admin.col.check'), cell: (r) => <CheckStatus resources={r.resources ?? []} /> },
          ]} />
          <Pagination offset={filter.start} limit={ROWS} total={d.count} onChange={(start) => setFilter({ ...filter, start })} />
        </>}
      </Loaded>
    </Page>
  );
}
