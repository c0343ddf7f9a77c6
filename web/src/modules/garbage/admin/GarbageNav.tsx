import { useI18n } from '../../../app/i18n/index.tsx';
import { Link, useLocation } from '../../../app/router.tsx';
import { useTenant } from '../../../app/tenant.tsx';

const SECTIONS = ['', '/categories', '/items', '/areas', '/changes', '/preview', '/notices', '/exchange'] as const;

/** The module's sections under each page title, the current one marked for screen readers too. */
export function GarbageNav() {
  const { t } = useI18n();
  const { to } = useTenant();
  const { pathname } = useLocation();
  const here = (s: string) => (s === '' ? pathname === to('/admin/garbage') : pathname.startsWith(to(`/admin/garbage${s}`)));
  return (
    <nav aria-label={t('garbage.admin.sections')} className="mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-std-16N-170">
        {SECTIONS.map((s) => (
          <li key={s}>
            <Link href={to(`/admin/garbage${s}`)} aria-current={here(s) ? 'page' : undefined} className={here(s) ? 'font-bold' : ''}>
              {t(`garbage.admin.section${s.replace('/', '.') || '.overview'}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
