import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Link } from '../../../app/router.tsx';
import { citizenApi } from '../citizen-api.ts';
import { StatusBadge } from './badges.tsx';

/** A signed-in citizen's own applications and saved drafts (nothing when there are none). */
export function MyApplications() {
  const { t, lang } = useI18n();
  const { slug, to } = useTenant();
  const api = citizenApi(slug);
  const { data } = useLoad(async () => {
    const [subs, drafts] = await Promise.all([api.mySubmissions().catch(() => ({ items: [] })), api.myDrafts().catch(() => ({ items: [] }))]);
    return { subs: subs.items, drafts: drafts.items };
  }, [slug]);
  if (!data || (data.subs.length === 0 && data.drafts.length === 0)) return null;
  return (
    <section aria-labelledby="my-applications" className="mb-8 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-5">
      <h2 id="my-applications" className="mb-3 text-std-20B-150">{t('applications.mine')}</h2>
      {data.subs.length > 0 && (
        <ul className="mb-4 flex flex-col gap-2">
          {data.subs.map((s) => (
            <li key={s.receiptNumber} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Link href={to(`/applications/status?receipt=${encodeURIComponent(s.receiptNumber)}`)} className="text-std-16B-170">{s.procedureTitle}</Link>
              <StatusBadge status={s.status} />
              <span className="text-dns-14N-130 text-solid-gray-700">{t('applications.receipt_short', { number: s.receiptNumber })} · {formatDate(s.submittedAt, lang, { era: true })}</span>
            </li>
          ))}
        </ul>
      )}
      {data.drafts.length > 0 && <>
        <h3 className="mb-2 text-std-17B-170">{t('applications.my_drafts')}</h3>
        <ul className="flex flex-col gap-2">
          {data.drafts.map((d) => (
            <li key={d.token}>
              <Link href={to(`/applications/${d.procedureId}/apply?draft=${encodeURIComponent(d.token)}`)} className="text-std-16N-170">
                {t('applications.resume_named', { title: d.procedureTitle })}
              </Link>
              <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{formatDate(d.updatedAt, lang, { time: true })}</span>
            </li>
          ))}
        </ul>
      </>}
    </section>
  );
}
