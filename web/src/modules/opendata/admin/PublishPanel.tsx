import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { CkanApiError, type Ckan } from '../admin-api.ts';
import type { CkanPackage } from './types.ts';
import { PublicationBadge } from './StateBadges.tsx';
import { inLanguage } from './errors.ts';
import { checkOf, publicationOf } from './util.ts';

/**
 * 公開: where the dataset stands, 「公開する」 (active and public) and 「非公開にする」. A file that failed
 * the standard check keeps it from being published; the reason is shown before, and the server's refusal
 * (409 naming `resources`) after a click.
 */
export function PublishPanel({ pkg, ckan, onChange }: { pkg: CkanPackage; ckan: Ckan; onChange(p: CkanPackage): void }) {
  const { t, lang } = useI18n();
  const { to } = useTenant();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string; reasons?: string[] } | null>(null);
  // A refusal is about the files as they were: once a check changes, the live reason below replaces it.
  const checks = pkg.resources.map((r) => `${r.id}:${String(r.check?.ok)}`).join(',');
  useEffect(() => setStatus((s) => (s?.kind === 'error' ? null : s)), [checks]);
  const state = publicationOf(pkg);
  const blocked = checkOf(pkg.resources) === 'failed';
  const change = async (body: { state?: 'active'; private: boolean }, done: string) => {
    setBusy(true);
    setStatus(null);
    try {
      const saved = await ckan.patch(pkg.id, body);
      setStatus({ kind: 'success', text: done });
      onChange(saved);
    } catch (e) {
      const reasons = e instanceof CkanApiError ? inLanguage(Object.values(e.fields).flat(), lang) : [];
      setStatus({ kind: 'error', text: t('opendata.admin.pub.refused'), reasons: reasons.length ? reasons : [(e as Error).message || t('error.generic')] });
    } finally {
      setBusy(false);
    }
  };
  const publicHref = to(`/opendata/dataset/${encodeURIComponent(pkg.name)}`);
  return (
    <section aria-labelledby="publish-title" className="mb-10 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6">
      <h2 id="publish-title" className="mb-3 text-std-24B-150">{t('opendata.admin.pub.title')}</h2>
      <p className="mb-4 flex flex-wrap items-center gap-2 text-std-16N-170">
        {t('opendata.admin.pub.now')}<PublicationBadge state={state} />
      </p>
      {status && (
        <Notice kind={status.kind} live>
          {status.text}
          {status.reasons && <ul className="mt-1 list-disc pl-6">{status.reasons.map((r, i) => <li key={i}>{r}</li>)}</ul>}
        </Notice>
      )}
      {blocked && state !== 'public' && !status && (
        <p id="publish-reason" className="mb-4 text-std-16B-170 text-error-2">{t('opendata.admin.pub.blocked')}</p>
      )}
      <div className="mb-4 flex flex-wrap gap-3">
        {state !== 'public' && (
          <Button busy={busy} aria-describedby={blocked && !status ? 'publish-reason' : undefined}
            onClick={() => void change({ state: 'active', private: false }, t('opendata.admin.pub.published'))}>
            {t('opendata.admin.pub.publish')}
          </Button>
        )}
        {state === 'public' && (
          <Button variant="secondary" busy={busy} onClick={() => void change({ private: true }, t('opendata.admin.pub.unpublished'))}>
            {t('opendata.admin.pub.unpublish')}
          </Button>
        )}
      </div>
      <p className="text-std-16N-170">
        <a href={publicHref}>{t('opendata.admin.pub.public_page')}</a>
        {state !== 'public' && <span className="ml-2 text-solid-gray-700">{t('opendata.admin.pub.public_page_hint')}</span>}
      </p>
    </section>
  );
}
