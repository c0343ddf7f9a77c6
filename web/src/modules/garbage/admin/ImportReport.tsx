import { useI18n } from '../../../app/i18n/index.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { Table } from '../../../components/Table.tsx';
import type { ImportResult } from '../admin-api.ts';

/** An import's answer: what it counted, and every problem by file, row and column. */
export function ImportReport({ dryRun, result }: { dryRun: boolean; result: ImportResult }) {
  const { t } = useI18n();
  // The server gives a code for the catalogues and an English message for codes they do not know.
  const message = (l: ImportResult['report'][number]) => {
    const key = `garbage.admin.rc.${l.code}`;
    const text = l.code ? t(key, l.params) : key;
    return text === key ? l.message : text;
  };
  const errors = result.report.filter((l) => l.level === 'error').length;
  const countName = (k: string) => { const key = `garbage.admin.count.${k}`; const s = t(key); return s === key ? k : s; };
  const counts = Object.entries(result.counts).map(([k, n]) => `${countName(k)} ${n}`).join('、');
  const kind = errors ? 'error' : 'success';
  const head = errors ? t('garbage.admin.report_errors', { n: errors }) : dryRun || !result.imported ? t('garbage.admin.report_ok') : t('garbage.admin.imported');
  return (
    <section aria-labelledby="x-report-h" className="mb-8">
      <h2 id="x-report-h" className="mb-3 text-std-20B-150">{dryRun ? t('garbage.admin.report_dry') : t('garbage.admin.report')}</h2>
      <Notice kind={kind} live>{head}{counts && <span className="block">{t('garbage.admin.counts', { counts })}</span>}</Notice>
      <Table caption={t('garbage.admin.report_table')} rows={result.report.map((l, i) => ({ ...l, i }))} rowKey={(r) => String(r.i)} empty={t('garbage.admin.report_none')} minWidth="40rem" columns={[
        { header: t('garbage.admin.report.file'), cell: (r) => r.file },
        { header: t('garbage.admin.report.row'), cell: (r) => r.row || '' },
        { header: t('garbage.admin.report.column'), cell: (r) => r.column },
        { header: t('garbage.admin.report.message'), cell: (r) => message(r) },
        { header: t('garbage.admin.report.level'), cell: (r) => t(`garbage.admin.level.${r.level}`) },
      ]} />
    </section>
  );
}
