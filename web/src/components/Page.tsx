import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../app/i18n/index.tsx';
import { Link } from '../app/router.tsx';

/** A step of the breadcrumb trail. */
export interface Crumb { href: string; label: string }

/** The trail the layout starts every page with (portal: top page; console: ホーム). */
export const CrumbsContext = createContext<Crumb[]>([]);

let firstRender = true;

/**
 * A page's heading and document title. After a client-side navigation, focus moves to the h1 so a
 * screen reader announces the new page (a full load leaves focus at the top, as browsers do).
 */
export function Page({ title, site, lead, actions, children, narrow, hero, crumbs = [] }:
  { title: string; site?: string; lead?: ReactNode; actions?: ReactNode; children?: ReactNode; narrow?: boolean; hero?: ReactNode; crumbs?: Crumb[] }) {
  const { t } = useI18n();
  const trail = [...useContext(CrumbsContext), ...crumbs].filter((c) => c.href !== location.pathname);
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | ${site ?? t('app.name')}`;
  }, [title, site, t]);
  useEffect(() => {
    if (firstRender) { firstRender = false; return; }
    h1.current?.focus();
  }, []);
  return (
    <div className={narrow ? 'max-w-2xl' : ''}>
      {!hero && trail.length > 0 && (
        <nav aria-label={t('common.breadcrumbs')} className="mb-4">
          <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-dns-16N-130">
            {trail.map((c) => (
              <li key={c.href} className="flex items-center gap-2">
                <Link href={c.href}>{c.label}</Link>
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-solid-gray-700"><path d="m9 6 6 6-6 6-1.4-1.4 4.6-4.6-4.6-4.6z" /></svg>
              </li>
            ))}
            <li aria-current="page" className="text-solid-gray-800">{title}</li>
          </ol>
        </nav>
      )}
      <div className={hero ? 'mb-10 rounded-16 bg-key-50 px-6 py-8 md:px-10 md:py-12' : 'mb-6 flex flex-wrap items-end justify-between gap-4'}>
        <div>
          {hero}
          <h1 ref={h1} tabIndex={-1} className={hero ? 'text-std-32B-150 md:text-std-45B-140' : 'text-std-28B-150 md:text-std-32B-150'}>{title}</h1>
          {lead && <div className="mt-2 text-std-16N-170 text-solid-gray-800">{lead}</div>}
        </div>
        {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

/** A loading line announced politely. */
export function Loading() {
  const { t } = useI18n();
  return <p role="status" className="py-8 text-std-16N-170 text-solid-gray-700">{t('common.loading')}</p>;
}
