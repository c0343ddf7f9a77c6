import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { Page } from '../../../components/Page.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { listPublic } from '../api.ts';

/** `/t/{slug}/notices`: the city's published notices in the reader's language. */
export function NoticesPage() {
  const { t, lang, pick } = useI18n();
  const { api, portal } = useTenant();
  const load = useLoad(() => listPublic(api, lang), [api, lang]);
  // Arriving from the home page's list (`#notice-{id}`): bring that notice into view once loaded.
  useEffect(() => {
    if (load.data && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [load.data]);
  return (
    <Page title={t('notices.title')} site={portal ? pick(portal.tenant.name) : undefined} lead={t('notices.lead')}>
      <Loaded load={load}>{(list) => <>
        {list.length === 0 && <p className="text-std-16N-170">{t('notices.none')}</p>}
        {list.length > 0 && (
          <ul className="divide-y divide-solid-gray-420 border-y border-solid-gray-420">
            {list.map((n) => (
              <li key={n.id}>
                <article aria-labelledby={`notice-${n.id}`} className="py-6">
                  <p className="mb-1 flex flex-wrap items-center gap-3 text-dns-16N-130 text-solid-gray-700">
                    <time dateTime={n.publishedAt}>{formatDate(n.publishedAt, lang, { era: true })}</time>
                    {n.category && <span className="rounded-4 border border-key-900 px-1.5 text-dns-14B-130 text-key-900">{t(`notices.category_${n.category}`)}</span>}
                  </p>
                  <h2 id={`notice-${n.id}`} className="mb-2 text-std-20B-150">{n.title}</h2>
                  <p className="text-std-16N-175 whitespace-pre-line">{n.body}</p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </>}</Loaded>
    </Page>
  );
}
