import type { ReactNode } from 'react';

const looks = {
  info: { box: 'border-key-900 bg-key-50', icon: 'M11 7h2v2h-2zm0 4h2v6h-2zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', color: 'text-key-900' },
  success: { box: 'border-success-2 bg-green-50', icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9z', color: 'text-success-2' },
  warning: { box: 'border-warning-orange-2 bg-orange-50', icon: 'M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z', color: 'text-warning-orange-2' },
  error: { box: 'border-error-2 bg-red-50', icon: 'M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z', color: 'text-error-2' },
};

/** A notification banner. `live` makes screen readers announce it (status for info/success, alert otherwise). */
export function Notice({ kind = 'info', title, children, live, className = '' }:
  { kind?: keyof typeof looks; title?: string; children?: ReactNode; live?: boolean; className?: string }) {
  const look = looks[kind];
  const role = live ? (kind === 'error' || kind === 'warning' ? 'alert' : 'status') : undefined;
  return (
    <div role={role} className={`mb-6 flex gap-3 rounded-8 border-2 p-4 ${look.box} ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className={`mt-0.5 size-6 shrink-0 fill-current ${look.color}`}><path d={look.icon} /></svg>
      <div className="min-w-0 text-std-16N-170 text-solid-gray-900">
        {title && <p className="text-std-17B-170">{title}</p>}
        {children}
      </div>
    </div>
  );
}
