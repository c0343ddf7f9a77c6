import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { formatDate } from '../../../app/format.ts';
import { ApiError } from '../../../app/api.ts';
import { Button, ButtonLink, buttonClass } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Table } from '../../../components/Table.tsx';
import { procedures, type AdminProcedure } from '../admin-api.ts';
import { ConfirmDialog, StateBadge } from './parts.tsx';

type Action = 'publish' | 'close' | 'reopen' | 'archive';

/** Which lifecycle actions a procedure in this state offers. */
export function availableActions(p: Pick<AdminProcedure, 'state' | 'draftVersion'>): Action[] {
  const out: Action[] = [];
  if (p.draftVersion !== null) out.push('publish');
  if (p.state === 'live') out.push('close');
  if (p.state === 'closed') out.push('reopen');
  if (p.state === 'live' || p.state === 'closed') out.push('archive');
  return out;
}

/** A procedure's state, its form versions and the publish / close / reopen / archive / export actions (each confirmed first). */
export function ProcedureLifecycle({ procedure, onChange }: { procedure: AdminProcedure; onChange(): void }) {
  const { t, lang } = useI18n();
  const { api, to, slug } = useTenant();
  const versions = useLoad(() => procedures.versions(api, procedure.id), [api, procedure.id, procedure.updatedAt, procedure.state]);
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const run = async (action: Action) => {
    setBusy(true);
    setError('');
    setDone('');
    try {
      await procedures.action(api, procedure.id, action);
      setDone(t(`applications.lifecycle.done_${action}`));
      onChange();
      versions.reload();
    } catch (e) {
      setError((e instanceof ApiError && e.message) || t('error.generic'));
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };
  const exportHref = `/t/${slug}/api/admin/applications/procedures/${procedure.id}/export`;
  return (
    <section aria-labelledby="lifecycle-title" className="mb-10 rounded-12 border border-solid-gray-420 p-4 md:p-6">
      <h2 id="lifecycle-title" className="mb-3 flex flex-wrap items-center gap-3 text-std-24B-150">
        {t('applications.lifecycle.title')} <StateBadge state={procedure.state} />
      </h2>
      <p className="mb-4 text-std-16N-170">{t(`applications.lifecycle.explain_${procedure.state}`)}</p>
      {done && <Notice kind="success" live>{done}</Notice>}
      {error && <Notice kind="error" live>{error}</Notice>}
      <div className="mb-6 flex flex-wrap gap-3">
        <ButtonLink href={to(`/admin/applications/procedures/${procedure.id}/form`)}>{t('applications.procedures.build')}</ButtonLink>
        {availableActions(procedure).map((a) => (
          <Button key={a} variant={a === 'archive' ? 'danger' : 'secondary'} onClick={() => setAsking(a)}>{t(`applications.lifecycle.${a}`)}</Button>
        ))}
        <a href={exportHref} download={`procedure-${procedure.id}.json`} className={buttonClass('tertiary')}>{t('applications.lifecycle.export')}</a>
      </div>
      <h3 className="mb-2 text-std-20B-150">{t('applications.lifecycle.versions')}</h3>
      {versions.data && (
        <Table caption={t('applications.lifecycle.versions')} rows={versions.data} rowKey={(v) => v.id} empty={t('applications.lifecycle.no_versions')} columns={[
          { header: t('applications.lifecycle.version'), cell: (v) => t('applications.version_n', { n: v.version }), className: 'whitespace-nowrap' },
          { header: t('applications.procedures.state'), cell: (v) => <StateBadge state={v.state} /> },
          { header: t('applications.lifecycle.created'), cell: (v) => formatDate(v.createdAt, lang, { time: true }), className: 'whitespace-nowrap' },
          { header: t('applications.lifecycle.published'), cell: (v) => formatDate(v.publishedAt, lang, { time: true }), className: 'whitespace-nowrap' },
          { header: t('applications.procedures.submissions'), cell: (v) => v.submissionCount, className: 'text-right' },
        ]} />
      )}
      <ConfirmDialog open={asking !== null} busy={busy} variant={asking === 'archive' ? 'danger' : 'primary'}
        title={asking ? t(`applications.lifecycle.confirm_${asking}_title`) : ''}
        body={asking ? t(`applications.lifecycle.confirm_${asking}`, { name: procedure.titleJa, n: procedure.draftVersion ?? '' }) : ''}
        confirmLabel={asking ? t(`applications.lifecycle.${asking}`) : ''}
        onConfirm={() => asking && void run(asking)} onClose={() => setAsking(null)} />
    </section>
  );
}
