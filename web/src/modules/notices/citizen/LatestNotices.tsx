import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Link } from '../../../app/router.tsx';
import { listPublic } from '../api.ts';

/** The three newest notices, for the portal's home page; nothing when there are none. */
export function LatestNotices() {
  const { t, lang } = useI18n();
  const { api, to } = useTenant();
  const { data } = useLoad(() => listPublic(api, lang, 3), [api, lang]);
  if (!data || data.length === 0) return null;
  return (
    <section aria-labelledby="latest-notices" className="mb-12">
      <h2 id="latest-notices" className="mb-4 text-std-24B-150">{t('notices.latest')}</h2>
      <ul className="divide-y divide-solid-gray-420 border-y border-solid-gray-420">
        {data.map((n) => (
          <li key={n.id} className="flex flex-col gap-1 py-4 sm:flex-row sm:gap-6">
            <time dateTime={n.publishedAt} className="shrink-0 text-dns-16N-130 text-solid-gray-700 sm:w-44">{formatDate(n.publishedAt, lang, { era: true })}</time>
            <Link href={`${to('/notices')}#notice-${n.id}`} className="text-std-17B-170">{n.title}</Link>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-std-16N-170"><Link href={to('/notices')}>{t('notices.all')}</Link></p>
    </section>
  );
}
