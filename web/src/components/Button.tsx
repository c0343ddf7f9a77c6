import type { ButtonHTMLAttributes } from 'react';
import { Link } from '../app/router.tsx';

/** Button looks from the design system: filled primary, outlined secondary, text-only tertiary, danger. */
export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'danger';

const look: Record<ButtonVariant, string> = {
  primary: 'bg-key-900 text-white border-key-900 hover:bg-key-1000 hover:border-key-1000 active:bg-key-1100 hover:underline',
  secondary: 'bg-white text-key-900 border-key-900 hover:bg-key-50 hover:text-key-1000 active:bg-key-100 hover:underline',
  tertiary: 'bg-transparent text-key-900 border-transparent underline underline-offset-3 hover:bg-key-50 hover:decoration-2',
  danger: 'bg-white text-error-2 border-error-2 hover:bg-red-50 hover:underline',
};

/** Shared classes, so links styled as buttons look the same. */
export function buttonClass(variant: ButtonVariant = 'primary', size: 'md' | 'lg' | 'sm' = 'md'): string {
  const sizing = size === 'lg' ? 'min-h-14 px-6 text-std-18B-160' : size === 'sm' ? 'min-h-9 px-3 text-dns-14B-130' : 'min-h-12 px-5 text-std-16B-170';
  return `inline-flex items-center justify-center gap-2 rounded-8 border-2 no-underline ${sizing} ${look[variant]} disabled:cursor-not-allowed disabled:border-solid-gray-300 disabled:bg-solid-gray-300 disabled:text-solid-gray-700 disabled:no-underline`;
}

/** A button. `busy` keeps it focusable but disabled while a request runs. */
export function Button({ variant = 'primary', size = 'md', busy, className = '', type = 'button', children, ...rest }:
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: 'md' | 'lg' | 'sm'; busy?: boolean }) {
  return (
    <button type={type} className={`${buttonClass(variant, size)} ${className}`} aria-busy={busy || undefined} disabled={rest.disabled || busy} {...rest}>
      {children}
    </button>
  );
}

/** A link that looks like a button (for navigation, which must stay a link). */
export function ButtonLink({ href, variant = 'primary', size = 'md', className = '', children }:
  { href: string; variant?: ButtonVariant; size?: 'md' | 'lg' | 'sm'; className?: string; children: React.ReactNode }) {
  return <Link href={href} className={`${buttonClass(variant, size)} ${className}`}>{children}</Link>;
}
