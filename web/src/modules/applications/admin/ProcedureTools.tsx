import { useI18n } from '../../../app/i18n/index.tsx';
import { useTenant } from '../../../app/tenant.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { Link } from '../../../app/router.tsx';
import { Table } from '../../../components/Table.tsx';
import { downloads, procedures } from '../admin-api.ts';

/** A procedure as the inbox offers it: id, title and (when known) its state. */
export interface ProcedureChoice { id: string; title: string; state?: string }

/** The procedures this person may process (own, shared or, with PROCESS_ALL, every department; not archived), for the inbox's filter and tools. */
export function useProcessableProcedures() {
  const { api, me } = useTenant();
  return useLoad((): Promise<ProcedureChoice[]> => procedures.processable(api), [api, me?.id]);
}

/** Per procedure: download its submissions (CSV UTF-8 / CSV for Excel / JSON) and enter a paper application taken at the counter. */
export function ProcedureTools({ procs, selected }: { procs: { data: ProcedureChoice[] | null }; selected?: string }) {
  const { t } = useI18n();
  const { to, slug } = useTenant();
  const rows = (procs.data ?? []).filter((p) => !selected || p.id === selected);
  if (!procs.data) return null;
  return (
    <section aria-labelledby="tools-title" className="mt-10">
      <h2 id="tools-title" className="mb-2 text-std-24B-150">{t('applications.tools.title')}</h2>
      <p className="mb-4 text-std-16N-170">{t('applications.tools.lead')}</p>
      <Table caption={t('applications.tools.table')} rows={rows} rowKey={(p) => p.id} empty={t('applications.tools.none')} minWidth="48rem" columns={[
        { header: t('applications.inbox.procedure'), cell: (p) => p.title },
        {
          header: t('applications.tools.export'),
          cell: (p) => (
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              <li><a href={downloads.csv(slug, p.id, 'utf8')} download aria-label={`${t('applications.tools.csv_utf8')}：${p.title}`}>{t('applications.tools.csv_utf8')}</a></li>
              <li><a href={downloads.csv(slug, p.id, 'cp932')} download aria-label={`${t('applications.tools.csv_cp932')}：${p.title}`}>{t('applications.tools.csv_cp932')}</a></li>
              <li><a href={downloads.json(slug, p.id)} download aria-label={`${t('applications.tools.json')}：${p.title}`}>{t('applications.tools.json')}</a></li>
            </ul>
          ),
        },
        {
          header: t('applications.tools.counter'),
          cell: (p) => p.state === 'live'
            ? <Link href={to(`/admin/applications/counter/${p.id}`)} aria-label={`${t('applications.tools.counter_link')}：${p.title}`}>{t('applications.tools.counter_link')}</Link>
            : <span className="text-solid-gray-700">{t('applications.tools.not_live')}</span>,
        },
      ]} />
    </section>
  );
}
