import type { ReactNode } from 'react';
import { ApiError } from '../../app/api.ts';
import { Notice } from '../../components/Notice.tsx';

/** A titled block of the settings page; `id` names its heading for the section's label. */
export function SettingsSection({ id, title, lead, children, level = 2 }: { id: string; title: string; lead?: string; children: ReactNode; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className={level === 2 ? 'mb-10 rounded-12 border border-solid-gray-420 p-6' : 'mt-6 border-t border-solid-gray-420 pt-6'}>
      <Heading id={id} className={level === 2 ? 'mb-2 text-std-24B-150' : 'mb-2 text-std-20B-150'}>{title}</Heading>
      {lead && <p className="mb-6 text-std-16N-170 text-solid-gray-800">{lead}</p>}
      {children}
    </section>
  );
}

/**
 * A polite live region that is always in the page, so screen readers announce the message put
 * into it (a region inserted together with its text is often not read out).
 */
export function SavedStatus({ message }: { message: string | null }) {
  return <div aria-live="polite">{message && <Notice kind="success">{message}</Notice>}</div>;
}

/** The server names the field but words its detail for developers; staff get the catalogue's sentence. */
export function readable(e: unknown, message: string): unknown {
  return e instanceof ApiError && e.status === 400 && e.field ? new ApiError(e.status, e.code, message, e.field) : e;
}
