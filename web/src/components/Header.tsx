import type { ReactNode } from 'react';
import { Link } from '../app/router.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import type { Lang } from '../app/i18n/index.tsx';

/** The town-hall mark beside the site name. */
export function Logo({ className = 'size-10' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={`shrink-0 ${className}`}>
      <rect width="32" height="32" rx="6" className="fill-key-900" />
      <path d="M6 14 16 7l10 7v2H6zM8 17h3v8H8zm6.5 0h3v8h-3zM21 17h3v8h-3zM6 26h20v2H6z" fill="#fff" />
    </svg>
  );
}

/** The banner: site name linking home, the language switch and whatever the area adds (account, sign-out). */
export function Header({ home, title, subtitle, children, accent, langs }: { home: string; title: string; subtitle?: string; children?: ReactNode; accent?: boolean; langs?: Lang[] }) {
  return (
    <header className={`border-b border-solid-gray-420 bg-white ${accent ? 'border-t-4 border-t-key-900' : ''}`}>
      <div className="container-page flex flex-wrap items-center gap-x-6 gap-y-2 py-3">
        <Link href={home} className="mr-auto flex items-center gap-3 text-solid-gray-900 no-underline hover:underline">
          <Logo />
          <span className="flex flex-col">
            <span className="text-std-20B-150 md:text-std-24B-150">{title}</span>
            {subtitle && <span className="text-dns-14N-130 text-solid-gray-700">{subtitle}</span>}
          </span>
        </Link>
        {/* On a phone the language switch takes its own row under the name and the account link. */}
        <div className="order-last w-full border-t border-solid-gray-200 pt-2 md:order-none md:w-auto md:border-0 md:pt-0">
          <LanguageSwitcher langs={langs} />
        </div>
        {children && <div className="flex items-center gap-3">{children}</div>}
      </div>
    </header>
  );
}

/** The page foot: links and the service name. */
export function Footer({ children, note }: { children?: ReactNode; note: string }) {
  return (
    <footer className="mt-16 border-t border-solid-gray-420 bg-solid-gray-50">
      <div className="container-page py-8">
        {children}
        <p className="mt-6 text-dns-14N-130 text-solid-gray-700">{note}</p>
      </div>
    </footer>
  );
}
