import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLocation, Link } from '../../../app/router.tsx';
import { useWebAppManifest } from '../../../app/pwa.ts';
import { Loading, Page } from '../../../components/Page.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { toJstDateString } from '../engine.ts';
import { useGarbage } from './useGarbage.ts';
import { formatDay } from './texts.ts';

type Garbage = ReturnType<typeof useGarbage>;
type Ready = { answer: NonNullable<Garbage['answer']>; derived: NonNullable<Garbage['derived']> };

/**
 * The frame of the three garbage pages: title, the links between them, the installable manifest,
 * the "saved copy" line when offline, and the bundle's loading and errors; `children` gets the bundle.
 */
export function GarbageShell({ title, lead, children }: { title: string; lead?: string; children(g: Ready): ReactNode }) {
  const { t, lang, pick } = useI18n();
  const { slug, portal, to } = useTenant();
  const { pathname } = useLocation();
  useWebAppManifest(slug, 'garbage', lang);
  const g = useGarbage(slug);
  const tabs = [['/garbage', 'garbage.nav_calendar'], ['/garbage/search', 'garbage.nav_search'], ['/garbage/reminders', 'garbage.nav_reminders']] as const;
  return (
    <Page title={title} site={portal ? pick(portal.tenant.name) : undefined} lead={lead}>
      <nav aria-label={t('garbage.subnav')} className="mb-6">
        <ul className="grid grid-cols-3 gap-2">
          {tabs.map(([path, key]) => {
            const current = pathname === to(path);
            return (
              <li key={path}>
                <Link href={to(path)} aria-current={current ? 'page' : undefined}
                  className={`flex min-h-14 items-center justify-center rounded-8 border-2 px-2 text-center text-dns-16B-130 ${current ? 'border-key-900 bg-key-900 text-white no-underline' : 'border-key-900 bg-white text-key-900'}`}>
                  {t(key)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {g.answer?.offline && (
        <p role="status" className="mb-4 rounded-8 bg-solid-gray-50 px-3 py-2 text-dns-16N-130 text-solid-gray-800">
          {t('garbage.offline_copy', { date: formatDay(toJstDateString(g.answer.bundle.publishedAt), lang) })}
        </p>
      )}
      {g.error && <Notice kind={g.error.status === 404 ? 'info' : 'warning'} live>
        {t(g.error.status === 404 ? 'garbage.not_published' : g.error.status === 0 ? 'garbage.offline_none' : 'error.generic')}
      </Notice>}
      {!g.error && (g.answer && g.derived ? children({ answer: g.answer, derived: g.derived }) : <Loading />)}
    </Page>
  );
}
