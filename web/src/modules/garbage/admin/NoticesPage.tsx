import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { formatDate } from '../../../app/format.ts';
import { ListPage } from '../../../components/ListPage.tsx';
import { Table } from '../../../components/Table.tsx';
import { notices } from '../admin-api.ts';
import { GarbageNav } from './GarbageNav.tsx';
import { textOf } from './TextsEditor.tsx';

/** お知らせ: the city's garbage notices with their period and whether they were published (pushed). */
export function NoticesPage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(() => notices.list(api), [api]);
  return (
    <ListPage title={t('garbage.admin.section.notices')} newHref={to('/admin/garbage/notices/new')} newLabel={t('garbage.admin.notice_new')} load={load}>
      {(rows) => <>
        <GarbageNav />
        <Table caption={t('garbage.admin.section.notices')} rows={rows} rowKey={(r) => r.id} empty={t('garbage.admin.none')} minWidth="40rem" columns={[
          { header: t('garbage.admin.notice_title'), cell: (r) => <Link href={to(`/admin/garbage/notices/${r.id}`)}>{textOf(r.title, lang)}</Link> },
          { header: t('garbage.admin.notice_kind'), cell: (r) => t(`garbage.admin.notice_kind.${r.kind}`) },
          { header: t('garbage.admin.period'), cell: (r) => `${r.startsOn} – ${r.endsOn}`, className: 'whitespace-nowrap' },
          { header: t('garbage.admin.status'), cell: (r) => (r.publishedAt ? t('garbage.admin.published_at', { at: formatDate(r.publishedAt, lang, { time: true }) }) : t('garbage.admin.unpublished')) },
        ]} />
      </>}
    </ListPage>
  );
}
