import { useState } from 'react';
import { useI18n } from '../../../app/i18n/index.tsx';
import { formatDate } from '../../../app/format.ts';
import { Button } from '../../../components/Button.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Table } from '../../../components/Table.tsx';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog.tsx';
import type { Ckan } from '../admin-api.ts';
import type { CkanPackage, CkanResource } from './types.ts';
import { ResourceCheckStatus } from './StateBadges.tsx';
import { UploadForm } from './UploadForm.tsx';
import { ReplaceDialog } from './ReplaceDialog.tsx';
import { CheckReport } from './CheckReport.tsx';
import { formatSize } from './util.ts';

/** The files of a dataset: upload, list with format, size and check status, replace, delete; reports of failed checks. */
export function ResourcesSection({ pkg, ckan, onChange }: { pkg: CkanPackage; ckan: Ckan; onChange(): void }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [replacing, setReplacing] = useState<CkanResource | null>(null);
  const [deleting, setDeleting] = useState<CkanResource | null>(null);
  // Announces the outcome of an upload or replacement: the check result is what staff wait for.
  const outcome = (r: CkanResource, done: string) => {
    if (r.check && !r.check.ok) setStatus({ kind: 'error', text: t('opendata.admin.res.check_failed', { name: r.name, n: r.check.problems }) });
    else if (r.check?.ok) setStatus({ kind: 'success', text: t('opendata.admin.res.check_passed', { name: r.name, rows: r.check.rows }) });
    else setStatus({ kind: 'success', text: done });
    onChange();
  };
  const remove = async () => {
    const r = deleting;
    if (!r) return;
    try {
      await ckan.removeResource(r.id);
      setStatus({ kind: 'success', text: t('opendata.admin.res.deleted', { name: r.name }) });
      onChange();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message || t('error.generic') });
    } finally {
      setDeleting(null);
    }
  };
  const failed = pkg.resources.filter((r) => r.check && !r.check.ok);
  return (
    <section aria-labelledby="resources-title" className="mb-10">
      <h2 id="resources-title" className="mb-4 text-std-24B-150">{t('opendata.admin.res.title')}</h2>
      {status && <Notice kind={status.kind} live>{status.text}</Notice>}
      <Table caption={t('opendata.admin.res.table')} rows={pkg.resources} rowKey={(r) => r.id} empty={t('opendata.admin.res.none')} minWidth="48rem" columns={[
        { header: t('opendata.admin.res.name'), cell: (r) => (r.url ? <a href={r.url}>{r.name}</a> : r.name) },
        { header: t('opendata.admin.res.format'), cell: (r) => r.format },
        { header: t('opendata.admin.res.size'), cell: (r) => formatSize(r.size), className: 'text-right whitespace-nowrap' },
        { header: t('opendata.admin.res.updated'), cell: (r) => formatDate(r.last_modified ?? r.created, lang, { time: true }) },
        { header: t('opendata.admin.res.check'), cell: (r) => <ResourceCheckStatus resource={r} /> },
        {
          header: t('opendata.admin.res.actions'), cell: (r) => r.url_type === 'living' ? t('opendata.admin.res.living') : (
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="secondary" onClick={() => setReplacing(r)}>
                {t('opendata.admin.res.replace')}<span className="sr-only">{t('opendata.admin.res.of', { name: r.name })}</span>
              </Button>
              <Button size="sm" variant="danger" onClick={() => setDeleting(r)}>
                {t('common.delete')}<span className="sr-only">{t('opendata.admin.res.of', { name: r.name })}</span>
              </Button>
            </div>
          ),
        },
      ]} />
      {failed.map((r) => <CheckReport key={r.id} resource={r} />)}
      <UploadForm packageId={pkg.id} ckan={ckan} hasTemplate={Boolean(pkg.template_id)} onUploaded={(r) => outcome(r, t('opendata.admin.res.uploaded', { name: r.name }))} />
      <ReplaceDialog resource={replacing} ckan={ckan} onClose={() => setReplacing(null)}
        onReplaced={(r) => { setReplacing(null); outcome(r, t('opendata.admin.res.replaced', { name: r.name })); }} />
      <ConfirmDeleteDialog title={t('opendata.admin.res.delete_title')} name={deleting?.name ?? ''}
        state={{ open: deleting !== null, ask: () => undefined, close: () => setDeleting(null), confirm: remove }} />
    </section>
  );
}
