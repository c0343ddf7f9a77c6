import { useI18n } from '../../../app/i18n/index.tsx';
import { Link, useLocation } from '../../../app/router.tsx';
import { useTenant } from '../../../app/tenant.tsx';

/** The module's sections under each page title (datasets, API tokens), the current one marked. */
export function OpendataNav() {
  const { t } = useI18n();
  const { to } = useTenant();
  const { pathname } = useLocation();
  const onTokens = pathname.startsWith(to('/admin/opendata/tokens'));
  const links = [
    { href: to('/admin/opendata'), label: t('opendata.admin.section.datasets'), here: !onTokens },
    { href: to('/admin/opendata/tokens'), label: t('opendata.admin.section.tokens'), here: onTokens },
  ];
  return (
    <nav aria-label={t('opendata.admin.sections')} className="mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-std-16N-170">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.here ? 'page' : undefined} className={l.here ? 'font-bold' : ''}>{l.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
