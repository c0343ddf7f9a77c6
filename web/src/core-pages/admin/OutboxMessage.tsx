import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { useParams } from '../../app/routes.tsx';
import { formatDate } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { outbox } from '../api/admin.ts';

/** One outgoing message with its body, as plain text (never rendered as HTML). */
export function OutboxMessage() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { id } = useParams();
  const load = useLoad(() => outbox.get(api, id), [api, id]);
  const m = load.data;
  const body = m ? (m.body ?? m.text ?? m.html ?? '') : '';
  const rows: [string, string][] = m ? [
    [t('outbox.to'), m.to ?? ''],
    [t('outbox.channel'), t(`outbox.channel_${m.channel}`)],
    [t('outbox.status'), t(`outbox.status_${m.status}`)],
    [t('outbox.attempts'), String(m.attempts)],
    [t('outbox.created'), formatDate(m.createdAt, lang, { time: true })],
    [t('outbox.sent'), formatDate(m.sentAt, lang, { time: true })],
    ...(m.lastError ? [[t('outbox.last_error'), m.lastError] as [string, string]] : []),
  ] : [];
  return (
    <Page crumbs={[{ href: to('/admin/outbox'), label: t('console.nav.outbox') }]} title={m?.subject || t('outbox.message')}>
      <p className="mb-6 text-std-16N-170"><Link href={to('/admin/outbox')}>{t('outbox.back')}</Link></p>
      <Loaded load={load}>{() => <>
        <dl className="mb-8 divide-y divide-solid-gray-200 rounded-12 border border-solid-gray-420">
          {rows.map(([k, v]) => (
            <div key={k} className="grid gap-1 p-4 sm:grid-cols-4"><dt className="text-std-16B-170">{k}</dt><dd className="break-all sm:col-span-3">{v}</dd></div>
          ))}
        </dl>
        <h2 className="mb-2 text-std-20B-150">{t('outbox.body')}</h2>
        <pre data-testid="outbox-body" className="overflow-x-auto rounded-8 bg-solid-gray-50 p-4 font-sans text-std-16N-170 whitespace-pre-wrap" tabIndex={0} aria-label={t('outbox.body')}>{body}</pre>
      </>}</Loaded>
    </Page>
  );
}
