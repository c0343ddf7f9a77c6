import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Link } from '../../../app/router.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { Table } from '../../../components/Table.tsx';
import { adminNotices } from '../api.ts';

/** Staff list of notices, drafts included. */
export function NoticesAdmin() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const load = useLoad(() => adminNotices.list(api), [api]);
  return (
    <ListPage title={t('notices.admin_title')} newHref={to('/admin/notices/new')} newLabel={t('notices.new')} load={load}>
      {(data) => (
        <Table caption={t('notices.admin_title')} rows={data} rowKey={(n) => n.id} empty={t('notices.none')} columns={[
          { header: t('notices.title_ja'), cell: (n) => <Link href={to(`/admin/notices/${n.id}`)}>{n.titleJa}</Link> },
          { header: t('notices.category'), cell: (n) => t(`notices.category_${n.category}`) },
          { header: t('notices.status'), cell: (n) => n.publishedAt ? formatDate(n.publishedAt, lang, { time: true }) : t('notices.draft'), className: 'whitespace-nowrap' },
        ]} />
      )}
    </ListPage>
  );
}
