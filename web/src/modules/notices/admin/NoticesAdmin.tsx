import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Link } from '../../../app/router.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { Table } from '../../../components/Table.tsx';
import { ButtonLink } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { adminNotices } from '../api.ts';

/** Staff list of notices, drafts included. */
export function NoticesAdmin() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { data, error } = useLoad(() => adminNotices.list(api), [api]);
  return (
    <Page title={t('notices.admin_title')} actions={<ButtonLink href={to('/admin/notices/new')}>{t('notices.new')}</ButtonLink>}>
      {error && <Notice kind="error" live>{error.message || t('error.generic')}</Notice>}
      {!data && !error && <Loading />}
      {data && (
        <Table caption={t('notices.admin_title')} rows={data} rowKey={(n) => n.id} empty={t('notices.none')} columns={[
          { header: t('notices.title_ja'), cell: (n) => <Link href={to(`/admin/notices/${n.id}`)}>{n.titleJa}</Link> },
          { header: t('notices.category'), cell: (n) => t(`notices.category_${n.category}`) },
          { header: t('notices.status'), cell: (n) => n.publishedAt ? formatDate(n.publishedAt, lang, { time: true }) : t('notices.draft'), className: 'whitespace-nowrap' },
        ]} />
      )}
    </Page>
  );
}
