import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { formatDate } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Table } from '../../components/Table.tsx';
import { Select } from '../../components/fields.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { outbox } from '../api/admin.ts';

const LIMIT = 50;
const STATUSES = ['', 'pending', 'sending', 'sent', 'failed', 'dead'];

/** Outgoing messages (email, push): where mail lands when no SMTP server is configured. */
export function Outbox() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const load = useLoad(() => outbox.list(api, { status, limit: LIMIT, offset }), [api, status, offset]);
  return (
    <Page title={t('console.nav.outbox')} lead={t('outbox.lead')}>
      <Select noTag id="outbox-status" label={t('outbox.status')} value={status} onChange={(v) => { setStatus(v); setOffset(0); }} className="max-w-xs"
        options={STATUSES.map((s) => ({ value: s, label: s ? t(`outbox.status_${s}`) : t('outbox.status_any') }))} />
      <Loaded load={load}>{(data) => <>
        <Table caption={t('console.nav.outbox')} minWidth="48rem" rows={data.items} rowKey={(m) => m.id} empty={t('outbox.none')} columns={[
          { header: t('outbox.created'), cell: (m) => formatDate(m.createdAt, lang, { time: true }), className: 'whitespace-nowrap' },
          { header: t('outbox.channel'), cell: (m) => t(`outbox.channel_${m.channel}`), className: 'whitespace-nowrap' },
          { header: t('outbox.to'), cell: (m) => m.to ?? '' },
          { header: t('outbox.subject'), cell: (m) => <Link href={to(`/admin/outbox/${m.id}`)}>{m.subject || t('outbox.no_subject')}</Link> },
          { header: t('outbox.status'), cell: (m) => t(`outbox.status_${m.status}`), className: 'whitespace-nowrap' },
          { header: t('outbox.attempts'), cell: (m) => m.attempts, className: 'text-right' },
        ]} />
        <Pagination offset={offset} limit={LIMIT} total={data.total} onChange={setOffset} />
      </>}</Loaded>
    </Page>
  );
}
