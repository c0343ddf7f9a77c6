import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { formatDate } from '../../app/format.ts';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Table } from '../../components/Table.tsx';
import { Select, TextField } from '../../components/fields.tsx';
import { Button } from '../../components/Button.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { auditLog, type AuditFilter } from '../api/admin.ts';

const LIMIT = 50;
const empty = { action: '', actorId: '', q: '', personal: '', from: '', to: '' };

/** The audit log: search by action, actor, text, personal data and date range, newest first. */
export function AuditLog() {
  const { t, lang } = useI18n();
  const { api } = useTenant();
  const [draft, setDraft] = useState(empty);
  const [filter, setFilter] = useState<AuditFilter>({ limit: LIMIT, offset: 0 });
  const load = useLoad(() => auditLog(api, filter), [api, filter]);
  const set = (k: keyof typeof empty) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({
      ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v)),
      // Dates are JST calendar days: from its start to the end of `to`.
      from: draft.from ? new Date(`${draft.from}T00:00:00+09:00`).toISOString() : undefined,
      to: draft.to ? new Date(`${draft.to}T23:59:59.999+09:00`).toISOString() : undefined,
      limit: LIMIT, offset: 0,
    });
  };
  return (
    <Page title={t('console.nav.audit')} lead={t('audit.lead')}>
      <form onSubmit={apply} aria-label={t('audit.filters')} className="mb-8 rounded-12 bg-solid-gray-50 p-4 md:p-6">
        <div className="grid items-end gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
          <TextField noTag id="audit-q" label={t('audit.q')} value={draft.q} onChange={set('q')} className="mb-4" />
          <TextField noTag id="audit-action" label={t('audit.action')} value={draft.action} onChange={set('action')} hint={t('audit.action_hint')} className="mb-4" />
          <TextField noTag id="audit-actor" label={t('audit.actor_id')} value={draft.actorId} onChange={set('actorId')} className="mb-4" />
          <Select noTag id="audit-personal" label={t('audit.personal')} value={draft.personal} onChange={set('personal')} className="mb-4"
            options={[{ value: '', label: t('audit.personal_any') }, { value: 'true', label: t('audit.personal_only') }]} />
          <TextField noTag id="audit-from" type="date" label={t('audit.from')} value={draft.from} onChange={set('from')} className="mb-4" />
          <TextField noTag id="audit-to" type="date" label={t('audit.to')} value={draft.to} onChange={set('to')} className="mb-4" />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="tertiary" onClick={() => { setDraft(empty); setFilter({ limit: LIMIT, offset: 0 }); }}>{t('common.clear')}</Button>
        </div>
      </form>
      <Loaded load={load}>{(data) => <>
        <Table caption={t('console.nav.audit')} minWidth="68rem" rows={data.items} rowKey={(a) => String(a.seq)} empty={t('audit.none')} columns={[
          { header: t('audit.seq'), cell: (a) => a.seq, className: 'text-right' },
          { header: t('audit.at'), cell: (a) => formatDate(a.at, lang, { time: true }), className: 'whitespace-nowrap' },
          { header: t('audit.actor'), cell: (a) => <>{t(`audit.kind_${a.actorKind}`)}{a.actorId && <ShortId id={a.actorId} />}</>, className: 'whitespace-nowrap' },
          { header: t('audit.action'), cell: (a) => <span className="font-mono text-dns-16N-130 whitespace-nowrap">{a.action}</span> },
          { header: t('audit.target'), cell: (a) => a.targetType ? <><span className="whitespace-nowrap">{a.targetType}</span>{a.targetId && <ShortId id={a.targetId} />}</> : '' },
          { header: t('audit.personal'), cell: (a) => a.personalData ? <span className="rounded-4 border border-warning-orange-2 px-1.5 text-dns-14B-130 text-warning-orange-2 whitespace-nowrap">{t('roles.personal_tag')}</span> : '' },
          { header: t('audit.details'), cell: (a) => <Details value={a.details} />, className: 'min-w-64' },
          { header: t('audit.ip'), cell: (a) => a.ip ?? '', className: 'whitespace-nowrap' },
        ]} />
        <Pagination offset={filter.offset} limit={LIMIT} total={data.total} onChange={(offset) => setFilter((f) => ({ ...f, offset }))} />
      </>}</Loaded>
    </Page>
  );
}

/** An id shortened to its first 8 characters; the whole id is kept for copying and screen readers. */
function ShortId({ id }: { id: string }) {
  return (
    <span className="block font-mono text-dns-14N-130 text-solid-gray-700" title={id}>
      <span aria-hidden="true">{id.length > 12 ? `${id.slice(0, 8)}…` : id}</span>
      <span className="sr-only">{id}</span>
    </span>
  );
}

/** An entry's details as `key: value` lines. */
function Details({ value }: { value: unknown }) {
  if (!value || typeof value !== 'object' || Object.keys(value).length === 0) return null;
  return (
    <dl className="text-dns-14N-130">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k} className="flex gap-1"><dt className="font-bold">{k}:</dt><dd className="break-all">{typeof v === 'string' ? v : JSON.stringify(v)}</dd></div>
      ))}
    </dl>
  );
}
