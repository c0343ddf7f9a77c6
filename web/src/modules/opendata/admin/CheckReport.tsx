import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Loaded } from '../../../components/Loaded.tsx';
import { Table } from '../../../components/Table.tsx';
import { staff } from '../admin-api.ts';
import type { CkanResource, ValidationReport } from './types.ts';
import { textIn } from './util.ts';

/** The standard-check report of one resource that failed: a summary and every problem by row and column. */
export function CheckReport({ resource }: { resource: CkanResource }) {
  const { t } = useI18n();
  const { api } = useTenant();
  // Reloaded whenever the file changes (the resource's last_modified moves).
  // Wrapped: a null report must not read as "still loading".
  const load = useLoad(async () => ({ report: await staff.check(api, resource.id) }), [api, resource.id, resource.last_modified, resource.size]);
  const headingId = `check-${resource.id}`;
  return (
    <section aria-labelledby={headingId} className="mb-8" data-testid="check-report">
      <h3 id={headingId} className="mb-3 text-std-20B-150">{t('opendata.admin.report.title', { name: resource.name })}</h3>
      <Loaded load={load}>{({ report: r }) => (r ? <ReportBody report={r} name={resource.name} /> : <p className="text-std-16N-170">{t('opendata.admin.report.missing_report')}</p>)}</Loaded>
    </section>
  );
}

function ReportBody({ report, name }: { report: ValidationReport; name: string }) {
  const { t, lang } = useI18n();
  const none = t('opendata.admin.report.none');
  const rows: [string, string][] = [
    [t('opendata.admin.report.encoding'), report.encoding],
    [t('opendata.admin.report.rows'), String(report.rows)],
    [t('opendata.admin.report.missing'), report.header.missing.join('、') || none],
    [t('opendata.admin.report.unknown'), report.header.unknown.join('、') || none],
  ];
  return <>
    <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-std-16N-170">
      {rows.map(([k, x]) => <div key={k} className="contents"><dt className="font-bold">{k}</dt><dd>{x}</dd></div>)}
    </dl>
    <Table caption={t('opendata.admin.report.table', { name })} rows={report.problems.map((p, i) => ({ ...p, i }))} rowKey={(p) => String(p.i)}
      empty={t('opendata.admin.report.no_problems')} minWidth="36rem" columns={[
        { header: t('opendata.admin.report.row'), cell: (p) => (p.row ? p.row : ''), className: 'text-right' },
        { header: t('opendata.admin.report.column'), cell: (p) => p.column },
        // Short values (codes, coordinates) stay on one line; long texts wrap.
        { header: t('opendata.admin.report.value'), cell: (p) => <span className={p.value.length <= 24 ? 'whitespace-nowrap' : ''}>{p.value}</span> },
        { header: t('opendata.admin.report.message'), cell: (p) => textIn(p.message, lang) },
      ]} />
    {report.moreProblems > 0 && <p className="text-std-16N-170">{t('opendata.admin.report.more', { n: report.moreProblems })}</p>}
  </>;
}
